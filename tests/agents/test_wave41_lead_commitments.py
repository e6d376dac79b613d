"""A commitment or a choice of us stated in other words than an approval's (wave 41, the lead's probe).

The lead put unseen deal-state sentences into honest analyst summaries and ran `agents.safety.check_analysis`:
"Northwind has committed to the rollout", "Northwind has chosen Brightlane as its fleet analytics vendor", "Harbor
Dental is on board for both waves" and "Atelier Dubois s'est engagé sur le déploiement" passed (an approval, a
green light or "hat sich für uns entschieden" were caught). agents.approvals reads them now as a decision stated as
given, which the record must state; a goal the buyer is committed to, a sign-up for a webinar, a question, a plan and
a negation state no decision (guards)."""

from __future__ import annotations

import pytest

from agents.approvals import unvouched_approvals
from tests.agents.quality_probe import record_context

STATED = [
    ("hubspot_deal", "Northwind has committed to the rollout."),
    ("hubspot_deal", "Northwind has chosen Brightlane as its fleet analytics vendor."),
    ("hubspot_deal", "Northwind went with Brightlane as their telematics platform."),
    ("hubspot_deal", "Northwind has signed up for the enterprise plan."),
    ("salesforce_opportunity", "Harbor Dental is on board for both waves."),
    ("salesforce_opportunity", "Harbor Dental has committed to the rollout."),
    ("de_deal", "Müller Logistik hat sich vertraglich verpflichtet."),
    ("de_deal", "Die Geschäftsführung ist jetzt an Bord."),
    ("fr_deal", "Atelier Dubois s'est engagé sur le déploiement."),
    ("fr_deal", "Claire a opté pour notre solution."),
    ("es_opportunity", "La dirección se ha comprometido con el despliegue."),
    ("es_opportunity", "Optaron por nosotros frente al otro proveedor."),
]

NOT_STATED = [
    ("hubspot_deal", "Dana is committed to cutting idle time."),
    ("hubspot_deal", "Marcus signed up for the webinar."),
    ("hubspot_deal", "Is Marcus on board with the two-wave plan?"),
    ("hubspot_deal", "Northwind will be on board once the budget is approved."),
    ("hubspot_deal", "Northwind is not yet committed."),
    ("hubspot_deal", "Our team is fully committed to your rollout."),
    ("de_deal", "Ob sich Müller Logistik festgelegt hat, ist noch offen?"),
    ("fr_deal", "Claire ne s'est pas encore engagée."),
    ("es_opportunity", "Cuando se hayan comprometido, enviaremos el contrato."),
]


@pytest.mark.parametrize(("record", "text"), STATED)
def test_a_commitment_or_a_choice_of_us_the_record_does_not_state_is_refused(record, text):
    assert unvouched_approvals(text, record_context(record))


@pytest.mark.parametrize(("record", "text"), NOT_STATED)
def test_a_goal_a_sign_up_a_question_a_plan_or_a_negation_states_no_decision(record, text):
    assert unvouched_approvals(text, record_context(record)) == []
