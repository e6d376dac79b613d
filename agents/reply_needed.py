"""Whether a draft with no question needs one (issue 11, wave 31: set 40's good drafts refused "0 ask(s)", 19 of 28).

The "one clear call to action" rule read a draft with no ask as a draft with no step, and waves 22-30 added, one by
one, the steps a draft may leave instead (a dated send, a settled point, an acknowledged day). A sales manager reads it
the other way round: a draft needs an ask only where it needs a reply from the buyer to move on. One that proposes a
meeting, or wants a decision or a signature, and does not ask for it, leaves the buyer to guess (`needs_reply`); one
that closes a point needs no reply at all (`closes_a_point`):

- a meeting the buyer set, confirmed with its day and its clock time ("Confirmed: Wednesday, 2 December at 14:00",
  "bestätigt: Donnerstag, 3. Dezember, 11 Uhr", "C'est confirmé pour le mercredi 2 décembre à 15 h", "Confirmado el
  jueves 3 de diciembre a las 10:00");
- a recap of what the deal's document will hold on its coming day, as a list ("kurz, was das Angebot am Freitag,
  27. November, enthält:" and its lines; "Pour rappel, la proposition du vendredi 27 novembre reprendra :"). The
  facts check holds every figure of the list to the record.

Neither passes with a proposal or a demand in it, and a promise only to be in touch still voids the step
(agents.next_steps.voids_the_step): "I have been thinking about the rollout" closes nothing and stays refused.
"""

from __future__ import annotations

import re

from agents.facts import find_dates
from agents.next_steps import COMING_DAY, voids_the_step
from agents.sentence_ends import sentence_parts
from agents.timing import CLOCK

_PROPOSES = re.compile(
    r"\b(?:i|we) (?:suggest|propose|recommend)\b|\b(?:how about|what about|let's|let us)\b|"
    r"\b(?:ich schlage|wir schlagen)\b|\bje vous propose\b|\bnous vous proposons\b|\b(?:je|nous) sugg[éè]r\w*|"
    r"\b(?:le|les) propongo\b|\b(?:le|les) proponemos\b|\b(?:le|les) sugiero\b",
    re.I,
)
_DEMANDS = re.compile(
    r"\b(?:time to|need you to|you need to|you should|you must|please)\s+(?:\w+\s+){0,3}?"
    r"(?:sign|decide|approve|confirm|commit)\w*|"
    r"\b(?:il faut|il faudrait|vous devez|vous devriez)\s+(?:\w+\s+){0,2}?(?:sign|décid|valid|approuv|confirm)\w*|"
    r"\b(?:sie müssen|sie sollten|bitte)\s+(?:\w+\s+){0,4}?(?:unterschreib|unterzeichn|entscheid|freigeb|bestätig)\w*|"
    r"\b(?:tiene que|debe|debería|hay que|por favor)\s+(?:\w+\s+){0,2}?(?:firm|decid|aprob|confirm)\w*",
    re.I,
)
"""A decision or a signature wanted of the buyer, said as a statement ("it is time to stop reviewing and sign", "il
faudrait signer la proposition dès réception")."""
_CONFIRMED = re.compile(
    r"^\W*(?:confirmed|that's confirmed|it's confirmed|bestätigt|fest eingeplant|(?:c'est )?confirm[ée]e?|"
    r"confirmad[oa])\b", re.I)
_RECAP_LEAD = re.compile(
    r"\b(?:recap|summary|what (?:the|our) \w+ (?:will )?(?:hold|contain|cover)s?|zusammenfassung|kurz,? was|"
    r"pour rappel|récapitulatif|en résumé|resumen|en resumen)\b", re.I)
_BULLET = re.compile(r"^\s*(?:[-•*–]|\d{1,2}[.)])\s+\S", re.M)


def needs_reply(body: str, *, proposals: bool = True) -> str | None:
    """The sentence that wants a decision of the buyer (or, with `proposals`, proposes something), or None. A
    proposal beside a dated send ("Vous recevrez la proposition vendredi ; je vous propose d'en parler mardi à 10 h")
    is an offer the buyer may take up: seven good drafts of sets 21-34 write it so, and only a draft that closes a
    point with nothing else (`closes_a_point`) is refused for one."""
    for sentence in sentence_parts(body):
        if m := (_PROPOSES.search(sentence) if proposals else None) or _DEMANDS.search(sentence):
            return f"{m.group(0)!r} needs the buyer's reply"
    return None


def closes_a_point(body: str) -> str | None:
    """What a draft with no ask closes (a confirmed meeting, a recap of the coming document), or None."""
    sentences = [s.strip() for s in sentence_parts(body) if s.strip()]
    if any(voids_the_step(s) for s in sentences) or needs_reply(body):
        return None
    for s in sentences:
        if _CONFIRMED.search(s) and CLOCK.search(s) and (COMING_DAY.search(s) or find_dates(s)) and "?" not in s:
            return f"confirms a meeting: {s[:60]!r}"
    lines = [line for line in body.splitlines() if line.strip()]
    for i, line in enumerate(lines):
        items = [x for x in lines[i + 1 : i + 8] if _BULLET.match(x)]
        if _RECAP_LEAD.search(line) and len(items) >= 2 and (COMING_DAY.search(line) or find_dates(line)):
            return f"recaps the coming document in {len(items)} points: {line.strip()[:60]!r}"
    return None
