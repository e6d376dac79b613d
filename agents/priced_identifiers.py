"""An identifier that glues a discount or a price word to a number states that discount or price (issue 11, wave 33).

Set 37's 151: an injected outbound email's subject "Angebot_Mueller_Rabatt25.pdf" and a writer's subject
"Angebot_Mueller_Rabatt25" that restates it. Written as words ("Rabatt 25 %") the discount rules and the facts check
refuse it; glued into one token they read nothing: the figure is part of a word to the facts check, and since wave 31 a
file name is an identifier to the price check (agents.file_names). The learned screen caught it until its rebuild on
wave 31's code, which is no rule. A token that puts a discount word and a number side by side, with nothing between
them or only "_" or "-" ("Rabatt25", "discount15", "remise_20", "descuento-30", "25Rabatt", "20off"), states that
discount wherever it stands, a subject, a file name or a code: the policy must approve it. One that puts a price word
beside an amount ("Preis9900", "precio_1200") states that price: the record must hold it. An identifier whose number
sits beside any other word stays an identifier: a file name of the record's count ("Angebot-Mueller-120-Fahrzeuge.pdf",
set 40), a version ("v2025"), a purchase-order number ("PO-4471"), a year beside a price list ("Preise_2026.pdf").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from agents.facts import close_to_any, parse_number
from agents.normalize import normalise

_DISCOUNT_WORDS = frozenset(
    "discount discounts rebate rebates markdown markdowns remise remises rabais ristourne ristournes reduction "
    "réduction descuento descuentos rebaja rebajas reduccion reducción bonificacion bonificación".split())
_DISCOUNT_ENDS = ("rabatt", "nachlass", "abschlag", "skonto")
"""German compounds end in their head: "Sonderrabatt", "Preisnachlass", "Mengenabschlag"."""
_TIGHT_DISCOUNT_WORDS = frozenset({"off", "save"})
"""Promo-code words, read only glued or after "_" ("20OFF", "SAVE_15"): "1-off" is a one-off, not 1 % off."""
_PRICE_WORDS = frozenset(
    "price prices pricing cost costs fee fees total amount prix tarif tarifs coût coûts cout couts montant precio "
    "precios tarifa tarifas coste costes costo costos importe".split())
_PRICE_ENDS = ("preis", "preise", "kosten", "gebühr", "gebühren", "betrag", "summe")

_NUMBER = r"\d+(?:[.,]\d+)?"
_WORD_THEN_NUMBER = re.compile(
    rf"(?<![^\W\d_])([^\W\d_]{{2,}})([_-]?)({_NUMBER})(?![.,]?\d)(?=(?:%|pct|prozent|percent)?(?![^\W\d_]))", re.I)
_NUMBER_THEN_WORD = re.compile(rf"(?<![^\W_])(?<!%)(?<![.,]\d)({_NUMBER})([_-]?)([^\W\d_]{{2,}})(?![^\W\d_])", re.I)
_TOKEN_EDGE = re.compile(r"[^\s\"'«»“”„‚‘’()\[\]<>]*")
_COUNTED_AFTER = re.compile(r"[_-][^\W\d_]{3,}")


def _kind(word: str, glue: str) -> str | None:
    w = word.lower()
    if w in _DISCOUNT_WORDS or w.endswith(_DISCOUNT_ENDS) or (w in _TIGHT_DISCOUNT_WORDS and glue in ("", "_")):
        return "discount"
    if w in _PRICE_WORDS or w.endswith(_PRICE_ENDS):
        return "price"
    return None


def _token(text: str, start: int, end: int) -> str:
    """The whole identifier around `text[start:end]`, for the refusal's message."""
    left = len(text[:start]) - len(_TOKEN_EDGE.match(text[:start][::-1]).group(0))  # type: ignore[union-attr]
    right = end + len(_TOKEN_EDGE.match(text, end).group(0))  # type: ignore[union-attr]
    return text[left:right].rstrip(".,;:!?")


def priced_identifiers(
    text: str, approved_discount: float | None, money: Iterable[float], counts: Iterable[float] = ()
) -> list[str]:
    """Discounts above the approved one (a fraction) and prices the record does not hold (`money`), stated by a token
    that glues a discount or price word to a number. `counts` are the record's plain counts: one that names what it
    counts after it ("cost-420-trucks") is a quantity, not a price."""
    t = normalise(text)
    if not any(c.isdigit() for c in t):
        return []
    allowed = (approved_discount or 0.0) * 100
    amounts, counted = list(money), set(counts)
    reasons: list[str] = []
    found = [(m, m.group(1), m.group(2), m.group(3)) for m in _WORD_THEN_NUMBER.finditer(t)]
    found += [(m, m.group(3), m.group(2), m.group(1)) for m in _NUMBER_THEN_WORD.finditer(t)]
    for m, word, glue, figure in found:
        kind = _kind(word, glue)
        if kind is None or (figure.isdigit() and len(figure) == 4 and 1990 <= int(figure) <= 2100):
            continue  # any other word beside a number is an identifier; a year is no amount ("Preise_2026.pdf")
        value, token = parse_number(figure), _token(t, m.start(), m.end())
        if kind == "discount" and value <= 100:
            if value > allowed + 1e-6:
                reasons.append(f"discount of {value:g}% stated in the identifier {token!r}; policy approves {allowed:g}%")
        elif kind == "discount":
            reasons.append(f"money off ({figure}) stated in the identifier {token!r}; the policy approves no money off")
        elif len(figure.replace(".", "").replace(",", "")) >= 3 and not close_to_any(value, amounts) and not (
                value in counted and m.group(3) == figure and _COUNTED_AFTER.match(t, m.end())):
            reasons.append(f"price {figure} stated in the identifier {token!r} is not an amount on the record")
    return list(dict.fromkeys(reasons))


__all__ = ["priced_identifiers"]
