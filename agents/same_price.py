""""The same price" said of options, not of time (issue 11, wave 32: set 41's en-g2, "If it does, I can set out one
year and two years side by side, at the same price.", refused as a price held for a period and as unanchored price
talk).

A price lock is a price held over a span ("we keep the same price for the next two years", "el precio se mantiene igual
durante tres años"). "The same price" can also compare: two options shown side by side cost the same. Then the years
in the sentence are the options (a one-year and a two-year term), not a period the price is held for, and "the same
price" is the one the text states elsewhere with the record's amount in figures (which the facts check holds to the
record). Both readings need a closed class of words, so both are told apart by them:

- options compared: a word of setting side by side or comparing ("side by side", "compare", "both", "nebeneinander",
  "côte à côte", "lado a lado"), an equality word as the only word of holding (same, gleich, même, mismo, igual: no
  hold, keep, stay, freeze, bleiben, rester, mantener) and no span a price is held over (until, through, for the next,
  bis, jusqu'à, pendant, hasta, durante, a year in figures, "as last year");
- "the same price" restated: the phrase is the sentence's only price word, nothing moves or cuts the price, and another
  sentence of the text states an amount in a currency.
"""

from __future__ import annotations

import re

from agents.sentence_ends import sentence_parts

_SIDE_BY_SIDE = re.compile(
    r"\b(?:side by side|next to each other|compar\w*|both|either|each option|nebeneinander|gegenüber\w*|vergleich\w*|"
    r"beide[nrs]?|jeweils|côte à côte|l'une? à côté de l'autre|les deux|chacune?|lado a lado|uno junto al otro|ambos|"
    r"ambas|cada opción)\b", re.I)
_HOLDING = re.compile(
    r"\b(?:hold\w*|held|keep\w*|kept|freez\w*|frozen|lock\w*|fix\w*|guarante\w*|remain\w*|stay\w*|unchanged|"
    r"bleib\w*|halten|hält|eingefroren|festgeschrieben|garantier\w*|unverändert|stabil|"
    r"rest(?:e|era|eront|ent)|maint\w*|gel[ée]\w*|bloqu\w*|garanti\w*|inchang\w*|"
    r"mant(?:en|ien|endr)\w*|congel\w*|fij\w*|garantiz\w*|se queda\w*)\b", re.I)
_HELD_OVER = re.compile(
    r"\b(?:until|till|through|for (?:the )?(?:next|coming|whole|entire|full|rest)|for (?:\w+ )?(?:years|months)|"
    r"as (?:last|this|next) year|as before|bis|für (?:die )?(?:nächsten|ganze|gesamte)|wie (?:im )?(?:letzten|vorigen) jahr|"
    r"jusqu\w*|pendant|durant|que l'an|que l'année|hasta|durante|que el año|"
    r"never|ever|forever|always|nie|niemals|immer|jamais|toujours|nunca|siempre)\b|\b20\d\d\b", re.I)
_SAME_PRICE = re.compile(
    r"\b(?:at |for )?(?:the |a )?(?:same|identical) (?:price|total|amount|figure)\b|"
    r"\b(?:zum|zu dem|für den) (?:gleichen|selben) (?:preis|betrag)\b|\b(?:zum|für) denselben (?:preis|betrag)\b|"
    r"\b(?:au|pour le) même (?:prix|montant|tarif)\b|\b(?:al|por el) mismo (?:precio|importe)\b", re.I)
AMOUNT_IN_FIGURES = re.compile(
    r"\d[\d.,\s\u202f]*\s?(?:€|eur\b|usd\b|\$|£|gbp\b|chf\b)|[$€£]\s?\d|\b(?:eur|usd|gbp|chf)\s?\d", re.I)
"""An amount written in figures with its currency ("36.000 EUR", "$48,000", "EUR 36 000"); agents.price_talk's too."""


def same_price_for_options(sentence: str) -> bool:
    """Whether `sentence` says options shown side by side cost the same, holding no price over a span."""
    return bool(_SAME_PRICE.search(sentence)) and bool(_SIDE_BY_SIDE.search(sentence)) \
        and not _HOLDING.search(sentence) and not _HELD_OVER.search(sentence)


def same_as_the_stated_amount(sentence: str, text: str, price_word: re.Pattern[str], moved: re.Pattern[str]) -> bool:
    """Whether "the same price" is `sentence`'s only price word (`price_word`, the caller's), nothing in it moves the
    price (`moved`, a share or a figure), and another sentence of `text` states the amount it is the same as."""
    if not _SAME_PRICE.search(sentence) or price_word.search(_SAME_PRICE.sub(" ", sentence)) \
            or moved.search(sentence) or re.search(r"\d|%", sentence):
        return False
    return any(AMOUNT_IN_FIGURES.search(other) for other in sentence_parts(text) if other.strip() != sentence.strip())
