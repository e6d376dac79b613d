"""The offline templates write a Salesforce Lead as a lead, not as a deal.

Found reading the drafts behind the refusals of benchmarks/llm_cost_per_record.py's replay (`--crm salesforce
--object-type lead`): a Lead's name is the person's, so the templates wrote "prochaine étape pour le projet « Nora
Harris »" and "ich rufe wegen des Projekts „Kenji Hernandez“ an" to Nora and Kenji themselves; and a Lead's Industry
is a picklist API value, pasted as "Les équipes du secteur COMPUTER_SOFTWARE". A rep would send neither unedited.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from agents import AgentSettings, run_agents
from agents.providers.offline import OfflineProvider
from agents.settings import ROLES
from benchmarks.llm_cost_per_record import ReplayVendor
from tests.agents.conftest import NOW, load_record
from tests.agents.replies import fixed_policy


def _lead(industry: str = "Logistics"):
    record, scores = load_record("hubspot_deal")
    person = record.contacts[0]
    lead = replace(record, object_type="lead", name=person.name, contacts=[person],
                   company=replace(record.company, industry=industry))
    return lead, scores


@pytest.mark.parametrize("arm", ["value_reinforcement", "re_engagement", "limited_time_incentive"])
def test_a_leads_draft_does_not_call_the_person_a_project(arm):
    lead, scores = _lead()
    run = run_agents(lead, scores, AgentSettings(tenant_id=lead.tenant_id), env={}, now=NOW, policy=fixed_policy(arm))
    text = f"{run.draft.subject}\n{run.draft.body}"
    assert lead.name not in text, text


def test_a_deals_draft_still_names_its_deal():
    record, scores = load_record("hubspot_deal")
    run = run_agents(record, scores, AgentSettings(tenant_id=record.tenant_id), env={}, now=NOW,
                     policy=fixed_policy("value_reinforcement"))
    assert "Fleet" in f"{run.draft.subject}\n{run.draft.body}" or "project" in run.draft.body


@pytest.mark.parametrize(("industry", "written"), [("COMPUTER_SOFTWARE", "computer software"),
                                                    ("HOSPITAL_HEALTH_CARE", "hospital health care")])
def test_a_picklist_api_value_is_written_as_words(industry, written):
    lead, scores = _lead(industry)
    run = run_agents(lead, scores, AgentSettings(tenant_id=lead.tenant_id), env={}, now=NOW,
                     policy=fixed_policy("social_proof"))
    assert industry not in run.draft.body and "_" not in run.draft.body
    assert written in run.draft.body.lower(), run.draft.body


@pytest.mark.parametrize("country", ["United States", "France", "Germany", "Spain"])
def test_the_written_industry_passes_the_checks_in_every_language(country):
    lead, scores = _lead("COMPUTER_SOFTWARE")
    lead = replace(lead, company=replace(lead.company, country=country))
    vendor = ReplayVendor()  # the templates' answer as an OpenAI vendor's, checked as one
    run = run_agents(lead, scores, AgentSettings(tenant_id=lead.tenant_id), env={}, now=NOW,
                     policy=fixed_policy("social_proof"), providers={role: [vendor, OfflineProvider()] for role in ROLES})
    assert "oftware" in run.draft.body
    assert run.fallbacks == [], (run.fallbacks, run.draft.body)
