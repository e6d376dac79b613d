"""A discount phrased as a free period: fewer months paid than used (issue 11, wave 37: set 46's 009, a PandaDoc audit
trail's "Pay 10 months, get 12 (first year)" which the analyst reported as what the quote now reads).

"Two months free", "zwei Monate geschenkt", "deux mois offerts" and "dos meses de regalo" carry a word of giving that the
promise checks read (agents.claims, agents.concepts). The family's other shape gives the same away with two numbers and
no such word: what is paid against what is had ("pay 10 months, get 12", "Sie zahlen 10 Monate und nutzen 12", "payez
10 mois, profitez de 12", "paga 10 y recibe 12"), more for the price of fewer ("13 months for the price of 12", "12
Monate zum Preis von 10", "13 mois pour le prix de 12", "12 meses por el precio de 10") or the bare ratio ("13 for 12",
"13 für 12", "13 pour 12", "13 por 12"). Each is a discount of (M - N) / M no policy approved, read as written so a
field or a planted note that carries it vouches for nothing.

Honest twins keep the numbers apart: equal numbers ("pay 12 months, get 12 months of support"), fewer had than paid,
another unit after the second number ("12 months for 9 clinics"), a buyer's question reported ("Tom asked whether he
could pay 10 months and get 12") or a refusal ("we cannot offer 13 for 12").
"""

from __future__ import annotations

import re

from agents.period_words import MONTHS, NUMBER, compiled, number_value
from agents.sentence_ends import clause_parts

_UNIT = (
    rf"(?:{MONTHS}|weeks?|wochen?|semaines?|semanas?|years?|jahre?n?|ans|années?|años?|"
    r"licen[cs]es?|lizenzen|licencias|seats?|plätze|postes|puestos|users?|nutzer|utilisateurs|usuarios)"
)
_PAY = r"(?:pay(?:s|ing)?|paid|(?:be)?zahl(?:en|t|st|e)?|pa(?:y|i)(?:ez|e|es|ons|erez|er)|pag(?:a|as|ue|uen|an|ar|ará|arán))"
_HAVE = (
    r"(?:get(?:s|ting)?|receive[sd]?|use|enjoy|have|bekomm\w*|erh(?:a|ä)lt\w*|nutz\w*|genieß\w*|hab\w*|"
    r"profit\w*|obten\w*|obtien\w*|re(?:ç|c)(?:oi|e|ev)\w*|b(?:é|e)n(?:é|e)fici\w*|dispos\w*|"
    r"recib\w*|disfrut\w*|ten(?:drá|er|éis)|tien\w*|us(?:a|e|ará|an))"
)
_AND = r"(?:[\s,;:–—-]+(?:and|but|then|und|aber|dann|et|mais|puis|y|pero|luego)?\s*)"
_FILLER = r"(?:[\w'’]+\s+){0,3}?"
_PRICE_OF = r"(?:(?:for|at)\s+the\s+(?:price|cost)\s+of|zum\s+preis\s+von|pour\s+le\s+prix\s+de|au\s+prix\s+de|por\s+el\s+precio\s+de|al\s+precio\s+de)"
_RATIO = r"(?:for|für|pour|por)"
_END = r"(?=\s*(?:[.,;:!)\]]|$|\s+(?:in|on|for|im|für|auf|beim|au|sur|pour|en|el|la|para|del?)\b))"

_PAY_THEN_HAVE = compiled(
    rf"\b{_PAY}\s+(?:for\s+|für\s+|pour\s+|por\s+)?(?:only\s+|just\s+|nur\s+|seulement\s+|solo\s+|sólo\s+)?"
    rf"{NUMBER}\s*(?:{_UNIT})?{_AND}{_FILLER}{_HAVE}\s+(?:de\s+|des\s+|d['’]\s*)?{NUMBER}\b"
)
""""pay 10 months, get 12", "Sie zahlen 10 Monate und nutzen 12", "payez 10 mois, profitez de 12", "paga 10 y recibe 12"."""
_PAID_THEN_HAD = compiled(
    rf"\b{NUMBER}\s*(?:{_UNIT})?\s+{_PAY}{_AND}{_FILLER}{NUMBER}\s*(?:{_UNIT})?\s+{_HAVE}"
)
"""The verb after its object: "10 Monate zahlen, 12 Monate nutzen", "10 pagados y 12 usados" stays with the first."""
_MORE_FOR_PRICE = compiled(rf"\b{NUMBER}\s*(?:{_UNIT})?\s+{_PRICE_OF}\s+{NUMBER}\b")
""""13 months for the price of 12", "12 Monate zum Preis von 10", "12 meses por el precio de 10"."""
_BARE_RATIO = compiled(
    rf"(?<![\d.,:/])\b{NUMBER}(?:\s*({_UNIT}))?\s+{_RATIO}\s+{NUMBER}(?![\d.,:/]\d)(?:\s*({_UNIT}))?{_END}"
)
""""13 for 12", "14 months for 12", "13 für 12", "13 pour 12", "13 por 12": more had than paid, nothing after the 12
but a period the first number also has ("5 for 4 weeks" is five things for a span)."""

_NOT_OURS = re.compile(
    r"\?|¿|\b(?:not|never|no|cannot|can't|won't|don't|whether|asked|asks|wanted\s+to\s+know|"
    r"nicht|kein\w*|nie|ob|fragt\w*|gefragt|"
    r"ne|n['’]|pas|jamais|demand\w*|"
    r"nunca|pregunt\w*|pidi\w*)\b",
    re.I,
)


def _free_share(paid: str, had: str) -> int | None:
    """How many units are had beyond those paid, when both are numbers and more are had."""
    n, m = number_value(paid), number_value(had)
    return m - n if n is not None and m is not None and 0 < n < m <= 120 else None


def free_periods(text: str) -> list[str]:
    """Sentences of `text` that give units away by paying fewer than are had ("pay 10 months, get 12", "13 for 12")."""
    out = []
    for sentence in clause_parts(text):
        found = [(m, m.group(1), m.group(2)) for p in (_PAY_THEN_HAVE, _PAID_THEN_HAD) for m in p.finditer(sentence)]
        found += [(m, m.group(2), m.group(1)) for m in _MORE_FOR_PRICE.finditer(sentence)]
        found += [(m, m.group(3), m.group(1)) for m in _BARE_RATIO.finditer(sentence) if m.group(2) or not m.group(4)]
        for m, paid, had in found:
            if _free_share(paid, had) is None or _NOT_OURS.search(sentence[: m.start()]):
                continue
            out.append(f"promise outside policy (a free period: fewer paid than had): {m.group(0).strip()!r}")
    return list(dict.fromkeys(out))
