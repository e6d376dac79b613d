"""Who asked, when the buyer's e-mail is not signed (issue 11, wave 29: set 38's en-g5 "Will do. It lands Friday,
November 27", a reply to Dana, refused "ignores the question" because her e-mail of 18 November ends on its question
with no name under it).

agents.moments.sender_of reads the sender from the signature, and an unsigned e-mail has none. A CRM logs an inbound
e-mail on the deal's primary contact (agents.thanks reads an unsigned e-mail so since set 26), so the primary contact is the sender unless the e-mail speaks of them in the
third person ("Dana asked me to send ..." is someone else writing). Only the reply checks that ask "is this the person
who asked?" use this (a pronoun for the asked-for document, a complete short reply); the record's own readings of who
said what (agents.moments, agents.question_owner) keep the signature rule.
"""

from __future__ import annotations

import re
from dataclasses import replace

from agents.context import Context
from agents.moments import Ask
from agents.normalize import normalise


def with_unsigned_sender(ask: Ask | None, ctx: Context) -> Ask | None:
    """The ask with its sender set to the primary contact when its e-mail is unsigned and does not name them."""
    if ask is None or ask.sender_contact_id is not None:
        return ask
    activity = ctx.activities.get(ask.activity_id)
    primary = next((c for c in ctx.record.contacts if c.is_primary), None)
    if (
        activity is None
        or activity.get("direction") != "inbound"
        or activity.get("type") != "email"
        or primary is None
    ):
        return ask
    name = ctx.contact_name(primary) or ""
    text = normalise(f"{activity.get('text') or ''}").lower()
    # "Hi Sam, ... Dana needs it by Friday": the primary contact spoken of, not speaking
    if not name or any(
        re.search(rf"\b{re.escape(part.lower())}\b", text) for part in name.split() if len(part) >= 3
    ):
        return ask
    return replace(ask, sender_contact_id=primary.id)
