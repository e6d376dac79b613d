"""Questions settled, not a bill (issue 11, wave 39: q26-en-g1, "a 30-minute walkthrough on Tuesday, December 1 ...,
so any questions are settled before the budget review", refused as price talk the record does not anchor since set 26).

agents.price_talk reads "settle" and "régler" as paying ("once the invoice is settled", "réglez la facture"). With
questions, points, details, issues, doubts or concerns as what is settled ("any questions are settled", "settle the
open points", "régler les questions ouvertes"), nothing is paid: the clause is
blanked before the sentence is read. A sentence with an amount or a share is left whole, and a bill, an invoice or a
balance settled is read as before.

Wave 41 (set 53's en-g7, "the second wave follows once the first has settled", refused the same way): "settle" with
no object, at the end of its clause or before "down"/"in", is what a thing does when it calms ("once the first wave
has settled", "when things settle down"): nothing is paid. A person as its subject ("once you have settled", "ready
to settle") is paying up, and is read as before; so is "settle in full" (an object follows).
"""

from __future__ import annotations

import re

_THINGS = r"(?:questions?|points?|details?|issues?|doubts?|concerns?|open\s+items?|remaining\s+items?)"
_CHOSES = r"(?:questions?|points?|détails?|sujets?|doutes?|interrogations?)"
_SETTLED = re.compile(
    rf"\b{_THINGS}\s+(?:\w+\s+){{0,2}}?(?:are|is|get|gets|got|will\s+be|can\s+be|be|were|was)\s+settled\b|"
    rf"\bsettle\s+(?:the\s+|any\s+|all\s+|those\s+|these\s+|your\s+|our\s+)?(?:\w+\s+)?{_THINGS}\b|"
    rf"\br[ée]gl(?:er|ons|erons|ez|erez)\s+(?:les|vos|nos|ces|toutes\s+les|tous\s+les)\s+(?:\w+\s+)?{_CHOSES}\b",
    re.I,
)
_CALMED = re.compile(
    r"(?<!\byou )(?<!\byou've )(?<!\byou have )(?<!\byou had )(?<!\bwe )(?<!\bwe've )(?<!\bwe have )"
    r"(?<!\bthey )(?<!\bthey've )(?<!\bthey have )(?<!\bi )(?<!\bi've )(?<!\bi have )(?<!\bto )(?<!\bplease )"
    r"(?<!\bcan )(?<!\bwill )\bsettle[ds]?(?:\s+(?:down|in))?"
    r"(?=\s*(?:[.,;:!?)—–]|$)|\s+(?:and|but|then|so|before|after)\b|\s+into\s+(?:a|the|its|their)\s+"
    r"(?:routine|rhythm|pattern|groove)\b)", re.I | re.M)
"""A thing that settles with no object: "once the first has settled", "when things settle down"."""
_MONEY = re.compile(
    r"[$€£%]|\d\s*(?:k|usd|eur|gbp|chf|dollars?|euros?|pounds?|percent|pour\s*cent)\b|\b(?:usd|eur|gbp|chf)\b|"
    r"\b(?:bill|invoice|balance|account|facture|solde|compte)s?\b", re.I)


def settled_questions_out(sentence: str) -> str:
    """`sentence` with questions or points settled, or a thing that settles, blanked (same length), unless it holds
    money or a bill."""
    if _MONEY.search(sentence):
        return sentence
    return _CALMED.sub(lambda m: " " * len(m.group(0)), _SETTLED.sub(lambda m: " " * len(m.group(0)), sentence))
