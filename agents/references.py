"""A draft's reference to the buyer's message by its date ("your email of November 19") must name a day on which the
record has an inbound message: a misdated reference tells the buyer we mixed them up with someone else (quality set
22's en-b5). Judged against the record's activities, not a list of phrases."""

from __future__ import annotations

import re
from datetime import date

from agents.calendar_days import resolve_day
from agents.context import Context
from agents.facts import find_dates

_REFERENCE = re.compile(
    r"\b(?:your|ihre[rn]?|votre|su)\s+(?:e-?mail|message|note|reply|nachricht|mail|antwort|courriel|réponse|correo|"
    r"mensaje|respuesta)\s+(?:of|from|on|dated|vom|von|du|del|de)\s+([^.,;!?\n]{3,30})", re.I)


def misdated_references(body: str, ctx: Context, send_day: date) -> list[str]:
    """References to the buyer's message on a day the record has no inbound message on."""
    out: list[str] = []
    inbound = {date.fromisoformat(a["at"]) for a in ctx.activities.values() if a.get("direction") == "inbound"
               and a.get("at")}
    if not inbound:
        return out
    for m in _REFERENCE.finditer(body):
        for value, (year, month, day) in find_dates(m.group(1))[:1]:
            d = resolve_day(year, month, day, send_day)
            named = {x for x in inbound if (x.month, x.day) == (month, day) and (year is None or x.year == year)}
            if d is not None and not named:
                out.append(f"refers to the buyer's message of {value!r}; the record has none that day")
        w = _WEEKDAY.match(m.group(1))
        if w and not find_dates(m.group(1)):
            # "your email on Monday": the last such weekday before the send day (wave 14, quality set 23's en-b11)
            back = (send_day.weekday() - _WEEKDAY_NUMBER[w.group(1).lower()]) % 7 or 7
            if date.fromordinal(send_day.toordinal() - back) not in inbound:
                out.append(f"refers to the buyer's message of {w.group(1)!r}; the record has none that day")
    return out


_WEEKDAY_NUMBER = {name: i for names in (
    ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
    ("montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag"),
    ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo")) for i, name in enumerate(names)}
_WEEKDAY = re.compile(rf"(?:last |letzten |dernier |el |le )?({'|'.join(_WEEKDAY_NUMBER)})\b", re.I)


_THANKED_CALL = re.compile(
    r"\b(?:thank\w*|merci|danke|gracias|agradec\w*)\b[^.;!?\n]{0,30}?\b(?:the|my|our|your|this|that|le|la|l'|notre|"
    r"votre|cet|den|das|dem|unser\w*|ihr\w*|el|nuestra|nuestro|su)\s*(?:\w+\s+)?(?:call|meeting|chat|talk|conversation|"
    r"gespräch|telefonat|anruf|appel|échange|réunion|llamada|reunión|conversación)\b[^.;!?\n]{0,30}?\b(?P<when>this morning|"
    r"earlier today|today|yesterday|heute(?: morgen| vormittag)?|gestern|ce matin|aujourd'hui|hier|esta mañana|hoy|ayer)\b",
    re.I)
_YESTERDAY = frozenset({"yesterday", "gestern", "hier", "ayer"})


def unrecorded_calls(body: str, ctx: Context, send_day: date) -> list[str]:
    """Thanks for a call or meeting today or yesterday that the record has no call or meeting for (quality set 22's
    en-b6, "thanks for taking my call this morning")."""
    out: list[str] = []
    for m in _THANKED_CALL.finditer(body):
        day = send_day.toordinal() - (1 if m.group("when").lower() in _YESTERDAY else 0)
        held = any(a.get("type") in ("call", "meeting") and a.get("at") and date.fromisoformat(a["at"]).toordinal() == day
                   for a in ctx.activities.values())
        if not held:
            out.append(f"thanks for a call {m.group('when')!r} the record does not show")
    return out


_ENCOUNTER = re.compile(
    # a shared occasion referred to as ours: "lors de notre déjeuner", "at our dinner", "beim Mittagessen", "en nuestra
    # comida", "over coffee last week"
    r"\b(?:our|notre|nos|unser\w*|nuestr[oa]s?|beim|over|during|lors d[eu]|pendant|durante|at the|auf der|au|en la|en el)"
    r"\s+(?:\w+\s+){0,2}?(?P<what>lunch|dinner|breakfast|coffee|drinks|site visit|visit|trade ?show|conference|expo|golf|booth|"
    r"déjeuner|dîner|petit-déjeuner|café|apéro|visite|salon|conférence|séminaire|"
    r"mittagessen|abendessen|frühstück|kaffee|besuch\w*|messe\w*|konferenz|"
    r"almuerzo|comida|cena|desayuno|visita|feria|congreso)\b", re.I)
"""An encounter a draft recalls: it happened only if some activity of the record speaks of it."""


def unrecorded_encounters(body: str, ctx: Context) -> list[str]:
    """A lunch, dinner, visit or trade show recalled as shared that no activity of the record mentions (quality set 23's
    fr-b6, "comme convenu avec Paul lors de notre déjeuner", when there was only the demo)."""
    found = list(_ENCOUNTER.finditer(body))
    if not found:
        return []
    said = " ".join(f"{a.get('subject') or ''} {a.get('text') or ''}" for a in ctx.activities.values()).lower()
    return [f"recalls {m.group(0)!r}; no activity of the record mentions a {m.group('what').lower()}"
            for m in found if m.group("what").lower()[:5] not in said]
