"""A draft that refers to what the record says of a person (issue 11, wave 29: set 38's en-g9 refused "nothing specific
referred to": "As Tom is taking the plan to the partners, I have addressed the cover page to him", where the record's
note says "Tom to review with the partners").

agents.quality.references_real finds a reference in an activity's date, its subject's words, a phrase of two words,
a compound or a count. A rep also refers to a note by what it says of someone: the person and the thing the note says
of them, in one sentence ("Tom ... the partners", "Herr Weber ... die Amortisationsrechnung", "Paul ... le coût par
atelier"). That is specific only when the thing is said in that one activity of the record: a word every activity
has ("clinics" in a record about 9 clinics) would let any draft naming the contact pass. The person must be named in
the same sentence of the activity as the word, and in the same sentence of the draft.
"""

from __future__ import annotations

import re
from collections import Counter

from agents.context import Context
from agents.normalize import normalise
from agents.question_answers import STOPWORDS
from agents.sentence_ends import sentence_parts


def _stems(text: str) -> set[str]:
    """Content words of 5+ letters, a plural -s or -es taken off ("partners" meets "partner")."""
    words = re.findall(r"[^\W\d_][^\W\d_'-]{4,}", text.lower())
    return {re.sub(r"(?:es|s)$", "", w) for w in words if w not in STOPWORDS}


def said_of_a_person(body: str, ctx: Context, generic: set[str]) -> str | None:
    """The person and the word an activity says of them alone that a sentence of the draft repeats, or None.
    `generic`: the words of the record's names (people, company, deal), which show nothing."""
    people = {}
    for c in ctx.record.contacts:
        name = ctx.contact_name(c) or ""
        if len(name.split()) > 1:
            people[c.id] = [p for p in name.split() if len(p) >= 3]
    if not people:
        return None
    texts = {
        aid: f"{a.get('subject') or ''}. {a.get('text') or ''}"
        for aid, a in ctx.activities.items()
        if not a.get("withheld")
    }
    spread = Counter(s for t in texts.values() for s in _stems(t))
    blank = {re.sub(r"(?:es|s)$", "", g) for g in generic}
    said: list[tuple[str, str, set[str]]] = []  # (activity, contact, words said of them there alone)
    for aid, text in texts.items():
        for sentence in sentence_parts(normalise(text)):
            for cid, parts in people.items():
                if any(re.search(rf"\b{re.escape(p)}\b", sentence, re.I) for p in parts):
                    own = {s for s in _stems(sentence) if spread[s] == 1} - blank
                    if own:
                        said.append((aid, cid, own))
    for sentence in sentence_parts(normalise(body)):
        words = _stems(sentence)
        for aid, cid, own in said:
            if words & own and any(re.search(rf"\b{re.escape(p)}\b", sentence, re.I) for p in people[cid]):
                return f"activity {aid} ({people[cid][0]}: {', '.join(sorted(words & own))})"
    return None
