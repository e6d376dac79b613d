"""A price that belongs to another seller (issue 11, wave 26): "the lower price of the incumbent's telematics add-on"
(vb-hs-str-03, an honest strategy) compares the buyer's options; it moves none of our prices. agents.moving_price
already let such a price fall (wave 25); the price-move rule of agents.claims ("lower ... price") and the better-terms
concept of agents.concepts ("lower price" two words apart) still refused it. Both now skip a price phrase that names
another seller right after it ("of the incumbent's add-on", "des Wettbewerbers", "du concurrent", "de la competencia")
or right before it ("the competitor's lower price"), unless the clause has us in it: "we will match the incumbent's
lower price", "wir unterbieten den günstigeren Preis des Wettbewerbers" are our concessions and stay refused."""

from __future__ import annotations

import re

_SELLER = (
    r"(?:(?:current|other|another|existing|their|old) (?:vendor|supplier|provider|anbieter|lieferant)s?|incumbent\w*|"
    r"bisherig\w* anbieter\w*|(?:actuel|autre) (?:fournisseur|prestataire)|(?:fournisseur|prestataire) actuel|proveedor actual|"
    r"otro proveedor|"
    r"compet\w*|wettbewerb\w*|konkurren\w*|mitbewerber\w*|concurren\w*|competencia|competidor\w*|rival\w*)"
)
_AFTER = re.compile(
    rf"^\W*(?:(?:[\w'’-]+\s+){{0,2}}?(?:of|from|by|des|der|von|vom|du|de la|de l'|de|del)\s+)(?:[\w'’-]+\s+){{0,2}}?{_SELLER}",
    re.I,
)
_BEFORE = re.compile(rf"{_SELLER}(?:'s|’s|s'|s)?\s+(?:[\w'’-]+\s+){{0,2}}$", re.I)
_OURS = re.compile(
    r"\b(?:we|we'll|we're|our|ours|us|i|i'll|wir|unser\w*|uns|ich|nous|notre|nos|je|nosotros|nuestr\w*|"
    r"match\w*|beat\w*|undercut\w*|meet|unterbiet\w*|anpass\w*|aligner|alignons|igualar|igualamos|mejorar\w*)\b",
    re.I,
)
_CLAUSE_END = re.compile(r"[,;:()\u2014]")


def anothers_price(sentence: str, start: int, end: int) -> bool:
    """Whether the price phrase at `start`:`end` of `sentence` is another seller's, in a clause without us in it."""
    left = _CLAUSE_END.split(sentence[:start])[-1]
    right = _CLAUSE_END.split(sentence[end:])[0]
    if _OURS.search(left + " " + sentence[start:end] + " " + right):
        return False
    return bool(_AFTER.search(right) or _BEFORE.search(left))


_SENTENCE_END = re.compile(r"[.!?\n]")
_WE = re.compile(r"\b(?:we|us|our|wir|uns|unser\w*|nous|notre|nos|nosotros|nuestr\w*|chez\s+nous|con\s+nosotros)\b", re.I)


def asked_of_another_seller(text: str, start: int, end: int) -> bool:
    """Whether the free word at `start`:`end` of `text` sits in a question about another seller's terms with no us in it
    ("Ist die Schulung bei Ihrem bisherigen Anbieter kostenlos?", "Is the training free with your current vendor?";
    wave 40, noticed39's false refusal): the buyer's present deal is asked about, nothing of ours is given."""
    head = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    tail = _SENTENCE_END.search(text, end)
    if tail is None or tail.group(0) != "?":
        return False
    question = text[head : tail.end()]
    # the answer in the next sentence is read with it: "... kostenlos? Bei uns schon." gives it away
    answer_end = _SENTENCE_END.search(text, tail.end())
    answer = text[tail.end() : answer_end.end() if answer_end else len(text)]
    return bool(re.search(_SELLER, question, re.I)) and not _OURS.search(question) and not _WE.search(answer)
