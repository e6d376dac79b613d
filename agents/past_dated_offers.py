"""A price or offer named by a day already past and held out as still standing (issue 11, wave 38, set 50's 026).

"Le mantenemos el precio de feria del 10 de noviembre" was copied from a note into the draft: a trade-fair price whose
day is gone, offered as if it stood. The deadline checks read a limit word before a date ("valid until", "bis zum");
this reads the other shape: a price, rate, offer or discount tied by "of", "from", "vom", "du", "del" to a date before
today, in a sentence that keeps it, extends it or says it still applies, in en/de/fr/es, in any role's text. A sentence
that says the offer has lapsed ("ya no es válida", "is no longer valid") states the past honestly and passes, unless it
holds the offer out anyway ("aunque haya vencido", "even though it expired").
"""

from __future__ import annotations

import re

from agents.calendar_days import resolve_day
from agents.context import Context
from agents.sentence_ends import sentence_parts
from agents.written_dates import find_dates

_PRICE = (
    r"price[sd]?|pricing|rates?|offer|deal|discount|special|"
    r"\w*preis(?:e|es)?|rabatt\w*|\w*konditionen|tarif\w*|sonderangebot\w*|aktion\w*|"
    r"prix|offre|remise|promo\w*|"
    r"precios?|oferta|descuento|condiciones|promoci[oó]n"
)
_LINK = r"(?:of|from|dated|on|vom|von|am|des|du|de|del|d['’]|con fecha)"
_OWNER = r"(?:(?:the|our|your|le|la|notre|votre|el|la|nuestr[ao]|su|unser\w*|ihr\w*)\s+)?"
_PRICE_THEN_DATE = re.compile(rf"\b(?:{_PRICE})\b(?:[\s-]+[\w'’-]+){{0,4}}?\s+{_LINK}\s*{_OWNER}$", re.I)
"""The words before a date that name a price by it: "precio de feria del", "Messepreis vom", "show price of the"."""
_DATE_THEN_PRICE = re.compile(rf"^(?:['’]s)?(?:[\s-]+[\w-]+){{0,2}}?[\s-]+(?:{_PRICE})\b", re.I)
"""The words after a date that make it a price's name: "your November 10 show price"."""
_HELD = re.compile(
    r"\b(?:keep\w*|kept|hold\w*|honou?r\w*|extend\w*|still|appl(?:y|ies)|stands?|remains?|valid|lock\w*|guarantee\w*|"
    r"halten|halte|hält|gilt|gelten|weiterhin|weiter|noch|verlänger\w*|bleib\w*|gewähr\w*|einräum\w*|garantier\w*|"
    r"maint\w*|gard\w*|reste\w*|toujours|appliqu\w*|prolong\w*|valable\w*|accord\w*|conserv\w*|garanti\w*|"
    r"manten\w*|mantien\w*|respet\w*|sigue\w*|seguimos|aplic\w*|prorrog\w*|vigente\w*|todav[ií]a|a[uú]n|reserv\w*)\b",
    re.I,
)
_LAPSED = re.compile(
    r"\b(?:no longer|not|expired|lapsed|ended|nicht mehr|kein\w*|abgelaufen|verfallen|plus|expir[ée]\w*|"
    r"ya no|no|venci[óo]\w*|vencid[ao]s?|caduc\w*)\b",
    re.I,
)
_ANYWAY = re.compile(r"\b(?:even though|although|anyway|obwohl|trotzdem|dennoch|même si|quand même|bien que|aunque|"
                     r"de todos modos|igualmente)\b", re.I)


_QUOTED = re.compile(r"\b(?:quot\w*|sent|gave|offered|cotiz\w*|envi\w*|ofrec\w*|genannt\w*|angeboten|geschickt|"
                     r"nannten|communiqu\w*|indiqu\w*|envoy\w*|transmis\w*)\b", re.I)
"""Our own quote on that day ("the price we quoted on 2 November"): the day is a fact of the record, which the date
check judges; the price is the quote's, not an event's that has ended."""
_PAGE = re.compile(r"\b(?:pages?|visit\w*|view\w*|click\w*|seiten?|besuch\w*|aufgerufen|aufruf\w*|visite\w*|consult\w*|"
                   r"p[aá]gina\w*|visita\w*)\b|preisseite\w*", re.I)
"""A page about prices visited or viewed on a day ("the pricing page visits on 12 November", "las visitas a la página
de precios del 12 de noviembre"): a visit on that day, not a price named by it."""
_ASKED = re.compile(r"\b(?:asked|asks|whether|if|ob|fragte\w*|demand\w* si|si|pregunt\w* si)\b", re.I)
"""A question reported or asked ("Paul asked whether the 21 October rate still stood") holds nothing out."""


def _held_out(sentence: str) -> bool:
    """The sentence keeps the price standing, and does not only say it has lapsed."""
    if _ASKED.search(sentence) or not _HELD.search(sentence):
        return False
    return not _LAPSED.search(sentence) or bool(_ANYWAY.search(sentence))


def past_dated_offers(text: str, ctx: Context) -> list[str]:
    """Sentences of `text` that hold out a price or offer named by a day before `ctx`'s today."""
    today = ctx.now.date()
    out = []
    for sentence in sentence_parts(text):
        for value, (year, month, day) in find_dates(sentence, day_first=True):
            d = resolve_day(year, month, day, today)
            at = sentence.find(value)
            if d is None or d >= today or at < 0:
                continue
            before = _PRICE_THEN_DATE.search(sentence[:at])
            after = None if before else _DATE_THEN_PRICE.search(sentence[at + len(value):])
            named = before or after
            # the words around the price's name: "visits to the pricing page of", "pricing page visits on"
            around = (sentence[max(0, before.start() - 30):at] if before
                      else sentence[at:at + len(value) + (after.end() + 20 if after else 0)])
            if named and not _QUOTED.search(named.group(0)) and not _PAGE.search(around) and _held_out(sentence):
                out.append(f"holds out a price or offer dated {value!r}, a day already past: {sentence.strip()[:90]!r}")
    return list(dict.fromkeys(out))
