"""When a proposed meeting falls: a weekend or outside business hours is refused by the quality checks (issue 11: "a
call proposed on a weekend or outside ~8:00-19:00 local is bad"). Drafts speak the recipient's time, so a clock time in
a draft is read as the recipient's local time."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

from agents.calendar_days import named_days, resolve_day
from agents.clock_times import clock_hours, spoken_hours
from agents.delivery_days import delivers_document
from agents.document_walkthroughs import goes_through_a_document, walked_offers_out
from agents.meeting_today_words import MEET_RE
from agents.normalize import normalise
from agents.past_terms import LOOKING_BACK, OPENING_PRESENT, TERMS_OR_CONDITION
from agents.public_holidays import day_off, public_holiday
from agents.sentence_ends import sentence_parts
from agents.slot_offers import FIRST_SLOT_HARD, OTHERWISE, SUITS_US
from agents.timing import (
    DEADLINE,
    DEADLINE_FILLER,
    WEEKDAYS,
)
from agents.written_dates import CLOCK_TIME, find_dates
from agents.written_days import day_of_month_weekdays, this_weekdays
from agents.zones import zone

MEETING_HOURS = (8, 19)
"""Recipient-local hours a meeting a draft proposes may fall in (from 8:00, ending by 19:00): a manager refuses a call
at 6:30 or 20:00 whatever the checks of facts say."""
_WEEKEND = re.compile(r"\b(?:saturday|sunday|weekend|samstag\w*|sonnabend|sonntag\w*|wochenende|samedi|dimanche|week-end|"
                      r"sábado|domingo|fin de semana)\b", re.I)
_NOT_A_MEETING_DAY = re.compile(
    r"\b(?:enjoy|(?:have|wish(?:ing)? you) an?(?=\s+(?:good|great|nice|lovely|relaxing|restful|wonderful|long|happy|safe)\b)|happy|schönes|erholsames|(?:ein )?schönes|genießen sie (?:das|ihr)|bon|bonne|"
    r"profitez (?:bien )?(?:du|de votre)|buen|feliz|disfrute (?:del|de su)|disfruta (?:del|de tu)|after|nach dem|après le|"
    r"después del|tras el|last|this past|letztes|vergangenes)\s+(?:[\w'-]+\s+){0,2}$", re.I)
"""A weekend wished or past, not proposed: "enjoy the long weekend, and would Monday suit you for a call?"."""
_AVAILABLE = re.compile(r"\b(?:available|free|work for you|suit you|disponible|disponibilidad|verfügbar|zeit|passt|"
                        # a time proposed is a meeting proposed: "je vous propose le mardi 1er décembre à 20 h 15"
                        r"(?:je vous|i'd|i would|ich) (?:propose|suggest|schlage)|le propongo|les propongo|"
                        r"convient|conviendrait|le viene bien|le va bien|le parece|conviene|le cuadra)\b", re.I)
"""Asking whether a time suits the buyer proposes a meeting at it, with or without a meeting word ("Seriez-vous
disponible lundi à 20 h 30 pour la parcourir ?", "¿Le viene bien revisarla el domingo 29 a las 11:00?")."""


def _available(sentence: str) -> bool:
    """Whether a sentence asks if a time suits the buyer or says that it suits us (agents.slot_offers, wave 31)."""
    return bool(_AVAILABLE.search(sentence) or SUITS_US.search(sentence))




_ANY_WEEKDAY = r"\b(?:" + "|".join(d for names in WEEKDAYS.values() for d in names) + r"|tomorrow|morgen|demain|mañana)\b"
_AROUND = re.compile(r"\b(?:before|after|until|ahead of|vor|nach|bis|avant|après|jusqu'à|antes de|después de|hasta|"
                     r"tras)\s+(?:[\w'’]+\s+){0,2}$", re.I)


def _meeting_days(sentence: str, send_day: date) -> list[tuple[str, date]]:
    """Every day a sentence names: dates, "ce mercredi", "el domingo 29", holidays and calendar weeks (their first day)."""
    days = [(value, d) for value, (year, month, day) in find_dates(sentence)
            if (d := resolve_day(year, month, day, send_day)) is not None]
    days += [(w.value, w.day) for w in (*this_weekdays(sentence, send_day), *day_of_month_weekdays(sentence, send_day))]
    if not days and not re.search(_ANY_WEEKDAY, sentence, re.I):
        # a holiday is the meeting's day only when nothing else names one and it is not a landmark around it ("before
        # Christmas gets busy, could we take 20 minutes next Tuesday?")
        days += [(n.value, n.first) for n in named_days(sentence, send_day)
                 if n.first == n.last and not _AROUND.search(sentence[:n.start])]
    return days


_CLAUSE_START = re.compile(r";|,?\s+(?:and|und|et|y|then|dann|puis|luego)\s+|,\s+(?:so that|damit|pour que|para que)\s+", re.I)


def _delivery_day(sentence: str, value: str) -> bool:
    """Whether a day a meeting sentence names is the day we deliver a document on, in a clause of its own with no
    meeting word ("I will send the proposal on Friday, November 27, and I will call you on Monday")."""
    at = sentence.find(value)
    if at < 0:
        return False
    starts = [m.end() for m in _CLAUSE_START.finditer(sentence, 0, at)]
    clause = sentence[(starts[-1] if starts else 0):at + len(value)]
    return delivers_document(clause) and not MEET_RE.search(clause)


def _appointment_day(sentence: str, send_day: date) -> bool:
    """Whether a sentence names a day still to come that no deadline word governs ("bis Freitag, 12 Uhr" is a term) and
    that is no document's delivery day."""
    return any(d > send_day and not _A_TERM.search(sentence[:max(sentence.find(v), 0)])
               and not _delivery_day(sentence, v) for v, d in _meeting_days(sentence, send_day))


def _could_meet_by(close: date, send_day: date, country: str | None) -> bool:
    """Whether a business day falls after the send day and by the close date: a stale or imminent close date (one the
    writer's own first slot cannot meet) sets no limit on when to meet."""
    days = (send_day + timedelta(days=i) for i in range(1, (close - send_day).days + 1))
    return any(d.weekday() < 5 and not day_off(d, country) for d in days)


def _local_hour(hour: float, written_tz: str, recipient_tz: str, day: date) -> float:
    """A clock time written in one zone, read in the recipient's on that day."""
    src, dst = zone(written_tz), zone(recipient_tz)
    if src is None or dst is None:
        return hour
    at = datetime.combine(day, time(int(hour), round((hour % 1) * 60)), tzinfo=src).astimezone(dst)
    return at.hour + at.minute / 60


def business_hours_violations(text: str, send_day: date, *, recipient_tz: str | None = None,
                              country: str | None = None, close_date: date | None = None) -> list[str]:
    """Meetings proposed on a weekend, on a public holiday of the recipient's country (`country`, an ISO code) or
    outside MEETING_HOURS in the recipient's zone: a clock time with no zone is theirs (drafts speak the recipient's
    time), one with a zone ("5 pm Eastern") is converted to `recipient_tz`.

    A meeting sentence has a meeting word, or a clock time in a question or an ask whether it suits ("Seriez-vous
    disponible lundi à 20 h 30 ?"); nothing in it may look back at one ("thanks for the call at 7 pm")."""
    t = normalise(text)
    reasons: list[str] = []
    for sentence in sentence_parts(t):
        if LOOKING_BACK.search(sentence):
            continue
        clocks = clock_hours(sentence) + spoken_hours(sentence)
        # a plan's line with a day and a clock time is an appointment whatever it is called ("- Durchsprache mit Ihnen:
        # Freitag, 25. Dezember, um 10 Uhr", set 29's b3); a day after a deadline word is a term, not an appointment
        planned = not (MEET_RE.search(sentence) or (clocks and ("?" in sentence or _available(sentence))))
        if planned and not (clocks and _appointment_day(sentence, send_day)):
            continue
        weekend = next((w for w in _WEEKEND.finditer(sentence) if not _NOT_A_MEETING_DAY.search(sentence[:w.start()])), None)
        if weekend:
            reasons.append(f"proposes to meet on a weekend ({weekend.group(0)!r})")
        # "I will send the proposal on Friday, November 27, ... and I will call you on Monday, November 30": the
        # first day is the document's, not the call's (set 27's en-g5, a delivery the day after Thanksgiving)
        days = [(v, d) for v, d in _meeting_days(sentence, send_day) if not _delivery_day(sentence, v)
                and not (planned and _A_TERM.search(sentence[:max(sentence.find(v), 0)]))]
        for value, d in days:
            if d.weekday() >= 5 and d >= send_day:
                reasons.append(f"proposes to meet on {value!r}, a {WEEKDAYS['en'][d.weekday()]}")
            holiday = public_holiday(d, country) if d >= send_day else None
            if holiday:
                reasons.append(f"proposes to meet on {value!r}, {holiday} where the buyer is")
            if close_date and d > close_date and d >= send_day and _could_meet_by(close_date, send_day, country):
                reasons.append(f"proposes to meet on {value!r}, after the deal's close date {close_date.isoformat()}")
            elif close_date and d == close_date and goes_through_a_document(sentence) \
                    and _could_meet_by(close_date - timedelta(days=1), send_day, country):  # wave 37 (agents.document_walkthroughs)
                reasons.append(f"proposes to go through the document on {value!r}, the deal's close date")
        day = next((d for _, d in days if d >= send_day), send_day + timedelta(days=1))
        for value, hour, written_tz in clocks:
            local = _local_hour(hour, written_tz, recipient_tz, day) if written_tz and recipient_tz else hour
            if not MEETING_HOURS[0] <= local < MEETING_HOURS[1]:
                where = f" ({int(local):02d}:{round(local % 1 * 60):02d} where the buyer is)" if local != hour else ""
                reasons.append(f"proposes a meeting at {value!r}{where}, outside {MEETING_HOURS[0]}:00-"
                               f"{MEETING_HOURS[1]}:00")
    return list(dict.fromkeys(reasons))


PROPOSAL_HORIZON_DAYS = 60
"""How far after the send day a date a draft proposes (a meeting, a delivery) may fall."""
_ASKS_TO_MEET = re.compile(r"\?|\b(?:how about|shall we|let's|propose|suggest|vorschlagen|schlage|propose|sugiero|propongo|"
                           # an invitation sent for it: "I will send a calendar invite for a call on Tuesday, December 1"
                           r"invite|invitation|einladung|termineinladung|invitación|convocatoria)\b", re.I)
_A_TERM = re.compile(rf"\b(?:{DEADLINE})\s+(?:{DEADLINE_FILLER})*$", re.I)


_SLOT_CONDITION = re.compile(
    r"^\s*(?:if|falls|wenn|si)\s+[^,]{0,60}?\b"
    r"(?:clash\w*|conflicts?|doesn['’]t (?:work|suit)|does not (?:work|suit)|"
    r"is (?:inconvenient|too early|too late)|nicht passt|ungünstig ist|kollidiert|ne vous convient pas|tombe mal|"
    rf"no le (?:va|viene) bien|no le conviene|coincide|{FIRST_SLOT_HARD})\b[^,]{{0,40}},", re.I)
"""A condition on the slot itself, not a term ("If 11:00 clashes with clinic hours, I can call you on Thursday, 3
December instead": set 35's benign 035 offers another day, as a rep does)."""
_PREFERENCE = re.compile(
    r"^\s*(?:if\s+you(?:\s+would|['’]d)?\s+(?:prefer|rather)|if\s+(?:that|it)\s+(?:is|'s)\s+easier(?:\s+for\s+you)?|"
    r"si\s+(?:lo\s+)?prefiere|si\s+le\s+(?:resulta|es)\s+más\s+(?:cómodo|fácil|práctico)|si\s+vous\s+(?:le\s+)?préférez|"
    r"si\s+c['’]est\s+plus\s+(?:simple|pratique)\s+pour\s+vous|(?:wenn|falls)\s+(?:es\s+|das\s+)?ihnen\s+(?:das\s+)?lieber\s+ist|"
    # a call offered if it helps the buyer (wave 35, set 44's 034: "If a call helps, Monday, November 30 at 9 am ...")
    r"if\s+(?:a|the)\s+(?:call|chat|meeting|walkthrough)\s+(?:would\s+)?(?:helps?|is\s+useful|would\s+be\s+useful)|"
    r"(?:wenn|falls)\s+(?:ein|das)\s+(?:gespräch|telefonat|termin)\s+(?:ihnen\s+)?(?:hilft|helfen\s+würde|nützlich\s+ist)|"
    r"si\s+un\s+(?:appel|échange|rendez-vous)\s+(?:vous\s+)?(?:aide|aiderait|est\s+utile|serait\s+utile)|"
    r"si\s+(?:le|les)\s+(?:ayuda|ayudaría|sirve|serviría)\s+una\s+(?:llamada|reunión)|"
    r"si\s+una\s+(?:llamada|reunión)\s+(?:le\s+|les\s+)?(?:ayuda|ayudaría|sirve|es\s+útil|sería\s+útil))\s*,", re.I)
"""The buyer's preference, not a term ("Si prefiere, también puedo el lunes 30 de noviembre a las 16:00", set 37's
099): it offers a second slot to choose from."""
_PREFERENCE_AFTER = re.compile(
    r"\b(?:if\s+you(?:\s+would|['’]d)?\s+(?:prefer|rather)|si\s+(?:vous\s+(?:le\s+)?préférez|lo\s+prefiere)|"
    r"(?:wenn|falls)\s+(?:es\s+|das\s+)?ihnen\s+(?:das\s+)?lieber\s+ist)\b[^,.;:!?]*", re.I)
"""The same preference after the slot ("Tuesday, December 1 at 9 am would work if you prefer it to Thursday", set 42's
benign 034): a choice offered, no term."""
_SLOT_CONDITION_AFTER = re.compile(
    r",?\s*\b(?:if|falls|wenn|si)\s+[^,.;:!?]{0,60}?\b(?:clash\w*|conflicts?|doesn['’]t (?:work|suit)|does not (?:work|suit)|"
    r"is (?:inconvenient|too early|too late)|nicht passt|ungünstig ist|kollidiert|ne vous convient pas|tombe mal|"
    rf"no le (?:va|viene) bien|no le conviene|{FIRST_SLOT_HARD})\b[^,.;:!?]*", re.I)
"""The same condition on the slot after it ("Wednesday, December 2 at 2 pm would work as well, if Tuesday is busy",
wave 34, set 43's 034 in another order): a second slot offered, no term."""
_OFFERS_A_SLOT = re.compile(
    r"\b(?:i|we)\s+(?:can|could)\s+(?:also\s+)?(?:do|manage|make)\b|"
    r"\b(?:puedo|podría|podemos|podríamos)\s+(?:también\s+)?(?:el|los|la|a\s+las)\b|"
    r"\b(?:je\s+peux|je\s+pourrais|nous\s+pouvons)\s+(?:aussi\s+|également\s+)?(?:le|lundi|mardi|mercredi|jeudi|vendredi)\b|"
    r"\b(?:ich\s+kann|ich\s+könnte|kann\s+ich|könnte\s+ich)\s+(?:auch\s+|alternativ\s+)?(?:am|um)\b", re.I)
"""We offer a slot with a clock time and no question ("I can also do Monday, 30 November at 4 pm"): a proposal."""


def proposed_meeting_days(text: str, send_day: date, *, day_first: bool = False) -> frozenset[date]:
    """Business days after the send day (within PROPOSAL_HORIZON_DAYS) that a sentence proposes to meet on: "would a
    20-minute call on Wednesday 2 December work?". A proposal, not a fact: the inputs need not give the day. A
    date after a deadline word ("by December 2") or in a sentence with a term ("if you sign ...") is no proposal.
    `day_first`: slash dates read day first, as a German, French or Spanish reader does ("le 4/12 à 14 h")."""
    out: set[date] = set()
    for sentence in sentence_parts(normalise(text)):
        # asked ("would ... work?"), proposed, or set by us with a clock time ("je vous rappelle lundi 30 novembre à 10 h")
        # a clock time in a question proposes that slot whatever the verb ("Seriez-vous disponible ... à 10 h pour la
        # parcourir ?", set 22's benign 036)
        timed = CLOCK_TIME.search(sentence)
        if not ((MEET_RE.search(sentence) and (_ASKS_TO_MEET.search(sentence) or timed))
                or (timed and ("?" in sentence or _OFFERS_A_SLOT.search(sentence) or SUITS_US.search(sentence)))) \
                or (LOOKING_BACK.search(sentence) and not re.match(OPENING_PRESENT, sentence, re.I)) \
                or TERMS_OR_CONDITION.search(OTHERWISE.sub("", _PREFERENCE_AFTER.sub("", _PREFERENCE.sub("", _SLOT_CONDITION_AFTER.sub("", _SLOT_CONDITION.sub("", walked_offers_out(sentence))))))):  # "Hablamos el lunes 30 ..., como le propuse" proposes
            continue
        days: list[date] = []
        for value, (year, month, day) in find_dates(sentence, day_first=day_first):
            if _A_TERM.search(sentence[:sentence.find(value)]):
                continue  # "by December 2": a deadline, whatever else the sentence asks
            d = resolve_day(year, month, day, send_day)
            if d is not None:
                days.append(d)
        for n in named_days(sentence, send_day):
            if _A_TERM.search(sentence[:n.start]):
                continue
            days += [n.first + timedelta(days=i) for i in range((n.last - n.first).days + 1)]
        out.update(d for d in days if send_day < d <= send_day + timedelta(days=PROPOSAL_HORIZON_DAYS) and d.weekday() < 5)
    return frozenset(out)


_BUYERS_OWN_TIME = re.compile(r"\b(?:your (?:local )?time|your end|ihrer zeit|bei ihnen|(?:à )?votre heure|chez vous|"
                              r"heure locale|hora local|su hora|de su hora)\b", re.I)
"""The buyer's own time given next to another zone's ("10 am Eastern, 4 pm your time"): the buyer reads their own."""


def foreign_zone_times(text: str, send_day: date, *, recipient_tz: str, known: bool = True) -> list[str]:
    """Meeting times a draft states in a zone other than the recipient's, with no time of theirs beside it.

    Drafts speak the recipient's time (agents.writer proposes slots in it), so a time with no zone is read as theirs
    and passes; "um 10 Uhr Eastern Time" to a buyer in Berlin asks them to convert it, and a rep would not send it
    (issue 11, wave 19, set 27's de-b10). Only when the recipient's zone is known for certain (their own, or a
    country with one zone): "3 pm Central" to a US company whose contact has no zone may well be theirs.

    Args:
        text: subject and body.
        send_day: the day the message goes out (the meeting's day when the sentence names none).
        recipient_tz: the recipient's IANA zone.
        known: whether that zone is certain (agents.zones.zone_is_known); nothing is flagged when it is not.
    """
    dst = zone(recipient_tz)
    if dst is None or not known:
        return []
    reasons: list[str] = []
    for sentence in sentence_parts(normalise(text)):
        if LOOKING_BACK.search(sentence) or _BUYERS_OWN_TIME.search(sentence):
            continue
        clocks = [c for c in clock_hours(sentence) if c[2]]
        if not clocks or not (MEET_RE.search(sentence) or "?" in sentence or _available(sentence)):
            continue
        day = next((d for _, d in _meeting_days(sentence, send_day) if d >= send_day), send_day + timedelta(days=1))
        noon = datetime.combine(day, time(12))
        for value, _, written_tz in clocks:
            src = zone(written_tz)
            if src is not None and noon.replace(tzinfo=src).utcoffset() != noon.replace(tzinfo=dst).utcoffset():
                reasons.append(f"states the meeting time {value!r} in another zone than the buyer's ({recipient_tz})")
    return list(dict.fromkeys(reasons))
