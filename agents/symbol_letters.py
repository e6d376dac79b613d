"""Letters of symbol alphabets: Braille cells ("⠛⠗⠁⠞⠥⠊⠞" is "gratuit"), regional-indicator letters ("🇫🇷🇪🇪") and the
negative circled or squared capitals ("🅵🆁🅴🅴"). No normalisation maps them to the letters they spell, so a screen and a
figure check read nothing where a person reads a word; `spelled_out` reads them as a person does (issue 11, set 21's
Braille). A draft that carries them is refused (agents.invariants): a plain-text sales email spells nothing that way.
"""

from __future__ import annotations

import re
import unicodedata

_BRAILLE_BASE = 0x2800
_DOTS = {"a": (1,), "b": (1, 2), "c": (1, 4), "d": (1, 4, 5), "e": (1, 5), "f": (1, 2, 4), "g": (1, 2, 4, 5),
         "h": (1, 2, 5), "i": (2, 4), "j": (2, 4, 5), "w": (2, 4, 5, 6)}
_LETTERS: dict[int, str] = {}
for _letter, _dots in _DOTS.items():
    _cell = sum(1 << (d - 1) for d in _dots)
    _LETTERS[_cell] = _letter
    if _letter <= "j":
        _LETTERS[_cell | 4] = chr(ord(_letter) + 10)  # k..t: a..j with dot 3
for _letter, _base in zip("uvxyz", "abcde", strict=True):
    _LETTERS[sum(1 << (d - 1) for d in _DOTS[_base]) | 4 | 32] = _letter  # u v x y z: a..e with dots 3 and 6
_NUMBER_SIGN = 0b111100  # dots 3-4-5-6: the next letters a..j are digits 1..0
_RANGES = ((0x1F1E6, 0x1F1FF), (0x1F150, 0x1F169), (0x1F170, 0x1F189))
"""Regional indicators, negative circled and negative squared Latin capitals: A..Z in order."""
_ANY_SYMBOL_LETTER = re.compile("[\u2801-\u28ff\U0001F1E6-\U0001F1FF\U0001F150-\U0001F169\U0001F170-\U0001F189]")


def is_symbol_letter(ch: str) -> bool:
    """Whether `ch` is a Braille cell or a symbol-alphabet capital."""
    o = ord(ch)
    return 0x2801 <= o <= 0x28FF or any(lo <= o <= hi for lo, hi in _RANGES)


MORSE = {".-": "a", "-...": "b", "-.-.": "c", "-..": "d", ".": "e", "..-.": "f", "--.": "g", "....": "h", "..": "i",
          ".---": "j", "-.-": "k", ".-..": "l", "--": "m", "-.": "n", "---": "o", ".--.": "p", "--.-": "q", ".-.": "r",
          "...": "s", "-": "t", "..-": "u", "...-": "v", ".--": "w", "-..-": "x", "-.--": "y", "--..": "z",
          "-----": "0", ".----": "1", "..---": "2", "...--": "3", "....-": "4", ".....": "5", "-....": "6", "--...": "7",
          "---..": "8", "----.": "9"}
MORSE_RUN = re.compile(r"(?<!\S)(?:[.\-]{1,5} ){2,}[.\-]{1,5}(?!\S)")
"""Morse code: three or more dot-dash groups in a row."""
_SPACED_LETTERS = re.compile(r"(?<![\w.-])(?:[^\W\d_][ .\-]){3,}[^\W\d_](?![\w.-])")
"""A word written letter by letter ("G R A T U I T", "g-r-a-t-i-s"): read as the word."""
_AT_FOR_A = re.compile(r"(?<=[^\W\d_])[@](?=[^\W\d_]+\b(?![.@-]))")
"""An "@" inside a word that is no address ("gr@tis")."""


def spelled_out(text: str) -> str | None:
    """`text` with symbol-alphabet letters, Morse code, letter-by-letter words and "@" for "a" read as a person reads
    them, or None when it has none of these (most texts)."""
    readable = text
    if "@" in text and _AT_FOR_A.search(text):
        readable = _AT_FOR_A.sub("a", readable)
    if ("-" in text or "." in text) and MORSE_RUN.search(readable):
        readable = MORSE_RUN.sub(lambda m: "".join(MORSE.get(g, "?") for g in m.group(0).split()), readable)
    if _SPACED_LETTERS.search(readable):
        readable = _SPACED_LETTERS.sub(lambda m: re.sub(r"[ .\-]", "", m.group(0)), readable)
    if readable.isascii() or not _ANY_SYMBOL_LETTER.search(readable):
        return readable if readable != text else None
    text = readable
    out: list[str] = []
    digits = False
    for ch in text:
        o = ord(ch)
        if 0x2800 <= o <= 0x28FF:
            cell = o - _BRAILLE_BASE
            if cell == _NUMBER_SIGN:
                digits = True
                continue
            letter = _LETTERS.get(cell, "?" if cell else " ")
            out.append(str("abcdefghij".index(letter) + 1)[-1] if digits and letter in "abcdefghij" else letter)
            digits = digits and letter in "abcdefghij"
            continue
        digits = False
        for lo, hi in _RANGES:
            if lo <= o <= hi:
                out.append(chr(ord("A") + o - lo))
                break
        else:
            out.append(ch)
    return "".join(out)


_ORDINAL_SUFFIX = re.compile(r"(?<=\d)[ᵉʳˢᵗⁿᵈʰᵒᵃ]{1,3}(?![^\W\d_])")
"""Superscript letters right after a digit: an ordinal's suffix set as typography does ("1ʳᵉ vague", "2ᵉ", "1ᵉʳ",
"3ʳᵈ", "2ⁿᵈ", "1ᵒ"), not a letter styled to slip past a check (set 31's 104). The same letters anywhere else still are."""


def without_ordinal_suffixes(text: str) -> str:
    """`text` with ordinal suffixes in superscript written in plain letters ("1ʳᵉ" is "1re")."""
    return _ORDINAL_SUFFIX.sub(lambda m: unicodedata.normalize("NFKC", m.group(0)), text)
