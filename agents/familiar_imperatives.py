"""The familiar register carried by an imperative alone (issue 11, wave 28, set 37's de-b5: "Hey Jonas, ... Das
Angebot kommt Freitag, schau einfach mal drüber, wird schon passen." to a managing director the record writes to as
"Herr Weber").

agents.forms_of_address.INFORMAL reads the familiar pronouns ("du", "dich", "tu", "te", "tú"). A draft can say "du"
with no pronoun at all: the second person singular imperative ("schau", "sag Bescheid", "gib mir kurz Bescheid",
"n'hésite pas", "dis-moi", "jette un œil", "avísame", "échale un vistazo", "no dudes"). Its polite forms are other
words ("schauen Sie", "n'hésitez pas", "dites-moi", "avíseme", "échele", "no dude"), so these verbs, read where an
imperative stands, are the familiar register as surely as "du" is.

German and Spanish bare stems that are also other forms ("ich schau mal", "Lucía mira el informe") count only at the
start of a clause (after a greeting's comma, a full stop, "und", "dann", "bitte", "einfach") and never beside "ich";
French and Spanish forms with the pronoun joined to the verb ("dis-moi", "avísame") are imperatives anywhere.
"""

from __future__ import annotations

import re

_CLAUSE = (
    "(?:^|(?<=[.,;:!?\n])|(?<=[.,;:!?] )"
    + "".join(
        f"|(?<=\\b{w} )"
        for w in ("und", "dann", "bitte", "also", "et", "puis", "alors", "y", "pues", "entonces")
    )
    + ")"
)
"""Where an imperative stands: a clause's start."""
_SOFTENERS = r"(?:(?:doch|einfach|mal|gern|gerne|kurz|simplement|juste|simplemente)\s+)*"
FAMILIAR_IMPERATIVE = {
    "de": re.compile(
        rf"{_CLAUSE}{_SOFTENERS}\b(?:schau|guck|sag|gib|ruf|schick|lies|nimm|komm|mach|denk|hol|frag|probier|sieh|"
        r"schreib|wirf|leg|vergiss|überleg|meld)\b(?!\s+(?:ich|sie)\b)(?!-)",
        re.I | re.M,
    ),
    "fr": re.compile(
        r"\b(?:dis|fais|envoie|appelle|préviens|écris|tiens|confirme|réponds|donne|passe|rappelle|laisse|redis)-moi\b|"
        r"\bn['’]\s*hésite\s+pas\b|"
        rf"{_CLAUSE}{_SOFTENERS}\b(?:regarde|jette\s+un|sois|viens|prends|vérifie|relis)\b",
        re.I | re.M,
    ),
    "es": re.compile(
        r"\b(?:dime|avísame|avisame|échale|echale|llámame|llamame|escríbeme|escribeme|confírmame|confirmame|cuéntame|"
        r"cuentame|mándame|mandame|pásame|pasame|échame|echame|fíjate|fijate|dímelo|dimelo)\b|\bno\s+dudes\b|"
        rf"{_CLAUSE}{_SOFTENERS}\b(?:mira|revisa|dale|ojea|piensa)\b",
        re.I | re.M,
    ),
}
"""The second person singular imperative of the verbs a sales e-mail uses, per language."""


def familiar_imperative(body: str, language: str) -> re.Match[str] | None:
    """The first familiar imperative of the body in its language, or None."""
    pattern = FAMILIAR_IMPERATIVE.get(language)
    return pattern.search(body) if pattern else None
