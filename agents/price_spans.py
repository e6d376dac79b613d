"""A price limited to the first span of a contract ("EUR 12 per truck per month for the first year only"; issue 11,
wave 40, helper "noticed40": look50's per-unit figures vouched the figure and let the limit through).

agents.per_unit_figures reads the record's amount as a year's price and vouches a figure per unit and year or month
that divides it out. Said "for the first year only", "in den ersten 6 Monaten", "les six premiers mois", "solo el
primer año", the same figure becomes an introductory price: it says what the buyer pays for a part of the contract
and implies another price after it, a term the record does not hold. So the figure is not vouched, and the price
checks read it as any price of ours.

The record vouches one such span: the first year, said without "only", when it holds a contract term of one year (a
custom field named for the term, "contract_term_months": 12, "Laufzeit": "1 Jahr"): the first year is then the whole
contract. A longer or unknown term, a shorter span or an "only" is a new term.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

_ONLY = r"(?:only|just|nur|seulement|uniquement|solo|sólo|solamente|únicamente)"
_FIRST = r"(?:first|erste[nrs]?|premi(?:er|ère)s?|primer(?:o|a|os|as)?)"
_NUMBER = r"(?:\d+|two|three|four|six|nine|twelve|zwei|drei|vier|sechs|neun|deux|trois|quatre|neuf|dos|tres|cuatro|seis|nueve)"
_YEAR = r"(?:years?|jahr(?:es|e)?|vertragsjahr(?:es|e)?|année|an|año)"
_SPAN = rf"(?:{_YEAR}|months?|quarters?|weeks?|monat(?:e|en)?|quartal\w*|wochen|mois|trimestres?|semaines|meses|mes|semanas)"
_FIRST_SPAN = re.compile(
    rf"^\s*,?\s*(?P<only>{_ONLY}\s+)?"
    r"(?:(?:for|in|during|over|through|im|in\s+den|für\s+(?:das|die)|während\s+(?:des|der)|pendant|durant|pour|sur|"
    r"durante|en|por)\s+)?"
    r"(?:(?:the|das|die|des|der|den|dem|la|les|le|el|los|las)\s+)?"
    rf"(?:{_FIRST}\s+(?P<count>{_NUMBER}\s+)?|(?P<count_before>{_NUMBER})\s+{_FIRST}\s+)(?P<span>{_SPAN})\b"
    rf"(?P<only_after>\s+{_ONLY}\b)?"
    r"|^\s*,?\s*(?:only\s+)?(?:in|for)\s+year\s+(?:one|1)\b",
    re.I,
)
"""The first span of a contract right after a price's period: "for the first year only", "in den ersten 6 Monaten",
"les 6 premiers mois", "durante los primeros seis meses", "in year one"."""
_TERM_KEY = re.compile(r"term|laufzeit|dur[ée]e|duraci[oó]n|plazo|vigencia", re.I)
_TERM_VALUE = re.compile(r"^\s*(\d+)\s*(months?|monate?n?|mois|mes(?:es)?|years?|jahre?|ans?|años?)\s*$", re.I)


def _one_year_term(extra: Mapping[str, Any]) -> bool:
    """The record holds a contract term of one year: a field named for the term holding 12 (months) or 1 (year), as a
    number (read by its name's unit, months when unnamed) or as a count and its unit ("12 months", "1 Jahr")."""
    for key, value in extra.items():
        if not _TERM_KEY.search(key) or isinstance(value, bool):
            continue
        if isinstance(value, int):
            yearly = re.search(r"year|jahr|an(?:s|nee|née)?\b|año", key, re.I)
            if value == (1 if yearly else 12):
                return True
        elif isinstance(value, str) and (m := _TERM_VALUE.match(value)):
            months = m.group(2).lower().startswith(("mo", "me"))
            if int(m.group(1)) == (12 if months else 1):
                return True
    return False


def limits_the_price(after_period: str, extra: Mapping[str, Any] | None) -> bool:
    """The text after a per-unit price's period (`after_period`) limits the price to a first span of the contract the
    record's fields (`extra`, None when unknown) do not make the whole term."""
    m = _FIRST_SPAN.match(after_period)
    if not m:
        return False
    whole_first_year = (m.group("span") is not None and re.fullmatch(_YEAR, m.group("span"), re.I) is not None
                        and not (m.group("count") or m.group("count_before") or m.group("only")
                                 or m.group("only_after")))
    return not (whole_first_year and extra is not None and _one_year_term(extra))
