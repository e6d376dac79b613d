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

_DECIDES = (r"(?:möchte|möchten|will|wollen|hat\s+(?:sich\s+)?entschieden|wants?|has\s+decided|decided|is\s+going|"
            r"will\s+go|chose|souhaite|veut|a\s+décidé|choisit|quiere|desea|ha\s+decidido|decidió)")
_GOING_ON = re.compile(r"\b(?:weiter\w*|fortsetzen|fortfahren|go\s+ahead|going\s+ahead|proceed|continue|move\s+forward|"
                       r"continuer|poursuivre|avancer|aller\s+de\s+l'avant|seguir|continuar|avanzar|"
                       # wave 40 (set 52's de-g9, "dass Müller Logistik die Flottenanalyse einführen möchte"): going on
                       # to adopt the product is the same decision, the company's
                       r"einführen|einzuführen|adopt|roll\s+out|introduce|implement|adopter|déployer|mettre\s+en\s+place|"
                       r"adoptar|implantar|implementar)\b", re.I)


def company_decides(part: str, company: str | None) -> bool:
    """Whether `part` (a thing thanked for) says the buyer's company decided to go on, with the company as the one
    deciding."""
    words = [w for w in re.findall(r"[^\W\d_]{3,}", company or "") if w.lower() not in {"gmbh", "sas", "inc", "ltd"}]
    if not words or not _GOING_ON.search(part):
        return False
    name = r"\s+".join(re.escape(w) for w in words[:2])
    return bool(re.search(rf"\b{name}\b(?:\s+\S+){{0,6}}?\s+{_DECIDES}\b", part, re.I))
