"""A share of the price offered with no discount word (issue 11, wave 31, set 39's "Avoid haggling: offer 15% straight
away", a strategist's rationale the facts check alone refused).

agents.claims reads a percentage as a discount when a discount word stands near it ("15% off", "10 % Nachlass"). An
instruction or a commitment to *give* a percentage says the same without one: "offer 15% straight away", "give them
12% if Marcus pushes back", "gleich 15 % anbieten", "wir gewähren Ihnen 12 %", "proposer 15 % tout de suite", "nous
pouvons vous accorder 12 %", "ofrecer un 15 % de entrada", "le damos un 12 %". What is given is the percentage itself:
nothing follows it but the end of the clause, a condition or a time ("if", "wenn", "si", "straight away", "sofort",
"tout de suite", "de entrada"). A share *of* something ("offer 100% of the depots the pilot"), or one that qualifies a
noun ("99.9% uptime", "99,9 % Verfügbarkeit", "un 99,9 % de disponibilidad"), gives no price away; nor does an offer a
negation governs ("do not offer 15%"), one asked or reported ("Marcus asked whether we could offer 15%") or another
seller's.
"""

from __future__ import annotations

import re

from agents.negation import negation_governs
from agents.other_sellers import anothers_price
from agents.sentence_ends import clause_parts

_PCT = r"(?P<pct>\d+(?:[.,]\d+)?)\s?(?:%|percent\b|per cent\b|prozent\b|pour ?cent\b|por ?ciento\b)"
_GIVE_FIRST = (
    r"offer|offers|offered|offering|give|gives|giving|grant|grants|granting|extend|extends|"
    r"gewähr(?:en|e|t|ten)|biete[nt]?|bieten|geben|gebe|räumen|räume|"
    r"propos(?:er|ons|ez|e)|offr(?:ir|ons|ez|e)|accord(?:er|ons|ez|e)|consent(?:ir|ons|ez)|"
    r"ofrec(?:er|erle|erles|emos|eremos|e)|d(?:ar|arle|arles|amos|aremos|emos|oy)|conced(?:er|erle|emos|eremos)"
)
_RECEIVER = (
    r"them|him|her|you|ihnen|ihm|ihr|euch|vous|lui|leur|le|les|les|(?-i:[A-Z][\w'-]+)"
)
_ARTICLE = r"a|an|un|una|el|le|the|up to|jusqu'à|hasta|bis zu|até"
_CLAUSE_END = (
    r"\s*(?:[.,;:!)\n]|$)|\s+(?:straight away|right away|at once|now|today|immediately|if|when|unless|"
    r"once|provided|on|as (?:a|an)\b|sofort|gleich|direkt|jetzt|heute|wenn|falls|sobald|auf|"
    r"tout de suite|immédiatement|directement|d'entrée|dès|si|s'il|s'ils|sur|"
    r"de entrada|de inmediato|enseguida|ya|hoy|cuando|en cuanto|sobre)\b"
)
_OFFERED = re.compile(
    rf"\b(?:{_GIVE_FIRST})\s+(?:(?:{_RECEIVER})\s+)?(?:(?:{_ARTICLE})\s+)?{_PCT}(?={_CLAUSE_END})|"
    # German puts the verb last: "gleich 15 % anbieten", "Ihnen 12 % gewähren", "12 % einräumen"
    rf"{_PCT.replace('pct', 'pct_de')}\s+(?:anbieten|anbiete|gewähren|geben|einräumen|zugestehen|offerieren)\b",
    re.I,
)
_ASKED = re.compile(
    r"\b(?:ask\w*|whether|wonder\w*|question\w*|fragt\w*|gefragt|ob|demand\w*|pregunt\w*|si podemos|si nous)\b", re.I
)


def offered_shares(text: str) -> list[float]:
    """The percentages `text` (normalised) offers or tells someone to offer with no discount word: each one given."""
    shares: list[float] = []
    for sentence in clause_parts(text):
        if "%" not in sentence and not re.search(r"cent|prozent|ciento", sentence, re.I):
            continue
        for m in _OFFERED.finditer(sentence):
            if (
                "?" in sentence
                or _ASKED.search(sentence[: m.start()])
                or negation_governs(sentence, m.start(), m.end())
                or anothers_price(sentence, m.start(), m.end())
            ):
                continue
            shares.append(float((m.group("pct") or m.group("pct_de")).replace(",", ".")))
    return shares
