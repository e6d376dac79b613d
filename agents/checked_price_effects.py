"""The price effect of an open point, left to be checked (issue 11, wave 38: set 48's fr-g9, "tous les ateliers
utilisent-ils le même logiciel de paie ? Cela change peu le prix, mais je préfère le vérifier.", refused as price
talk the record does not anchor).

agents.price_talk refuses a sentence on our price that nothing in the record stands behind. A writer who says a point
barely moves the price and that they will check it states no figure, moves no price and promises nothing: the check
is the point ("it makes little difference to the price, but I'd rather check", "das ändert am Preis wenig, aber ich
prüfe es lieber", "apenas cambia el precio, pero prefiero comprobarlo"). All three must be there: the effect said to be
small, the price as what it acts on, and the writer's check. Without the check, "the second depot changes little in
price" is the model's own assurance and is still read; any figure, share or moved price ("a little lower", "moins
cher", "weniger") keeps the sentence price talk.
"""

from __future__ import annotations

import re

_SMALL_EFFECT = re.compile(
    r"\b(?:(?:changes?|affects?|makes?|moves?)\s+(?:\w+\s+){0,3}?(?:little|hardly|barely|not much|no great)\b|"
    r"(?:little|hardly|barely|not much|no great)\s+(?:\w+\s+){0,2}?(?:change|affect|difference|effect|impact|moves?)|"
    r"(?:ändert|ändern|beeinflusst|macht)\s+(?:\w+\s+){0,4}?(?:wenig|kaum|nicht viel)\b|"
    r"(?:wenig|kaum|nicht viel)\s+(?:\w+\s+){0,3}?(?:ändert|ändern|aus|einfluss|unterschied)|"
    r"(?:change|changent|modifie|touche|affecte|influe)\s+(?:\w+\s+){0,3}?(?:peu|guère|pas grand-chose|pas beaucoup)\b|"
    r"(?:peu|guère|pas beaucoup) (?:d'|de )?(?:effet|impact|incidence|influence)|"
    r"(?:apenas|poco|casi no|no mucho)\s+(?:\w+\s+){0,2}?(?:cambia|afecta|influye|modifica|varía)|"
    r"(?:cambia|afecta|influye|modifica|varía)\s+(?:\w+\s+){0,3}?(?:poco|apenas|no mucho)\b)", re.I)
"""The effect on the price said to be small, in each language."""
_PRICE = re.compile(r"\b(?:price|pricing|preis\w*|prix|tarif\w*|precio|importe)\b", re.I)
_CHECK = re.compile(
    r"\b(?:check|verify|confirm|make sure|be sure|double-check|prüfe\w*|überprüfe\w*|kläre\w*|vergewissere\w*|"
    r"sicher(?:gehen| sein)|vérifi\w*|confirm\w*|m'en assurer|être sûr|comprob\w*|verific\w*|confirmarlo|asegur\w*)\b",
    re.I)
"""The writer's own check of the point."""
_MORE_THAN_AN_EFFECT = re.compile(
    r"\d|%|\b(?:lower|higher|cheaper|less|more|discount\w*|free|weniger|mehr|günstig\w*|billig\w*|teurer|rabatt\w*|"
    r"nachlass\w*|moins|plus|cher|remise\w*|réduc\w*|gratuit\w*|menos|más|barat\w*|descuento\w*|gratis)\b", re.I)
"""A figure, a share or a price moved: then the sentence says more than a small effect."""


def checked_price_effect(sentence: str) -> bool:
    """Whether `sentence` only says an open point changes the price little and that the writer will check it."""
    return bool(_SMALL_EFFECT.search(sentence) and _PRICE.search(sentence) and _CHECK.search(sentence)) \
        and not _MORE_THAN_AN_EFFECT.search(sentence)
