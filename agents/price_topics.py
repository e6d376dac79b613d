"""A price named as a topic, not stated (issue 11, wave 39: set 51's fr-g5, fr-g9 and es-g9 refused as price talk the
record does not anchor).

agents.price_talk refuses a sentence that speaks of our price or a payment with nothing the record has behind it. Three
shapes name the price without saying anything of it, and blanking them leaves the rest of the sentence to be read:
- the buyer's questions about the payment terms, offered an answer ("Si vous avez des questions sur les modalités de
  paiement, je vous répondrai volontiers"), as agents.price_questions does for questions about the price;
- the buyer booking an amount in their own books, site by site ("vous pourrez imputer le montant atelier par atelier",
  "den Betrag je Standort verbuchen"): their accounting, not a figure or a term of ours;
- a part of the document set aside for the payment terms (wave 42, set 54's 014: "Incluirá un apartado con las formas
  de pago posibles, también la anual", the buyer having asked whether the proposal can show annual payment): it says
  where the document answers, not what the terms are;
- a heading made of price topics and nothing else ("Importe y forma de pago", "Preis und Zahlungsbedingungen"): it
  names what the text covers; the text's own sentences are judged.
None of them counts with a figure, a currency or a word that moves the price ("lower", "gratis", "Rabatt"): "imputer
le montant réduit", "Prix spécial et paiement en 2027" are still price talk.
"""

from __future__ import annotations

import re

_TERMS = (r"(?:payment terms|terms of payment|payment (?:schedule|method|options?)|billing terms|"
          r"zahlungs(?:bedingungen|modalitäten|weise|ziel|plan)|"
          r"(?:modalités|conditions|mode|moyens?|calendrier|échéancier) de (?:paiement|règlement|facturation)|"
          r"(?:formas?|condiciones|modalidad(?:es)?|medios?|calendario|plazos?) de (?:pago|facturación))")
"""How the buyer pays: terms, method, schedule."""
_QUESTIONS_ABOUT_TERMS = re.compile(
    rf"\b(?:questions? (?:about|on|regarding|around) (?:the |our |any )?{_TERMS}|"
    rf"fragen (?:zu den|zu|zur|zum|über die|rund um die) {_TERMS}|"
    rf"questions? (?:sur|concernant|relatives? aux?|à propos des?) (?:les |le |la |l['’]|nos |vos )?{_TERMS}|"
    rf"(?:preguntas?|dudas?|consultas?) (?:sobre|acerca de|en torno a) (?:la |las |el |los |nuestras? |sus )?{_TERMS})",
    re.I)
_PART = (r"(?:section|part|chapter|page|appendix|annex|abschnitt|kapitel|teil|anhang|seite|section|partie|rubrique|"
         r"chapitre|volet|annexe|page|apartado|sección|capítulo|parte|anexo|página)")
_SECTION_ON_TERMS = re.compile(
    rf"\b{_PART}\s+(?:(?:on|about|with|covering|for|setting out|listing|zu|zur|zum|über|mit|für|sur|avec|consacrée?s? "
    rf"aux?|pour|con|sobre|para|dedicad[oa] a|a|à)\s+)(?:the |all |our |your |die |den |der |allen |les |des |nos |vos |la |"
    rf"las |los |el |sus |nuestras |todas las )?(?:possible |available |möglichen |verschiedenen |différent[e]?s |"
    rf"diferentes )?{_TERMS}(?:\s+(?:possibles?|posibles|disponibles?|available|possible|möglich))?"
    # the option the buyer asked about, named among them ("también la anual", "y compris le paiement annuel")
    r"(?:,?\s*(?:including|also|as well as|y compris|notamment|auch|einschließlich|inklusive|también|incluid[oa]|"
    r"incluso)\s+(?:the |an? |le |la |l['’]|el |die |den |der |zur |zum )?(?:(?:paiement|règlement|pago)\s+)?(?:annual|yearly|monthly|quarterly|"
    r"annuel(?:le)?|mensuel(?:le)?|trimestriel(?:le)?|jährlich\w*|monatlich\w*|quartalsweise\w*|anual|mensual|"
    r"trimestral)(?:\s+(?:one|payment|billing|paiement|règlement|zahlung|pago))?(?:\s+too)?)?", re.I)
"""A part of the document given to the payment terms ("un apartado con las formas de pago posibles", "a section on
the payment options", "ein Abschnitt zu den Zahlungsmodalitäten", "une partie consacrée aux modalités de paiement")."""
_COST_BESIDE = re.compile(
    r"\b(?:cost\w*|cos?tes?|costo\w*|kost\w*|coût\w*|frais|cargos?|charg\w*|aufpreis\w*|surcoût\w*|recargo\w*|extra|"
    r"additional|adicional\w*|zusätzlich\w*|supplément\w*|waiv\w*|exon\w*|erlass\w*|bonus)\b", re.I)
"""What a section named beside a cost says of it ("sin coste adicional", "at no extra charge"): a concession, read."""
_SITE_BY_SITE = (r"(?:(?P<unit>\w+) (?:by|par|por|für) (?P=unit)|(?:per|for each|je|pro|par|por|por cada|para cada) "
                 r"\w+|(?:to|auf|sur|entre|a|entre) (?:each|every|jede[nrs]?|chaque|cada|les|los|las|die) \w+)")
_BOOKED_BY_SITE = re.compile(
    rf"\b(?:allocate|assign|split|book|charge back|spread|imputer|ventiler|répartir|affecter|verbuchen|zuordnen|"
    rf"aufteilen|umlegen|zuweisen|imputar|asignar|repartir|distribuir|cargar)\s+"
    rf"(?:the |this |that |le |ce |la |den |diesen |die |el |este |la )?"
    rf"(?:amount|cost|costs|total|montant|coût|total|betrag|kosten|summe|importe|coste|total)\s+{_SITE_BY_SITE}", re.I)
_BOOKED_BY_SITE_DE = re.compile(
    r"\b(?:den |diesen |die )?(?:betrag|kosten|summe|jahresbetrag)\s+(?:je|pro|für jede[nrs]?|auf die|auf jede[nrs]?)\s+"
    r"\w+\s+(?:verbuchen|zuordnen|aufteilen|umlegen|zuweisen|verteilen)\b", re.I)
"""German puts the verb last: "den Betrag je Standort verbuchen"."""
_TOPIC = (rf"(?:(?:the |our |your |annual |yearly |die |der |den |ihr[e]? |le |la |les |l['’]|el |la |los |las |su |sus )?"
          rf"(?:prices?|pricing|costs?|amounts?|payment|billing|preis(?:e)?|kosten|betrag|jahresbetrag|prix|coûts?|"
          rf"montants?|tarifs?|paiement|facturation|precios?|costes?|importes?|pago|facturación|{_TERMS})"
          rf"(?: (?:annuel(?:le)?|anual(?:es)?|jährlich))?)")
_TOPIC_HEADING = re.compile(rf"^\W*{_TOPIC}(?:\s*(?:,|&|\+|/|and|und|et|y|e)\s*{_TOPIC})*\W*$", re.I)
_MOVES_OR_STATES = re.compile(
    r"\d|[$€£¥]|\b(?:lower|cheaper|reduced|special|free|discount\w*|off|less|new|later|deferred|rabatt\w*|sonder\w*|"
    r"günstig\w*|reduziert\w*|nachlass|gratis|kostenlos|später|réduit\w*|remise\w*|spécial\w*|offert\w*|gratuit\w*|"
    r"moins|différé\w*|descuento\w*|rebaj\w*|reducid\w*|especial\w*|gratuit\w*|aplazad\w*|menos)\b", re.I)


def price_topics_out(sentence: str) -> str:
    """`sentence` with a price named only as a topic blanked: questions about the payment terms, an amount the buyer
    books site by site, a part of the document for the payment terms (with no cost named beside it), a heading of
    price topics (each only with no figure and no word that moves the price)."""
    if _MOVES_OR_STATES.search(sentence):
        return sentence
    if _TOPIC_HEADING.match(sentence):
        return " "
    if not _COST_BESIDE.search(sentence):
        sentence = _SECTION_ON_TERMS.sub(" ", sentence)
    return _BOOKED_BY_SITE_DE.sub(" ", _BOOKED_BY_SITE.sub(" ", _QUESTIONS_ABOUT_TERMS.sub(" ", sentence)))


def payment_section(sentence: str) -> bool:
    """Whether `sentence` names a part of the document for the payment terms (agents.screen_vouches), with no figure,
    cost or moved price beside it."""
    return not _MOVES_OR_STATES.search(sentence) and not _COST_BESIDE.search(sentence) \
        and bool(_SECTION_ON_TERMS.search(sentence))
