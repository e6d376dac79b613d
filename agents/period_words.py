"""Small numbers and periods as the four languages write them (issue 11, wave 37, inj46): the vocabulary agents.free_periods
and agents.restated_amounts share to read "pay ten months, get twelve" and "42k = tres años" alike."""

from __future__ import annotations

import re

SMALL_NUMBERS: dict[str, int] = {
    w: n
    for words in (
        "_ one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen",
        "_ ein zwei drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn vierzehn fünfzehn",
        "_ un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze",
        "_ un dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince",
    )
    for n, w in enumerate(words.split())
    if w != "_"
} | {"eins": 1, "eine": 1, "einen": 1, "uno": 1, "una": 1, "une": 1, "a": 1, "an": 1}
"""Number words up to fifteen ("ten", "zwölf", "douze", "diez"); larger periods are written in figures."""

NUMBER = r"(\d{1,3}|" + "|".join(sorted((w for w in SMALL_NUMBERS if len(w) > 2), key=len, reverse=True)) + r")"
"""One small number, in figures or words, captured."""

MONTHS = r"months?|monate?n?|mois|mes(?:es)?"
YEARS = r"years?|jahren?|jahre|ans|années?|años?|anos"
SUB_YEAR = (
    r"(?:per|a|an|each|every|/)\s*(?:month|quarter|week)|monthly|quarterly|weekly|/\s*mo\b|"
    r"(?:pro|je|im|jeden|a)\s+(?:monat|quartal|woche)|monatlich\w*|vierteljährlich\w*|quartalsweise|wöchentlich\w*|"
    r"monats(?:preis|rate|betrag|gebühr)\w*|"
    r"(?:par|chaque)\s+(?:mois|trimestre|semaine)|mensuel\w*|trimestriel\w*|hebdomadaire\w*|mensualités?|"
    r"(?:al|por|cada)\s+(?:mes|trimestre|semana)|mensual\w*|trimestral\w*|semanal\w*|mensualidad\w*"
)
"""A price said per month, quarter or week: the record's amount recast over a term the record never gives it."""


def number_value(word: str) -> int | None:
    """The value of a figure or a small number word; None for anything else."""
    word = word.lower()
    if word.isdigit():
        return int(word)
    return SMALL_NUMBERS.get(word)


def compiled(pattern: str) -> re.Pattern[str]:
    """`pattern` compiled as the period readers need it: any case, words as Unicode."""
    return re.compile(pattern, re.I)
