"""What in an inbound e-mail is the buyer's own new words (issue 11, wave 35, set 44's 030).

Set 44's 030 logged a delivery-status notice ("Delivery Status Notification (Delay)") as an inbound e-mail; under
"--- Original message ---" it quoted "Could you give me a call at 17:45 this evening?", and that vouched for a call on
the send day as if the buyer had asked for it. A bounce is the mail server's message, not the buyer's; and a quoted
original is an older message, whoever wrote it. Only the words above the first quote marker of an e-mail that is no
delivery notice are the buyer's latest word (agents.moments.latest_ask reads the same-day ask there).
"""

from __future__ import annotations

import re

DELIVERY_NOTICE = re.compile(
    r"\b(?:delivery\s+status\s+notification|undeliverable|undelivered\s+mail|mail\s+delivery\s+(?:failed|failure|"
    r"subsystem|system)|returned\s+mail|non-?delivery\s+report|mailer-daemon|postmaster|"
    r"unzustellbar|nicht\s+zustellbar|zustellung\s+fehlgeschlagen|übermittlungsfehler|"
    r"non\s+remis|non\s+distribuable|échec\s+de\s+(?:la\s+)?(?:remise|distribution)|"
    r"no\s+se\s+puede\s+entregar|error\s+de\s+entrega|notificación\s+de\s+estado\s+de\s+entrega|"
    # the notice's own opening line: the message (ours or theirs) not delivered
    r"(?:your|this|the)\s+message\b[^.\n]{0,60}?\b(?:could\s+not|couldn['’]t|cannot|has\s+not|hasn['’]t|was\s+not|"
    r"wasn['’]t)\s+(?:yet\s+)?(?:be(?:en)?\s+)?(?:yet\s+)?delivered|delivery\s+has\s+failed\s+to|"
    r"nachricht\b[^.\n]{0,60}?\bnicht\s+(?:zugestellt|übermittelt)|"
    r"message\b[^.\n]{0,60}?\bn['’]a\s+pas\s+(?:encore\s+)?(?:pu\s+)?(?:être\s+)?(?:remis|distribué|délivré)|"
    r"no\s+se\s+(?:ha\s+)?(?:podido|pudo)\s+entregar\s+(?:el|su|este)\s+mensaje|"
    r"mensaje\b[^.\n]{0,60}?\bno\s+(?:se\s+)?(?:ha\s+)?(?:podido|pudo)\s+(?:ser\s+)?entregar)",
    re.I,
)
"""A mail server's notice about a message it could not deliver (a bounce), in en/de/fr/es: its subject, or its opening
line saying the message was not delivered. A buyer's "the pallets could not be delivered" is no notice."""

QUOTE_START = re.compile(
    r"(?:^|(?<=\s))(?:>\s|-{2,}\s*(?:original\s+message|forwarded\s+message|ursprüngliche\s+nachricht|weitergeleitete\s+"
    r"nachricht|message\s+d['’]origine|message\s+original|message\s+transféré|mensaje\s+original|mensaje\s+reenviado)|"
    r"(?:on|am|le|el)\s[^?!>]{0,120}?\b(?:wrote|schrieb|a\s+écrit|escribió)\b[^.?!:>]{0,60}:(?=\s|$)|"
    r"(?:from|von|de)\s*:\s*[^:]{1,80}?\s(?:sent|gesendet|envoyé|enviado)\s*:)",
    re.I,
)
"""Where a quoted older message begins: a "> " quote, a "--- Original message ---" divider, an "On ... wrote:" line, or
an Outlook header block ("From: ... Sent: ..."). The record's text comes with its line breaks folded into spaces
(agents.context), so no marker needs a line of its own; a marker read too eagerly only takes words away from the
buyer's same-day ask, it never adds one."""

_OPENING_CHARS = 400
"""How much of a body a delivery notice's own words fill before any quote: where its "could not be delivered" stands."""


def delivery_notice(subject: str, body: str) -> bool:
    """Whether an e-mail is a mail server's notice about a message it could not deliver, read from its subject and the
    body's own opening (not from a quoted message: "the pallets were undeliverable" quoted is the buyer's)."""
    return bool(DELIVERY_NOTICE.search(subject) or DELIVERY_NOTICE.search(own_words(body)[:_OPENING_CHARS]))


def own_words(body: str) -> str:
    """The body above its first quoted older message."""
    m = QUOTE_START.search(body)
    return body[:m.start()] if m else body
