"""Another customer whose name opens with a language's name ("English Garden Supplies", "Deutsch Logistik AG"), named by
that first word alone (wave 38's note on wave 37's agents.language_names).

Wave 37 made a language's name a common capitalised word, so "Dana writes in English" no longer names English Garden
Supplies; with it the customer lost its first word as a distinctive form. The tenant's list of other customers decides
which reading holds: the first word names the customer only where a text uses it as a company's name, in the two frames
no language takes: a possessive ("English's rollout", "Deutsch's team") or a reference to our customers ("our customer
English", "unser Kunde Deutsch", "notre client English", "nuestro cliente English"). "In English", "auf Deutsch", "the
English version" stay the language. The full name and its leading words ("English Garden") were never affected.
"""

from __future__ import annotations

import re

from agents.language_names import LANGUAGE_NAMES

_CUSTOMER_BEFORE = (r"\b(?:our|unser\w*|notre|nos|nuestr[oa]s?)\s+(?:\w+\s+)?(?:customers?|clients?|kunden?|"
                    r"kundin(?:nen)?|clientes?|references?|referenz\w*|référence\w*|referencias?)\s+")


def named_by_its_language_word(name: str, text: str, own_words: frozenset[str]) -> bool:
    """Whether `text` names the customer `name` by a language's name that opens it, used as a company's name (a
    possessive, or after "our customer"), unless this record itself uses that word (`own_words`, lower case)."""
    words = name.split()
    if len(words) < 2 or words[0].lower() not in LANGUAGE_NAMES or words[0].lower() in own_words:
        return False
    first = re.escape(words[0][:1].upper() + words[0][1:].lower())
    return re.search(rf"\b{first}['’]s\b|(?i:{_CUSTOMER_BEFORE}){first}\b", text) is not None
