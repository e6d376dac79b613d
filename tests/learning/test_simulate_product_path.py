"""`simulate --path product`: our policy through the real app and the HubSpot sandbox. Slow (the
demo's install and training), so outside `make test`: `make test-learning-product`."""

from __future__ import annotations

from datetime import datetime

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.timeout(1800)]


def test_a_product_path_week_logs_pipeline_decisions_and_folds_outcome_webhooks_into_the_posterior(tmp_path):
    from app.learning_product import run_product

    out = run_product(weeks=1, seed=0, open_deals=12, closed_deals=200, data_dir=tmp_path)
    assert out["path"] == "product" and out["weeks"] == 1
    # every open deal got a decision from the batch pipeline (holdout ones too, logged as such)
    assert out["decisions"] >= 12 and 0 <= out["holdout_decisions"] < out["decisions"]
    # the market's week came back as webhooks: stage moves and closes became outcomes and rewards
    assert sum(out["outcomes"].values()) > 0 and out["rewards"] > 0
    # ... every one folded exactly once into the persisted posterior (the scheduler's job ran last)
    assert out["rewards_folded"] == out["rewards"] == out["posterior_rewards"]
    assert out["per_week"][0]["learning_job"]["rewards_total"] == out["rewards"]



def test_a_product_path_week_on_a_drawn_market_runs_and_names_its_table(tmp_path):
    from app.learning_product import run_product
    from integrations.sandbox.market import draw_effects

    out = run_product(weeks=1, seed=0, open_deals=12, closed_deals=200, drawn_effects=True, data_dir=tmp_path)
    assert out["drawn_effects"] is True
    assert out["strategy_effects"] == draw_effects(0).describe()  # the portal's market seed: 0 x 1000
    assert out["decisions"] >= 12 and out["rewards_folded"] == out["rewards"] == out["posterior_rewards"]


def core_arm_values(rows):
    """The simulation core's OPE (`learning.simulate._ope`) on the product's decisions: contexts coded in
    order of first appearance, days counted from the first decision, arms in the core's order."""
    import numpy as np

    from learning.ope import LoggedData, arm_values
    from learning.simulate import STRATEGIES

    acted = [r for r in rows if r["reward"] is not None and not r["holdout"] and r["propensity"]]
    codes: dict = {}
    contexts = np.array([codes.setdefault((r["segment"], r["band"], r["engagement"]), len(codes)) for r in acted])
    probs = np.array([[r["probabilities"].get(a, 0.0) for a in STRATEGIES] for r in acted])
    ordinal = np.array([datetime.fromisoformat(r["decided_at"]).date().toordinal() for r in acted])
    weights, baselines = [r["amount_weight"] for r in acted], [r["baseline"] for r in acted]
    data = LoggedData(contexts, np.array([STRATEGIES.index(r["arm"]) for r in acted]),
                      np.array([r["propensity"] for r in acted]), np.array([r["reward"] for r in acted]),
                      tuple(STRATEGIES), None if None in weights else np.array(weights),
                      None if None in baselines else np.array(baselines))  # as the core: all or none
    return arm_values(data, probs > 0, probabilities=probs, day=ordinal - ordinal.min())


def test_the_product_path_reports_the_same_adaptive_aipw_the_core_computes_on_its_decisions(tmp_path, monkeypatch):
    import app.learning_product as lp

    seen = {}
    real = lp._ope

    def keep(app, tenant_id, week_starts):  # the rows the product's report read, to give the core the same decisions
        out = real(app, tenant_id, week_starts)
        seen["rows"] = out["decision_rows"]
        return out

    monkeypatch.setattr(lp, "_ope", keep)
    out = lp.run_product(weeks=3, seed=0, open_deals=20, closed_deals=200, data_dir=tmp_path)
    # dated by simulated week (setup day 0, week w day 7w): several days, so the reward model has earlier ones
    assert {r["decided_at"][:10] for r in seen["rows"]} == {"2026-01-05", "2026-01-12", "2026-01-19", "2026-01-26"}
    assert out["estimator"]["method"] == "aw_aipw", out["estimator"]
    assert out["ope"], "no arm with an outcome in a product week"
    core = {v["arm"]: v for v in core_arm_values(seen["rows"])}
    assert set(core) == {o["arm"] for o in out["ope"]}
    for o in out["ope"]:
        assert o["method"] == "aw_aipw" and o["n"] == core[o["arm"]]["n"]
        assert o["estimate"] == pytest.approx(core[o["arm"]]["estimate"], abs=1e-12)
        assert o["ci95"] == pytest.approx(core[o["arm"]]["ci95"], abs=1e-12)
