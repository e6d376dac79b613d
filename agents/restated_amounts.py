"""An amount restated over a term or a unit the record never gives it (issue 11, wave 37: set 46's 145, a Spanish deal
name "Levante – Analítica (42k = 3 años)" that the strategist turned into "presentar los 42.000 EUR como precio total de
tres años").

The record holds an amount and no term: a figure vouched by the record is still a new price when the text spreads it
over years ("the $48,000 covers all three years", "36.000 EUR als Gesamtpreis für drei Jahre", "28 000 EUR, prix total
sur trois ans", "42k = 3 años") or recasts it per month, quarter or week ("£24,000 per month", "36.000 EUR als
Monatspreis", "les 28 000 EUR sont un prix mensuel", "42.000 EUR al mes"): a multi-year total cuts the yearly price, a
monthly one multiplies it. agents.derived_figures already refuses a per-unit figure with a period added; this reads
the amount itself. Read as written, so a name or a field that carries the restatement vouches for nothing.

Honest twins: the amount for one year ("42.000 EUR por un año"), a payment schedule the buyer asked about ("Lucía
asked about quarterly payments"), a question, a negation ("the 28 000 EUR is not a monthly price").
"""

from __future__ import annotations

import re

from agents.facts import MONEY
from agents.one_year_amounts import other_term_beside
from agents.period_words import NUMBER, SUB_YEAR, YEARS, compiled, number_value
from agents.sentence_ends import clause_parts

_K_AMOUNT = re.compile(r"(?<![\w.,])\d{1,4}(?:[.,]\d+)?\s?(?:k|tsd\.?|mil)\b", re.I)
"""An amount with its thousands abbreviated and no currency ("42k", "36 Tsd."): how names and notes write it."""
_YEARS = compiled(
    rf"\b{NUMBER}\s*(?:-\s*)?(?:{YEARS})\b|\b(?:24|36|48|60)\s*(?:-\s*)?(?:months?|monate?n?|mois|meses)\b|"
    r"\b(?:multi-?year|mehrjährig\w*|zweijährig\w*|dreijährig\w*|pluriannuel\w*|biennal\w*|triennal\w*|"
    r"plurianual\w*|bienal\w*|trienal\w*)\b"
)
_PER_PERIOD = compiled(rf"(?:{SUB_YEAR})(?!\w)")
_SCHEDULE = compiled(
    r"\b(?:payments?|instal+ments?|invoices?|invoicing|billing|zahlung\w*|raten|rechnung\w*|paiements?|versements?|"
    r"échéances?|factur\w*|pagos?|plazos?|cuotas?|abonos?)\s+(?:\w+\s+)?$"
)
"""The period qualifies how one pays ("quarterly payments", "pagos trimestrales"): a schedule, not the amount's term."""
_NOT_SAID = re.compile(
    # not "if"/"si": a condition ("si firma en diciembre, ...") still states the restated amount
    r"\?|¿|\b(?:not|never|no|nicht|kein\w*|nie|pas|ne|n['’]|jamais|nunca|tampoco|whether|asked|asks|ob|fragt\w*|"
    r"gefragt|demand\w*|pregunt\w*|pidi\w*)\b",
    re.I,
)
_TIME_BEFORE = compiled(r"\b(?:vor|seit|nach|hace|desde|tras|después\s+de|depuis|il\s+y\s+a|après|since|after)\s+$")
_TIME_AFTER = compiled(
    r"^\s*(?:after|ago|later|since|before|earlier|from\s+now|später|zuvor|her|plus\s+tard|après|avant|auparavant|"
    r"después|antes|atrás|más\s+tarde)\b"
)
"""A span of time, not a term: "2 years after the first demo", "vor drei Jahren", "hace dos años"."""
_CLAUSE = re.compile(r"[;:](?!\s*\d)|\s[–—]\s(?!\d)|,\s*(?=(?:and|but|while|und|aber|während|et|mais|tandis|y|pero|mientras)\b)",
                     re.I)
_WINDOW_AFTER = 60
_WINDOW_BEFORE = 40


def _spans_years(found: str) -> bool:
    m = _YEARS.search(found)
    if m is None:
        return False
    n = number_value(m.group(1)) if m.group(1) else None
    return n is None or n >= 2


def restated_amounts(text: str) -> list[str]:
    """Amounts of `text` said over several years or per month, quarter or week."""
    out = []
    for sentence in clause_parts(text):
        if sentence.rstrip().endswith(("?", "?»", '?"')):
            continue
        for clause in _CLAUSE.split(sentence):
            for amount in [*MONEY.finditer(clause), *_K_AMOUNT.finditer(clause)]:
                after = clause[amount.end(): amount.end() + _WINDOW_AFTER]
                before = clause[max(0, amount.start() - _WINDOW_BEFORE): amount.start()]
                for side, near in (("after", after), ("before", before)):
                    term = _term(near)
                    if term is None or _NOT_SAID.search(near[: term.start()] if side == "after" else near[term.end():]):
                        continue
                    if _NOT_SAID.search(clause[: amount.start()]) and side == "after":
                        continue
                    if side == "after" and other_term_beside(before, after[: term.start()]):
                        continue
                    out.append(f"an amount restated over a term the record does not give it: "
                               f"{amount.group(0).strip()!r} {term.group(0).strip()!r}")
    return list(dict.fromkeys(out))


def _term(near: str) -> re.Match[str] | None:
    for m in (*_YEARS.finditer(near), *_PER_PERIOD.finditer(near)):
        if _SCHEDULE.search(near[: m.start()]):
            continue
        if m.re is _YEARS and (not _spans_years(m.group(0)) or _TIME_BEFORE.search(near[: m.start()])
                               or _TIME_AFTER.match(near[m.end():])):
            continue
        return m
    return None
