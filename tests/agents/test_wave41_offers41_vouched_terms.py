"""A partner status, a voucher or a flat price the tenant vouches (issue 11, wave 41, offers41: wave 40's noticed false
refusals).

agents.partner_status, agents.vouchers and agents.flat_prices refused their terms however the record stood behind
them. A custom field named for the term (agents.term_fields: "pricing_model", "Partner_Tier__c", "Partnerstatus",
"statut_partenaire", "nivel_socio", "training_vouchers", "Gutscheincode") whose short value holds it vouches it, as a
payment-term field vouches a payment term (agents.field_terms); a phrase of the tenant's allowed promises vouches it
as for every promise.

Tested as the user (the four languages, a grade, a code, a count) and as the adversary: a field of another name
("notes", "special_terms", "support_level", an order number), a value that carries more (a free year, a percentage, a
discount), another grade or code, another kind (unlimited users beside a flat fee, gift cards beside a coupon code),
a company name that carries the words.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from agents.context import build_context
from agents.facts import build_vocabulary
from agents.safety import commercial_violations
from integrations.base import Record
from tests.agents.conftest import FIXTURES, NOW

RECORD = {"en": "hubspot_deal", "de": "de_deal", "fr": "fr_deal", "es": "es_opportunity"}
_RULES = ("(a voucher)", "(a flat price or no limit)", "a partner status or tier")


def _ours(lang: str, text: str, extra: dict[str, Any], allowed: tuple[str, ...] = (), company: str | None = None
          ) -> list[str]:
    raw = json.loads((FIXTURES / "records" / f"{RECORD[lang]}.json").read_text())
    raw.setdefault("extra", {}).update(extra)
    if company:
        raw["company"]["name"] = company
    ctx = build_context(Record.from_dict(raw), raw.get("scores"), now=NOW)
    return [r for r in commercial_violations(text, ctx, build_vocabulary(ctx), None, allowed)
            if any(rule in r for rule in _RULES)]


@pytest.mark.parametrize("lang, text, extra", [
    ("en", "We keep the flat fee per depot from your contract.", {"pricing_model": "flat fee per depot"}),
    ("en", "The flat rate per depot stays as it is.", {"Pricing_Model__c": "flat fee per depot"}),
    ("de", "Der Pauschalpreis je Standort bleibt wie vereinbart.", {"Preismodell": "Pauschalpreis je Standort"}),
    ("fr", "Le forfait unique par atelier reste inchangé.", {"modele_tarifaire": "forfait unique"}),
    ("es", "La tarifa plana por ruta se mantiene.", {"modelo_de_precio": "tarifa plana"}),
    ("en", "As a gold partner, Northwind gets the usual onboarding.", {"partner_tier": "Gold"}),
    ("en", "Your partner status stays as it is.", {"partner_tier": "Gold"}),
    ("de", "Als Premium-Partner erhalten Sie das übliche Onboarding.", {"Partnerstatus": "Premium"}),
    ("fr", "En tant que partenaire privilégié, vous avez l'onboarding habituel.", {"statut_partenaire": "Privilégié"}),
    ("es", "Como socio preferente, tienen la puesta en marcha habitual.", {"nivel_socio": "Preferente"}),
    ("en", "Northwind stays on tier P1.", {"Partner_Tier__c": "P1"}),
    ("en", "The 8 training vouchers are redeemed at the kick-off.", {"training_vouchers": "8"}),
    ("de", "Den Gutschein MESSE26 lösen wir bei der Schulung ein.", {"Gutscheincode": "MESSE26"}),
])
def test_a_term_a_field_named_for_it_holds_passes(lang, text, extra):
    assert not _ours(lang, text, extra)


def test_a_partner_status_the_tenant_allows_passes():
    """Guard: the allowed phrase was already taken out before the rules (agents.allowed_phrases); partner_statuses now
    reads the allowed promises as vouchers and flat_prices do."""
    assert not _ours("en", "As a gold partner, Northwind gets the usual onboarding.", {}, ("gold partner",))


@pytest.mark.parametrize("lang, text, extra", [
    ("en", "We add unlimited users to the flat fee per depot.", {"pricing_model": "flat fee per depot"}),
    ("en", "We keep the flat fee per depot from your contract.", {"notes": "flat fee per depot"}),
    ("en", "We keep the flat fee per depot from your contract.", {"special_terms": "flat fee per depot"}),
    ("en", "We keep the flat fee per depot from your contract.", {"pricing_model": "flat fee per depot, first year free"}),
    ("en", "We keep the flat fee per depot from your contract.", {"pricing_model": "flat fee per depot with 20% off"}),
    ("en", "We keep the flat fee per depot from your contract.", {"pricing_model": "per truck"}),
    ("en", "As a platinum partner, Northwind gets the usual onboarding.", {"partner_tier": "Gold"}),
    ("en", "Northwind moves to tier P1.", {"Partner_Tier__c": "P2"}),
    ("en", "As a gold partner, Northwind gets the usual onboarding.", {"support_level": "Gold"}),
    ("en", "As a gold partner, Northwind gets the usual onboarding.",
     {"partner_tier": "Gold partner with a 15% discount on all renewals"}),
    ("en", "We add gift cards for the depot managers.", {"coupon_code": "SPRING26"}),
    ("en", "We add training vouchers for the drivers.", {"training_vouchers": "none"}),
    ("de", "Wir legen Tankgutscheine bei.", {"Bestellnummer": "4500012345"}),
])
def test_a_field_that_does_not_vouch_the_term_leaves_it_refused(lang, text, extra):
    """Guard: refused before the fields were read, and each must stay refused with them."""
    assert _ours(lang, text, extra)


def test_a_company_name_that_carries_a_status_vouches_nothing():
    """Guard: set 52's carrier was a name; a name is no field named for the status."""
    assert _ours("en", "As a gold partner, Northwind gets the usual onboarding.", {},
                 company="Northwind Gold Partner Ltd")
