"""Does an arm's observed credit carry a bias that follows WHEN it was chosen? (wave 12 diagnosis)

    python -m benchmarks.learning_cohort_bias [--seed 8] [--bandit-seed N] [--segment mid]
                                              [--as-of 42,70,182] [--out FILE] [--set NAME=VALUE ...]

Runs the bandit of `learning.simulate.regret_only` on one market (the same draws: the bandit seed
of `simulate --seed S` by default) and records every observation the learner folds in (the value
`Posterior.update` computes: credit per unit weight minus the score and the learned stage
baseline), with its decision's day, arrival day and arm. For the decisions of one segment on
which every arm was allowed (the group where the discount arm competes), it splits each arm's
observed mean, as the learner held it on given days (`--as-of`), into

- `truth_same_decisions`: the arm's expected observation on the decisions it was chosen for,
  under the market's truth (p_win + stage credit of that arm, minus the same score and stage
  baseline the learner subtracted);
- `noise`: observed minus that truth (won - p_win, plus stage credit not arrived yet): censoring
  by outcome would show here, growing with the share of recent decisions;
- `baseline_drift`: the stage baseline the learner subtracted minus the one it holds at the end
  (time-varying: an arm observed early and one observed late have different amounts removed);
- `mix`: the truth on the arm's own decisions minus the arm's truth over all of the group's
  decisions (which deals it happened to get);

and reports the same by decision week (each arm against the same week's other arms) and by the
age of the decision when its outcome arrived. The truth is read for diagnosis only; the policy
never sees it.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np

import learning.simulate as sim
from benchmarks.learning_replicates import apply_set_options
from learning import defaults
from learning.bandit import Posterior
from learning.rewards import RewardConfig
from learning.simulate import STRATEGIES, SimConfig, advances, build_population, build_stream, win_probability


class _Recording(Posterior):
    """A posterior that records what it folds in (one reward at a time: same state as a batch)."""

    log: list[tuple[int, str, float, float, float]]

    def __init__(self, *a: Any, **kw: Any) -> None:
        super().__init__(*a, **kw)
        self.log = []  # (decision index, arm, value, count, arrival day)
        self._now: Any = None

    def update(self, rewards: Iterable[Any]) -> Posterior:
        for r in list(rewards):
            self._now = r
            super().update([r])
        self._now = None
        return self

    def add(self, context: Any, arm: str, value: float, *, count: float = 1.0,
            propensity: float | None = None) -> None:
        r = self._now
        if r is not None:
            day = (r.outcome_at - sim.SIM_START).total_seconds() / 86400.0
            self.log.append((int(str(r.decision_id).split("-")[1]), arm, float(value), float(count), day))
        super().add(context, arm, value, count=count, propensity=propensity)


def _r(x: float, nd: int = 4) -> float | None:
    return None if not np.isfinite(x) else round(float(x), nd)


def cohort_bias(cfg: SimConfig, segment: str, as_of: list[int]) -> dict[str, Any]:
    pop = build_population(cfg)
    rewards = RewardConfig(reference_amount=float(np.median(pop.amount)), stage_advanced=defaults.STAGE_ADVANCED_VALUE)
    s = build_stream(pop, cfg, rewards)
    holder: dict[str, _Recording] = {}

    def make(arms: Any) -> _Recording:
        holder["p"] = _Recording(arms)
        return holder["p"]

    learned_shift: dict[str, dict[str, float]] = {}

    def observe(day: int, p: Posterior, _arms: np.ndarray) -> None:
        if day in as_of:
            learned_shift[str(day)] = {g: v for g, v in p.stratum_shifts().items() if g.startswith(segment + "|")}

    original = sim.Posterior
    sim.Posterior = make  # type: ignore[assignment,misc]
    try:
        run = sim.run_bandit(pop, s, cfg, rewards, observe=observe)
    finally:
        sim.Posterior = original  # type: ignore[misc]
    post = holder["p"]
    n, k = len(s.row), len(STRATEGIES)
    obs = np.full(n, np.nan)
    arrival = np.full(n, np.nan)
    extra_by_day: list[tuple[int, float, float]] = []
    for i, _arm, value, count, day in post.log:
        if count > 0:
            obs[i], arrival[i] = value, day
        else:
            extra_by_day.append((i, value, day))
    extra = np.zeros(n)
    for i, value, _day in extra_by_day:
        extra[i] += value
    arms = run.arms
    won = run.won.astype(float)
    adv = advances(pop, s, arms)
    score = pop.score[s.row]
    stage_value = s.stage_value
    # the stage baseline the learner subtracted when it folded the close in (the close's value is
    # won + partial-so-far; late stage credit is in `extra`)
    partial_at_close = stage_value * adv - extra
    sb_used = won + partial_at_close - score - obs
    sb_end = np.array([post.stage_baseline({"stage": sim.OPEN_STAGES[pop.stage[r]], "band": pop.band[r]})
                       for r in s.row])
    credit = np.column_stack([win_probability(pop, s, np.full(n, j)) + stage_value * advances(pop, s, np.full(n, j))
                              for j in range(k)])
    truth_end = credit - score[:, None] - sb_end[:, None]  # every arm's expected observation, one fixed baseline
    seg = pop.segment[s.row] == segment
    group = seg & ~s.holdout & s.allowed.all(axis=1)
    week = s.day // 7
    closed = ~np.isnan(obs)
    out: dict[str, Any] = {"seed": cfg.seed, "bandit_seed": cfg.bandit_seed, "segment": segment,
                           "ours_expected_reward": _r(run.expected[~s.holdout].sum(), 2),
                           "group_decisions": int(group.sum()),
                           "group_truth_by_arm": {a: _r(truth_end[group, j].mean()) for j, a in enumerate(STRATEGIES)},
                           "as_of": {}, "by_week": {}, "by_age": {}}
    idx = np.arange(n)
    for day in as_of:
        seen = group & closed & (arrival <= day)
        rows = {}
        for j, a in enumerate(STRATEGIES):
            m = seen & (arms == j)
            if not m.any():
                continue
            observed = obs[m] + np.where(np.isin(idx[m], [i for i, _v, d in extra_by_day if d <= day]), extra[m], 0.0)
            t_same = credit[m, j] - score[m] - sb_used[m]
            rows[a] = {"n": int(m.sum()), "mean_decision_week": _r(week[m].mean(), 1),
                       "share_decided_in_last_4_weeks": _r(np.mean(s.day[m] >= day - 28), 3),
                       "observed": _r(observed.mean()),
                       "truth_same_decisions": _r(t_same.mean()),
                       "noise": _r((observed - t_same).mean()),
                       "noise_se": _r((observed - t_same).std() / np.sqrt(m.sum())),
                       "baseline_drift": _r((sb_end[m] - sb_used[m]).mean()),
                       "mix": _r(truth_end[m, j].mean() - truth_end[group & (s.day < day), j].mean()),
                       "group_truth_so_far": _r(truth_end[group & (s.day < day), j].mean())}
        out["as_of"][str(day)] = rows
    end = group & closed
    t_own = truth_end[idx, np.maximum(arms, 0)]  # each decision's expected observation on its own arm
    for w in range(cfg.weeks):
        m_w = end & (week == w)
        if not m_w.any():
            continue
        row: dict[str, Any] = {"decisions": int((group & (week == w)).sum()), "arrived": int(m_w.sum())}
        for j, a in enumerate(STRATEGIES):
            m = m_w & (arms == j)
            if m.sum() < 5:
                continue
            row[a] = {"n": int(m.sum()), "observed": _r(obs[m].mean() + extra[m].mean()),
                      "noise": _r((won[m] - win_probability(pop, s, arms)[m]).mean()),
                      "observed_minus_week_others": _r(obs[m].mean() + extra[m].mean()
                                                       - (obs + extra)[m_w & (arms != j)].mean()),
                      "truth_minus_week_others": _r(truth_end[m, j].mean() - t_own[m_w & (arms != j)].mean())}
        out["by_week"][str(w)] = row
    age = arrival - s.day
    for lo, hi in ((0, 14), (14, 28), (28, 56), (56, 10_000)):
        m_a = end & (age >= lo) & (age < hi)
        row = {}
        for j, a in enumerate(STRATEGIES):
            m = m_a & (arms == j)
            if m.sum() < 5:
                continue
            row[a] = {"n": int(m.sum()), "noise": _r((won[m] - win_probability(pop, s, arms)[m]).mean()),
                      "won_rate": _r(won[m].mean()), "p_win": _r(win_probability(pop, s, arms)[m].mean())}
        out["by_age"][f"{lo}-{hi}d"] = row
    # the eligibility group's level: learned (on the arms' observations), true (the truth of the
    # arms allowed in both groups), and what the holdout's outcomes (no action, never chosen
    # adaptively) say about it
    discount = s.allowed.all(axis=1)
    ref = seg & ~s.holdout & ~discount
    both = [j for j in range(k) if s.allowed[ref, j].all()]
    true_shift = float(np.mean([truth_end[group, j].mean() - truth_end[ref, j].mean() for j in both]))
    none = np.full(n, -1)
    h_obs = run.won.astype(float) + stage_value * advances(pop, s, none) - score - sb_end
    h_arrival = s.day + s.delay
    h_truth = win_probability(pop, s, none) + stage_value * advances(pop, s, none) - score - sb_end
    out["shift"] = {"true_on_shared_arms": _r(true_shift),
                    "true_no_action": _r(h_truth[seg & s.holdout & discount].mean()
                                         - h_truth[seg & s.holdout & ~discount].mean())}
    for day in as_of:
        a_h = seg & s.holdout & discount & (h_arrival <= day)
        b_h = seg & s.holdout & ~discount & (h_arrival <= day)
        est = h_obs[a_h].mean() - h_obs[b_h].mean() if a_h.any() and b_h.any() else float("nan")
        se = np.sqrt(h_obs[a_h].var() / max(a_h.sum(), 1) + h_obs[b_h].var() / max(b_h.sum(), 1))
        out["shift"][str(day)] = {"learned": {g: _r(v) for g, v in learned_shift.get(str(day), {}).items()},
                                  "holdout": _r(est), "holdout_se": _r(se), "holdout_n": [int(a_h.sum()), int(b_h.sum())]}
    shifts = post.stratum_shifts()
    out["stratum_shifts_end"] = {g: _r(v) for g, v in shifts.items() if g.startswith(segment)}
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=8)
    ap.add_argument("--bandit-seed", type=int, default=None)
    ap.add_argument("--segment", default="mid")
    ap.add_argument("--as-of", default="42,70,126,182")
    ap.add_argument("--weeks", type=int, default=26)
    ap.add_argument("--out", default=None)
    ap.add_argument("--set", action="append", default=[], metavar="NAME=VALUE")
    args = ap.parse_args(argv)
    if not apply_set_options(args.set):
        return 2
    out = cohort_bias(SimConfig(seed=args.seed, weeks=args.weeks, bandit_seed=args.bandit_seed), args.segment,
                      [int(x) for x in args.as_of.split(",")])
    if args.out:
        Path(args.out).write_text(json.dumps(out, indent=1))
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
