"""The tenant's `link_allowlist` and per-role `llm_timeouts` settings reach the agents (issue 11):
a link on the tenant's allow-list survives into the CRM task, any other link sends the draft back
to the offline template; a role's timeout is the tenant's when set."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from agents import run as agents_run
from app import settings
from app.pipeline.tenant import agent_settings, tenant_settings
from app.settings import SettingsError
from integrations.base import Company
from tests.agents.conftest import Vendor, openai_body, openai_provider
from tests.conftest import install_tenant
from tests.fakes import FakeCrm
from tests.pipeline.test_batch_and_outcome import run_all, send
from tests.pipeline.test_pipeline_on_fake_crm import sample_record

BODY = ("Hi Dana,\n\nThanks for confirming that security signed off. The security whitepaper Priya asked "
        "about is at {link} so she has it before the proposal reaches Marcus.\n\nBest,\nSam")


@pytest.fixture
def tenant(app):
    return install_tenant(app, "4243")


@pytest.mark.parametrize("entry", ["*.brightlane.io", "https://brightlane.io/docs?ref=", "sam@brightlane.io",
                                   "com", "javascript:alert(1)", "brightlane.io/ docs", "ftp://brightlane.io"])
def test_a_link_allowlist_entry_that_is_not_a_domain_or_url_prefix_is_refused_in_one_line(app, tenant, entry):
    with pytest.raises(SettingsError) as err:
        settings.update(app, tenant, {"link_allowlist": ["brightlane.io", entry]}, author="ana")
    assert err.value.key == "link_allowlist" and "not a domain or URL prefix" in str(err.value)
    assert "\n" not in str(err.value) and settings.get(app, tenant).version == 0


def test_link_allowlist_entries_are_stored_lowercased_and_once(app, tenant):
    snap = settings.update(app, tenant, {"link_allowlist": [" Brightlane.IO ", "https://docs.brightlane.io/uk/",
                                                            "brightlane.io"]}, author="ana")
    assert snap.settings.link_allowlist == ["brightlane.io", "https://docs.brightlane.io/uk/"]


@pytest.mark.parametrize("changes, key", [({"llm_timeouts.writer": 0.2}, "llm_timeouts.writer"),
                                          ({"llm_timeouts.writer": 3600}, "llm_timeouts.writer"),
                                          ({"llm_timeouts.painter": 30}, "llm_timeouts.painter")])
def test_a_role_timeout_outside_the_range_or_for_an_unknown_role_is_refused(app, tenant, changes, key):
    with pytest.raises(SettingsError) as err:
        settings.update(app, tenant, changes, author="ana")
    assert err.value.key == key and "\n" not in str(err.value)


def test_the_agents_get_the_tenants_links_and_role_timeouts_over_the_deployments(app, tenant):
    app.config["LLM_TIMEOUT_SECONDS"] = 20
    app.config["LLM_TIMEOUT_ANALYST"] = 45
    settings.update(app, tenant, {"link_allowlist": ["brightlane.io"], "llm_timeouts.writer": 90}, author="ana")
    agents = agent_settings(app, tenant_settings(app, tenant))
    assert agents.link_allowlist == ("brightlane.io",)
    assert agents.timeout_for("writer") == 90.0      # the tenant's
    assert agents.timeout_for("analyst") == 45.0     # the deployment's per-role value
    assert agents.timeout_for("strategist") == 20.0  # the deployment's common value
    settings.update(app, tenant, {"llm_timeouts.writer": None}, author="ana")
    assert agent_settings(app, tenant_settings(app, tenant)).timeout_for("writer") == 20.0


def test_a_tenant_turns_the_learned_screen_off_and_back_on(app, tenant):
    assert agent_settings(app, tenant_settings(app, tenant)).learned_screen is True  # the default
    settings.update(app, tenant, {"learned_screen": False}, author="ana")
    assert agent_settings(app, tenant_settings(app, tenant)).learned_screen is False
    with pytest.raises(SettingsError) as err:
        settings.update(app, tenant, {"learned_screen": "perhaps"}, author="ana")
    assert err.value.key == "learned_screen"
    settings.update(app, tenant, {"learned_screen": True}, author="ana")
    assert agent_settings(app, tenant_settings(app, tenant)).learned_screen is True


@pytest.fixture
def linked_tenant(app_factory):
    app = app_factory(JOB_FUNCTION="app.pipeline.batch.process_batch", PIPELINE_BATCH_SIZE=10)
    tid = install_tenant(app, "62515")  # the portal `send` posts for
    # Different names and amounts: identical inputs would share one cached model answer.
    records = [replace(r, name=f"Northwind Logistics - deal {r.id}", amount=40000.0 + int(r.id),
                       company=replace(r.company or Company(id="c"), id=f"c{r.id}"))
               for r in (sample_record(tid, "8910"), sample_record(tid, "8911"))]
    crm = FakeCrm(records)
    app.extensions["crm_factory"] = lambda tenant_id, name: crm
    return app, tid, crm


def test_an_allowed_link_reaches_the_task_and_another_link_sends_the_draft_back_offline(linked_tenant, monkeypatch):
    app, tid, crm = linked_tenant
    settings.update(app, tid, {"link_allowlist": ["brightlane.io"]}, author="ana")
    links = {"8910": "https://brightlane.io/security/whitepaper", "8911": "https://brightlane-docs.net/security"}
    real = agents_run.run_agents
    fallbacks: dict[str, tuple[str, ...]] = {}

    def run(record, scores, agent_cfg, **kw):
        reply = {"to_contact_id": "501", "subject": "Security whitepaper",
                 "body": BODY.format(link=links[record.id])}
        vendor = Vendor(*[openai_body(json.dumps(reply))] * 2)
        agent_cfg = agent_cfg.with_overrides(vendor_allowlist=None)
        out = real(record, scores, agent_cfg, providers={"writer": [openai_provider(vendor)]}, **kw)
        fallbacks[record.id] = tuple(f.reason for f in out.fallbacks)
        return out

    monkeypatch.setattr("app.pipeline.batch.agents_run.run_agents", run)
    send(app, list(links))
    run_all(app)
    assert fallbacks["8910"] == () and links["8910"] in crm.tasks["8910"]["body"], fallbacks["8910"]
    assert "brightlane-docs.net" not in crm.tasks["8911"]["body"] and "brightlane.io" not in crm.tasks["8911"]["body"]
    assert any("url 'https://brightlane-docs.net/security'" in f for f in fallbacks["8911"]), fallbacks["8911"]
