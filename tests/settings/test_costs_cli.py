"""`agentic-sales costs` and the backfill's budget check as finance and revops use them, on a
demo-shaped data directory with a real HubSpot sandbox over HTTP."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime

import pytest

from tests.settings.test_cli import make_demo_dir, ok, refused, run

pytestmark = pytest.mark.timeout(120)

VENDOR = {"AGENTIC_SALES_LLM_WRITER": "openai:gpt-4o-mini", "OPENAI_API_KEY": "sk-test"}
"""A deployment whose writer runs on a paid vendor (nothing is called: the CLI only estimates)."""


@pytest.fixture(scope="module")
def sandbox():
    from tests.hubspot import sandbox_helpers as sb

    handle = sb.start()
    yield handle
    handle.stop()


@pytest.fixture
def demo(tmp_path, sandbox):
    return make_demo_dir(tmp_path, sandbox.url, sandbox.hub_id)


def _book(data, tid: str, *rows: dict) -> None:
    from sqlalchemy import create_engine
    from sqlalchemy.orm import Session

    from app.demo import DEMO_DATABASE
    from app.storage.models import LlmUsage

    engine = create_engine(f"sqlite:///{data / DEMO_DATABASE}")
    with Session(engine) as s:
        for row in rows:
            s.add(LlmUsage(tenant_id=tid, at=row.pop("at", datetime.now(UTC)), provider=row.pop("provider", "openai"),
                           model=row.pop("model", "gpt-4o-mini"), role=row.pop("role", "writer"), **row))
        s.commit()
    engine.dispose()


def test_show_prints_the_budget_in_force_and_this_months_spend(demo):
    data, tid = demo
    ok(run(data, "settings", "set", "--tenant", tid, "monthly_spend_cap_usd=2", "daily_spend_cap_usd=0.5"))
    _book(data, tid, {"cost_usd": 1.7, "input_tokens": 5000, "output_tokens": 600, "record_id": "d1"})
    shown = ok(run(data, "costs", "show", "--tenant", tid))
    monthly, daily = shown["budget"]
    assert (monthly["kind"], monthly["cap_usd"], monthly["state"]) == ("monthly", 2.0, "warning")
    assert monthly["committed_usd"] == pytest.approx(1.7) and monthly["share"] == pytest.approx(0.85)
    assert (daily["kind"], daily["state"]) == ("daily", "capped")
    assert shown["total"]["cost_usd"] == pytest.approx(1.7) and shown["total"]["records"] == 1


def test_export_writes_a_csv_that_adds_up_and_prints_a_summary(demo, tmp_path):
    data, tid = demo
    _book(data, tid, {"cost_usd": 0.25, "record_id": "d1"}, {"cost_usd": 0.0, "cached": True, "record_id": "d1"},
          {"cost_usd": 0.5, "record_id": "d2", "model": "gpt-4.1"})
    out = tmp_path / "usage.csv"
    summary = ok(run(data, "costs", "export", "--tenant", tid, "--timezone", "UTC", "--out", str(out)))
    assert summary["rows"] == 2 and summary["cost_usd"] == pytest.approx(0.75) and summary["timezone"] == "UTC"
    rows = list(csv.DictReader(io.StringIO(out.read_text())))
    assert sorted((r["model"], r["calls"], r["billed_calls"], r["cost_usd"]) for r in rows) == [
        ("gpt-4.1", "1", "1", "0.5"), ("gpt-4o-mini", "2", "1", "0.25")]
    by_record = run(data, "costs", "export", "--tenant", tid, "--by", "record")
    assert by_record.exit_code == 0 and by_record.stdout.splitlines()[1].startswith(f"{tid},")


@pytest.mark.parametrize(("args", "named"), [
    (("--month", "Dec-2026"), "error: --month='Dec-2026' is not a month like 2026-12"),
    (("--timezone", "Moon/Base"), "error: --timezone='Moon/Base' is not an IANA time zone"),
])
def test_export_refuses_bad_input_naming_the_option(demo, args, named):
    data, tid = demo
    assert refused(run(data, "costs", "export", "--tenant", tid, *args)).startswith(named)


def test_an_offline_deployment_estimates_no_vendor_cost_and_backfills_without_counting_first(demo):
    data, tid = demo
    est = ok(run(data, "costs", "estimate", "--tenant", tid, "--records", "10000"))
    assert est["usd_per_record"] == 0 and est["fits"] and "offline templates" in est["basis"]
    result = run(data, "backfill", "--tenant", tid, "--no-progress")
    assert result.exit_code == 0 and "LLM estimate" not in result.stderr


def test_an_estimate_for_10000_records_on_a_vendor_says_how_many_the_budget_pays_for(demo):
    data, tid = demo
    ok(run(data, "settings", "set", "--tenant", tid, "monthly_spend_cap_usd=5"))
    est = ok(run(data, "costs", "estimate", "--tenant", tid, "--records", "10000", env=VENDOR))
    assert est["roles"]["writer"] == "openai:gpt-4o-mini" and "measured on the demo" in est["basis"]
    assert 0 < est["usd_per_record"] < 0.01
    assert est["estimated_usd"] == pytest.approx(10000 * est["usd_per_record"], abs=0.01)
    assert not est["fits"] and est["records_within_budget"] == pytest.approx(5 / est["usd_per_record"], rel=1e-3)


def test_the_backfill_refuses_to_start_above_the_budget_and_names_the_way_out(demo):
    data, tid = demo
    ok(run(data, "settings", "set", "--tenant", tid, "monthly_spend_cap_usd=0.001"))
    estimate = run(data, "backfill", "--tenant", tid, "--estimate", env=VENDOR)
    doc = json.loads(estimate.stdout)
    assert estimate.exit_code == 0 and doc["records"] > 0 and not doc["fits"]
    line = run(data, "backfill", "--tenant", tid, "--no-progress", env=VENDOR)
    assert line.exit_code == 2 and line.stdout == ""
    assert "error: the backfill's estimated LLM cost" in line.stderr and "--over-budget" in line.stderr
    assert "monthly_spend_cap_usd" in line.stderr
    started = run(data, "backfill", "--tenant", tid, "--no-progress", "--over-budget", env=VENDOR)
    assert started.exit_code == 0, started.stderr
    assert json.loads(started.stdout.strip().splitlines()[-1])["records_backfilled"] == doc["records"]


def test_an_estimate_prefers_the_tenants_own_billed_history(demo):
    data, tid = demo
    _book(data, tid, *[{"cost_usd": 0.004, "record_id": f"d{i}"} for i in range(25)])
    est = ok(run(data, "costs", "estimate", "--tenant", tid, "--records", "100", env=VENDOR))
    assert est["usd_per_record"] == pytest.approx(0.004) and "25 records billed" in est["basis"]


def test_a_negative_record_count_is_refused(demo):
    data, tid = demo
    assert refused(run(data, "costs", "estimate", "--tenant", tid, "--records", "-5")) == \
        "error: --records=-5 must be 0 or more"


def test_the_estimates_measured_figures_are_the_committed_benchmarks():
    from pathlib import Path

    from app.llm_estimate import MEASURED_PER_ROLE

    measured = json.loads((Path(__file__).resolve().parents[2] / "benchmarks" / "results"
                           / "llm_cost_per_record.json").read_text())
    for role, (calls, chars_in, chars_out) in MEASURED_PER_ROLE.items():
        assert calls == pytest.approx(measured["calls_by_role"][role] / measured["records"], abs=0.005), role
        assert chars_in == measured["input_chars_per_call_by_role"][role]["mean"], role
        assert chars_out == measured["output_chars_per_call_by_role"][role]["mean"], role
