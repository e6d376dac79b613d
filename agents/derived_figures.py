"""A per-unit figure worked out in the draft from the record's total and count (issue 11, wave 29: set 38's de-g9
refused "money '300 EUR' is not in the inputs" for "das Angebot nennt 36.000 EUR für alle 120 Fahrzeuge, rechnerisch
also 300 EUR je Fahrzeug").

A draft may state only the amounts of the record (agents.facts). A rep who divides the deal's amount by the count it
covers, in the sentence that states both, shows the buyer the arithmetic rather than a new price: the total is there
to check the figure against. So a money figure is vouched when the same sentence states a record amount and a record
count, the figure is that amount divided by that count (to a cent, or 1% for rounding), and it is said per the counted
thing ("je Fahrzeug" after "120 Fahrzeuge", "per clinic" after "9 clinics", "par atelier", "por camión"). Not vouched:
a per-unit figure with no total beside it (a price the record never quotes), wrong arithmetic, a count the record does
not hold, another unit, or a period other than a year or a month (agents.per_unit_figures, wave 39: the amount read as a
year's price, a month's figure is a twelfth of it).
"""

from __future__ import annotations

import re

from agents.context import Context
from agents.facts import MONEY, Vocabulary, close_to_any, money_value, parse_number
from agents.normalize import fold_accents as _fold
from agents.normalize import normalise
from agents.per_unit_figures import PER_UNIT, per_unit_figures, spread_over_a_year
from agents.price_spans import limits_the_price
from agents.sentence_ends import sentence_parts

_COUNT = re.compile(r"(?<![\w.,])(\d{1,5})\s+([^\W\d_]{4,})")


def _same_thing(a: str, b: str) -> bool:
    """A count's noun and the unit: one word, perhaps in another number ("Fahrzeuge" / "Fahrzeug")."""
    return _fold(a.lower())[:5] == _fold(b.lower())[:5]


def derived_unit_prices(text: str, vocab: Vocabulary, ctx: Context | None = None) -> frozenset[float]:
    """Money figures of `text` that a sentence works out as a record amount per a record count; with `ctx`, also those
    that are the record's amount per a unit it counts elsewhere (agents.per_unit_figures, wave 38)."""
    out: set[float] = set(per_unit_figures(text, ctx) if ctx is not None else ())
    for sentence in sentence_parts(normalise(text)):
        figures = [(m, money_value(m)) for m in MONEY.finditer(sentence)]
        totals = [v for _, v in figures if close_to_any(v, vocab.money)]
        if not totals:
            continue
        plain = MONEY.sub(lambda m: " " * len(m.group(0)), sentence)
        counts = [
            (parse_number(n), noun) for n, noun in _COUNT.findall(plain) if parse_number(n) > 1 and parse_number(n) in vocab.numbers
        ]
        for m, value in figures:
            if value in totals:
                continue
            after = sentence[m.end() :]
            unit = PER_UNIT.match(after)
            spread = spread_over_a_year(after[unit.end() :]) if unit else None
            if not unit or spread is None:
                continue
            if limits_the_price(after[unit.end() + spread[1] :], ctx.record.extra if ctx is not None else None):
                continue  # wave 40: an introductory price is a term the arithmetic does not vouch
            if any(
                _same_thing(noun, unit.group(1)) and abs(value * n * spread[0] - t) <= max(n * 0.01, t * 0.01)
                for n, noun in counts
                for t in totals
            ):
                out.add(value)
    return frozenset(out)
