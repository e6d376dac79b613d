"""German "übernehmen" that carries a thing into a document, not a cost onto us (issue 11, wave 38: set 48's de-g6,
"die Amortisationsrechnung vom 28. Oktober übernehmen wir ins Angebot", refused as a we-pay promise).

"übernehmen" is both "to bear" ("die Kosten übernehmen wir") and "to take over into" ("wir übernehmen die Zahlen ins
Angebot", "in den Vertrag übernommen"). The second names where the thing goes: a document of the deal after "in",
"ins", "in das", "in den" or "in die". That reading is taken only when what is carried is no cost: "die Kosten
übernehmen wir ins Angebot" still pays. A task taken on with no destination ("die Einrichtung übernehmen wir", "die
Montage der Boxen übernehmen wir") stays a promise: earlier red teams label it a free service (q12-, q25-de bad
drafts), and the seller gives it away as surely as a fee.
"""

from __future__ import annotations

import re

_INTO_A_DOCUMENT = re.compile(
    r"\b(?:in|ins|in das|in den|in die|in unser(?:e|en)?|in ihr(?:e|en)?)\s+(?:\w+\s+)?"
    r"(?:angebot\w*|vertrag\w*|vertragsentwurf\w*|entwurf\w*|unterlagen|kalkulation\w*|planung\w*|projektplan\w*|"
    r"zeitplan\w*|dokument\w*|anhang|anlage\w*|präsentation\w*|übersicht\w*)\b", re.I)
"""A document of the deal as where the thing is carried."""
_COST = re.compile(
    r"\b\w*(?:kosten|gebühr|steuer|mwst|miete|beitrag|beiträge|betrag|beträge|preis|aufpreis|zuschlag|lizenz|differenz)"
    r"\w*|\b(?:monats|leasing|jahres|teil)?raten?\b|\brechnung(?:en)?\b", re.I)
"""What, carried anywhere, we would pay: costs, fees, taxes, instalments, the price, licences, an invoice (a bare
"Rechnung"; "Amortisationsrechnung" is a calculation and ends in more than the word)."""


def adopted_into_a_document(text: str, start: int, end: int) -> bool:
    """Whether the "übernehmen" at `start`..`end` of `text` carries a thing into a document of the deal within a few
    words, and nothing around it names a cost being carried. The window is the clause around the verb, read in the
    whole text: a date's full stop ("vom 28. Oktober") ends no sentence of German."""
    before = re.split(r"(?<!\d)[.!?;\n]", text[max(0, start - 80):start])[-1]
    after = re.split(r"(?<!\d)[.!?;\n]", text[end:end + 80])[0]
    window = before + text[start:end] + after
    return bool(_INTO_A_DOCUMENT.search(window)) and not _COST.search(window)
