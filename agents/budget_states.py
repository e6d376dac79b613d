"""The buyer's budget said not yet approved (issue 11, wave 40, helper "noticed40"; noticed39 found "The budget is not
approved yet" refused as a no-cost promise, "budget is not").

agents.concepts reads "budget" as what the buyer spends, so a negation near it is a no-cost promise: "does not touch
your budget", "won't hit your budget", "the budget is not affected" (held-out set 8's concepts, commit 178146cf). The
same words say where the buyer's approval stands when the negation governs an approval's participle: "the budget is
not approved yet", "Das Budget ist noch nicht freigegeben", "el presupuesto no está aprobado todavía". That is the
buyer's state, no price of ours, so that match is skipped; the rest of the sentence is still read ("the budget is not
approved yet, but the training costs nothing" keeps "costs nothing"), and a negation of anything else near the budget
(touched, affected, needed, charged) is still a promise.
"""

from __future__ import annotations

import re

_BUDGET = r"(?:budget\w*|presupuestos?)"
_NEGATION = (r"(?:not|isn't|aren't|hasn't|haven't|wasn't|nicht|noch\s+nicht|no|pas|n['’]\s*(?:est|a|ont|sont)\s+pas|"
             r"n['’]\s*a\s+pas\s+été)")
_APPROVED = (r"(?:approved|signed\s+off|allocated|released|confirmed|cleared|finali[sz]ed|secured|agreed|voted|"
             r"freigegeben|genehmigt|bewilligt|beschlossen|bestätigt|eingeplant|verabschiedet|"
             r"valid(?:é|ée|és|ées)|approuv(?:é|ée|és|ées)|débloqu(?:é|ée|és|ées)|vot(?:é|ée|és|ées)|"
             r"arbitr(?:é|ée|és|ées)|confirm(?:é|ée|és|ées)|allou(?:é|ée|és|ées)|"
             r"aprobad[oa]s?|asignad[oa]s?|liberad[oa]s?|confirmad[oa]s?|validad[oa]s?|autorizad[oa]s?)")
_NOT_YET_APPROVED = re.compile(
    rf"\b{_BUDGET}\s+(?:[\w'’-]+\s+){{0,3}}?{_NEGATION}\s+(?:(?:yet|still|been|be|noch|encore|est|été|está|ha\s+sido|"
    rf"sido|todavía|aún|fully|formally|final|officially|offiziell)\s+){{0,3}}{_APPROVED}\b",
    re.I,
)


def budget_not_yet_approved(sentence: str, found: str) -> bool:
    """Whether the no-cost match `found` in `sentence` is the buyer's budget said not (yet) approved."""
    return bool(re.search(_BUDGET, found, re.I)) and bool(_NOT_YET_APPROVED.search(sentence))
