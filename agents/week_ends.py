"""The end of the current week (or month) named as a limit in other words (issue 11, wave 41, helper "noticed41"; the
lead's probe of wave 40: "antes de que acabe la semana", "avant la fin de la semaine", "bis Ende der Woche", "before
the week is out").

agents.offer_validity read a limit as a limit word and a day word within three words ("until Friday", "bis Ende",
"avant la fin"); the end told as a clause ("before the week is out", "antes de que acabe la semana", "bevor die Woche
um ist"), as the weekend ("bis zum Wochenende", "avant le week-end") or as the week itself ("only this week", "nur
noch diese Woche", "que cette semaine", "solo ... esta semana") has no day word there. agents.early_deadlines read
dates and "tomorrow" only: the send week's Friday, which these name, is a day a rep may press for.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

_PERIOD = r"(?:week|month|woche|monat|semaine|mois|semana|mes)"
_THIS = r"(?:this|the|diese[rns]?|die|der|dieses|cette|la|ce|le|esta|este|el)"
WEEK_END = (
    # a clause: "before the week is out", "when the week is over", "bevor die Woche um ist", "antes de que acabe la
    # semana", "cuando termine la semana", "avant que la semaine (ne) se termine"
    rf"(?:until|till|before|by|when)\s+{_THIS}\s+{_PERIOD}\s+(?:is\s+(?:out|over|done|up)|ends|closes)|"
    rf"(?:bevor|bis)\s+{_THIS}\s+{_PERIOD}\s+(?:um|vorbei|zu\s+ende|vorüber)\s+ist|"
    rf"(?:antes\s+de\s+que|cuando|hasta\s+que)\s+(?:se\s+)?(?:acabe|termine|finalice|cierre)\s+{_THIS}\s+{_PERIOD}|"
    rf"avant\s+que\s+{_THIS}\s+{_PERIOD}\s+(?:ne\s+)?(?:se\s+)?(?:termine|finisse|s['’]achève)|"
    # the week's end as a noun: "by week's end", "d'ici la fin de semaine", "bis zum Wochenende", "avant le week-end"
    r"(?:until|till|before|by|through)\s+(?:the\s+)?(?:week['’]s\s+end|weekend|end\s+of\s+(?:the|this)\s+week)|"
    r"(?:bis|vor)\s+(?:zum\s+|dem\s+)?(?:wochenende|wochenschluss|ende\s+(?:der|dieser)\s+woche)|"
    r"(?:d['’]ici|avant|jusqu['’](?:à|au))\s+(?:la\s+|le\s+)?(?:fin\s+(?:de\s+(?:la\s+)?)?semaine|week-?end)|"
    r"(?:antes\s+del?|hasta\s+el)\s+(?:fin\s+de\s+semana|final\s+de\s+(?:la|esta)\s+semana)|"
    # the week itself as the span, after a word of only: "only this week", "nur noch diese Woche", "que cette semaine",
    # "solo es válida esta semana"
    r"(?:only|just|nur|noch|que|seulement|uniquement|solo|sólo|solamente|únicamente)\s+(?:[\w'’]+\s+){0,2}?"
    r"(?:this|diese|cette|esta|este)\s+(?:week|woche|semaine|semana)"
)
WEEK_END_RE = re.compile(rf"\b(?:{WEEK_END})\b", re.I)


def week_end_day(text: str, send_day: date) -> date | None:
    """The Friday of the send day's week when `text` names the end of this week as a limit; None otherwise (and on a
    weekend, whose week has ended)."""
    found = WEEK_END_RE.search(text)
    if send_day.weekday() >= 5 or found is None or re.search(r"\b(?:month|monat|mois|mes)\b", found.group(0), re.I):
        return None
    return send_day + timedelta(days=4 - send_day.weekday())
