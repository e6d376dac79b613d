"""A binding document told as arrived or signed at a past time (issue 11, wave 37's note: "Dana, the purchase order
arrived after your decision" read as a plan, because "after" is a plan word of agents.deal_done_claims).

"After", "once", "when" make a plan of a step still to come ("the order will follow after your decision", "the order
form comes only after your decision"). Said after a verb in the past ("arrived after", "came in once", "llegó cuando",
"se firmó una vez", "est arrivée quand"), they only date a document that exists: the plan words are read in the clause
up to the time word, so a negation or a future there still makes no claim of it ("has not arrived after ...").
"""

from __future__ import annotations

import re

_PAST_ARRIVAL = (
    r"arrived|came(?:\s+(?:in|back|through|over))?|reached\s+us|landed|turned\s+up|went\s+out|"
    r"(?:was|were|got|has\s+been|had\s+been)\s+(?:\w+\s+)?(?:signed|countersigned|received|placed|issued|approved|returned)|"
    r"kam(?:en)?(?:\s+an)?|traf(?:en)?\s+ein|ging(?:en)?\s+ein|(?:ist|sind)\s+(?:\w+\s+){0,3}?(?:eingegangen|angekommen)|"
    r"wurden?\s+(?:\w+\s+){0,3}?(?:unterschrieben|unterzeichnet|erteilt|freigegeben)|"
    r"(?:est|sont)\s+(?:bien\s+)?(?:arrivée?s?|parvenue?s?)|a\s+été\s+(?:sign|reç|valid|émis|envoy)\w*|"
    r"ont\s+été\s+(?:sign|reç|valid|émis|envoy)\w*|nous\s+est\s+parvenue?|"
    r"llegó|llegaron|nos\s+llegó|entró|se\s+firm(?:ó|aron)|se\s+recibi(?:ó|eron)|fue(?:ron)?\s+(?:firmad|recibid|aprobad|emitid)\w*"
)
_PAST_TIME = (
    r"after|once|when|as\s+soon\s+as|nachdem|sobald|als|après|une\s+fois|quand|lorsque|dès\s+que|"
    r"después\s+de|tras|una\s+vez|cuando|en\s+cuanto"
)
_ARRIVED_AT = re.compile(rf"\b(?:{_PAST_ARRIVAL})\b(?:\s+\w+){{0,2}}?\s+(?P<time>(?:only\s+)?(?:{_PAST_TIME}))\b", re.I)


def before_its_time(clause: str) -> str:
    """The part of `clause` whose plan words are read: up to the time word when a past arrival or signature comes
    just before it ("the purchase order arrived | after your decision"); the whole clause otherwise."""
    m = _ARRIVED_AT.search(clause)
    return clause[: m.start("time")] if m else clause


_ORDER_ARRIVED = re.compile(
    rf"\b(?:the|your|their|its|this|that|an|our)\s+orders?\s+(?:(?:has|have|had|just|finally|already|also)\s+)?"
    rf"(?:{_PAST_ARRIVAL})\b",
    re.I,
)


def order_told_as_arrived(clause: str) -> re.Match[str] | None:
    """The bare order said to have come in ("the order came in after your decision", "your order arrived"): wave 38's
    note, a past arrival with no plan word that agents.deal_done_claims' binding documents did not hold ("order"
    alone also names a sequence, so only a determiner right before it and the arrival right after it count)."""
    return _ORDER_ARRIVED.search(clause)
