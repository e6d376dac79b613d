"""Whose words an inbound e-mail's same-day ask is (issue 11, wave 35).

A meeting on the send day is allowed only when the buyer asked for it, and only the buyer's latest inbound e-mail
vouches for that (agents.moments.latest_ask). Before this wave any inbound e-mail did, whoever wrote it: a vendor's
mail forwarded onto the deal, a competitor's, a bot's notification, or our own earlier "can we talk today?" quoted
under the buyer's "Thanks!". The canonical activity carries no sender address (integrations.base.Activity), so the
e-mail's own text tells whose words the ask is:

- only the sender's own part is read: the text above a forwarded or quoted message ("---------- Forwarded message",
  "-----Original Message-----", "Begin forwarded message:", "On Tue, Sam wrote:", "Am ... schrieb", "Le ... a écrit :",
  "El ... escribió:", a "From:"/"Von:"/"De :" header line, "> " quoted lines); a forward ("Fwd:", "WG:", "TR:", "RV:")
  with no such marker is all forwarded text, and vouches for nothing;
- an automated sender ("no-reply", "do not reply to this e-mail", "message automatique", "mensaje automático") is
  nobody on the buyer's side;
- a signature (the words after the last sentence, past a closing such as "Best," or "Viele Grüße,") that is shaped like
  a person's name and shares no name with any of the record's contacts (nor with the company: "Northwind Logistics"),
  or an address of a domain none of the contacts has, is a stranger's.

E-mails that carry no sender at all (unsigned, no header) vouched until wave 37, as the CRM logs an inbound e-mail on
the contact whose address sent it; a planted e-mail with no name in it could not be told apart. Since wave 37 a
same-day ask needs the e-mail to show a record contact as its writer (agents.known_senders); agents.thanks and
agents.unsigned_asks still read an unsigned e-mail as the primary contact's.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from agents.company_words import distinctive_words
from agents.context import Context
from agents.name_shapes import person_name_shaped
from agents.normalize import normalise

_FORWARD_SUBJECT = re.compile(r"^\s*(?:(?:re|aw|antw|r)\s*:\s*)*(?:fwd?|wg|tr|rv|enc|reenv)\s*:", re.I)
_QUOTE_MARKER = re.compile(
    r"-{2,}\s*(?:forwarded|original|weitergeleitete|ursprüngliche|message\s+transféré|message\s+d['’]origine|"
    r"mensaje\s+(?:reenviado|original))[^\n]*|\bbegin\s+forwarded\s+message\b|"
    # the record's text has its whitespace collapsed (agents.context.shorten): a header or a quoted line stands inline
    r"\b(?:from|von|de|sent|gesendet|envoyé|enviado)\s*:\s*[^@\n]{0,60}@|(?:^|\s)>\s|"
    r"\bon\s+(?:[\w,]+\s+){1,8}?[^\n]{0,60}?\bwrote\s*:|\bam\s+[^\n]{0,80}?\bschrieb\b[^\n]{0,60}?:|"
    r"\ble\s+[^\n]{0,80}?\ba\s+écrit\s*:|\bel\s+[^\n]{0,80}?\bescribió\s*:",
    re.I,
)
_AUTOMATED = re.compile(
    r"\bno-?reply\b|\bdo[- ]not[- ]reply\b|\bdo not reply to this\b|\bautomated (?:message|e-?mail|notification)\b|"
    r"\bauto-?generated\b|\bthis (?:message|e-?mail) was (?:sent|generated) automatically\b|"
    r"\bbitte nicht (?:auf diese (?:e-?mail|nachricht) )?antworten\b|\bautomatisch (?:generiert|erstellt|versendet)\w*|"
    r"\bne pas répondre\b|\bmessage automatique\b|\bgénérée? automatiquement\b|"
    r"\bno responda\b|\bmensaje automático\b|\bgenerad[oa] automáticamente\b",
    re.I,
)
_CLOSING = re.compile(
    r"^(?:(?:best|kind|warm|warmest|many|with)?\s*(?:regards|wishes|thanks)|best|cheers|thanks(?:\s+again)?|thank you|"
    r"thx|sincerely|yours(?:\s+(?:truly|sincerely))?|all the best|talk soon|speak soon|br|"
    r"(?:viele|beste|liebe|freundliche|herzliche|schöne)\s+grüße|mit freundlichen grüßen|freundliche grüße|grüße|gruß|"
    r"mfg|lg|vg|danke(?:\s+schön)?|vielen dank|"
    r"(?:bien\s+)?cordialement|bien à vous|merci(?:\s+d['’]avance|\s+beaucoup)?|salutations|bonne journée|à bientôt|"
    r"(?:un\s+)?saludos?(?:\s+cordiales)?|un saludo|atentamente|(?:muchas\s+)?gracias|un abrazo|hasta pronto)\b[\s,.!:;-]*",
    re.I,
)
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")
_ADDRESS = re.compile(r"[\w.+-]+@([\w-]+(?:\.[\w-]+)+)")


def own_words(activity: Mapping[str, Any]) -> str:
    """The sender's own words in an inbound e-mail: the text above any forwarded or quoted message ("" when the
    e-mail is a forward with no marker, which is forwarded text throughout)."""
    text = normalise(activity.get("text") or "")
    marker = _QUOTE_MARKER.search(text)
    if marker:
        return text[: marker.start()]
    return "" if _FORWARD_SUBJECT.match(normalise(activity.get("subject") or "")) else text


def signature_of(words: str) -> str:
    """The words after the e-mail's last sentence (its last line when it has lines), closings taken off."""
    lines = [line.strip() for line in words.strip().splitlines() if line.strip()]
    if len(lines) > 1 and not _SENTENCE_END.search(lines[-1][-1:]):
        tail = lines[-1]
    else:
        ends = list(_SENTENCE_END.finditer(words.strip()))
        tail = words.strip()[ends[-1].end():] if ends and ends[-1].end() < len(words.strip()) else ""
    tail = tail.strip(" ,-–—")
    while (m := _CLOSING.match(tail)) and m.end() > 0:
        tail = tail[m.end():].strip(" ,-–—")
    return tail


def names_of_contacts(ctx: Context) -> set[str]:
    """The words of the contacts' names, and the company's distinctive ones ("Northwind" signing for the buyer side;
    wave 37: a stranger's "Berger GmbH" shares only the legal form, agents.company_words)."""
    people = {w.lower() for c in ctx.record.contacts for w in re.findall(r"[^\W\d_]{2,}", c.name or "")}
    company = ctx.record.company
    return people | (distinctive_words(company.name, company.industry) if company else frozenset())


def a_contacts_name(name: str, known: set[str]) -> bool:
    """A signed name shares a word with a contact's name, or shortens one ("Dan" for Dana, "Chris" for Christine)."""
    words = [w.lower() for w in re.findall(r"[^\W\d_]{2,}", name)]
    return any(w in known or (len(w) >= 3 and any(k.startswith(w) or w.startswith(k) for k in known if len(k) >= 3))
               for w in words)


def foreign_sender(ctx: Context, activity: Mapping[str, Any]) -> str | None:
    """Why an inbound e-mail's words are not the buyer side's own (None when they are, or when nothing tells)."""
    own = own_words(activity)
    if not own.strip():
        return "a forwarded message"
    if _AUTOMATED.search(f"{activity.get('subject') or ''}\n{own}"):
        return "an automated message"
    signature = signature_of(own)
    domains = {(c.email or "").rsplit("@", 1)[-1].lower() for c in ctx.record.contacts if c.email and "@" in c.email}
    for m in _ADDRESS.finditer(signature):
        if m.group(1).lower() not in domains:
            return f"signed from {m.group(1)}, a domain of none of the record's contacts"
    name = re.split(r"\s*[,|/–—(]\s*|\s+-\s+", _ADDRESS.sub("", signature).strip())[0].strip()
    if name and person_name_shaped(name) and not a_contacts_name(name, names_of_contacts(ctx)):
        return f"signed by {name}, none of the record's contacts"
    return None
