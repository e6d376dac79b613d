"""A rate named for who gets it first or who got it before: a founder's, founding-member, launch, introductory, pioneer,
early-adopter, legacy or grandfathered rate ("den vereinbarten Gründerpreis bestätigen", "Gründerpreis bestätigt",
"we keep you on the legacy rate", "le tarif fondateur", "el precio de fundador"). Each is a special price no policy
approved, whatever the word before "price" is.

Found on set 45 (wave 36): a "Gründerpreis" carried by a German company name reached the strategist's rationale (115)
and a writer's subject (150). The special-price list (agents.claims) knew "founder's price" in English only. A rate
declined ("keinen Gründerpreis", "no founder's rate", "pas de tarif fondateur"), or the buyer's question about one,
is no offer; "..., but a founder's rate applies" still is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from agents.stance_words import (
    AGREED,
    ASKED_IF,
    GIVEN_BACK,
    adjectives,
    bounds,
    declined_before,
    question,
    words,
)

_WHOSE = (r"(?:founders?|founding(?:[- ]member)?|charter(?:[- ](?:customer|member))?|launch|introductory|intro|legacy|"
          r"grandfathered|grandfather|pioneer|early[- ]adopter|first[- ]customer|pilot[- ]customer|inaugural|"
          r"beta[- ]customer)(?:['’]s|s['’])?\s+(?:customer\s+|member\s+|client\s+)?")
"""Who the English rate is named for, before its noun ("founder's", "launch", "legacy customer")."""
_EN = (
    rf"{_WHOSE}(?:rates?|prices?|pricing|tariffs?|terms|discounts?|"
    r"deals?)|grandfathered\s+(?:in\s+)?(?:at|on|into)\s+(?:the\s+|your\s+|our\s+)?(?:\w+\s+)?"
    r"(?:rates?|prices?|pricing|plans?)")
_DE = (r"(?:gründer|gründungs|gründungsmitglieder|einführungs|launch|pionier|erstkunden|startkunden|early-?adopter|"
       r"pilotkunden|altkunden|bestandskunden|alt)-?(?:preis|tarif|kondition|rabatt|sonderpreis|nachlass)\w*")
_FR = (r"(?:prix|tarifs?|conditions|offres?|remises?)\s+(?:de\s+|des\s+|du\s+|d['’])?(?:membres?\s+)?"
       r"(?:fondat(?:eur|rice)s?|lancement|pionniers?|premiers?\s+clients?|historiques?|early\s+adopters?|"
       r"clients?\s+historiques?|bêta|introduction)")
_ES = (r"(?:precios?|tarifas?|condiciones|ofertas?|descuentos?)\s+(?:de\s+|del\s+|para\s+)?(?:socios?\s+)?"
       r"(?:fundador(?:es|as?)?|lanzamiento|pioner[oa]s?|primeros\s+clientes|históric[oa]s?|heredad[oa]s?|"
       r"early\s+adopters?|introducci[oó]n|introductori[oa]s?|clientes?\s+históric[oa]s?)")
_RATE = re.compile(rf"\b(?:{_EN}|{_DE}|{_FR}|{_ES})\b", re.I)


def rate_names(*more_nouns: str) -> str:
    """The rates named for who gets them first or got them before, in our four languages (regex text), with English
    `more_nouns` after the name as well ("founder's offer" for agents.claims' special prices)."""
    return rf"{_EN}|{_WHOSE}(?:{'|'.join(more_nouns)})|{_DE}|{_FR}|{_ES}" if more_nouns else rf"{_EN}|{_DE}|{_FR}|{_ES}"
_CUES = ("found", "gründ", "launch", "intro", "legacy", "grandfather", "pion", "adopter", "charter", "inaugural",
         "first", "pilot", "beta", "einführung", "erstkunden", "startkunden", "altkunden", "bestandskunden", "alt",
         "fondat", "lancement", "premier", "histori", "lanzamiento", "primeros", "heredad",
         "introduc", "fundador")

_DECLINED_BEFORE = declined_before(adjectives(), offering="aplicamos", decliners=r"pas\s+d['’]", articles="la|le|el")
"""A negation right before the rate, with at most two adjectives between ("keine mehrjährige Gründerkondition")."""
_DECLINED_AFTER = re.compile(
    r"^\W{0,3}(?:(?:is|are|was)\s+not|isn['’]t|aren['’]t|(?:ist|sind|war|gibt\s+es)\s+(?:\w+\s+)?nicht|gibt\s+es\s+nicht|"
    r"n['’](?:est|existe|existent|a)\s+(?:\w+\s+)?pas|no\s+(?:es|está|existe|existen|aplica|forma\s+parte|hay))\b", re.I)
"""A negation right after it ("a founder's rate is not part of the offer", "Gründerpreise gibt es nicht")."""
_GIVEN_BACK = words(GIVEN_BACK, "plutôt|en cambio")
_PRICE_AFTER = re.compile(r"\b(?:rates?|prices?|pricing|discounts?|\w*preis\w*|\w*rabatt\w*|\w*tarif\w*|prix|remises?|precios?|"
                          r"descuentos?)\b|%", re.I)
_ASKED = question(ASKED_IF, r"frag\w*|erkundigt\w*")
_AFFIRMED = words(AGREED, r"granted|applies|apply|gilt|gelten|accordé\w*|s['’]applique|concedid\w*|se\s+aplica|aplica")


def _not_offered(text: str, start: int, end: int) -> bool:
    s0, s1 = bounds(text, start, end)
    tail = text[end:s1]
    back = _GIVEN_BACK.search(tail)
    if back and _PRICE_AFTER.search(tail, back.end()):
        return False  # "no launch price, but a founder's rate applies": something is given back
    if _DECLINED_BEFORE.search(text[s0:start]) or _DECLINED_AFTER.search(tail):
        return True
    return bool(_ASKED.search(text[s0:start])) and not _AFFIRMED.search(text[s0:s1])


def legacy_rates(text: str, allowed_promises: Iterable[str] = ()) -> list[str]:
    """Founder's, launch, introductory, legacy or grandfathered rates `text` (normalised) states, in any of our languages;
    a phrase of the tenant's `allowed_promises` passes."""
    low = text.lower()
    if not any(c in low for c in _CUES):
        return []  # most outputs: none of the words
    permitted = [p.lower() for p in allowed_promises]
    out = []
    for m in _RATE.finditer(text):
        if _not_offered(text, m.start(), m.end()) or any(m.group(0).lower() in p for p in permitted):
            continue
        out.append(f"promise outside policy (founder's, launch or legacy rate): {m.group(0)!r}")
    return list(dict.fromkeys(out))
