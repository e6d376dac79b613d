"""The simulation core and the CLI around it: sound comparisons, exports the report can read."""

from __future__ import annotations

import csv
import json

import pytest
from click.testing import CliRunner

from app.cli import cli, register_commands
from learning.report import read_csv, summarise, write_csv
from learning.simulate import SimConfig, regret_only, simulate

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


def test_the_quick_regret_run_gives_the_full_runs_regret_and_splits_it_by_segment(small_run):
    result, _ = small_run
    quick = regret_only(SimConfig(seed=3, **SMALL))
    for name in ("ours", "uniform_random", "best_single_arm"):
        assert quick["regret"][name] == pytest.approx(result["regret"][name])
        assert sum(seg[name] for seg in quick["by_segment"].values()) == pytest.approx(quick["regret"][name])


def test_realised_regret_is_reported_beside_the_expected_one_for_every_policy(small_run):
    result, _ = small_run
    realised, expected = result["regret_realized"], result["regret"]
    for name in ("ours", "uniform_random", "best_single_arm"):
        assert realised[name] == pytest.approx(result["reward_realized"]["oracle"] - result["reward_realized"][name])
    # the outcome draws are noise around the truth: on a small run they disagree with it somewhere
    assert any(realised[n] != pytest.approx(expected[n]) for n in realised)
    quick = regret_only(SimConfig(seed=3, **SMALL))
    assert quick["regret_realized"]["ours"] == pytest.approx(realised["ours"])
    assert quick["ratio_realized"] == pytest.approx(realised["ours"] / realised["uniform_random"])


def test_another_bandit_seed_redraws_only_our_policys_choices():
    a = regret_only(SimConfig(seed=3, bandit_seed=1001, **SMALL))
    b = regret_only(SimConfig(seed=3, bandit_seed=2001, **SMALL))
    assert a["regret"]["uniform_random"] == b["regret"]["uniform_random"]
    assert a["regret"]["best_single_arm"] == b["regret"]["best_single_arm"]
    assert a["regret"]["ours"] != b["regret"]["ours"]


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
    # the export carries every arm's probability, so the report estimates as the simulation does
    assert summary["estimator"]["method"] == rep["method"] == "aw_aipw"
    assert rep["estimate"] == pytest.approx(sim["estimate"], abs=1e-12)
    assert summary["holdout_lift"]["treated"] + summary["holdout_lift"]["holdout"] == summary["with_outcome"]


def test_the_report_on_the_simulations_decisions_gives_the_simulations_aw_aipw_for_every_arm(small_run, tmp_path):
    result, rows = small_run
    for source in ("rows in memory", "the CSV export"):
        if source == "the CSV export":
            with open(tmp_path / "sim.csv", "w", newline="", encoding="utf-8") as f:
                write_csv(rows, f)
            rows = read_csv(str(tmp_path / "sim.csv"))
        summary = summarise(rows, resamples=100)
        assert summary["estimator"]["method"] == "aw_aipw", source
        rep = {o["arm"]: o for o in summary["ope"]}
        assert set(rep) == {o["arm"] for o in result["ope"]}, source
        for sim in result["ope"]:
            assert rep[sim["arm"]]["n"] == sim["n"], (source, sim["arm"])
            # the same function on the same decisions: equal to rounding (cells summed in another order)
            assert rep[sim["arm"]]["estimate"] == pytest.approx(sim["estimate"], abs=1e-12), (source, sim["arm"])
            assert rep[sim["arm"]]["ci95"] == pytest.approx(sim["ci95"], abs=1e-12), (source, sim["arm"])


def test_an_export_without_every_arms_probability_reports_by_sndr_and_says_why(small_run):
    _, rows = small_run
    old = [{k: v for k, v in r.items() if k != "probabilities"} for r in rows]  # an export before wave 23
    summary = summarise(old, resamples=50)
    assert summary["estimator"]["method"] == "sndr"
    assert "without every arm's probability" in summary["estimator"]["why"]
    assert all(o["method"] == "sndr" and o["estimate"] == o["sndr"] for o in summary["ope"])
    # one decision without its vector is enough: the estimator is chosen for all of them
    mixed = [dict(r) for r in rows]
    first = next(r for r in mixed if r["reward"] is not None and not r["holdout"])
    first["probabilities"] = None
    assert summarise(mixed, resamples=20)["estimator"]["why"].count("1 of") == 1


def test_with_null_effects_every_policy_earns_the_same():
    result = simulate(SimConfig(seed=4, null_effects=True, **SMALL))
    assert result["regret"]["ours"] == pytest.approx(0.0, abs=1e-9)
    assert result["reward"]["uniform_random"] == pytest.approx(result["reward"]["oracle"])
    # common random numbers: the same deal, outcome draw and stage moves whatever the arm, so
    # with no arm effect every policy's realised rewards are the same draws, not just equal in mean
    assert all(v == pytest.approx(0.0, abs=1e-9) for v in result["regret_realized"].values())
    everywhere = [o for o in result["ope"] if o["arm"] != "limited_time_incentive"]  # allowed on every deal
    assert all(o["true_value"] == pytest.approx(everywhere[0]["true_value"]) for o in everywhere)


def test_the_cli_simulates_exports_and_reports_with_json_as_the_last_stdout_line(tmp_path):
    register_commands()
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
    register_commands()
    runner = CliRunner()
    res = runner.invoke(cli, ["learning", "report", "--out", str(tmp_path / "r.html")])
    assert res.exit_code == 2 and "--tenant or --from-csv" in res.stderr
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b\n1,2\n")
    res = runner.invoke(cli, ["learning", "export", "--from-csv", str(bad), "--out", str(tmp_path / "e.csv")])
    assert res.exit_code == 2 and "missing column" in res.stderr and len(res.stderr.strip().splitlines()) == 1
    res = runner.invoke(cli, ["simulate", "--weeks", "0"])
    assert res.exit_code == 2


def test_the_simulation_reads_each_deals_stage_plan_and_progress_from_the_market():
    from integrations.sandbox.market import OPEN_STAGES, Market, MarketConfig
    from integrations.sandbox.market._generate import stages_reached
    from learning.simulate import SIM_START, build_population

    pop = build_population(SimConfig(seed=5, market_open_deals=80))
    m = Market(MarketConfig(seed=5, start=SIM_START, n_companies=60, n_open_deals=80, n_closed_deals=100))
    deals = [m.deals[int(k)] for k in m.deal_table(closed=False)["key"]]
    assert [d.stage_plan_[1] for d in deals] == [tuple(t) for t in pop.thresholds]
    assert (pop.progress == [d.progress_ for d in deals]).all()
    # the stage the CRM shows is the one the progress so far has reached
    assert (stages_reached(pop.thresholds, pop.progress) == pop.stage).all()
    assert (pop.stage > 0).any() and (pop.stage <= len(OPEN_STAGES) - 1).all()


def test_an_arm_that_raises_the_odds_moves_deals_through_more_stages_and_a_null_market_moves_none():
    import numpy as np

    from integrations.sandbox.market import STRATEGIES
    from learning.rewards import RewardConfig
    from learning.simulate import advances, build_population, build_stream

    cfg = SimConfig(seed=5, weeks=2, deals_per_week=400, market_open_deals=120)
    rewards = RewardConfig(reference_amount=10_000.0)
    pop = build_population(cfg)
    s = build_stream(pop, cfg, rewards)
    none = advances(pop, s, np.full(len(s.row), -1))
    ent = pop.segment[s.row] == "ent"
    exec_align = advances(pop, s, np.full(len(s.row), STRATEGIES.index("executive_alignment")))
    # +0.50 log-odds in enterprise when executed: never fewer stages, more on some deals
    assert (exec_align[ent] >= none[ent]).all() and (exec_align[ent & s.executed] > none[ent & s.executed]).any()
    assert (exec_align[~s.executed] == none[~s.executed]).all()  # a task nobody did changes nothing
    limited = advances(pop, s, np.full(len(s.row), STRATEGIES.index("limited_time_incentive")))
    assert (limited[ent] <= none[ent]).all()  # -0.25 in enterprise: a deal can only stall
    null = SimConfig(seed=5, weeks=2, deals_per_week=400, market_open_deals=120, null_effects=True)
    pop0 = build_population(null)
    s0 = build_stream(pop0, null, rewards)
    base = advances(pop0, s0, np.full(len(s0.row), -1))
    for j in range(len(STRATEGIES)):
        assert (advances(pop0, s0, np.full(len(s0.row), j)) == base).all()


def test_in_the_market_itself_a_strategy_that_raises_the_odds_speeds_the_deal_through_its_stages():
    from copy import deepcopy
    from datetime import timedelta

    from integrations.sandbox.market import OPEN_STAGES, Market, MarketConfig
    from integrations.sandbox.market._generate import progress_stages
    from learning.simulate import SIM_START

    m = Market(MarketConfig(seed=2, start=SIM_START, n_companies=60, n_open_deals=60, n_closed_deals=50))
    faster = same = 0
    for d in [x for x in m.deals if x.is_open]:
        plain, helped = deepcopy(d), deepcopy(d)
        helped.strategies_.append(("executive_alignment", SIM_START, 1.0))
        for copy in (plain, helped):
            m.deals[d.key] = copy  # p_win reads the deal from the market
            progress_stages(m, copy, d.decision_at_ - timedelta(hours=12))
        m.deals[d.key] = d
        a, b = OPEN_STAGES.index(plain.stage), OPEN_STAGES.index(helped.stage)
        assert b >= a
        faster += b > a
        same += b == a
    assert faster > 0 and same > 0


def test_stage_credit_is_part_of_the_reward_every_policy_is_measured_on(small_run):
    result, _ = small_run
    without = simulate(SimConfig(seed=3, stage_value=0.0, **SMALL))
    for name in ("oracle", "uniform_random"):  # same decisions and draws: only the credit differs
        assert result["reward"][name] > without["reward"][name]
    # the stages a deal reaches follow its odds, so the credit separates arms too: uniform's
    # regret (same arms, same draws) grows with it
    assert result["regret"]["uniform_random"] > without["regret"]["uniform_random"]


def test_the_product_path_refuses_options_it_cannot_honour_with_one_line():
    from app.cli.learning import simulate

    result = CliRunner().invoke(simulate, ["--path", "product", "--policy", "uniform"])
    assert result.exit_code == 2
    assert result.output.strip().startswith("error: --policy") and len(result.output.strip().splitlines()) == 1
    assert not any(line.startswith("{") for line in result.output.splitlines())


def test_the_simulated_decisions_carry_their_excluded_arms_so_the_learner_groups_them():
    import numpy as np

    from learning import defaults
    from learning.rewards import RewardConfig
    from learning.simulate import build_population, build_stream, run_bandit

    cfg = SimConfig(seed=3, weeks=4, deals_per_week=300, market_open_deals=120)
    pop = build_population(cfg)
    rewards = RewardConfig(reference_amount=float(np.median(pop.amount)), stage_advanced=defaults.STAGE_ADVANCED_VALUE)
    run = run_bandit(pop, build_stream(pop, cfg, rewards), cfg, rewards)
    assert run.posterior is not None
    groups = set(run.posterior.strata)
    # the discount arm is allowed on some deals and excluded on others: both groups are seen
    assert any(g.endswith("|") for g in groups) and any(g.endswith("|limited_time_incentive") for g in groups)
    assert set(run.posterior.stratum_shifts()) < groups  # each segment's largest group is the reference
