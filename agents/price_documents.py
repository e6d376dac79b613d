"""A pricing document named, not a price stated (issue 11, wave 31: set 40's 097, "It comes as two files: the pricing
and the security annex", refused as price talk). A proposal that comes as several files names its parts; "the pricing
sheet", "das Preisblatt", "la grille tarifaire", "el anexo de precios" are documents the buyer will get, and naming one
says no price. Only the document's name is taken out: a price word left beside it ("the pricing sheet shows you pay
next year") is read as before, and a bare "the pricing" is a document only as an item of a list of the files or parts
("two files: the pricing and the security annex"), not with anything said of it ("the pricing for you")."""

from __future__ import annotations

import re

_DOC = (r"sheets?|files?|annex(?:es)?|appendi(?:x|ces)|schedules?|sections?|documents?|tabs?|parts?|attachments?|"
        r"pdfs?|decks?|spreadsheets?|workbooks?|tables?|overviews?|chapters?|lists?")
_NAMED = re.compile(
    rf"\b(?:pric(?:e|es|ing)|cost)\s+(?:{_DOC})\b|"
    r"\bpreis(?:blatt|blätter|anhang|anlage|teil|übersicht|liste|tabelle|datei|dokument|kapitel|abschnitt)\w*|"
    r"\b(?:anhang|anlage|teil|kapitel|abschnitt)\s+(?:zu den|mit den)\s+preisen\b|"
    r"\b(?:grille|annexe|partie|volet|fiche|section|feuille|fichier|onglet|tableau|document|liste)s?\s+"
    r"(?:tarifaires?|des\s+(?:prix|tarifs)|de\s+prix|prix)\b|"
    r"\b(?:anexo|hoja|archivo|fichero|apartado|parte|tabla|documento|secci[oó]n|pesta[nñ]a|lista)s?\s+de\s+"
    r"(?:precios|tarifas)\b", re.I)
_DOC_WORDS = re.compile(rf"\b(?:{_DOC}|plan|pdfs?|answers|questionnaire|dateien|datei|fichiers?|archivos?)\b", re.I)
_LISTED = re.compile(
    # "the pricing" as an item of a list of parts: after a colon, a comma or "and", before a comma, "and" or the end,
    # or before the verb that says how the parts come
    r"(?:(?<=[:,])|(?<=\band)|(?<=&))\s*(?:the\s+)?pricing(?=\s*(?:,|and\b|&|[.;]|$)|\s+(?:come|comes|go|goes|arrive|"
    r"arrives|travel|travels)\b)", re.I)

TERMS_OF_A_DOCUMENT = re.compile(
    r"\b(?:appl(?:y|ies|ied|ying)|appliqu\w*|aplic\w*|gilt|gelten|anwend\w*|valid|gültig\w*|valable\w*|válid\w*|"
    r"old|older|previous|earlier|last year'?s?|alte[nrs]?|vorjahr\w*|bisherige\w*|ancien\w*|précédent\w*|antigu\w*|"
    r"anterior\w*|hausse|increase\w*|erhöh\w*|subida|aumento|(?:19|20)\d\d)\b", re.I)
"""A pricing document applied, dated or compared ("l'ancienne grille tarifaire de 2025", "es gilt die Preisliste
2025"): that sets the terms, it does not only name a file."""


def price_documents_out(sentence: str) -> str:
    """`sentence` with the pricing documents it names taken out (the same sentence when it names none)."""
    out = _NAMED.sub(" ", sentence)
    if "pricing" in out.lower() and _DOC_WORDS.search(out):
        out = _LISTED.sub(" ", out)
    return out
