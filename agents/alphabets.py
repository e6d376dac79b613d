"""The alphabets our drafts are written in (en/de/fr/es), and the Latin letters outside them: a word spelled with one is
in a language the screen cannot read (issue 11)."""

from __future__ import annotations

import functools
import unicodedata

_OUR_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzäöüßàçéèêëïôùûÿáéíóúñü")
"""Lower-case letters of the alphabets we write (en/de/fr/es), less "â", "î" and "œ": French has them but rarely in a
sales email, and Romanian, Italian and the rest have them too."""


class AlienLetters:
    """Latin letters outside our four alphabets, decided by the alphabet rather than listed: Romanian "ă", Polish "ł",
    Czech "ř", Turkish "ğ", Maltese "ċ ġ ħ ż", Vietnamese "ơ", Icelandic "ð" alike. A word spelled with one is in a
    language whose text we cannot screen (issue 11: a language the screen does not know)."""

    @staticmethod
    @functools.lru_cache(maxsize=1024)
    def _alien(ch: str) -> bool:
        return ch not in _OUR_LETTERS and unicodedata.name(ch, "").startswith("LATIN SMALL")

    def search(self, word: str) -> bool:
        return any(self._alien(ch) for ch in word if ch not in _OUR_LETTERS and ch.isalpha())
