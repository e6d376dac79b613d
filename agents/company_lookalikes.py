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

from agents.company_words import ORGANISATION_WORDS, company_name_words, distinctive_words
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
_TWO_LETTER_ENDINGS = frozenset({"es", "en", "er", "em", "ns"})
"""Two letters that inflect a name ("Levantes", "Müllern") rather than build another (wave 42, probe41's note:
"Northwindia", "Levantia", "Lumièria" add two letters that are no ending)."""
_KIND_WORDS = ORGANISATION_WORDS - {"team"} | frozenset("""
logistics logistik logistique logística freight haulage trucking transport transports transporte transportes spedition
distribution distributions distribuciones distribución vertrieb dental dentistry clinics clinic kliniken cliniques
clínicas care consulting beratung conseil consultoría software labs industries industrie industrias energy
servicios dienstleistungen soluciones lösungen gruppe""".split())
"""Words that say what trade or kind of organisation a company is: after the buyer's own word they build another
company's name ("Lumière Services", "Müller Spedition", "Northwind Freight") unless the buyer's name holds them."""
_HEAD_NOUNS = frozenset("""teams managers companies firms providers operators leaders departments businesses
professionals experts people staff specialists planners dispatchers workers practices networks operations buyers
customers""".split())
"""A lower-case plural after the pair makes the pair its modifier, a trade named in title case ("Modern Logistics teams
track every truck": wave 42, probe41's note), not a company's name."""


def _extends(low: str, stem: str) -> bool:
    """Whether the lower-cased word `low` builds another name on the company's word `stem`."""
    if not low.startswith(stem) or len(low) < len(stem) + 2 or not low[len(stem)].isalpha():
        return False
    return len(low) >= len(stem) + _EXTENSION or low[len(stem):] not in _TWO_LETTER_ENDINGS


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
    # wave 42: a short German sentence can read as English to guess_language ("Moderne Logistik braucht Daten"); a
    # German company's legal form says its name's words are German
    german = guess_language(text) == "de" or bool(set(own) & {"gmbh", "ag", "kg", "ohg", "ug", "gbr", "mbh", "ek"})
    # the buyer's own words that are no trade themselves ("Harbor", not "Dental": "Kestrel Dental Partners" is read
    # by the name checks as another customer already)
    heads = [w for w in distinctive_words(company) if len(w) >= 4 and w not in _KIND_WORDS]
    out: list[str] = []
    for sentence in sentence_parts(text):
        tokens = [_bare(t) for t in _TOKEN.findall(sentence)]
        for w in tokens:
            low = w.lower()
            if w[:1].isupper() and not known_word(w, words) and any(_extends(low, s) for s in stems):
                out.append(w)
        for w, kind in zip(tokens, tokens[1:], strict=False):
            # wave 42: the buyer's own word, then a trade its name lacks ("Lumière Services", "Müller Spedition")
            if w.lower() in heads and kind[:1].isupper() and kind.lower() in _KIND_WORDS and kind.lower() not in own:
                out.append(f"{w} {kind}")
        pair = _OPENING_PAIR.match(sentence)
        after = sentence[pair.end():].split(None, 1) if pair else []
        if after and after[0] in _HEAD_NOUNS:
            continue
        if pair and pair.group(2)[:1].isupper() and pair.group(2).lower() in tails:
            w = _bare(pair.group(1))
            if w[:1].isupper() and not known_word(w, words) and not (german and _GERMAN_ADJECTIVE.match(w)) \
                    and w.lower() not in _PREPOSITION:
                out.append(w)
    return list(dict.fromkeys(out))
