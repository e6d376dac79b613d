"""The LLM budget in the database every worker shares (DbLedger): reservations race-safe across
connections, a period row seeded from what was already spent, one warning per period, and the
pipeline's runs booking every call against the enriched record."""

from __future__ import annotations

import threading
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from agents.providers.base import Usage
from agents.providers.spend import spend_periods
from app.pipeline.llm_store import DbLedger
from app.storage import get_db
from app.storage.models import AuditLog, LlmBudget, LlmUsage
from tests.conftest import install_tenant

NOW = datetime(2026, 12, 4, 10, 0, tzinfo=UTC)
T = "hubspot-7001"


@pytest.fixture
def ledger(app):
    install_tenant(app, "7001")
    return DbLedger(app)


def _periods(cap: float | None = 1.0, daily: float | None = None, tz: str = "UTC"):
    return spend_periods(NOW, tz=tz, monthly_cap_usd=cap, daily_cap_usd=daily)


def _usage(cost: float) -> Usage:
    return Usage("openai", "gpt-4o-mini", input_tokens=900, output_tokens=150, cost_usd=cost, role="writer")


def test_workers_racing_for_the_last_cents_on_their_own_connections_pass_the_cap_at_most_once(ledger):
    # Twelve threads, each with its own database connection, reserve $0.30 against a $1.00 cap
    # at the same moment: exactly three reservations fit, whatever the interleaving.
    periods = _periods(1.0)
    gate = threading.Barrier(12)
    granted: list[bool] = []

    def worker() -> None:
        gate.wait()
        granted.append(ledger.reserve(T, periods, 0.30) is None)

    threads = [threading.Thread(target=worker) for _ in range(12)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert granted.count(True) == 3
    assert ledger.spent(T, "2026-12") == pytest.approx(0.90)


def test_a_refused_reservation_leaves_no_period_charged(ledger):
    # The month has room, the day does not: nothing is reserved anywhere.
    periods = _periods(10.0, daily=0.5)
    assert ledger.reserve(T, periods, 0.4) is None
    refused = ledger.reserve(T, periods, 0.4)
    assert refused is not None and refused.key == "2026-12-04"
    assert ledger.spent(T, "2026-12") == pytest.approx(0.4) and ledger.spent(T, "2026-12-04") == pytest.approx(0.4)


def test_settling_books_the_call_for_its_record_and_replaces_the_reservation_by_the_bill(ledger, app):
    periods = _periods(1.0)
    assert ledger.reserve(T, periods, 0.30) is None
    ledger.settle(T, periods, 0.30, _usage(0.02), record_id="deal-42")
    ledger.settle(T, periods, 0.0, Usage("openai", "gpt-4o-mini", cached=True, role="writer"), record_id="deal-42")
    assert ledger.spent(T, "2026-12") == pytest.approx(0.02)
    with get_db(app).session() as s:
        rows = s.execute(select(LlmUsage.record_id, LlmUsage.cost_usd, LlmUsage.cached)).all()
    assert sorted(rows) == [("deal-42", 0.0, True), ("deal-42", 0.02, False)]


def test_an_unbilled_attempt_only_releases_its_reservation(ledger, app):
    periods = _periods(1.0)
    ledger.reserve(T, periods, 0.30)
    ledger.settle(T, periods, 0.30, None)
    assert ledger.spent(T, "2026-12") == pytest.approx(0.0)
    with get_db(app).session() as s:
        assert s.execute(select(LlmUsage)).first() is None


def test_a_new_period_starts_from_what_the_usage_rows_already_hold(ledger, app):
    # A deployment upgraded mid-month: $0.95 was spent before the budget table existed.
    with get_db(app).session() as s:
        s.add(LlmUsage(tenant_id=T, at=datetime(2026, 12, 2, tzinfo=UTC), provider="openai", cost_usd=0.95))
        s.add(LlmUsage(tenant_id=T, at=datetime(2026, 11, 30, 12, tzinfo=UTC), provider="openai", cost_usd=7.0))
    assert ledger.reserve(T, _periods(1.0), 0.10) is not None
    assert ledger.spent(T, "2026-12") == pytest.approx(0.95)


def test_the_admin_is_warned_once_when_a_period_passes_its_warning_share(ledger, app):
    periods = _periods(1.0)
    for _ in range(5):
        ledger.reserve(T, periods, 0.01)
        ledger.settle(T, periods, 0.01, _usage(0.2))
    with get_db(app).session() as s:
        warnings = s.execute(select(AuditLog.detail).where(AuditLog.event == "llm_budget_warning")).scalars().all()
        warned_at = s.execute(select(LlmBudget.warned_at).where(LlmBudget.period == "2026-12")).scalar_one()
    assert len(warnings) == 1 and warned_at is not None
    assert warnings[0]["period"] == "2026-12" and warnings[0]["committed_usd"] == pytest.approx(0.8)


def test_another_tenants_spend_never_counts_against_this_one(ledger, app):
    install_tenant(app, "7002")
    periods = _periods(0.5)
    assert ledger.reserve("hubspot-7002", periods, 0.5) is None
    assert ledger.reserve(T, periods, 0.5) is None


def test_at_the_cap_the_record_is_still_enriched_offline_and_the_rep_reads_why(app_factory, monkeypatch):
    # The writer is on a paid vendor and this month's budget is spent: the vendor is never
    # called, the task and card are still written (from the templates), the card says the budget
    # is used up rather than "no AI model is configured", and the fallback is booked for the record.
    import json
    from dataclasses import replace

    from agents import run as agents_run
    from app import settings
    from app.cards.view import details_view
    from app.storage.models import Enrichment
    from integrations.base import Company
    from tests.agents.conftest import Vendor, openai_body
    from tests.agents.replies import GOOD_DRAFT
    from tests.fakes import FakeCrm
    from tests.pipeline.test_batch_and_outcome import run_all, send
    from tests.pipeline.test_pipeline_on_fake_crm import sample_record

    app = app_factory(JOB_FUNCTION="app.pipeline.batch.process_batch", PIPELINE_BATCH_SIZE=10)
    tid = install_tenant(app, "62515")
    record = replace(sample_record(tid, "8910"), company=Company(id="c1", name="Northwind"))
    crm = FakeCrm([record])
    app.extensions["crm_factory"] = lambda tenant_id, name: crm
    settings.update(app, tid, {"monthly_spend_cap_usd": 0.0}, author="ana")
    vendor = Vendor(openai_body(json.dumps(GOOD_DRAFT)))
    real = agents_run.run_agents

    def run(rec, scores, agent_cfg, **kw):
        from agents.providers.resolve import resolve_chains

        cfg = agent_cfg.with_overrides(roles={**agent_cfg.roles, "writer": "openai:gpt-4o-mini"})
        chains = resolve_chains(cfg, env={"OPENAI_API_KEY": "sk-test"}, http_client=vendor.client())
        return real(rec, scores, cfg, providers=chains, **kw)

    monkeypatch.setattr("app.pipeline.batch.agents_run.run_agents", run)
    send(app, ["8910"])
    run_all(app)
    assert vendor.requests == []
    assert crm.tasks.get("8910"), "the record is enriched (offline), never dropped"
    with get_db(app).session() as s:
        card = s.execute(select(Enrichment.card).where(Enrichment.record_id == "8910")).scalars().first()
        booked = s.execute(select(LlmUsage.provider, LlmUsage.record_id, LlmUsage.fallback_reason)).all()
    assert card["llm_budget"]["message"].startswith("Written from built-in templates: this account's AI budget "
                                                    "for this month")
    assert details_view(card, {})["model"][0] == card["llm_budget"]["message"]
    assert [(p, r) for p, r, _why in booked] == [("offline", "8910")]
    assert "spend_cap_reached" in booked[0][2]
