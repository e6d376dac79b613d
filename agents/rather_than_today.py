"""Today named as the day set aside, not proposed (issue 11, wave 38, set 48's 035).

"Vous préférez que l'on s'appelle plutôt la semaine prochaine qu'aujourd'hui, c'est noté" restates the buyer's wish
for a call next week; its "aujourd'hui" is the day declined. agents.declined_today reads a first-person "can't"; here
the day is put aside by a comparison or a replacement: "rather next week than today", "instead of today", "lieber
nächste Woche als heute", "statt heute", "plutôt ... qu'aujourd'hui", "au lieu d'aujourd'hui", "mejor la semana que
viene que hoy", "en lugar de hoy". Such a "today" is taken out before agents.timing reads the sentence for a same-day
proposal; the rest is still read ("rather today than tomorrow" keeps its "today", which is the day preferred).
"""

from __future__ import annotations

import re

_SET_ASIDE = re.compile(
    r"\b(?:instead\s+of|rather\s+than|(?:an)?statt|anstelle\s+von|au\s+lieu\s+d['’]|en\s+(?:lugar|vez)\s+de)\s*"
    r"(?:today|heute|aujourd['’]hui|hoy)\b",
    re.I,
)
_THAN_TODAY = re.compile(r"(?:\bthan|\bals|\bque|\bqu['’])\s*(?:today|heute|aujourd['’]hui|hoy)\b", re.I)
_PREFERRED_ELSE = re.compile(r"\b(?:rather|prefer\w*|better|lieber|eher|besser|bevorzug\w*|plutôt|préfér\w*|"
                             r"mieux|mejor|prefier\w*|prefer\w*|antes)\b", re.I)
_TODAY_PREFERRED = re.compile(r"\b(?:rather|lieber|eher|plutôt|mejor|antes)\s+(?:today|heute|aujourd['’]hui|hoy)\b", re.I)


def today_set_aside_out(sentence: str) -> str:
    """`sentence` without a "today" it names only as the day put aside for another."""
    out = _SET_ASIDE.sub(" ", sentence)
    if _PREFERRED_ELSE.search(out) and not _TODAY_PREFERRED.search(out):
        out = _THAN_TODAY.sub(" ", out)
    return out
