"""`learning export --tenant`: the app's logged decisions joined with their outcomes and rewards.

Runs once the platform's outcomes/rewards tables exist (migration 0002); skipped before.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime

import pytest

from app.cli.learning import rows_from_db
from learning.report import read_csv, write_csv


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
