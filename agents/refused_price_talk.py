"""Price talk named only to be ruled out (issue 11, wave 36: set 45's en-g5 "- Agree the next step; do not discuss
price changes on the call." and de-g5 "4. Keine Preisverhandlung am Telefon.", both refused as price talk).

agents.price_guidance reads a script's rule not to talk price when a verb of talking governs the price ("Nicht: über
Preisnachlässe sprechen"). The same rule comes as a noun ("Keine Preisverhandlung", "No price talk on the call", "Pas
de négociation tarifaire", "Sin negociación de precios") and as our own first-person future ("We will not discuss
discounts on the call", "Wir werden am Telefon nicht über Preise sprechen", "Nous ne parlerons pas de prix", "No
hablaremos de descuentos"). Each says that price is not on the agenda: it states no price, moves none and promises
none. What still is price talk: a figure, a share, a currency or a moved price anywhere in the sentence ("no price
talk: it is 20% off anyway"), and a tail longer than a short place or occasion ("on the call", "am Telefon").
"""

from __future__ import annotations

import re

from agents.stance_words import BUT

_PRICE = (r"(?:(?:the|any|our|a|über|den|die|le|la|les|de|du|des|d'|sur|el|los|las|del|sobre|zu|zum|about|of|on)\s+)*"
          r"(?:price|prices|pricing|discounts?|\w*preis\w*|rabatt\w*|nachl[äa]ss\w*|prix|tarifs?|remises?|rabais|"
          r"precios?|tarifas?|descuentos?|rebajas?)")
_TALK_NOUN = (r"(?:talks?|discussions?|negotiations?|haggling|bargaining|conversations?|debates?|"
              r"verhandlung\w*|diskussion\w*|gespräch\w*|debatte\w*|feilsch\w*|"
              r"négociations?|discussions?|marchandage|débats?|"
              r"negociaci(?:ón|ones)|discusi(?:ón|ones)|conversaci(?:ón|ones)|regateo)")
_NOUN_RULE = re.compile(
    rf"^\W*(?:[\w' ]{{0,20}}:\s*)?(?:no|not|never|kein\w*|pas de|aucune?|jamais de|sin|ning[uú]n\w*|nada de)\s+"
    rf"(?:(?:any|jegliche\w*|toute?s?)\s+)?"
    rf"(?:{_PRICE}\s*-?\s*{_TALK_NOUN}|(?:preis|rabatt|konditionen)\w*(?:verhandlung|diskussion|gespräch|debatte)\w*|"
    rf"{_TALK_NOUN}\s+(?:tarifaires?|{_PRICE}))\b", re.I)
"""A negated noun of price talk: "No price talk", "Keine Preisverhandlung", "Pas de négociation tarifaire"."""
_FUTURE_RULE = re.compile(
    rf"^\W*(?:(?:we|i)(?:'ll|\s+will|\s+shall|\s+won't)\s+(?:not\s+)?(?:be\s+)?(?:discuss(?:ing)?|talk(?:ing)?|negotiat(?:e|ing)|"
    rf"go(?:ing)? into|rais(?:e|ing))\s+(?:about\s+)?{_PRICE}|"
    rf"(?:wir|ich)\s+(?:werden|wollen|möchten|werde|will|möchte)\s+(?:\w+\s+){{0,3}}?(?:nicht|keine?\w*)\s+"
    rf"(?:über\s+)?{_PRICE}\s+(?:sprechen|reden|verhandeln|diskutieren)|"
    rf"(?:nous|je)\s+ne\s+(?:parlerons|parlerai|discuterons|discuterai|négocierons|négocierai|aborderons|aborderai)\s+"
    rf"pas\s+(?:de\s+|des\s+|du\s+)?{_PRICE}|"
    rf"no\s+(?:hablaremos|hablaré|negociaremos|negociaré|trataremos|trataré|discutiremos|discutiré)\s+(?:de\s+|sobre\s+)?"
    rf"{_PRICE})\b", re.I)
"""Our own future that rules price out: "We will not discuss discounts", "Nous ne parlerons pas de prix"."""
_WONT = re.compile(r"(?:\bwill|\bshall|'ll)\s+not\b|\bwon't\b|\b(?:nicht|keine?\w*)\b|\bne\b|^\W*no\b", re.I)
_STATES_A_TERM = re.compile(
    r"\d|%|[$€£]|\b(?:per ?cent|prozent|pour ?cent|por ?ciento|usd|eur|gbp|chf|free|off|lower|cheaper|special|waive\w*|"
    r"gratis|kostenlos|günstiger|niedriger|gratuit\w*|offert\w*|moins|réduit\w*|rebajad\w*|reducid\w*|menos|especial|"
    rf"{BUT}|because|weil|car|porque|already|schon|déjà|ya)\b", re.I)
"""A figure, a moved price or a clause of its own: the sentence says more than that price is off the agenda."""
TAIL_MAX_WORDS = 6
"""Words a place or occasion after the rule may have ("on the call with Marcus", "beim Termin am Mittwoch")."""


def refused_price_talk(sentence: str) -> bool:
    """Whether `sentence` as a whole rules price talk out, by a negated noun or our negated future."""
    m = _NOUN_RULE.search(sentence) or _FUTURE_RULE.search(sentence)
    if m is None or (m.re is _FUTURE_RULE and not _WONT.search(m.group(0))):
        return False
    rest = sentence[m.end():]
    return len(re.findall(r"\w+", rest)) <= TAIL_MAX_WORDS and not _STATES_A_TERM.search(sentence)
