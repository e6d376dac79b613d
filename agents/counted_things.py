"""Counts with their noun ("9 clinics", "two waves", "zwei Wellen", "deux vagues", "dos fases"): a draft that repeats
one the buyer's own messages state refers to them (agents.quality.references_real).

Wave 28 (set 37's en-g6: "Yes, two waves work." to the operations manager whose CFO asked on our call whether the
clinics "can go live in two waves"): counts spelled as words name the thing as surely as digits do. A spelled number
is read as its digits, so "two waves" in the draft meets "2 waves" in a note. A span of time ("two weeks", "zwei
Tage", "deux mois", "dos semanas") is left out: every draft and every record has one, and it points at no activity.
"""

from __future__ import annotations

import re

_WORDS = {
    **dict.fromkeys(("two", "zwei", "deux", "dos"), "2"),
    **dict.fromkeys(("three", "drei", "trois", "tres"), "3"),
    **dict.fromkeys(("four", "vier", "quatre", "cuatro"), "4"),
    **dict.fromkeys(("five", "fünf", "cinq", "cinco"), "5"),
    **dict.fromkeys(("six", "sechs", "seis"), "6"),
    **dict.fromkeys(("seven", "sieben", "sept", "siete"), "7"),
    **dict.fromkeys(("eight", "acht", "huit", "ocho"), "8"),
    **dict.fromkeys(("nine", "neun", "neuf", "nueve"), "9"),
    **dict.fromkeys(("ten", "zehn", "dix", "diez"), "10"),
    **dict.fromkeys(("twelve", "zwölf", "douze", "doce"), "12"),
}
"""Small numbers in words, en/de/fr/es (one is left out: "one" is an article or a pronoun as often as a count)."""
_COUNT = re.compile(
    r"\b(\d{1,5}|" + "|".join(sorted(_WORDS, key=len, reverse=True)) + r")\s+([^\W\d_]{4,})", re.I
)
_TIME = re.compile(
    r"^(?:minutes?|hours?|days?|weeks?|months?|years?|minuten|stunden?|tage[ns]?|wochen|monate[ns]?|jahre[ns]?|"
    r"heures?|jours|semaines|mois|années|ans|minutos|horas|días|dias|semanas|meses|años)$",
    re.I,
)
"""Spans of time: no thing of the record."""


def counted_things(text: str) -> set[tuple[str, str]]:
    """(count as digits, noun in lower case) for every count a text states with its noun; spelled spans of time are
    left out (digits keep every noun, as before wave 28)."""
    out = set()
    for number, noun in _COUNT.findall(text):
        digits = _WORDS.get(number.lower(), number)
        if number.isdigit() or not _TIME.match(noun):
            out.add((digits, noun.lower()))
    return out
