"""A person the record does not know, named at the start of a sentence (issue 11, wave 28: set 17's en-b9 "Linda from
your procurement team mentioned she will countersign", caught until wave 28 only because it referred to nothing real).

agents.names reads only capitalised words inside a sentence as names: every sentence starts with a capital. A word
at a sentence's start is a person when what follows makes it one: "from your procurement team", "aus Ihrem Einkauf",
"de votre service achats", "de su equipo" (a team of theirs: "Greetings from the team", "Suite de votre demande" name
nobody), or a verb of saying with a pronoun or "that" after it ("mentioned she",
"said that", "hat gesagt", "m'a dit", "comentó que"). Such a person must be in the record like any other name; a word
the record or the language knows ("Everyone from your team", "Nobody said that") is none.
"""

from __future__ import annotations

import re

from agents.facts import Vocabulary
from agents.names import known_word
from agents.normalize import normalise
from agents.sentence_ends import sentence_parts

_PERSON_AFTER = re.compile(
    r"^\W*([A-ZÀ-Ý][a-zà-ÿ]{2,})\s+(?:"
    r"(?:from|of|at|in)\s+your\s+(?:[\w-]+\s+){0,2}(?:team|department|office)\b|"
    r"(?:mentioned|said|told\s+(?:us|me)|wrote|confirmed|explained|noted)\s+(?:she|he|that|they)\b|"
    r"(?:aus|von)\s+(?:ihrem|ihrer)\s+(?:team|einkauf|abteilung|buchhaltung|vertrieb|it)\b|"
    r"(?:hat|hatte)\s+(?:mir|uns)\s+(?:gesagt|geschrieben|bestätigt)\b|"
    r"(?:de|du)\s+(?:votre|vos)\s+(?:équipe|service|département)\b|(?:m'a|nous\s+a)\s+(?:dit|écrit|confirmé)\b|"
    r"(?:de|del)\s+(?:su|sus)\s+(?:equipo|departamento)\b|(?:me|nos)\s+(?:dijo|comentó|escribió|confirmó)\b|"
    r"(?:comentó|dijo|mencionó)\s+que\b)"
)
"""A capitalised opening word and what makes it a person."""
_NOT_NAMES = frozenset(
    """everyone everybody someone somebody nobody anyone anybody nothing everything
jemand niemand jeder alle quelqu'un personne chacun tout todos alguien nadie cada""".split()
)


def unrecorded_opening_names(body: str, vocab: Vocabulary) -> list[str]:
    """Names opening a sentence, read as a person by what follows, that the record does not know."""
    out = []
    for sentence in sentence_parts(normalise(body)):
        m = _PERSON_AFTER.match(sentence.strip())
        if m and m.group(1).lower() not in _NOT_NAMES and not known_word(m.group(1), vocab.words):
            out.append(f"name {m.group(1)!r} is not in the inputs (a person: {sentence.strip()[:50]!r})")
    return out
