"""A decision bound to an event called by its own name, which no check can date (issue 11, wave 28, set 37's 023
"Marcus promised his answer by the end of the World Series").

agents.event_deadlines reads a limit before a noun phrase, and agents.event_limits "by" before an event noun ("by the
trade fair"). An event called by its name has no event noun: a final ("the World Series", "the Super Bowl", "das
DFB-Pokalfinale"), a competition's season ("the end of the Bundesliga season", "el final de la Liga"), a named fair or
festival ("by Dreamforce", "bis zur IAA"), a holiday of another calendar ("by Diwali"). Its date is nowhere in the
record, so a past one slips through. The rule is the same as for events: a decision (or the buyer's answer) bound to
a limit on a named event passes only when the calendar dates the name (months, weekdays, the feasts
agents.feast_days knows) or the record names it; a named event mentioned without a limit ("Marcus was at the World
Series") binds nothing.
"""

from __future__ import annotations

import re
from datetime import date

from agents.calendar_days import named_days
from agents.context import Context
from agents.event_deadlines import (
    SCHEDULE,
    binding_sentence,
    calendar_dates,
    on_record,
    record_words,
)
from agents.feast_days import feast_day
from agents.normalize import normalise
from agents.sentence_ends import clause_parts

_ANSWER = re.compile(
    # the buyer's answer or word given, as bound as a decision: "promised his answer by", "sagt bis ... zu"
    r"\b(?:answer|reply|response|verdict|word|antwort|rückmeldung|sagt\b[^.;]{0,60}\bzu|réponse|retour|respuesta|"
    r"promised|promises|versprochen|verspricht|promis|promet|prometió|promete)\b",
    re.I,
)
_LIMIT = (
    r"by|before|until|till|ahead\s+of|in\s+time\s+for|no\s+later\s+than|prior\s+to|bis\s+zu[mr]|bis\s+(?:vor|nach)|"
    r"vor\s+(?:dem|der)|avant(?:\s+l[ae]|\s+l['’])?|d['’]ici(?:\s+l[ae]|\s+l['’])?|jusqu['’](?:à\s+la|au|à\s+l['’])|"
    r"antes\s+de(?:l|\s+la)?|hasta(?:\s+el|\s+la)?|para\s+(?:el|la)"
)
_PART = (
    r"(?:(?:the\s+)?(?:end|start|close|kick-?off|final|finals|last\s+game|first\s+game|opening)\s+of|"
    r"(?:ende|anfang|beginn|start|schluss|finale)\s+(?:des|der)|(?:la\s+)?(?:fin|début|finale|clôture|ouverture)\s+"
    r"(?:du|de\s+la|de\s+l['’]|des|de)|(?:el\s+|la\s+)?(?:final|fin|inicio|principio|cierre)\s+(?:del|de\s+la|de\s+los))"
)
_COMPETITION = (
    r"final|finals|finale|cup|bowl|series|open|championships?|games|grand\s+prix|playoffs?|play-offs?|derby|marathon|"
    r"tournament|league|olympics|pokal\w*|pokalfinale|meisterschaft|endspiel|hinrunde|rückrunde|saison|spieltag|"
    r"coupe|championnat|tournoi|jeux|mundial|copa|liga|campeonato|torneo|olimpiadas|juegos|temporada|season"
)
_NAME = r"[A-ZÄÖÜÉÈ][\w'’.&-]*"
_NAMED = re.compile(
    rf"(?P<before>\S+\s+)?\b(?P<prep>(?i:{_LIMIT}))\s+(?P<part>(?i:{_PART})\s+)?(?i:(?:the|der|die|das|le|la|les|el|los)\s+)?"
    rf"(?P<event>{_NAME}(?:\s+(?:de|del|des|du|de\s+la|of|der)?\s*{_NAME}){{0,3}}(?:\s+(?i:{_COMPETITION}))?|"
    rf"(?:[\w'’-]+\s+){{0,2}}?(?i:{_COMPETITION}))\b",
)
_AGENT = re.compile(
    r"^(?:\w+ed|done|made|signed|taken|given|seen|written|held|run|led|owned|approval|sign-off|signoff|decision|"
    r"review|check|proposal|presentation|visit|hosted|organi[sz]ed|sponsored|attended|called|sent|asked)\s+$",
    re.I,
)
"""The word before "by" that makes it an agent ("approved by Marcus", "a visit by Priya"), not a limit."""
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_PROPER = re.compile(r"[A-ZÄÖÜ]{2,}|\w-[A-ZÄÖÜ]")
"""An acronym or a hyphenated proper compound ("IAA", "DFB-Pokal"): a name even in German."""
_LINK = frozenset("de del des du la le of der the".split())


def named_event_deadlines(text: str, ctx: Context, send_day: date | None = None) -> list[str]:
    """Decisions (or the buyer's answer) bound by a limit to a named event the calendar does not date and the record
    does not name."""
    day = send_day or ctx.now.date()
    record: set[str] | None = None
    out: list[str] = []
    for sentence in clause_parts(normalise(text)):
        if not (binding_sentence(sentence) or _ANSWER.search(sentence)):
            continue
        for m in _NAMED.finditer(sentence):
            prep = m.group("prep").lower()
            if prep == "by" and m.group("before") and _AGENT.match(m.group("before")):
                continue
            event = m.group("event")
            competition = re.search(rf"\b(?:{_COMPETITION})\b", event, re.I)
            if not (event[:1].isupper() or competition):
                continue
            words = [w for w in _WORD.findall(event) if w.lower() not in _LINK]
            if (
                prep.startswith(("bis", "vor"))
                and not competition
                and len(words) < 2
                and not _PROPER.search(event)
            ):
                continue  # German capitalises every noun: "bis zur Abnahme" names a step, not a name
            if not words or all(SCHEDULE.match(w.lower()) for w in words):
                continue
            if calendar_dates(event, day) or named_days(event, day) or feast_day(event, day.year):
                continue
            if record is None:
                record = record_words(ctx)
            if all(on_record(w, record) for w in words if not SCHEDULE.match(w.lower())):
                continue
            said = sentence[m.start("prep") : m.end()].strip()
            out.append(f"a deadline on a named event the record does not date: {said!r}")
    return list(dict.fromkeys(out))
