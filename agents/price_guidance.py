"""A rep's guidance NOT to talk price (issue 11, wave 26, set 35's de-g3, fr-g3, es-g3): "Nicht: über Preisnachlässe
sprechen.", "Éviter : parler de remise.", "Evitar: hablar de descuentos." are a call script's own rule to keep price
off the call. They state no price, offer no discount and promise nothing, so agents.price_talk must not read them as
price talk the record does not anchor.

What still is price talk: anything that states a figure, a percentage or a moved price ("Don't worry about the price:
20% off", "no need to discuss the discount, it's 15%", "don't mention the free months we add"), and a negation that
governs something other than talking ("don't pay until March", "kein Rabatt nötig, Sie zahlen weniger"). So a sentence
passes only when it is, as a whole, a negated instruction whose verb is one of talking or offering and whose object is
the price or the discount, with at most a short condition after it ("before Tom has seen the proposal").

Wave 27 (set 36's en-g4, de-g4, fr-g4, es-g4): the same rule in a softer label and with whose initiative it is
("Lieber nicht: von sich aus über Preisabschläge reden", "À ne pas faire : ouvrir de nous-mêmes une discussion sur une
baisse de prix", "Mejor no: sacar por iniciativa propia rebajas de precio", "Don't: bring up price cuts"). The label
may hold its negation anywhere ("Better not:", "Mieux vaut ne pas :"), an adverb of initiative ("yourself", "von sich
aus", "de nous-mêmes", "por iniciativa propia") is read as no word at all (so "nous" in it states no party), and a cut
of the price is a price noun. `without_price_guidance` takes such lines out before the commercial checks read a text:
a line that passes here states no term, so none of those checks has anything to find in it.
"""

from __future__ import annotations

import re

from agents.refused_price_talk import refused_price_talk

_NEGATION = (r"(?:do not|don't|never|avoid\w*|not|no need to|leave out|leave aside|skip|steer clear of|stay away from|"
             r"weglassen|auslassen|laisser de côté|écarter|dejar (?:fuera|de lado)|omitir|"
             r"nicht|keine?[nrs]?|niemals|nie|vermeide\w*|"
             r"évite\w*|ne pas|ne jamais|jamais|pas de|"
             r"evit\w*|no|nunca|sin)")
_LABEL = r"(?:[\w' ]{0,20}:\s*)?"
"""A script's label before the rule ("Avoid on the call:")."""
_SOFT_LABEL = rf"(?:[\w']+\s+){{0,2}}?{_NEGATION}(?:\s+[\w']+){{0,2}}?\s*:\s*"
"""A label that holds the negation itself: "Lieber nicht:", "Better not:", "Mieux vaut ne pas :", "À ne pas faire :",
and (wave 30) one that starts with it, "No hacer:", "Never do:"."""
_OWN_INITIATIVE = re.compile(
    r"\b(?:yourself|ourselves|on (?:our|your) own(?: initiative)?|unprompted|unasked|proactively|of (?:our|your) own accord|"
    r"von sich aus|von uns aus|selbst|selber|unaufgefordert|proaktiv|"
    r"de (?:nous|vous|soi)-mêmes?|de (?:notre|votre|sa) propre initiative|spontanément|d'emblée|"
    r"por (?:iniciativa|cuenta) propia|por (?:nuestra|su) (?:cuenta|iniciativa)|de motu propio|motu proprio|de entrada)\b",
    re.I)
"""Whose initiative the talk would be: it narrows the rule, it names no party to a price."""
_TALK = (r"(?:talk(?:ing)?|discuss(?:ing)?|mention(?:ing)?|rais(?:e|ing)|bring(?:ing)? up|get(?:ting)? into|"
         r"negotiat(?:e|ing)|offer(?:ing)?|promis(?:e|ing)|"
         r"sprechen|reden|ansprechen|erwähnen|diskutieren|verhandeln|anbieten|versprechen|thematisieren|"
         r"parler|aborder|évoquer|mentionner|discuter|négocier|proposer|offrir|promettre|"
         r"(?:ouvrir|lancer|entamer) (?:une |la )?(?:discussion|conversation|sujet)|anschneiden|aufbringen|"
         r"hablar|mencionar|sacar|tratar|discutir|negociar|ofrecer|prometer|abordar|"
         # wave 30 (set 39's de-g9, fr-g9, es-g9): the promise as a noun, "Zusagen zu Preis", "toute promesse de prix",
         # "compromisos de precio"
         r"promises?|commitments?|zusagen?|versprechungen|promesses?|engagements?|compromisos?|promesas?)")
_ANY = (r"(?:(?:any|all|toute?s?|tout|jegliche\w*|irgendwelche\w*|cualquier|tod[oa]s?)\s+"
        r"(?:(?:les|los|las)\s+)?)?")
"""A quantifier before the talk: "any talk of", "toute promesse de", "cualquier compromiso de"."""
_PRICE = (r"(?:(?:the |any |a |our |of |about |on |über |den |die |das |einen? |le |la |les |de |d'|du |des |sur |"
          r"el |los |las |del |un |una |unas |une |ningún |ninguna |sobre |tema del? |zu |zum |zur |bei |to |"
          # wave 30 (set 39's en-g4, "Do not: offer a lower price"): the moved price the rep must not offer
          r"lower |better |cheaper |reduced |niedrigere[nr]? |günstigere[nr]? |bessere[nr]? )*"
          r"(?:price|prices|pricing|discounts?|rebates?|money|\w*preis\w*|rabatt\w*|nachl[äa]ss\w*|"
          r"prix|tarifs?|remises?|rabais|ristournes?|baisses?|réductions?|precios?|tarifas?|descuentos?|rebajas?|bajadas?|"
          # wave 28 (set 37's en-g5, "Leave out: any talk of lowering the price"): the cut as a verb
          r"(?:lowering|cutting|reducing|dropping)\s+(?:the\s+|our\s+|its\s+)?(?:price|prices|pricing)))")
_GUIDANCE = re.compile(
    rf"^\W*{_LABEL}{_NEGATION}\s*:?\s*(?:to\s+)?{_ANY}{_TALK}\s+{_PRICE}\b|"  # "Do not: talk price", "Évitez : parler de remise"
    rf"^\W*{_LABEL}{_NEGATION}\s*:?\s*{_PRICE}\s+{_TALK}\b|"
    rf"^\W*{_SOFT_LABEL}(?:to\s+)?{_ANY}(?:{_TALK}\s+{_PRICE}|{_PRICE}\s+{_TALK})\b|"  # "Nicht: über Preisnachlässe sprechen"
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
    sentence = re.sub(r"\s{2,}", " ", _OWN_INITIATIVE.sub(" ", sentence))
    m = _GUIDANCE.search(sentence)
    if m is None:
        return refused_price_talk(sentence)  # wave 36: "Keine Preisverhandlung", "We will not discuss discounts"
    rest = sentence[m.end():]
    if len(re.findall(r"\w+", rest)) > _TAIL_MAX_WORDS:
        return False
    # wave 30: the moved price the rule names ("Do not: offer a lower price") is its object, not a term it states;
    # a figure or a party outside it still is ("Don't: offer a lower price than 20% off")
    return not _STATES_SOMETHING.search(sentence[: m.start()] + " " + rest) and not _FIGURE.search(sentence)


_LINE = re.compile(r"[^\n.!?]*(?:[.!?]+|\n|$)")


def _blanked(line: str) -> str:
    """A line with its guidance blanked: the whole line, or (wave 28) the clause before a semicolon when what follows
    it states no figure ("Leave out: any talk of lowering the price; the proposal speaks to Marcus's question")."""
    if not line.strip():
        return line
    if no_price_talk_guidance(line):
        return "\n" if line.endswith("\n") else " "
    head, semicolon, tail = line.partition(";")
    if semicolon and not _SHARE.search(tail) and no_price_talk_guidance(head):
        # wave 30 (set 39's en-g9, "Avoid: any talk of a discount; the total stays at GBP 24,000"): an amount after
        # the semicolon stays in the text and is checked as any amount is; a share there may be the discount the
        # guidance names ("don't mention it; it's 15%"), so the line is kept whole
        return " " + semicolon + tail
    if semicolon and not _SHARE.search(head) and not _FIGURE.search(head) and no_price_talk_guidance(tail.strip()):
        # wave 36 (set 45's en-g5, "- Agree the next step; do not discuss price changes on the call."): the rule after
        # the semicolon is blanked and the step before it is still read
        return head + semicolon + ("\n" if line.endswith("\n") else " ")
    return line


_SHARE = re.compile(r"%|\bper ?cent\b|\bprozent\b|\bpour ?cent\b|\bpor ?ciento\b|\b(?:half|a third|a quarter|a tenth|"
                    r"hälfte|drittel|viertel|zehntel|moitié|tiers|quart|dixième|mitad|tercio|cuarto|décimo)\b", re.I)
"""A share of the price, in figures or in words."""
_FIGURE = re.compile(r"\d\s*%|%|\bper ?cent\b|\bprozent\b|\bpour ?cent\b|\bpor ?ciento\b|[$€£]|"
                     r"\b(?:usd|eur|gbp|chf)\b", re.I)
"""A share or an amount: after a semicolon it may be the discount the guidance names ("don't mention it; it's 15%")."""


def without_price_guidance(text: str) -> str:
    """`text` with each sentence or script line that is guidance not to talk price blanked (its line breaks kept)."""
    # wave 36: "nous ne parlerons pas de prix", "aucune discussion sur les remises" (agents.refused_price_talk)
    if not _NEGATION_CUE.search(text) and not re.search(r"\b(?:ne|aucune?|ning[uú]n\w*|nada)\b", text, re.I):
        return text
    return _LINE.sub(lambda m: _blanked(m.group(0)), text)


_NEGATION_CUE = re.compile(rf"\b{_NEGATION}", re.I)
