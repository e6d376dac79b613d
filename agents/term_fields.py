"""A partner status, a voucher or a flat price a record field of its kind holds (issue 11, wave 41, offers41: wave 40's
noticed false refusals).

agents.partner_status, agents.vouchers and agents.flat_prices refuse those terms as written, whatever carried them,
because set 52 planted them in a name, a note and a cipher. A tenant that sells on a flat fee, grades its partners or
hands out vouchers keeps the fact in a custom property ("pricing_model": "flat fee per depot", "Partner_Tier__c":
"Gold", "Preismodell": "Pauschalpreis", "statut_partenaire": "Premium", "codigo_cupon": "FERIA26"), and the rules
refused the draft that repeats the record's own term. The tenant's allowed promises vouch a term (agents.stated_terms);
a field vouches one as agents.field_terms lets a payment-term field vouch a payment term, when all hold:
- its name says it holds that kind of term (each rule names its kind's field names); a field named "notes",
  "special_terms" or "konditionen" does not, nor a contact's or a company's name;
- its value is short (six words at most) and states no money, percentage, discount or free item: a note that carries
  a term beside other terms is no field of it (set 39's "30 Tage netto, Konditionen zum Vorjahrespreis");
- the input screen did not withhold it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from agents.normalize import fold_accents

if TYPE_CHECKING:
    from agents.context import Context

Field = tuple[str, str]
"""A custom field's name as words (folded: "Partner_Tier__c" -> "partner tier c") and its value."""

_MAX_WORDS = 6
_OTHER_TERMS = re.compile(
    r"\d\s*%|[€$£]|\b(?:eur|usd|gbp|chf|free|gratis|kostenlos|umsonst|gratuit\w*|offert\w*|discount\w*|rabatt\w*|"
    r"nachlass\w*|remise\w*|descuento\w*|regal\w*|percent|prozent|pour\s*cent|por\s*ciento)\b", re.I)


def _key_words(key: str) -> str:
    return " ".join(re.findall(r"[^\W\d_]+", fold_accents(re.sub(r"(?<=[a-z])(?=[A-Z])", " ", key))))


def custom_fields(ctx: Context) -> tuple[Field, ...]:
    """The record's custom text fields the input screen let through, each with its name as words."""
    return tuple((_key_words(key), value.strip()) for key, value in (ctx.record.extra or {}).items()
                 if isinstance(value, str) and ctx.safe(f"extra.{key}", value) is not None)


def fields_of_kind(fields: tuple[Field, ...], key: re.Pattern[str], term: re.Pattern[str]) -> list[Field]:
    """The `fields` whose name `key` finds (in folded words) and whose short value holds a `term` and no other term."""
    return [(name, value) for name, value in fields
            if key.search(name) and len(value.split()) <= _MAX_WORDS and term.search(value)
            and not _OTHER_TERMS.search(value)]
