"""Any number in words that is an amount or a percentage (issue 11, wave 21; set 29's 002 "knapp dreihundert Euro pro
Fahrzeug" in a strategist's rationale).

`agents.spelled_amounts` lists the number words it knows before a currency, so a compound ("dreihundert",
"zweitausendfünfhundert", "trescientos", "deux cents", "three hundred and twenty") got past it. This module asks the
one parser of numbers in words (`agents.spelled_numbers.spelled_numbers`, every compound of EN/DE/FR/ES) where the numbers
are, and refuses each one a currency or a percent word follows: an amount or a rate in words is stated in figures
from the record, in every role's text, hedged ("knapp", "about", "environ", "unos") or not. A number in words
followed by anything else ("drei Depots", "two waves") is a count and is left to the count checks.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from agents.normalize import normalise
from agents.spelled_numbers import spelled_numbers

_UNIT_AFTER = re.compile(
    r"\s*(?:(?:mil|mille|tausend|thousand|million(?:s|en)?|millones|millón|grand)\s+)?(?:de\s+|d')?"
    r"(?P<unit>euros?|eur\b|€|dollars?|d[oó]lares|usd\b|\$|pounds?|gbp\b|£|bucks|quid|cents?|centimes?|c[ée]ntimos?|"
    # the unit is a whole word: "tres centros", "quatre centres" name sites, not cents
    r"francs?|franken|chf\b|pesos?|prozent|percent|per cent|pour ?cent|por ?ciento|%)(?![^\W\d_])", re.I)
_RATE = re.compile(r"%|prozent|percent|per cent|pour ?cent|por ?ciento")
_SCALE = re.compile(r"\b(?:mil|mille|tausend|thousand|million(?:s|en)?|millones|millón|grand)\b")
_SCALES = {"mil": 1e3, "mille": 1e3, "tausend": 1e3, "thousand": 1e3, "grand": 1e3}
_SCALES |= {w: 1e6 for w in ("million", "millions", "millionen", "millones", "millón")}
_CHEAP_SCAN = re.compile(r"euro|dollar|d[oó]lar|usd|\$|€|£|pound|buck|quid|cent|franc|franken|chf|peso|prozent|"
                         r"percent|per cent|pour ?cent|por ?ciento|%", re.I)


_MANY = re.compile(
    # a magnitude as a noun ("a few hundred", "des centaines d'euros", "cientos de euros", "Hunderte Euro"): an amount's
    # order named without its figure
    r"\b(?:hundreds|thousands|centaines|milliers|centenares|cientos|miles|hunderte|tausende)\s+(?:of\s+|de\s+|d'|an\s+)?"
    r"(?:euros?|dollars?|d[oó]lares|pounds?|francs?|franken|pesos?)\b", re.I)


def spelled_money(text: str, money: Iterable[float] = (), percents: Iterable[float] = ()) -> list[str]:
    """Reasons for every amount or percentage in `text` written as a number in words that is not one of `money` or
    `percents` (what the record and code vouch for: an approved "zehn Prozent" is the approved 10 %)."""
    t = normalise(text).lower()
    if not _CHEAP_SCAN.search(t):
        return []  # most texts name no currency and no rate: the parser is not run (screening CPU)
    out = [f"amount written out ({m.group(0)!r}): amounts are stated in figures from the record" for m in _MANY.finditer(t)]
    start = 0
    for words, value in spelled_numbers(t):
        at = t.find(words, start)
        if at < 0:
            continue
        start = at + len(words)
        m = _UNIT_AFTER.match(t, start)
        if m and value > 0:
            scale = _SCALE.search(m.group(0))
            value *= _SCALES[scale.group(0)] if scale else 1
            kind = "percentage" if _RATE.match(m.group("unit")) else "amount"
            if any(abs(value - a) <= max(0.6, abs(a) * 0.01) for a in (percents if kind == "percentage" else money)):
                continue
            out.append(f"{kind} written out ({t[at:m.end()]!r}): amounts and rates are stated in figures from the "
                       f"record")
    return list(dict.fromkeys(out))
