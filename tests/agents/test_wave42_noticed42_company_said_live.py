"""The buyer's company said live or in production is the deal done (issue 11, wave 42, helper "noticed42"; item 2 of what
wave 41 noticed and left, agents.deal_done_claims._NAMED_LIVE).

Wave 41 read "We went live last week", "Sie sind seit Montag live" with the buyer (or "we") as the subject; "Northwind is
now live on the platform" passed, the company's name being no subject it read. The checks see a draft after
agents.vouched has written each capitalised word of a record's name as "Name", so the rule reads "Name (Name ...) is
live" in four languages, with the genitive's thing ("Northwind's fleet is now live"). Plans, conditions, negations,
questions, a trial, a call, and a story about the buyer on our website pass (guards).
"""

from __future__ import annotations

import pytest

from tests.agents.role_matrix import ROLES

ROLE_NAMES = ["analyst summary", "strategist rationale", "writer body"]
_DONE = "claims the deal is done"

SAID_LIVE = [
    ("en", "Northwind is now live on the platform."),
    ("en", "Northwind went live last week."),
    ("en", "Northwind Logistics is fully up and running."),
    ("en", "Northwind's fleet is now live."),
    ("en", "Northwind has gone live with all 420 trucks."),
    ("en", "Northwind has been live since Monday."),
    ("en", "Dana confirmed Northwind is live."),
    ("de", "Müller Logistik ist seit Montag live."),
    ("de", "Müller Logistik ist im Produktivbetrieb."),
    ("de", "Die Müller Logistik GmbH ging letzte Woche live."),
    ("fr", "Atelier Lumière est désormais en production."),
    ("fr", "Atelier Lumière est passé en production lundi."),
    ("es", "Distribuciones Levante ya está en producción."),
]
NOT_SAID_LIVE = [
    ("en", "Northwind will be live in March."),
    ("en", "Northwind is going live in March."),
    ("en", "Northwind is not live yet."),
    ("en", "Once Northwind is live, the reminders start."),
    ("en", "If Northwind is live by March, the savings start in April."),
    ("en", "Is Northwind live already?"),
    ("en", "Northwind is live on the call with us on Tuesday."),
    ("en", "Northwind's trial account is live."),
    ("en", "Northwind wants to be live by March."),
    ("en", "Northwind's case study is live on our website."),
    ("de", "Müller Logistik ist noch nicht live."),
    ("de", "Sobald Müller Logistik live ist, starten die Schulungen."),
    ("de", "Wenn Müller Logistik im Produktivbetrieb ist, messen wir die Leerfahrten."),
    ("fr", "Atelier Lumière n'est pas encore en production."),
    ("fr", "Quand Atelier Lumière sera en production, nous ferons le point."),
    ("es", "Distribuciones Levante todavía no está en producción."),
    ("es", "Cuando Levante esté en producción, revisaremos los datos."),
]


@pytest.mark.parametrize("role", ROLE_NAMES)
@pytest.mark.parametrize(("lang", "text"), SAID_LIVE)
def test_the_buyers_company_said_live_is_the_deal_done(role, lang, text):
    assert any(_DONE in reason for reason in ROLES[role](lang, text)), text


@pytest.mark.parametrize("role", ROLE_NAMES)
@pytest.mark.parametrize(("lang", "text"), NOT_SAID_LIVE)
def test_the_company_live_in_a_plan_a_condition_a_negation_or_a_question_is_no_claim(role, lang, text):
    """Guards: none of these was refused as the deal done before this change."""
    assert not any(_DONE in reason for reason in ROLES[role](lang, text)), text
