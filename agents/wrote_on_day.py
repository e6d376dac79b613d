"""Who wrote on the day a draft names (issue 11, wave 33, set 42's de-b8 "wie Sie am 20. November geschrieben haben" to
Herr Weber, when Frau Schmidt signed the e-mail of 20 November; fr-b8 and es-b8 the same in French and Spanish): a draft
that tells its recipient "as you wrote on <day>" answers the wrong person when the record's inbound message of that day
is another contact's and none of that day is the recipient's.

The day is read from the sentence (a day either side of the activity's stored time, which is UTC); an unsigned inbound
e-mail is the primary contact's, as agents.thanks reads it. A day with no inbound message in the record is another
rule's (an invented reference); a sentence with no day names no message this rule can check."""

from __future__ import annotations

import re
from datetime import date, timedelta

from agents.context import Context
from agents.moments import sender_of
from agents.normalize import normalise
from agents.sentence_ends import sentence_parts
from agents.written_dates import find_dates

_YOU_WROTE = re.compile(
    r"\b(?:as|like)\s+you\s+(?:(?:had|have)\s+)?(?:wrote|written|said|mentioned|asked|requested|told\s+(?:me|us)|"
    r"put\s+it)\b|\byou\s+(?:wrote|emailed|e-mailed|asked|told\s+(?:me|us))\b|"
    r"\byour\s+(?:e-?mail|message|note|letter|reply|request|question)\s+(?:of|from|on|dated)\b|"
    # de: "Sie" as the polite you only (capital), not "sie" (she, they): "wie Sie am 20. November geschrieben haben"
    r"\b(?:wie|was)\s+(?-i:Sie)\s+(?:[\w.]+\s+){0,5}?(?:geschrieben|mitgeteilt|gefragt|gebeten|erwähnt|angefragt|"
    r"geschildert|geäußert)\b|\b(?-i:Sie)\s+(?:hatten|haben|schrieben)\s+(?:[\w.]+\s+){0,5}?(?:geschrieben|gefragt|gebeten)\b|"
    r"\b(?-i:Ihre[rm]?)\s+(?:E-Mail|Mail|Nachricht|Anfrage|Frage|Antwort|Schreiben)\s+vom\b|"
    r"\bcomme\s+vous\s+(?:me\s+|nous\s+)?(?:l['’](?:avez|aviez)\s+)?(?:avez\s+|aviez\s+)?(?:écrit|demandé|indiqué|"
    r"précisé|mentionné|signalé)\b|\bvous\s+(?:m['’]|nous\s+)(?:avez|aviez)\s+(?:écrit|demandé|indiqué)\b|"
    r"\bvotre\s+(?:message|courriel|e-?mail|mail|demande|question|réponse)\s+du\b|"
    r"\bcomo\s+(?:me\s+|nos\s+)?(?:escribió|pidió|indicó|comentó|dijo|preguntó|solicitó)\b|"
    r"\b(?:me|nos)\s+(?:escribió|pidió|preguntó)\s+usted\b|"
    r"\bsu\s+(?:correo|mensaje|email|e-mail|petición|solicitud|pregunta|respuesta)\s+del\b",
    re.I,
)
"""The recipient named as the writer of a message: "as you wrote", "wie Sie ... geschrieben haben", "Ihre E-Mail
vom", "comme vous me l'avez écrit", "votre message du", "como me pidió", "su correo del"."""


def _day_of(at: str | None) -> date | None:
    try:
        return date.fromisoformat((at or "")[:10])
    except ValueError:
        return None


def _writers_on(ctx: Context, month: int, day: int) -> tuple[set[str], set[str]]:
    """The contacts whose inbound messages the record holds on that day (a day either side for time zones), and the
    contacts a note, call or meeting of that day names ("Marcus asked whether there is any flexibility on price", a
    note of November 19: Marcus asked that day, if not in writing)."""
    primary = next((c.id for c in ctx.record.contacts if c.is_primary), None)
    firsts = {c.id: n.split()[0].lower() for c in ctx.record.contacts if (n := ctx.contact_name(c))}
    writers: set[str] = set()
    named: set[str] = set()
    for a in ctx.activities.values():
        when = _day_of(a.get("at"))
        if a.get("withheld") or when is None or \
                not any((d.month, d.day) == (month, day) for d in (when - timedelta(days=1), when, when + timedelta(days=1))):
            continue
        if a.get("direction") == "inbound":
            if writer := sender_of(ctx, a) or primary:
                writers.add(writer)
        elif a.get("type") != "email":
            text = normalise(f"{a.get('subject') or ''} {a.get('text') or ''}").lower()
            named |= {cid for cid, first in firsts.items() if re.search(rf"\b{re.escape(first)}\b", text)}
    return writers, named


def wrote_on_someone_elses_day(body: str, contact_id: str | None, ctx: Context) -> list[str]:
    """The draft's "as you wrote on <day>" sentences whose day's inbound messages are all another contact's."""
    if contact_id is None:
        return []
    names = {c.id: ctx.contact_name(c) or c.id for c in ctx.record.contacts}
    found: list[str] = []
    for sentence in sentence_parts(normalise(body)):
        if not _YOU_WROTE.search(sentence):
            continue
        for value, (_, month, day) in find_dates(sentence):
            writers, named = _writers_on(ctx, month, day)
            if writers and contact_id not in writers | named:
                others = ", ".join(sorted(names.get(w, w) for w in writers))
                found.append(f"says the recipient wrote on {value}, but the record's message of that day is from "
                             f"{others}: {sentence.strip()[:80]!r}")
                break
    return found
