"""Which contact signed an inbound e-mail by name after its last sentence (issue 11, wave 36, helper "noticed36").

agents.moments.sender_of reads a contact's first name at the very end of an e-mail ("... anrufen? Anna") or after a
comma or a dash ("Viele Grüße, Anna Schmidt"). A name that follows the last sentence on the same line, with no comma,
was missed: "Hallo Frau Vogt, ... Ich melde mich bis morgen. Jonas Weber" was nobody's, so the checks read it as the
primary contact's (agents.thanks) and refused the honest "vielen Dank für Ihre Nachricht" to Jonas.

The signature is the e-mail's own words after its last sentence, closings taken off (agents.ask_senders.signature_of:
"Jonas Weber", "Anna Schmidt, Einkauf", "Dana Whitfield Head of Operations"). It names a contact when its name part
(before a comma, a bar or a dash) is that contact's first name alone or begins with their full name. Only the
record's own contacts are matched, so a capitalised noun after the last sentence ("... bis morgen. Angebot", "...
à demain. Proposition") names nobody, and two contacts with the same first name leave the e-mail unsigned.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from agents.ask_senders import own_words, signature_of
from agents.context import Context

_NAME_PART_END = re.compile(r"\s*[,|/–—(]\s*|\s+-\s+")
_WORD = re.compile(r"[^\W\d_][^\W\d_'’.-]*")


def signed_contact(ctx: Context, activity: Mapping[str, Any]) -> str | None:
    """The id of the one contact whose name signs the e-mail after its last sentence, or None."""
    signature = signature_of(own_words(activity))
    written = [w.rstrip(".") for w in _WORD.findall(_NAME_PART_END.split(signature.strip(), maxsplit=1)[0])]
    words = [w.casefold() for w in written]
    if not words:
        return None
    found = set()
    for contact in ctx.record.contacts:
        parts = [p.casefold() for p in (ctx.contact_name(contact) or "").split()]
        full = len(parts) > 1 and words[: len(parts)] == parts
        # what follows the full name is a title ("Head of Operations", "Leiterin Einkauf"), not a sentence ("ruft an")
        if parts and (words == parts[:1] or (full and (len(words) == len(parts) or written[len(parts)][0].isupper()))):
            found.add(contact.id)
    return found.pop() if len(found) == 1 else None
