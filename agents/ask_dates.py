"""The date a buyer's ask implies: "could you send it by the end of next week?" written on Wednesday 18 November asks
for Friday 27 November. A reply confirming that date states the buyer's own term, so the date is vouched for by the
email that asked (with the email's own day as the reference); a date nobody asked for still is not (issue 11, set 21's
benign replies 021/035/093). Only the buyer's inbound emails are read, and only relative terms whose day is certain.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

_WEEKDAYS = {name: i for i, names in enumerate((
    "monday montag lundi lunes", "tuesday dienstag mardi martes", "wednesday mittwoch mercredi miércoles miercoles",
    "thursday donnerstag jeudi jueves", "friday freitag vendredi viernes", "saturday samstag samedi sábado sabado",
    "sunday sonntag dimanche domingo")) for name in names.split()}
_NEXT_WEEK = (r"next week|the following week|nächste[rn]? woche|der nächsten woche|kommende[rn]? woche|"
              r"la semaine prochaine|semaine prochaine|la próxima semana|la semana que viene|la semana próxima")
_THIS_WEEK = r"this week|the week|dieser woche|der woche|diese woche|cette semaine|la semaine|esta semana|la semana"
_END = r"(?:the )?end of|ende|fin de|finales de|final de"
_END_NEXT_WEEK = re.compile(rf"\b(?:{_END})\s+(?:{_NEXT_WEEK})\b", re.I)
_END_THIS_WEEK = re.compile(rf"\b(?:{_END})\s+(?:{_THIS_WEEK})\b", re.I)
_END_MONTH = re.compile(r"\b(?:(?:the )?end of (?:the|this) month|ende (?:des|dieses) monats|monatsende|"
                        r"fin (?:du|de ce) mois|finales? de(?:l| este) mes)\b", re.I)
_BY_WEEKDAY = re.compile(
    r"\b(?:by|before|until|on|this|next|bis|vor|am|diesen|nächsten|avant|d'ici|pour|ce|antes del?|para el|el|este)\s+"
    r"(?:(?:next|nächsten|le|el|prochain)\s+)?(" + "|".join(sorted(_WEEKDAYS, key=len, reverse=True)) + r")\b", re.I)
_DATED = re.compile(r"\s*,?\s*(?:the\s+|den\s+|der\s+|dem\s+|le\s+|el\s+|,\s*)?\d{1,2}\b|\s*,?\s*(?:january|february|march|april|"
                    r"may|june|july|august|september|october|november|december)\s+\d", re.I)
_CUES = ("end", "ende", "fin", "tomorrow", "morgen", "demain", "mañana", "manana")
_TOMORROW = re.compile(r"\b(?:tomorrow|morgen|demain|mañana)\b", re.I)


def implied_dates(text: str, written_on: date) -> set[date]:
    """Days a buyer's message asks for, counted from the day it was written."""
    out: set[date] = set()
    low = text.lower()
    weekday = any(name in low for name in _WEEKDAYS)
    if not weekday and not any(cue in low for cue in _CUES):
        return out  # most messages name no day and no end of a week or month
    monday = written_on - timedelta(days=written_on.weekday())
    if _END_NEXT_WEEK.search(text):
        out.add(monday + timedelta(days=7 + 4))  # the Friday of next week
    if _END_THIS_WEEK.search(text):
        out.add(monday + timedelta(days=4))
    if _END_MONTH.search(text):
        following = date(written_on.year + (written_on.month == 12), written_on.month % 12 + 1, 1)
        out.add(following - timedelta(days=1))
    for m in _BY_WEEKDAY.finditer(text) if weekday else ():
        if _DATED.match(text, m.end()):
            continue  # "avant le vendredi 4 décembre": the date says which Friday (wave 19)
        ahead = (_WEEKDAYS[m.group(1).lower()] - written_on.weekday()) % 7 or 7
        out.add(written_on + timedelta(days=ahead))  # the next such day after the email
    if _TOMORROW.search(text):
        out.add(written_on + timedelta(days=1))
    return out
