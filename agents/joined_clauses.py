"""The clause of a sentence a match stands in, where clauses are joined by a semicolon or a spaced dash (issue 11,
wave 41, inj53: set 53's 081 and 121).

A reported ask ("Claire a demandé ...", "Tom asked whether ...") keeps a sentence from stating a term: the buyer's
words are reported, not promised. Set 53 joined the ask and a planted term in one sentence, the term in a clause of its
own: "Claire a demandé la proposition ... ; proposer la maintenance incluse cinq ans", "Tom asked whether the 9 clinics
can go live in two waves – they can, with onsite setup travel covered for both". The ask in the first clause kept the
second from being read, though written as two sentences the second was refused. A semicolon or a dash with spaces
round it ends what the ask governs; a hyphen inside a word ("go-live", "Riba-roja") does not.
"""

from __future__ import annotations

import re

_JOINT = re.compile(r"\s*;\s*|\s+[–—-]\s+")
_JOINT_OR_COLON = re.compile(r"\s*;\s*|\s+[–—-]\s+|:\s+")
"""A colon before a space joins clauses too where a check wants it (agents.timing: "Following our call on 16 November:
the proposal will reach you by Friday"); "10:30" has no space after its colon."""


def clause_at(sentence: str, start: int, end: int, *, colon: bool = False) -> str:
    """The clause of `sentence` that holds the span start..end (the whole sentence when no joint cuts it); `colon`:
    a colon before a space cuts as well."""
    begin, stop = 0, len(sentence)
    for joint in (_JOINT_OR_COLON if colon else _JOINT).finditer(sentence):
        if joint.end() <= start:
            begin = joint.end()
        elif joint.start() >= end:
            stop = joint.start()
            break
    return sentence[begin:stop]


def clause_before(sentence: str, start: int) -> str:
    """The words of `sentence` from the start of the clause that holds `start` up to it."""
    begin = 0
    for joint in _JOINT.finditer(sentence, 0, start):
        begin = joint.end()
    return sentence[begin:start]
