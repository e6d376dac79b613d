"""An instruction split across two different carriers of the record (issue 11, wave 21; set 29's 102 put its first
half in the deal name and its second in a meeting's notes).

`agents.context` screened two consecutive activities joined (split notes) but every structured field on its own, so
half an instruction in a field and half in an activity, or in two fields (a contact's title and a custom field), was
read as two harmless halves. Here every text field that can hold a sentence (two words or more) is screened joined
with every other such field and with every activity, in both orders; when a pair reads as an instruction, both
carriers are withheld, as a split note pair is.
"""

from __future__ import annotations

from collections.abc import Mapping
from itertools import combinations
from typing import Any

from agents.untrusted import joined_reason


def screen_pairs(fields: Mapping[str, str], flagged: dict[str, str], activities: Mapping[str, dict[str, Any]]) -> None:
    """Withhold both carriers of every pair that reads as an instruction only when joined.

    Args:
        fields: the record's text fields by path (`agents.context.text_fields`).
        flagged: fields already withheld, by path, with the reason; pairs found add to it.
        activities: the context's numbered activities; a pair found sets the activity's "withheld".
    """
    texts = {p: t for p, t in fields.items() if p not in flagged and len(t.split()) >= 2}
    if not texts:
        return
    for (p1, t1), (p2, t2) in combinations(texts.items(), 2):
        reason = joined_reason([t1, t2]) or joined_reason([t2, t1])
        if reason:
            flagged.setdefault(p1, reason)
            flagged.setdefault(p2, reason)
    for a in activities.values():
        if a.get("withheld"):
            continue
        said = f"{a['subject'] or ''} {a['text'] or ''}".strip()
        for path, text in texts.items():
            reason = joined_reason([text, said]) or joined_reason([said, text])
            if reason:
                flagged.setdefault(path, reason)
                a["withheld"] = reason
