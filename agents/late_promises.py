"""A document promised after the day the buyer asked for it (issue 11, wave 19: set 27's de-b12, "Frau Schmidt wollte
das Angebot bis Ende nächster Woche, der Entwurf verspricht es erst Mitte Dezember").

The buyer's latest open ask gives a day ("by the end of next week" written on Friday 20 November is Friday 27
November; "bis zum 4. Dezember"); a sentence of the draft in which we send, or the buyer receives, a document
(agents.delivery_days) names when. The earliest day its wording allows is taken, so a draft is refused only when even
the most generous reading comes after the buyer's day: "Mitte Dezember" is the 11th at the earliest, "im Dezember"
the 1st, "next month" its 1st, "in zwei Wochen" fourteen days on. A draft that names no day, or asks, passes.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from agents.acknowledged_days import acknowledged_day
from agents.ask_dates import implied_dates
from agents.calendar_days import resolve_day
from agents.context import Context
from agents.delivery_days import delivers_document, document_words
from agents.delivery_wording import says_delivery
from agents.facts import find_dates
from agents.meeting_proposals import proposes_a_meeting
from agents.modal_sendings import sends_with_a_modal
from agents.moments import latest_ask
from agents.normalize import normalise
from agents.timing import MONTH_NUMBERS

MID_MONTH_FIRST_DAY = 11
"""The first day "mid-December" / "Mitte Dezember" / "mi-décembre" / "a mediados de diciembre" can mean."""
LATE_MONTH_FIRST_DAY = 21
"""The first day "end of December" / "Ende Dezember" / "fin décembre" / "a finales de diciembre" can mean."""
_DEADLINE_WORD = re.compile(r"\b(?:by|before|until|no later than|bis|vor|spätestens|avant|d'ici|au plus tard|antes del?|"
                            r"para el|a más tardar|hasta el)\s+(?:(?:the|dem|zum|le|el)\s+)?(?:[^\W\d_]+,?\s+)?$", re.I)
"""A deadline word before a date the buyer gives, with at most its weekday between ("avant le vendredi 4 décembre")."""
_MONTH = "|".join(sorted((m for m in MONTH_NUMBERS if len(m) > 3), key=len, reverse=True))
_MONTH_PART = re.compile(
    rf"\b(?P<part>mid|middle of|mitte|mi|milieu|mediados de|(?:the )?end of|ende|fin|finales de|final de|late|"
    rf"(?:the )?beginning of|early|anfang|début|principios de|comienzos de|in|im|en|during|im laufe des|"
    # the first week of a month begins on its first day ("in the first week of January", "première semaine de janvier")
    rf"(?:the )?first week (?:of|in)|(?:la )?première semaine (?:de|d')|(?:la )?primera semana de)"
    rf"[\s-]+(?:(?:the month of|du mois de|del mes de|de)\s+)?(?P<month>{_MONTH})\b", re.I)
_NEXT_MONTH = re.compile(r"\b(?:next month|nächsten monat|im nächsten monat|kommenden monat|le mois prochain|"
                         r"el (?:mes que viene|próximo mes)|el mes próximo)\b", re.I)
_NEXT_YEAR = re.compile(r"\b(?:next year|after the holidays|in the new year|nächstes jahr|im neuen jahr|nach den feiertagen|"
                        r"l'année prochaine|après les fêtes|en début d'année|el año que viene|el próximo año|"
                        r"después de las fiestas|a la vuelta de las fiestas)\b", re.I)
_IN_WEEKS = re.compile(r"\b(?:in|within|in den nächsten|innerhalb von|dans|d'ici|en|dentro de)\s+(?P<n>\d|two|three|four|"
                       r"zwei|drei|vier|deux|trois|quatre|dos|tres|cuatro)\s+(?:weeks|wochen|semaines|semanas)\b", re.I)
_PURPOSE = re.compile(r",?\s+(?:which|so that|so you|in time for|to leave|leaving|and keeps?|damit|sodass|so dass|"
                      r"um\s+\w+\s+zu|pour que|afin que|afin de|ce qui|para que|lo que|de modo que|de forma que)\b", re.I)
_HAVE_IT = re.compile(
    r"^\W*(?:that\s+)?(?:(?:you|they|both of you)\s+)?(?:will\s+|'ll\s+|can\s+|should\s+)?(?:have|get|receive)\s+"
    r"(?:it|them|the\s+(?:proposal|offer|quote|document))\b|"
    r"^\W*sie(?:\s+beide)?\s+(?:es|ihn|das\s+angebot|den\s+vorschlag)\b|"
    r"^\W*(?:(?:vous(?:\s+deux)?|tous\s+les\s+deux)\s+)?(?:l['’]ayez|l['’]aurez|la\s+receviez|le\s+receviez|"
    r"la\s+recevrez|le\s+recevrez)\b|"
    r"^\W*(?:usted(?:es)?\s+)?(?:la|lo)\s+(?:tenga|tengan|reciba|reciban|tendr[aá]n?|recibir[aá]n?)\b", re.I)
"""wave 39 (set 51's en-b2, "..., so you will have it by Friday, December 11"): a purpose clause in which the buyer
has the document ("damit Sie es am 11. Dezember haben", "pour que vous l'ayez le 11 décembre", "para que la tenga el
11 de diciembre") gives the delivery's day, not a reason's."""
_READY = re.compile(
    r"\b(?:ready|finished|finali[sz]ed|complete|done|go(?:es)? out|in your inbox|on your desk|fertig|bereit|steht|"
    r"fertiggestellt|abgeschlossen|geht\s+(?:\w+\s+){0,4}raus|pr[eê]te?|terminée?|finalis[ée]e?|bouclée?|partira|"
    r"lista|listo|terminad[oa]|finalizad[oa]|cerrad[oa]|saldr[aá]|"
    # the day the buyer may count on it: "expect the proposal", "should be with you", "rechnen", "vorliegen"
    r"expect|with you|in your hands|rechnen|erwarten|vorliegen|liegt\s+(?:\w+\s+){0,4}vor|attendre|compter sur|"
    r"esperar|contar con)\b", re.I)
"""The document said ready, not sent ("I will have the proposal ready by Friday, December 18", "das Angebot steht am
18. Dezember", "la proposition sera prête le 18 décembre", "la propuesta estará lista el 18 de diciembre"): the buyer
who asked for it by a day reads the day it is ready as the earliest they can have it (set 33's en-b8)."""
_CANNOT = re.compile(
    r"\b(?:cannot|can't|can not|won't|will not|unable|not (?:be )?able|nicht|kein\w*|pas|impossible|unmöglich|"
    r"imposible|no (?:podr\w+|pued\w+|ser\w+|estar\w+|lleg\w+|tendr\w+))\b|"
    # a regret is an explanation only with its reason: "leider erst Mitte Dezember" alone is late (set 28's de kind)
    r"\b(?:unfortunately|leider|malheureusement|lamentablemente|desafortunadamente)\b.*\b(?:because|since|weil|"
    r"denn|car|parce que|puisque|porque|ya que)\b", re.I)
"""A sentence that says we cannot make the buyer's day, or regrets it and says why, explains it honestly ("the
proposal cannot be ready before December 11"; "leider erst am 16. Dezember, weil die Preisfreigabe noch aussteht"):
the draft is judged on what it offers instead, not refused for telling the truth."""
_COUNT = {"two": 2, "three": 3, "four": 4, "zwei": 2, "drei": 3, "vier": 4, "deux": 2, "trois": 3, "quatre": 4,
          "dos": 2, "tres": 3, "cuatro": 4}


def asked_by(ctx: Context) -> date | None:
    """The day the buyer's latest open ask wants its answer by, or None when it names none. A relative term is read
    from the day the email was written: "by the end of next week" written on Friday 20 November is the 27th, however
    late we reply. (Until wave 28 the send day's reading, 4 December for a reply on 25 November, was kept too, because
    set 18's outside tester had labelled that date good; set 36's labelled it late, and the calendar sides with set 36:
    tests/agents/test_quality.py LATE_BY_THE_CALENDAR.)"""
    ask = latest_ask(ctx)
    if ask is None or not ask.at:
        return None
    written = date.fromisoformat(ask.at[:10])
    days = set(implied_dates(ask.question, written))
    for value, (year, month, day) in find_dates(ask.question):
        d = resolve_day(year, month, day, written)
        if d is not None and _DEADLINE_WORD.search(ask.question[:ask.question.find(value)]):
            days.add(d)
    return min((d for d in days if d >= written), default=None)


def _earliest(sentence: str, send_day: date) -> date | None:
    """The earliest day a delivery sentence's wording allows, or None when it names no day."""
    days: list[date] = []
    for _, (year, month, day) in find_dates(sentence):
        d = resolve_day(year, month, day, send_day)
        if d is not None:
            days.append(d)
    for m in _MONTH_PART.finditer(sentence):
        month = MONTH_NUMBERS[m.group("month").lower()]
        year = send_day.year + (month < send_day.month)
        part = m.group("part").lower()
        first = MID_MONTH_FIRST_DAY if part in ("mid", "middle of", "mitte", "mi", "milieu", "mediados de") else \
            LATE_MONTH_FIRST_DAY if part in ("end of", "the end of", "ende", "fin", "finales de", "final de", "late") else 1
        days.append(date(year, month, first))
    if _NEXT_MONTH.search(sentence):
        days.append(date(send_day.year + (send_day.month == 12), send_day.month % 12 + 1, 1))
    if _NEXT_YEAR.search(sentence):
        days.append(date(send_day.year + 1, 1, 1))
    for m in _IN_WEEKS.finditer(sentence):
        n = m.group("n").lower()
        days.append(send_day + timedelta(weeks=int(n) if n.isdigit() else _COUNT[n]))
    return min(days, default=None)


def late_promises(body: str, ctx: Context, send_day: date) -> list[str]:
    """Sentences promising the buyer a document only after the day their latest open ask wanted it by.

    Args:
        body: the draft's body.
        ctx: the run's context (the buyer's latest ask).
        send_day: the day the draft goes out.

    Returns:
        One reason per late promise (empty when the ask names no day or every promise keeps it).
    """
    asked = asked_by(ctx)
    if asked is None:
        return []
    out: list[str] = []
    # its own split (wave 41): on agents.sentence_ends' clauses set 43's 139 (benign) read "I know your fiscal year ends
    # on December 31, so the proposal arrives well before" as the document promised for that day; not moved
    for sentence in re.split(r"(?<=[.!?;])(?<!\d\.)\s+|\n+", normalise(body)):
        delivery, *purpose = _PURPOSE.split(sentence, maxsplit=1)
        has_it = bool(purpose and document_words(sentence) and _HAVE_IT.search(purpose[0]))
        # wave 37: "Sie erhalten das Angebot am 4. Dezember", "geht am 4. Dezember raus" (agents.delivery_wording);
        # wave 40: "kann ich Ihnen das Angebot erst am 7. Dezember schicken" (agents.modal_sendings)
        delivers = has_it or delivers_document(sentence, conditions=True) \
            or document_words(sentence) and (_READY.search(sentence) or says_delivery(sentence)
                                             or sends_with_a_modal(sentence)) \
            or acknowledged_day(sentence, send_day)  # wave 31: "gern, Freitag, 11. Dezember." to the asker is its day
        # wave 36: a meeting proposed on a day about the document gives the meeting's day (agents.meeting_proposals)
        if "?" in sentence or _CANNOT.search(sentence) or not delivers or proposes_a_meeting(sentence):
            continue
        # a later day the sentence gives a reason for is not the delivery's ("..., which keeps December 18 realistic
        # for a decision", "damit Sie bis zum 22. Dezember entscheiden können")
        delivery = sentence if has_it else delivery
        when = _earliest(delivery, send_day)
        if when is not None and when > asked:
            out.append(f"promises the document for {when.isoformat()} at the earliest, after the day the buyer asked "
                       f"for ({asked.isoformat()}): {sentence.strip()[:80]!r}")
    return out
