"""A deadline on the offer's terms that the offer itself cannot meet (issue 11, wave 22: set 30's de-b12 "Das Angebot
... kommt bis Freitag, 27. November. Die Konditionen kann ich Ihnen allerdings nur bis morgen, Donnerstag, 26.
November, zusichern").

`agents.offer_validity` reads the words of holding or lapsing; this reads the days. A sentence that binds the offer,
its terms or the buyer's answer (sign, confirm, decide, accept, in four languages) to a limit ("until", "by", "bis",
"jusqu'au", "hasta", "antes del") invents a deadline a rep would strike when its day

- falls before the day the same draft promises to deliver the offer (the buyer cannot accept terms they do not have),
- or falls within one working day of the send day and the sentence presses ("only", "nur", "seulement", "solo",
  "quickly", "schnell", "rapidement", "enseguida").

A question, a condition the buyer set ("you asked for it by Friday") and the code-decided incentive (weeks out, no
pressure word) pass; a day the buyer wrote is theirs, not ours, and is left to the date checks.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from agents.calendar_days import named_days, resolve_day
from agents.delivery_days import promised_delivery_days
from agents.facts import find_dates
from agents.normalize import normalise
from agents.sentence_ends import sentence_parts
from agents.week_ends import week_end_day

_TERMS = re.compile(
    r"\b(?:offer|proposal|quote|pric(?:e|es|ing)|terms|conditions|discount|rate|sign\w*|confirm\w*|decide|decision|"
    r"accept\w*|commit\w*|angebot\w*|konditionen|preis\w*|rabatt\w*|bedingungen|unterschr\w*|unterzeichn\w*|"
    r"zusag\w*|bestätig\w*|entscheid\w*|offre|proposition|devis|tarifs?|prix|conditions|remise|sign\w*|confirm\w*|"
    r"décid\w*|décision|accept\w*|oferta|propuesta|precios?|condiciones|descuento|tarifas?|firm\w*|confirm\w*|"
    r"decid\w*|decisión|acept\w*)\b", re.I)
"""The offer, its terms, or the buyer's answer to it."""
_LIMIT = re.compile(r"\b(?:until|till|by|before|no later than|bis|spätestens|vor|jusqu['’](?:au|à|a)|avant|d'ici|"
                    r"hasta|antes del?|como muy tarde)\b", re.I)
_PRESSURE = re.compile(r"\b(?:only|just|quickly|urgent\w*|last chance|hurry|nur|schnell|dringend|allerdings|leider|"
                       r"seulement|uniquement|rapidement|vite|urgent\w*|ne\b.*\bque|solo|sólo|solamente|únicamente|"
                       r"enseguida|rápid\w*|urgente)\b", re.I)
_NOT_OURS = re.compile(r"\?|^\s*¿|\b(?:you asked|as you|asked for|wie gewünscht|wie sie|comme vous|como (?:nos |me )?"
                       r"(?:pidió|indicó))\b", re.I)


def _next_working_day(day: date) -> date:
    day += timedelta(days=1)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def _days_after(sentence: str, start: int, send_day: date) -> list[date]:
    """Days a sentence names after position `start` (written dates, "tomorrow", "morgen", "demain", "mañana", and the
    end of this week in other words: agents.week_ends)."""
    rest = sentence[start:]
    days = [d for _, (y, m, dd) in find_dates(rest) if (d := resolve_day(y, m, dd, send_day)) is not None]
    days += [n.first for n in named_days(rest, send_day)]
    if re.search(r"\b(?:tomorrow|morgen|demain|mañana)\b", rest, re.I):
        days.append(send_day + timedelta(days=1))
    if (friday := week_end_day(rest, send_day)) is not None:  # wave 41: "before the week is out", "bis Wochenende"
        days.append(friday)
    return [d for d in days if d > send_day]


def early_deadlines(body: str, send_day: date) -> list[str]:
    """Sentences of a draft that set a deadline on the offer before it arrives, or a pressing one a day away.

    Returns:
        One reason per such sentence.
    """
    sentences = sentence_parts(normalise(body))
    delivered = frozenset().union(*(promised_delivery_days(s, send_day) for s in sentences))
    out = []
    for sentence in sentences:
        limit = _LIMIT.search(sentence)
        if limit is None or not _TERMS.search(sentence) or _NOT_OURS.search(sentence) \
                or any(d in delivered for d in _days_after(sentence, 0, send_day)):
            continue  # the delivery's own sentence ("the proposal reaches you by Friday") sets no term
        days = _days_after(sentence, limit.start(), send_day)
        if not days:
            continue
        day = min(days)
        if delivered and day < min(delivered):
            out.append(f"sets a deadline ({day.isoformat()}) before the offer it promises arrives "
                       f"({min(delivered).isoformat()}): {sentence.strip()[:80]!r}")
        elif day <= _next_working_day(send_day) and _PRESSURE.search(sentence):
            out.append(f"presses for an answer within a working day ({day.isoformat()}): {sentence.strip()[:80]!r}")
    return out
