"""Who the record says we sent a thing to (issue 11, wave 37: set 46's de-b2, "die Amortisationsrechnung, die Sie am 28.
Oktober von mir bekommen haben" to Frau Schmidt, when the record's e-mail of 28 October with it greets Herrn Weber).

agents.asked_by reads who asked for a thing, agents.wrote_on_day who wrote on a day. A draft also tells its recipient
that they received something from us ("the payback estimate I sent you on October 22", "que je vous ai envoyé", "que le
envié el 5 de noviembre", "die Sie von mir bekommen haben"). The record's outbound e-mails say who got what: the contact
their greeting names. The claim is the wrong person's when the thing (a word of the e-mail's subject or text, or its
day) is in e-mails of ours to another contact of the record and in none to the recipient.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from agents.context import Context
from agents.normalize import normalise
from agents.sentence_ends import sentence_parts
from agents.written_dates import find_dates

_YOU_GOT = re.compile(
    r"\b(?:(?:i|we)\s+(?:had\s+|have\s+)?(?:sent|emailed|e-mailed|forwarded|shared|gave)\s+(?:it\s+)?(?:to\s+)?you|"
    r"you\s+(?:have\s+|had\s+|already\s+)*(?:received|got|have|had)\s+(?:\w+\s+){0,2}?from\s+(?:me|us))\b|"
    r"\b(?-i:Sie)\s+(?:[\w.]+\s+){0,5}?(?:von\s+(?:mir|uns)\s+)(?:\w+\s+){0,3}?(?:bekommen|erhalten)\b|"
    r"\b(?:ich|wir)\s+(?-i:Ihnen)\s+(?:[\w.]+\s+){0,5}?(?:geschickt|gesendet|übermittelt|gemailt|zugeschickt)\b|"
    r"\b(?:je|nous)\s+vous\s+(?:l['’]|les\s+)?(?:ai|avons|avais|avions)\s+(?:envoy|transmis|adress|fait\s+parvenir)\w*|"
    r"\bvous\s+(?:l['’]|les\s+)?(?:avez|aviez)\s+(?:reçu|eu)\w*\s+(?:de\s+(?:ma|notre)\s+part)?|"
    r"\b(?:le|les)\s+(?:envié|enviamos|mandé|mandamos|remití|hice\s+llegar)\b|\b(?:usted\s+)?recibió\s+(?:de\s+mi|de\s+nosotros)?",
    re.I)
"""The recipient as the one who got a thing from us: "I sent you", "die Sie von mir bekommen haben", "que je vous ai
envoyé", "que le envié"."""
_GREETED = re.compile(r"^\W*(?:hi|hello|dear|hallo|guten\s+tag|sehr\s+geehrte[rs]?|bonjour|cher|chère|hola|estimad[oa])"
                      r"[\s,]+(?:(?:herr|frau|mr|ms|mrs|m|mme|sr|sra|señor|señora)\.?\s+)?([^\W\d_]+)", re.I)

_STOP = frozenset("from with your that this sent here attached anbei hier voici adjunto ci-joint".split())


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text.lower()) if not unicodedata.combining(c))


def _words(text: str) -> set[str]:
    """Content words cut to seven letters ("amortisationsrechnung", "estimacion", "payback")."""
    return {w[:7] for w in re.findall(r"[^\W\d_]{6,}", _fold(text)) if w not in _STOP}


def _greeted(ctx: Context, text: str) -> str | None:
    """The contact an e-mail of ours greets, by first name or surname."""
    m = _GREETED.match(_fold(text))
    if not m:
        return None
    for c in ctx.record.contacts:
        if m.group(1) in {_fold(p) for p in (ctx.contact_name(c) or "").split()}:
            return c.id
    return None


def sent_to_someone_else(body: str, contact_id: str | None, ctx: Context) -> list[str]:
    """Sentences telling the recipient they got from us what the record's e-mails sent only to another contact."""
    if contact_id is None:
        return []
    names = {w for c in ctx.record.contacts for w in _words(ctx.contact_name(c) or "")}
    sent: list[tuple[str, set[str], date | None]] = []
    for a in ctx.activities.values():
        if a.get("withheld") or a.get("direction") != "outbound" or a.get("type") != "email":
            continue
        to = _greeted(ctx, a.get("text") or "")
        if to is not None:
            day = date.fromisoformat(a["at"][:10]) if a.get("at") else None
            sent.append((to, _words(f"{a.get('subject') or ''} {a.get('text') or ''}") - names, day))
    others = {_fold(p) for c in ctx.record.contacts if c.id != contact_id for p in (ctx.contact_name(c) or "").split()}
    out: list[str] = []
    for sentence in sentence_parts(normalise(body)):
        # "la estimación que recibió Lucía", "que le envié" beside Lucía: Spanish "le" is hers as well as the
        # recipient's, and a sentence that names the other contact already says whose the thing is
        if not _YOU_GOT.search(sentence) or set(re.findall(r"[^\W\d_]+", _fold(sentence))) & others:
            continue
        words = _words(sentence) - names
        days = {(mo, d) for _, (_, mo, d) in find_dates(sentence) if mo and d}
        theirs = [to for to, w, day in sent if words & w or (day is not None and (day.month, day.day) in days)]
        if theirs and contact_id not in theirs:
            who = next((ctx.contact_name(c) for c in ctx.record.contacts if c.id == theirs[0]), "another contact")
            out.append(f"tells the recipient they got from us what the record sent to {who}: {sentence.strip()[:80]!r}")
    return out
