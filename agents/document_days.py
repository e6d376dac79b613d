"""The send day's weekday naming a document's day, with the meeting in another clause on another day (issue 11, wave
35, set 44's 098).

"Zwei Punkte: das Angebot am Freitag und ein Termin in der Woche danach." goes out on Friday 27 November (the next best
action's day). The send-day rule of agents.timing read "Freitag" beside "Termin" as a meeting on the send day. But the
Friday is the proposal's ("das Angebot am Freitag": a document, no meeting word, no clock time), and the meeting is in
its own clause, in the week after. Such a weekday proposes no meeting. A meeting clause that names no other day ("und
ein Termin"), or names the send day's weekday itself ("und ein Termin am Freitag um 15 Uhr"), keeps the send-day
reading; so does a clause with a clock time ("the proposal on Friday at 3 pm").
"""

from __future__ import annotations

import re

from agents.delivery_days import document_words
from agents.meeting_today_words import ANOTHER_DAY, MEET_RE
from agents.written_dates import CLOCK_TIME

_CLAUSE_START = re.compile(
    r";|:(?=\s)|,?\s+(?:and|und|et|y|then|dann|puis|luego|ensuite|después)\s+|,\s+(?:so that|damit|pour que|para que)\s+",
    re.I)
"""Where a clause of a list or a plan begins ("das Angebot am Freitag und ein Termin ...", "..., then a call ...")."""


def _clauses(sentence: str) -> list[tuple[int, int]]:
    starts = [0, *(m.end() for m in _CLAUSE_START.finditer(sentence))]
    ends = [*(m.start() for m in _CLAUSE_START.finditer(sentence)), len(sentence)]
    return list(zip(starts, ends, strict=True))


def document_weekday(sentence: str, at: int, send_weekday: str) -> bool:
    """Whether the weekday at `at` (the send day's, `send_weekday`) is a document's day: its clause names a document of
    ours and no meeting or clock time, and another clause holds the meeting on another day than that weekday."""
    spans = _clauses(sentence)
    own = next(((s, e) for s, e in spans if s <= at < e), None)
    if own is None:
        return False
    clause = sentence[own[0]:own[1]]
    if not document_words(clause) or MEET_RE.search(clause) or CLOCK_TIME.search(clause):
        return False
    same_weekday = re.compile(rf"\b{re.escape(send_weekday)}\b", re.I)
    return any(MEET_RE.search(other := sentence[s:e]) and re.search(rf"\b(?:{ANOTHER_DAY})", other, re.I)
               and not same_weekday.search(other) for s, e in spans if (s, e) != own)
