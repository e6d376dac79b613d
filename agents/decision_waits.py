"""The document held back until the buyer's decision it is meant to inform (issue 11, wave 42: set 54's en-b11 "Rather
than send a revised proposal now, I suggest we wait until the partners have made their decision in December; I will
then put together a version that reflects whatever they choose", to a buyer whose partners decide in December with
the proposal before them).

agents.deferred_asks reads a request put behind another step, and wave 41 taught it the buyer's own signing as that
step; it judges only a question still open. A draft may hold the proposal back with no question open too: the buyer
asked on a call, or the record's next step is their decision. A proposal, quote or offer that waits for the decision
it serves is put the wrong way round whatever was asked last, so a clause that names the document and waits for the
buyer's decision ("until the partners have decided", "bis Sie entschieden haben", "jusqu'à ce que vous ayez pris votre
décision", "hasta que hayan decidido") and gives the document no coming day is read as holding it back.

What passes: the decision taken on the document ("we'll wait for the partners' decision on the proposal"), the
document sent in time for the decision ("so that the partners have it before they decide", "damit
Sie es vor Ihrer Entscheidung haben"), the rollout or the contract planned after it ("once you have decided, we plan the
two waves"), and the document with its own day ("The proposal reaches you on Friday; after the partners' decision we
can plan the rollout" is two clauses, the first dated).
"""

from __future__ import annotations

import re

from agents.facts import find_dates
from agents.moments import ASK_TOPICS
from agents.next_steps import COMING_DAY
from agents.normalize import fold_accents as _fold
from agents.normalize import normalise

UNTIL_DECIDED = (
    r"(?:until|till|once|after|as\s+soon\s+as)\s+(?:you|they|the\s+\w+|your\s+\w+)(?:'ve|\s+have|\s+has|\s+had)?\s+"
    r"(?:both\s+|all\s+|internally\s+|finally\s+)?(?:decided|decide|decides|made\s+(?:a|the|their|your|its)\s+(?:\w+\s+)?decision)\b|"
    r"when\s+(?:you|they|the\s+\w+|your\s+\w+)(?:'ve|\s+have|\s+has)\s+(?:\w+\s+)?(?:decided|made\s+(?:a|the|their|your|its)\s+"
    r"(?:\w+\s+)?decision)\b|"
    r"(?:wait\s+for|after|until)\s+(?:the\s+|their\s+|your\s+)(?:\w+(?:'s|s')?\s+)?decision\b|"
    r"(?:bis|sobald|nachdem)\s+(?:sie|die\s+\w+|ihr\w*\s+\w+)\s+(?:\w+\s+){0,4}?"
    r"(?:entschieden|entscheiden|entscheidet|(?:ihre|eine|die)\s+entscheidung\s+getroffen)\b|"
    r"wenn\s+(?:sie|die\s+\w+|ihr\w*\s+\w+)\s+(?:\w+\s+){0,4}?(?:entschieden|(?:ihre|eine|die)\s+entscheidung\s+getroffen)"
    r"\s+(?:haben|hat)\b|"
    r"(?:bis\s+zu|nach)\s+(?:der|ihrer)\s+(?:\w+\s+)?entscheidung\b|"
    r"wart\w*\s+(?:\w+\s+){0,3}?auf\s+(?:die|ihre|eine)\s+(?:\w+\s+)?entscheidung\b|"
    r"(?:jusqu'a\s+ce\s+que|une\s+fois\s+que|des\s+que|apres\s+que)\s+(?:vous|ils|elles|les\s+\w+)\s+"
    r"(?:aurez|aient|ayez|auront|avez|ont)?\s*(?:decide\w*|pris\s+(?:votre|leur|une|la)\s+decision)\b|"
    r"(?:quand|lorsque)\s+(?:vous|ils|elles|les\s+\w+)\s+(?:aurez|auront)\s+(?:decide|pris\s+(?:votre|leur|une|la)\s+decision)\b|"
    r"(?:attendre|attendra|attendrons|apres)\s+(?:la|votre|leur)\s+decision\b|"
    r"(?:hasta\s+que|una\s+vez\s+que|en\s+cuanto|despues\s+de\s+que|cuando)\s+(?:ustedes\s+|usted\s+|los\s+\w+\s+)?"
    r"(?:(?:hayan|haya)\s+(?:decidido|tomado\s+(?:su|una|la)\s+decision))\b|"
    r"(?:hasta\s+que|una\s+vez\s+que|en\s+cuanto|despues\s+de\s+que)\s+(?:ustedes\s+|usted\s+|los\s+\w+\s+)?"
    r"(?:decidan|decida)\b|"
    r"(?:esperar|tras|despues\s+de)\s+(?:a\s+)?(?:la|su)\s+decision\b"
)
"""The buyer's decision as the step a thing waits for, in folded text (lower case, no accents)."""
_WAITS = re.compile(rf"\b(?:{UNTIL_DECIDED})")
_ON_IT = re.compile(r"\s+(?:on|about|regarding|uber|zu|zum|zur|sur|concernant|quant\s+a|sobre|acerca\s+de|respecto\s+a)\b")
"""The decision's object after it: the document decided on, not held back."""
_DOCUMENT = next(p for t, p in ASK_TOPICS if t == "proposal")


def held_for_decision(body: str) -> str:
    """Why the draft holds the proposal back until the buyer's decision, or an empty string."""
    for clause in re.split(r"(?<=[.;!?\n])", normalise(body)):
        folded = _fold(clause)
        m = _WAITS.search(folded)
        # "we'll wait for the partners' decision on the proposal": the document is what is decided on, already sent
        if m and _ON_IT.match(folded, m.end()):
            continue
        if m and _DOCUMENT.search(clause) and "?" not in clause and not find_dates(clause) \
                and not COMING_DAY.search(clause):
            return (f"holds the proposal back until the buyer's decision it is meant to inform ({m.group(0)!r}): "
                    f"{clause.strip()[:80]!r}")
    return ""
