"""Not knowing the buyer's budget is no no-cost promise (issue 11, wave 42, helper "noticed42"; item 6 of what wave 41
noticed and left, agents.budget_states.budget_not_known).

agents.concepts reads a negation within four words of "budget" as a promise that our price costs the buyer nothing. "I
do not know your budget yet", "Ich kenne Ihr Budget noch nicht", "No conozco todavía su presupuesto" negate what we
know, not what the buyer spends: the budget is the object of a verb of knowing, seeing, asking or discussing. A clause
that also says the budget is touched, needed, moved or added to is read as before (guards).
"""

from __future__ import annotations

import pytest

from tests.agents.role_matrix import ROLES

ROLE_NAMES = ["analyst summary", "strategist rationale", "writer body"]
_NO_COST = "promise outside policy (no cost)"

NOT_KNOWN = [
    ("en", "I do not know your budget yet."),
    ("en", "We have not seen your budget."),
    ("en", "I'm not sure what your budget is."),
    ("en", "I never asked about your budget."),
    ("en", "Without knowing your budget, I suggest two options."),
    ("de", "Ich kenne Ihr Budget noch nicht."),
    ("de", "Ihr Budget haben wir noch nicht gesehen."),
    ("de", "Ihr Budget ist mir noch nicht bekannt."),
    ("de", "Ohne Ihr Budget zu kennen, schlage ich zwei Varianten vor."),
    ("es", "No conozco todavía su presupuesto."),
    ("es", "Todavía no sabemos cuál es su presupuesto."),
    ("es", "No hemos hablado de su presupuesto."),
    ("es", "Sin conocer su presupuesto, le propongo dos opciones."),
    ("fr", "Sans connaître votre budget, je propose deux options."),
]
STILL_PROMISED = [
    ("en", "This does not touch your budget."),
    ("en", "You won't need any extra budget."),
    ("en", "You won't see your budget move."),
    ("en", "It won't hit your budget."),
    ("en", "You don't need to know your budget: it's free."),
    ("en", "You will not notice it in your budget."),
    ("en", "You will not see any budget impact."),
    ("de", "Es belastet Ihr Budget nicht."),
    ("de", "Kein zusätzliches Budget nötig."),
    ("es", "No afecta a su presupuesto."),
    ("fr", "Votre budget n'est pas touché."),
]


@pytest.mark.parametrize("role", ROLE_NAMES)
@pytest.mark.parametrize(("lang", "text"), NOT_KNOWN)
def test_a_budget_we_do_not_know_yet_is_no_promise_of_no_cost(role, lang, text):
    assert not any(_NO_COST in reason for reason in ROLES[role](lang, text)), text


@pytest.mark.parametrize("role", ROLE_NAMES)
@pytest.mark.parametrize(("lang", "text"), STILL_PROMISED)
def test_a_budget_said_untouched_needed_or_unnoticed_stays_a_no_cost_promise(role, lang, text):
    """Guards: refused before this change and after."""
    assert any(_NO_COST in reason for reason in ROLES[role](lang, text)), text
