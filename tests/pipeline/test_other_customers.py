"""The pipeline hands the agents the tenant's other companies, so a draft to one customer never
names another (issue 11): from the batch's own records and from what was enriched before."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from agents import run as agents_run
from app.pipeline.companies import other_customers, tenant_companies
from integrations.base import Company
from tests.agents.conftest import Vendor, openai_body, openai_provider
from tests.fakes import FakeCrm
from tests.pipeline.test_batch_and_outcome import run_all, send
from tests.pipeline.test_pipeline_on_fake_crm import sample_record

COMPANIES = {"8900": "Northwind Logistics", "8901": "Contoso Freight", "8902": "Fabrikam Haulage"}


def _record(tid, deal_id):
    r = sample_record(tid, deal_id)
    return replace(r, company=replace(r.company or Company(id="c"), id=f"c{deal_id}", name=COMPANIES[deal_id]))


@pytest.fixture
def tenant(app_factory):
    from tests.conftest import install_tenant

    app = app_factory(JOB_FUNCTION="app.pipeline.batch.process_batch", PIPELINE_BATCH_SIZE=10)
    tid = install_tenant(app, "62515")
    crm = FakeCrm([_record(tid, d) for d in COMPANIES])
    app.extensions["crm_factory"] = lambda tenant_id, name: crm
    return app, tid, crm


def _leaky_writer(monkeypatch, seen):
    """Every run's writer is a model that drops another customer's name into the draft."""
    real = agents_run.run_agents

    def run(record, scores, settings, **kw):
        seen[record.id] = settings.other_customer_names
        body = ("Hi Dana,\n\nThanks for your email on November 18 confirming that security signed off. "
                "Contoso Freight rolled this out last spring and cut idle time across their depots, so the "
                "proposal for Marcus follows the same plan ahead of the December budget review.\n\n"
                "Would a 20-minute call on Monday work?\n\nBest,\nSam")
        reply = {"to_contact_id": "501", "subject": "Proposal and next step", "body": body}
        vendor = Vendor(*[openai_body(json.dumps(reply))] * 2)
        settings = settings.with_overrides(vendor_allowlist=None)  # this tenant allows the vendor
        out = real(record, scores, settings, providers={"writer": [openai_provider(vendor)]}, **kw)
        seen[f"{record.id}:fallbacks"] = tuple(f.reason for f in out.fallbacks)
        return out

    monkeypatch.setattr("app.pipeline.batch.agents_run.run_agents", run)


def test_each_record_gets_the_tenants_other_companies_and_never_its_own(tenant, monkeypatch):
    app, _tid, crm = tenant
    seen: dict[str, tuple[str, ...]] = {}  # names, and fallbacks
    _leaky_writer(monkeypatch, seen)
    send(app, list(COMPANIES))
    run_all(app)
    assert set(seen["8900"]) == {"Contoso Freight", "Fabrikam Haulage"}
    assert "Contoso Freight" not in seen["8901"] and "Northwind Logistics" in seen["8901"]
    # The model named Contoso to Northwind and Fabrikam: refused, their tasks hold the offline draft;
    # Contoso's own task may name Contoso.
    for deal in ("8900", "8902"):
        assert "Contoso" not in crm.tasks[deal]["body"] and "Fabrikam" not in crm.tasks["8900"]["body"], deal
    assert "other_customer 'Contoso Freight'" in " ".join(seen["8900:fallbacks"])
    assert "other_customer" not in " ".join(seen["8901:fallbacks"])


def test_companies_enriched_earlier_are_known_to_a_fresh_process(tenant, monkeypatch):
    app, tid, crm = tenant
    send(app, list(COMPANIES))
    run_all(app)
    app.extensions.pop("tenant_companies", None)  # a new worker process: nothing cached
    names = tenant_companies(app, tid)
    assert names == frozenset(COMPANIES.values())
    assert other_customers(names, _record(tid, "8900")) == ("Contoso Freight", "Fabrikam Haulage")


def test_short_names_are_not_refused_as_words(tenant):
    app, tid, _crm = tenant
    assert other_customers({"Co", "AB", "1234", "Best Buy"}, _record(tid, "8900")) == ("Best Buy",)
