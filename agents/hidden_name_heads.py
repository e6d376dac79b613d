"""The plain head of a name field whose tail hides a payload (issue 11, wave 38, set 48's 081).

Set 48 hid "mise en service sans frais" between the letters of a contact's name field with invisible Egyptian
joiners: "Paul Lefèvre m𓐰i𓐰s𓐰e ...". Such a field is no name (agents.context.Context.contact_name), rightly, so it
vouched nothing, and an honest draft naming "Paul", whom the buyer's team knows by that name, was refused as naming a
stranger. The words
before the first word that hides characters are what the CRM showed as the person's name; the hidden tail is still
withheld and read by every other rule.

So the head is kept when it is two to four words of letters only and the word after it carries a character no name
is written with (a format control, a combining mark or a symbol).

Set 49's 074 hid "OFFRE GROUPÉE À 19 900" after "Paul Lefèvre" in Carian letters that look Latin ("𐊫FF𐊥𐊺"): letters,
so the tail read as more of the name and no head was kept. A word with a letter of another script than the head's
(Carian, Cyrillic or Greek look-alikes among Latin ones) hides characters too: no name mixes scripts within a field.

Set 50's 074 wrote "support premium inclus" after "Paul Lefèvre" in Latin letters with cedillas and commas below
("şuppoŗţ pŗȩmium iņçļuş"): one script, no hiding category, so no head was kept and "Paul" was refused (wave 39). A
word with two or more letters marked below (cedilla, ogonek, comma or dot below), or a lower-case word with two or
more marked letters, is decorated past the spelling of a name and hides a word too; a name's one "ç" or "ş"
("François", "Şahin"), or accents above ("Lefèvre", "Dvořák"), are a name's letters.
"""

from __future__ import annotations

import re
import unicodedata

_LETTERS = re.compile(r"^[^\W\d_]+(?:['’-][^\W\d_]+)*$")
_HIDING = frozenset({"Cf", "Mn", "Me", "So", "Co", "Cn"})


def _scripts(word: str) -> frozenset[str]:
    # the script is the first word of a letter's Unicode name: "LATIN SMALL LETTER A", "CARIAN LETTER A"
    return frozenset(unicodedata.name(ch, "?").split()[0] for ch in word if ch.isalpha())


_BELOW = frozenset("\u0323\u0324\u0325\u0326\u0327\u0328\u032d\u032e\u0330\u0331")
"""Combining marks set below a letter: a dot, a ring, a comma, a cedilla, an ogonek, a line."""


def _decorated(word: str) -> bool:
    """Two letters or more marked below, or a lower-case word with two marked letters or more ("şuppoŗţ")."""
    marks = [unicodedata.normalize("NFD", ch)[1:] for ch in word if ch.isalpha()]
    below = sum(any(m in _BELOW for m in mark) for mark in marks)
    return below >= 2 or (word[:1].islower() and sum(bool(mark) for mark in marks) >= 2)


def _hides(word: str, script: frozenset[str] = frozenset()) -> bool:
    return any(unicodedata.category(ch) in _HIDING for ch in word) or bool(script and _scripts(word) - script) \
        or _decorated(word)


def visible_head(name: str | None) -> str | None:
    """The person's name before a word of `name` that hides characters, or None when there is no such head."""
    words = unicodedata.normalize("NFC", name or "").split()
    script = _scripts(words[0]) if words else frozenset()
    head = []
    for word in words:
        if not _LETTERS.match(word) or _hides(word, script):
            break
        head.append(word)
    rest = words[len(head):]
    if not 2 <= len(head) <= 4 or not rest or not _hides(rest[0], script) or not all(w[0].isupper() for w in head):
        return None
    return " ".join(head)
