"""The simulation core: run the learning loop forward against the market's hidden truth.

What it is: the sandbox market (integrations/sandbox/market) supplies a population of open deals
(features as the CRM shows them) and the truth behind them: each deal's win log-odds, its true
best discount and each strategy's effect by segment (public `strategy_effect`). Every simulated
day a stream of decisions arrives (one per deal, drawn from that population); each policy picks
an arm among the arms the tenant's policy allows (`bandit.allowed_arms`, 10% discount cap), the
rep executes the strategy with the market's task completion behaviour, the deal closes after a
segment-dependent delay, and the outcome is attributed (`rewards.attribute_all`, amount-weighted)
and folded into the bandit's posterior (`Posterior.update`) the day it arrives. A global holdout
(`holdout.assign`, stable by deal id) gets no action.

What it is not: the product path (sandbox webhooks -> inbox -> pipeline -> write-back -> outcome
webhooks). The same rewards, bandit, holdout and OPE code runs here; the scores the bandit sees
are simulated (true win probability plus noise, banded), not the scoring engine's.

All policies run on the same decision stream with common random numbers (same deals, same
holdout, same outcome draws, same delays), so their differences are the policies'.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import numpy as np

from integrations.sandbox.market import OPEN_STAGES, STRATEGIES, EffectTable, Market, MarketConfig
from integrations.sandbox.market._generate import stage_pace, stage_schedule, stages_reached
from integrations.sandbox.market._truth import base_logit, price_effect, sigmoid
from learning import defaults
from learning.bandit import POLICY_NAME, Posterior, make_context
from learning.holdout import HOLDOUT_ARM, assign
from learning.ope import LoggedData, adjusted_difference_interval, arm_values
from learning.rewards import LoggedDecision, Outcome, RewardConfig, attribute_all

POLICIES = ("bandit", "uniform", "best_arm", "oracle")
"""Policies the simulation compares: ours, uniform random, the best single arm in hindsight, and
the oracle that knows each deal's true best allowed arm."""

CYCLE_DAYS = {"smb": 28.0, "mid": 55.0, "ent": 95.0}
"""Median sales cycle by segment (the market's); a decision waits on average half of it."""

SCORE_NOISE = 0.6
"""Standard deviation (log-odds) of the simulated conversion score around the true win odds."""

QUIET_AFTER_DAYS = 14
"""Days without activity after which the app's analyst calls a deal's engagement quiet: its
recent window (agents/analyst.py RECENT_DAYS, 14) with nothing in it reads as declining. Not the
market's hidden 21-day rule for re-engagement's bonus (STALE_DAYS), which the app cannot see: a
quiet cell mixes deals 15-21 days quiet, where re-engagement has no bonus, as it would in use."""

SIM_START = datetime(2026, 1, 5, tzinfo=UTC)
TENANT = "simulated-tenant"
DEFAULT_DISCOUNTS = (0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3)


@dataclass(frozen=True)
class SimConfig:
    """One simulation run (defaults from learning/defaults.py are read when a config is built,
    so a benchmark's `--set` reaches them)."""

    weeks: int = 26
    seed: int = 0
    deals_per_week: int = 1000
    holdout_share: float = field(default_factory=lambda: defaults.HOLDOUT_SHARE)
    null_effects: bool = False
    """Every strategy's effect is zero (the lift check's negative control); wins over `drawn_effects`."""
    drawn_effects: bool = False
    """The market's strategy-effect table is drawn for `seed` (`MarketConfig.drawn_effects`) instead
    of the fixed table every seed shares; the deals, decisions and outcome draws are the same."""
    max_discount: float = 0.10
    policies: tuple[str, ...] = POLICIES
    market_open_deals: int = 600
    task_completion_rate: float = 0.35
    """Daily chance a rep completes an open app task (the market's default)."""
    execution_days: int = 5
    """Working days a rep has to complete the task before the deal moves on without it."""
    resamples: int = field(default_factory=lambda: defaults.BOOTSTRAP_RESAMPLES)
    delay_scale: float = 1.0
    """Multiplier of the outcome delays (1 = half the segment's sales cycle on average)."""
    min_delay_days: float = 3.0
    """Shortest delay between a decision and its close. With `delay_scale` 0 and this under a day
    every outcome is folded the morning after its decision: the "instant outcomes" diagnostic of
    benchmarks/learning_replicates.py (`--instant`), never a market the app meets."""
    stage_value: float | None = None
    """Partial credit of a stage advance; None = the tenant default (learning/defaults.py)."""
    bandit_seed: int | None = None
    """Seed of the bandit's own draws (None = seed + 3): the market and the decision stream stay
    those of `seed`, so runs with different bandit seeds measure how much of a result is the
    policy's luck."""

    outcome_seed: int | None = None
    """Seed of the win/loss draws alone (None = those of `seed`): the market, its truth, the
    decision stream and the delays stay those of `seed`, so replicates that vary it with
    `bandit_seed` are fresh draws of the same experiment, which an interval's coverage over
    replicates needs (benchmarks/learning_ope_replicates.py)."""


@dataclass
class Population:
    """Open deals of the market as columns: what the app sees and the truth behind it."""

    segment: np.ndarray
    amount: np.ndarray
    logit: np.ndarray
    """True win log-odds with no action (features + current discount)."""
    effects: np.ndarray
    """rows x arms: true log-odds lift of each strategy."""
    table: EffectTable
    """The market's strategy-effect table the `effects` were read from (unused under null effects)."""
    band: np.ndarray
    engagement: np.ndarray
    best_discount: np.ndarray
    score: np.ndarray
    """The simulated conversion score (probability) the app would log as the baseline."""
    stage: np.ndarray
    """Index of the deal's open stage (OPEN_STAGES) when the app decides."""
    log_pace: np.ndarray
    """The deal's stage plan from the market (`_generate.stage_schedule`): its log pace without
    the odds (hidden engagement plus noise) ..."""
    thresholds: np.ndarray
    """... and, rows x stages after the first, the progress at which it reaches each."""
    progress: np.ndarray
    """Progress through the plan when the app decides (the market moved it there)."""
    remaining: np.ndarray
    """Share of the deal's life left until 12 hours before its decision (the market's last move)."""


@dataclass
class Stream:
    """The decisions of a run, with every random draw the policies share."""

    row: np.ndarray
    day: np.ndarray
    holdout: np.ndarray
    executed: np.ndarray
    u: np.ndarray
    delay: np.ndarray
    allowed: np.ndarray
    """decisions x arms: whether the tenant's policy allows the arm."""
    weight: np.ndarray
    stage_value: float = 0.0
    """Partial credit of one stage advance (the tenant's reward definition), before weighting."""


@dataclass
class PolicyRun:
    arms: np.ndarray
    propensities: np.ndarray
    expected: np.ndarray
    realized: np.ndarray
    won: np.ndarray
    shares_by_week: list[dict[str, float]] = field(default_factory=list)
    posterior: Posterior | None = None
    probabilities: np.ndarray | None = None
    """decisions x arms: every arm's probability when the decision was made (the bandit's; the
    product logs them too, `strategy_choice.probabilities`); None for the fixed policies."""


def build_population(cfg: SimConfig) -> Population:
    """Draw the market (seeded) and read its open deals and their truth."""
    m = Market(MarketConfig(seed=cfg.seed, start=SIM_START, n_companies=max(60, cfg.market_open_deals // 2),
                            n_open_deals=cfg.market_open_deals, n_closed_deals=100, drawn_effects=cfg.drawn_effects))
    tab = m.deal_table(closed=False)
    seg = tab["segment"].astype(str)
    feats = {k: tab[k] for k in tab if k not in ("key", "discount", "p_win", "country", "owner")}
    logit = base_logit(feats) + price_effect(seg, tab["discount"])
    stale = tab["days_since_activity"].astype(float)
    if cfg.null_effects:
        effects = np.zeros((len(seg), len(STRATEGIES)))
    else:
        effects = np.array([[m.effects.effect(a, s, d) for a in STRATEGIES] for s, d in zip(seg, stale, strict=True)])
    grid = np.array(DEFAULT_DISCOUNTS)
    value = np.stack([sigmoid(base_logit(feats) + price_effect(seg, np.full(len(seg), d))) * (1 - d) for d in grid])
    rng = np.random.default_rng(cfg.seed + 1)
    score = sigmoid(logit + rng.normal(0, SCORE_NOISE, len(seg)))
    lo, hi = defaults.CONVERSION_BAND_EDGES
    band = np.where(score < lo, "low", np.where(score < hi, "medium", "high"))
    engagement = np.where(stale > QUIET_AFTER_DAYS, "quiet", "active")
    deals = [m.deals[int(k)] for k in tab["key"]]
    stage = np.array([OPEN_STAGES.index(d.stage) for d in deals])
    plans = [d.stage_plan_ or stage_schedule(cfg.seed, d.key, d.engagement_) for d in deals]
    due = [d.decision_at_ or m.now for d in deals]  # every open deal of the market has its decision date
    life = np.array([max((t - d.created_at).total_seconds(), 1.0) for t, d in zip(due, deals, strict=True)])
    left = np.array([(t - timedelta(hours=12) - m.now).total_seconds() for t in due])
    return Population(seg, tab["amount"].astype(float), logit, effects, m.effects, band, engagement, grid[value.argmax(axis=0)],
                      score, stage, np.array([p[0] for p in plans]), np.array([p[1] for p in plans]),
                      np.array([d.progress_ for d in deals]), np.clip(left / life, 0.0, None))


def final_stage(pop: Population, rows: np.ndarray, logit: np.ndarray) -> np.ndarray:
    """Index of the last open stage each deal reaches before its decision when its win log-odds
    after the app's decision are `logit`: the market's own rule (`_generate.progress_stages`),
    the pace set by the odds (`stage_pace`) from where the market had moved the deal."""
    reach = pop.progress[rows] + stage_pace(pop.log_pace[rows], logit) * pop.remaining[rows]
    return np.maximum(stages_reached(pop.thresholds[rows], reach), pop.stage[rows])


def build_stream(pop: Population, cfg: SimConfig, rewards: RewardConfig) -> Stream:
    """Draw the decisions of the whole run and every random number the outcomes need."""
    rng = np.random.default_rng(cfg.seed + 2)
    days = cfg.weeks * 7
    per_day = rng.poisson(cfg.deals_per_week / 7.0, size=days)
    day = np.repeat(np.arange(days), per_day)
    n = len(day)
    row = rng.integers(len(pop.segment), size=n)
    holdout = np.array([assign(TENANT, "sim", f"d{cfg.seed}-{i}", share=cfg.holdout_share).holdout
                        for i in range(n)])
    p_exec = 1.0 - (1.0 - cfg.task_completion_rate) ** cfg.execution_days
    mean_delay = np.array([CYCLE_DAYS[s] / 2.0 for s in pop.segment[row]])
    delay = np.maximum(cfg.min_delay_days, rng.gamma(2.0, mean_delay / 2.0) * cfg.delay_scale)
    uses_discount = np.array([a == "limited_time_incentive" for a in STRATEGIES])
    over_cap = pop.best_discount[row] > cfg.max_discount
    allowed = ~(uses_discount[None, :] & over_cap[:, None])
    weight = np.array([rewards.amount_weight(a) for a in pop.amount[row]])
    executed = rng.random(n) < p_exec
    u = rng.random(n)
    if cfg.outcome_seed is not None:
        u = np.random.default_rng([cfg.seed, cfg.outcome_seed]).random(n)
    return Stream(row, day, holdout, executed, u, delay, allowed, weight, rewards.stage_advanced)


def _logit(pop: Population, s: Stream, arms: np.ndarray) -> np.ndarray:
    """True win log-odds of each decision's deal given its arm (-1 = no action)."""
    lift = np.where(arms >= 0, pop.effects[s.row, np.maximum(arms, 0)], 0.0) * s.executed
    return pop.logit[s.row] + lift


def advances(pop: Population, s: Stream, arms: np.ndarray) -> np.ndarray:
    """Stages each decision's deal moves forward between the decision and its close, given its
    arm: the market's stage pace follows the odds, so an arm that raises them moves the deal on
    sooner (and further before its decision) and a deal with worse odds stalls."""
    return np.maximum(0, final_stage(pop, s.row, _logit(pop, s, arms)) - pop.stage[s.row]).astype(int)


def win_probability(pop: Population, s: Stream, arms: np.ndarray) -> np.ndarray:
    """True win probability of each decision's deal given its arm (-1 = no action)."""
    return sigmoid(_logit(pop, s, arms))


def expected_rewards(pop: Population, s: Stream, arms: np.ndarray) -> np.ndarray:
    """Expected reward of each decision given its arm (-1 = no action): the issue's reward, won =
    amount-weighted 1, lost 0, each stage advanced after the decision = partial credit."""
    return s.weight * (win_probability(pop, s, arms) + s.stage_value * advances(pop, s, arms))


def arm_matrix(pop: Population, s: Stream) -> np.ndarray:
    """decisions x arms expected rewards (disallowed arms -inf)."""
    m = np.column_stack([expected_rewards(pop, s, np.full(len(s.row), j)) for j in range(len(STRATEGIES))])
    return np.where(s.allowed, m, -np.inf)


def _won(pop: Population, s: Stream, arms: np.ndarray) -> np.ndarray:
    return s.u < win_probability(pop, s, arms)


def _realized(pop: Population, s: Stream, arms: np.ndarray) -> np.ndarray:
    return s.weight * (_won(pop, s, arms) + s.stage_value * advances(pop, s, arms))


def _fixed_policy(pop: Population, s: Stream, probs: np.ndarray, rng: np.random.Generator) -> PolicyRun:
    probs = np.where(s.allowed, probs, 0.0)
    probs = probs / probs.sum(axis=1, keepdims=True)
    arms = (rng.random(len(s.row))[:, None] > probs.cumsum(axis=1)).sum(axis=1)
    arms = np.minimum(arms, probs.shape[1] - 1)
    arms = np.where(s.holdout, -1, arms)
    prop = np.where(arms >= 0, probs[np.arange(len(arms)), np.maximum(arms, 0)], 1.0)
    return PolicyRun(arms, prop, expected_rewards(pop, s, arms), _realized(pop, s, arms), _won(pop, s, arms))


def run_bandit(pop: Population, s: Stream, cfg: SimConfig, rewards: RewardConfig,
               progress: Callable[[str], None] | None = None,
               observe: Callable[[int, Posterior, np.ndarray], None] | None = None,
               make_posterior: Callable[[Population, Stream], Posterior] | None = None) -> PolicyRun:
    """Run the Thompson sampling policy day by day, learning from outcomes as they arrive.

    Args:
        make_posterior: builds the learner's starting posterior from the market (None = the
            product's `Posterior(STRATEGIES)`): for DIAGNOSTIC reference learners that are told
            something of the truth (benchmarks/learning_reference.py), never the product's.
        observe: called at the start of every day, after that day's outcomes are folded in and
            before its decisions, with (day, posterior, arms chosen so far): for diagnostics
            (benchmarks/learning_regret_anatomy.py); it must not change the posterior.
    """
    rng = np.random.default_rng(cfg.seed + 3 if cfg.bandit_seed is None else cfg.bandit_seed)
    posterior = Posterior(STRATEGIES) if make_posterior is None else make_posterior(pop, s)
    n = len(s.row)
    arms = np.full(n, -1)
    prop = np.ones(n)
    every = np.zeros((n, len(STRATEGIES)))
    realized = np.zeros(n)
    won = np.zeros(n, dtype=bool)
    decisions: dict[int, LoggedDecision] = {}
    pending: list[tuple[float, int, int]] = []  # (arrival day, decision index, stage reached or -1 = close)
    shares: list[dict[str, float]] = []
    day_index = np.searchsorted(s.day, np.arange(cfg.weeks * 7 + 1))
    for day in range(cfg.weeks * 7):
        arrived = [(t, i, k) for t, i, k in pending if t <= day]
        pending = [(t, i, k) for t, i, k in pending if t > day]
        if arrived:
            arrived.sort()
            outcomes = [_outcome(i, t, k, won[i], float(pop.amount[s.row[i]])) for t, i, k in arrived]
            new = attribute_all(outcomes, [decisions[i] for _t, i, _k in arrived], config=rewards)
            posterior.update(new)
        if observe is not None:
            observe(day, posterior, arms)
        cache: dict[tuple[Any, ...], tuple[list[str], np.ndarray]] = {}
        beliefs: dict[tuple[Any, ...], dict[str, tuple[float, float]]] = {}
        for i in range(day_index[day], day_index[day + 1]):
            r = s.row[i]
            ctx = make_context(str(pop.segment[r]), str(pop.band[r]), str(pop.engagement[r]), float(pop.score[r]))
            ctx["stage"] = OPEN_STAGES[pop.stage[r]]
            at = SIM_START + timedelta(days=day, hours=9)
            if s.holdout[i]:
                # the arms policy would have excluded: the holdout measures its eligibility
                # group's level (bandit ELIGIBILITY_CONTROL 2), like the pipeline's holdout context
                ctx["excluded"] = [a for a, ok in zip(STRATEGIES, s.allowed[i], strict=True) if not ok]
                decisions[i] = LoggedDecision(f"sim-{i}", f"d{i}", at, HOLDOUT_ARM, 1.0, "holdout", ctx,
                                              TENANT, "sim", holdout=True)
            else:
                allowed = tuple(a for a, ok in zip(STRATEGIES, s.allowed[i], strict=True) if ok)
                ctx["excluded"] = [a for a in STRATEGIES if a not in allowed]
                key = (ctx["segment"], ctx["band"], ctx["engagement"], allowed)
                # the deal's amount weight is known when the decision is made (the product's
                # context carries it too: learning.policy.decision_context)
                ctx["amount_weight"] = round(float(s.weight[i]), 6)
                if defaults.STAKE_EXPLORATION_POWER > 0:
                    # stake-aware exploration: one set of probabilities per decision (its own
                    # stake), from the cell's beliefs computed once a day
                    if key not in beliefs:
                        beliefs[key] = posterior.beliefs(ctx, allowed)
                    probs = posterior.probabilities(ctx, allowed, rng=rng, beliefs=beliefs[key])
                    names, p = list(probs), np.array(list(probs.values()))
                else:
                    if key not in cache:
                        probs = posterior.probabilities(ctx, allowed, rng=rng)
                        cache[key] = (list(probs), np.array(list(probs.values())))
                    names, p = cache[key]
                j = int(rng.choice(len(names), p=p))
                every[i, [STRATEGIES.index(a) for a in names]] = p
                arms[i] = STRATEGIES.index(names[j])
                prop[i] = p[j]
                decisions[i] = LoggedDecision(f"sim-{i}", f"d{i}", at, names[j], float(p[j]), POLICY_NAME,
                                              ctx, TENANT, "sim")
        lo, hi = day_index[day], day_index[day + 1]
        today = _slice(s, lo, hi)
        realized[lo:hi] = _realized(pop, today, arms[lo:hi])
        won[lo:hi] = _won(pop, today, arms[lo:hi])
        moved = advances(pop, today, arms[lo:hi])
        pace = stage_pace(pop.log_pace[today.row], _logit(pop, today, arms[lo:hi]))
        for i in range(lo, hi):
            # the deal reaches each stage when its progress at its pace passes the stage's
            # threshold (the share of the time to its close), then closes
            r, first = s.row[i], int(pop.stage[s.row[i]])
            span = max(float(pace[i - lo] * pop.remaining[r]), 1e-9)
            pending += [(day + s.delay[i] * min(max((pop.thresholds[r, k - 1] - pop.progress[r]) / span, 0.0), 1.0),
                         i, k) for k in range(first + 1, first + 1 + int(moved[i - lo]))]
            pending.append((day + s.delay[i], i, -1))
        if day % 7 == 6:
            week = arms[day_index[day - 6]:day_index[day + 1]]
            acted = week[week >= 0]
            shares.append({a: float(np.mean(acted == j)) if len(acted) else 0.0 for j, a in enumerate(STRATEGIES)})
            if progress and (day // 7) % 4 == 3:
                progress(f"bandit: week {day // 7 + 1}/{cfg.weeks}, {hi} decisions")
    return PolicyRun(arms, prop, expected_rewards(pop, s, arms), realized, won, shares, posterior, every)


def _slice(s: Stream, lo: int, hi: int) -> Stream:
    return Stream(s.row[lo:hi], s.day[lo:hi], s.holdout[lo:hi], s.executed[lo:hi], s.u[lo:hi], s.delay[lo:hi],
                  s.allowed[lo:hi], s.weight[lo:hi], s.stage_value)


def _outcome(i: int, day: float, stage: int, won: bool, amount: float) -> Outcome:
    """Decision i's deal reaching open stage `stage` (or closing, stage -1) on simulated `day`."""
    at = SIM_START + timedelta(days=float(day), hours=9)
    if stage >= 0:
        return Outcome(TENANT, "sim", f"d{i}", "stage_advanced", at, amount, OPEN_STAGES[stage])
    return Outcome(TENANT, "sim", f"d{i}", "won" if won else "lost", at, amount, "closedwon" if won else "closedlost")


def simulate(cfg: SimConfig, progress: Callable[[str], None] | None = None,
             rows_out: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """Run every policy of `cfg` on one market and return the summary (see module docstring).

    Args:
        rows_out: when given, receives the bandit run's decisions as `learning.report` export rows
            (outcome and reward filled in when the outcome arrived before the end of the run).
    """
    t0 = time.perf_counter()
    say = progress or (lambda _m: None)
    pop = build_population(cfg)
    rewards = RewardConfig(reference_amount=float(np.median(pop.amount)),
                           stage_advanced=defaults.STAGE_ADVANCED_VALUE if cfg.stage_value is None else cfg.stage_value)
    s = build_stream(pop, cfg, rewards)
    say(f"market ready: {len(pop.segment)} open deals, {len(s.row)} decisions over {cfg.weeks} weeks")
    k = len(STRATEGIES)
    matrix = arm_matrix(pop, s)
    acted = ~s.holdout
    rng = np.random.default_rng(cfg.seed + 4)
    runs: dict[str, PolicyRun] = {}
    oracle_arm = matrix.argmax(axis=1)
    runs["oracle"] = _fixed_policy(pop, s, np.eye(k)[oracle_arm], rng)
    runs["uniform"] = _fixed_policy(pop, s, np.ones((len(s.row), k)), rng)
    arm_totals = np.where(np.isfinite(matrix), matrix, 0.0)[acted].sum(axis=0)
    ranked = np.argsort(-arm_totals)
    best = np.tile(np.eye(k)[ranked[0]], (len(s.row), 1))
    fallback = np.eye(k)[ranked[1]]
    best[~s.allowed[:, ranked[0]]] = fallback  # the best arm when it is allowed, else the runner-up
    runs["best_arm"] = _fixed_policy(pop, s, best, rng)
    runs["bandit"] = run_bandit(pop, s, cfg, rewards, say)
    oracle_total = runs["oracle"].expected[acted].sum()
    contextual = _best_contextual(pop, s, matrix, acted)

    def regret(name: str) -> float:
        return float(oracle_total - runs[name].expected[acted].sum())

    def wins(name: str) -> float:
        """Expected wins (no stage credit, no amount weight): the regret in deals rather than reward."""
        return float(win_probability(pop, s, runs[name].arms)[acted].sum())

    ours = runs["bandit"]
    end_day = cfg.weeks * 7
    observed = acted & (s.day + s.delay <= end_day)
    ope = _ope(pop, s, ours, observed, matrix, cfg)
    if rows_out is not None:
        rows_out.extend(export_rows(pop, s, ours, end_day))
    seen_all = s.day + s.delay <= end_day
    t_rows, c_rows = acted & seen_all, s.holdout & seen_all
    treated, control = ours.realized[t_rows], ours.realized[c_rows]
    # Covariates known before the decision: the reward expected without action (weight x score)
    # and the weight per stage the deal was at (how much stage credit it may still earn).
    stage_at = np.eye(len(OPEN_STAGES))[pop.stage[s.row]]
    x = np.column_stack([s.weight * pop.score[s.row], s.weight[:, None] * stage_at])
    lift, ci = adjusted_difference_interval(treated, x[t_rows], control, x[c_rows], resamples=cfg.resamples,
                                            seed=cfg.seed)
    won = ours.won.astype(float)
    lift_w, ci_w = adjusted_difference_interval(won[t_rows], pop.score[s.row][t_rows], won[c_rows],
                                                pop.score[s.row][c_rows], resamples=cfg.resamples, seed=cfg.seed)
    # the truth of the lift: the treated records' expected reward with their arms vs with no action
    no_action = expected_rewards(pop, s, np.full(len(s.row), -1))
    true_lift = float((ours.expected - no_action)[acted & seen_all].mean())
    no_action_p = win_probability(pop, s, np.full(len(s.row), -1))
    true_lift_w = float((win_probability(pop, s, ours.arms) - no_action_p)[acted & seen_all].mean())
    return {
        "regret": {"ours": regret("bandit"), "uniform_random": regret("uniform"),
                   "best_single_arm": regret("best_arm"),
                   "best_contextual_in_hindsight": float(oracle_total - contextual)},
        "regret_realized": {n_: float((runs["oracle"].realized - runs[p].realized)[acted].sum()) for n_, p in
                            (("ours", "bandit"), ("uniform_random", "uniform"), ("best_single_arm", "best_arm"))},
        "regret_in_wins": {"ours": wins("oracle") - wins("bandit"), "uniform_random": wins("oracle") - wins("uniform"),
                           "best_single_arm": wins("oracle") - wins("best_arm")},
        "reward": {"ours": float(ours.expected[acted].sum()), "uniform_random": float(runs["uniform"].expected[acted].sum()),
                   "best_single_arm": float(runs["best_arm"].expected[acted].sum()), "oracle": float(oracle_total)},
        "reward_realized": {n_: float(runs[p].realized[acted].sum()) for n_, p in
                            (("ours", "bandit"), ("uniform_random", "uniform"), ("best_single_arm", "best_arm"),
                             ("oracle", "oracle"))},
        "holdout_lift_in_wins": {"estimate": lift_w, "ci95": list(ci_w), "true_value": true_lift_w},
        "holdout_lift": {"estimate": lift, "ci95": list(ci), "true_value": true_lift,
                         "treated": int(treated.size), "holdout": int(control.size)},
        "ope": ope,
        "best_single_arm": STRATEGIES[ranked[0]],
        "best_arm_by_segment": _best_by_segment(pop, s, matrix, acted),
        "final_arm_shares": ours.shares_by_week[-1] if ours.shares_by_week else {},
        "weeks": cfg.weeks, "seed": cfg.seed, "null_effects": cfg.null_effects,
        "strategy_effects": None if cfg.null_effects else pop.table.describe(),
        "decisions": int(len(s.row)), "holdout_decisions": int(s.holdout.sum()),
        "outcomes_observed": int(seen_all.sum()),
        "path": "simulation-core",
        "seconds": round(time.perf_counter() - t0, 2),
    }


def regret_only(cfg: SimConfig,
                make_posterior: Callable[[Population, Stream], Posterior] | None = None) -> dict[str, Any]:
    """Regret of ours, uniform random and the best single arm, overall and per segment, without
    the OPE and lift (seconds instead of minutes): for measuring many bandit seeds
    (`SimConfig.bandit_seed`) on one market, i.e. how much of a run's regret is the policy's luck
    (benchmarks/learning_replicates.py). Same policies and regret as `simulate`."""
    pop = build_population(cfg)
    rewards = RewardConfig(reference_amount=float(np.median(pop.amount)),
                           stage_advanced=defaults.STAGE_ADVANCED_VALUE if cfg.stage_value is None else cfg.stage_value)
    s = build_stream(pop, cfg, rewards)
    k = len(STRATEGIES)
    matrix = arm_matrix(pop, s)
    acted = ~s.holdout
    rng = np.random.default_rng(cfg.seed + 4)
    oracle = _fixed_policy(pop, s, np.eye(k)[matrix.argmax(axis=1)], rng)
    uniform = _fixed_policy(pop, s, np.ones((len(s.row), k)), rng)
    ranked = np.argsort(-np.where(np.isfinite(matrix), matrix, 0.0)[acted].sum(axis=0))
    best = np.tile(np.eye(k)[ranked[0]], (len(s.row), 1))
    best[~s.allowed[:, ranked[0]]] = np.eye(k)[ranked[1]]
    runs = {"ours": run_bandit(pop, s, cfg, rewards, make_posterior=make_posterior), "uniform_random": uniform,
            "best_single_arm": _fixed_policy(pop, s, best, rng)}
    segment = pop.segment[s.row]

    def regret(run: PolicyRun, rows: np.ndarray) -> float:
        return float((oracle.expected - run.expected)[acted & rows].sum())

    def realized(run: PolicyRun, rows: np.ndarray) -> float:
        return float((oracle.realized - run.realized)[acted & rows].sum())

    everything = np.ones(len(s.row), dtype=bool)
    out: dict[str, Any] = {"seed": cfg.seed, "bandit_seed": cfg.bandit_seed, "drawn_effects": cfg.drawn_effects,
                           "size_dependent": pop.table.size_dependent,
                           "best_arm_by_segment": _best_by_segment(pop, s, matrix, acted),
                           "best_single_arm": STRATEGIES[ranked[0]],
                           "regret": {n: regret(r, everything) for n, r in runs.items()},
                           "regret_realized": {n: realized(r, everything) for n, r in runs.items()}}
    out["by_segment"] = {g: {n: regret(r, segment == g) for n, r in runs.items()} for g in ("smb", "mid", "ent")}
    out["ratio"] = out["regret"]["ours"] / out["regret"]["uniform_random"]
    out["ratio_realized"] = out["regret_realized"]["ours"] / out["regret_realized"]["uniform_random"]
    return out


def export_rows(pop: Population, s: Stream, run: PolicyRun, end_day: int) -> list[dict[str, Any]]:
    """The run's decisions as export rows (same columns as `agentic-sales learning export`)."""
    rows = []
    for i in range(len(s.row)):
        r = s.row[i]
        arrived = s.day[i] + s.delay[i] <= end_day
        won = bool(run.won[i])
        rows.append({
            "decision_id": f"sim-{i}", "tenant_id": TENANT, "deal_id": f"d{i}",
            "decided_at": (SIM_START + timedelta(days=int(s.day[i]), hours=9)).isoformat(),
            "policy": "holdout" if s.holdout[i] else POLICY_NAME,
            "arm": HOLDOUT_ARM if run.arms[i] < 0 else STRATEGIES[run.arms[i]],
            "propensity": float(run.propensities[i]), "holdout": bool(s.holdout[i]),
            "segment": str(pop.segment[r]), "band": str(pop.band[r]), "engagement": str(pop.engagement[r]),
            "baseline": float(pop.score[r]),  # unrounded: the report's reward model then is the core's
            "outcome_kind": ("won" if won else "lost") if arrived else None,
            "outcome_at": (SIM_START + timedelta(days=float(s.day[i] + s.delay[i]))).isoformat() if arrived else None,
            "reward": float(run.realized[i]) if arrived else None,
            "allowed_arms": [] if s.holdout[i] else [a for a, ok in zip(STRATEGIES, s.allowed[i], strict=True) if ok],
            "amount_weight": float(s.weight[i]),
            # every allowed arm's probability when decided (what the product logs in
            # `strategy_choice.probabilities`): the report's AW-AIPW reads it
            "probabilities": None if s.holdout[i] or run.probabilities is None else {
                a: float(run.probabilities[i, j]) for j, a in enumerate(STRATEGIES) if s.allowed[i, j]},
        })
    return rows


def _best_contextual(pop: Population, s: Stream, matrix: np.ndarray, acted: np.ndarray) -> float:
    """Expected reward of the best fixed arm per bandit context (known in hindsight): what a
    perfectly learned contextual policy earns, since the oracle also sees what no context shows."""
    finite = np.where(np.isfinite(matrix), matrix, -1e9)
    cells: dict[tuple[Any, ...], list[int]] = {}
    for i in np.flatnonzero(acted):
        r = s.row[i]
        cells.setdefault((pop.segment[r], pop.band[r], pop.engagement[r], s.allowed[i].tobytes()), []).append(int(i))
    return float(sum(finite[idx].sum(axis=0).max() for idx in cells.values()))


def _best_by_segment(pop: Population, s: Stream, matrix: np.ndarray, acted: np.ndarray) -> dict[str, str]:
    out = {}
    for seg in ("smb", "mid", "ent"):
        rows = acted & (pop.segment[s.row] == seg)
        if rows.any():
            out[seg] = STRATEGIES[int(np.where(np.isfinite(matrix), matrix, 0.0)[rows].sum(axis=0).argmax())]
    return out


def logged_data(pop: Population, s: Stream, run: PolicyRun, observed: np.ndarray) -> tuple[np.ndarray, LoggedData]:
    """The observed decisions' positions in the stream and their log as OPE reads it (context = segment x score band x
    engagement, coded in order of first appearance)."""
    idx = np.flatnonzero(observed)
    ctx_codes: dict[tuple[str, str, str], int] = {}
    contexts = np.array([ctx_codes.setdefault((pop.segment[r], pop.band[r], pop.engagement[r]), len(ctx_codes))
                         for r in s.row[idx]])
    return idx, LoggedData(contexts, run.arms[idx], run.propensities[idx], run.realized[idx], tuple(STRATEGIES),
                           s.weight[idx], pop.score[s.row[idx]])


def _ope(pop: Population, s: Stream, run: PolicyRun, observed: np.ndarray, matrix: np.ndarray,
         cfg: SimConfig) -> list[dict[str, Any]]:
    """Each arm's value on the decisions where it was allowed: adaptively weighted AIPW
    (`learning.ope.adaptive_aipw`, since wave 22), with SNDR, DR, IPS and SNIPS alongside.

    Raises:
        ValueError: the run has no per-arm probabilities (only the bandit's run has them).
    """
    if run.probabilities is None:
        raise ValueError("OPE needs every arm's probability per decision: evaluate the bandit's run")
    idx, data = logged_data(pop, s, run, observed)
    # weighted apart per cell and allowed set (the bandit's probabilities are constant within
    # those on a day): since wave 22 the estimate, its bootstrap rivals beside it (learning/README.md
    # "Measured, wave 22"); the product's report calls the same function on its export rows
    values = arm_values(data, s.allowed[idx], probabilities=run.probabilities[idx], day=s.day[idx],
                        resamples=cfg.resamples, seed=cfg.seed)
    out = []
    for v in values:
        j = STRATEGIES.index(str(v["arm"]))
        ok = s.allowed[idx, j]
        out.append({**{key: v[key] for key in ("arm", "method", "estimate", "ci95")},
                    "true_value": float(matrix[idx[ok], j].mean()),
                    **{key: v[key] for key in ("sndr", "sndr_ci95", "dr", "dr_ci95", "ips", "snips", "n")}})
    return out


def stderr_progress(message: str) -> None:
    """Log one progress line (no redraws)."""
    print(message, file=sys.stderr, flush=True)


def run_many(seeds: Sequence[int], **kw: Any) -> list[dict[str, Any]]:
    """Run `simulate` for several seeds (README numbers)."""
    return [simulate(SimConfig(seed=seed, **kw), stderr_progress) for seed in seeds]
