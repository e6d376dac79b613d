"""When a draft may ask to meet, and which dates it may hold the buyer to.

Meetings are proposed in the recipient's time zone (the contact's, else their company's country, else the owner's)
inside business hours, never on the day the message goes out unless the buyer asked for that; a deadline is never in
the past, nor a decision pressed for the send day. `timing_violations` checks any draft, in EN/DE/FR/ES.
"""

from __future__ import annotations

import functools
import re
from datetime import date

from agents import spoken_time as st
from agents.calendar_days import named_days, resolve_day
from agents.cited_asks import without_cited_ask
from agents.dated_times import (
    anchor_is_a_dated_meeting,
    meeting_time_dated_elsewhere,
    times_for_the_day_before,
)
from agents.declined_today import without_declined_today
from agents.document_days import document_weekday
from agents.facts import find_dates
from agents.joined_clauses import clause_at
from agents.later_meetings import met_later
from agents.meeting_slots import BUSINESS_HOURS as BUSINESS_HOURS
from agents.meeting_slots import DEADLINE_MIN_DAYS as DEADLINE_MIN_DAYS
from agents.meeting_slots import SLOT_HOURS as SLOT_HOURS
from agents.meeting_slots import deadline_date as deadline_date
from agents.meeting_slots import proposed_slots as proposed_slots
from agents.meeting_today_words import (
    AFTER_THIS_MESSAGE,
    ANOTHER_DAY,
    CALL_SOON,
    CONTACT_TODAY,
    EARLIER_TODAY,
    MEET_RE,
    MEET_TODAY,
    MEET_WORDS,
    SOON_OR_PART_OF_DAY,
)
from agents.normalize import normalise
from agents.past_terms import LOOKING_BACK as _LOOKING_BACK
from agents.past_terms import MONTH_NAME, OPENING_PRESENT, SPAN_CUES, counted_from, past_month_spans
from agents.past_terms import TERMS_OR_CONDITION as _TERMS_OR_CONDITION
from agents.rather_than_today import today_set_aside_out
from agents.reason_clauses import meeting_clauses
from agents.refused_calls import call_refused_until_agreed
from agents.reported_calls import reports_a_past_call
from agents.same_day_calls import MEAL as _MEAL
from agents.same_day_calls import THIS_PART_OF_DAY as _THIS_PART_OF_DAY
from agents.same_day_pressure import pressed_for_today
from agents.send_day_thanks import thanked_on_send_day
from agents.sentence_ends import sentence_parts
from agents.slot_offers import SUITS_US
from agents.tomorrow_words import tomorrow_note
from agents.working_day import OFFER_TO_MEET, TODAYS_ROUTINE, anchored_to_today, meal_of_named_day
from agents.written_days import days_of_month, this_weekdays, weekday_mismatches
from agents.zones import COUNTRY_TIMEZONES as COUNTRY_TIMEZONES
from agents.zones import recipient_timezone as recipient_timezone

WEEKDAYS = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "de": ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"),
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    "es": ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"),
}

CLOCK = re.compile(r"\b\d{1,2}(?:[:.]\d{2})?\s?(?:am|pm|a\.m\.|p\.m\.|uhr|h\b)|\b\d{1,2}[:h]\d{2}\b|"
                    r"\b(?:at|um|à|a las)\s+\d{1,2}\b(?![.,/]\d)", re.I)
DEADLINE = (r"by|before|until|no later than|deadline|expires?|valid (?:until|through)|bis(?: zum| spätestens)?|"
             r"spätestens|vor dem|gültig bis|avant le|d'ici le|jusqu'au|au plus tard le|antes del?|hasta el|"
             r"a más tardar el|válid[oa] hasta el|vence|vencerá|expira|caduca")
MONTHS_DE_LIST = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
                   "November", "Dezember")
MONTHS_FR_LIST = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
                   "novembre", "décembre")
MONTHS_ES_LIST = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
                   "noviembre", "diciembre")
_MONTH_NAMES_ALL = ("january", "february", "march", "april", "june", "july", "august", "september", "october",
                    "november", "december", *(m.lower() for m in MONTHS_DE_LIST), *MONTHS_FR_LIST,
                    *MONTHS_ES_LIST)
_DAY_NUMBER_AFTER = re.compile(r",?\s+(?:the\s+|den\s+|le\s+|el\s+|día\s+)?(\d{1,2})(?:st|nd|rd|th|er|\.)?(?![\d,:/])",
                               re.I)
"""A day of the month right after a weekday ("el lunes 7", "Tuesday the 1st")."""
_NEXT = r"(next|nächste[nm]?|prochain|próximo|proximo)\s+$"
_WEEKDAY_NAMES = "|".join(d for names in WEEKDAYS.values() for d in names)
_MONTHS_ANY = "|".join(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
                        *_MONTH_NAMES_ALL, "jänner"))
_DAY_ONLY_DEADLINE = re.compile(
    rf"\b(?:{DEADLINE})\s+(?:(?:{_WEEKDAY_NAMES}),?\s+)?(?:the\s+|le\s+|el\s+(?:día\s+)?|den\s+|dem\s+|zum\s+)?"
    rf"(\d{{1,2}})(?:(?:st|nd|rd|th|er|º)\b|\.(?!\s*(?:\d|{_MONTHS_ANY}))|(?![\d.:/])(?!\s*(?:am|pm|a\.m|p\.m|[a-zäéû]))|"
    r"(?=\s+(?:del corriente|du courant|du mois|del mes|of this month|dieses monats|de ce mois|de este mes)))",
    re.I)
"""A deadline naming only a day of the month ("by Monday the 23rd", "avant le 20"): that day of
the send day's month."""
_THIS_MONTH = re.compile(r"\s*(?:of )?(?:this|the current|dieses|diesen|des laufenden|de ce|du mois en cours|de este|del "
                         r"presente|del mes en curso|del corriente|du courant|(?:of )?inst\.?)\s*(?:month|monats?|mois|mes)?\b", re.I)
"""After a day of the month: "the 3rd of this month" is this month's, however far back."""
DAY_ONLY_LOOKBACK_DAYS = 20
"""A day-of-month deadline up to this many days before the send day reads as this month's (past);
further back it reads as next month's."""


DEADLINE_FILLER = (r"(?:the|le|el|den|dem|on|am|au|at|cob|eod|close of business|end of (?:the )?day|midnight|noon|"
                    r"einschließlich|inklusive|including|inclusive|inclus|incluido|"
                    r"end of|ende|fin de|la fin de|finales de|final de|(?:la )?fin du|fin del|finales del|final del|ende des|"
                    rf"{_WEEKDAY_NAMES}),?\s+")
"""What may stand between a deadline word and its date: "by Monday 23 November", "until COB on 20/11"."""
_LATER = re.compile(r"\b(?:later|in a (?:bit|sec|tick|jiffy|mo)|später|plus tard|más tarde|tantôt)\b(?!\s+(?:in|this|next|on|"
                    r"diese|nächste|dans|cette|la|en|esta|la)\b)", re.I)
""""I'll call you later" names no day: the buyer reads it as today ("later this week" names one)."""
_ARISING_LATER = re.compile(
    r"\b(?:if|should|whenever|in case|falls|wenn|sollten|si|au cas où|en cas|si jamais|cuando|en caso de que)\b[^,;.?!]{0,80}?"
    r"\b(?:come up|comes up|arise|arises|crop up|crops up|aufkommen|auftauchen|ergeben|entstehen|se posent|se pose|"
    r"surgissent|surgit|apparaissent|surgen|surge|surjan|surgieran|aparecen|aparezcan)\b[^,;.?!]*", re.I)
"""wave 37 (set 46's en-g3): "if questions come up later, I am happy to bring our engineer to a call": the later is the
questions', and the call waits for them; it proposes no time today."""
_WEEK_AFTER = re.compile(r",?\s*(?:(?:of\s+|in\s+)?(?:the\s+)?(?:next|following)\s+week|week|(?:in\s+)?(?:der\s+)?"
                         r"nächste[nr]?\s+woche|in einer woche|prochain|de la semaine prochaine|en huit|"
                         r"de la (?:semana que viene|próxima semana)|que viene|próximo)\b", re.I)
"""After a weekday: it is next week's ("Mittwoch nächster Woche", "mercredi prochain", "miércoles que viene")."""


MONTH_NUMBERS = {**{m: i for i, m in enumerate(("january", "february", "march", "april", "may", "june", "july",
                                                  "august", "september", "october", "november", "december"), 1)},
                  **{m.lower(): i for i, m in enumerate(MONTHS_DE_LIST, 1)},
                  **{m: i for i, m in enumerate(MONTHS_FR_LIST, 1)}, **{m: i for i, m in enumerate(MONTHS_ES_LIST, 1)}}
_MONTH_DEADLINE = re.compile(
    rf"\b(?:{DEADLINE}|through|thru|till|valid through|expired? (?:in|at)|ends? (?:in|at)|"
    r"gültig bis|bis ende|endet|avant|d'ici|jusqu'à|jusqu'en|expire (?:fin|en)|hasta|antes de|vence (?:a|en))\s+"
    r"(?:the\s+|la\s+|le\s+|el\s+)?(?:end\s+of\s+|ende\s+|fin\s+|la fin\s+|finales\s+de\s+|fin\s+de\s+|final\s+de\s+|"
    r"(?:early|mid|late|the middle of|the start of|anfang|mitte|début|mi|principios de|mediados de)[\s-]+)?(?:d'|de\s+)?"
    rf"({'|'.join(sorted({*_MONTH_NAMES_ALL}, key=len, reverse=True))})\b(?!\s*\d)", re.I)
"""A deadline that names a month but no day ("valid through the end of October", "bis Ende Oktober")."""
_MONTH_PART = re.compile(r"\b(?:early|mid|anfang|mitte|début|mi-|principios|mediados)", re.I)
MONTH_PART_LAST_DAY = {"ear": 10, "anf": 10, "déb": 10, "pri": 10, "mid": 20, "mit": 20, "mi": 20, "med": 20}
"""Last day of the part of a month a deadline names ("early November" is over after the 10th)."""


_RELATIVE_PAST = re.compile(
    r"\b(?:yesterday|last (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|weekend|month)|"
    r"(?:a|one|two|three|\d+) (?:days?|weeks?) ago|gestern|vorgestern|letzte[nmr]? (?:woche|monat|montag|dienstag|"
    r"mittwoch|donnerstag|freitag)|vor (?:einer|zwei|drei|\d+) (?:tagen|wochen?)|hier|avant-hier|"
    r"(?:vergangene[nmr]?|vorige[nmr]?) (?:woche|monat|montag|dienstag|mittwoch|donnerstag|freitag)|"
    r"la semaine dernière|(?:le )?mois dernier|(?:lundi|mardi|mercredi|jeudi|vendredi) dernier|il y a \w+ jours?|"
    r"ayer|anteayer|la semana pasada|(?:el )?fin de semana pasado|(?:le )?week-end dernier|(?:letztes|vergangenes) wochenende|(?:el )?mes pasado|(?:el )?(?:lunes|martes|miércoles|jueves|viernes|sábado|domingo) pasado|"
    # the weekday named before its "past": "el pasado viernes", "this past Friday", "the previous Monday"
    r"pasad[oa] (?:lunes|martes|miércoles|jueves|viernes|sábado|domingo|semana|mes)|"
    r"(?:this past|the past|the previous|previous) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|week)|"
    r"(?:the )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|day) before last|"
    r"(?:le |la )?(?:lundi|mardi|mercredi|jeudi|vendredi|semaine) (?:précédent|passé)e?|"
    r"hace \w+ d[ií]as|(?:el )?(?:lunes|martes|miércoles|jueves|viernes|sábado|domingo|semana|mes) que pasó|"
    # a day of the month marked as gone: "el pasado día 20", "le 20 dernier", "am vergangenen 20.", "last 20th"
    r"(?:el )?pasado d[ií]a \d{1,2}|(?:le )?\d{1,2} dernier|(?:am )?(?:vergangenen|letzten) \d{1,2}\.|"
    r"last \d{1,2}(?:st|nd|rd|th)|(?:monday|tuesday|wednesday|thursday|friday|week) (?:just gone|just past))\b", re.I)
_OFFER_TERMS = re.compile(
    r"\b(?:valid|expir\w*|laps\w*|deadline|cut-?off|ran out|ended|only until|frist|stichtag|gültig|abgelaufen|lief|endete|"
    r"l[ií]mite|date limite|"
    r"échéance|valable|expir\w*|plazo|válid\w*|venci\w*|caduc\w*|galt|galten)\b", re.I)
_LATEST = re.compile(r"(?:au plus tard|a más tardar|spätestens|at the latest|no later than|(?:attendue?|souhaitée?) pour|expected by|"
                     r"erwartet bis|esperad[oa] para)")
"""A time set as the latest one, next to a past time: "au plus tard avant-hier", "pour la semaine dernière au plus tard"."""
"""A time already past ("last Friday", "gestern") in a sentence about an offer's terms is a past deadline;
"we met last Friday" is not."""


_FORWARD = re.compile(r"\?|\b(?:will|i'll|we'll|shall|let's|how about|propose|suggest|schedule|book|"
                      r"werde|werden|rufe|schlage|können wir|wollen wir|appelle|appellerai|propose|pourrions|pouvons|"
                      r"llamo|llamaré|propongo|podríamos|podemos|le parece)\b|" + OPENING_PRESENT, re.I)


def _offers_a_slot(sentence: str) -> bool:
    """A clock time we say suits us ("4 pm works for me as well"): a meeting offered with no meeting word (wave 31)."""
    # "I'm available until 5 pm today if questions come up" says how long we can be reached, not a slot
    clock = CLOCK.search(sentence) or st.CLOCK_SPOKEN.search(sentence)
    return clock is not None and bool(SUITS_US.search(sentence)) and not _UNTIL.search(sentence[:clock.start()])


_UNTIL = re.compile(r"\b(?:until|till|through|bis|jusqu['’]à|hasta)\s+(?:[\w'’]+\s+){0,1}$", re.I)


def _looks_forward(text: str) -> bool:
    return bool(CLOCK.search(text) or _FORWARD.search(text) or st.CLOCK_SPOKEN.search(text))


def _proposes_meeting(sentence: str) -> bool:
    """A sentence that asks for or announces a meeting (a meeting word, a clock time or a forward-looking verb, and
    nothing that looks back at one)."""
    if not _looks_forward(sentence):
        return False  # most sentences with a past date: no clock time and nothing forward-looking
    return bool(MEET_RE.search(sentence)) and not _LOOKING_BACK.search(sentence)


_NAMED_DAY_DEADLINE = re.compile(
    rf"\b(?:{DEADLINE}|till|through|avant|antes|jusqu'à|jusqu'au|d'ici|hasta|vor|bis)\s+(?:[\w'’.-]+\s+){{0,3}}$", re.I)
"""A deadline word up to three words before a week or a holiday: "bis Ende KW 47", "antes del día de Todos los Santos"."""


def _past_named_days(sentence: str, send_day: date) -> list[str]:
    """A calendar week or a holiday already over (agents.calendar_days), held as a deadline ("bis Ende KW 47", "valid
    until halloween"), as a term in a sentence with a condition, an offer or a signature ("wenn Sie in KW 47
    unterschreiben"), or as the day of a meeting proposed now."""
    out = []
    for n in named_days(sentence, send_day):
        if n.last >= send_day:
            continue
        if _NAMED_DAY_DEADLINE.search(sentence[: n.start]):
            out.append(f"deadline {n.value!r} (ended {n.last.isoformat()}) is in the past")
        elif _TERMS_OR_CONDITION.search(sentence) and not _LOOKING_BACK.search(sentence):
            out.append(f"term {n.value!r} (ended {n.last.isoformat()}) is already over")
        elif _proposes_meeting(sentence):
            out.append(f"proposes to meet in {n.value!r}, before the send day")
    return out


def timing_violations(text: str, send_day: date, *, asked_same_day: bool = False) -> list[str]:
    """Return past deadlines and send-day meeting asks in a draft.

    Args:
        text: subject and body.
        send_day: the day the message goes out (the sender's calendar day).
        asked_same_day: the buyer asked to talk today, so a same-day slot answers them.

    Remembered per (text, day, same-day ask), a pure function of the three: a run asks it of the writer's draft and
    again in the quality check, and a re-check or a replay of the record asks it once more (wave 35).
    """
    return list(remembered_timing_violations(text, send_day, asked_same_day))


TIMING_MEMORY = 2_048
"""Drafts whose timing verdict is remembered per process (least recently used out; a few KB each)."""


@functools.lru_cache(maxsize=TIMING_MEMORY)
def remembered_timing_violations(text: str, send_day: date, asked_same_day: bool) -> tuple[str, ...]:
    """`timing_violations`' answer, remembered (a tuple, so no caller can change another's)."""
    t = normalise(text)
    reasons: list[str] = []
    quarters = st.QUARTER_DEADLINE.search(t) is not None  # rare: one search of the whole text
    low = t.lower()
    spans = any(cue in low for cue in SPAN_CUES) or MONTH_NAME.search(low) is not None  # wave 18: a whole month too
    # A period after a day number ("bis zum 15. November") does not end the sentence (agents.sentence_ends).
    sentences = sentence_parts(t)
    for index, sentence in enumerate(sentences):
        dates = find_dates(sentence)
        for value, (year, month, day) in dates:
            d = resolve_day(year, month, day, send_day)
            if d is None:
                continue
            before = sentence[: sentence.find(value)]
            if re.search(rf"\b(?:{DEADLINE})\s+(?:{DEADLINE_FILLER})*$|\b(?:{DEADLINE})$", before, re.I) and d < send_day:
                reasons.append(f"deadline {value!r} is in the past")
            if not asked_same_day and d == send_day and (re.search(rf"\b(?:{MEET_WORDS})\b", sentence, re.I)
                                                         or _offers_a_slot(sentence)) and not thanked_on_send_day(
                    sentence, sentence.find(value)) and not met_later(sentence, value):  # "Thanks for the call on
                # November 25" looks back; "by 27 November; the call the week after" dates the call later
                reasons.append(f"proposes to meet on the send day ({value!r}){tomorrow_note(sentence, d, send_day)}")
            elif d < send_day and _proposes_meeting(sentence) and _looks_forward(
                    clause_at(sentence, sentence.find(value), sentence.find(value) + len(value), colon=True)) \
                    and not counted_from(sentence, value, _FORWARD):
                # "Je vous appelle mercredi 25 novembre à 17 h" in a message that goes out on the 26th: a meeting can
                # only be proposed for a day still to come, whatever the words around the date.
                # The date's own clause must look forward (wave 41, set 53's en-g10): "Following our call on 16
                # November: the proposal will reach you by Friday" has its forward verb in the other clause.
                reasons.append(f"proposes to meet on {value!r}, before the send day")
        reasons += _past_named_days(sentence, send_day)
        for w in this_weekdays(sentence, send_day):
            if w.day < send_day and _NAMED_DAY_DEADLINE.search(sentence[:w.start]):
                reasons.append(f"deadline {w.value!r} ({w.day.isoformat()}) is in the past")  # "bis Montag dieser Woche"
        reasons += [f"a weekday its date does not have: {w}" for w in weekday_mismatches(sentence, send_day, dates)]
        meets = MEET_RE.search(sentence) or _offers_a_slot(sentence) or CONTACT_TODAY.search(sentence)  # wave 39
        if meets:
            # a day named another way ("ce mercredi", "diesen Mittwoch", "the day before Thanksgiving") is judged as the
            # date it is: the send day is a same-day call, a day before it a meeting in the past
            named = [(w.value, w.day) for w in (*this_weekdays(sentence, send_day), *days_of_month(sentence, send_day))] + [
                (n.value, n.first) for n in named_days(sentence, send_day) if n.first == n.last]
            for value, d in named:
                if d == send_day and not asked_same_day and not thanked_on_send_day(sentence, sentence.find(value)):
                    reasons.append(f"proposes to meet on {value!r}, the send day ({d.isoformat()})")
                elif d < send_day and ("?" in sentence or not _LOOKING_BACK.search(sentence)) and (
                        _proposes_meeting(sentence) or "?" in sentence):
                    # a question is asked of the days to come ("¿Hablamos este martes?" reads "hablamos" as present)
                    reasons.append(f"proposes to meet on {value!r} ({d.isoformat()}), before the send day")
        for m in _DAY_ONLY_DEADLINE.finditer(sentence):
            this_month = _THIS_MONTH.match(sentence, m.end())
            if 0 < send_day.day - int(m.group(1)) <= (31 if this_month else DAY_ONLY_LOOKBACK_DAYS):
                reasons.append(f"deadline {m.group(0).strip()!r} is in the past")
        past = _RELATIVE_PAST.search(sentence)
        if past and re.search(rf"\b(?:{DEADLINE}|till|through|avant|antes|vor)\s+(?:{DEADLINE_FILLER})*$",
                              sentence[: past.start()], re.I):
            # "Sign by last Monday", "bis letzten Montag": a deadline word then a time already gone.
            reasons.append(f"deadline {past.group(0)!r} is in the past")
        elif past and (_OFFER_TERMS.search(sentence) or re.search(rf"{_LATEST.pattern}\s+(?:[\w'’]+\s+){{0,2}}$",
                                                                    sentence[:past.start()], re.I)
                       or re.match(rf"\s*,?\s*{_LATEST.pattern}", sentence[past.end():], re.I)):
            # "the offer lapsed last Friday", "die Frist lief gestern ab": a deadline already gone.
            reasons.append(f"deadline {past.group(0)!r} is in the past")
        if quarters:
            reasons += st.past_quarter_deadlines(sentence, send_day)
        if spans:
            reasons += past_month_spans(sentence, send_day)
        for m in _MONTH_DEADLINE.finditer(sentence):
            month_no = MONTH_NUMBERS.get(m.group(1).lower().rstrip("."))
            # A month with no day, as a deadline, is its last day: past when it ended before the send
            # day (a month up to half a year back; further back reads as next year's).
            if month_no and 0 < send_day.month - month_no <= 6:
                reasons.append(f"deadline {m.group(0).strip()!r} is in the past")
            elif month_no == send_day.month:
                # "before early November" on November 25: the part of the month it names is over.
                part = _MONTH_PART.search(m.group(0))
                if part and send_day.day > MONTH_PART_LAST_DAY[part.group(0).lower().rstrip("- ")[:3]]:
                    reasons.append(f"deadline {m.group(0).strip()!r} is in the past")
        reasons += [] if asked_same_day else pressed_for_today(sentence)
        if not meets or asked_same_day:
            continue
        # "I can't make a call today, but Tuesday at 10 works": a declined today proposes nothing (wave 33, set 42)
        sentence = today_set_aside_out(without_declined_today(sentence))  # wave 38: "plutôt ... qu'aujourd'hui"
        if call_refused_until_agreed(sentence):
            continue  # wave 37 (set 47's 035): "I will not call before you agree a slot" proposes no meeting
        # "as your voicemail asked", "comme demandé" cite the plan's reason and look back at no meeting (agents.cited_asks);
        # a meeting named only inside the citation ("As discussed on the call this morning, here is ...") is the past one
        uncited = without_cited_ask(sentence)
        if uncited != sentence and not (MEET_RE.search(uncited) or _offers_a_slot(uncited)):
            continue
        if (_LOOKING_BACK.search(uncited) or EARLIER_TODAY.search(uncited) or reports_a_past_call(uncited)) \
                and not _FORWARD.search(sentence):
            continue  # "Thanks for the call earlier today": a meeting that took place, not one proposed
        # a calendar week or a holiday names a day too ("in KW 49", "after Thanksgiving")
        if st.SENT_TODAY.search(sentence) and any(st.after(d, send_day) for _, d in dates):
            continue  # "I will send an invite later today for a call on Tuesday, December 1": the sending is today
        no_day = not dates and not re.search(rf"\b(?:{ANOTHER_DAY})", sentence, re.I) and not named_days(sentence, send_day) \
            and not days_of_month(sentence, send_day)
        # With another day named, "in 20 minutes" is the meeting's length ("pencil in 20 minutes on Tuesday").
        timed = _ARISING_LATER.sub(" ", sentence) if no_day else meal_of_named_day(st.PART_OF_SOME_DAY.sub(" ", st.DURATION_PHRASE.sub(
            " ", sentence)), bool(dates), ANOTHER_DAY)
        if any(MEET_TODAY.search(c) or CONTACT_TODAY.search(c) for c in meeting_clauses(timed, no_day)) \
                or CALL_SOON.search(timed) \
                or st.IN_THE_NEXT_MINUTES.search(sentence):
            reasons.append("proposes to meet today")
        elif no_day and (_THIS_PART_OF_DAY.search(sentence) or _LATER.search(_ARISING_LATER.sub(" ", sentence)) or SOON_OR_PART_OF_DAY.search(sentence)
                         or st.PART_OF_SOME_DAY.search(sentence)):  # "en début de soirée"
            # "ring you this arvo", "cet aprèm", "I'll call you later": a part of a day and no other day named.
            reasons.append("proposes to meet today")
        elif no_day and (TODAYS_ROUTINE.search(sentence) or ((_FORWARD.search(sentence) or "?" in sentence or
                                                              OFFER_TO_MEET.search(sentence)) and anchored_to_today(sentence)
                                                             and not anchor_is_a_dated_meeting(sentence, sentences, send_day))):
            reasons.append("proposes to meet at a point of the buyer's working day (no day named: today)")
        elif no_day and _MEAL.search(sentence):
            # "a la vuelta del almuerzo", "après le déjeuner": today's meal when no other day is named.
            reasons.append("proposes to meet around today's lunch")
        elif no_day and (AFTER_THIS_MESSAGE.search(sentence) or st.AFTER_THIS_MEETING.search(sentence)
                         or st.ONCE_READ.search(sentence)):
            reasons.append("proposes to meet right after this message (today)")
        elif (CLOCK.search(sentence) or st.CLOCK_SPOKEN.search(sentence)) and no_day and not \
                meeting_time_dated_elsewhere(sentence, sentences, send_day) and not \
                times_for_the_day_before(sentence, sentences[index - 1] if index else "", send_day):
            # "a call at 4pm your time" names no day, so the buyer reads it as today; "the walkthrough would start at
            # 9 am" names back a walkthrough another sentence dates (agents.dated_times, wave 30)
            reasons.append("proposes a meeting time without a day (reads as today)")
        for names in WEEKDAYS.values():
            wd = names[send_day.weekday()]
            for m in re.finditer(rf"\b{wd}\b", sentence, re.I):
                day_no = _DAY_NUMBER_AFTER.match(sentence, m.end())
                if day_no and int(day_no.group(1)) != send_day.day:
                    continue  # "el jueves 3": the 3rd, a Thursday of another week
                if not re.search(_NEXT, sentence[: m.start()], re.I) and not dates \
                        and not _WEEK_AFTER.match(sentence[m.end():]) \
                        and not re.search(r"\b(?:last|letzten?|vergangenen?|pasado)\s+$", sentence[: m.start()], re.I) \
                        and not document_weekday(sentence, m.start(), wd):  # "das Angebot am Freitag und ein Termin
                    # in der Woche danach": the proposal's Friday, the meeting in the week after (set 44's 098)
                    reasons.append(f"proposes to meet on {wd}, the send day")
    return tuple(dict.fromkeys(reasons))
