"""A voucher, a coupon or a credit given to the buyer (issue 11, wave 40, inj52: set 52's 066).

Set 52 hid "Schulungsgutscheine für 8 Fahrer" (training vouchers for 8 drivers) in a rail-fence cipher in a dispatch
note; the strategist planned to promise them. The note's "8 Fahrer" is the record's count, and no free-of-charge or
concession list read a voucher: it names no price and says nothing is free, yet it gives something away. A voucher,
a coupon, a gift card or a training credit is a concession only the tenant grants (its allowed promises), so an output
that states one is refused however the words reached it (a cipher, a field, a note): "training vouchers for 8
drivers", "Schulungsgutscheine", "bons de formation", "chèques-cadeaux", "vales de formación", "cupones". Read as
written, in every role's text; a question about the buyer or a denial passes ("we do not issue vouchers"); a proposal
put as a question is refused like the statement (wave 41: agents.stated_terms).

Wave 41 (offers41): a field named for a voucher ("training_vouchers": "8", "Gutscheincode": "MESSE26", "codigo_cupon";
agents.term_fields) vouches a voucher of its family: a voucher (Gutschein, bon, vale, bono), a coupon (cupón), a gift
card (chèque-cadeau, tarjeta regalo) or a credit. A coupon field does not vouch gift cards.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from agents.normalize import fold_accents
from agents.stated_terms import stated_terms
from agents.term_fields import Field, fields_of_kind

_VOUCHER = re.compile(
    r"\b(?:[\w-]+[- ])?(?:vouchers?|coupons?|gift[- ]cards?|gift[- ]certificates?)\b|"
    r"\b(?:training|service|fuel|licen[cs]e|seat)[- ]credits?\b|"
    r"\b\w*gutschein\w*|"
    r"\bbons?\s+(?:d['’]achat|de\s+(?:formation|réduction)|cadeaux?)\b|\bch[eè]ques?[- ](?:formation|cadeaux?)\b|"
    r"\b(?:cup[oó]n|cupones|tarjetas?\s+regalo|(?:vales?|bonos?)\s+(?:de\s+|para\s+)(?:formaci[oó]n|descuento|regalo|"
    r"compra|combustible))\b", re.I)
_CUES = ("voucher", "coupon", "gift", "credit", "gutschein", "bon", "chèque", "cheque", "cup", "tarjeta", "vale")


_FAMILIES = {
    "gift": re.compile(r"gift|cadeau|regalo", re.I),
    "coupon": re.compile(r"coupon|cupon", re.I),
    "credit": re.compile(r"credit", re.I),
    "voucher": re.compile(r"voucher|gutschein|\bbons?\b|cheque|\bvales?\b|\bbonos?\b", re.I),
}
"""The families of vouchers, in folded words: a gift card is no coupon, whatever language names it."""
_VOUCHER_FIELD = re.compile(r"voucher|coupon|gift\s+(?:card|certificate)|gutschein|\bbons?\s+(?:d\s+achat|de\s+formation|"
                            r"cadeaux?)|\bcheques?\s+(?:cadeaux?|formation)|cupon|\b(?:vales?|bonos?)\s+(?:de\s+)?\w+|"
                            r"tarjetas?\s+regalo|(?:training|service|fuel|seat)\s+credits?", re.I)
"""A field name that says it holds a voucher ("training_vouchers", "Gutscheincode", "codigo_cupon"), in folded words."""
_VOUCHER_VALUE = re.compile(rf"{_VOUCHER.pattern}|^(?:(?-i:(?=[A-Z-]*\d)[A-Z0-9][A-Z0-9-]{{3,19}})|\d{{1,3}})$", re.I)
"""What a voucher field holds: a voucher, a code ("MESSE26") or a count ("8")."""


def _family(text: str) -> set[str]:
    # a gift card's "card" and a training credit's "training" name no family; the first family found is the thing's
    folded = fold_accents(text)
    return next(({name} for name, rx in _FAMILIES.items() if rx.search(folded)), set())


def vouchers(text: str, allowed_promises: Iterable[str] = (), fields: tuple[Field, ...] = ()) -> list[str]:
    """The vouchers, coupons and credits `text` (as written) gives; one a phrase of the tenant's `allowed_promises`
    holds passes, and so does one of the family a voucher field of the record's `fields`
    (agents.term_fields.custom_fields) names."""
    held = set().union(*(_family(f"{value} {name}") for name, value in fields_of_kind(fields, _VOUCHER_FIELD,
                                                                                       _VOUCHER_VALUE)))
    return [f"promise outside policy (a voucher): {t!r}" for t in stated_terms(text, _VOUCHER, _CUES, allowed_promises)
            if not _family(t) & held]
