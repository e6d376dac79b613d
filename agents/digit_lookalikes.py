"""Figures written so a figure check cannot read them: letters posing as digits ("3O.OOO €" with a capital O, "l5 %"
with a lower-case L) and digits of another script ("٣٠٬٠٠٠", "३०"). A reader sees the number; so must the checks.

`restored_figures` gives the text with such figures written in ASCII digits, so the money, percent and number checks
judge the figure itself; `disguised_figures` names them, because no plain-text email writes a figure that way except to
pass one by a filter (issue 11, set 21's "3O.OOO €").
"""

from __future__ import annotations

import re
import unicodedata

_LOOKALIKE = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1"})
_FIGURE = re.compile(
    # a run of digits and look-alike letters, with thousands or decimal separators between them
    r"(?<![\w.,'])[\dOolI](?:[\dOolI]|[.,'](?=[\dOolI])|[ \u202f](?=[\dOolI]{3}(?![\w])))*(?![\w])")
_ARABIC_SEPARATORS = str.maketrans({"\u066c": ",", "\u066b": "."})
_MONEY_NEAR = re.compile(r"^\s?(?:%|[$€£]|eur|usd|gbp|chf|euros?|dollars?|prozent|percent|pour ?cent|por ?ciento)",
                         re.I)
_MONEY_BEFORE = re.compile(r"(?:[$€£]|eur|usd|gbp|chf)\s?$", re.I)
_ORDINAL = re.compile(r"^\d{1,2}o$")
"""Spanish and Italian ordinals written with a letter o ("el 1o de diciembre") are no disguise."""


_ROMAN = re.compile(r"(?<![\w.])(?=[MDCLXVI]{2,}\b)(M{0,3})(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})\b(?=\s?(?:%|percent|per cent|"
                    r"prozent|pour ?cent|por ?ciento|[$€£]|eur\b|euros?\b|dollars?\b))", re.I)
"""A Roman numeral standing as a figure before a percent sign or a currency ("XXX percent off")."""
_SCIENTIFIC = re.compile(r"(?<![\w.,])(\d+(?:\.\d+)?)[eE]\+?(\d{1,2})(?![\w.])")
"""A figure in scientific notation ("3.9e4 dollars")."""
_ROMAN_VALUES = {"M": 1000, "D": 500, "C": 100, "L": 50, "X": 10, "V": 5, "I": 1}


def _roman(numeral: str) -> int:
    values = [_ROMAN_VALUES[ch] for ch in numeral.upper()]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def _is_disguised(token: str, before: str, after: str) -> bool:
    digits = sum(ch.isdigit() for ch in token)
    letters = sum(ch in "OolI" for ch in token)
    if not digits or not letters or (_ORDINAL.match(token) and not _MONEY_NEAR.match(after)):
        return False
    # "O2", "I5" (names, codes) start with a letter and are short; a figure starts with a digit, is long, or is money
    return token[0].isdigit() or digits + letters >= 3 or bool(_MONEY_NEAR.match(after) or _MONEY_BEFORE.search(before))


def disguised_figures(text: str) -> list[str]:
    """Figures in `text` written with letters for digits or with another script's digits."""
    out = [m.group(0) for m in _FIGURE.finditer(text)
           if _is_disguised(m.group(0), text[max(0, m.start() - 4):m.start()], text[m.end():m.end() + 12])]
    out += [m.group(0) for m in _ROMAN.finditer(text) if m.group(0)] + [m.group(0) for m in _SCIENTIFIC.finditer(text)]
    foreign = [ch for ch in text if ch.isdigit() and not ch.isascii() and unicodedata.decimal(ch, None) is not None]
    if not text.isascii():
        foreign += [m.group(0) for m in _SCRIPT_DIGIT.finditer(text)]
    return out + foreign[:1]  # one reason for a figure in another script, not one per digit


_LOOKALIKE_NEAR_DIGIT = re.compile(r"\d[.,' ]?[OolI]|[OolI][.,' ]?\d")
_FOREIGN_DIGIT = re.compile(r"(?![0-9])\d")
_SCIENTIFIC_GATE = re.compile(r"\d[eE]\+?\d")
_LATIN_OR_ORDINAL = r"A-Za-z\u00aa\u00ba\u00c0-\u024f\u1e00-\u1eff"
_SCRIPT_DIGIT = re.compile(rf"(?<=\d)[^\W\d_{_LATIN_OR_ORDINAL}]+|[^\W\d_{_LATIN_OR_ORDINAL}]+(?=[.,]?\d)")
"""A letter of another script touching a digit ("$3Ꮾ,500" with a Cherokee letter for a 6): no script writes a figure
so, and which digit a reader sees depends on the font, so the figure is read with a 0 there and refused as disguised."""
_FIGURE_WORDS = ("%", "percent", "per cent", "prozent", "cent", "ciento", "$", "€", "£", "eur", "usd", "gbp", "chf", "dollar")


def restored_figures(text: str) -> str:
    """`text` with each disguised figure written in ASCII digits ("3O.OOO €" -> "30.000 €", "٣٠" -> "30"); the same
    object when it has none (most texts: each reading runs only behind a cheap test)."""
    low = text.lower()
    if any(w in low for w in _FIGURE_WORDS) and _ROMAN.search(text):
        text = _ROMAN.sub(lambda m: str(_roman(m.group(0))) if m.group(0) else m.group(0), text)
    if _SCIENTIFIC_GATE.search(text):
        text = _SCIENTIFIC.sub(lambda m: f"{float(m.group(1)) * 10 ** int(m.group(2)):g}", text)
    foreign = not text.isascii() and _FOREIGN_DIGIT.search(text) is not None
    if not text.isascii() and _SCRIPT_DIGIT.search(text):
        text = _SCRIPT_DIGIT.sub(lambda m: "0" * len(m.group(0)), text)
    if not foreign and not _LOOKALIKE_NEAR_DIGIT.search(text):
        return text

    def fix(m: re.Match[str]) -> str:
        token = m.group(0)
        before, after = text[max(0, m.start() - 4):m.start()], text[m.end():m.end() + 12]
        return token.translate(_LOOKALIKE) if _is_disguised(token, before, after) else token

    text = _FIGURE.sub(fix, text)
    if foreign:
        text = text.translate(_ARABIC_SEPARATORS)
        text = "".join(str(unicodedata.decimal(ch)) if ch.isdigit() and not ch.isascii()
                       and unicodedata.decimal(ch, None) is not None else ch for ch in text)
    return text
