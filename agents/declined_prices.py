"""A lower price or a discount declined in the sentence that names it (issue 11, wave 34: set 43's 013 and quality set
43's en-g2, es-g2, de-g9).

agents.denied_discounts reads a discount said not to exist ("kein Nachlass", "none was discussed"). A rep also answers
a buyer's ask for a lower price by declining it: "I know a lower price came up; I can't offer one", "I can't offer a
lower price for it; the USD 48,000 stays as it is", "no puedo ofrecer un descuento ni reducir el importe", and a call
script says what to answer if asked: "Falls nach einem Nachlass gefragt wird: der Preis bleibt bei 36.000 EUR". The
price rules read "lower price", "reducir el importe", "Nachlass" and a price word near "falls" and refused each as a
price moved. A sentence declines when a negated verb of offering or lowering stands in it ("can't offer", "won't go
lower", "kann ... nicht anbieten", "ne pouvons pas baisser", "no puedo ofrecer"), or when it answers an ask with the
price staying ("if asked for a discount, the price stays"; "si on vous demande une remise : le prix reste").

It declines nothing when it also gives something: a share ("I can't offer 20 %, but 10 % works"), a condition that
would unlock the move ("unless you sign today", "es sei denn"), or a concession after a turn ("but the first month is
free", "pero le regalamos la formación"). The sentence is read whole (a ";" does not end it: "I know a lower price came
up; I can't offer one" declines the price the first half names).
"""

from __future__ import annotations

import re

from agents.sentence_ends import sentence_around

_REFUSAL = re.compile(
    # en: a negated modal or "unable to" governing a verb of offering or lowering, at most two words between
    r"\b(?:can't|cannot|can\s+not|couldn't|won't|will\s+not|(?:am|are|is|'m|'re|'s)\s+not\s+able\s+to|unable\s+to|"
    r"not\s+in\s+a\s+position\s+to|don't|do\s+not)\s+(?:\w+\s+){0,2}?(?:offer|give|go|lower|reduce|drop|cut|move|"
    r"change|budge|discount|extend|grant|provide|match|come\s+down)\b|"
    # de: a modal, then "nicht" or "kein-", then the infinitive at the clause's end
    r"\b(?:kann|können|könnte|könnten|darf|dürfen|werde|werden|wird)\s+(?:\w+\s+){0,4}?(?:nicht|keinen|keine|kein)\s+"
    r"(?:\w+\s+){0,3}?(?:anbieten|gewähren|geben|einräumen|senken|reduzieren|nachlassen|heruntergehen|runtergehen|"
    r"bieten|machen)\b|"
    # fr: "ne ... pas" around a modal, then the verb
    r"\bne\s+(?:\w+\s+){0,3}?(?:pas|plus)\s+(?:\w+\s+){0,3}?(?:offrir|proposer|accorder|consentir|baisser|réduire|"
    r"descendre|appliquer|octroyer)\b|\bpas\s+(?:possible|en\s+mesure)\s+de\s+(?:\w+\s+){0,2}?(?:baisser|réduire|"
    r"accorder|proposer|offrir)\b|"
    # es: "no" before the verb, a modal between
    r"\bno\s+(?:\w+\s+){0,3}?(?:ofrecer|dar|conceder|reducir|rebajar|bajar|aplicar|otorgar|mejorar)\w*\b",
    re.I,
)
_IF_ASKED = re.compile(
    r"\b(?:if|should|falls|wenn|sollte|si|en\s+caso\s+de\s+que|cuando)\b[^.!?:;]{0,60}\b(?:asks?|asked|raises?|raised|"
    r"brings?\s+up|gefragt|fragt|anspricht|angesprochen|nachfragt|demande\w*|évoque\w*|pregunta\w*|pide\w*|"
    r"menciona\w*|plantea\w*)\b",
    re.I,
)
_STAYS = re.compile(
    r"\b(?:price|amount|figure|preis|betrag|prix|montant|tarif|precio|importe)\s+(?:\w+\s+){0,2}?(?:stays?|remains?|"
    r"bleibt|reste|demeure|se\s+mantiene|sigue|queda)\b",
    re.I,
)
"""The price staying where it is ("the price stays at USD 48,000"): with a span it would be a lock
(agents.concepts reads that); here it only answers an ask."""
_GIVES = re.compile(
    r"%|\b(?:prozent|per\s*cent|pour\s*cent|por\s*ciento|unless|es\s+sei\s+denn|außer\s+wenn|sauf\s+si|"
    r"à\s+moins\s+que|a\s+menos\s+que|salvo\s+que|"
    # a refusal narrowed to a way of giving it ("nicht schriftlich anbieten, nur mündlich", "not in writing"): it is
    # given another way
    r"nur|only|seulement|uniquement|solo|sólo|solamente|schriftlich|in\s+writing|par\s+écrit|por\s+escrito|"
    r"mündlich|orally|verbally|oralement|de\s+palabra|officially|offiziell|officiellement|oficialmente)\b",
    re.I,
)
_TURN = re.compile(r"\b(?:but|however|instead|and|plus|also|aber|jedoch|dafür|stattdessen|sondern|und|auch|mais|cependant|"
                   r"en\s+revanche|par\s+contre|et|aussi|pero|sin\s+embargo|en\s+cambio|y|también)\b", re.I)
"""What may follow a refusal with something given in its place ("but the first month is on us", "and the setup fee is
dropped"): the words after it are read for a concession."""
_CONCESSION = re.compile(
    r"\b(?:discount\w*|rabatt\w*|nachlass\w*|remise\w*|rabais|réduction\w*|descuento\w*|rebaja\w*|lower|cheaper|"
    r"günstiger|moins\s+cher|más\s+barato|free|gratis|kostenlos|gratuit\w*|offert\w*|regal\w*|waive\w*|credit\w*|"
    r"gutschrift\w*|avoir|bonus|extra|months?|monate?|mois|mes(?:es)?|off|on\s+us|on\s+the\s+house|dropped|removed|"
    r"entfällt|erlassen|geschenkt|supprimée?s?|eliminad[oa]s?|cubiert[oa]s?|covered|absorb\w*)\b",
    re.I,
)
def declined_price(sentence: str) -> bool:
    """Whether `sentence` declines a lower price or a discount and gives nothing in its place."""
    said = _REFUSAL.search(sentence) or (_IF_ASKED.search(sentence) and _STAYS.search(sentence))
    if not said or _GIVES.search(sentence):
        return False
    turn = _TURN.search(sentence, said.end())
    return not (turn and _CONCESSION.search(sentence, turn.end()))


def declined_price_at(text: str, at: int) -> bool:
    """Whether the sentence of `text` that holds position `at` declines a lower price (a ";" does not end it)."""
    start, end = sentence_around(text, at)
    return declined_price(text[start:end])
