"""The day we promise to deliver a document ("Vous recevrez la proposition le vendredi 27 novembre", "Le envío la
propuesta el viernes 27 de noviembre", "I'll send the proposal on Friday, November 27"): the seller's own commitment,
like a proposed meeting day, not a fact the inputs must give (issue 11, wave 16: benign dates refused on main).

Only a sentence in which we send, or the buyer receives, a document we write counts, with no signature, condition or
request in it: "please send the signed proposal back by Friday 27" is a term set for the buyer, and stays a date the
record must give. The day must be a business day after the send day, within DELIVERY_HORIZON_DAYS.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from agents.calendar_days import resolve_day
from agents.delivery_wording import says_delivery
from agents.facts import find_dates
from agents.normalize import normalise
from agents.sentence_ends import clause_parts

DELIVERY_HORIZON_DAYS = 14
"""How far ahead a promised delivery may be: a proposal promised for next month is no longer this conversation's."""
_WE_SEND = re.compile(
    r"\b(?:i(?:'ll| will)?|we(?:'ll| will)?)\s+(?:\w+\s+)?(?:send|deliver|share|get)\b|"
    # a plan to send is a promise of its day too ("I plan to send the proposal in the first week of January")
    r"\b(?:i|we)\s+(?:plan|intend|expect|aim|hope|want)\s+to\s+(?:send|deliver|share|get)\b|"
    r"\b(?:ich|wir)\s+schaffen?\b|\bschaffen?\s+(?:ich|wir)\b|\byou(?:'ll| will)\s+(?:both\s+|all\s+)?(?:receive|have|"
    r"get)\b|\b(?:will|'ll)\s+be\s+with\s+you\b|\b(?:ich|wir)\s+(?:schicke|sende|schicken|senden|liefere|liefern)\b|"
    # the document arriving is our delivery too ("the proposal will reach you on Friday", set 30's en-g1)
    r"\b(?:will|'ll)\s+reach\s+you\b|\bvous\s+parviendra\b|\berreicht\s+sie\b|"
    r"\b(?:schicke|sende|liefere|schicken|senden|liefern)\s+(?:ich|wir)\b|\b(?:erhalten|bekommen)\s+sie\b|\b(?:je|nous)\s+vous\s+(?:envoie|envoyons|enverrai|enverrons|transmets|"
    r"transmettrai|adresse|adresserai)\b|\bvous\s+(?:recevrez|aurez)\b|\b(?:le|les)\s+(?:envío|enviaré|mando|mandaré|"
    r"hago llegar|haré llegar)\b|\b(?:recibirá|tendrá)\b|\ble\s+llegará\b|"
    # coming back with the document: "wir melden uns ... mit dem Angebot", "I'll get back to you with the proposal"
    r"\b(?:wir|ich)\s+melden?\s+(?:uns|mich)\b|\bget back to you\b|\breviens vers vous\b|\ble (?:escribo|escribiré)\b", re.I)
_DOCUMENT = re.compile(r"\b(?:proposal|quote|offer|draft|outline|plan|summary|angebot\w*|entwurf|unterlagen|zusammenfassung|"
                       r"proposition|devis|offre|brouillon|synthèse|propuesta|presupuesto|oferta|borrador|resumen)\b", re.I)
_OTHERS = r"(?:[\w.-]+\s+){0,2}?[\w.-]+"
"""One to three words naming who else receives it ("Tom", "your team", "Herr Weber", "M. Lefèvre")."""
_IT_ARRIVES = re.compile(
    r"\byou(?:'ll| will)\s+(?:both\s+|all\s+)?(?:receive|have|get)\s+(?:it|them)\b|\b(?:erhalten|bekommen)\s+sie\s+(?:es|sie)\b|\bsie\s+(?:erhalten|bekommen)\s+(?:es|sie)\b|"
    r"\bvous\s+(?:l['’]aurez|le\s+recevrez|la\s+recevrez|les\s+aurez|les\s+recevrez)\b|\b(?:lo|la|los|las)\s+(?:tendrá|recibirá)n?\b|"
    # the buyer and a colleague receiving it ("You and Tom will have it by Friday, 27 November", set 37's 002/108)
    rf"\byou\s+and\s+{_OTHERS}(?:\s+will\s+|['’]ll\s+)(?:both\s+|all\s+)?(?:receive|have|get)\s+(?:it|them)\b|"
    rf"\bsie\s+und\s+{_OTHERS}\s+(?:erhalten|bekommen|haben)\s+(?:es|sie|das\s+angebot|den\s+entwurf)\b|"
    rf"\bvous\s+et\s+{_OTHERS}\s+(?:l['’]aurez|le\s+recevrez|la\s+recevrez|les\s+aurez|les\s+recevrez)\b", re.I)
"""The document said by a pronoun after the sentence that names it ("I am setting out both waves ... You will both have
it by Friday, 27 November", set 32's 118): the buyer receiving "it" is our delivery."""
_NOT_OURS = re.compile(r"\b(?:sign\w*|countersign\w*|unterschr\w*|unterzeichn\w*|sign[ée]\w*|firm\w*|please|bitte|merci de|"
                       r"por favor|if|wenn|falls|si|back|zurück|retour|de vuelta|"
                       # a day said to be agreed before is a claim about the record, which the record must bear out
                       r"as (?:agreed|discussed|promised|planned|arranged)|wie (?:vereinbart|besprochen|versprochen)|"
                       r"comme (?:convenu|prévu|promis)|como (?:acordamos|quedamos|hablamos|prometí)|según lo acordado)\b",
                       re.I)


def document_words(clause: str) -> list[str]:
    """The words of a clause that name a document we write (proposal, Angebot, proposition, propuesta ...)."""
    return _DOCUMENT.findall(clause)


def delivers_document(clause: str, *, conditions: bool = False) -> bool:
    """Whether a clause says that we send, or the buyer receives, a document we write (no signature; no condition
    either, unless `conditions`: "je vous l'envoie mi-décembre, si les chiffres sont prêts" still sends it then).
    Wave 38: in every order agents.delivery_wording reads ("Sie erhalten das Angebot", "la propuesta le será enviada"),
    as promised_delivery_days reads it. A contract is no document we write: its day stays one the record must give."""
    if not ((_WE_SEND.search(clause) or says_delivery(clause)) and _DOCUMENT.search(clause)):
        return False
    return conditions or not _NOT_OURS.search(clause)


def promised_delivery_days(text: str, send_day: date) -> frozenset[date]:
    """Business days after the send day on which a sentence promises that we deliver a document."""
    out: set[date] = set()
    for sentence in clause_parts(normalise(text)):  # "30. November" goes on
        # wave 37: the other word orders of a delivery ("Das Angebot geht am 26. November raus", agents.delivery_wording)
        if not ((_WE_SEND.search(sentence) or says_delivery(sentence)) and _DOCUMENT.search(sentence)
                or _IT_ARRIVES.search(sentence)) or _NOT_OURS.search(sentence):
            continue
        for _, (year, month, day) in find_dates(sentence):
            d = resolve_day(year, month, day, send_day)
            if d is not None and send_day < d <= send_day + timedelta(days=DELIVERY_HORIZON_DAYS) and d.weekday() < 5:
                out.add(d)
    return frozenset(out)
