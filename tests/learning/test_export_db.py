"""`learning export --tenant`: the app's logged decisions joined with their outcomes and rewards.

Runs once the platform's outcomes/rewards tables exist (migration 0002); skipped before.
"""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime, timedelta

import numpy as np
import pytest

from app.cli.learning import rows_from_db
from learning.report import read_csv, write_csv
from tests.learning.logged import log_decisions


def test_the_export_joins_each_choice_with_its_reward_and_never_counts_a_reward_twice(app, tmp_path):
    from app.storage import get_db
    from app.storage import models as m

    if not hasattr(m, "Reward"):
        pytest.skip("no rewards table in this checkout yet (platform migration 0002)")
    with get_db(app).session() as s:
        s.add(m.Tenant(id="t1", crm="hubspot", external_id="1"))
        s.add(m.Tenant(id="t2", crm="hubspot", external_id="2"))
        s.flush()
        a1 = m.Action(tenant_id="t1", object_type="deal", record_id="d1", kind="strategy_choice", status="logged",
                      payload={"arm": "social_proof", "propensity": 0.3, "policy": "thompson-v1",
                               "context": {"segment": "smb", "band": "low", "engagement": "active",
                                           "baseline": 0.2}})
        a2 = m.Action(tenant_id="t1", object_type="deal", record_id="d2", kind="strategy_choice", status="logged",
                      payload={"arm": "holdout", "propensity": 1.0, "policy": "holdout", "holdout": True})
        other = m.Action(tenant_id="t2", object_type="deal", record_id="d9", kind="strategy_choice",
                         payload={"arm": "social_proof", "propensity": 0.5})
        s.add_all([a1, a2, other])
        s.flush()
        o = m.Outcome(tenant_id="t1", crm="hubspot", deal_id="d1", kind="won", at=datetime(2026, 3, 1, tzinfo=UTC),
                      amount=1000.0, stage="closedwon")
        s.add(o)
        s.flush()
        s.add(m.Reward(tenant_id="t1", outcome_id=o.id, action_id=a1.id, deal_id="d1", arm="social_proof",
                       propensity=0.3, policy="thompson-v1", context={}, reward=1.0))
    rows = rows_from_db(app, "t1")
    assert [(r["deal_id"], r["arm"], r["reward"], r["holdout"]) for r in rows] == [
        ("d1", "social_proof", 1.0, False), ("d2", "holdout", None, True)]
    assert rows[0]["outcome_kind"] == "won" and rows[0]["segment"] == "smb" and rows[0]["propensity"] == 0.3
    buf = io.StringIO()
    write_csv(rows, buf)
    path = tmp_path / "e.csv"
    path.write_text(buf.getvalue())
    back = read_csv(str(path))
    assert back[0]["reward"] == 1.0 and back[1]["reward"] is None and back[1]["holdout"] is True
    with pytest.raises(LookupError, match="unknown tenant"):
        rows_from_db(app, "nobody")


def test_the_report_never_pools_a_leads_conversion_with_a_deals_win_and_reports_leads_on_request(tmp_path):
    from click.testing import CliRunner

    from app.cli import cli, register_commands

    register_commands()
    path = tmp_path / "mixed.csv"
    rows = [{"decision_id": i, "tenant_id": "t1", "deal_id": f"{kind}{i}", "policy": "thompson-v1", "arm": arm,
             "propensity": 0.5, "holdout": False, "segment": "smb", "band": "low", "engagement": "active",
             "baseline": 0.2, "outcome_kind": "won" if won else "lost", "reward": 1.0 if won else 0.0,
             "allowed_arms": ["social_proof", "education_nurture"], "object_type": kind,
             "decided_at": datetime(2026, 3, 1, tzinfo=UTC) + timedelta(days=i),
             "outcome_at": datetime(2026, 4, 1, tzinfo=UTC) + timedelta(days=i)}
            for i, (kind, arm, won) in enumerate(
                [("deal", "social_proof", True), ("deal", "education_nurture", False)] * 10
                + [("lead", "social_proof", False), ("lead", "education_nurture", True)] * 15)]
    with path.open("w", newline="") as f:
        write_csv(rows, f)
    runner = CliRunner()
    reports = {}
    for args in ([], ["--object-type", "lead"]):
        res = runner.invoke(cli, ["learning", "report", "--from-csv", str(path), "--out",
                                  str(tmp_path / f"r{len(args)}.html"), *args])
        assert res.exit_code == 0, res.output
        reports[args[-1] if args else "deal"] = json.loads(res.output.strip().splitlines()[-1])
    assert reports["deal"]["object_type"] == "deal" and reports["lead"]["object_type"] == "lead"
    assert reports["deal"]["decisions"] == 20 and reports["lead"]["decisions"] == 30
    bad = runner.invoke(cli, ["learning", "report", "--from-csv", str(path), "--out", str(tmp_path / "x.html"),
                              "--object-type", "contact"])
    assert bad.exit_code != 0 and "object-type" in bad.output


def _logged_tenant(app, *, old_rows: int = 0) -> None:
    from app.storage import get_db
    from app.storage import models as m

    with get_db(app).session() as s:
        s.add(m.Tenant(id="t1", crm="hubspot", external_id="1"))
    log_decisions(app, "t1", old_rows=old_rows)


def test_the_export_carries_every_arms_probability_and_the_report_estimates_by_adaptive_aipw(app, tmp_path):
    from learning.ope import LoggedData, adaptive_aipw, allowed_strata
    from learning.report import summarise

    _logged_tenant(app)
    rows = rows_from_db(app, "t1")
    assert rows[3]["probabilities"] == {"social_proof": 0.53, "education_nurture": 0.47}
    assert rows[3]["amount_weight"] == 1.75
    buf = io.StringIO()
    write_csv(rows, buf)
    assert "education_nurture=0.47;social_proof=0.53" in buf.getvalue() or \
        "social_proof=0.53;education_nurture=0.47" in buf.getvalue()
    path = tmp_path / "e.csv"
    path.write_text(buf.getvalue())
    back = read_csv(str(path))
    assert back[3]["probabilities"] == rows[3]["probabilities"]
    summary = summarise(back, resamples=50)
    assert summary["estimator"]["method"] == "aw_aipw" and "every decision logged" in summary["estimator"]["why"]
    # the report's figure is learning.ope.adaptive_aipw on these decisions (arms in sorted order)
    arms = ["education_nurture", "social_proof"]
    data = LoggedData.from_rows([{**r, "context": f"{r['segment']}|{r['band']}|{r['engagement']}"} for r in back],
                                arms)
    probs = np.array([[r["probabilities"][a] for a in arms] for r in back])
    days = np.array([datetime.fromisoformat(str(r["decided_at"])).toordinal() for r in back])
    for j, arm in enumerate(arms):
        direct = adaptive_aipw(data, j, probs, days, strata=allowed_strata(data.contexts, np.ones((40, 2), bool)))
        got = next(o for o in summary["ope"] if o["arm"] == arm)
        assert got["method"] == "aw_aipw" and got["n"] == 40
        assert got["estimate"] == pytest.approx(direct.estimate) and got["ci95"] == pytest.approx(list(direct.ci95))


def test_decisions_logged_without_every_arms_probability_still_report_by_sndr_and_the_report_says_why(app, tmp_path):
    from learning.report import render_html, summarise

    _logged_tenant(app, old_rows=3)
    rows = rows_from_db(app, "t1")
    assert [r["probabilities"] for r in rows[:3]] == [None, None, None]
    summary = summarise(rows, resamples=50)
    assert summary["estimator"]["method"] == "sndr"
    assert summary["estimator"]["why"].startswith("self-normalised doubly robust (SNDR): 3 of 40 decisions")
    assert {o["method"] for o in summary["ope"]} == {"sndr"}
    page = render_html(rows, summary, title="t")
    assert "3 of 40 decisions with an outcome were logged without every arm" in page


@pytest.mark.parametrize("cell", ["social_proof", "social_proof=high", "social_proof=0.4;=", "=0.3"])
def test_a_probabilities_cell_that_does_not_parse_reports_by_sndr_rather_than_guessing(cell):
    from learning.report import summarise

    rows = [{"decision_id": i, "arm": "social_proof", "propensity": 0.5, "holdout": False, "segment": "smb",
             "band": "low", "engagement": "active", "reward": float(i % 2), "probabilities": cell,
             "decided_at": f"2026-03-0{1 + i % 3}T09:00:00"} for i in range(6)]
    summary = summarise(rows, resamples=20)
    assert summary["estimator"]["method"] == "sndr" and summary["ope"][0]["method"] == "sndr"
