"""Whether an inbound e-mail shows that one of the record's contacts wrote it (wave 37, helper noticed37).

A meeting on the send day is allowed only when the buyer asked for it (agents.moments.latest_ask). Wave 35 refused the
asks a stranger, a bot or a forward made (agents.ask_senders.foreign_sender) and let an e-mail with no sender at all
vouch, as the CRM logs an inbound e-mail on the contact who sent it. The canonical activity carries no sender, though,
and a planted e-mail with no name in it ("Can you call me today?") then vouched for a same-day call (wave 36's note).
So an ask for today now needs the e-mail's own words (not a quoted or forwarded message) to show its writer:

- an address of one of the record's contacts ("dana.whitfield@northwind.example"), or
- a signature naming a contact: their first name closing the e-mail or after a comma or dash ("..., Anna"), or the
  name after the last sentence (agents.signed_contacts), or
- a signature whose name shares or shortens a contact's name ("Dan") or the company's distinctive one ("Müller
  Logistik GmbH"; a legal form alone is anyone's, agents.company_words).

An unsigned e-mail still counts as the primary contact's elsewhere (agents.thanks, agents.unsigned_asks): thanking
its writer is harmless, a same-day call on its word is not.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from agents.ask_senders import a_contacts_name, names_of_contacts, own_words, signature_of
from agents.context import Context
from agents.signed_contacts import signed_contact

SIGNED_TAIL_CHARS = 120
"""How much of the end of an e-mail's own words a first-name signature is looked for in (as agents.moments.sender_of)."""
_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_GREETING = r"^\W*(?:hi|hello|hey|dear|hallo|liebe|lieber|bonjour|chère|cher|hola|estimad[oa])\s+"


def _signed_by_first_name(ctx: Context, words: str) -> bool:
    """A contact's first name closes the words or follows a comma or dash near their end, and does not greet."""
    tail, head = words[-SIGNED_TAIL_CHARS:].lower(), words[:40].lower()
    for contact in ctx.record.contacts:
        name = ctx.contact_name(contact)
        if not name:
            continue
        first = re.escape(name.split()[0].lower())
        if (re.search(rf"\b{first}\b\W*$", tail) or re.search(rf"[-–—,]\s*{first}\b", tail)) \
                and not re.search(rf"{_GREETING}{first}\b", head):
            return True
    return False


def written_by_a_contact(ctx: Context, activity: Mapping[str, Any]) -> bool:
    """Whether the e-mail's own words carry a record contact's address, or a signature of a contact or the company."""
    words = own_words(activity)
    if not words.strip():
        return False
    addresses = {c.email.lower() for c in ctx.record.contacts if c.email}
    if any(m.group(0).lower() in addresses for m in _ADDRESS.finditer(words)):
        return True
    if _signed_by_first_name(ctx, words) or signed_contact(ctx, activity):
        return True
    # the signature's name part sharing or shortening a contact's name or the company's distinctive one ("Dan")
    name = re.split(r"\s*[,|/–—(]\s*|\s+-\s+", _ADDRESS.sub("", signature_of(words)).strip())[0].strip()
    return bool(name) and a_contacts_name(name, names_of_contacts(ctx))
