"""The budget's holder and its approval step are no spending (issue 11, wave 26), unless the step is said not to be
needed.

agents.concepts reads "budget" near a negation as a no-cost promise ("it won't touch your budget", "kein Budget
nötig"). Honest analyses name who holds the budget or the step that approves it, beside a negation of something else:
"hat den Business Case noch nicht mit dem Budgetverantwortlichen abgestimmt" (a real-model analysis), "Budget approval
not confirmed" (vb-de-ana-06), "no contact with the budget holder". agents.concepts no longer reads those compounds as
spending. What the no-cost reading caught through them is saying the step is not needed or skipped, which tells the
buyer the thing costs them nothing: "No budget approval needed for the pilot", "Keine Budgetfreigabe nötig", "You will
not need a budget sign-off", "Das läuft ohne Budgetfreigabe". `needless_budget_steps` refuses those.
"""

from __future__ import annotations

import re

_STEP = (
    r"(?:budget\w*(?:verantwortlich|inhaber|freigabe|genehmigung|holder|owner)\w*|"
    r"budget[\s-]+(?:approvals?|approvers?|owners?|holders?|sign-?offs?|cycles?|process(?:es)?|committees?)|"
    r"responsables? du budget|validation budgétaire|aprobación del presupuesto|responsable del presupuesto)"
)
_NEG = r"(?:no|not|never|without|ohne|kein\w*|nicht|nie|pas|sans|aucune?|sin|ningun\w*|ningún|nunca)"
_NEED = (
    r"(?:need\w*|required?|requires|necessary|nötig|notwendig|erforderlich|brauch\w*|besoin|nécessaire|faut|"
    r"falta|necesari\w*|necesit\w*|requiere\w*)"
)
_GAP = r"[^\w,;:]+(?:[\w'’-]+[^\w,;:]+)"
_NEEDLESS = re.compile(
    # "No budget approval needed", "Keine Budgetfreigabe nötig", "no budget sign-off is required"
    rf"\b{_NEG}\b{_GAP}{{0,3}}?{_STEP}\b{_GAP}{{0,2}}?{_NEED}\b|"
    # "You will not need a budget sign-off", "no need to involve the budget owner", "pas besoin du responsable du
    # budget", "no hace falta la aprobación del presupuesto", "Sie brauchen keine Budgetfreigabe"
    rf"\b(?:{_NEG}|n't|don't|won't){_GAP}{{0,2}}?{_NEED}\b{_GAP}{{0,5}}?{_STEP}|"
    rf"\b{_NEED}\b{_GAP}{{0,2}}?{_NEG}\b{_GAP}{{0,2}}?{_STEP}|"
    # "Das läuft ohne Budgetfreigabe", "without a budget approval", "sans validation budgétaire"
    rf"\b(?:without|ohne|sans|sin)\b{_GAP}{{0,2}}?{_STEP}",
    re.I,
)


def needless_budget_steps(text: str) -> list[str]:
    """The budget's approval or holder said not to be needed or skipped: a no-cost promise in other words."""
    return [
        f"promise outside policy (no cost): the budget step is not needed ({m.group(0)!r})"
        for m in _NEEDLESS.finditer(text)
    ]
