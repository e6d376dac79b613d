"""A discount said not to exist (issue 11, wave 30: set 39's de-g8, "Über einen Nachlass haben wir nicht gesprochen, und
das Angebot enthält keinen.", was refused as "an amount let off the price").

The German words of letting off an amount ("Nachlass", "nachlassen", "erlassen") are read as a concession wherever
they stand, since German puts the verb, and with it the negation, at the end of the clause, far from the noun. A
sentence that says no such amount was discussed, agreed or is contained ("haben wir nicht gesprochen", "enthält
keinen", "kein Nachlass", "ohne Nachlass") offers none. It must say so for the whole sentence: no figure, no share,
and no turn ("aber", "sondern", "doch", "jedoch") after which an offer may follow ("Über einen Nachlass haben wir nicht
gesprochen, aber 5 % sind drin" still offers one).

Wave 31 (set 40's en-g7, de-g6, fr-g6): the same in the other languages ("I have left out anything about discounts
because none was discussed", "sans remise : il n'en a pas été question", "sin descuentos: no se habló de ninguno"),
and beside the record's amount ("bleibt bei 36.000 EUR, ohne Rabatt", "reste à 28 000 EUR, sans remise"): an amount in
a currency is a figure the facts check holds to the record, so it is no turn; a share, a bare number or a "but" is.
"""

from __future__ import annotations

import re

_DISCOUNT_NOUN = r"(?:nachlass|rabatt|preisnachlass|abschlag|discount|remise|rabais|réduction|ristourne|descuento|rebaja)"
_DENIED = re.compile(
    r"\b(?:nicht|nie|niemals)\s+(?:\w+\s+){0,2}?(?:gesprochen|besprochen|geredet|vereinbart|zugesagt|angeboten|"
    r"vorgesehen|verhandelt|thematisiert|enthalten)\b|"
    # wave 32 (set 41's de-g3): refused with a modal, the infinitive last ("Einen Nachlass kann ich Ihnen nicht
    # anbieten", "können wir leider nicht gewähren"), or said impossible ("ist leider nicht möglich")
    r"\b(?:nicht|nie|niemals)\s+(?:\w+\s+){0,2}?(?:anbieten|gewähren|geben|einräumen|zusagen|versprechen|machen)\s*"
    r"(?:[.;:!?]|$)|\b(?:nicht|kaum)\s+(?:\w+\s+)?möglich\b|"
    r"\b(?:kein|keine|keinen|keinem|ohne)\s+(?:\w+\s+)?(?:nachlass|rabatt|preisnachlass|abschlag)\w*\b|"
    r"\b(?:enthält|enthalten|umfasst|vorsieht|gibt es|gewähren wir|geben wir)\s+(?:\w+\s+)?(?:keinen|keine|kein)\b|"
    # wave 31: the negation at the clause's end, "einen Nachlass enthält das Angebot nicht"
    r"\b(?:enthält|enthalten|umfasst|vorsieht)\s+(?:\w+\s+){0,3}?nicht\s*(?:[.;:!?]|$)|"
    # wave 31: "with no discount", "sans remise", "aucune réduction", "sin descuentos", "ningún descuento"
    rf"\b(?:no|without|sans|aucune?|pas de|sin|ningún|ninguna|no hay)\s+(?:\w+\s+)?{_DISCOUNT_NOUN}s?\b|"
    rf"\b(?:left out|leave out|leaving out|omitted|excluded)\b[^.;:!?]{{0,40}}\b{_DISCOUNT_NOUN}s?\b|"
    r"\bnone (?:was|were|has been|have been) (?:discussed|agreed|offered|requested|asked for|mentioned|raised)\b|"
    r"\bn'en a (?:pas|jamais) été question\b|\baucune? n'a été (?:évoqu|discut|accord|demand|convenu)\w*|"
    rf"\bno (?:incluye|contiene|lleva|prevé|tiene)\s+(?:ningún\s+|ninguna\s+)?{_DISCOUNT_NOUN}s?\b|"
    r"\bno se (?:habló|ha hablado|acordó|pactó|pidió) (?:de|del|sobre) (?:ningun[oa]|descuentos?|rebajas?)\b",
    re.I,
)
_TURN = re.compile(
    r"\b(?:aber|sondern|doch|jedoch|allerdings|dafür|stattdessen|but|however|instead|though|although|except|apart from|"
    r"on top|mais|cependant|toutefois|en revanche|par contre|à la place|sauf|pero|sin embargo|aunque|salvo|excepto|"
    r"en cambio)\b|%|€|\beur\b|prozent|per ?cent|pour ?cent|por ?ciento|"
    # a bare number is a turn ("aber 500 weniger"); a count with its noun is what the deal is about (wave 32: "bei 120
    # Fahrzeugen mit einem Mengennachlass rechnen")
    r"\d(?![\d.,]*\s?(?!(?:prozent|percent|per|pour|por|punkt\w*|points?|puntos?|euro\w*|dollar\w*|pounds?|pfund|"
    r"franken|francs?|mal)\b)[^\W\d_]{3,})", re.I
)
_AMOUNT = re.compile(r"(?:\b(?:eur|usd|gbp|chf)\s?|[€$£]\s?)\d[\d.,\s\u202f\u00a0]*\d|"
                     r"\b\d[\d.,\s\u202f\u00a0]*\s?(?:eur|usd|gbp|chf)\b|\b\d[\d.,\s\u202f\u00a0]*\s?[€$£]", re.I)
"""An amount in a currency ("36.000 EUR", "GBP 24,000", "28 000 €"): the facts check holds it to the record."""


def denied_discount(sentence: str) -> bool:
    """Whether `sentence` says, as a whole, that no amount is let off (nothing discussed, agreed or contained)."""
    return bool(_DENIED.search(sentence)) and not _TURN.search(_AMOUNT.sub(" ", sentence))


def denied_at(text: str, at: int) -> bool:
    """Whether the sentence of `text` that holds position `at` denies a discount (a point of "36.000" ends no sentence:
    the split is at a stop before a space or a line's end)."""
    starts = [m.end() for m in re.finditer(r"[.!?;](?=\s)|\n", text[:at])]
    ends = [m.start() + at for m in re.finditer(r"[.!?;](?=\s|$)|\n", text[at:])]
    return denied_discount(text[starts[-1] if starts else 0 : ends[0] if ends else len(text)])
