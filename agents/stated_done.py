"""What makes a clause state nothing as done yet, shared by the rules that read a deal's state from what follows a sale
(agents.received_payments: money arrived; agents.delivered_states: goods delivered, onboarding held).

Both refuse a clause that says a post-sale step happened while the record's deal is open, and both let the same
clauses pass: a plan, a condition, a question or a negation ("once the deposit is received", "Geliefert wird erst nach
der Unterschrift", "aucun boîtier n'a été livré", "¿cuándo se entregan los sensores?"). The words are closed classes in
each language, kept here once so that the two rules cannot drift apart.
"""

from __future__ import annotations

import re

NOT_YET = re.compile(
    r"\?|\b(?:once|when|whenever|after|if|unless|until|before|as\s+soon\s+as|will|would|could|can|should|shall|may|"
    r"might|need\w*|to\s+be|not|no|nothing|never|yet|whether|due|within|terms?|upon|on\s+receipt|"
    r"wenn|sobald|falls|bevor|nachdem|ob|wird|werden|würde|könnte|kann|soll|muss|nicht|nichts|kein\w*|noch\s+nicht|"
    r"fällig|innerhalb|binnen|bei\s+(?:unterschrift|vertragsabschluss|lieferung|bestellung)|"
    r"si|dès|une\s+fois|quand|lorsque|avant|sera|seront|pourr\w*|peut|doit|pas|aucun\w*|rien|jamais|à\s+la\s+signature|"
    r"dans\s+un\s+délai|"
    r"cuando|en\s+cuanto|una\s+vez|antes|será|serán|se\s+pagará|se\s+cobrará|podr\w*|puede|debe|todavía|aún|nunca|"
    r"nada|ningún|ninguna|dentro\s+de|a\s+la\s+firma)\b",
    re.I,
)
"""A plan, a condition, a question or a negation: the clause states no step as done."""

CONSEQUENCE = re.compile(r",\s*(?:so|also|daher|deshalb|donc|alors|así\s+que|por\s+lo\s+que)\b", re.I)
"""Where the plan a stated state leads to begins ("Anzahlung eingegangen, also direkt die Schlussrechnung"): what
follows is read apart, so its "will" does not make the state a plan."""


def words_between(text: str, a: tuple[int, int], b: tuple[int, int]) -> int:
    """Count the words of `text` between the spans `a` and `b` (99 when they overlap)."""
    lo, hi = (a[1], b[0]) if a[0] < b[0] else (b[1], a[0])
    return len(text[lo:hi].split()) if hi >= lo else 99
