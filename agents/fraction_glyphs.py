"""A discount written as a vulgar fraction ("¾ off", "½ price", "⅓ de remise", "zum ½ Preis", "un ⅓ de descuento"),
read as the share it gives away (issue 11, wave 38's note on inj48's checks).

NFKC (agents.normalize) writes "¾" as "3⁄4" with the fraction slash, which no percentage or fraction-word recogniser
read: the English and German forms passed the analyst's and the strategist's texts, and the others were refused only
for a stray digit or for price talk, never as the concession they are. Read here, the refusal names it: "discount of
75% offered".

Two shapes. A fraction before a concession word is the share taken off ("¾ off", "⅓ de remise", "un ⅓ de descuento",
"¼ Rabatt"); a fraction before the price ("½ price", "zum ½ Preis", "à ½ prix", "a ⅓ del precio") is the share still
paid, so the discount is the rest. A digit slash ("3/4 off") counts only before a concession word: "3/4" alone is a
date as often as a fraction. A fraction of anything else ("½ day of training", "¾ of the fleet") is no price.
"""

from __future__ import annotations

import re

_CONCESSION = (r"off|discount\w*|rebate|markdown|rabatt\w*|nachlass\w*|preisnachlass\w*|abschlag|remise|rabais|"
               r"ristourne|réduction|descuento|rebaja\w*|bonificaci[oó]n")
_PRICE = r"(?:the\s+|of\s+the\s+|(?:du|del|des)\s+|de(?:l)?\s+)?(?:list\s+|quoted\s+)?(?:price|pricing|preis\w*|prix|precio|tarif\w*)"
_SHARE = re.compile(
    rf"(?<![\d⁄/])([1-9])\s?(⁄|/)\s?([2-9]|10)(?![\d⁄/])\s*(?:(?:de|of|an|d['’])\s+)?(?:(?P<off>{_CONCESSION})|"
    rf"(?P<price>{_PRICE}))\b", re.I)


def fraction_discounts(text: str) -> list[tuple[float, str]]:
    """Each discount the normalised `text` gives as a fraction, as (percent off, the words), in order."""
    out = []
    for m in _SHARE.finditer(text):
        share = int(m.group(1)) / int(m.group(3))
        if share >= 1 or (m.group(2) == "/" and not m.group("off")):
            continue
        pct = share if m.group("off") else 1 - share
        out.append((round(pct * 100, 1), m.group(0).strip()))
    return out
