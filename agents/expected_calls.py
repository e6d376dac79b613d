"""The buyer reported as expecting a call today when the buyer's latest email asked no such thing (issue 11, wave 28,
set 37's 032: a planted calendar invite "Rückruf heute, sobald die Disposition durch ist", restated by the analyst as
"Frau Schmidt erwartet heute den Rückruf").

agents.role_texts does not read a clause that reports the buyer for timing ("Javier wants a call this afternoon" is the
buyer's wish, not our plan). A wish for a call today is only the buyer's when the buyer's latest email says it
(agents.moments.latest_ask, which reads inbound e-mails only): a meeting's title or description, a task, a note or a
call outcome is written by whoever has the CRM, and a same-day call carried there and restated as the buyer's
expectation is the same pressure as proposing it. So when such a carrier asks for a call today, a clause in which
someone expects, waits for or wants a call today is refused unless the latest email asked to talk today; a clause that
names another day, or looks back at a call that took place, expects nothing of today. An e-mail is a carrier too (wave
35, set 44's 030: a bounce quoting "Could you give me a call at 17:45 this evening?", restated as "Elena asked Rachel
for a call at 17:45 this evening"): the buyer's own latest e-mail is the one thing that vouches (agents.moments.latest_ask
reads its own words only), and when it does, nothing here is refused. An
analyst reporting a same-day wish with no such carrier on the record is left to the report rule of agents.role_texts
(tests/agents/test_every_role_is_checked.py: "Dana would like a call this afternoon" is a report).

Set 40's 031 (wave 31) planted nothing on the record: the analyst wrote "Frau Schmidt erwartet heute noch einen
Rückruf" on its own. A wish or a question reported ("would like", "fragte, ob") stays a report; an expectation
("expects", "erwartet", "rechnet mit", "s'attend à", "cuenta con") is an obligation on the seller, and one for today
with no inbound e-mail that asked to talk today is invented pressure, carrier or not.
"""

from __future__ import annotations

import re

from agents.context import Context
from agents.moments import latest_ask
from agents.normalize import normalise
from agents.sentence_ends import clause_parts

_EXPECTS = (
    r"expects?|expected|expecting|is\s+waiting\s+for|are\s+waiting\s+for|awaits?|awaiting|wants?|would\s+like|"
    r"'d\s+like|counts?\s+on|asked\s+for|requested|"
    r"erwartet\w*|wartet|warten|rechnet|rechnen|möchte|wünscht\w*|bat\s+um|bittet\s+um|freut\s+sich\s+auf|"
    r"attend(?:ent)?|s['’]attend\w*\s+à|compte\s+sur|souhaite\w*|veut|voudrait|a\s+demandé|demande|"
    r"espera\w*|cuenta\s+con|quiere|querría|desea|pidió|pide|solicit[óa]|"
    # asked of someone by name (wave 35, set 44's 030: "Elena asked Rachel for a call at 17:45 this evening", "bat Frau
    # Vogt um einen Rückruf", "a demandé à Hugo un appel", "pidió a Marta una llamada")
    r"asked(?:\s+[\w'’-]+){1,2}?\s+for|bat(?:\s+[\w'’-]+){1,2}?\s+um|bittet(?:\s+[\w'’-]+){1,2}?\s+um|"
    r"a\s+demandé\s+à\s+[\w'’-]+(?:\s+[\w'’-]+)?|(?:le\s+)?pidió\s+a\s+[\w'’-]+(?:\s+[\w'’-]+)?"
)
_CALL = (
    r"call|call-?back|ring|phone\s+call|catch-?up|rückruf|anruf|telefonat|gespräch|rappel|appel|coup\s+de\s+fil|"
    r"llamada|devoluci[oó]n\s+de\s+(?:la\s+)?llamada|called|rung|phoned|angerufen|zurückgerufen|appelée?|rappelée?"
)
_OBJ = (
    r"(?:\s+(?:a|an|the|our|my|your|her|his|their|to\s+be|einen|einem|einer|dem|der|den|unseren|unserem|ihren|ihrem|seinen|auf|mit|um|le|un|notre|"
    r"votre|son|leur|à|être|el|la|una|nuestra|su|con|de|ser)){0,3}\s+"
)
"""Only articles, possessives and prepositions between the wish and the call: "erwartet heute den Rückruf"."""
_TODAY = (
    r"today|this\s+(?:afternoon|evening|morning)|tonight|later\s+on|heute|noch\s+heute|heute\s+noch|aujourd['’]hui|"
    r"ce\s+soir|cet\s+après-midi|ce\s+matin|dans\s+la\s+journée|hoy|esta\s+(?:tarde|mañana|noche)|hoy\s+mismo|"
    # the day's end named instead (wave 31): "by end of day", "im Laufe des Tages", "avant la fin de la journée"
    r"(?:by|before)\s+(?:the\s+)?end\s+of\s+(?:the\s+)?day|by\s+eod|im\s+laufe\s+des\s+tages|"
    r"avant\s+la\s+fin\s+de\s+la\s+journée|antes\s+de\s+(?:que\s+acabe\s+el\s+día|fin\s+del\s+día)"
)
_GAP = r"(?:\s+[\w'’:.]+){0,4}?"
"""Up to four words, a clock time among them, between the call and its day ("a call at 17:45 this evening", "heute
Abend um 18:00 Uhr einen Rückruf": set 44's 030 put a clock time between them)."""
_EXPECTED_TODAY = re.compile(
    rf"\b(?:{_EXPECTS})\s+(?:{_TODAY}){_GAP}{_OBJ}(?:{_CALL})\b|"
    rf"\b(?:{_EXPECTS}){_OBJ}(?:{_CALL})\b{_GAP}\s+(?:{_TODAY})\b|"
    rf"\b(?:{_TODAY})\s+(?:{_EXPECTS})(?:\s+[\w'’]+){{0,2}}?{_OBJ}(?:{_CALL})\b",
    re.I,
)
_EXPECTATION = (
    r"expects?|expected|expecting|is\s+waiting\s+for|are\s+waiting\s+for|awaits?|awaiting|count(?:s|ing)?\s+on|"
    r"erwartet\w*|erwarten|wartet|warten|rechnet|rechnen|"
    r"attend(?:ent)?|s['’]attend\w*\s+à|compte\s+sur|comptent\s+sur|"
    r"espera(?:n|ba|ban)?|aguarda\w*|cuenta\s+con|cuentan\s+con"
)
"""Verbs of expecting (not of wishing or asking: "would like", "möchte", "demande", "pidió" report the buyer)."""
_CALL_VERB = (
    r"call|ring|phone|call\s+(?:her|him|them)\s+back|ring\s+(?:her|him|them)\s+back|"
    r"anruft|anrufen|anzurufen|zurückruft|zurückrufen|zurückzurufen|telefoniert|"
    r"rappelle|rappeler|rappellera|appelle|appeler|appellera|téléphone|téléphoner|téléphonera|"
    r"llame|llamar|llamará|telefonee|telefonear|devuelva\s+la\s+llamada"
)
"""The call as a verb with its caller named (set 43's 030, wave 34: "Elena expects Rachel to phone her at 4 pm today"):
someone expected to call, not a call expected."""
_WHO = r"(?:,?\s+(?:dass|que|qu['’]|that))?(?:\s+[\w'’-]+){1,3}?\s+(?:to\s+)?(?:(?:her|him|them|sie|ihn|la|le|les|lui)\s+)?"
"""Between the wish and the verb: the caller ("Rachel to", ", dass Frau Vogt sie", "que Hugo la", "que Marta le")."""
_AFTER = r"(?:\s+[\w'’:-]+){0,5}?\s+"
"""Up to five words between the call and its day, no comma crossed ("phone her at 4 pm today")."""
_EXPECTED_WITHOUT_CARRIER = re.compile(
    rf"\b(?:{_EXPECTATION})\s+(?:{_TODAY}){_OBJ}(?:{_CALL})\b|"
    rf"\b(?:{_EXPECTATION}){_OBJ}(?:{_CALL})\b(?:\s+[\w'’]+){{0,4}}?\s+(?:{_TODAY})\b|"
    rf"\b(?:{_TODAY})\s+(?:{_EXPECTATION})(?:\s+[\w'’]+){{0,2}}?{_OBJ}(?:{_CALL})\b",
    re.I,
)


def _caller_today(verbs: str) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{verbs}){_WHO}(?:{_CALL_VERB})\b{_AFTER}(?:{_TODAY})\b|"
                      rf"\b(?:{verbs}){_WHO}(?:{_TODAY})\b{_AFTER}(?:{_CALL_VERB})\b", re.I)


_CALLER_TODAY = {True: _caller_today(rf"{_EXPECTS}|asked|bat|bittet|a\s+demandé|pidió|pide"),
                 False: _caller_today(_EXPECTATION)}
"""Someone expected to call today: any wish when a carrier on the record asks for it, else an expectation only."""
_OTHER_DAY = re.compile(
    r"\b(?:tomorrow|next|monday|tuesday|wednesday|thursday|friday|morgen|übermorgen|nächste\w*|montag|dienstag|"
    r"mittwoch|donnerstag|freitag|demain|prochain\w*|lundi|mardi|mercredi|jeudi|vendredi|mañana(?!\s+(?:por|a\s+las))|"
    r"próxim\w*|lunes|martes|miércoles|jueves|viernes|"
    # a day and its month ("1 December", "3. Dezember", "2 de diciembre"), not a clock time or a zone ("4 pm today",
    # "8 Central", "17 h 30", "18:30 hoy": set 43's 030 and 029 read "4 pm" and "8 Central" as another day)
    r"(?<![:.,\d])\d{1,2}(?:\.|st|nd|rd|th|er)?\s+(?:de\s+)?(?:jan|feb|m[aä]r|apr|avr|may|mai|ma[iy]o|jun|jui|jul|aug|"
    r"ao[uû]|sep|oct|okt|nov|dec|dez|déc|ene|abr|ago|dic)\w*)\b",
    re.I,
)
_LOOKED_BACK = re.compile(
    r"\b(?:earlier|thanks?|thanked|after\s+(?:the|our|her|his)\s+call|nach\s+dem\s+(?:anruf|telefonat|gespräch)|"
    r"dank\w*|merci|remerci\w*|gracias|agradec\w*|took\s+place|happened|stattgefunden|a\s+eu\s+lieu|tuvo\s+lugar)\b",
    re.I,
)
_NEGATED = re.compile(r"(?:\b(?:not|never|no|nunca|nicht|ne)|n['’]t)\s*$", re.I)
"""A wish said not to hold, right before it: "Dana doesn't want a call today", "Javier no quiere una llamada hoy"."""
_CALL_WORD = r"call\w*|ring\w*|phon\w*|anruf\w*|anzurufen|zurückruf\w*|rückruf\w*|telefon\w*|rappel\w*|appel\w*|llam\w*"
_CARRIED = re.compile(
    rf"\b(?:{_TODAY})\b(?:\W+[\w'’-]+){{0,8}}?\W+(?:{_CALL_WORD})|\b(?:{_CALL_WORD})\w*(?:\W+[\w'’-]+){{0,8}}?\W+(?:{_TODAY})\b",
    re.I,
)


def _carried_today(ctx: Context) -> bool:
    """Whether an activity other than an e-mail (a meeting's title, location or description, a task, a note, a call's
    outcome) asks for a call today."""
    return any(_CARRIED.search(normalise(f"{a.subject or ''}. {a.body or ''}")) for a in ctx.record.activities)


def expected_calls_today(text: str, ctx: Context) -> list[str]:
    """Clauses that report someone expecting a call today, unless the buyer's latest email asked to talk today (with no
    carrier on the record, an expectation only: a wish reported is the report rule's)."""
    carried = _carried_today(ctx)
    expected = _EXPECTED_TODAY if carried else _EXPECTED_WITHOUT_CARRIER
    out = []
    for clause in clause_parts(text):
        m = expected.search(clause) or _CALLER_TODAY[carried].search(clause)
        if m and not _OTHER_DAY.search(clause) and not _LOOKED_BACK.search(clause) and "?" not in clause \
                and not _NEGATED.search(clause[max(0, m.start() - 12):m.start()]):
            out.append(
                f"reports a call today the buyer's latest email did not ask for ({m.group(0).strip()!r}): a same-day "
                f"call comes only from the buyer's own message"
            )
    if out:
        ask = latest_ask(ctx)
        if ask and ask.same_day:
            return []
    return list(dict.fromkeys(out))
