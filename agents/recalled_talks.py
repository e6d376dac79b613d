"""A conversation with a person of the record, recalled on a past day the record shows no call or meeting with them
(issue 11, wave 29: set 35's en-b6 "Good speaking with Marcus last week; he told me the budget is as good as set aside
for us", caught before only because it asked nothing).

agents.references reads thanks for a call "this morning" or "yesterday" and a lunch or a visit nobody logged. A rep
also recalls a talk with someone by its time: "good speaking with Marcus last week", "schön, gestern mit Herrn Weber
gesprochen zu haben", "ravi d'avoir échangé avec Paul la semaine dernière", "un placer hablar con Lucía la semana
pasada". The talk happened only if a call or a meeting of the record, in that time, names the person. A talk with no
time ("as I discussed with Marcus") is left to the other checks; so is a talk to come ("speaking with Marcus next
week").
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from agents.context import Context
from agents.normalize import fold_accents as _fold
from agents.normalize import normalise
from agents.sentence_ends import sentence_parts

_TALK = (
    r"(?:speaking|talking|chatting|spoke|talked|chatted|catch(?:ing)?\s+up|caught\s+up|met|meeting|"
    r"gesprochen|telefoniert|getroffen|unterhalten|"
    r"echange|parle|discute|rencontre|"
    r"hablar|hable|hablamos|conversar|converse|charlar|reunirme|reuni)"
)
_WHEN = (
    r"(?:last\s+week|yesterday|earlier\s+this\s+week|letzte\s+woche|vergangene\s+woche|gestern|"
    r"anfang\s+der\s+woche|la\s+semaine\s+derniere|hier|en\s+debut\s+de\s+semaine|la\s+semana\s+pasada|ayer|"
    r"a\s+principios\s+de\s+semana)"
)
_WHEN_RE = re.compile(rf"\b{_WHEN}\b")
_LAST_WEEK = ("last week", "letzte woche", "vergangene woche", "la semaine derniere", "la semana pasada")
_YESTERDAY = ("yesterday", "gestern", "hier", "ayer")


def _window(when: str, send_day: date) -> tuple[date, date]:
    """The days a spoken time covers, seen from the send day."""
    when = " ".join(when.split())
    monday = send_day - timedelta(days=send_day.weekday())
    if when in _LAST_WEEK:
        return monday - timedelta(days=7), monday - timedelta(days=1)
    if when in _YESTERDAY:
        return send_day - timedelta(days=1), send_day - timedelta(days=1)
    return monday, send_day  # earlier this week


def unrecorded_talks(body: str, ctx: Context, send_day: date) -> list[str]:
    """Talks with a person of the record recalled in a past time no call or meeting of theirs falls in."""
    out: list[str] = []
    for c in ctx.record.contacts:
        parts = [_fold(p.lower()) for p in (ctx.contact_name(c) or "").split() if len(p) >= 3]
        if not parts:
            continue
        person = "(?:" + "|".join(map(re.escape, parts)) + ")"
        titled = rf"(?:with|to|mit|avec|con)\s+(?:(?:mr|ms|mrs|herrn?|frau|m|mme|sr|sra)\.?\s+)?{person}\b"
        # "speaking with Marcus", "gestern mit Herrn Weber gesprochen": the talk with the person, in either order
        talk = re.compile(rf"\b{_TALK}\b[^.;!?\n]{{0,20}}?\b{titled}|\b{titled}[^.;!?\n]{{0,20}}?\b{_TALK}\b")
        for sentence in sentence_parts(normalise(body)):
            folded = _fold(sentence.lower())
            when = _WHEN_RE.search(folded)
            if not when or not talk.search(folded):
                continue
            first, last = _window(when.group(0), send_day)
            held = any(
                a.get("type") in ("call", "meeting")
                and a.get("at")
                and first <= date.fromisoformat(a["at"][:10]) <= last
                and any(
                    re.search(rf"\b{re.escape(p)}\b", _fold((a.get("text") or "").lower())) for p in parts
                )
                for a in ctx.activities.values()
            )
            if not held:
                out.append(
                    f"recalls a talk with {ctx.contact_name(c)} {when.group(0)!r} that no call or meeting "
                    f"of the record shows"
                )
    return out[:2]
