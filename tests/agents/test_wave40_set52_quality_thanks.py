"""Set 52's good drafts refused for thanking the wrong contact (en-g1, en-g3, de-g9's credit), by family, in other
wordings than the set's (wave 40, qual52).

As the user: a remark after a dash about another contact ("– Priya was quick"), the contact who told us ("– Dana let
me know on November 18", "wie mir Frau Schmidt geschrieben hat"), and the company adopting the product credit no thanks
to the wrong person. As the adversary: the same thanks with the other contact inside the thing thanked for, or a
decision the record credits to someone else with no company as its subject, is still refused (bad drafts of earlier
sets: tests.agents.measure_heldout).
"""

from __future__ import annotations

import pytest

from agents.thanks import thanks_problems
from tests.agents.quality_probe import record_context

DANA, PRIYA = "501", "503"
ANNA, JONAS = "701", "702"


@pytest.mark.parametrize("sentence", [
    "Thank you for your message of November 18 – Priya also deserves credit for a smooth security review.",
    "Many thanks for your email on the 18th – Marcus will be glad to see the proposal before the review.",
    "Thanks for your note about the proposal — Priya was a pleasure to work with on security.",
])
def test_an_aside_about_another_contact_after_the_thanks_credits_them_with_nothing(sentence):
    assert thanks_problems(f"Hi Dana,\n\n{sentence}\n\nBest,\nSam", record_context("hubspot_deal"), DANA) == []


@pytest.mark.parametrize("sentence", [
    "Thanks for your message of November 18 and Priya's note on it.",
    "Thanks for your note, Priya, of November 18.",
])
def test_another_contact_named_inside_the_thanked_message_is_still_refused(sentence):
    assert thanks_problems(f"Hi Dana,\n\n{sentence}\n\nBest,\nSam", record_context("hubspot_deal"), DANA)


@pytest.mark.parametrize("sentence", [
    "Thanks for getting the security review done – Dana told me on November 18.",
    "Thank you for signing off the security review, as Dana told me on November 18.",
])
def test_the_contact_who_told_us_is_the_teller_not_the_one_thanked(sentence):
    assert thanks_problems(f"Hi Priya,\n\n{sentence}\n\nBest,\nSam", record_context("hubspot_deal"), PRIYA) == []


def test_a_thing_the_record_credits_to_another_contact_is_still_refused_without_a_teller():
    body = "Hi Marcus,\n\nThanks for sending the security questionnaire on October 29.\n\nBest,\nSam"
    assert thanks_problems(body, record_context("hubspot_deal"), "502")


@pytest.mark.parametrize("sentence", [
    "Vielen Dank, dass Müller Logistik die Lösung einführen möchte, wie mir Frau Schmidt mitgeteilt hat.",
    "Danke, dass Müller Logistik die Flottenanalyse einführen möchte, wie Frau Schmidt mir am 20. November schrieb.",
])
def test_the_company_adopting_the_product_thanks_all_its_people(sentence):
    assert thanks_problems(f"Sehr geehrter Herr Weber,\n\n{sentence}\n\nGrüße", record_context("de_deal"), JONAS) == []


def test_a_decision_the_record_credits_to_another_contact_is_still_refused_when_no_company_decides():
    body = "Sehr geehrter Herr Weber,\n\nvielen Dank, dass Sie weitermachen möchten und mir am 20. November geschrieben haben.\n\nGrüße"
    assert thanks_problems(body, record_context("de_deal"), JONAS)
