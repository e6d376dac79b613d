"""`simulate --path product`: our policy through the real app and the HubSpot sandbox. Slow (the
demo's install and training), so outside `make test`: `make test-learning-product`."""

from __future__ import annotations

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
