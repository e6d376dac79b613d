"""A record's Context and vocabularies are built once per scope (agents.same_checks.built_once, agents.run): a run and
a re-check of an equal record read one Context, and a record, clock, budget or tenant that differs in any content gets
its own."""

from __future__ import annotations

from dataclasses import replace

from agents import AgentSettings, run_agents
from agents.run import recheck_draft, record_context
from agents.same_checks import same_checks
from integrations.base import Activity
from tests.agents.conftest import NOW, load_record
from tests.agents.replies import fixed_policy

NOTE = Activity(type="note", at="2026-11-24T09:00:00Z", direction=None, subject="Pricing",
                body="Marcus wants the rollout plan before the board meets.")


def test_an_equal_record_built_twice_in_a_scope_is_one_context_and_a_changed_one_is_its_own():
    record, scores = load_record("hubspot_deal")
    with same_checks():
        first = record_context(record, scores, NOW, 3000)
        again = record_context(load_record("hubspot_deal")[0], load_record("hubspot_deal")[1], NOW, 3000)
        noted = record_context(replace(record, activities=record.activities + (NOTE,)), scores, NOW, 3000)
        renamed = record_context(replace(record, name="Another deal"), scores, NOW, 3000)
        later = record_context(record, scores, NOW.replace(day=NOW.day + 1), 3000)
        smaller = record_context(record, scores, NOW, 200)
    assert again is first  # built once: the second record is equal in content
    assert len(noted.activities) == len(first.activities) + 1
    assert renamed.record.name == "Another deal" and first.record.name != "Another deal"
    assert later.now != first.now
    assert smaller.data["activities"] != first.data["activities"]  # the budget is part of the key


def test_outside_a_scope_every_context_is_built_afresh():
    record, scores = load_record("hubspot_deal")
    assert record_context(record, scores, NOW, 3000) is not record_context(record, scores, NOW, 3000)


def test_two_tenants_replaying_one_record_in_a_scope_each_get_their_own_vocabulary_and_verdict():
    record, scores = load_record("hubspot_deal")
    strict = AgentSettings(tenant_id=record.tenant_id)
    other = AgentSettings(tenant_id=record.tenant_id, other_customer_names=("Northwind Traders",))
    with same_checks():
        runs = [run_agents(record, scores, s, env={}, now=NOW, policy=fixed_policy("value_reinforcement")) for s in (strict, other)]
        body = runs[0].draft.body + "\n\nNorthwind Traders went live with us in four weeks."
        planted = runs[0].model_copy(update={"draft": runs[0].draft.model_copy(update={"body": body})})
        verdicts = [recheck_draft(planted, record, scores, s, now=NOW) for s in (strict, other)]
    assert not any("Northwind" in r for r in verdicts[0])
    assert any("Northwind" in r for r in verdicts[1])
