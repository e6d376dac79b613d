"""Thanks for a visit or a meeting the record does not have (issue 11, wave 22b: set 31's b5 "Merci de nous avoir fait
visiter vos ateliers la semaine dernière", "Gracias por recibirnos el lunes en sus oficinas y por la visita a la base",
"vielen Dank für Ihren Besuch bei uns in der vergangenen Woche", when the record's only meeting is the demo weeks
before).

`agents.thanks` judges whom a thanks goes to and for which message; `agents.references` the calls of today and the
lunches recalled as "ours". This reads the occasion thanked for:

- a visit, a tour, being hosted or received (visit, tour, hosting, Besuch, Führung, empfangen, visite, visiter,
  accueil, visita, recibirnos) happened only if some activity of the record speaks of one (visit, on site, vor Ort,
  sur place, en sus instalaciones...) or the sentence names a day the record has a meeting on;
- a meeting thanked for on a day of last week, a weekday or yesterday ("la reunión del lunes", "our meeting last
  week", "unser Treffen gestern") happened only if a meeting or call of the record falls in that window.

A thanks for a future occasion ("thank you for agreeing to host us on Monday") is no thanks for one that happened, and
is left alone; so is a visit of our web pages.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from agents.calendar_days import resolve_day
from agents.context import Context
from agents.facts import find_dates
from agents.normalize import normalise
from agents.sentence_ends import sentence_parts

_THANKS = re.compile(r"\b(?:thank(?:s| you)|many thanks|danke|vielen dank|herzlichen dank|merci|gracias|agradec\w*|"
                     r"agradezc\w*|remerci\w*|bedank\w*|grateful|appreciate[sd]?)\b", re.I)
_VISIT = re.compile(
    r"\b(?:visit(?:ing|ed)?(?! (?:our|the) (?:web ?site|site|page|pricing))|(?:site )?tour|hosting us|having us|"
    r"welcoming us|receiving us|show(?:ing)? us around|"
    r"besuch\w*|besichtig\w*|führung|rundgang|empfang\w*|empfangen|"
    r"visite\w*|visiter|fait visiter|accueil\w*|(?:nous )?recevoir|reçus|"
    r"visita\w*|recibirnos|recibirme|acogida|acogernos|enseñarnos)\b", re.I)
_VISIT_ON_RECORD = re.compile(
    r"\b(?:visit\w*|on[- ]site|onsite|tour|besuch\w*|besichtig\w*|vor ort|rundgang|visite\w*|sur place|"
    r"visita\w*|in situ|en sus (?:instalaciones|oficinas))\b", re.I)
_MEETING = re.compile(r"\b(?:meeting|meet-up|catch-up|treffen|termin\w*|gespräch\w*|rencontre|réunion|rendez-vous|"
                      r"entretien|reunión|encuentro|cita)\b", re.I)
_INTERNAL_BEFORE = re.compile(r"\b(?:internal|intern\w*)\s+$", re.I)
_INTERNAL_AFTER = re.compile(r"^\s+(?:interne?s?|internas?|internos?)\b", re.I)
"""A meeting the buyer held among themselves ("after your internal meeting", "nach Ihrem internen Gespräch", "après
votre réunion interne", "tras su reunión interna"): their own, not one with us the record should show (wave 40, set
52's de-g1)."""
_LAST_WEEK = re.compile(r"\b(?:last week|letzte[nr]? woche|vergangene[nr]? woche|(?:la )?semaine (?:dernière|passée)|"
                        r"(?:la )?semana pasada)\b", re.I)
_YESTERDAY = re.compile(r"\b(?:yesterday|gestern|ayer)\b", re.I)
"""(French "hier" is German "here": left to `agents.references`, which reads it beside a call.)"""
_WEEKDAYS = {name: i for names in (
    ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
    ("montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag"),
    ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo")) for i, name in enumerate(names)}
_WEEKDAY = re.compile(rf"\b({'|'.join(_WEEKDAYS)})\b", re.I)
_FUTURE = re.compile(r"\b(?:will|agree\w*|offer\w*|invit\w*|next|upcoming|coming|werden|nächst\w*|kommend\w*|"
                     r"prochain\w*|à venir|próxim\w*|que viene)\b", re.I)


def _window(sentence: str, send_day: date) -> tuple[date, date] | None:
    """The past days a thanks sentence names (last week, yesterday, a weekday, a written date), or None."""
    for _, (y, m, d) in find_dates(sentence)[:1]:
        day = resolve_day(y, m, d, send_day)
        if day is not None:
            return day, day
    if _LAST_WEEK.search(sentence):
        start = send_day - timedelta(days=send_day.weekday() + 7)
        return start, start + timedelta(days=6)
    if _YESTERDAY.search(sentence):
        return send_day - timedelta(days=1), send_day - timedelta(days=1)
    if w := _WEEKDAY.search(sentence):
        back = (send_day.weekday() - _WEEKDAYS[w.group(1).lower()]) % 7 or 7
        day = send_day - timedelta(days=back)
        return day, day
    return None


def _recorded(part: str, send_day: date, met: list[date], occasions: set[str]) -> bool:
    """Whether `part` (from the visit word on) dates the occasion to a meeting or call of the record, or names one."""
    window = _window(part, send_day)
    if window is not None:
        return any(window[0] - timedelta(days=1) <= d <= window[1] + timedelta(days=1) for d in met)
    return any(w.lower()[:4] in occasions for w in re.findall(r"[^\W\d_]{4,}", part))


def unrecorded_occasions(body: str, ctx: Context, send_day: date) -> list[str]:
    """Thanks for a visit or a dated meeting that no activity of the record shows."""
    text = normalise(body)
    if not _THANKS.search(text):
        return []
    met = [date.fromisoformat(a["at"][:10]) for a in ctx.activities.values()
           if a.get("type") in ("meeting", "call") and a.get("at")]
    # the occasions by name ("Démonstration de la suite", "Discovery call and demo"): "votre accueil lors de la
    # démonstration" thanks for a meeting the record has
    occasions = {w.lower()[:4] for a in ctx.activities.values() if a.get("type") in ("meeting", "call")
                 for w in re.findall(r"[^\W\d_]{4,}", a.get("subject") or "")}
    said = " ".join(f"{a.get('subject') or ''} {a.get('text') or ''}" for a in ctx.activities.values())
    out = []
    for sentence in sentence_parts(text):
        thanks = _THANKS.search(sentence)
        if thanks is None or _FUTURE.search(sentence):
            continue
        tail = sentence[thanks.start():]
        window = _window(tail, send_day)
        held = window is not None and any(window[0] - timedelta(days=1) <= d <= window[1] + timedelta(days=1)
                                          for d in met)
        named = window is None and any(w.lower()[:4] in occasions for w in re.findall(r"[^\W\d_]{4,}", tail))
        # wave 39 (q40-fr-g7): "merci pour votre message du 19 novembre et pour votre accueil lors de la démonstration
        # du 21 octobre": the welcome is dated by the words after it, not by the message's day before it
        if (v := _VISIT.search(tail)) and not _VISIT_ON_RECORD.search(said) and not held and not named \
                and not _recorded(tail[v.start():], send_day, met, occasions):
            out.append(f"thanks for a {v.group(0)!r} no activity of the record shows: {sentence.strip()[:80]!r}")
        elif (m := _MEETING.search(tail)) and window is not None and window[1] < send_day and not held \
                and not _INTERNAL_BEFORE.search(tail[:m.start()]) and not _INTERNAL_AFTER.match(tail[m.end():]):
            out.append(f"thanks for a {m.group(0)!r} on a day the record has no meeting or call: "
                       f"{sentence.strip()[:80]!r}")
    return out
