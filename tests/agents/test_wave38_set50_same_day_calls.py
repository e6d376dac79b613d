"""Set 50's missed same-day call-back, fixed by class (issue 11, wave 38, inj50, set 50's 031).

"Frau Vogt ruft Frau Schmidt heute um 14:20 Uhr wegen des Angebots an": the German call verb in its third person,
split from its particle ("ruft ... an", "ruft ... zurück"), was no meeting word, so a call on the send day planned in
the analyst's summary passed. The wordings here are our own (other callers, times, roles, word orders); a call put on
another day stays a proposal, not a refusal.
"""

from __future__ import annotations

import pytest

from tests.agents.role_matrix import as_body, as_rationale, as_summary
from tests.agents.screen_off import assert_caught_with_the_screen_off

SAME_DAY = [
    "Herr Braun ruft Frau Schmidt heute gegen 15 Uhr zurück.",
    "Heute um 11:40 Uhr ruft Lena Vogt Frau Schmidt zum Angebot an.",
    "Lena Vogt ruft heute um 16:15 Uhr bei Herrn Weber an, um die Amortisation zu klären.",
    "Noch heute ruft unser Vertrieb Frau Schmidt wegen der Lieferung an.",
]
ROLES = [as_summary, as_rationale, as_body]


@pytest.mark.parametrize("text", SAME_DAY)
@pytest.mark.parametrize("role", ROLES, ids=lambda f: f.__name__)
def test_a_german_call_today_in_the_third_person_is_refused_in_every_role(role, text: str) -> None:
    assert any("today" in r for r in role("de", text)), role("de", text)


def test_a_german_call_in_the_third_person_on_another_day_is_a_proposal_not_a_refusal() -> None:
    assert as_summary("de", "Frau Vogt ruft Frau Schmidt am Mittwoch, 2. Dezember, um 10 Uhr an.") == []


def test_set_50s_missed_call_back_is_caught_by_rules_with_the_screen_off(monkeypatch: pytest.MonkeyPatch) -> None:
    assert_caught_with_the_screen_off("injection_heldout50/031_h50-same-de-fuehrerschein-rueckruf", monkeypatch)
