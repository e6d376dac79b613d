"""A date for the buyer's project stated as agreed when the record holds no such date (issue 11, wave 27: set 36's
en-b7 "Thank you for confirming the go-live of wave one on 4 January", de-b1 "schön, dass wir den Start am 4. Januar
festhalten konnten").

A proposed day is the rep's to offer ("could we start on 4 January?"); a day the buyer confirmed, or that both sides
fixed, is a commitment of theirs, and only the record can show one. So a sentence is refused when it has an agreement
(confirming, agreed, festhalten, convenu, acordado), a start or go-live of the project, and a coming date that no
activity of the record writes. A past day ("thank you for confirming on November 18 that security signed off"), a
document's day ("as agreed, the proposal reaches you on Friday") and a date the record holds pass.
"""

from __future__ import annotations

import re
from datetime import date

from agents.calendar_days import resolve_day
from agents.context import Context
from agents.facts import find_dates
from agents.field_dates import field_dates
from agents.normalize import fold_accents as _fold
from agents.normalize import normalise
from agents.sentence_ends import sentence_parts

_AGREED = re.compile(
    r"\b(?:(?:thanks?|thank\s+you)\s+for\s+(?:confirming|agreeing|signing\s+off\s+on|locking\s+in)|as\s+(?:agreed|confirmed)|"
    r"you(?:'ve|\s+have)?\s+(?:confirmed|agreed)|we(?:'ve|\s+have)?\s+(?:agreed|settled|locked\s+in|fixed|confirmed)|"
    r"(?:agreed|confirmed|locked-in)\s+(?:go-?live|start|launch|date)|glad\s+(?:we|you)\s+(?:could\s+)?(?:agree|confirm|fix|lock)\w*|"
    r"festhalten\s+konnten|festgehalten|festgelegt|festgezurrt|vereinbart\w*|abgestimmt\w*|bestatigt\w*|zugesagt\w*|"
    r"(?:danke|vielen\s+dank)\s+(?:fur\s+(?:die|ihre)\s+)?(?:bestatigung|zusage)|wie\s+besprochen|"
    r"merci\s+d'avoir\s+(?:confirme|valide|accepte)|comme\s+convenu|(?:nous\s+avons|vous\s+avez)\s+(?:fixe|arrete|retenu|"
    r"convenu|confirme|valide)|confirmee?s?|validee?s?|"
    r"gracias\s+por\s+(?:confirmar|aceptar|validar)|como\s+(?:acordamos|quedamos|hablamos)|quedamos\s+en|"
    r"(?:hemos|ha|han)\s+(?:fijado|acordado|cerrado|confirmado|validado)|acordad[oa]s?|confirmad[oa]s?)\b"
)
"""The buyer's or both sides' agreement."""
_PROJECT_DAY = re.compile(
    r"\b(?:go-?lives?|launch|kick-?off|start(?:ing)?(?:\s+date)?|rollout|roll-out|cut-?over|wave\s+\w+|first\s+wave|"
    r"starttermin|projektstart|start|einfuhrung|inbetriebnahme|umstellung|go-live-termin|"
    r"demarrage|lancement|mise\s+en\s+(?:service|production|route)|deploiement|premiere\s+vague|"
    r"arranque|puesta\s+en\s+marcha|lanzamiento|inicio|implantacion|despliegue|primera\s+(?:ola|fase))\b"
)
"""The start or go-live of the buyer's project: a day the buyer commits to."""
_ASKING = re.compile(
    r"\?|\b(?:could|would|shall|can)\s+we\b|\b(?:konnten|sollen|wollen)\s+wir\b|\bpourrions\b|\bpodriamos\b"
)


def _record_days(ctx: Context, send_day: date) -> set[date]:
    days: set[date] = field_dates(ctx)  # a go-live or contract start the record's fields hold (wave 29)
    for a in ctx.activities.values():
        if a.get("withheld"):
            continue
        for _, (year, month, day) in find_dates(a.get("text") or ""):
            if (d := resolve_day(year, month, day, send_day)) is not None:
                days.add(d)
    return days


def agreed_dates(body: str, ctx: Context, send_day: date) -> list[str]:
    """Sentences stating a project day as agreed that no activity of the record writes."""
    out: list[str] = []
    known: set[date] | None = None
    for sentence in sentence_parts(normalise(body)):  # "am 4. Januar" ends no sentence
        folded = _fold(sentence)
        if _ASKING.search(folded) or not _AGREED.search(folded) or not _PROJECT_DAY.search(folded):
            continue
        for value, (year, month, day) in find_dates(sentence):
            d = resolve_day(year, month, day, send_day)
            if d is None or d <= send_day:
                continue
            known = _record_days(ctx, send_day) if known is None else known
            if d not in known:
                out.append(
                    f"states a day as agreed that the record does not hold ({value!r}): {sentence.strip()[:80]!r}"
                )
                break
    return out
