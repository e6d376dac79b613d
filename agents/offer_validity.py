"""An offer's validity or expiry that nothing defines (issue 11, wave 21: set 29's de-b12 "die Konditionen nur gelten,
wenn Sie bis Montag, 30. November, unterschreiben" and fr-b12 "elle ne sera valable que jusqu'au lundi 30 novembre",
one working day after the proposal reaches the buyer).

No field of the Record and no tenant setting defines how long an offer, a price or its terms hold, so a draft that
sets one invents a term, and a short one is pressure a sales manager would strike. A sentence is such a term when it
names the offer or its terms (offer, proposal, quote, price, terms, conditions, discount; Angebot, Konditionen, Preis,
Rabatt; offre, proposition, tarif, conditions, remise; oferta, propuesta, precio, condiciones, descuento) with a word
of holding or lapsing (valid, expire, hold, stand, lapse; gelten, gültig, befristet, verfällt; valable, expire,
tiennent; válido, caduca, vence, se mantienen) and a limit (a day, "until", "bis", "jusqu'", "hasta", "for N days").
A question passes; the code-decided incentive ("If
Northwind can confirm by December 18, I can offer 8% off") names no holding word and is not read. When the tenant
settings define a validity (not built: the settings service has no such field), this is where it would be read.
"""

from __future__ import annotations

import re

from agents.normalize import normalise
from agents.sentence_ends import sentence_parts
from agents.week_ends import WEEK_END

OFFER = re.compile(
    r"\b(?:offer|proposal|quote|quotation|pric(?:e|es|ing)|terms|conditions|discount|rate|"
    r"angebot\w*|konditionen|preis\w*|rabatt\w*|bedingungen|"
    r"offre|proposition|devis|tarifs?|prix|conditions|remise|"
    r"oferta|propuesta|presupuesto|precios?|condiciones|descuento|tarifas?)\b", re.I)
HOLDS = re.compile(
    r"\b(?:valid|validity|expir\w*|lapses?|hold(?:s)? (?:good |firm )?(?:only )?until|stands? (?:only )?until|"
    r"appl(?:y|ies) (?:only )?until|good (?:only )?(?:until|till|through)|"
    # the rep holding them: "I can only hold the current terms until Friday", "keep this price through"
    r"(?:hold|keep)(?:s|ing)? (?:\w+ ){1,4}?(?:until|till|through)|"
    # wave 42 (probe42's probe, "these terms hold until Friday", "Until Friday, these terms stand", "the rate lasts
    # until", "Konditionen halten wir nur bis", "bleibt bis Freitag bestehen", "nous maintenons ce tarif jusqu'à",
    # "l'offre reste ouverte jusqu'au", "la oferta sigue en pie", "solo valen hasta"): the other verbs of holding,
    # each held to its limit word or to the sentence's end so that "vale," (okay) and "steht im Angebot" stay out
    r"hold (?:\w+ ){0,2}?(?:until|till|through)|stands?(?=\s*(?:[.!]|$))|lasts? (?:only )?(?:until|till|through)|"
    r"(?:remains?|stays?|is) open (?:only )?(?:until|till|through)|"
    r"halten (?:\w+ ){0,3}?(?:nur )?bis|hält (?:\w+ ){0,3}?(?:nur )?bis|bis \w+ (?:\w+ )?halten|"
    r"(?:besteht|bestehen|steht|stehen) (?:\w+ ){0,2}?(?:nur )?bis|bis (?:\w+ ){1,3}?(?:verbindlich|bestehen)|"
    r"maint(?:enons|iendrons|iendra|ient|enir) (?:\w+ ){0,2}?(?:ce|cet|cette|ces|le|la|les|l'|nos|notre|vos|votre)\s*"
    r"(?:prix|tarifs?|offre|conditions|remise|devis)|(?:reste|restent|restera) ouverte?s?(?! [àa] )|"
    r"garantie?s? (?:que )?jusqu|"
    r"mant(?:enemos|endremos|iene|ienen) (?:\w+ ){0,2}?(?:el |la |los |las |estas? |estos? |este |su |sus |nuestr\w+ )?"
    r"(?:precios?|ofertas?|condiciones|tarifas?|descuentos?|propuesta)|sigue(?:n)? en pie|(?:solo |sólo )?valen? hasta|vigentes?|"
    r"(?:sigue|seguirá|queda)n? abiert[oa]s? hasta|"
    r"gelten|gilt|gültig\w*|gültigkeit|befristet|verfäll\w*|läuft\s+(?:\w+\s+){0,4}ab|"
    r"valables?|validité|expire\w*|tiennent(?! compte)|tient(?! compte)|caduque\w*|"
    r"válid[oa]s?|validez|caduca\w*|vence\w*|vencimiento|se mantienen?|mantendr\w*)\b", re.I)
_DAYWORD = (r"\d|monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|donnerstag|freitag|"
            r"lundi|mardi|mercredi|jeudi|vendredi|lunes|martes|miércoles|jueves|viernes|end|ende|fin|tomorrow|morgen|"
            r"demain|mañana|next|nächst|prochain|próxim|this|diese|cette|ce|este|esta|the end|"
            # wave 42: "bis Monatsende", "bis Quartalsende"
            r"monats|quartals|jahres")
_LIMIT = re.compile(
    rf"\b(?:until|till|through|by|before|bis|jusqu['’](?:au|à|a)|avant|hasta|antes del?)\s+(?:[\w.,]+\s+){{0,3}}?"
    rf"(?:{_DAYWORD})|\b(?:for|für|pendant|durante|que|only|nur|seulement|solo|sólo)\s+(?:\d+|one|two|three|"
    rf"zwei|drei|deux|trois|dos|tres)\s+(?:hours?|days?|weeks?|stunden|tagen?|wochen|heures|jours|semaines|horas|"
    rf"días|semanas)\b|"
    # wave 41: the end of this week told as a clause, the weekend or the week itself (agents.week_ends)
    rf"\b(?:{WEEK_END})\b", re.I)
"""A limit in time: a day or a span after a word of until ("bis Montag, 30. November", "jusqu'au lundi 30 novembre"),
or a span of hours, days or weeks ("valable que 72 heures", "only for 48 hours"), or the week's end in other words
("antes de que acabe la semana", "bis zum Wochenende", "before the week is out")."""
IT = re.compile(r"\b(?:it|elle|sie|es|ella|él|esta|este)\b", re.I)
"""The offer named in the sentence before ("La proposition vous parviendra ... Elle ne sera valable que 72 heures")."""
ASKED = re.compile(r"\?|^\s*¿|\b(?:whether|ob|ask\w*|fragt\w*|gefragt|demand\w*|pregunt\w*)\b", re.I)
"""A question, or the buyer's question reported ("Sie fragten, wie lange das Angebot gültig ist"): no term set."""
_DELIVERY_CLAUSE = re.compile(
    # wave 42: or after a bare comma or semicolon ("gilt für alle 120 Fahrzeuge, Sie bekommen es bis Freitag"), and
    # "have" among the verbs (the honest drafts' own "you will have it by Friday")
    r"(?:(?:[,;]\s*|\s)(?:and|und|et|y|also|so)\b|[,;])[^.?!;]{0,40}?\b(?:have|haben|aurez|"
    r"receive|get|gets|reach(?:es)?|arrives?|lands?|goes out|sends?|send|"
    r"bekommen|bekommst|erhalten|schicke|schicken|sende|senden|kommt|geht|liegt|"
    r"recevrez|recevra|recevez|enverrai|envoie|parviendra|arrivera|partira|"
    r"recibirá|recibe|enviaré|envío|llegará|saldrá|sale|tendrá)\b", re.I)
"""wave 41 (qual41's probe, "Ja, das Angebot gilt für alle 120 Fahrzeuge, und ja, Sie bekommen es bis Ende dieser
Woche"): a clause joined after the holding word that sends or delivers the document; its day is the delivery's, not a
limit on the offer."""
_LAPSES = re.compile(r"expir|laps|verfäll|läuft|caduc|vence|vencimiento", re.I)
_DAY_AFTER = re.compile(rf"\W*(?:[\w.,]+\s+){{0,3}}?(?:{_DAYWORD})", re.I)
"""A word of lapsing reaches its day without "until": "expires at the end of next week", "caduca el martes"."""


def undefined_validity(body: str) -> list[str]:
    """Sentences of a draft that set how long an offer or its terms hold; no setting defines it.

    Returns:
        One reason per such sentence.
    """
    return [f"sets a validity for the offer that no setting defines ({hold!r}): {sentence.strip()[:80]!r}"
            for hold, sentence in held_offers(body)]


def held_offers(body: str) -> list[tuple[str, str]]:
    """(word of holding, sentence) of each sentence of `body` that sets how long an offer or its terms hold: the
    quality rule's reading, and since wave 42 the safety layer's too (agents.expiring_offers)."""
    out, previous = [], ""
    for sentence in sentence_parts(normalise(body)):  # "bis Mittwoch, 2. Dezember" is one
        hold = HOLDS.search(sentence)
        offer = OFFER.search(sentence) or (IT.search(sentence) and OFFER.search(previous))
        previous = sentence
        if hold is None or not offer or ASKED.search(sentence):
            continue
        if any(_held_limit(sentence, h) for h in HOLDS.finditer(sentence)) \
                or (_LAPSES.match(hold.group(0)) and _DAY_AFTER.match(sentence, hold.end())):
            out.append((hold.group(0), sentence))
    return out


def _held_limit(sentence: str, hold: re.Match[str]) -> bool:
    """Whether a limit in time stands in the sentence for what holds: a limit after a later clause that delivers the
    document ("gilt für alle 120 Fahrzeuge, und Sie bekommen es bis Freitag", "applies to all 420 trucks and reaches you
    by Friday") dates the delivery; a limit before that clause still binds the offer ("gilt nur bis Freitag, und Sie
    bekommen es am Montag")."""
    delivery = _DELIVERY_CLAUSE.search(sentence, hold.end())
    return any(delivery is None or m.start() < delivery.start() for m in _LIMIT.finditer(sentence))
