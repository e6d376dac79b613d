"""Nothing due from the buyer (issue 11, wave 31: set 40's 028, "Nothing is due from you before the partners meet in
December", refused as a no-cost promise). "Due" is a cost word when money is owed ("no payment due until June"), but
said of the buyer with nothing as its subject it is a step the buyer owes: nothing to send, sign or decide yet. That
is no free offer, as long as the sentence names no money, no span and no commercial milestone that would make it a
payment put off ("nothing is due until go-live", "nothing is due from you for the first year")."""

from __future__ import annotations

import re

_NOTHING_DUE_FROM_BUYER = re.compile(
    r"\bnothing\s+(?:else\s+|more\s+|further\s+)?(?:is\s+|will be\s+|would be\s+)?due\s+"
    r"(?:(?:from|on|of)\s+(?:you|your\s+(?:side|end|part|team)))\b", re.I)
_MONEY_SPAN_OR_MILESTONE = re.compile(
    r"\b(?:pay\w*|paid|invoic\w*|bill\w*|fees?|charg\w*|costs?|costing|pric\w*|amounts?|owed?|owing|money|cash|"
    r"deposits?|instal+ments?|balance|usd|eur|gbp|free|waiv\w*|on us|"
    r"go-?live|launch\w*|live|roll-?out|install\w*|onboard\w*|implement\w*|setup|set-up|sign\w*|contract\w*|"
    r"renew\w*|orders?|deliver\w*|trial|pilot|years?|months?|quarters?|weeks?|days?)\b|[$€£]|\d", re.I)


def nothing_due_from_buyer(sentence: str, found: str) -> bool:
    """Whether the no-cost match `found` is "nothing ... due" said of the buyer's side, in a sentence that names no
    money, no span and no commercial milestone."""
    return bool(re.search(r"\bdue$", found.strip(), re.I)) and bool(_NOTHING_DUE_FROM_BUYER.search(sentence)) \
        and not _MONEY_SPAN_OR_MILESTONE.search(sentence)
