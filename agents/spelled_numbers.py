"""Numbers in words, in English, German, French and Spanish: "ninety days", "vingt-quatre mille", "treinta y ocho",
"fünfzehn" are numbers like any other and must be ones the record vouches for; small ones (up to
SPELLED_NUMBER_FREE_MAX) are ordinary prose ("two waves", "a few").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from agents.normalize import normalise
from agents.settings import SPELLED_NUMBER_FREE_MAX
from agents.text_memory import TEXT_MEMORY, remembered

_UNITS = {
    "en": "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen",
    "de": "null eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn vierzehn fünfzehn sechzehn "
    "siebzehn achtzehn neunzehn",
    "fr": "zéro un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze _seize dix-sept "
    "dix-huit dix-neuf",
    "es": "cero uno dos tres cuatro cinco seis siete ocho nueve diez _once doce trece catorce quince dieciséis "
    "diecisiete dieciocho diecinueve",
}
_TENS = {
    "en": "twenty thirty forty fifty sixty seventy eighty ninety",
    "de": "zwanzig dreißig vierzig fünfzig sechzig siebzig achtzig neunzig",
    "fr": "vingt trente quarante cinquante soixante soixante-dix quatre-vingt quatre-vingt-dix",
    "es": "veinte treinta cuarenta cincuenta sesenta setenta ochenta noventa",
}
_WORD_VALUES: dict[str, int] = {}
for _lang, _words in _UNITS.items():
    _WORD_VALUES.update({w: i for i, w in enumerate(_words.split())})
for _lang, _words in _TENS.items():
    _WORD_VALUES.update({w: 10 * (i + 2) for i, w in enumerate(_words.split())})
_WORD_VALUES.update(
    {
        "soixante-dix": 70,
        "quatre-vingt": 80,
        "quatre-vingts": 80,
        "quatre-vingt-dix": 90,
        "eins": 1,
        "ein": 1,
        "eine": 1,
        "einen": 1,
        "une": 1,
        "un": 1,
        "uno": 1,
        "una": 1,
        "a": 1,
        "dieciseis": 16,
        "veintiuno": 21,
        "veintidós": 22,
        "veintidos": 22,
        "veintitrés": 23,
        "veintitres": 23,
        "veinticuatro": 24,
        "veinticinco": 25,
        "veintiséis": 26,
        "veintiseis": 26,
        "veintisiete": 27,
        "veintiocho": 28,
        "veintinueve": 29,
        "dozen": 12,
        "douzaine": 12,
        "dutzend": 12,
        "docena": 12,
    }
)
# Spanish "once" (11) and French "seize" (16) are English words ("once Marcus has reviewed it"):
# they were written with a leading underscore above so they never match.
_SCALES = {
    "hundred": 100,
    "hundert": 100,
    "cent": 100,
    "cents": 100,
    "cien": 100,
    "ciento": 100,
    "cientos": 100,
    "doscientos": 200,
    "trescientos": 300,
    "cuatrocientos": 400,
    "quinientos": 500,
    "seiscientos": 600,
    "setecientos": 700,
    "ochocientos": 800,
    "novecientos": 900,
    "thousand": 1000,
    "tausend": 1000,
    "mille": 1000,
    "mil": 1000,
    "grand": 1000,
    "million": 10**6,
    "millions": 10**6,
    "millionen": 10**6,
    "millón": 10**6,
    "millones": 10**6,
}
_ORDINALS = {
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
    "twenty-first": 21,
    "twenty-second": 22,
    "twenty-third": 23,
    "twenty-fourth": 24,
    "twenty-fifth": 25,
    "twenty-sixth": 26,
    "twenty-seventh": 27,
    "twenty-eighth": 28,
    "twenty-ninth": 29,
    "thirty-first": 31,
}
_NEEDS_NUMBER_NEIGHBOUR = frozenset({"cent", "cents", "grand"})
"""Scales that are other words on their own ("per cent", "un grand merci"): numbers only next to a number."""
_JOINERS = frozenset({"and", "und", "et", "y", "-"})
_SMALL_ARTICLES = frozenset({"a", "un", "une", "uno", "una", "ein", "eine", "einen"})
_DE_COMPOUND = re.compile(
    r"^(?:(ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun)?(hundert))?"
    r"(?:(ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun)und)?"
    r"(zwanzig|dreißig|vierzig|fünfzig|sechzig|siebzig|achtzig|neunzig|zehn|elf|zwölf|dreizehn|vierzehn|fünfzehn|"
    r"sechzehn|siebzehn|achtzehn|neunzehn|eins|zwei|drei|vier|fünf|sechs|sieben|acht|neun)?(tausend)?$"
)
_DE_COMPOUND_PARTS = ("zig", "ßig", "zehn", "hundert", "tausend", "elf", "zwölf", "eins")
_TOKEN = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*|-")
_DURATION_AFTER = re.compile(
    r"^[\s-]*(?:minutes?|mins?|hours?|minuten|minütig\w*|stunden?|heures?|minutos|horas?)\b", re.I
)


def _de_compound(word: str) -> int | None:
    """A German number written as one word ("achtundvierzigtausend", "hundertzwanzig")."""
    if not any(part in word for part in _DE_COMPOUND_PARTS):
        return None  # nearly every word: no German number is written without one of these
    head, thousand_word, tail = word.rpartition("tausend")
    if thousand_word and tail:  # "siebenundzwanzigtausendfünfhundert": thousands, then what follows them
        high, low = _de_compound(head + "tausend"), _de_compound(tail)
        return high + low if high is not None and low is not None else None
    m = _DE_COMPOUND.match(word)
    if not m or not any(m.groups()) or word in ("ein", "eine"):
        return None
    h_mult, hundred, unit, tens, thousand = m.groups()
    value = _WORD_VALUES.get(h_mult or "ein", 1) * 100 if hundred else 0
    value += (_WORD_VALUES[unit] if unit else 0) + (_WORD_VALUES[tens] if tens else 0)
    if thousand:
        value = max(value, 1) * 1000
    return value


def _value(word: str) -> tuple[str, int] | None:
    """("unit" | "scale", value) for one number word, or None."""
    if word in _ORDINALS:
        return "unit", _ORDINALS[word]
    if word in _WORD_VALUES:
        return "unit", _WORD_VALUES[word]
    if word in _SCALES:
        return "scale", _SCALES[word]
    if "-" in word:  # "forty-eight", "vingt-quatre", "dix-sept"
        parts = [_value(p) for p in word.split("-")]
        if all(p and p[0] == "unit" for p in parts):
            return "unit", sum(p[1] for p in parts if p)
        return None
    v = _de_compound(word)
    return ("unit", v) if v is not None else None


@remembered(TEXT_MEMORY)
def spelled_numbers(text: str) -> list[tuple[str, float]]:
    """(words, value) for every number written in words in `text` (EN/DE/FR/ES)."""
    t = normalise(text).lower()
    out: list[tuple[str, float]] = []
    tokens = [(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(t)]
    i = 0
    while i < len(tokens):
        word, start, end = tokens[i]
        first = _value(word)
        if (
            first is None
            or (word in _SMALL_ARTICLES and not _followed_by_scale(tokens, i))
            or (word in _NEEDS_NUMBER_NEIGHBOUR and not _followed_by_unit(tokens, i))
        ):
            i += 1
            continue
        total, current, j, last_end = 0, 0, i, end
        while j < len(tokens):
            w = tokens[j][0]
            v = _value(w)
            if v is None or (w in _SMALL_ARTICLES and j > i):
                if (
                    w in _JOINERS
                    and j + 1 < len(tokens)
                    and _value(tokens[j + 1][0])
                    and tokens[j + 1][0] not in _SMALL_ARTICLES
                ):
                    j += 1
                    continue
                break
            kind, n = v
            if w in _NEEDS_NUMBER_NEIGHBOUR and (j == i or tokens[j - 1][0] in _SMALL_ARTICLES):
                break
            if kind == "unit":
                current += n
            elif n >= 1000:
                total += max(current, 1) * n
                current = 0
            else:
                current = max(current, 1) * n
            last_end = tokens[j][2]
            j += 1
        if j > i and not _DURATION_AFTER.match(t[last_end:]):
            out.append((t[start:last_end], float(total + current)))
        i = max(j, i + 1)
    return out


def _followed_by_unit(tokens: list[tuple[str, int, int]], i: int) -> bool:
    nxt = _value(tokens[i + 1][0]) if i + 1 < len(tokens) else None
    return bool(nxt and nxt[0] == "unit")


def _followed_by_scale(tokens: list[tuple[str, int, int]], i: int) -> bool:
    nxt = _value(tokens[i + 1][0]) if i + 1 < len(tokens) else None
    return bool(nxt and nxt[0] == "scale" and tokens[i + 1][0] not in _NEEDS_NUMBER_NEIGHBOUR)


@remembered(TEXT_MEMORY)
def spelled_number_violations(text: str, allowed: Iterable[float]) -> list[str]:
    """Numbers written in words above SPELLED_NUMBER_FREE_MAX that are not among `allowed` (the
    record's numbers, amounts and percentages): "ninety days", "treinta y ocho mil"."""
    vals = list(allowed)
    out = []
    for words, v in spelled_numbers(text):
        if v > SPELLED_NUMBER_FREE_MAX and not any(abs(v - a) <= max(0.6, abs(a) * 0.01) for a in vals):
            out.append(f"unsupported fact: number {words!r} ({v:g}) is not in the inputs")
    return out
