"""The record's own company name is what the record vouches for, however it is spelled, on Salesforce's own records.

Found through the product path (benchmarks/llm_cost_per_record.py's replay of the offline templates' own answers as an
OpenAI vendor's, `--crm salesforce`): every Salesforce Lead's Company carries a number ("Crimson Goods 763"), and the
writer's draft was refused on 45 of 45 open leads of seed 0 for "number '763' is not in the inputs"; and an
Opportunity of "Granite Works Ltd" was refused for naming another customer, "Granite Works" (the sandbox, like a real
org, holds both). Each benign case is paired with the attack it must still refuse.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from agents.context import build_context
from agents.facts import build_vocabulary, find_unsupported
from agents.models import DraftOut
from agents.safety import check_draft
from tests.agents.conftest import NOW, load_record


def _with_company(name: str, other_customers: tuple[str, ...] = ()):
    record, scores = load_record("hubspot_deal")  # amount 48,000 USD, open; contacts 501-503
    record = replace(record, company=replace(record.company, name=name))
    ctx = build_context(record, scores, now=NOW)
    return ctx, build_vocabulary(ctx, other_customers=other_customers)


def _draft(body: str) -> DraftOut:
    return DraftOut(to_contact_id="501", subject="Next step on this project", body=body)


@pytest.fixture(scope="module")
def numbered():
    return _with_company("Crimson Goods 763", other_customers=("Crimson Goods 12", "Nimbus Creative"))


def test_a_draft_naming_the_records_numbered_company_passes(numbered):
    ctx, vocab = numbered
    body = ("Hi Dana,\n\nConfirming soon keeps onboarding for Crimson Goods 763 on the timeline we discussed. Would "
            "Tuesday at 10:00 work for a 20-minute call?\n\nBest,\nSam")
    assert find_unsupported(body, vocab) == []
    assert check_draft(_draft(body), ctx, vocab, approved_discount=None) == []


def test_the_company_names_number_is_not_vouched_outside_the_name(numbered):
    _ctx, vocab = numbered
    assert [f.value for f in find_unsupported("We can onboard 763 seats for Crimson Goods 763.", vocab)] == ["763"]


def test_the_company_names_number_vouches_for_no_price_or_discount(numbered):
    _ctx, vocab = numbered
    found = {f.kind for f in find_unsupported("Crimson Goods 763 gets $763 off, or 763% of the list price.", vocab)}
    assert {"money", "percent"} <= found


def test_another_customer_sharing_the_name_but_not_the_number_is_still_refused(numbered):
    _ctx, vocab = numbered
    found = find_unsupported("Crimson Goods 12 went live in four weeks.", vocab)
    assert [f.value for f in found if f.kind == "other_customer"] == ["Crimson Goods 12"]


@pytest.fixture(scope="module")
def prefixed():
    return _with_company("Granite Works Ltd", other_customers=("Granite Works", "Granite Works Ltd Holdings"))


def test_a_draft_naming_the_records_company_is_not_read_as_the_shorter_customer_it_contains(prefixed):
    ctx, vocab = prefixed
    body = "Hi Dana,\n\nHappy to walk Granite Works Ltd through the rollout plan next week.\n\nBest,\nSam"
    assert find_unsupported(body, vocab, kinds=("other_customer",)) == []
    assert check_draft(_draft(body), ctx, vocab, approved_discount=None) == []


def test_the_shorter_customer_named_alone_is_still_refused(prefixed):
    _ctx, vocab = prefixed
    found = find_unsupported("Granite Works Ltd should hear how Granite Works cut costs.", vocab)
    assert [f.value for f in found if f.kind == "other_customer"] == ["Granite Works"]


def test_a_longer_customer_containing_the_records_company_is_still_refused(prefixed):
    _ctx, vocab = prefixed
    found = find_unsupported("Granite Works Ltd Holdings signed last month.", vocab)
    assert "Granite Works Ltd Holdings" in [f.value for f in found if f.kind == "other_customer"]


def test_a_function_word_before_a_customers_later_word_is_no_abbreviation_of_its_first():
    # Found on the Salesforce replay once the industry picklist was written as words: "Teams in education management"
    # to Harbor Education was refused as naming "Iron Education" ("in" read as "Iron" shortened).
    _ctx, vocab = _with_company("Harbor Education", other_customers=("Iron Education", "Groupe Delorme"))
    assert find_unsupported("Teams in education management usually start with one group.", vocab) == []
    for shortened in ("Irn Education went live in four weeks.", "I. Education went live.", "Grp Delorme signed."):
        assert "other_customer" in [f.kind for f in find_unsupported(shortened, vocab)], shortened
