"""`simulate --path product --drawn-effects`: the sandbox's market gets a drawn table from its config.

Until wave 22 the product path refused `--drawn-effects` (the demo's sandbox always kept the fixed
table). The run itself is slow (`make test-learning-product`); these check each step of the
plumbing: the CLI passes the flag, the demo asks the sandbox for it, the sandbox's market draws its
table for its own seed, and a rep's execution reads that table.
"""

from __future__ import annotations

from typing import Any

import pytest
import requests
from click.testing import CliRunner

from app.cli import cli, register_commands
from app.demo import Demo, DemoOptions
from integrations.sandbox import run_in_thread
from integrations.sandbox.market import FIXED_EFFECTS, draw_effects
from integrations.sandbox.salesforce_api.app import create_sandbox_app
from integrations.sandbox.salesforce_api.state import EXTENSION as SF_EXTENSION

SMALL = {"n_companies": 20, "n_owners": 3, "n_open_deals": 10, "n_closed_deals": 30}


def test_the_cli_runs_the_product_path_with_drawn_effects_instead_of_refusing(monkeypatch):
    seen: dict[str, Any] = {}

    def fake_run_product(**kw: Any) -> dict[str, Any]:
        seen.update(kw)
        return {"path": "product", "drawn_effects": kw["drawn_effects"]}

    monkeypatch.setattr("app.learning_product.run_product", fake_run_product)
    register_commands()
    out = CliRunner().invoke(cli, ["simulate", "--path", "product", "--weeks", "1", "--seed", "2", "--drawn-effects"])
    assert out.exit_code == 0, out.output
    assert seen["drawn_effects"] is True and seen["seed"] == 2
    assert '"drawn_effects": true' in out.output


def test_the_product_path_still_refuses_what_it_cannot_run():
    register_commands()
    out = CliRunner().invoke(cli, ["simulate", "--path", "product", "--null-effects"])
    assert out.exit_code != 0 and "--null-effects: not available with --path product" in out.output


def test_the_demo_asks_its_sandbox_for_a_drawn_market_only_when_told(tmp_path):
    assert "drawn_effects" not in Demo(DemoOptions(data_dir=tmp_path))._market()
    assert Demo(DemoOptions(data_dir=tmp_path, drawn_effects=True))._market()["drawn_effects"] is True


def test_a_hubspot_sandbox_configured_with_drawn_effects_serves_its_seeds_drawn_table():
    drawn = run_in_thread(seed=3, drawn_effects=True, **SMALL)
    fixed = run_in_thread(seed=3, **SMALL)
    try:
        got = requests.get(f"{drawn.url}/_sandbox/truth/effects", timeout=10).json()
        default = requests.get(f"{fixed.url}/_sandbox/truth/effects", timeout=10).json()
        # the portal's market seed is the sandbox seed x 1000 (+ the portal's index)
        assert got == draw_effects(3000).describe() and got["drawn"] is True
        assert default == FIXED_EFFECTS.describe() and default["drawn"] is False
        # a rep executing an app task moves the odds by the drawn table (the market's truth reads it)
        deal = next(iter(requests.get(f"{drawn.url}/_sandbox/truth/deals?open=true", timeout=10).json()["deals"]))
        truth = requests.get(f"{drawn.url}/_sandbox/truth/deals/{deal}", timeout=10).json()
        seg = truth["segment"]
        assert truth["strategy_effects"]["social_proof"] == pytest.approx(got["effects"]["social_proof"][seg], abs=1e-4)
        assert truth["strategy_effects"]["social_proof"] != pytest.approx(
            FIXED_EFFECTS.describe()["effects"]["social_proof"][seg], abs=1e-4)
        # a reset without sizes keeps the configured table
        requests.post(f"{drawn.url}/_sandbox/reset", json={"seed": 3}, timeout=10)
        assert requests.get(f"{drawn.url}/_sandbox/truth/effects", timeout=10).json() == got
    finally:
        drawn.stop()
        fixed.stop()


def test_a_salesforce_sandbox_configured_with_drawn_effects_draws_each_orgs_table():
    sandbox = create_sandbox_app(seed=5, drawn_effects=True, n_companies=20, n_open_deals=10,
                                 n_closed_deals=30, n_leads=20).extensions[SF_EXTENSION]
    tables = [st.market.effects for st in sandbox.orgs.values()]
    assert all(t.drawn for t in tables)
    assert tables[0].describe() == draw_effects(5).describe()
