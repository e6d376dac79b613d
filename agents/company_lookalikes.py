"""Another company's name that borrows a word of the buyer's (issue 11, wave 41, the lead's probe).

On the record of "Harbor Dental Group" the lead's probe wrote "Harborview Dental Group just renewed with us for three
years" and "Harborview Clinics chose the same two-wave plan"; both passed, where "Fleetway Haulage" was refused. Not
because "Harborview" extends "Harbor": agents.names reads only capitalised words inside a sentence as names (every
sentence starts with a capital), and the words after the first ("Dental Group", "Clinics") are the record's or the
language's. Mid-sentence the same names were refused. Two shapes are read here, at any place in a sentence:

- a word that extends the head of the buyer's company name by three letters or more ("Harborview" of "Harbor",
  "Northwindtrans" of "Northwind"), which the record does not hold: a plural or a genitive ("Harbor's", "Müllers") is the
  buyer's own, and so is the head joined by a hyphen ("Atelier-Lumiere", a file name's);
- a sentence's first word the record does not know, before a word of the buyer's company name that is not its first
  ("Bright Dental Group", "Southwind Logistics", "Schneider Logistik", "Transportes Levante"): a name's head on the
  buyer's trade. The company's own first word ("Congratulations Northwind") opens no such name, and a German adjective
  before a noun ("Moderne Logistik") is no name.

The record's own company in its usual variants ("Harbor Dental", "Harbor's clinics", "HDG") uses only known words.
"""

from __future__ import annotations

import re

from agents.company_words import company_name_words, distinctive_words
from agents.names import guess_language, known_word
from agents.sentence_ends import sentence_parts

_TOKEN = re.compile(r"[^\W\d_](?:[^\W\d_]|['’-](?=[^\W\d_]))*")
"""A word, letters only: a file name's "Northwind-420-trucks" holds the company's word, no other one."""
_OPENING_PAIR = re.compile(r"^\W*([^\W\d_](?:[^\W\d_]|['’-](?=[^\W\d_]))*)[ \t]+([^\W\d_]+)")
"""A sentence's first two words with only a space between ("Además, Levante ..." is an adverb and a name)."""
_GERMAN_ADJECTIVE = re.compile(r"^[A-ZÄÖÜ][a-zäöüß]+(?:e|en|em|es)$")
_PREPOSITION = frozenset("""
at in on for with to from by of about after before under over like than into
bei für mit von zu zum zur im in an am auf aus nach vor über unter wie als
à au aux chez dans pour avec sur sous de du des par vers comme après avant entre
a al en con de del desde por para hacia sobre entre tras según como
""".split())
"""A preposition before the buyer's word ("En Levante, la propuesta ...", "Chez Lumière, ...") places the buyer; it
opens no name (wave 41: wave 16's pinned look-alikes)."""
_EXTENSION = 3
"""Letters a word must add to the company's word to be another name: "Harbors", "Müllers" add one."""


def _bare(token: str) -> str:
    w = token.replace("’", "'")
    return w[:-2] if w.lower().endswith("'s") else w.strip("'-")


def lookalike_company_names(text: str, words: frozenset[str], company: str) -> list[str]:
    """The words of `text` that name another company by a word of `company` (the buyer's), which `words` (the
    record's vocabulary) do not hold."""
    if not company:
        return []
    own = company_name_words(company)
    tails = set(own[1:]) - {own[0]} if own else set()
    # the name's head only: the trade in "Müller Logistik" opens German compounds ("Logistikkunden")
    stems = [w for w in distinctive_words(company) if len(w) >= 4 and own and w == own[0]]
    german = guess_language(text) == "de"
    out: list[str] = []
    for sentence in sentence_parts(text):
        for w in (_bare(t) for t in _TOKEN.findall(sentence)):
            low = w.lower()
            if w[:1].isupper() and not known_word(w, words) and \
                    any(low.startswith(s) and len(low) >= len(s) + _EXTENSION and low[len(s)].isalpha() for s in stems):
                out.append(w)
        pair = _OPENING_PAIR.match(sentence)
        if pair and pair.group(2)[:1].isupper() and pair.group(2).lower() in tails:
            w = _bare(pair.group(1))
            if w[:1].isupper() and not known_word(w, words) and not (german and _GERMAN_ADJECTIVE.match(w)) \
                    and w.lower() not in _PREPOSITION:
                out.append(w)
    return list(dict.fromkeys(out))
