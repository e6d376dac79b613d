"""A request that waits on a condition only the buyer knows of (issue 11, wave 39: set 51's de-g6 and es-g2 read
"2 ask(s)").

"Falls sich an der Fahrzeugzahl etwas geändert hat, geben Sie mir bitte kurz Bescheid" and "Si quiere que ajustemos el
precio del gasóleo de referencia, dígamelo y lo recalculo" ask nothing unless something changed or the buyer wants a
change: with nothing to report, the buyer has nothing to answer. Beside the draft's real ask (a question about a day)
agents.next_steps counted them as a second ask. Beside another ask they are none; alone they are the draft's one ask,
as they were before (set 50's es-g2 ends on "Si quiere que cambiemos alguna hipótesis ..., dígamelo antes del viernes").

Only a condition of a change or of the buyer's wish counts, and only when what it asks for is to be told: "If you could
send the fleet list, tell me" (a polite request) and "If you have the budget, could you send it?" (a question) are asks
as before.
"""

from __future__ import annotations

import re

_OPENS_ON_A_CONDITION = re.compile(r"^\W*(?:and\s+|und\s+|et\s+|y\s+)?(?:if|should|in case|falls|wenn|sofern|sollte|si|s['’])"
                                   r"\b", re.I)
_CHANGE_OR_WISH = re.compile(
    r"\b(?:(?:has|have|had) (?:\w+ )?(?:changed|moved|shifted)|changes?|you(?:['’]d| would)? (?:like|want|prefer) "
    r"(?:us|me) to|"
    r"(?:ge|ver)ändert|ändert|ändern|geändert haben|(?:wünschen|möchten|wollen) sie,? dass|sollen wir|"
    r"(?:a|ont) (?:changé|évolué|bougé)|changé|évolué|(?:souhaitez|voulez|préférez)(?: que| qu['’])|"
    r"(?:ha|han) (?:cambiado|variado)|cambia|(?:quiere|desea|prefiere)n? que)\b", re.I)
"""What the condition waits on: a change in what we know, or the buyer wishing us to change something."""
_TELL_ME = re.compile(
    r"\b(?:(?:just |please |simply )*(?:tell me|let me know|drop me a (?:line|note)|give me a shout)|"
    r"(?:geben sie mir|sagen sie mir|lassen sie (?:es )?mich)(?: (?:bitte|kurz|einfach|gern))* (?:bescheid|wissen|es)|"
    r"sagen sie es mir|melden sie sich|"
    r"dites-le-moi|dites-moi|faites-le-moi savoir|faites-moi signe|prévenez-moi|indiquez-le-moi|"
    r"d[ií]gamelo|d[ií]game|av[ií]seme|h[aá]gamelo saber|h[aá]game saber|com[uú]nquemelo)\b", re.I)
_ASKS_WHICH = re.compile(r"\b(?:which|when|what|welche[rsmn]?|wann|was|quel(?:le)?s?|quand|cu[aá]l(?:es)?|cu[aá]ndo|"
                         r"qu[eé])\b", re.I)
"""After the request, a question word asks for something in any case ("..., let me know which day works")."""
_POLITE_REQUEST = re.compile(r"\b(?:you could|you can|you would|sie könnten|vous pouviez|vous pourriez|pudiera|podría)\b",
                             re.I)


def contingent_ask(sentence: str) -> bool:
    """Whether a whole sentence asks to be told only if something changed or the buyer wants it changed ("If the
    number of trucks has changed, let me know", "Falls sich etwas geändert hat, geben Sie mir Bescheid", "Si vous
    souhaitez qu'on ajuste le périmètre, dites-le-moi", "Si quiere que lo ajustemos, dígamelo")."""
    if "?" in sentence or not _OPENS_ON_A_CONDITION.search(sentence) or _POLITE_REQUEST.search(sentence):
        return False
    tell = _TELL_ME.search(sentence)
    return tell is not None and _CHANGE_OR_WISH.search(sentence[:tell.start()]) is not None \
        and _ASKS_WHICH.search(sentence[tell.end():]) is None
