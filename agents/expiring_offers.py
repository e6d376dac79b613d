"""An expiry put on an offer, in the words the safety layer did not read (issue 11, wave 42, probe42's probe).

agents.concessions refuses an expiry only as noun, then one of a short list of verbs, then "until" ("the offer is
valid until Friday", "das Angebot gilt nur bis"). Its probe let through the other verbs and orders: "Diese
Konditionen halten wir nur bis Freitag", "Ces conditions tiennent jusqu'à vendredi", "Estas condiciones solo valen
hasta el viernes", "These terms hold until Friday", "Until Friday, these terms stand". The quality layer's reader
(agents.offer_validity: an offer word, a word of holding and a limit in time, a delivery clause and a question left
out) already knew most of them, so the safety layer now reads it as well instead of a third list of verbs. No field
of the Record or setting defines how long an offer holds, so no record vouches one.
"""

from __future__ import annotations

from agents.concessions import OFFER_EXPIRY
from agents.offer_validity import held_offers


def expiring_offers(text: str) -> list[str]:
    """The sentences of `text` (as written) that put an expiry on the offer, its price or its terms; a sentence the
    concession rule already refuses for its expiry is left to that rule's one reason."""
    return [f"promise outside policy (an expiry on an offer): {hold!r}"
            for hold, sentence in held_offers(text) if not OFFER_EXPIRY.search(sentence)]
