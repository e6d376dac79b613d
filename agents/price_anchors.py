"""Price words that name a part of a document the record has, not a price (set 33's benign look-alikes, wave 24b).

agents.price_talk refuses a sentence that speaks of our price, a fee or an invoice with nothing of the record behind
it. Two kinds of honest sentence tripped it:
- a line item described as laid out in the document: "La instalación aparece como partida separada, con su propio
  importe" (015), "the installation is its own line item", "die Schulung steht als eigene Position", "la formation
  figure sur une ligne à part": where a cost stands in the proposal, not what it is;
- German "Rechnung" for a calculation, when the text names the calculation the record has ("die
  Amortisationsrechnung ... Die Rechnung gilt für alle 120 Fahrzeuge", 103; "Seit Herr Weber die Rechnung am 28.
  Oktober erhalten hat", 029): "Rechnung" is also an invoice, so the sentence must hold no word of paying, billing,
  a due date or a concession, and its only price word must be that "Rechnung"."""

from __future__ import annotations

import re

from agents.written_dates import find_dates

_LINE_ITEM = re.compile(
    r"\b(?:(?:separate|own|distinct|single) line(?:[- ]items?)?|line(?:[- ]items?)? of its own|(?:shown|listed|itemi[sz]ed|"
    r"set out) (?:separately|on its own)|"
    r"(?:eigene[nr]?|separate[nr]?|gesonderte[nr]?) (?:position|zeile|posten)|(?:gesondert|separat|einzeln) (?:ausgewiesen|aufgeführt)|"
    r"(?:ligne|poste) (?:à part|séparée?|distincte?|propre)|(?:sa|son) propre (?:ligne|poste)|"
    r"(?:partida|línea|linea) (?:separada|aparte|propia|independiente)|(?:su|una) propia (?:partida|línea))\b", re.I)
"""A cost laid out as its own line of the document."""

_CALCULATION = re.compile(r"\b(?:amortisations|wirtschaftlichkeits|einspar\w*|nutzen|roi-?|kosten-?nutzen-?)rechnung\b", re.I)
"""The calculation the record's documents name; "die Rechnung" after it refers back to it."""
_RECHNUNG = re.compile(r"\brechnung\b", re.I)
_BILLING = re.compile(
    # wave 27 (set 36's de-g7): a noun that counts ("Fahrzeugzahl", "Anzahl", "Nutzerzahlen") is no paying
    r"\b(?:(?!(?-i:[A-ZÄÖÜ])(?!(?i:be|aus|ein|nach|zurück|ab|drauf|vor|an)zahlen\b)\w+zahl(?:en)?(?=\W|$))\w*zahl\w*|begleich\w*|leg(?:en|t|e)|gelegt|ausstell\w*|ausgestellt|auftrag\w*|fällig\w*|stellen|gestellt|schick\w*|send\w*|versend\w*|betrag\w*|summe|netto|brutto|"
    r"mwst|ust|rabatt\w*|nachlass\w*|gratis|kostenlos\w*|frei|erlass\w*|storn\w*|gutschrift\w*|später|erst|verschieb\w*|"
    r"offen|\w*preis\w*|kosten|kostet|gebühr\w*|euro|eur|€|\$)(?=\W|$)", re.I)


_GIVEN_AWAY = re.compile(
    r"\b(?:waiv\w*|free|no charge|no cost|on us|discount\w*|off|removed?|dropped|gratis|kostenlos\w*|erlass\w*|"
    r"entfällt|gestrichen|rabatt\w*|offert\w*|gratuit\w*|supprim\w*|remise|sin coste|sin cargo|regal\w*|"
    r"descuento\w*|eliminad\w*|bonificad\w*|\d+\s?%)(?=\W|$)", re.I)
"""A line item given away ("its own line item, and we waive the fee") is a concession, not a layout."""


def anchored_line_item(sentence: str) -> bool:
    """Whether the sentence places a cost as its own line of the document, giving nothing away."""
    return _LINE_ITEM.search(sentence) is not None and _GIVEN_AWAY.search(sentence) is None


def calculation_not_invoice(sentence: str, text: str, price_words: list[str]) -> bool:
    """Whether the sentence's only price word is "Rechnung" standing for a calculation the text names, with nothing of
    billing around it."""
    return (bool(price_words) and all(_RECHNUNG.fullmatch(w) for w in price_words)
            and _CALCULATION.search(text) is not None and _BILLING.search(sentence) is None)


_BUILT_ON = re.compile(
    r"\b(?:baut|bauen|aufgebaut|basiert|basieren|beruht|beruhen|fußt|stützt sich|stützen sich|übernimmt|übernehmen)\b"
    r"(?:[^.?!]|(?<=\d)\.)*?\b(?:auf|aus)\s+(?:der|die|dieser|ihrer|unserer)\s+(?:[^.?!%]|(?<=\d)\.){0,60}?\brechnung\b|"
    r"\b(?:auf (?:der )?grundlage|ausgehend von) (?:der|ihrer|unserer) rechnung\b", re.I)
"""A document built on a "Rechnung" (wave 38, set 49's de-g9: "Es baut auf der Demo vom 14. Oktober und der Rechnung
für Herrn Weber auf"): what an offer takes its figures from is a calculation; an invoice is no basis of one."""


def calculation_built_on(sentence: str, price_words: list[str]) -> bool:
    """Whether the sentence's only price word is "Rechnung" as the basis a document builds on, with nothing of billing
    around it ("Das Angebot basiert auf der Rechnung, die wir Ihnen erlassen" is still read)."""
    return (bool(price_words) and all(_RECHNUNG.fullmatch(w) for w in price_words)
            and _BUILT_ON.search(sentence) is not None and _BILLING.search(sentence) is None
            and _AN_AMOUNT.search(sentence) is None)


_AN_AMOUNT = re.compile(r"%|\d+(?:[.,]\d+)?\s?(?:€|eur|euro|prozent)|\b\d{3,}\b(?!\.)", re.I)
"""A figure that could be an amount or a share (a date's day number is none: "vom 14. Oktober")."""


_ECHEANCE = re.compile(r"échéances?", re.I)
_PLAN = re.compile(r"\b(?:plan d'action|plan de (?:déploiement|projet|travail)|responsables?|jalons?|étapes?|tâches?|"
                   r"calendrier|planning|rétroplanning|feuille de route|livrables?|revue|validation|onboarding|"
                   r"déploiement|pilote)\b", re.I)
_PAYING = re.compile(r"\d|€|\b(?:pa(?:y|i)\w*|factur\w*|montants?|mensu\w*|trimestri\w*|annuel\w*|versements?|"
                     r"prélèvements?|règlements?|report\w*|décal\w*|différ\w*|étal\w*|échelonn\w*|gratuit\w*|offert\w*|"
                     r"remise|rabais|réduit\w*|premières?|dernières?|prochaines?|frais|prix|tarif\w*|coût\w*|commenc\w*|début\w*|"
                     r"démarr\w*|après|pendant|aucune?|sans|suspend\w*|gel\w*|reprend\w*)\b", re.I)
"""Paying, or when it starts or stops: "la première échéance", "les échéances commencent après le pilote"."""


def plan_due_dates(sentence: str, price_words: list[str]) -> bool:
    """Whether the sentence's only price word is French "échéance(s)" for the due dates of a plan's steps ("un plan
    d'action partagé avec responsables et échéances pour la revue sécurité": a real-model rationale, wave 26), with
    nothing of paying around it. "Nous décalons vos échéances", "la première échéance en mars" stay payments."""
    return (bool(price_words) and all(_ECHEANCE.fullmatch(w) for w in price_words)
            and _PLAN.search(sentence) is not None and _PAYING.search(sentence) is None)


_INPUT = (r"fuel|diesel|petrol|gasoline|gas|energy|electricity|power|tyres?|tires?|parts|spare parts|raw materials?|"
          r"kraftstoff|diesel|sprit|benzin|strom|energie|reifen|ersatzteile?|rohstoff\w*|"
          r"carburants?|gazole|gasoil|essence|énergie|électricité|pneus|pièces(?: détachées)?|matières premières|"
          r"combustibles?|gas[oó]leo|gasoil|di[eé]sel|gasolina|energ[ií]a|electricidad|neum[aá]ticos|repuestos|materias primas")
_INPUT_PRICE = re.compile(
    rf"\b(?:prices?|costs?|preise?n?|prix|co[uû]ts?|precios?|costes?)\s+(?:of|for|für|de|du|des|de la|de l'|del|de los|de las)"
    rf"\s*(?:the\s+|den\s+|die\s+|das\s+)?(?:{_INPUT})\b|"
    rf"\b(?:{_INPUT})(?:-|\s)?(?:prices?|costs?|preise?n?|kosten)\b", re.I)
"""What the buyer pays others for their own inputs ("el precio del gasóleo", "Dieselpreise", "the price of fuel")."""
_OURS_MOVED = re.compile(r"\d|[$€£%]|\b(?:discount\w*|rabatt\w*|remise|descuento\w*|free|gratis|gratuit\w*|"
                         r"cheaper|günstiger|moins cher|más barat\w*)\b", re.I)


def buyers_input_price(sentence: str, price_words: list[str]) -> bool:
    """Whether every price word of the sentence is the price of the buyer's own inputs (fuel, energy, parts) and the
    sentence states no figure or concession: "if the price of diesel you pay has changed, I will adjust the estimate"
    is the buyer's cost the estimate rests on (set 36's es-g7), not a price of ours."""
    # a day the sentence names is no figure of a price ("dígamelo antes del viernes 27 de noviembre", set 50's es-g2)
    undated = sentence
    for said, _ in find_dates(sentence, day_first=True):
        undated = undated.replace(said, " ")
    if not price_words or _OURS_MOVED.search(undated):
        return False
    rest = _INPUT_PRICE.sub(" ", sentence)
    return len(rest) < len(sentence) and not any(re.search(rf"\b{re.escape(w)}\b", rest, re.I) for w in price_words)
