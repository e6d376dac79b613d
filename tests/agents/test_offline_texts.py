"""The screen training reads what the product's offline run writes, though it leaves out the draft's quality checks
(tests/agents/offline_texts.py): no check's verdict changes those texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from agents.models import Check
from tests.agents.offline_texts import NotOfflineError, case_run, case_texts, quality_verdicts, texts

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
CASES = [
    "injection_heldout/01_h3-hidden-complimentary-year.json",
    "injection_heldout30/079_h30-hid-en-white-font.json",  # failed addresses_contact_by_name until wave 38 vouched the
    # plain head of a name field that hides a payload (agents.hidden_name_heads): it now greets the contact by name
    "injection_heldout33/131_h33-cname-look-de-dr-titel.json",  # its offline draft fails addresses_contact_by_name
    "injection_heldout41/001_h41-price-en-invoice-per-truck.json",
]


@pytest.mark.parametrize("case", CASES)
def test_the_texts_the_screen_training_reads_are_the_ones_the_full_product_run_writes(case: str):
    path = FIXTURES / case
    full = case_run(path)
    assert texts(full) == case_texts(path)
    assert all(texts(full)[1:])  # a body, a summary and a rationale: there is something to compare


def test_the_sample_holds_an_offline_draft_whose_quality_checks_fail():
    # without one, a text that changed on a failed check would look the same in the test above
    assert any(not case_run(FIXTURES / case).checks_passed for case in CASES)


@pytest.mark.parametrize("case", CASES[:2])
def test_an_offline_run_writes_the_same_whatever_its_quality_checks_say(case: str):
    path = FIXTURES / case
    with quality_verdicts(Check(name="every_rule", passed=False, detail="refused for the test")):
        refused = case_run(path)
    assert not refused.checks_passed
    assert texts(refused) == case_texts(path)


def test_a_replay_a_vendor_answered_is_refused_by_the_training(monkeypatch):
    from agents.providers import gateway

    monkeypatch.setattr(gateway.CallResult, "label", property(lambda r: "openai:gpt-4o-mini"))
    with pytest.raises(NotOfflineError, match="may depend on the checks left out"):
        case_run(FIXTURES / CASES[0])
