"""Days people name without a date: calendar weeks ("KW 49", "week 49", "semaine 49", "semana 49") and public
holidays ("Thanksgiving", "Buß- und Bettag", "Toussaint", "Todos los Santos"), resolved to the days they are.

A calendar week or a holiday is a date written another way (issue 11): it is checked like one (a deadline in the past,
a date the inputs do not give), never read as a figure ("49") or as a person's name ("Thanksgiving"). Pure functions of
the text and the day it is read on."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta


def resolve_day(year: int | None, month: int, day: int, send_day: date) -> date | None:
    """The date a written day means, seen from the send day: a year-less date more than half a year
    back is next year's ("January 8" written in December); None when no such day exists (31 June)."""
    try:
        d = date(year or send_day.year, month, day)
    except ValueError:
        return None
    return d.replace(year=d.year + 1) if year is None and d < send_day - timedelta(days=183) else d

YEAR_WINDOW_DAYS = 183
"""A week or holiday named without a year is the occurrence nearest the day it is read on, as for dates without a year:
"by Easter" in November is next Easter, "until Halloween" in November the one just gone."""


@dataclass(frozen=True)
class NamedDays:
    """A span of days a text names in words: its text, where it is, and its first and last day."""

    value: str
    start: int
    end: int
    first: date
    last: date


CALENDAR_WEEK = re.compile(
    r"\b(?:KW\.?|CW|Kalenderwoche|calendar week|week(?: no\.?| number| nr\.?)?|wk\.?|semaine|sem\.|semana)"
    r"\s?(\d{1,2})\b(?![.,:/]\d)(?!\s*(?:of|de|del|du|des|der|des|-)\s+(?!\d{4})[^\W\d_])|"
    r"\b(\d{1,2})\.\s?(?:KW|Kalenderwoche)\b", re.I)
"""An ISO calendar week by its number ("KW 49", "week 49", "la semaine 49", "la semana 49", "in der 49. KW"); "week 2 of the
pilot" counts a project's weeks, not the calendar's."""


def iso_week(year: int, week: int) -> tuple[date, date] | None:
    """Monday and Sunday of ISO week `week` of `year`, or None when the year has no such week."""
    try:
        monday = date.fromisocalendar(year, week, 1)
    except ValueError:
        return None
    return monday, monday + timedelta(days=6)


def calendar_weeks(text: str, today: date) -> list[NamedDays]:
    """Every calendar week `text` names, as the week nearest `today` with that number."""
    out = []
    for m in CALENDAR_WEEK.finditer(text):
        week = int(m.group(1) or m.group(2))
        spans = [s for y in (today.year - 1, today.year, today.year + 1) if week and (s := iso_week(y, week))]
        if not spans:
            continue
        first, last = min(spans, key=lambda s: abs((s[0] - today).days))
        out.append(NamedDays(m.group(0), m.start(), m.end(), first, last))
    return out


def easter_sunday(year: int) -> date:
    """Easter Sunday (Gregorian; the anonymous algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * l_) // 433
    month = (h + l_ - 7 * m + 90) // 25
    return date(year, month, (h + l_ - 7 * m + 33 * month + 19) % 32)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th `weekday` (0 = Monday) of a month; n = -1 for the last."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = (date(year, month + 1, 1) if month < 12 else date(year + 1, 1, 1)) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def _advent(year: int) -> date:
    """First Sunday of Advent: the fourth Sunday before Christmas."""
    christmas = date(year, 12, 25)
    return christmas - timedelta(days=(christmas.weekday() + 1) % 7 or 7) - timedelta(weeks=3)


def _fixed(month: int, day: int) -> Callable[[int], date]:
    return lambda year: date(year, month, day)


def _from_easter(days: int) -> Callable[[int], date]:
    return lambda year: easter_sunday(year) + timedelta(days=days)


_HOLIDAYS: tuple[tuple[str, Callable[[int], date]], ...] = (
    # fixed days
    (r"new year'?s day|neujahr(?:stag)?|jour de l'an|(?:el )?año nuevo", _fixed(1, 1)),
    # "después de Reyes", "tras Reyes": the bare name after a preposition (wave 35, set 44's 028), capitalised, so the
    # surname "Reyes" elsewhere stays a name
    (r"dreikönig(?:stag)?|heilige drei könige|día de (?:los )?reyes|reyes magos|épiphanie|epiphany|"
     r"(?:(?<=de )|(?<=tras )|(?<=los ))(?-i:Reyes)", _fixed(1, 6)),
    (r"candlemas|lichtmess|mariä lichtmess|(?:la )?chandeleur", _fixed(2, 2)),
    (r"valentine'?s day|valentinstag|saint-valentin|san valentín", _fixed(2, 14)),
    (r"st\.? patrick'?s day", _fixed(3, 17)),
    (r"tag der arbeit|fête du travail|día del trabajo(?:ador)?|may day", _fixed(5, 1)),
    (r"independence day|fourth of july|4th of july", _fixed(7, 4)),
    (r"bastille day|fête nationale|quatorze juillet", _fixed(7, 14)),
    (r"johannistag|(?:la )?saint-jean", _fixed(6, 24)),
    (r"mariä himmelfahrt|assumption day|(?:l')?assomption", _fixed(8, 15)),
    (r"tag der deutschen einheit", _fixed(10, 3)),
    (r"(?:día de la )?hispanidad|(?:puente|día|fiesta|virgen) del pilar", _fixed(10, 12)),
    (r"halloween|reformationstag", _fixed(10, 31)),
    (r"allerheiligen|toussaint|todos los santos|all saints'? day", _fixed(11, 1)),
    (r"allerseelen|día de (?:los )?muertos|all souls'? day", _fixed(11, 2)),
    (r"martinstag|st\.? martin'?s day|veterans'? day|armistice day|remembrance day|"
     r"jour de l'armistice|(?:l')?armistice", _fixed(11, 11)),
    (r"bonfire night|guy fawkes(?: night| day)?", _fixed(11, 5)),
    (r"nikolaustag|saint-nicolas|día de la constitución", _fixed(12, 6)),
    (r"(?:día de la )?inmaculada(?: concepción)?", _fixed(12, 8)),
    (r"heiligabend|heiliger abend|christmas eve|nochebuena|réveillon de noël", _fixed(12, 24)),
    (r"christmas|xmas|weihnachten|noël|navidad(?:es)?|erster weihnachtstag", _fixed(12, 25)),
    (r"boxing day|stephanstag|zweiter weihnachtstag", _fixed(12, 26)),
    (r"new year'?s eve|silvester|saint-sylvestre|nochevieja|hogmanay", _fixed(12, 31)),
    # Easter and the days counted from it
    (r"rosenmontag", _from_easter(-48)),
    (r"mardi gras|fastnacht|faschingsdienstag|shrove tuesday|martes de carnaval", _from_easter(-47)),
    (r"ash wednesday|aschermittwoch|mercredi des cendres|miércoles de ceniza", _from_easter(-46)),
    (r"good friday|karfreitag|vendredi saint|viernes santo", _from_easter(-2)),
    (r"easter monday|ostermontag|lundi de pâques|lunes de pascua", _from_easter(1)),
    (r"easter(?: sunday)?|ostern|ostersonntag|pâques|pascua|semana santa", _from_easter(0)),
    (r"ascension day|christi himmelfahrt|(?:jeudi de l')?ascension|(?:día de la )?ascensión", _from_easter(39)),
    (r"whit monday|pfingstmontag|lundi de pentecôte", _from_easter(50)),
    (r"pentecost|whitsun|pfingsten|pentecôte|pentecostés", _from_easter(49)),
    (r"fronleichnam|corpus christi|fête-dieu", _from_easter(60)),
    # days counted from a weekday of a month, or from Advent
    (r"martin luther king(?: jr\.?)? day|mlk day", lambda y: nth_weekday(y, 1, 0, 3)),
    (r"presidents'? day", lambda y: nth_weekday(y, 2, 0, 3)),
    (r"memorial day", lambda y: nth_weekday(y, 5, 0, -1)),
    (r"labou?r day", lambda y: nth_weekday(y, 9, 0, 1)),
    (r"black friday", lambda y: nth_weekday(y, 11, 3, 4) + timedelta(days=1)),
    (r"cyber monday", lambda y: nth_weekday(y, 11, 3, 4) + timedelta(days=4)),
    (r"thanksgiving(?: day)?", lambda y: nth_weekday(y, 11, 3, 4)),
    (r"buß- und bettag|buss- und bettag", lambda y: _advent(y) - timedelta(days=11)),
    (r"totensonntag|ewigkeitssonntag", lambda y: _advent(y) - timedelta(days=7)),
    (r"volkstrauertag", lambda y: _advent(y) - timedelta(days=14)),
    (r"(?:erste[rn]? |1\. )advent(?:ssonntag)?|first (?:sunday of )?advent", _advent),
)
HOLIDAY = re.compile(r"(?<![\w-])(?:" + "|".join(f"({p})" for p, _ in _HOLIDAYS) + r")(?![\w-])", re.I)
"""A public holiday by its name in any of our languages and in any case ("until halloween")."""


def holidays(text: str, today: date) -> list[NamedDays]:
    """Every public holiday `text` names, as its occurrence nearest `today` (within YEAR_WINDOW_DAYS before it)."""
    out = []
    for m in HOLIDAY.finditer(text):
        rule = _HOLIDAYS[next(i for i, g in enumerate(m.groups()) if g is not None)][1]
        day = rule(today.year)
        if day < today - timedelta(days=YEAR_WINDOW_DAYS):
            day = rule(today.year + 1)
        elif day > today + timedelta(days=366 - YEAR_WINDOW_DAYS):
            day = rule(today.year - 1)
        start = m.start()
        rel = _RELATIVE.search(text[:start])
        if rel:
            # "the day before Thanksgiving", "the Tuesday before Thanksgiving", "le lendemain de la Toussaint"
            step = -1 if rel.group("before") or (rel.group("dir") or "").lower() == "before" else 1
            if rel.group("dir") and rel.group("wd"):
                target = _WEEKDAY_NUMBERS[rel.group("wd").lower()]
                day += timedelta(days=step)
                while day.weekday() != target:
                    day += timedelta(days=step)
            else:
                day += timedelta(days=step)
            start = rel.start()
        out.append(NamedDays(text[start:m.end()], start, m.end(), day, day))
    return out


_WEEKDAY_NUMBERS = {w: i for i, w in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                                                 "sunday"))}
_RELATIVE = re.compile(r"\b(?:(?:the\s+)?(?:day|(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday))\s+"
                       r"(?P<dir>before|after)|"
                       # "la veille de la Toussaint", "le lendemain de Noël", "am Tag vor/nach Ostern", "el día antes de /
                       # después de Navidad", "la víspera de Reyes"
                       r"(?P<before>la veille d[eu]|(?:am |der |dem )?tag vor|(?:el )?d[ií]a antes de|la v[ií]spera de)|"
                       r"(?P<after>le lendemain d[eu]|(?:am |der |dem )?tag nach|(?:el )?d[ií]a despu[eé]s de))"
                       r"(?:\s+(?:la|le|l'|el|los|las|dem|der))?\s*$", re.I)


_WEEK_CUES = ("kw", "cw", "week", "wk", "sem", "kalenderwoche")
_HOLIDAY_CUES = tuple("""year|neujahr|jour de l'an|año nuevo|dreikönig|drei könige|reyes|épiphanie|epiphany|valentin|patrick|
tag der arbeit|travail|trabajo|may day|independence|july|bastille|nationale|juillet|einheit|hispanidad|pilar|halloween|
reformation|heiligen|toussaint|santos|saints|seelen|muertos|souls|martin|veteran|armistice|remembrance|nikolaus|nicolas|
constitución|inmaculada|heilig|christmas|xmas|weihnacht|noël|navidad|nochebuena|réveillon|boxing|stephan|silvester|
sylvestre|nochevieja|rosenmontag|gras|fastnacht|fasching|shrove|carnaval|ash wed|aschermittwoch|cendres|ceniza|
good friday|karfreitag|vendredi saint|viernes santo|easter|oster|pâques|pascua|semana santa|ascension|himmelfahrt|
ascensión|whit|pfingst|pentec|fronleichnam|corpus|fête-dieu|luther|mlk|president|memorial|labor day|labour day|
black friday|cyber monday|thanksgiving|bettag|totensonntag|ewigkeit|volkstrauer|advent|candlemas|lichtmess|
chandeleur|johannis|saint-jean|himmelfahrt|assumption|assomption|bonfire|fawkes|hogmanay""".replace("\n", "").split("|"))
"""Substrings (of the lower-cased text) a calendar week or a holiday needs: most texts have none, and a substring test
is far cheaper than the patterns."""


def named_days(text: str, today: date) -> list[NamedDays]:
    """Calendar weeks and holidays in `text`, in the order they appear."""
    return list(_named_days(text, today))


@functools.lru_cache(maxsize=4096)
def _named_days(text: str, today: date) -> tuple[NamedDays, ...]:
    # Memoised on everything the result depends on (the text and the day it is read on), the cue test included: timing,
    # meeting hours and facts read the same sentences of a draft again.
    low = text.lower()
    weeks = any(c in low for c in _WEEK_CUES)
    days = any(c in low for c in _HOLIDAY_CUES)
    if not (weeks or days):
        return ()
    found = [*(calendar_weeks(text, today) if weeks else ()), *(holidays(text, today) if days else ())]
    return tuple(sorted(found, key=lambda n: n.start))


def without_named_days(text: str, today: date) -> str:
    """`text` with its calendar weeks and holidays blanked (their figures and capitals are neither counts nor names)."""
    for n in reversed(named_days(text, today)):
        text = text[:n.start] + " " + text[n.end:]
    return text


_WORD = re.compile(r"[^\W\d_]+")


def unvouched_named_days(text: str, today: date, dates: frozenset[date], own_words: frozenset[str]) -> tuple[list[str],
                                                                                                          str]:
    """The calendar weeks and holidays in `text` that no date of `dates` falls in ("KW 50 (2026-12-07)"), and the text
    with all of them blanked: dates written another way, held to the inputs like any date, never a figure or a name. A
    holiday's word that is one of the record's own names (`own_words`: "M. Toussaint") names the person."""
    unvouched = []
    for n in reversed(named_days(text, today)):
        words = _WORD.findall(n.value)
        if words and all(w.lower() in own_words for w in words):
            continue
        if not any(n.first <= d <= n.last for d in dates):
            unvouched.append(f"{n.value} ({n.first.isoformat()})")
        text = text[:n.start] + " " + text[n.end:]
    return unvouched[::-1], text


_GERMAN_NAMED_DEADLINE = re.compile(
    r"\b(?:bis|spätestens)(?:[ \t\xa0]+(?:zum|zur|spätestens|am|bis|zum|vor))?[ \t\xa0]+(?:(?:dem|der|den|kommenden|"
    r"nächsten|diesem|diesen|diesjährigen)[ \t\xa0]+)?([A-ZÄÖÜ][a-zäöüß]+)")
"""One line: a "bis" that ends a line is not a deadline on the next line's first word ("... bis\nSehr geehrte")."""
_CALENDAR_WORD = re.compile(r"(?:ende|anfang|mitte|beginn|woche|wochenende|monat|monats|jahr|jahres|quartal|quartals|"
                            r"halbjahr\w*|termin|frist|zeit|kw)$|^(?:tag|tages)$", re.I)
"""Words of the calendar's structure ("bis Ende", "bis Jahresende", "bis Monatsende"), which timing.py reads."""
_EVENT_WORD = re.compile(r"gespräch|telefonat|termin|treffen|demo|call|meeting|runde|review|sitzung|besprechung|"
                         r"präsentation|workshop|start|entscheidung", re.I)
"""A meeting or decision the deadline is tied to ("bis zum Gespräch am Montag") is not an occasion to date."""


def german_occasion_deadlines(text: str, known: Callable[[str], bool]) -> list[str]:
    """German deadlines on an occasion no field dates ("bis zum Martinstag"): German capitalises every noun, so the name
    check lets them through; a deadline must be a date code can check, or an occasion the record itself names
    (`known`)."""
    return [m.group(0).strip() for m in _GERMAN_NAMED_DEADLINE.finditer(text)
            if not (known(m.group(1)) or _CALENDAR_WORD.search(m.group(1)) or _EVENT_WORD.search(m.group(1)))]
