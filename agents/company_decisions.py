"""A decision thanked for as the buyer's company's own (issue 11, wave 39: q25-de-g9, a call script to Jonas Weber,
"Bedanken, dass Müller Logistik nach dem internen Gespräch weitermachen möchte.", refused as thanking the recipient
for what the record credits to Anna, since set 25).

agents.thanks credits a thing thanked for to whoever the record says did it: Anna wrote "wir haben intern gesprochen
und möchten weitermachen". Her "wir" is the company, and a thanks that makes the company the one deciding ("that
Northwind wants to go ahead", "dass Müller Logistik weitermachen möchte", "qu'Atelier Lumière souhaite continuer",
"que Distribuciones Levante quiere seguir") thanks every person of it, the recipient too. Only a decision to go on,
with the company as its subject; a thing the company is merely named beside ("the sign-off at Northwind") is still
credited to whoever the record says gave it.
"""

from __future__ import annotations

import re

from agents.context import Context
from agents.normalize import normalise

_DECIDES = (r"(?:möchte|möchten|will|wollen|hat\s+(?:sich\s+)?entschieden|wants?|has\s+decided|decided|is\s+going|"
            r"will\s+go|chose|souhaite|veut|a\s+décidé|choisit|quiere|desea|ha\s+decidido|decidió)")
_GOING_ON_WORDS = (r"(?:weiter\w*|fortsetzen|fortfahren|go\s+ahead|going\s+ahead|proceed|continue|move\s+forward|"
                   r"continuer|poursuivre|avancer|aller\s+de\s+l'avant|seguir|continuar|avanzar|"
                   # wave 40 (set 52's de-g9, "dass Müller Logistik die Flottenanalyse einführen möchte"): going on
                   # to adopt the product is the same decision, the company's
                   r"einführen|einzuführen|adopt|roll\s+out|introduce|implement|adopter|déployer|mettre\s+en\s+place|"
                   r"adoptar|implantar|implementar)")
_GOING_ON = re.compile(rf"\b{_GOING_ON_WORDS}\b", re.I)


def company_decides(part: str, company: str | None) -> bool:
    """Whether `part` (a thing thanked for) says the buyer's company decided to go on, with the company as the one
    deciding."""
    words = [w for w in re.findall(r"[^\W\d_]{3,}", company or "") if w.lower() not in {"gmbh", "sas", "inc", "ltd"}]
    if not words or not _GOING_ON.search(part):
        return False
    name = r"\s+".join(re.escape(w) for w in words[:2])
    return bool(re.search(rf"\b{name}\b(?:\s+\S+){{0,6}}?\s+{_DECIDES}\b", part, re.I))


# wave 40 (noticed40b; wave 39 noticed "Vielen Dank, dass Sie ... weitermachen möchten" to Jonas Weber still credited
# to Anna): the addressee deciding to go on decides for the company too. Anna's "wir ... möchten weitermachen" is
# Müller Logistik's decision, and Jonas runs it; the formal "Sie" names him (or his side), never Anna alone.
_YOU_DECIDE = re.compile(
    r"(?:^\W*|\b(?:and|und|et|y)\s+)(?:(?:for|to|für|de|pour|por)\s+|d['’]\s*)?(?:having\s+|avoir\s+|haber\s+)?"
    r"(?:decid\w*|chos\w*|choos\w*|want\w*|wish\w*|décidé|choisi|vouloir|souhaiter|querer|decidi\w*|elegi\w*|optado)\b|"
    r"\b(?:your|ihre|votre|su)\s+(?:decision|choice|entscheidung|décision|choix|decisión|elección)\b|"
    r"\bthat\s+you(?:['’]ve|['’]re|\s+have|\s+are)?\s+(?:decided|chose|choosing|want|wish|going|moving)\b|"
    r"(?-i:\bdass\s+Sie\b)|\bque\s+vous\s+(?:ayez|souhaitiez|vouliez|avez|souhaitez|voulez)\b|"
    r"\bque\s+(?:usted(?:es)?\s+)?(?:quier\w*|hay(?:a|an)\s+decidido|dese\w*|decid\w*)\b", re.I)
"""The addressee as the one deciding: "for deciding to", "that you want to", "dass Sie", "de vouloir", "por querer"."""
_WISH_OR_DECISION = re.compile(
    rf"{_DECIDES}|\b(?:decid\w*|decision|want\w*|wish\w*|choos\w*|möcht\w*|woll\w*|entschied\w*|entscheidung|"
    r"décid\w*|décision|vouloir|voul\w*|souhait\w*|choisi\w*|quer\w*|quier\w*|decisión|dese\w*|optado)\b", re.I)
_AFTER = re.compile(r"^\s*,?\s*(?:after|following|since|nach|seit|après|suite\s+à|depuis|tras|después\s+de|desde)\b"
                    r"[^,;]*", re.I)
"""A time the decision follows ("after the security review", "tras la demo"): when it was taken, not what was done."""
_PERSON_DECIDES = rf"\s+(?:\S+\s+){{0,3}}?(?:{_WISH_OR_DECISION.pattern})[^.;!?\n]{{0,40}}?\b{_GOING_ON_WORDS}\b"
"""After a contact's name: their own wish or decision to go on ("Anna möchte weitermachen", "Paul veut continuer")."""


def without_addressee_decision(part: str) -> str:
    """`part` (a thing thanked for) with the addressee's own decision to go on left out, and the time it followed
    ("for deciding to move forward after the security review" -> "for "); unchanged when it says no such decision."""
    you = _YOU_DECIDE.search(part)
    if you is None or not _WISH_OR_DECISION.search(part, you.start()):
        return part
    going = _GOING_ON.search(part, you.start())
    if going is None or going.start() - you.end() > 80:
        return part
    start = you.start()
    # "dass Sie den Fragebogen ausgefüllt haben und weitermachen möchten": what was done before the "und" stays
    if joins := list(re.finditer(r"\b(?:and|und|et|y)\b", part[you.end():going.start()], re.I)):
        start = you.end() + joins[-1].start()
    end = going.end()
    # the German verb closes the clause: "dass Sie nach dem Gespräch weitermachen möchten"
    if verb := re.match(r"(?:\s+(?:adelante|ahead|forward|on|with\s+us|avec\s+nous|con\s+nosotros|möcht\w*|woll\w*|werden|wird|"
                      r"will))+", part[end:], re.I):
        end += verb.end()
    if after := _AFTER.match(part[end:]):
        end += after.end()
    return part[:start] + part[end:]


def decided_by_one_other(ctx: Context, recipient_id: str | None) -> str:
    """The first name of a contact other than the recipient whom the record names as the one wishing or deciding to go
    on ("Anna möchte weitermachen", "Paul wants to move forward"), or "". A "wir", "we", "nous" or "queremos" decision
    is the company's and names nobody alone."""
    said = [normalise(f"{a.get('subject') or ''}. {a.get('text') or ''}") for a in ctx.activities.values()
            if not a.get("withheld")]
    for c in ctx.record.contacts:
        first = (ctx.contact_name(c) or "").split(" ")[0]
        if c.id == recipient_id or len(first) < 2:
            continue
        pattern = re.compile(rf"\b{re.escape(first)}{_PERSON_DECIDES}", re.I)
        if any(pattern.search(text) for text in said):
            return first
    return ""
