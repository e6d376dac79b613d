"""The simulation core and the CLI around it: sound comparisons, exports the report can read."""

from __future__ import annotations

import csv
import json

import pytest
from click.testing import CliRunner

from app.cli import _register, cli
from learning.report import read_csv, summarise
from learning.simulate import SimConfig, simulate

SMALL = dict(weeks=3, deals_per_week=200, market_open_deals=120, resamples=100)


@pytest.fixture(scope="module")
def small_run():
    rows: list[dict] = []
    return simulate(SimConfig(seed=3, **SMALL), rows_out=rows), rows


def test_no_policy_beats_the_oracle_and_regret_is_what_it_says(small_run):
    result, _ = small_run
    reward, regret = result["reward"], result["regret"]
    for name in ("ours", "uniform_random", "best_single_arm"):
        assert reward[name] <= reward["oracle"] + 1e-9
        assert regret[name] == pytest.approx(reward["oracle"] - reward[name])
    assert result["decisions"] > 0 and 0 < result["holdout_decisions"] < result["decisions"] * 0.2
    assert result["path"] == "simulation-core"


def test_every_ope_entry_has_an_interval_around_its_estimate_and_a_true_value(small_run):
    result, _ = small_run
    assert {o["arm"] for o in result["ope"]} >= {"value_reinforcement", "social_proof", "executive_alignment"}
    for o in result["ope"]:
        assert o["ci95"][0] <= o["estimate"] <= o["ci95"][1]
        assert o["true_value"] >= 0


def test_the_export_rows_carry_propensities_outcomes_and_rewards_the_report_reads(small_run):
    result, rows = small_run
    assert len(rows) == result["decisions"]
    acted = [r for r in rows if not r["holdout"]]
    assert all(0 < r["propensity"] <= 1 for r in acted)
    assert all(r["arm"] == "holdout" and r["propensity"] == 1.0 for r in rows if r["holdout"])
    assert sum(r["reward"] is not None for r in rows) == result["outcomes_observed"]
    summary = summarise(rows, resamples=50)
    assert summary["with_outcome"] == result["outcomes_observed"]
    # the discount arm is allowed on some deals only: the report evaluates it where it was allowed
    sim = next(o for o in result["ope"] if o["arm"] == "limited_time_incentive")
    rep = next(o for o in summary["ope"] if o["arm"] == "limited_time_incentive")
    assert sim["ci95"][0] <= rep["estimate"] <= sim["ci95"][1]
    assert summary["holdout_lift"]["treated"] + summary["holdout_lift"]["holdout"] == summary["with_outcome"]


def test_with_null_effects_every_policy_earns_the_same():
    result = simulate(SimConfig(seed=4, null_effects=True, **SMALL))
    assert result["regret"]["ours"] == pytest.approx(0.0, abs=1e-9)
    assert result["reward"]["uniform_random"] == pytest.approx(result["reward"]["oracle"])
    everywhere = [o for o in result["ope"] if o["arm"] != "limited_time_incentive"]  # allowed on every deal
    assert all(o["true_value"] == pytest.approx(everywhere[0]["true_value"]) for o in everywhere)


def test_the_cli_simulates_exports_and_reports_with_json_as_the_last_stdout_line(tmp_path):
    _register()
    runner = CliRunner()
    csv_path, html_path = tmp_path / "sim.csv", tmp_path / "sim.html"
    res = runner.invoke(cli, ["simulate", "--weeks", "2", "--seed", "1", "--deals-per-week", "150",
                              "--open-deals", "120",
                              "--export", str(csv_path)])
    assert res.exit_code == 0, res.output
    last = json.loads(res.stdout.strip().splitlines()[-1])
    assert set(last) >= {"regret", "reward", "holdout_lift", "ope", "weeks", "decisions", "seconds"}
    assert set(last["regret"]) >= {"ours", "uniform_random", "best_single_arm"}
    assert set(last["reward"]) >= {"ours", "uniform_random", "best_single_arm", "oracle"}
    with open(csv_path, newline="") as f:
        assert len(list(csv.DictReader(f))) == last["decisions"]

    res = runner.invoke(cli, ["learning", "report", "--from-csv", str(csv_path), "--out", str(html_path)])
    assert res.exit_code == 0, res.output
    page = html_path.read_text()
    assert page.count("<img") == 4 and "Holdout lift" in page and "<img" not in res.stdout
    report = json.loads(res.stdout.strip().splitlines()[-1])
    assert report["decisions"] == last["decisions"] and report["ope"]
    res = runner.invoke(cli, ["learning", "export", "--from-csv", str(csv_path), "--out", str(tmp_path / "e.csv")])
    assert res.exit_code == 0 and json.loads(res.stdout)["rows"] == last["decisions"]
    assert read_csv(str(tmp_path / "e.csv"))[0]["decision_id"] == read_csv(str(csv_path))[0]["decision_id"]


def test_bad_input_exits_2_with_one_line_naming_the_problem(tmp_path):
    _register()
    runner = CliRunner()
    res = runner.invoke(cli, ["learning", "report", "--out", str(tmp_path / "r.html")])
    assert res.exit_code == 2 and "--tenant or --from-csv" in res.stderr
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b\n1,2\n")
    res = runner.invoke(cli, ["learning", "export", "--from-csv", str(bad), "--out", str(tmp_path / "e.csv")])
    assert res.exit_code == 2 and "missing column" in res.stderr and len(res.stderr.strip().splitlines()) == 1
    res = runner.invoke(cli, ["simulate", "--weeks", "0"])
    assert res.exit_code == 2


def test_each_deal_reaches_the_stage_the_market_itself_moves_it_to_whatever_the_arm():
    from copy import deepcopy
    from datetime import timedelta

    import numpy as np

    from integrations.sandbox.market import OPEN_STAGES, Market, MarketConfig
    from integrations.sandbox.market._generate import progress_stages
    from learning.simulate import SIM_START, advances, build_population

    cfg = SimConfig(seed=5, market_open_deals=80)
    pop = build_population(cfg)
    # the market built the same way, each open deal moved on to its own decision by the market's rule
    m = Market(MarketConfig(seed=5, start=SIM_START, n_companies=60, n_open_deals=80, n_closed_deals=100))
    keys = m.deal_table(closed=False)["key"]
    reached = []
    for k in keys:
        d = deepcopy(m.deals[int(k)])
        progress_stages(m, d, d.decision_at_ - timedelta(hours=12))
        reached.append(OPEN_STAGES.index(d.stage))
    assert (pop.final_stage == np.array(reached)).all()
    assert (pop.final_stage > pop.stage).any() and (pop.final_stage <= len(OPEN_STAGES) - 1).all()
    assert (advances(pop.stage, pop.final_stage) == pop.final_stage - pop.stage).all()


def test_stage_credit_is_part_of_the_reward_every_policy_is_measured_on(small_run):
    result, _ = small_run
    without = simulate(SimConfig(seed=3, stage_value=0.0, **SMALL))
    for name in ("oracle", "uniform_random"):  # same decisions and draws: only the credit differs
        assert result["reward"][name] > without["reward"][name]
    # a stage advance is the same whatever the arm (as in the market), so it moves no regret
    assert abs(result["regret"]["uniform_random"] - without["regret"]["uniform_random"]) < 1e-6 * (
        1 + abs(without["regret"]["uniform_random"]))


def test_the_product_path_refuses_options_it_cannot_honour_with_one_line():
    from app.cli.learning import simulate

    result = CliRunner().invoke(simulate, ["--path", "product", "--policy", "uniform"])
    assert result.exit_code == 2
    assert result.output.strip().startswith("error: --policy") and len(result.output.strip().splitlines()) == 1
    assert not any(line.startswith("{") for line in result.output.splitlines())
