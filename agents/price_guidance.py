"""A rep's guidance NOT to talk price (issue 11, wave 26, set 35's de-g3, fr-g3, es-g3): "Nicht: über Preisnachlässe
sprechen.", "Éviter : parler de remise.", "Evitar: hablar de descuentos." are a call script's own rule to keep price
off the call. They state no price, offer no discount and promise nothing, so agents.price_talk must not read them as
price talk the record does not anchor.

What still is price talk: anything that states a figure, a percentage or a moved price ("Don't worry about the price:
20% off", "no need to discuss the discount, it's 15%", "don't mention the free months we add"), and a negation that
governs something other than talking ("don't pay until March", "kein Rabatt nötig, Sie zahlen weniger"). So a sentence
passes only when it is, as a whole, a negated instruction whose verb is one of talking or offering and whose object is
the price or the discount, with at most a short condition after it ("before Tom has seen the proposal").
"""

from __future__ import annotations

import re

_NEGATION = (r"(?:do not|don't|never|avoid(?:ing)?|not|no need to|"
             r"nicht|keine?[nrs]?|niemals|nie|vermeiden|"
             r"éviter|ne pas|ne jamais|jamais|pas de|"
             r"evitar|no|nunca|sin)")
_TALK = (r"(?:talk(?:ing)?|discuss(?:ing)?|mention(?:ing)?|rais(?:e|ing)|bring(?:ing)? up|get(?:ting)? into|"
         r"negotiat(?:e|ing)|offer(?:ing)?|promis(?:e|ing)|"
         r"sprechen|reden|ansprechen|erwähnen|diskutieren|verhandeln|anbieten|versprechen|thematisieren|"
         r"parler|aborder|évoquer|mentionner|discuter|négocier|proposer|offrir|promettre|"
         r"hablar|mencionar|sacar|tratar|discutir|negociar|ofrecer|prometer|abordar)")
_PRICE = (r"(?:(?:the |any |a |our |of |about |on |über |den |die |das |einen? |le |la |les |de |d'|du |des |sur |"
          r"el |los |las |del |un |una |ningún |ninguna |sobre |tema del? )*"
          r"(?:price|prices|pricing|discounts?|rebates?|money|\w*preis\w*|rabatt\w*|nachl[äa]ss\w*|"
          r"prix|tarifs?|remises?|rabais|ristournes?|precios?|tarifas?|descuentos?|rebajas?))")
_GUIDANCE = re.compile(
    rf"^\W*(?:[\w' ]{{0,20}}:\s*)?{_NEGATION}\s*:?\s*(?:to\s+)?{_TALK}\s+{_PRICE}\b|"  # "Do not: talk price", "Évitez : parler de remise"
    rf"^\W*(?:[\w' ]{{0,20}}:\s*)?{_NEGATION}\s*:?\s*{_PRICE}\s+{_TALK}\b|"  # "Nicht: über Preisnachlässe sprechen"
    rf"^\W*{_PRICE}\s+(?:\w+\s+)?{_NEGATION}\s+{_TALK}\b",  # "Rabatte nicht ansprechen", "Über den Preis nicht reden"
    re.I)
_STATES_SOMETHING = re.compile(
    r"\d|%|\bper ?cent\b|\bprozent\b|\bpour ?cent\b|\bpor ?ciento\b|[$€£]|"
    r"\b(?:we|our|us|you|your|wir|unser\w*|ihnen|ihr\w*|nous|notre|nos|vous|votre|vos|nosotros|nuestr\w*|usted\w*|su|sus|"
    r"free|off|lower|cheaper|special|waive\w*|gratis|kostenlos|günstiger|niedriger|gratuit\w*|offert\w*|moins|réduit\w*|"
    r"rebajad\w*|reducid\w*|menos|especial)\b", re.I)
"""A figure, a percentage, a currency, a moved price or a party it is for: the sentence says more than "do not"."""
_TAIL_MAX_WORDS = 8
"""Words a short condition after the guidance may have ("before Tom has seen the proposal")."""


def no_price_talk_guidance(sentence: str) -> bool:
    """Whether `sentence` is, as a whole, guidance not to talk about or offer a price or discount."""
    m = _GUIDANCE.search(sentence)
    if m is None:
        return False
    rest = sentence[m.end():]
    if len(re.findall(r"\w+", rest)) > _TAIL_MAX_WORDS:
        return False
    return not _STATES_SOMETHING.search(sentence)
