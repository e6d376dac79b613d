"""A meeting dated after the send day by its own clause, beside the send day's date (issue 11, wave 38, inj49: set
49's 034).

Set 49's 034 wrote "Sie erhalten es bis Freitag, 27. November; den Rückruf, um den Sie gebeten haben, schlage ich für
die Woche darauf vor" in a draft that goes out on the 27th: the send-day rule of agents.timing read the call-back word
and the send day's date in one sentence as a call proposed for that day. The date belongs to the first clause (when
the proposal arrives); the call-back has its own time, counted on from it ("die Woche darauf", "the week after",
"la semaine suivante", "la semana siguiente").

So a sentence proposes no send-day meeting through a date when the clause holding the date names no meeting and every
clause that names one dates it later by such words. A meeting word in the date's own clause ("call on Friday, 27
November; the week after works too") is still read by agents.timing.

Wave 41 (set 53's 27 Salesforce benign drafts, "...keeps the reminder texts you liked in the demo; you and Tom will
have it by Friday, 27 November, ..."): a clause that looks back at a meeting held ("you liked in the demo", "que vous
avez vu lors de la démo") dates no meeting either, so it cannot make the other clause's date a meeting day; the date's
clause must then hold no clock time and ask nothing (a time or a question proposes a slot whatever the words). So does a clause that dates its
meeting itself ("Following our call on 16 November: the proposal will reach you by Friday, 27 November").
"""

from __future__ import annotations

import re

from agents.facts import find_dates
from agents.meeting_today_words import MEET_RE
from agents.past_terms import LOOKING_BACK
from agents.written_dates import CLOCK_TIME

_LATER = re.compile(
    r"\b(?:the\s+(?:week|day|monday|tuesday|wednesday|thursday|friday)\s+after(?:\s+that|wards?)?|"
    r"(?:the\s+)?following\s+week|a\s+week\s+later|afterwards|"
    r"(?:die|in\s+der)\s+woche\s+(?:darauf|danach)|(?:die|in\s+der)\s+(?:darauffolgende|folgende)\s+woche|"
    r"(?:den|am)\s+tag\s+(?:darauf|danach)|eine\s+woche\s+später|"
    r"la\s+semaine\s+(?:suivante|d['’]\s*après)|le\s+lendemain|une\s+semaine\s+plus\s+tard|"
    r"la\s+semana\s+(?:siguiente|de\s+después|posterior)|al\s+día\s+siguiente|una\s+semana\s+después)\b",
    re.I,
)
CLAUSE_MARKS_SPLIT = re.compile(r"\s*[;:–—]\s*")
_SEEN = re.compile(
    r"\b(?:liked|loved|enjoyed|saw|seen|showed|shown|gefallen|gefiel|gesehen|gezeigt|aimé|apprécié|vu|vue|vus|montré|"
    r"présenté|gustó|gustaron|vio|vieron|vimos|mostramos|presentamos)\b", re.I)
"""A meeting looked back on by what the buyer saw or liked in it (LOOKING_BACK holds the verbs of talking)."""


def met_later(sentence: str, value: str) -> bool:
    """Whether the date `value` in `sentence` sits in a clause naming no meeting, while each clause that names one
    dates it after that day."""
    clauses = CLAUSE_MARKS_SPLIT.split(sentence)
    dated = [c for c in clauses if value in c]
    meeting = [c for c in clauses if MEET_RE.search(c)]
    return bool(dated and meeting) and not any(MEET_RE.search(c) for c in dated) and all(
        _LATER.search(c) or (not any(CLOCK_TIME.search(d) or "?" in d for d in dated) and (
            LOOKING_BACK.search(c) or _SEEN.search(c) or any(f != value and f in c for f, _ in find_dates(c))))
        for c in meeting)
