"""A concession put as a supposition: "what if we picked up the travel costs?" (issue 11, wave 39, lead).

Wave 39's noticed39 read offers phrased as questions ("Would a free first month help?") with the concept rules, and
named two that still passed: "Would it help if we picked up the travel costs?" and "What if we held the first invoice
until go-live?". Their statements are refused ("We will pick up the travel costs", "We will hold the first invoice
until go-live"); the supposition puts the verb in the past or the conditional, which the statement patterns do not
read. Only the supposition's own frame is read here ("if we ...", "wenn wir ... würden", "si nous ...-ions", "si
...-áramos"), so a report of what happened ("we covered the travel costs last year") is left to the other checks.
"""

from __future__ import annotations

import re

from agents.offered_questions import reported_before

_COSTS = (r"(?:(?:the|your|all|any|those|these)\s+)?(?:[\w-]+\s+)?(?:costs?|fees?|bill|tab|expenses?|charges?)")
_BILLING = r"(?:invoices?|invoicing|billing|payments?|charges?)"
_EN = (
    rf"\bif\s+we\s+(?:just\s+|simply\s+)?(?:covered|absorbed|picked\s+up|footed|took\s+on|waived|dropped|ate)\s+{_COSTS}|"
    rf"\bif\s+we\s+(?:held|deferred|delayed|postponed|pushed\s+back)\s+(?:(?:the|your|our|a|any)\s+)?(?:first\s+)?"
    rf"{_BILLING}\s+(?:until|till|to|after)\b|"
    rf"\bif\s+we\s+(?:did\s+not|didn't)\s+(?:invoice|bill|charge)\s+(?:you\s+)?(?:until|till|before)\b"
)
_DE = (
    r"\bwenn\s+wir\s+(?:(?:die|den|das|alle|ihre)\s+)?\w*(?:kosten|gebühr\w*|spesen)\s+"
    r"(?:übernähmen|übernehmen\s+würden|tragen\s+würden|trügen)|"
    r"\bwenn\s+wir\s+(?:(?:die|ihre)\s+)?(?:erste\s+)?(?:rechnung|abrechnung)\s+(?:erst\s+)?(?:nach|mit|zum|bei|ab)\s+"
    r"(?:[\w-]+\s+){1,3}?(?:stellen|schicken|senden)\s+würden"
)
_FR = (
    r"\bsi\s+(?:nous|on)\s+(?:prenions|prenait)\s+en\s+charge|"
    r"\bsi\s+(?:nous|on)\s+(?:reportions|reportait|décalions|décalait|différions|différait)\s+"
    r"(?:(?:la|votre)\s+)?(?:première\s+)?(?:facture|facturation)"
)
_ES = (
    r"\bsi\s+(?:nosotros\s+)?(?:cubriéramos|asumiéramos|pagáramos|corriéramos\s+con)\s+(?:(?:los|las|el|la|sus)\s+)?"
    r"\w*\s*(?:gastos|costes|costos|tasas|cuotas)|"
    r"\bsi\s+(?:nosotros\s+)?(?:aplazáramos|retrasáramos|pospusiéramos|difiriéramos)\s+(?:(?:la|su)\s+)?"
    r"(?:primera\s+)?(?:factura|facturación)"
)
PROPOSED_CONCESSION = re.compile(rf"(?:{_EN}|{_DE}|{_FR}|{_ES})", re.I)
"""A cost taken on or a bill deferred by our side, supposed in the four languages."""


def supposed_concessions(sentence: str) -> list[re.Match[str]]:
    """The concessions `sentence` supposes on our side, leaving out one the buyer's reported question holds ("Dana
    asked if we covered the travel costs last time")."""
    return [m for m in PROPOSED_CONCESSION.finditer(sentence) if not reported_before(sentence, m.start())]
