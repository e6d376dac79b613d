"""Onboarding said finished "per the rollout plan" is onboarding finished (wave 39: inj51's note on its own rule).

inj51 read onboarding stated as finished as a deal-done claim on an open deal and let a finished plan through ("the
rollout plan is done": a document we prepare). It noticed that the exception also let "onboarding per the rollout plan
is complete" through: there the plan is what the work followed, and the work is what is said to be done.
"""

from __future__ import annotations

import pytest

from tests.agents.role_matrix import ROLES

ROLE_NAMES = ["analyst summary", "strategist rationale", "writer body"]

DONE_AS_PLANNED = [
    ("en", "Onboarding per the rollout plan is complete."),
    ("en", "The onboarding according to our rollout plan is finished."),
    ("en", "Go-live per the schedule is done."),
    ("de", "Die Einführung gemäß Zeitplan ist abgeschlossen."),
    ("fr", "Le déploiement selon le calendrier est terminé."),
    ("es", "La implantación según el calendario está terminada."),
]
A_PLAN_DONE = [
    ("en", "The rollout plan is done."),
    ("en", "The onboarding plan is complete and attached."),
    ("en", "The plan for the onboarding, as per our checklist, is complete."),
    ("de", "Der Zeitplan für die Einführung ist fertig."),
    ("fr", "Le plan de déploiement est terminé."),
    ("es", "El calendario de implantación está terminado."),
]


@pytest.mark.parametrize("role", ROLE_NAMES)
@pytest.mark.parametrize(("lang", "text"), DONE_AS_PLANNED)
def test_onboarding_finished_as_a_plan_said_is_a_deal_done_claim(role, lang, text):
    assert any("claims the deal is done" in reason for reason in ROLES[role](lang, text)), text


@pytest.mark.parametrize("role", ROLE_NAMES)
@pytest.mark.parametrize(("lang", "text"), A_PLAN_DONE)
def test_a_plan_of_the_onboarding_finished_claims_nothing_done(role, lang, text):
    assert not any("claims the deal is done" in reason for reason in ROLES[role](lang, text)), text
