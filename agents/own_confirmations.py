"""A confirmation the draft gives, not one it asks for (issue 11, wave 38: set 48's en-g8, "Just to confirm: the
reminder texts from the demo work in both waves", then one question, refused "2 ask(s)").

agents.next_steps counts "confirm ... works" as an ask, as it should be in "Please confirm the time works for you". But
"Just to confirm: X", "To confirm, X", "I can confirm that X" and "Confirming that X" are the writer confirming X to the
buyer: a statement, asking nothing. Only the opening that says so is taken out before the sentence is read for an ask,
so a real ask after it ("To confirm, could you send me the fleet size?") is still counted. German, French and Spanish
say it with verbs the ask patterns never read ("zur Bestätigung", "le confirmo"), so only English needs it there.

Wave 41 (set 53's fr-g4, "Je vous confirme l'envoi de la proposition vendredi 27 novembre", then one question, refused
"2 ask(s)"): French "confirme" IS read, by the pattern for the Spanish imperative ("Confírmeme la hora"), so the
writer's "je vous confirme" and a fact's "ce qui confirme" counted as asks. After a French subject pronoun or a
relative the verb is indicative: a statement, taken out wherever it stands. A name as the subject ("Paul me confirme")
is left: a capital word before it could as well be a Spanish vocative. The English opening is also taken out after a
lead-in ("As agreed, I confirm that Tuesday works").
"""

from __future__ import annotations

import re

_OUR_CONFIRMATION = re.compile(
    r"^\W*(?:(?:just|simply|only|so|and)\s+)?to\s+confirm\s*(?:[:,—–]|-\s)\s*|"
    r"^\W*(?:i|we)\s+(?:can\s+|hereby\s+|(?:am|'m|are|'re)\s+(?:happy|glad|pleased)\s+to\s+)?"
    r"confirm\s+(?:that\s+)?(?=\S)|"
    r"^\W*(?:just\s+)?confirming\s+(?:that\s+)?(?=\S)", re.I)
"""The writer's own confirmation opening a sentence: "Just to confirm:", "To confirm,", "I can confirm that", "Confirming
that" ("We'd like to confirm whether Tuesday works" still asks)."""


_STATED_CONFIRMATION = re.compile(
    # French indicative after its subject ("je vous confirme", "je vous le confirme", "cela confirme", "ce qui
    # confirme"); the Spanish imperative has no such subject before it ("Confírmeme", "le ruego que me confirme")
    r"\b(?:je|j['’]|il|elle|on|qui|cela|ça|ceci)\s*(?:(?:vous|te|me|m['’]|lui|leur|nous|le|la|l['’])\s*){0,2}"
    r"confirme\b|"
    # English, after a lead-in: "As agreed, I confirm that", "Thanks for your note; we can confirm that"
    r"(?<=[,;:—–])\s*(?:i|we)\s+(?:can\s+|hereby\s+|also\s+)?confirm\s+(?:that\s+)?(?=\S)", re.I)
"""The writer (or a fact) confirming, in the middle of a sentence: a statement, not an ask."""


def our_confirmation_out(sentence: str) -> str:
    """`sentence` without an opening in which the writer confirms what follows, and without a confirmation stated
    after its subject (French) or after a lead-in (English)."""
    return _STATED_CONFIRMATION.sub(" ", _OUR_CONFIRMATION.sub("", sentence, count=1))


def our_confirmations_out(body: str) -> str:
    """`body` with each sentence's opening confirmation taken out (sentences split as agents.next_steps splits them)."""
    parts = re.split(r"((?<=[.!?])\s+|\n+)", body)
    return "".join(part if i % 2 else our_confirmation_out(part) for i, part in enumerate(parts))
