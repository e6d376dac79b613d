"""No obligation said of something to read, see or talk over, not of a contract (issue 11, wave 34, set 43's 063).

agents.concepts reads "sans engagement", "sin compromiso" and "without (any) commitment" as a term given away: a
subscription with no minimum term, a contract one may leave at will. The same words say, of a document sent for
reading, a demo, a call or a proposal, that looking at it binds the buyer to nothing ("Le document de confidentialité
vous a été envoyé pour lecture, sans engagement", "una demostración sin compromiso", "a call, without any commitment"):
no term of the deal changes. So the words are read as a term unless their sentence names such a thing and no contract,
subscription, licence or term ("un abonnement sans engagement", "el contrato, sin compromiso de permanencia" are terms).
"""

from __future__ import annotations

import re

NO_OBLIGATION = re.compile(r"\b(?:sans\s+(?:aucun\s+)?engagement|sin\s+(?:ning[uú]n\s+)?compromiso|"
                           r"without\s+(?:any\s+)?(?:commitment|obligation)|no\s+(?:commitment|obligation))\b", re.I)
_LOOKED_AT = re.compile(
    r"\b(?:read\w*|review\w*|look\w*|document\w*|proposal|quote|demo\w*|call|meeting|conversation|chat|"
    r"lecture|lire|relire|consulter|pour\s+information|document\w*|proposition|devis|démo\w*|démonstration|appel|"
    r"échange|rendez-vous|réunion|entretien|"
    r"lectura|leer|revisar|documento\w*|propuesta|presupuesto|demostración|llamada|reunión|conversación|charla)\b",
    re.I,
)
_A_TERM = re.compile(
    r"\b(?:contract\w*|subscription\w*|licen[cs]e\w*|plan|term|minimum|monthly|month-to-month|cancel\w*|"
    r"contrat\w*|abonnement\w*|licence\w*|forfait\w*|durée|mensuel\w*|résili\w*|"
    r"contrato\w*|suscripci\w*|licencia\w*|permanencia|plazo|mensual\w*|cancela\w*|baja)\b",
    re.I,
)


def non_binding_look(sentence: str) -> bool:
    """Whether `sentence` says "no obligation" of a document, a demo or a call, and names no contract or term."""
    return bool(NO_OBLIGATION.search(sentence) and _LOOKED_AT.search(sentence) and not _A_TERM.search(sentence))
