"""Where a text breaks into clauses for the commercial rules: after . ! ? or ; and at every new line.

Coarser than the learned screen's sentences (agents.learned_screen.sentences, which keeps "Nr. 5" and "Dr."
together): these rules only need to keep one clause's offer, negation or question from reaching the next. Wave 41 moved
its users onto agents.sentence_ends.clause_parts (the shared sentence ends, then ";"); agents.field_claims keeps it, with
its own exceptions for "i. V." and "i. A."."""

from __future__ import annotations

import re

CLAUSE_BREAK = re.compile(r"(?<=[.!?;])\s+|\n+")

OBLIGATION_WORDS = (
    r"must|has to|have to|had to|ought to|needs to|need to|"
    r"muss|müssen|musst|müsste|müssten|"
    r"doit|doivent|devra|devront|devrait|devraient|faut|faudra|"
    r"debe|deben|deberá|deberán|debería|deberían|tiene que|tienen que|tendrá que|tendrán que|hay que|habrá que|"
    r"ha de|han de"
)
"""Verbs of what must still happen ("must be approved by management", "muss genehmigt werden", "doit être approuvée",
"tiene que ser aprobado"), as an alternation: a clause they govern states a step to come, no deal done (issue 11,
wave 32: the deal-state rules had "should" and "needs" but not "must")."""

_FUTURE_VERB = re.compile(
    r"^\W*(?:[\w'’]+\s+){0,2}?(?:will|shall|would|(?:is|are)\s+going\s+to|must|can|could|"
    r"wird|werden|würde|würden|soll|sollen|kann|können|muss|müssen|"
    r"sera|seront|serait|seraient|va|vont|pourra|pourront|devra|devront|doit|doivent|"
    r"será|serán|sería|podrá|podrán|deberá|deberán|debe|deben|va\s+a|van\s+a|"
    r"\w+(?:ará|erá|irá|arán|erán|irán))\b|^\W*(?:[\w'’]+\s+){0,2}?\w+['’]ll\b",
    re.I,
)
_FINITE_NOW = re.compile(
    r"\b(?:is|are|was|were|has|have|had|been|ist|sind|war|waren|wurde|wurden|hat|haben|liegt|liegen|est|sont|était|"
    r"étaient|fut|été|a|ont|está|están|estaba|es|son|fue|fueron|ha|han|ya|already|bereits|schon|déjà)\b|['’]s\b",
    re.I,
)


def future_clause_after(sentence: str, start: int, end: int) -> bool:
    """Whether the phrase sentence[start:end] has no finite verb of its own and its clause goes on in the future or a
    modal ("The signed copy will be posted", "Le contrat signé vous sera envoyé", "El contrato firmado se le enviará",
    "Der unterschriebene Vertrag wird Ihnen zugeschickt"): a document named by what it will be is no state of the
    deal (issue 11, wave 32). "The contract is signed and will be filed" has its own "is": still a state."""
    if _FINITE_NOW.search(sentence[start:end]):
        return False
    rest = re.split(r"[,;:()\u2014]|\b(?:and|und|et|y)\b", sentence[end:], maxsplit=1)[0]
    return _FUTURE_VERB.search(rest) is not None and not _FINITE_NOW.search(rest)
