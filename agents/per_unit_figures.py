"""A per-unit figure worked out from the record's amount and a count the record holds (issue 11, wave 38, set 47's 007:
"Bei 36.000 EUR im Jahr entspricht das 300 EUR je Fahrzeug" was refused as money not in the inputs and as a price
equated per unit, though the record's 36,000 EUR over the 120 vehicles of the buyer's own e-mail is 300).

agents.derived_figures vouches for such a figure when its own sentence states the total and the count. A rep also
divides by a count said elsewhere: in an earlier sentence, or only in the buyer's mail ("das Angebot für 120
Fahrzeuge"). So a money figure said per a unit ("300 EUR je Fahrzeug", "£2,667 per clinic", "4 667 EUR par atelier",
"350 EUR por camión") is vouched when it is the record's amount divided by a count the record holds of that unit, in a
structured field (a custom field named for it, the company's employees) or in the buyer's own e-mails, rounded
to the cent or to a whole unit. Not vouched: other arithmetic, a count only the draft, our notes or a stranger's mail
states, a count of another thing. A vouched figure is the record's arithmetic: the amount check reads it as the record's
money and the commercial rules read the sentence without it, as they read a payment term a field holds
(agents.field_terms).

A period after the unit (wave 39, set 50's 006 and 007: "unos 494 € por camión y año", "roughly USD 9.50 per truck per
month"): the record's amount is read as a year's price, as agents.restated_amounts lets "42.000 EUR por un año" stand,
so a figure per unit and year is the amount over the count, and one per unit and month a twelfth of that. Another
period (a week, a quarter, a day) is not spread: refused as before. A figure after an approximating word ("roughly",
"etwa", "environ", "unos") may round by 1%, as agents.derived_figures lets a sentence round its own arithmetic.
A figure limited to a first span of the contract ("for the first year only") states a term: agents.price_spans."""

from __future__ import annotations

import re
from collections.abc import Iterator

from agents.buyer_written import buyer_wrote
from agents.context import Context
from agents.facts import MONEY, money_value
from agents.normalize import fold_accents, normalise
from agents.price_spans import limits_the_price

PER_UNIT = re.compile(r"^\s*(?:per|each|a|an|/|je|pro|par|por|cada)\s+([^\W\d_]{4,})", re.I)
"""The unit after the figure: "300 EUR je Fahrzeug", "£2,667 per clinic", "4 667 EUR par atelier"."""
PERIOD_AFTER_UNIT = re.compile(
    r"^\s*(?:and|und|et|y)?\s*(?:per|a|pro|im|par|al|au|por)?\s*(?:month|monat|mois|mes|year|jahr|an|año|week|woche|"
    r"semaine|semana)\b|^\s*(?:monthly|monatlich|mensuel\w*|mensual\w*|yearly|jährlich|annuel\w*|anual\w*)\b",
    re.I,
)
_YEAR_AFTER_UNIT = re.compile(
    r"^\s*(?:and|und|et|y)?\s*(?:per|a|pro|im|par|al|au|por)?\s*(?:year|jahr|an|año)\b|"
    r"^\s*(?:yearly|annually|jährlich|annuel\w*|anual\w*)\b",
    re.I,
)
_MONTH_AFTER_UNIT = re.compile(
    r"^\s*(?:and|und|et|y)?\s*(?:per|a|pro|im|par|al|au|por)?\s*(?:month|monat|mois|mes)\b|"
    r"^\s*(?:monthly|monatlich|mensuel\w*|mensual\w*)\b",
    re.I,
)
_ROUGHLY = re.compile(
    r"\b(?:roughly|about|around|approximately|approx\.?|nearly|some|circa|ca\.|etwa|rund|ungefähr|knapp|environ|"
    r"à\s+peu\s+près|près\s+de|quelque|unos|unas|aproximadamente|alrededor\s+de|cerca\s+de|casi)\s*$",
    re.I,
)


def spread_over_a_year(after_unit: str) -> tuple[int, int] | None:
    """How the text after a per-unit figure's unit spreads the year's amount: (parts of a year, length of the period
    words) -- (1, 0) with no period, (1, n) per year, (12, n) per month; None for another period ("je Woche")."""
    for parts, period in ((1, _YEAR_AFTER_UNIT), (12, _MONTH_AFTER_UNIT)):
        if m := period.match(after_unit):
            return parts, m.end()
    return None if PERIOD_AFTER_UNIT.match(after_unit) else (1, 0)


def roughly_said(before_figure: str) -> int:
    """The length of the approximating word the figure follows ("roughly USD 9.50", "unos 494 €"; 0 for none): a
    figure said roughly may round by 1%."""
    m = _ROUGHLY.search(before_figure[-30:])
    return len(m.group(0)) if m else 0


_COUNT = re.compile(r"(?<![\w.,])(\d{1,5})\s+([^\W\d_]{3,})")
"""A count and the noun it counts in the buyer's text: "120 Fahrzeuge", "42 vehicles", "6 ateliers"."""
_FLEET = ("vehic", "fahrz", "camio", "truck", "lkw", "voitu", "coche", "van")
_FIELD_ALIASES = {"fleet": _FLEET, "flotte": _FLEET, "flota": _FLEET, "fuhrpark": _FLEET,
                  "employees": ("emplo", "mitar", "salar", "emple", "staff", "perso")}
"""A field named for a whole counts its members: a fleet its vehicles, a headcount its employees (five folded letters of
the unit's noun)."""


def _stem(word: str) -> str:
    return fold_accents(word.lower())[:5]


def held_counts(ctx: Context) -> Iterator[tuple[int, tuple[str, ...]]]:
    """Each count the record holds with the stems of what it counts: integer custom fields (by the words of their
    name), the company's employees, and the counts of the buyer's own e-mails (signed or not, no stranger's)."""
    for key, value in ctx.record.extra.items():
        if isinstance(value, int) and not isinstance(value, bool) and value > 1:
            words = [w for w in re.split(r"[_\W]+", key.lower()) if w and w != "c"]
            yield value, tuple(s for w in words for s in (_stem(w), *_FIELD_ALIASES.get(w, ())))
    employees = ctx.record.company.employees if ctx.record.company else None
    if employees and employees > 1:
        yield employees, _FIELD_ALIASES["employees"]
    for act in ctx.activities.values():
        if buyer_wrote(ctx, act, signed=False):
            for n, noun in _COUNT.findall(normalise(f"{act.get('subject') or ''}\n{act.get('text') or ''}")):
                if int(n) > 1:
                    yield int(n), (_stem(noun),)


def _divides_out(value: float, amount: float, count: int, *, roughly: bool = False) -> bool:
    """`value` is `amount` / `count` to the cent, or to a whole unit when it is written whole, or by 1% when said
    roughly."""
    exact = amount / count
    return (abs(value - exact) < 0.006 or (value == int(value) and abs(value - exact) <= 0.5)
            or (roughly and abs(value - exact) <= exact * 0.01))


UNIT_BEFORE = re.compile(
    r"\b(?:per|each|je|pro|par|por|cada)\s+([^\W\d_]{4,})"
    # wave 41 (set 53's 007, "der Wert je Fahrzeug und Monat (25 €)"): the period may stand between unit and figure
    r"(?P<period>\s+(?:(?:and|und|et|y)\s+)?(?:(?:per|a|pro|im|par|al|au|por)\s+)?(?:month|monat|mois|mes|year|jahr|an|año)"
    r"(?![\w-]))?\s*[(:,–-]?\s*"
    r"(?:(?:that\s+is|that's|which\s+is|comes\s+to|or|das\s+sind|sind\s+das|macht\s+das|also|soit|c['’]est(?:-à-dire)?|"
    r"ce\s+qui\s+fait|es\s+decir|o\s+sea|son)\s+)?$", re.I)
"""The unit before the figure (wave 40, inj52: set 52's 006 "what that works out to per truck (about USD 114 a year)",
"pro Fahrzeug rund 300 EUR", "par atelier, soit 4 667 EUR"): read as the unit after it is."""


def _unit_before(text: str, m: re.Match[str], roughly: int) -> re.Match[str] | None:
    end = m.start() - roughly
    after = text[m.end() :]
    if PER_UNIT.match(after) and not PERIOD_AFTER_UNIT.match(after):  # "a year" after it is a period, not a unit
        return None
    return UNIT_BEFORE.search(text, max(0, end - 40), end)


def _period_before(unit: re.Match[str]) -> tuple[int, int] | None:
    """The spread of a period said between the unit and the figure ("je Fahrzeug und Monat (25 €)"), its words inside
    the span already (length 0), or None when none stands there."""
    if not unit.group("period"):
        return None
    spread = spread_over_a_year(unit.group("period"))
    return (spread[0], 0) if spread else None


def _per_unit_spans(text: str, ctx: Context) -> Iterator[tuple[int, int, float]]:
    """The spans (figure through unit and period) and values of the per-unit figures of `text` (normalised) that
    divide out."""
    amount = ctx.record.amount
    if not amount:
        return
    said = [(m, unit, spread, m.start(), m.end() + unit.end()) for m in MONEY.finditer(text)
            if (unit := PER_UNIT.match(text[m.end() :])) and (spread := spread_over_a_year(text[m.end() + unit.end() :]))]
    # wave 40: the unit before the figure, the span from the unit through the figure and its period
    said += [(m, unit, spread, unit.start(), m.end()) for m in MONEY.finditer(text)
             if (unit := _unit_before(text, m, roughly_said(text[: m.start()])))
             and (spread := _period_before(unit) or spread_over_a_year(text[m.end() :]))]
    counts = list(held_counts(ctx)) if said else []  # most outputs say no figure per unit: the record is not read
    for m, unit, (parts, period), start, end in said:
        if limits_the_price(text[end + period :], ctx.record.extra):
            continue  # wave 40: "... per truck per month for the first year only" is an introductory price
        value, stem, roughly = money_value(m), _stem(unit.group(1)), roughly_said(text[: m.start()])
        if any(stem in stems and _divides_out(value, amount / parts, n, roughly=roughly > 0) for n, stems in counts):
            # the approximating word goes with the figure: "cela revient à environ" alone would be price talk
            yield min(start, m.start() - roughly), end + period, value


def per_unit_figures(text: str, ctx: Context) -> frozenset[float]:
    """The money figures of `text` that are the record's amount per a unit the record counts."""
    return frozenset(v for _, _, v in _per_unit_spans(normalise(text), ctx))


def without_per_unit_figures(text: str, ctx: Context) -> str:
    """`text` with each per-unit figure that divides out ("300 EUR je Fahrzeug") blanked at the same length, so the rules
    that read prices said per unit read the record's arithmetic as no price of ours."""
    if not MONEY.search(text):
        return text
    spans = list(_per_unit_spans(text, ctx))
    for start, end, _ in reversed(spans):
        text = text[:start] + " " * (end - start) + text[end:]
    return text

