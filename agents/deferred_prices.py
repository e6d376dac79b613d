"""A price question the writer defers to an internal check before saying anything (issue 11, wave 42: probe42's
honest sentences "Pricing for a two-year term is something I need to confirm with our finance team first", "Über
Preise für längere Laufzeiten muss ich mich erst intern abstimmen", "Je dois vérifier en interne avant de vous parler
d'un tarif sur plusieurs années" were refused as price talk the record does not anchor).

agents.price_talk refuses a sentence on our price that nothing in the record stands behind. A writer who says they
must check internally before speaking about a price states no figure, moves no price and promises nothing: the check
is the point, as in agents.checked_price_effects. Both must be there: the writer's own check, put as something they
must do first or internally, and nothing more than a topic: any figure, share, moved price, concession or offer word
keeps the sentence price talk ("I need to check with finance, but the setup fee can go").
"""

from __future__ import annotations

import re

_DEFERRED = re.compile(
    r"\b(?:(?:i|we) (?:need|have|must|will need|would need|'d need|'ll need) to (?:confirm|check|clarify|verify|"
    r"discuss|align)\b[^.;!?]{0,60}?\b(?:internally|first|with (?:our|my) (?:finance|pricing|commercial|management|"
    r"deal desk|team|colleagues|manager)\w*)|"
    r"something (?:i|we) (?:need|have|must) to (?:confirm|check|clarify|verify)\b[^.;!?]{0,50}?\b(?:internally|first|"
    r"with (?:our|my) \w+)|"
    r"(?:muss (?:ich|wir)|müssen (?:wir|ich)|möchte ich) (?:mich |uns |das |es )?(?:erst|zuerst|zunächst)?\s*(?:intern|im haus|mit (?:unserer|meiner|unserem) \w+)"
    r"\s+(?:abstimmen|klären|prüfen|besprechen|rücksprechen)|"
    r"(?:je dois|nous devons|il (?:me|nous) faut) (?:d'abord |encore )?(?:vérifier|valider|voir|confirmer) "
    r"(?:cela |ce point |le point )?(?:en interne|avec (?:notre|mon|ma|nos) \w+)|"
    r"(?:tendría|tengo|tendríamos|tenemos) que (?:consultar|comprobar|verificar|validar|confirmar|ver)(?:l[oa]s?)? "
    r"(?:internamente|antes|con (?:nuestr[oa]s?|mi) \w+))", re.I)
"""The writer's own check, to be done first or in house, in each language."""
_MORE_THAN_A_TOPIC = re.compile(
    r"\d|%|\b(?:lower|higher|cheaper|less|more|discount\w*|free|waiv\w*|drop\w*|match\w*|cover\w*|absorb\w*|"
    r"includ\w*|special|reduc\w*|rebate\w*|credit\w*|off|but|that|lock\w*|freez\w*|fix\w*|guarant\w*|"
    r"dass|fest\w*|garant\w*|en interne que|internamente que|and|und|et|y|not|nicht|pas|no|never|nie|jamais|"
    r"nunca|up|down|rise|stay\w*|keep|bleib\w*|halt\w*|rest\w*|maint\w*|mant\w*|weniger|mehr|günstig\w*|billig\w*|teurer|rabatt\w*|"
    r"nachlass\w*|entgegen\w*|gratis|kostenlos|sonder\w*|aber|moins|plus|cher|remise\w*|réduc\w*|gratuit\w*|geste|"
    r"offert\w*|mais|menos|más|barat\w*|descuento\w*|rebaja\w*|especial\w*|incluid\w*|pero)\b", re.I)
"""A figure, a share, a price moved, a concession, a guarantee, a second clause or what is to be confirmed ("that the
price stays"): then the sentence says more than a deferral."""


def deferred_price(sentence: str) -> bool:
    """Whether `sentence` only puts a price topic off until the writer has checked it internally."""
    return bool(_DEFERRED.search(sentence)) and not _MORE_THAN_A_TOPIC.search(sentence) \
        and not re.search(r"[;:]", sentence.strip())  # a second clause after the deferral says more
