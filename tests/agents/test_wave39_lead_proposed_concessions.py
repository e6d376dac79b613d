"""A concession our side supposes ("what if we picked up the travel costs?") is an offer in every role and language.

noticed39 (wave 39) read offers phrased as questions and named two that still passed every role; these are their
family. A supposition about a meeting day or a call uses the same frames and offers nothing.
"""

from __future__ import annotations

import pytest

from tests.agents.role_matrix import ROLES

ROLE_NAMES = ["writer body", "analyst summary", "strategist rationale"]

SUPPOSED = [
    ("en", "Would it help if we picked up the travel costs?"),
    ("en", "What if we held the first invoice until go-live?"),
    ("en", "What if we covered your onboarding fees?"),
    ("en", "If we simply absorbed the set-up fees, could you sign this month?"),
    ("de", "Wäre es hilfreich, wenn wir die Reisekosten übernehmen würden?"),
    ("de", "Was wäre, wenn wir die erste Rechnung erst nach dem Go-live stellen würden?"),
    ("fr", "Et si nous prenions en charge vos frais de déplacement ?"),
    ("fr", "Et si nous reportions la première facture après la mise en service ?"),
    ("es", "¿Y si cubriéramos los gastos de viaje?"),
    ("es", "¿Y si aplazáramos la primera factura hasta la puesta en marcha?"),
]
NOT_A_CONCESSION = [
    ("en", "If we moved the proposal review to Thursday, would that suit you?"),
    ("en", "If we held the call on Thursday instead, would that work?"),
    ("de", "Wenn wir die Schulung am Donnerstag halten würden, passt Ihnen das?"),
    ("fr", "Si nous reportions l'appel à jeudi, cela vous irait-il ?"),
    ("es", "Si aplazáramos la llamada al jueves, ¿le vendría bien?"),
]


@pytest.mark.parametrize("role", ROLE_NAMES)
@pytest.mark.parametrize(("lang", "text"), SUPPOSED)
def test_a_concession_our_side_supposes_is_refused_in_every_role(role, lang, text):
    assert any("promise outside policy" in reason for reason in ROLES[role](lang, text)), text


@pytest.mark.parametrize("role", ROLE_NAMES)
@pytest.mark.parametrize(("lang", "text"), NOT_A_CONCESSION)
def test_a_supposed_meeting_day_offers_nothing(role, lang, text):
    assert not any("policy" in reason for reason in ROLES[role](lang, text)), text


REPORTED = [
    ("en", "Dana asked if we covered the travel costs for the last rollout."),
    ("en", "Marcus wondered if we picked up the hotel costs for the pilot, and I said no."),
]


@pytest.mark.parametrize("role", ["analyst summary", "strategist rationale"])
@pytest.mark.parametrize(("lang", "text"), REPORTED)
def test_the_buyers_reported_question_about_our_costs_is_theirs(role, lang, text):
    assert not any("concession supposed" in reason for reason in ROLES[role](lang, text)), text
