"""A company's first word shortened before a later word of its name ("G. Delorme", "grpe-delorme", "Grp Delorme" for
Groupe Delorme): how people and URL slugs shorten a name, so another customer named that way is still named (issue 11,
wave 14)."""

from __future__ import annotations

import re

_HONORIFIC_DOT = "".join(rf"(?<!\b{h}\.)" for h in "M Mr Ms Dr Sr Hr Fr Mrs Sra Srta Dra Mme Mlle Prof Hrn med dent".split())
SENTENCE_END = re.compile(rf"(?<=[.!?:;]){_HONORIFIC_DOT}\s+|\n+|(?<=,)\s*\n")
"""Where a sentence ends, for reading names: an honorific's or a title's dot ends none ("M. Bernard", "Hr. Weber",
"Dr. med. Hartmann", "Sra. Ortega" put the name mid-sentence, where a capital is a name)."""


FUNCTION_WORDS = frozenset("""a an and as at by for in of on or the to de des du en et la le les un une y el los las
con por al del im am um zu und""".split())
"""Function words of our four languages: written bare before a customer's later word, no shortened first word."""


ACTS_AFTER = re.compile(r"\s+(?:lo|la|los|las|les|se|ha|han|hat|haben|hatte|a|ont|avait|has|had|have|rolled|went|did|"
                        r"cut|got|implantó|desplegó|redujo|logró|führte|senkte|hat|déployé|a déployé|réduit)\b")
"""A verb or a clitic right after a sentence's first word makes that word its subject ("Segura lo implantó en un mes"):
another customer's later word there names the customer, as mid-sentence."""


def abbreviated_first(first: str, word: str, low: str, own: frozenset[str] = frozenset()) -> bool:
    """The first word cut to an initial with a dot or to letters of its own in order, before a later word ("G. Delorme",
    "grpe-delorme", "Grp Delorme" for Groupe Delorme): how people shorten a company's name, and how slugs do. A word
    the record's own names use (`own`) shortens nothing: "Harbor Dental Group" is not "Harbour Dental Care Ltd"."""
    for m in re.finditer(rf"(?<![\w.])([a-z]{{1,8}})(\.?)[\s\-_./]+{re.escape(word)}\b", low):
        tok, dot = m.group(1), m.group(2)
        if tok[0] != first[:1] or tok == first or (len(tok) > 2 and tok in own) or (not dot and tok in FUNCTION_WORDS):
            continue  # "in education" is no "I(ro)n Education": a function word shortens no name
        if (len(tok) == 1 and dot) or (len(tok) >= 2 and _in_order(tok, first)):
            return True
    return False


def _in_order(short: str, long: str) -> bool:
    it = iter(long)
    return all(c in it for c in short)


def later_initial(name_words: list[str], text: str, low: str, own: frozenset[str] = frozenset()) -> bool:
    """The first word whole and a later word cut to its capital initial with a dot ("le groupe D.", "Blue Y.",
    "Transportes B." for Groupe Delorme, Blue Yonder Airlines, Transportes Bermejo): how a writer names a customer while
    pretending not to. A first word the record's own names use (`own`) is this record's, not another customer's."""
    first = name_words[0] if name_words else ""
    if len(name_words) < 2 or len(first) < 3 or first in own or first not in low:
        return False
    initials = {w[0] for w in name_words[1:] if w[:1].isalpha()}
    for m in re.finditer(rf"(?<![\w.]){re.escape(first)}\s+([a-z])\.(?![\w.])", low):
        if m.group(1) in initials and text[m.start(1)].isupper():
            return True
    return False
