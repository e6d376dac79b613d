"""A draft that repeats the buyer's own email back to them (wave 20, issue 11).

The real local model's most common failure (tests/fixtures/llm_real, 27e31f8): asked for a reply, it copied the buyer's
latest email ("Hallo Frau Vogt, wir haben intern gesprochen und möchten weitermachen. Können Sie uns das Angebot ...
schicken? Viele Grüße, Anna Schmidt") and that passed every fact check, since every word of it is the record's. Sent,
it puts the buyer's words in the owner's mouth. A reply may restate what was asked ("das Angebot für 120 Fahrzeuge
bis Ende nächster Woche": 9 of the buyer's words in a row); it is a copy when most of it is the buyer's.
"""

from __future__ import annotations

import re

from agents.context import Context
from agents.normalize import normalise

RUN_WORDS = 5
"""Consecutive words shared with an inbound email that count as copied (a name and a date share 2-4)."""

ECHO_SHARE = 0.5
"""Share of a draft's words copied from the buyer's emails that makes it a copy, not a reply."""

ECHO_MIN_WORDS = 10
"""Fewest copied words that can make a copy (a one-line draft is judged by its other checks)."""

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(normalise(text))]


def echoed_inbound(text: str, ctx: Context) -> list[str]:
    """Return a rule broken when most of the draft `text` is runs of RUN_WORDS words from the buyer's emails."""
    words = _words(text)
    inbound = [a for a in ctx.activities.values() if a.get("direction") == "inbound" and not a.get("withheld")]
    if len(words) < RUN_WORDS or not inbound:
        return []
    runs: dict[tuple[str, ...], str] = {}
    for a in inbound:
        theirs = _words(str(a.get("text") or ""))
        for i in range(len(theirs) - RUN_WORDS + 1):
            runs.setdefault(tuple(theirs[i:i + RUN_WORDS]), a["id"])
    copied: set[int] = set()
    sources: set[str] = set()
    for i in range(len(words) - RUN_WORDS + 1):
        source = runs.get(tuple(words[i:i + RUN_WORDS]))
        if source:
            copied.update(range(i, i + RUN_WORDS))
            sources.add(source)
    if len(copied) < ECHO_MIN_WORDS or len(copied) < ECHO_SHARE * len(words):
        return []
    return [f"repeats the buyer's own email ({', '.join(sorted(sources))}) word for word ({len(copied)} of its "
            f"{len(words)} words): a reply is written to them, not copied from them"]
