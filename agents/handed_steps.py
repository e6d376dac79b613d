"""A next step handed to the colleague who owns it (issue 11, wave 26, set 35's en-g9 refused "0 ask(s)").

"I am copying Tom, as the partners' review runs through him" answers the buyer's question and puts the draft in the
hands of the person the record names for the next step ("Tom to review with the partners"). That is a step as
concrete as a dated send: it happens in this very e-mail, and the record says what follows it. It counts only when
all three hold, so a bare "I'm copying Tom." or a copy for no reason is still no step:

- a sentence of ours copying a contact of the record other than the recipient, in the present ("I am copying",
  "ich setze Herrn Weber in Kopie", "je mets Paul en copie", "pongo a Lucía en copia");
- that sentence gives the step as the reason (a review, a decision, a sign-off, an approval);
- a sentence of the record names that contact with a step of that kind.
"""

from __future__ import annotations

import re

from agents.context import Context
from agents.normalize import normalise
from agents.sentence_ends import sentence_parts

_COPYING = re.compile(
    r"\b(?:i am|i'm|we are|we're) (?:copying|cc'?ing|looping in|including|adding)\b|\b(?:i've|i have|we've|we have) "
    r"(?:copied|cc'?d|looped in|included|added)\b|\b(?:is|are) (?:in copy|on copy|cc'?d|copied in)\b|"
    r"\b(?:ich setze|ich nehme|wir setzen|wir nehmen)\b[^.?!\n]{0,40}\bin (?:kopie|cc)\b|"
    r"\b(?:ist|sind|steht|stehen) (?:\w+ )?in (?:kopie|cc)\b|"
    r"\b(?:je mets|je place|j'ajoute|nous mettons|je copie)\b|\b(?:est|sont) en copie\b|\ben copie\b|"
    r"\b(?:pongo|ponemos|incluyo|copio|añado)\b|\b(?:va|van|está|están) en copia\b|\ben copia\b", re.I)
"""Our side copying someone in this message."""
_STEP = re.compile(
    r"\b(?:review\w*|decid\w*|decision\w*|sign(?:s|ing|-off| off)?|approv\w*|"
    r"prüf\w*|entscheid\w*|freigab\w*|freigeb\w*|unterschr\w*|genehmig\w*|"
    r"valid\w*|décid\w*|décision\w*|sign(?:e|er|ature)|approb\w*|arbitr\w*|"
    r"revis\w*|decisi\w*|decid\w*|firm(?:a|ar)|aprob\w*)\b", re.I)
"""A step a colleague owns: a review, a decision, a sign-off, an approval."""


def _names(contact_name: str) -> set[str]:
    return {p.lower() for p in re.findall(r"[^\W\d_]{3,}", contact_name)}


def handed_step(body: str, ctx: Context, to_contact_id: str | None) -> str | None:
    """The sentence handing the draft to the colleague who owns the record's next step, or None."""
    text = normalise(body)
    if not _COPYING.search(text):
        return None  # most drafts copy nobody
    owners = []
    for contact in ctx.record.contacts:
        if contact.id == to_contact_id or not contact.name:
            continue
        names = _names(contact.name)
        for activity in ctx.activities.values():
            if activity.get("withheld"):
                continue
            for s in sentence_parts(normalise(activity.get("text") or "")):
                if _STEP.search(s) and names & {w.lower() for w in re.findall(r"[^\W\d_]+", s)}:
                    owners.append(names)
                    break
    for sentence in sentence_parts(text):
        if "?" in sentence or not _COPYING.search(sentence) or not _STEP.search(sentence):
            continue
        words = {w.lower() for w in re.findall(r"[^\W\d_]+", sentence)}
        if any(names & words for names in owners):
            return sentence.strip()[:80]
    return None
