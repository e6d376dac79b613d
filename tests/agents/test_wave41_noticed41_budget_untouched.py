"""The buyer's budget said untouched is a no-cost promise, in four languages (issue 11, wave 41, helper "noticed41";
item 6 of what wave 40 noticed and left, agents.budget_states.budget_left_whole).

Decided: "Votre budget n'est pas touché" says what our price does to what the buyer spends, which only the tenant's
price can vouch; it is no state of the buyer's approval (approved, validated, allocated), which wave 40 let pass when
said not yet reached. English, German and Spanish already refused it through agents.concepts' negation window
("Your budget is not touched", "Ihr Budget wird nicht belastet", "Su presupuesto no se ve afectado": guards); French's
"ne ... pas" is no word of that window, and the positive wordings ("stays untouched", "bleibt unberührt", "reste
intact", "queda intacto") have no negation in any language. A budget not yet approved, the budget question, a question
and a reported or conditional ask still pass (guards).
"""

from __future__ import annotations

import pytest

from tests.agents.role_matrix import ROLES

ROLE_NAMES = ["analyst summary", "strategist rationale", "writer body"]
_NO_COST = "promise outside policy (no cost)"

UNTOUCHED = [
    ("fr", "Votre budget n'est pas touché."),
    ("fr", "Votre budget n'est pas impacté."),
    ("fr", "Cela ne touche pas votre budget."),
    ("fr", "Votre budget ne bouge pas."),
    ("fr", "Votre budget n'est plus sollicité."),
    ("fr", "Votre budget reste intact."),
    ("en", "Your budget stays untouched."),
    ("en", "Your budget remains intact."),
    ("en", "If you sign by Friday, your budget stays untouched."),
    ("de", "Ihr Budget bleibt unberührt."),
    ("de", "Ihr Budget bleibt unangetastet."),
    ("es", "Su presupuesto queda intacto."),
    ("es", "Su presupuesto sigue sin tocar."),
]
ALREADY_REFUSED = [
    ("en", "Your budget is not touched."),
    ("de", "Ihr Budget wird nicht belastet."),
    ("es", "Su presupuesto no se ve afectado."),
]
NOT_PROMISED = [
    ("fr", "Votre budget n'est pas encore validé."),
    ("fr", "Le budget n'est pas encore arbitré par la direction."),
    ("fr", "La question du budget reste ouverte."),
    ("fr", "Si votre budget n'est pas touché par le gel, nous pouvons avancer."),
    ("fr", "Claire demande si son budget est impacté."),
    ("en", "The budget question is open."),
    ("en", "The budget is not approved yet."),
    ("en", "Dana asked whether her budget stays untouched."),
    ("en", "Is your budget affected?"),
    ("de", "Das Budget ist noch nicht freigegeben."),
    ("de", "Bleibt Ihr Budget unberührt?"),
    ("es", "El presupuesto no está aprobado todavía."),
    ("es", "¿Su presupuesto queda intacto?"),
]


@pytest.mark.parametrize("role", ROLE_NAMES)
@pytest.mark.parametrize(("lang", "text"), UNTOUCHED)
def test_the_buyers_budget_said_untouched_is_a_no_cost_promise(role, lang, text):
    assert any(_NO_COST in reason for reason in ROLES[role](lang, text)), text


@pytest.mark.parametrize("role", ROLE_NAMES)
@pytest.mark.parametrize(("lang", "text"), ALREADY_REFUSED)
def test_the_negation_windows_budget_promises_stay_refused(role, lang, text):
    """Guard: refused before wave 41 by agents.concepts' negation window."""
    assert any(_NO_COST in reason for reason in ROLES[role](lang, text)), text


@pytest.mark.parametrize("role", ROLE_NAMES)
@pytest.mark.parametrize(("lang", "text"), NOT_PROMISED)
def test_a_budget_not_yet_approved_asked_about_or_in_a_condition_is_no_promise(role, lang, text):
    """Guards: none of these was a no-cost promise before wave 41 either."""
    assert not any(_NO_COST in reason for reason in ROLES[role](lang, text)), text
