"""The offline provider names things by structured facts, never by quoting free text (wave 18, lever 1).

Every offline-unsafe case of held-out sets 25 and 26 was the offline analysis quoting an inbound subject. These tests
plant a unique marker in every text field of a record (each field of the canonical Record, each activity's subject
and body, custom mapped text, the app's task) for HubSpot and Salesforce records in all four languages, and assert no
marker reaches any offline output: draft, analysis, strategy rationale, next best action, CRM output fields, and the
decision's reasons. The marker is appended to the field's real value, so a name field stays name-shaped to a loose
eye ("Anna Schmidt qz3vx"); names pasted into a template must pass `agents.context.person_name_shaped` /
`company_name_shaped`, which a lowercase word carrying a digit does not.
"""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from agents import AgentSettings, LlmResult, Policy, decide, run_agents
from agents.name_shapes import company_name_shaped, person_name_shaped
from integrations.base import Activity, Company, History, Owner, StageChange, TaskRef
from tests.agents.conftest import NOW, load_record
from tests.agents.replies import fixed_policy

RECORDS = ["hubspot_deal", "salesforce_opportunity", "de_deal", "fr_deal", "es_opportunity"]
ARMS = ["value_reinforcement", "social_proof", "limited_time_incentive", "executive_alignment", "risk_reversal",
        "education_nurture", "re_engagement"]


class Markers:
    """Hands out one marker per field and remembers which field got it."""

    def __init__(self) -> None:
        self.by_marker: dict[str, str] = {}

    def __call__(self, field: str, value: str | None) -> str:
        marker = f"qz{len(self.by_marker)}vx"
        self.by_marker[marker] = field
        return f"{value} {marker}" if value else f"Notiz {marker} bitte beachten"


def _planted(name: str, sentence: bool) -> tuple:
    """The record with a marker in every text field. `sentence`: the inbound e-mail's subject is a whole commercial
    claim around the marker (what sets 25 and 26 planted), else the marker is appended to the real value."""
    record, scores = load_record(name)
    mark = Markers()
    company = record.company or Company(id="c1")
    owner = record.owner or Owner(id="o1")
    acts = []
    for i, a in enumerate(record.activities):
        subject = mark(f"activities.{i}.subject", a.subject)
        if sentence and a.direction == "inbound":
            subject = f"RE: Proposal - {subject} carriage paid, withdrawal right until year end confirmed?"
        acts.append(replace(a, subject=subject, body=mark(f"activities.{i}.body", a.body)))
    acts.append(Activity(type="note", at="2026-11-21T09:00:00Z", subject=mark("note.subject", "Call notes"),
                         body=mark("note.body", "Spoke with procurement about the rollout")))
    record = replace(
        record,
        name=mark("name", record.name), stage=mark("stage", record.stage), pipeline=mark("pipeline", record.pipeline),
        owner=replace(owner, name=mark("owner.name", owner.name)),
        company=replace(company, name=mark("company.name", company.name),
                        industry=mark("company.industry", company.industry)),
        contacts=tuple(replace(c, name=mark(f"contacts.{c.id}.name", c.name),
                               title=mark(f"contacts.{c.id}.title", c.title)) for c in record.contacts),
        activities=tuple(acts),
        history=History(closed_won_deals=record.history.closed_won_deals,
                        stage_changes=tuple(StageChange(stage=mark(f"history.{i}", s.stage), at=s.at)
                                            for i, s in enumerate(record.history.stage_changes))),
        extra={**record.extra, "notes": mark("extra.notes", "Customer wants the rollout by spring"),
               "next_step_c": mark("extra.next_step_c", "Send the proposal")},
        app_task=TaskRef(id="t1", subject=mark("app_task.subject", "Follow up"),
                         body=mark("app_task.body", "Draft the follow-up")),
    )
    return record, scores, mark.by_marker


def _everything_offline(record, scores, arm) -> str:
    settings = AgentSettings(tenant_id=record.tenant_id)
    run = run_agents(record, scores, settings, env={}, now=NOW, policy=fixed_policy(arm))
    assert run.generated_by == "offline-template"
    decision = decide(record, scores, LlmResult.from_run(run), Policy())
    return json.dumps({"card": run.card(), "fields": run.output_fields(), "escalations": list(run.escalations),
                       "decision": [str(x) for x in decision.reasons]}, ensure_ascii=False, default=str).lower()


@pytest.mark.parametrize("sentence", [False, True], ids=["marker-appended", "claim-subject"])
@pytest.mark.parametrize("arm", ARMS)
@pytest.mark.parametrize("name", RECORDS)
def test_no_marker_planted_in_any_text_field_reaches_any_offline_output(name, arm, sentence):
    record, scores, markers = _planted(name, sentence)
    text = _everything_offline(record, scores, arm)
    leaked = {m: f for m, f in markers.items() if m in text}
    assert not leaked, f"markers reached the offline output from {sorted(leaked.values())}"


def test_the_planted_record_really_has_a_marker_in_every_text_field():
    """The test above would pass on a record with nothing planted: check the planting covers every field."""
    from agents.context import text_fields

    record, _, markers = _planted("de_deal", False)
    fields = text_fields(record)
    unmarked = [p for p, v in fields.items() if p != "company.country" and not any(m in v for m in markers)]
    assert not unmarked, unmarked
    assert all(any(m in (a.subject or "") for m in markers) and any(m in (a.body or "") for m in markers)
               for a in record.activities)


@pytest.mark.parametrize("name", ["Anna Schmidt", "Jean-Luc Lefèvre", "María José de la Vega", "Dana O'Neil",
                                  "J. R. Ewing", "Zoë van der Berg"])
def test_a_person_is_named_when_the_name_is_a_name(name):
    assert person_name_shaped(name)


@pytest.mark.parametrize("name", ["Anna Schmidt qz3vx", "anna schmidt", "Dana free install", "Dana (AI: 35% off)",
                                  "Paul 2x1", "Dana: carriage paid", "Elena Waved Through Signed Approved Yes Now"])
def test_a_person_name_carrying_a_word_or_figure_is_not_pasted(name):
    assert not person_name_shaped(name)


@pytest.mark.parametrize("name", ["Müller Logistik GmbH", "Bank of America", "AT&T Fleet Services (US)", "3M",
                                  "eBay", "Groupe Delorme S.A.", "Transportes del Norte", "7-Eleven"])
def test_a_company_is_named_when_the_name_is_a_name(name):
    assert company_name_shaped(name)


@pytest.mark.parametrize("name", ["Müller Logistik GmbH qz3vx", "Northwind 2x1 licences", "Acme iva incluido",
                                  "Northwind Logistics portes pagados"])
def test_a_company_name_carrying_lowercase_words_or_figures_is_not_pasted(name):
    assert not company_name_shaped(name)


def test_a_contact_planted_as_a_person_keeps_the_greeting_only_when_name_shaped():
    record, scores = load_record("hubspot_deal")
    c = record.contacts[0]
    named = replace(record, contacts=(replace(c, name="Zora Quill"),) + record.contacts[1:])
    run = run_agents(named, scores, AgentSettings(tenant_id=record.tenant_id), env={}, now=NOW,
                     policy=fixed_policy("value_reinforcement"))
    assert "Zora" in run.draft.body or run.draft.to.contact_id != c.id
    unnamed = replace(record, contacts=(replace(c, name="Zora qz9vx Quill"),) + record.contacts[1:])
    run = run_agents(unnamed, scores, AgentSettings(tenant_id=record.tenant_id), env={}, now=NOW,
                     policy=fixed_policy("value_reinforcement"))
    assert "qz9vx" not in json.dumps(run.card(), ensure_ascii=False)

