"""A draft to a colleague of the asker about that colleague's own matter (issue 11, wave 37: set 46's de-g6, de-g10 and
es-g10 refused "ignores the question about proposal").

agents.question_answers asks every draft to take up the buyer's latest question. That question is its asker's: Frau
Schmidt asked for the proposal, and an agenda or a call plan for Herr Weber about the payback calculation he asked for
("Annahmen der Amortisationsrechnung", "los supuestos de la estimación de retorno" for Lucía) owes her no answer. Such a
draft works on a thing the record ties to its own recipient: a phrase of a sentence of the record that names the
recipient ("Jonas möchte eine Amortisationsrechnung", "Lucía pidió una estimación de retorno") or of a message written to
them ("Hallo Herr Weber, anbei die Amortisationsrechnung"). A draft to the asker, or one to a colleague on nothing of
theirs, still has to take the question up.
"""

from __future__ import annotations

import re

from agents.context import Context
from agents.moments import Ask
from agents.question_answers import STOPWORDS, answers_question

_SENTENCE = re.compile(r"(?<=[.!?;:])\s+")


COMPOUND_LETTERS = 12
"""Letters of a word that names a thing alone: German writes "Amortisationsrechnung" where others write a phrase."""


def _phrases(text: str, names: frozenset[str]) -> set[tuple[str, ...]]:
    """Pairs of content words next to each other or across one short word ("estimación de retorno"), and words long
    enough to be a phrase of their own ("amortisationsrechnung"); names left out."""
    tokens = re.findall(r"[^\W\d_][^\W\d_'-]*", text.lower())
    content = [len(t) >= 4 and t not in STOPWORDS and t not in names for t in tokens]
    out: set[tuple[str, ...]] = {(t,) for t, c in zip(tokens, content, strict=True) if c and len(t) >= COMPOUND_LETTERS}
    for i, t in enumerate(tokens):
        if content[i] and i + 1 < len(tokens) and content[i + 1]:
            out.add((t, tokens[i + 1]))
        elif content[i] and i + 2 < len(tokens) and len(tokens[i + 1]) <= 3 and content[i + 2]:
            out.add((t, tokens[i + 2]))
    return out


def recipients_own_matter(body: str, ctx: Context, to_contact_id: str | None) -> str | None:
    """The phrase of the recipient's own that the draft works on, or None."""
    contact = next((c for c in ctx.record.contacts if c.id == to_contact_id), None)
    name = (ctx.contact_name(contact) or "") if contact else ""
    if not name:
        return None
    parts = name.lower().split()
    everyone = frozenset(w for c in ctx.record.contacts for w in (ctx.contact_name(c) or "").lower().split())
    theirs: set[tuple[str, ...]] = set()
    for a in ctx.activities.values():
        if a.get("withheld"):
            continue
        text = f"{a.get('subject') or ''}. {a.get('text') or ''}"
        for sentence in _SENTENCE.split(text):
            if any(re.search(rf"\b{re.escape(p)}\b", sentence.lower()) for p in parts):
                theirs |= _phrases(sentence, everyone)
    shared = theirs & _phrases(body, everyone)
    return " ".join(sorted(shared)[0]) if shared else None


def answered_or_not_theirs(body: str, ask: Ask | None, subject: str, to_contact_id: str | None,
                           ctx: Context) -> tuple[bool, str]:
    """agents.question_answers.answers_question, except that a colleague of the asker may be written to about their
    own matter without taking up the asker's question."""
    answered, why = answers_question(body, ask, subject, to_contact_id)
    if answered or ask is None or ask.sender_contact_id in (None, to_contact_id):
        return answered, why
    own = recipients_own_matter(body, ctx, to_contact_id)
    return (True, f"the question is another contact's; the draft takes up the recipient's own {own!r}") if own \
        else (answered, why)
