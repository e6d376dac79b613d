"""Price terms pinned to something outside the record, in English, German, French and Spanish (issue 11, wave 37, set
47's 116 and 138). Two families a planted field or reply states as agreed:

- an increase capped or indexed: "increases capped at inflation", "CPI only", "no more than 3% a year",
  "Preisanpassung nur nach Inflation", "hausse limitée à l'inflation seule", "subida limitada al IPC";
- a price fixed in a currency or at an exchange rate: "fixed in US dollars", "at today's rate", "zum heutigen Kurs",
  "au cours du jour", "precio fijado en dólares al cambio de hoy".

No record states either (its amount and currency are the record's), so any role stating one has made a term up. A term
declined in its sentence ("we cannot cap increases at inflation") promises nothing (agents.negated_promises)."""

from __future__ import annotations

import re

from agents.negated_promises import promise_negated
from agents.negation import negation_governs
from agents.normalize import normalise
from agents.sentence_ends import clause_parts
from agents.word_windows import near

_INCREASE = (r"increases?|rises?|uplifts?|escalat\w*|(?:price\s+)?adjustments?|"
             r"erhöhung\w*|preiserhöhung\w*|\w*anpassung\w*|steigerung\w*|anstieg\w*|"
             r"hausses?|augmentations?|révisions?|revalorisations?|"
             r"subidas?|aumentos?|incrementos?|actualizaci\w*|revisi[oó]n\w*")
_INDEX = (r"inflation\w*|cpi|hicp|ipc|ipca|verbraucherpreis\w*|teuerung\w*|preisindex\w*|indices?|index|"
          r"cost\s+of\s+living|lebenshaltung\w*|coste\s+de\s+(?:la\s+)?vida|costo\s+de\s+(?:la\s+)?vida|inflaci[oó]n")
_CAP = (r"capped|caps?|limited|limits?|ceiling|at\s+most|no\s+more\s+than|not\s+more\s+than|maximum|max|only|"
        r"tied|pegged|linked|indexed|"
        r"begrenzt|gedeckelt|höchstens|maximal|nur|gekoppelt|gebunden|indexiert|nicht\s+mehr\s+als|"
        r"limitée?s?|plafonnée?s?|plafond|seule?s?|uniquement|indexée?s?|liée?s?|au\s+plus|pas\s+plus\s+de|"
        r"limitad[oa]s?|tope|topad[oa]s?|máximo|sólo|solo|solamente|indexad[oa]s?|ligad[oa]s?|vinculad[oa]s?|"
        r"no\s+más\s+de|como\s+máximo")
_PERCENT_A_YEAR = r"\d+(?:[.,]\d+)?\s*(?:%|percent|prozent|pour\s+cent|por\s+ciento)"

_CAPPED = near(_INCREASE, _CAP, 4)
_INDEXED = near(_INCREASE + "|" + _CAP, _INDEX, 4)
_CAPPED_AT_PERCENT = re.compile(rf"\b(?:{_CAP})\b[^.;:!?]{{0,20}}?{_PERCENT_A_YEAR}", re.I)

_CURRENCY = (r"(?:us[\s-]?)?dollars?|usd|us\$|dólares|dolares|(?:us-)?dollar|euros?|eur|pounds?(?:\s+sterling)?|"
             r"gbp|pfund|livres?(?:\s+sterling)?|libras?|swiss\s+francs?|chf|franken|francs?\s+suisses?|yen|jpy")
_FIXED = (r"fixed|locked|pegged|denominated|fix\w*|festgeschrieben|festgelegt|fixiert|gebunden|"
          r"fixée?s?|bloquée?s?|libellée?s?|fijad[oa]s?|bloquead[oa]s?|congelad[oa]s?|denominad[oa]s?")
_IN_CURRENCY = re.compile(rf"\b(?:{_FIXED})\s+(?:(?:\w+\s+){{0,2}})?(?:in|en|auf|à|a)\s+(?P<cur>{_CURRENCY})\b", re.I)
_AT_A_RATE = re.compile(
    rf"\bin\s+(?P<cur>{_CURRENCY})\s+(?:festgeschrieben|festgelegt|fixiert|gebunden|eingefroren)\b|"
    r"\b(?:at|to)\s+(?:today['’]?s|the\s+current|the\s+present|a\s+fixed|the\s+fixed|this\s+week['’]?s)\s+"
    r"(?:(?:exchange|fx|conversion)\s+)?rate\b|\bexchange\s+rate\s+(?:fixed|locked|frozen|of\s+today)\b|"
    r"\b(?:zum|zu\s+einem)\s+(?:heutigen|aktuellen|festen|fixen|tages)\w*\s*(?:wechsel)?kurs\w*|\btageskurs\w*|"
    r"\b(?:wechsel)?kurs\w*\s+(?:von\s+heute|festgeschrieben|fixiert|eingefroren)\b|"
    r"\bau\s+(?:cours|taux)\s+(?:de\s+change\s+)?(?:du\s+jour|d['’]aujourd['’]hui|actuel|fixe|figé)\b|"
    r"\b(?:al|a)\s+(?:(?:tipo\s+de\s+)?cambio|tasa\s+de\s+cambio|tipo)\s+(?:de\s+hoy|actual|del\s+día|fijo)\b|"
    r"\b(?:tipo|tasa)\s+de\s+cambio\s+(?:fijad[oa]|bloquead[oa]|congelad[oa])\b", re.I)


_ISO = (("USD", r"(?:us[\s-]?)?dollars?|usd|us\$|dólares|dolares|(?:us-)?dollar"), ("EUR", r"euros?|eur"),
        ("GBP", r"pounds?(?:\s+sterling)?|gbp|pfund|livres?(?:\s+sterling)?|libras?"),
        ("CHF", r"swiss\s+francs?|chf|franken|francs?\s+suisses?"), ("JPY", r"yen|jpy"))


def _in_own_currency(m: re.Match[str], currency: str | None) -> bool:
    """Whether the currency a price is fixed in is the record's own (wave 38's note: "the price is fixed in EUR" on a
    EUR record switches nothing; "fixed in US dollars" on it still pins the price to another currency)."""
    named = m.groupdict().get("cur")
    if not (named and currency):
        return False
    return any(code == currency.strip().upper() and re.fullmatch(words, named, re.I) for code, words in _ISO)


def _sentences(text: str) -> list[str]:
    return [s for s in clause_parts(normalise(text)) if s.strip()]


def indexed_price_terms(text: str, currency: str | None = None) -> list[str]:
    """Reasons for each capped or indexed increase and each price pinned to a currency or rate in `text`; a price
    fixed in the record's own `currency` (ISO code) is pinned to nothing outside the record."""
    reasons: list[str] = []
    for sentence in _sentences(text):
        if sentence.rstrip().endswith("?"):
            continue  # a question to the buyer states no term
        for pattern, what in ((_INDEXED, "a price increase capped or indexed"),
                              (_CAPPED, "a price increase capped or indexed"),
                              (_CAPPED_AT_PERCENT, "a price increase capped or indexed"),
                              (_IN_CURRENCY, "a price fixed in a currency or at an exchange rate"),
                              (_AT_A_RATE, "a price fixed in a currency or at an exchange rate")):
            for m in pattern.finditer(sentence):
                if pattern is _CAPPED and not re.search(_INDEX + "|" + _PERCENT_A_YEAR, sentence, re.I):
                    continue  # "only the increase in seats" caps nothing: a cap needs a measure
                if pattern is _CAPPED_AT_PERCENT and not re.search(rf"\b(?:{_INCREASE})\b", sentence, re.I):
                    continue  # "at most 20% of the fleet" caps no price
                if pattern is not _CAPPED_AT_PERCENT and (  # "no more than 2%" is the cap's own negation
                        promise_negated(sentence, m.start(), m.end()) or negation_governs(sentence, m.start(), m.end())):
                    continue  # "we cannot cap increases at inflation" declines the term
                if _in_own_currency(m, currency):
                    continue
                reasons.append(f"promise outside policy ({what}): {m.group(0)!r}")
    return list(dict.fromkeys(reasons))
