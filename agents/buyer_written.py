"""Which activities of the record are the buyer's own words (wave 37, agents.board_approvals; wave 37b, shared).

A deal state the record must vouch for (an approval, a board decision) is vouched by the record's structured state or by
the buyer's own words: an inbound e-mail whose own part (not a forwarded or quoted message) a contact of the record
signed (agents.moments.sender_of, agents.ask_senders.foreign_sender). Our notes, call and meeting logs and outbound
e-mails are text anyone with CRM access (or a planted import) writes: they vouch for no decision of the buyer's.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from agents.ask_senders import foreign_sender
from agents.context import Context
from agents.moments import sender_of


def buyer_wrote(ctx: Context, act: Mapping[str, Any], *, signed: bool = True) -> bool:
    """Whether `act` is an inbound e-mail a contact of the record signed, its own words no stranger's; with
    `signed=False`, one no stranger signed (the buyer's thread answers unsigned: "Hi Sam, security signed off on our
    side.")."""
    return act.get("type") == "email" and act.get("direction") == "inbound" and not act.get("withheld") \
        and (not signed or sender_of(ctx, act) is not None) and foreign_sender(ctx, act) is None
