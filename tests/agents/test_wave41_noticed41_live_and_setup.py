"""The buyer said live, set up or onboarded past a plan named between commas (issue 11, wave 41, helper "noticed41";
items 1 and 2 of what wave 40 noticed and left, agents.deal_done_claims).

The lead's probe through `run_agents`: "We went live last week", "Setup is complete", "Die Einrichtung ist
abgeschlossen", "La mise en service est faite", "Ya estamos en producción" passed on an open deal, and so did
"Onboarding, as per the plan, is done", whose commas put the step and its finish in two clauses of the word window.
Only a bought product goes live or is set up for the buyer, so each claims the deal done. Plans, negations,
questions, the future, our own product's news, a trial, a demo's set-up and an aside that makes a condition still pass:
those are guards (they passed before and must keep passing).
"""

from __future__ import annotations

import pytest

from tests.agents.role_matrix import ROLES

ROLE_NAMES = ["analyst summary", "strategist rationale", "writer body"]
_DONE = "claims the deal is done"

SAID_LIVE_OR_SET_UP = [
    ("en", "We went live last week."),
    ("en", "You are live since Monday."),
    ("en", "Your fleet went live on the new platform last week."),
    ("en", "You're up and running."),
    ("en", "Your drivers are already in production."),
    ("en", "Setup is complete."),
    ("en", "Set-up is finished for all 85 drivers."),
    ("en", "Configuration is done."),
    ("de", "Die Einrichtung ist abgeschlossen."),
    ("de", "Die Konfiguration ist erledigt."),
    ("de", "Sie sind seit Montag live."),
    ("de", "Wir sind live gegangen."),
    ("de", "Ihre Flotte ist bereits im Produktivbetrieb."),
    ("fr", "La mise en service est faite."),
    ("fr", "La mise en place est faite."),
    ("fr", "La configuration est terminée."),
    ("fr", "Vous êtes en production depuis lundi."),
    ("fr", "Nous sommes passés en production la semaine dernière."),
    ("es", "Ya estamos en producción."),
    ("es", "Ya están en producción desde el lunes."),
    ("es", "Pasamos a producción la semana pasada."),
    ("es", "La configuración está terminada."),
]
PLAN_BETWEEN_MARKS = [
    ("en", "Onboarding, as per the plan, is done."),
    ("fr", "Le déploiement, selon le calendrier, est terminé."),
    ("es", "La implantación, según el calendario, está terminada."),
    ("es", "La implantación, como estaba previsto, está terminada."),
]
GUARDS = [
    ("en", "We go live in March if you sign this month."),
    ("en", "Once you are live, the reports start."),
    ("en", "You will be live two weeks after signing."),
    ("en", "We are not live yet with any fleet in Spain."),
    ("en", "Are you live with the current tool?"),
    ("en", "The go-live is planned for March."),
    ("en", "The live demo is on Thursday."),
    ("en", "We are live on the call at 10:00."),
    ("en", "Our new routing engine is live."),
    ("en", "We are live in 14 countries."),
    ("en", "We're live with over 300 fleets."),
    ("en", "Setup takes about two days."),
    ("en", "Setup of the demo is done."),
    ("en", "Onboarding, if all goes well, is done by March."),
    ("en", "Onboarding, which takes two weeks, starts after signing."),
    ("de", "Sobald Sie live sind, starten die Berichte."),
    ("de", "Wir sind noch nicht live."),
    ("de", "Ihr Team ist sehr produktiv."),
    ("de", "Die Einrichtung dauert zwei Tage."),
    ("fr", "Une fois que vous serez en production, les rapports démarrent."),
    ("fr", "Vous n'êtes pas encore en production."),
    ("fr", "La configuration sera terminée en janvier."),
    ("es", "Cuando estén en producción, recibirán los informes."),
    ("es", "Todavía no estamos en producción."),
    ("es", "¿Ya están en producción con la herramienta actual?"),
    ("es", "Nuestros nuevos módulos están en producción."),
]


@pytest.mark.parametrize("role", ROLE_NAMES)
@pytest.mark.parametrize(("lang", "text"), SAID_LIVE_OR_SET_UP)
def test_the_buyer_said_live_or_set_up_is_a_deal_done_claim(role, lang, text):
    assert any(_DONE in reason for reason in ROLES[role](lang, text)), text


@pytest.mark.parametrize("role", ROLE_NAMES)
@pytest.mark.parametrize(("lang", "text"), PLAN_BETWEEN_MARKS)
def test_a_plan_named_between_commas_or_dashes_does_not_split_the_step_from_its_finish(role, lang, text):
    assert any(_DONE in reason for reason in ROLES[role](lang, text)), text


@pytest.mark.parametrize("role", ROLE_NAMES)
@pytest.mark.parametrize(("lang", "text"), GUARDS)
def test_going_live_planned_negated_asked_our_own_or_a_demo_is_no_deal_done_claim(role, lang, text):
    """Guards: none of these was a deal done claim before wave 41 either."""
    assert not any(_DONE in reason for reason in ROLES[role](lang, text)), text


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_a_plan_named_between_dashes_stays_a_deal_done_claim(role):
    """Guard: refused before wave 41 (the dashes were no clause mark of the word window); the joined asides keep it."""
    assert any(_DONE in reason for reason in ROLES[role]("en", "Go-live - per the timeline - is complete."))
