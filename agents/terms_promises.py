"""Promises of terms a draft may not make (issue 11, wave 16; held-out set 25): a right to leave early
("Sonderkündigungsrecht nach drei Monaten"), billing that starts months later ("Lizenzen ab Januar, Abrechnung ab April"),
the old price kept ("le mantenemos el precio de la tarifa antigua"), a special condition by any compound ("die
Chefkondition"). Added to agents.claims.PROMISE_PATTERNS; the tenant's `allowed_promises` lets a phrase through.
"""

from __future__ import annotations

import re

MORE_PROMISES: tuple[tuple[str, re.Pattern[str]], ...] = tuple((n, re.compile(p, re.I)) for n, p in (
    ("exit right", r"\b\w*kündigungsrecht\w*|\bdroit de résiliation\b|\bderecho de (?:rescisión|desistimiento)\b|"
                   r"\b(?:special )?termination right\b|\bexit clause\b|\bout clause\b"),
    ("billing deferred", r"\b(?:abrechnung|billing|invoicing|facturation|facturación)\s+(?:erst\s+|only\s+)?(?:ab|from|"
                         r"starts? in|à partir d[eu']|desde|a partir de)\s+(?:januar|februar|märz|april|mai|juni|juli|"
                         r"august|september|oktober|november|dezember|january|february|march|april|may|june|july|"
                         r"janvier|février|mars|avril|juin|juillet|enero|febrero|marzo|abril|mayo|junio|julio)\b"),
    ("price lock", r"\b(?:tarifa|precio) antigu[oa]\b|\bancien(?:ne)? (?:tarif|prix)\b|\balte[nr]? (?:preis|tarif)\w*|"
                   r"\bold (?:price|rate|pricing)\b|\blegacy pricing\b|\bgrandfather\w*"),
    # renewal, contract, standard, list, licence or usage terms name which terms, not a grant of special ones (wave
    # 26, a real-model rationale: "die Finanzleitung zu den Verlängerungskonditionen einbinden"), unless an advantage
    # is said of them ("günstigere Verlängerungskonditionen")
    ("special price", r"\b(?:(?:günstig|besser|speziell|exklusiv|attraktiv|niedrig|besonder|vergünstigt|reduziert|"
                      r"vorteilhaft|best|sonder|vorzug)\w*\s+(?:\w+\s+)?\w*kondition(?:en)?|"
                      r"(?!zahlungs|liefer|verlängerungs|vertrags|standard|listen|lizenz|nutzungs)\w+kondition(?:en)?)\b"),
))
