"""A step the buyer can hold us to, whoever the sentence's subject is (issue 11, wave 35: set 44's en-g7, es-g1, es-g10
refused "0 ask(s)").

Why "0 ask(s)" came back every wave: with no question, agents.next_steps read a step by *who speaks* — "I'll / we
will" in English (not "I would", "I suggest"), any "ich/wir" or "je/nous" in German and French, and a closed list of
verbs in Spanish, which drops the pronoun ("le propongo el martes 1 de diciembre a las 16:00" had none of them). Each
wave then listed one more grammatical shape. What makes a step, by that module's own rule for check-ins
(`next_steps._vague`: "a day and a clock time" is a call the buyer can hold us to), is the time, not the grammar: a
sentence that names a calendar day to come (or a coming weekday) and a clock time — an agenda "for Tuesday, 1
December at 11:00 GMT", "para nuestra reunión del miércoles 2 de diciembre a las 11:00", two slots offered — leaves
the buyer a fixed meeting in every language.

Not a step: a question (counted as an ask), a habit ("every Tuesday at 10"), a past day ("last Tuesday at 10"), a day
with no clock time (the older rules read those by their verbs), any draft that only promises to be in touch, and
one that also proposes or demands something untimed (agents.reply_needed, as for a confirmed meeting). The
meeting's day and hour are still checked by the timing and business-hours checks (a weekend, the send day, 7 am).
"""

from __future__ import annotations

import re
from datetime import date

from agents.calendar_days import resolve_day
from agents.next_steps import COMING_DAY, HABIT, PLEASANTRY, voids_the_step
from agents.reply_needed import needs_reply
from agents.sentence_ends import sentence_parts
from agents.timing import CLOCK
from agents.written_dates import find_dates

_PAST = re.compile(r"\b(?:since|seit|depuis|desde|ago|last|letzte[nmrs]?|vergangene[nmrs]?|dernier|derni[eè]re|"
                   r"pasad[oa]|thanks? for|danke für|merci pour|gracias por)\b", re.I)
"""A day looked back on: no step."""


def _coming(sentence: str, send_day: date) -> bool:
    """A calendar day after the send day written in words ("Tuesday, 1 December", "2 de diciembre"), or a coming day
    in words ("tomorrow", "Thursday")."""
    for value, (year, month, day) in find_dates(sentence):
        if re.search(r"[^\W\d_]{3}", value) and (d := resolve_day(year, month, day, send_day)) and d > send_day:
            return True
    return bool(COMING_DAY.search(sentence))


def timed_step(body: str, send_day: date) -> str | None:
    """The first statement naming a coming day and a clock time, or None (a check-in anywhere voids it)."""
    sentences = sentence_parts(body)
    if any(voids_the_step(s) for s in sentences):
        return None
    for sentence in sentences:
        if "?" in sentence or PLEASANTRY.search(sentence) or HABIT.search(sentence) or _PAST.search(sentence):
            continue
        if CLOCK.search(sentence) and _coming(sentence, send_day):
            # a proposal or a demand elsewhere, with no time of its own, still wants the reply it does not ask for
            # ("Confirmed: Wednesday, 2 December at 14:00. I suggest we also meet the partners that week.", wave 31);
            # the timed sentence may itself propose ("le propongo el martes 1 de diciembre a las 16:00")
            if any(needs_reply(other) for other in sentences if other is not sentence):
                return None
            return sentence.strip()[:80]
    return None
