"""What an approval in a draft is of, when the sentence names it by its date or as "them" (issue 11, wave 30: set 39's
en-g3, "the SSO and data retention answers from November 6 appear in the proposal exactly as you approved them", was
refused twice as an approval of the deal the record does not state).

Two readings a sales manager makes without thinking:
- "as you approved them" approves the plural thing the sentence names (the answers), not the proposal next to it: a
  deal document is one thing, and a plural object pronoun ("them", "sie ... haben", "les", "las/los") cannot stand for
  it. `plural_object` tells the deal-approval rule so.
- "the answers from November 6" are the record's activity of that day ("Security questionnaire answers", sent on
  6 November): the approval is of what that activity's subject names, so the record's own approval of it ("security
  signed off on our side") vouches for it. `dated_activity_words` gives the words of the subjects of the activities on
  the days the sentence names, for agents.approvals to read as the approval's topic.
A date the record has no activity on adds nothing, and neither does a singular object ("approved it", which may be
the proposal).
"""

from __future__ import annotations

import re

from agents.calendar_days import resolve_day
from agents.context import Context
from agents.facts import find_dates

PLURAL_OBJECT = re.compile(
    r"^\s+(?:them|these|those|all of them|both)\b|^\s+(?:les|las|los)\b|^\s+sie\s+(?:alle|beide)\b", re.I
)
"""A plural object right after the approval word ("approved them"): not the deal's one document."""


def plural_object(text: str, end: int) -> bool:
    """Whether the approval word ending at `end` in `text` takes a plural object pronoun."""
    return PLURAL_OBJECT.match(text[end : end + 20]) is not None


def dated_activity_words(sentence: str, ctx: Context) -> str:
    """The subjects of the record's activities (not withheld) on the days `sentence` names by date, joined."""
    days = set()
    for _, (y, m, d) in find_dates(sentence):
        if (day := resolve_day(y, m, d, ctx.now.date())) is not None:
            days.add(day.isoformat())
    if not days:
        return ""
    return " ".join(
        a.get("subject") or ""
        for a in ctx.activities.values()
        if not a.get("withheld") and a.get("at") in days
    )
