"""A count of sites that splits the record's own count (issue 11, wave 36: set 45's en-g6, "wave one for the five
clinics with the most no-shows and wave two for the other four", to a buyer whose record counts 9 clinics, was
refused as counting the buyer's clinics as 5).

agents.counted_sites refuses a count of the buyer's premises that no activity gives. A rollout in waves names a part
of the whole and then the rest: "the other four", "die übrigen vier", "les quatre autres", "los otros cuatro". When
the part and the rest add up to a count the record gives, the part is a share of the record's sites that we propose,
not a claim about how many the buyer has. The rest must be said as the rest: two counts that merely add up ("your 5
clinics and 4 warehouses") still claim two counts.
"""

from __future__ import annotations

import re

_NUMBERS = {
    **dict.fromkeys(("two", "zwei", "deux", "dos"), 2), **dict.fromkeys(("three", "drei", "trois", "tres"), 3),
    **dict.fromkeys(("four", "vier", "quatre", "cuatro"), 4), **dict.fromkeys(("five", "fünf", "cinq", "cinco"), 5),
    **dict.fromkeys(("six", "sechs", "seis"), 6), **dict.fromkeys(("seven", "sieben", "sept", "siete"), 7),
    **dict.fromkeys(("eight", "acht", "huit", "ocho"), 8), **dict.fromkeys(("nine", "neun", "neuf", "nueve"), 9),
    **dict.fromkeys(("ten", "zehn", "dix", "diez"), 10),
}
_COUNT = r"(\d{1,4}|" + "|".join(sorted(_NUMBERS, key=len, reverse=True)) + r")"
_REST = re.compile(
    rf"\b(?:the )?(?:other|remaining|rest of the|last) {_COUNT}\b|\b{_COUNT} (?:others|remaining)\b|"
    rf"\b(?:die |den )?(?:übrigen|restlichen|anderen|weiteren|letzten) {_COUNT}\b|"
    rf"\b(?:les )?{_COUNT} (?:autres|restants|restantes|derniers|dernières)\b|\b(?:les )?(?:autres|derniers|dernières) {_COUNT}\b|"
    rf"\b(?:l[oa]s )?(?:otr[oa]s|restantes|demás|últim[oa]s) {_COUNT}\b|\b{_COUNT} (?:restantes|demás)\b|"
    # wave 38 (set 50's en-g6, "a first wave of four clinics and a second of five"): the second part of two is the rest
    rf"\b(?:second|final|last)(?: (?:wave|phase|group|batch|stage))? (?:of|with) {_COUNT}\b|"
    rf"\b(?:zweite[nr]?|letzte[nr]?)(?: (?:welle|phase|gruppe|etappe|stufe))? (?:mit|von|aus) {_COUNT}\b|"
    rf"\b(?:deuxième|seconde|dernière)(?: (?:vague|phase|étape|tranche))? (?:de|avec) {_COUNT}\b|"
    rf"\b(?:segunda|última)(?: (?:ola|fase|etapa|tanda))? (?:de|con) {_COUNT}\b", re.I)
"""The rest of the sites said as the rest, with its count: "the other four", "die übrigen vier", "les quatre autres"."""


def _value(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBERS[word.lower()]


def splits_a_recorded_count(sentence: str, count: str, recorded: set[str]) -> bool:
    """Whether `count` (digits) and the rest the sentence names add up to a count of sites the record gives."""
    for m in _REST.finditer(sentence):
        rest = _value(next(g for g in m.groups() if g))
        if str(int(count) + rest) in recorded:
            return True
    return False
