"""Our closing month and our team's need for an order, told to the buyer (issue 11, wave 29: set 35's de-b7 "Der
Dezember ist bei uns Abschlussmonat, und mein Team braucht noch einen Auftrag", caught before only because it asked
nothing).

agents.seller_interest reads our quarter, our targets and our manager's wish given as a reason. Two more ways of
telling the buyer the date serves us: our books' closing month ("December is our closing month", "bei uns
Abschlussmonat", "notre mois de clôture", "nuestro mes de cierre"), and our team still needing a deal ("my team still
needs one more order", "mein Team braucht noch einen Auftrag", "il nous manque une signature", "a mi equipo le falta
una venta"). The buyer's own closing month ("as December closes your books") and their team's needs are theirs and
pass.
"""

from __future__ import annotations

import re

from agents.normalize import fold_accents as _fold
from agents.normalize import normalise
from agents.sentence_ends import sentence_parts

_OURS = r"(?:our|my|us|unser\w*|mein\w*|uns|notre|nos|mon|ma|mes|nous|nuestr[oa]s?|mis?|nos(?:otros)?)"
_BOOKS = re.compile(
    r"\b(?:(?:our|my)\s+(?:own\s+)?(?:closing|booking|sales|fiscal)\s+month|(?:closing|booking)\s+month\s+for\s+us|"
    r"(?:unser\w*\s+)?abschlussmonat|buchungsmonat|"
    r"(?:notre|mon)\s+mois\s+de\s+(?:cloture|bouclage)|"
    r"(?:nuestro|mi)\s+mes\s+de\s+cierre)\b"
)
"""A closing month; only ours in a sentence with our side's word ("bei uns", "notre")."""
_TEAM_NEEDS = re.compile(
    r"\b(?:(?:my|our)\s+team\s+(?:still\s+|really\s+)?needs?\s+(?:just\s+)?(?:one\s+more|another|a|one)\s+"
    r"(?:deal|order|signature|win|contract|sale)|we\s+(?:still\s+)?need\s+(?:just\s+)?(?:one\s+more|another)\s+"
    r"(?:deal|order|signature|win|sale)|"
    r"(?:mein|unser)\s+team\s+braucht\s+(?:noch\s+|dringend\s+)?(?:einen|ein|eine)\s+(?:auftrag|abschluss|deal|"
    r"unterschrift)|wir\s+brauchen\s+noch\s+(?:einen|ein|eine)\s+(?:auftrag|abschluss|deal)|"
    r"(?:mon|notre)\s+equipe\s+a\s+(?:encore\s+)?besoin\s+d'(?:une?\s+)?(?:signature|commande|contrat|affaire|vente)|"
    r"il\s+(?:nous|me)\s+manque\s+(?:encore\s+)?(?:une?\s+)?(?:signature|commande|contrat|affaire|vente)|"
    r"(?:mi|nuestro)\s+equipo\s+(?:todavia\s+|aun\s+)?necesita\s+(?:una?\s+)?(?:venta|pedido|firma|contrato|operacion)|"
    r"(?:a\s+mi\s+equipo\s+(?:le|nos)|nos)\s+falta\s+(?:una?\s+)?(?:venta|pedido|firma|contrato|operacion))\b"
)


def sellers_books(subject: str, body: str) -> list[str]:
    """Sentences telling the buyer our closing month or our team's need for an order."""
    out = []
    for sentence in sentence_parts(normalise(f"{subject}\n{body}")):
        folded = _fold(sentence.lower())
        m = _TEAM_NEEDS.search(folded)
        books = _BOOKS.search(folded)
        if books and (re.search(rf"\b{_OURS}\b", folded) or books.group(0).startswith(("our", "my"))):
            m = m or books
        if m:
            out.append(f"tells the buyer our closing month or our need for an order: {m.group(0)!r}")
    return out[:2]
