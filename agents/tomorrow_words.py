"""Why a call "tomorrow" on the send day's date is a same-day call (issue 11, wave 29, set 38's 035).

"Je vous appelle demain, jeudi 26 novembre, à 9 h 30" reads well on the 25th, the day the draft is written; the message
goes out on the next best action's day (agents.writer.DraftPlan.send_day, the 26th at 9:30), when the date is the send
day itself and "demain" the 27th. The refusal stands (the date is what the buyer holds us to); this says which of the
two words is wrong, so a rep can fix the draft.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

_TOMORROW = re.compile(
    r"\b(?:tomorrow|(?<!guten )(?<!am )(?<!heute )morgen|demain|(?<!la )(?<!esta )(?<!una )mañana)\b", re.I
)
"""The next day, in our four languages; not a morning ("Guten Morgen", "heute Morgen", "esta mañana", "por la mañana")."""


def tomorrow_note(sentence: str, day: date, send_day: date) -> str:
    """A note for a reason about `day` in `sentence`: when the sentence calls the send day "tomorrow", the day it is
    from the send day; empty otherwise."""
    m = _TOMORROW.search(sentence)
    if m is None or day != send_day:
        return ""
    return (
        f"; the message goes out on {send_day.isoformat()}, so {m.group(0)!r} is "
        f"{(send_day + timedelta(days=1)).isoformat()}"
    )
