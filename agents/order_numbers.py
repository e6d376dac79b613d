"""Numbers that order or name a part of a document or a plan, not figures the record must hold: a section, step, phase
or item number ("Abschnitt 2", "section 3.1", "l'étape 2", "el punto 4", "steps 2 and 3"), an ordinal before such a
part ("die 2. Phase", "the 2nd wave", "la 2e étape", "la IIe phase", "la 2.ª fase") and a document's reference
("HDG-0427", "Nr. 4711", "réf. 2026-118", "nº 37", "ticket #20931").

Found on set 33 (052 "Abschnitt 2", 093 "die 1. Phase ... die 2. Phase", 111 "the quote reference HDG-0427"): honest
drafts were refused because the number is no count the record holds, which a section's number never is. Such a number
is only taken out of the reading when its sentence carries nothing commercial: no money, percentage, date, deadline,
concession, price talk or promise ("section 2: 20% off", "Ref. 2026-11-30", "HDG-0427 at 427 €", "Phase 2 free of
charge" keep every figure, and the checks that read those terms still read them). The words around the number stay, so
a part the record has no word for is still judged as a word.
"""

from __future__ import annotations

import re

from agents.text_memory import TEXT_MEMORY, remembered

_PART_WORD = (r"(?:section|chapter|step|phase|stage|wave|item|point|part|page|slide|paragraph|clause|annex|appendix|exhibit|"
         r"option|milestone|line|table|figure|question|round|lot|tab|"
         r"abschnitt|kapitel|schritt|stufe|welle|punkt|teil|seite|folie|absatz|ziffer|anlage|anhang|meilenstein|"
         r"position|zeile|tabelle|abbildung|frage|runde|bauabschnitt|projektphase|"
         r"chapitre|étape|vague|partie|diapositive|paragraphe|article|annexe|jalon|ligne|tableau|volet|"
         r"sección|seccion|capítulo|capitulo|paso|fase|etapa|ola|punto|parte|página|pagina|diapositiva|apartado|"
         r"párrafo|parrafo|artículo|articulo|anexo|opción|opcion|hito|línea|linea|tabla|figura|pregunta|ronda|lote)")
_PART = rf"{_PART_WORD}(?:s|n|en|e|es)?"
"""The parts of a proposal or a plan, in English, German, French and Spanish, singular and plural. Not a unit of time
or money (a month, a year, an instalment, a tier, a rate): "the 2nd month", "die 2. Rate" stay figures."""

_NUMBERING = r"\d{1,3}(?:\.\d{1,2}){0,2}"
_AND = r"\s*(?:,|&|/|-|–|and|or|to|und|oder|bis|et|ou|à|y|o|a)\s*"
_PART_NUMBER = re.compile(
    rf"(?i:\b{_PART})\s+(?:(?i:nr\.|no\.|núm\.)\s*)?({_NUMBERING}(?:{_AND}\d{{1,2}}(?:\.\d{{1,2}}){{0,2}})*)"
    r"(?![\w,]?\d|\s?%)")
"""A part and its number(s): "Abschnitt 2", "section 3.1", "Schritte 1 bis 3", "les étapes 2 et 3". A number after
the first has at most two digits: "step 1 and 60 trucks" states a count."""

_MOMENT = re.compile(r"\b(?:this|that|which|what|one|some|any|dies\w*|jen\w*|welch\w*|ce|cet|cette|quel\w*|"
                     r"est[ea]|ese|esa|aquel\w*|cuyo|cual|qué)\s+$", re.I)
"""A word before "point" or "stage" that makes it a moment, not a part: "at this point 200 trucks are live", "at which
stage 60 depots", "en este punto 40 camiones" state counts."""

_PARTLY = re.compile(r"\b(?:zum\s+teil|en\s+partie|in\s+part|en\s+parte|a\s+parte|à\s+part|por\s+parte)\s+\d", re.I)
""""Partly", not a part: "zum Teil 30 Fahrzeuge" states a count."""

_ORDINAL_SUFFIX = r"(?:st|nd|rd|th|\.|e|ème|eme|er|re|ère|\.?[ºª°oa])"
_ORDINAL = re.compile(rf"(?<![\w.,])(\d{{1,2}}{_ORDINAL_SUFFIX}|(?-i:[IVX]{{1,4}})(?:e|ème|er|re|ère))(?=\s+(?i:{_PART})\b)",
                      re.I)
"""An ordinal right before a part: "die 2. Phase", "the 2nd wave", "la 2e étape", "la IIe phase", "la 2.ª fase"."""
_BARE_ORDINAL = re.compile(rf"(?:(?<=\bel )|(?<=\bla )|(?<=\bal )|(?<=\bdel ))([2-9]|[1-9]\d)(?=\s+(?i:{_PART_WORD})\b)",
                           re.I)
"""A Spanish ordinal whose indicator normalising took ("el 4.º paso" is read "el 4 paso"): the article is singular, and
a count of two or more names the part in the plural ("los 4 pasos"). Not "60 line items": a count."""

_REFERENCE = re.compile(
    r"(?i:\b(?:nr\.?|n[º°]\.?|n\.[º°o]|no\.|núm\.|num\.|ref\.?|réf\.?|reference|referenz|référence|referencia|"
    r"ticket|vorgang|vorgangsnummer|angebotsnummer|auftragsnummer|bestellnummer|rechnungsnummer|ticketnummer|"
    r"numéro de (?:devis|commande|dossier|ticket)|número de (?:presupuesto|pedido|referencia|expediente)|"
    r"(?:quote|order|invoice|proposal|offer) (?:number|no\.?|#))\s*[:#]?\s*)"
    r"((?:[A-Z]{1,6}-?)?\d{1,8}(?:[-/]\d{1,6})*)(?![\w,.]?\d)")
"""A reference after its name: "Nr. 4711", "réf. 2026-118", "nº 37", "ticket #20931", "quote number 5531"."""

_CODE = re.compile(r"(?<![\w/-])(?!(?:NET|EUR|USD|GBP|CHF|KW|CW|FY|SAVE|FREE|OFF|PROMO|DEAL|GRATIS|RABATT|SKONTO|"
                   r"TOTAL|PRICE|COST|FEE|AMOUNT|SUM|PREIS|SUMME|BETRAG|PRIX|MONTANT|PRECIO|IMPORTE|TARIFA?)[-/])"
                   r"[A-Z][A-Z0-9]{1,5}(?:([-/])[A-Z0-9]+(?:\1[A-Z0-9]+)*\1|[-/])\d{3,8}(?:[-/]\d{1,6})*"
                   # wave 36 (set 45's 069, "HD-2611-W2"): a version or wave suffix after the digits, never a currency
                   # or an offer word ("HD-2611-EUR", "HD-2611-OFF" are read as what they say)
                   r"(?:[-/](?!(?:EUR|USD|GBP|CHF|OFF|FREE|PCT|GRATIS|RABATT|SKONTO|PROMO)(?![A-Z0-9]))[A-Z][A-Z0-9]{0,3})?"
                   r"(?![\w/-])")
"""A document code: capitals, a hyphen or a slash and three or more digits ("HDG-0427", "INV-2026-118", "LEV-2026-11",
"NWL/Q/1126": set 34's 105, one separator throughout). Not
payment terms ("NET-90"), a currency ("EUR-500"), a calendar week or a fiscal year, or a word that offers something
("SAVE-2000", "FREE-100") or names an amount ("TOTAL/1126", "PREIS-4200"): those are read as what they say."""

_DEADLINE = re.compile(
    r"\b(?:deadline|due|expir\w*|valid|until|till|today|tomorrow|tonight|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|frist\w*|spätestens|gültig\w*|bis zum|bis spätestens|heute|morgen|montag|dienstag|mittwoch|"
    r"donnerstag|freitag|samstag|sonntag|date limite|échéance|expire\w*|valable|jusqu'au|jusqu'à|avant le|d'ici|"
    r"aujourd'hui|demain|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|plazo|vence\w*|válid\w*|hasta|antes del|"
    r"hoy|mañana|lunes|martes|miércoles|jueves|viernes|sábado|domingo|coupon|voucher|promo\w*|gutschein\w*|"
    r"cupón|cupon|code promo|bon de réduction)\b", re.I)
"""A day, a deadline or a voucher: a sentence with one may be stating terms, so its numbers stay figures."""

_EN_DATE_END = "|".join(
    f"(?<=\\b{month} {day}{suffix}\\.)" for month in ("January", "February", "March", "April", "May", "June", "July", "August",
                                                 "September", "October", "November", "December")
    for day in (r"\d", r"\d\d") for suffix in ("", "st", "nd", "rd", "th"))
"""An English date ends the sentence ("the estimate I sent Marcus on October 22. Please quote reference NWL/Q/1126"):
the period after its day is no German ordinal's (set 34's 105, where the next sentence's code was read with the date).
Each month and day width is its own fixed-width look-behind, as Python's `re` requires."""
_SENTENCE = re.compile(r"((?<=[.!?])(?:(?<!\b\d\.)(?<!\b\d\d\.)(?<!\bnr\.)(?<!\bno\.)(?<!\bref\.)(?<!\bréf\.)"
                       rf"(?<!\bnúm\.)(?<!\bnum\.)|{_EN_DATE_END})\s+|\n+)", re.I)
"""A sentence end; "die 1. Phase" (a German ordinal's period) and "Nr. 4711" end none, "on October 22." does."""

_CUES = re.compile(r"\d|\b[IVX]{1,4}(?:e|ème|er|re|ère)\b")


def carries_terms(sentence: str) -> bool:
    """Whether `sentence` states money, a percentage, a date, a deadline, a concession, price talk or a promise."""
    # imported here: facts and claims import this module
    from agents.claims import COUNTED, PRICE_FIGURE, discount_violations, promise_violations  # noqa: PLC0415
    from agents.facts import MONEY, PERCENT, find_dates  # noqa: PLC0415
    from agents.price_talk import unanchored_price_talk  # noqa: PLC0415

    # "quote reference 4270 is the price": a bare number after a price word is read as a price (a code is not, nor a
    # count of things: "das Angebot für Ihre 120 Fahrzeuge")
    uncoded = _CODE.sub(" ", sentence)
    return bool(MONEY.search(sentence) or PERCENT.search(sentence) or find_dates(sentence)
                or any(not COUNTED.match(uncoded, m.end(1)) for m in PRICE_FIGURE.finditer(uncoded))
                or _DEADLINE.search(sentence) or promise_violations(sentence) or discount_violations(sentence, None)
                or unanchored_price_talk(sentence))


_CLAUSE = re.compile(r"(;\s*|\s[-–—]\s|,\s+(?:and|but|while|und|aber|et|mais|y|pero)\s+)", re.I)
"""Where a sentence joins two clauses that each say something of their own: a semicolon, a dash between spaces, a comma
and a conjunction ("The total stays at GBP 24,000; page 3 shows which clinics fall in each wave")."""


def _spans(piece: str, patterns: tuple[re.Pattern[str], ...],
           whole: frozenset[re.Pattern[str]]) -> list[tuple[tuple[int, int], re.Pattern[str]]]:
    return sorted(((m.span(0 if p in whole else 1), p) for p in patterns for m in p.finditer(piece)
                   if p is not _PART_NUMBER or not (_MOMENT.search(piece, 0, m.start())
                                                    or _PARTLY.search(piece[max(0, m.start() - 6):m.end()]))),
                  key=lambda x: x[0])


def _blanked(piece: str, spans: list[tuple[tuple[int, int], re.Pattern[str]]]) -> str:
    for (start, end), _p in reversed(_merged(spans)):
        piece = piece[:start] + " " + piece[end:]
    return piece


def _blank(text: str, patterns: tuple[re.Pattern[str], ...], whole: frozenset[re.Pattern[str]]) -> str:
    if not _CUES.search(text):
        return text  # most texts: no ordinal, no part number, no reference
    out = []
    for piece in _SENTENCE.split(text):  # the separators are kept as pieces: joined, the text is whole
        spans = _spans(piece, patterns, whole)
        if spans and not carries_terms(piece):
            piece = _blanked(piece, spans)
        elif spans and _CLAUSE.search(piece):
            # a part's number in a clause of its own that carries no term is still a part's number, whatever the
            # sentence's other clause states (wave 30, set 39's 006); references and codes stay read in such a
            # sentence ("Ref. 2026-11-30; that is the last day")
            parts = tuple(p for p in patterns if p in (_PART_NUMBER, _ORDINAL, _BARE_ORDINAL))
            piece = "".join(_blanked(c, _spans(c, parts, whole)) if i % 2 == 0 and not carries_terms(c) else c
                            for i, c in enumerate(_CLAUSE.split(piece)))
        out.append(piece)
    return "".join(out)


def _merged(spans: list[tuple[tuple[int, int], re.Pattern[str]]]) -> list[tuple[tuple[int, int], re.Pattern[str]]]:
    """Overlapping spans as one ("Nr. 4711" read as a reference and as a part number)."""
    out: list[tuple[tuple[int, int], re.Pattern[str]]] = []
    for (start, end), p in spans:
        if out and start < out[-1][0][1]:
            (s0, e0), p0 = out[-1]
            out[-1] = ((s0, max(e0, end)), p0)
        else:
            out.append(((start, end), p))
    return out


@remembered(TEXT_MEMORY)
def order_numbers_out(text: str) -> str:
    """`text` as the figure check reads it: part numbers, ordinals of parts and references blanked in each sentence
    that carries no commercial term (money, percentage, date, deadline, concession, price talk, promise)."""
    return _blank(text, (_PART_NUMBER, _ORDINAL, _BARE_ORDINAL, _REFERENCE, _CODE), frozenset({_CODE}))


def reference_codes_out(text: str) -> str:
    """`text` as the price check reads it: document codes ("HDG-0427") blanked in each sentence that carries no
    commercial term. A bare number after a price word ("quote 4471") is still read as a price."""
    return _blank(text, (_CODE,), frozenset({_CODE}))
