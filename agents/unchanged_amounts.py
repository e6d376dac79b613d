"""An amount said to stay the one already discussed, with no figure (issue 11, wave 39: set 50's fr-g5, "Le montant
annuel reste celui dont nous avons parlé, avec le coût par atelier en annexe.", refused as price talk the record does
not anchor).

agents.price_talk refuses price words with no figure behind them, since a vague price sentence is where a model
slips a new term in ("the price will be adjusted"). An amount said to stay what it was ("the annual amount stays the
one we discussed", "der Jahresbetrag bleibt der besprochene", "el importe anual sigue siendo el que comentamos", "le
montant ne change pas") names no new price: it is the record's amount, unchanged, as "without changing the amount"
(agents.unchanged_terms.kept_amount_out) already is. Only that clause is blanked, and only when the sentence has no
figure, share, span, moved price or anything added: "reste celui dont nous avons parlé jusqu'en 2028" is a price
held, "bleibt gleich, mit zwei Standorten mehr" more for the same price, "sigue siendo el mismo menos un 10 %" a
discount, each read as before. Other complements ("reste négociable", "stays flexible") are not blanked.
"""

from __future__ import annotations

import re

_AMOUNT = (r"(?:the|our|your|this|that|le|notre|votre|ce|el|nuestro|su|este|der|die|das|unser\w*|ihr\w*)\s+"
           r"(?:(?:annual|yearly|total|overall|annuel|global|anual|jährliche\w*)\s+)?"
           r"(?:amount|price|total|fee|montant|prix|tarif|total|importe|precio|\w*betrag|\w*preis|summe)"
           r"(?:\s+(?:annuel|global|total|anual|total))?")
_STAYS = (r"(?:stays|remains|will\s+stay|will\s+remain|is\s+still|reste|restera|demeure|bleibt|wird\s+bleiben|"
          r"sigue\s+siendo|seguirá\s+siendo|se\s+mantiene|es\s+el\s+mismo|queda)")
_DISCUSSED = (
    r"(?:the\s+one\s+(?:we\s+)?(?:discussed|agreed|talked\s+about|spoke\s+about|mentioned)|what\s+we\s+(?:discussed|"
    r"agreed)|the\s+same|as\s+discussed|as\s+agreed|as\s+it\s+was|unchanged|"
    r"celui\s+(?:dont\s+nous\s+avons\s+parlé|que\s+nous\s+avons\s+(?:évoqué|convenu|vu)|convenu|évoqué)|le\s+même|"
    r"inchangée?|tel\s+quel|comme\s+convenu|"
    r"der\s+besprochene|die\s+besprochene|der\s+vereinbarte|die\s+vereinbarte|wie\s+besprochen|wie\s+vereinbart|"
    r"gleich|derselbe|dieselbe|unverändert|"
    r"el\s+que\s+(?:comentamos|hablamos|acordamos|vimos)|el\s+(?:acordado|comentado|mismo)|igual|sin\s+cambios|"
    r"como\s+(?:lo\s+)?(?:hablamos|acordamos|comentamos))"
)
_UNCHANGED = re.compile(
    rf"\b{_AMOUNT}\s+(?:{_STAYS}\s+{_DISCUSSED}|(?:does\s+not|doesn't|won't|will\s+not)\s+change|"
    rf"ne\s+change\s+pas|ne\s+bouge\s+pas|no\s+cambia|ändert\s+sich\s+nicht)\b",
    re.I,
)
_READ_AS_BEFORE = re.compile(
    r"\d|[$€£%]|\b(?:until|till|through|for\s+\w+\s+years?|years?|never|forever|always|bis|jahre\w*|immer|nie|"
    r"jusqu\w*|pendant|ans|années|toujours|jamais|hasta|durante|años|siempre|nunca|"
    r"add\w*|extra|additional|more|plus|premium|upgrade\w*|free|zusätzlich\w*|mehr|dazu|kostenlos\w*|gratis|"
    r"ajout\w*|supplémentaire\w*|gratuit\w*|offert\w*|añad\w*|adicional\w*|más|"
    r"less|minus|off|lower|cheaper|discount\w*|weniger|abzüglich|rabatt\w*|nachlass\w*|günstiger|moins|remise\w*|"
    r"réduction\w*|menos|descuento\w*|rebaja\w*|but|except|aber|außer|mais|sauf|pero|salvo|excepto)\b",
    re.I,
)


def unchanged_amount_out(sentence: str) -> str:
    """`sentence` with "the amount stays the one we discussed" (and its kin) blanked, unless the sentence also holds
    a figure, a share, a span, a moved price or something added; same length, so offsets still hold."""
    if _READ_AS_BEFORE.search(sentence):
        return sentence
    return _UNCHANGED.sub(lambda m: " " * len(m.group(0)), sentence)
