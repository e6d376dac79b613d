"""`simulate --path product`: the learning loop through the real product, week by week.

The demo's machinery (app/demo.py) starts the app on a real HTTP server and a CRM sandbox whose
market runs forward on request; the tenant is installed through OAuth, trained and backfilled,
so every open deal gets a decision from the batch pipeline (holdout first, then the tenant's
bandit, logged as `strategy_choice`). Then each simulated week:

1. the sandbox advances its market 7 days (`/_sandbox/advance`): reps complete the app's tasks
   (executing the chosen strategy), deals move stages and close; every change goes to the app as
   a signed webhook;
2. the app's inbox and batch pipeline process them (new decisions on changed open deals, the
   outcome stage storing stage advances, wins and losses and their rewards, write-back);
3. the scheduler's per-tenant learning job (`learning`) folds the new rewards into the persisted
   posterior, as it would on its interval.

What it measures: the wiring and its cost (decisions, outcomes, rewards and folds per week,
seconds per week). It does not compute regret: the comparison policies and the regret against
the market's truth come from the simulation core (`learning.simulate`), which runs the same
rewards, bandit and holdout code on the same market generator in seconds. It reports the
off-policy estimates `learning report --tenant` computes from the run's database (`estimator`,
`ope`: adaptively weighted AIPW, `learning.ope.arm_values`, the simulation core's function), without
true values: the sandbox's truth is per deal, not per decision stream.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from app import scheduler
from app.demo import Demo, DemoOptions
from app.storage import get_db
from app.storage.models import Action, LearningPosterior, Outcome, RecordJob, Reward

SETTLE_POLL_SECONDS = 0.5
"""How often the run checks whether the pipeline has finished a week's webhooks."""

SIMULATED_START = datetime(2026, 1, 5, 9, tzinfo=UTC)
"""The simulated date of the setup's decisions (a Monday); week w's decisions are dated 7w days on."""

SETTLE_QUIET_POLLS = 3
"""Consecutive polls with no busy record job (and no new inbox event) that end a week."""


def _counts(app: Any, tenant_id: str) -> dict[str, Any]:
    with get_db(app).session() as s:
        decisions = s.execute(select(Action.payload).where(
            Action.tenant_id == tenant_id, Action.kind == "strategy_choice")).scalars().all()
        outcomes = dict(s.execute(select(Outcome.kind, func.count()).where(Outcome.tenant_id == tenant_id)
                                  .group_by(Outcome.kind)).tuples().all())
        rewards = s.scalar(select(func.count()).select_from(Reward).where(Reward.tenant_id == tenant_id)) or 0
        folded = s.scalar(select(func.count()).select_from(Reward).where(
            Reward.tenant_id == tenant_id, Reward.folded.is_(True))) or 0
        post = s.get(LearningPosterior, (tenant_id, "deal"))
    held = sum(1 for p in decisions if (p or {}).get("holdout"))
    return {"decisions": len(decisions), "holdout_decisions": held, "outcomes": outcomes, "rewards": int(rewards),
            "rewards_folded": int(folded), "posterior_rewards": int(post.rewards) if post else 0}


def _settle(run: Demo, timeout: float) -> None:
    """Wait until the week's webhooks are delivered and every record job is idle."""
    try:
        run.sandbox.control("POST", "webhooks/flush", timeout=min(timeout, 60.0))
    except Exception:  # noqa: BLE001 - a sandbox without the flush call: the polling below still waits
        pass
    deadline = time.time() + timeout
    quiet = 0
    while time.time() < deadline and quiet < SETTLE_QUIET_POLLS:
        with get_db(run.app).session() as s:
            busy = s.scalar(select(func.count()).select_from(RecordJob).where(
                RecordJob.tenant_id == run.tenant_id, RecordJob.state != "idle")) or 0
        quiet = quiet + 1 if busy == 0 else 0
        time.sleep(SETTLE_POLL_SECONDS)


def _scheduler_fold(app: Any, tenant_id: str) -> dict[str, Any]:
    """Run the scheduler's learning job for the tenant the way the leader would (one tick)."""
    due: list[tuple[str, str]] = []
    scheduler.request_run(app, tenant_id, "learning")
    scheduler.tick(app, enqueue=lambda t, n: due.append((t, n)))
    out: dict[str, Any] = {}
    with app.app_context():
        for t, name in due:
            if t == tenant_id and name == "learning":
                out = scheduler.run_periodic(t, name)
    return out


def _effects(run: Demo) -> dict[str, Any] | None:
    """The sandbox market's strategy-effect table (its truth endpoint); None if it has none."""
    try:
        return dict(run.sandbox.control("GET", "truth/effects"))
    except Exception:  # noqa: BLE001 - a sandbox without the endpoint: the run is still measured
        return None


def _last_decision(app: Any, tenant_id: str) -> int:
    """The id of the tenant's last logged decision so far (0 without one)."""
    with get_db(app).session() as s:
        return int(s.scalar(select(func.max(Action.id)).where(
            Action.tenant_id == tenant_id, Action.kind == "strategy_choice")) or 0)


def _ope(app: Any, tenant_id: str, week_starts: list[int]) -> dict[str, Any]:
    """The tenant's off-policy estimates as `learning report --tenant` computes them from its
    database (the deals' decisions): which estimator the logged data allowed, and per arm.

    Each decision is dated by the simulated day it was made on (the setup's on day 0, week w's on
    day 7w; `week_starts[w - 1]` is the last decision id before week w): the app stamps decisions
    with the wall clock, and a run's simulated weeks pass in seconds, so by their own time every
    decision falls on one day and adaptively weighted AIPW's reward model, which learns from
    earlier days only, would have none.
    """
    from datetime import timedelta

    from app.cli.learning import of_object_type, rows_from_db
    from learning.report import summarise

    rows = of_object_type(rows_from_db(app, tenant_id), "deal")
    for r in rows:
        week = sum(int(r["decision_id"]) > last for last in week_starts)
        r["wall_clock_at"] = r["decided_at"]
        r["decided_at"] = (SIMULATED_START + timedelta(days=7 * week)).isoformat()
    summary = summarise(rows)
    return {"estimator": summary["estimator"], "ope": summary["ope"], "decision_rows": rows}


def run_product(*, weeks: int, seed: int, open_deals: int, closed_deals: int | None = None,
                drawn_effects: bool = False, data_dir: Path | None = None,
                say: Callable[[str], None] | None = None) -> dict[str, Any]:
    """Run `weeks` simulated weeks through the product; return what was measured.

    Args:
        drawn_effects: the sandbox market's strategy effects are drawn for ITS seed (the demo
            market's, `MarketConfig.drawn_effects`), so the reps' execution of the app's tasks
            moves odds by that table; the result names the table (`strategy_effects`). It is
            not the table of `simulate --path core --seed S --drawn-effects`: the two paths
            never share a market (the core draws its own book for seed S).
        closed_deals: the market's closed history the models train on (default: the demo's);
            a smaller one makes the run faster (the scoring gates may then refuse a model, and
            the bandit's baseline falls back to its cold-start value).
    """
    say = say or (lambda _m: None)
    t0 = time.perf_counter()
    tmp = None
    if data_dir is None:
        tmp = tempfile.TemporaryDirectory(prefix="agentic-sales-simulate-")
        data_dir = Path(tmp.name)
    opts = DemoOptions(seed=seed, open_deals=open_deals, data_dir=data_dir, drawn_effects=drawn_effects)
    if closed_deals is not None:
        opts.closed_deals = closed_deals
    opts.timeout = max(opts.timeout, 2.0 * open_deals)
    run = Demo(opts, progress=say)
    try:
        run.start()
        # The tenant's own holdout (default 10%) applies: lift needs a control group.
        run.app.config["HOLDOUT_SHARE_OVERRIDE"] = None
        run.app.config["RECONCILE_ENABLED"] = False
        run.app.config["RETRAIN_ENABLED"] = False
        run.install()
        run.train()
        run.backfill()
        run.drain()
        setup = round(time.perf_counter() - t0, 2)
        say(f"product path: installed, trained and backfilled {run.backfilled} open deals in {setup} s")
        per_week = []
        week_starts: list[int] = []
        for week in range(1, weeks + 1):
            week_starts.append(_last_decision(run.app, run.tenant_id))
            tw = time.perf_counter()
            market = run.sandbox.control("POST", "advance", days=7)
            _settle(run, opts.timeout)
            job = _scheduler_fold(run.app, run.tenant_id)
            counts = _counts(run.app, run.tenant_id)
            per_week.append({"week": week, "market": market, "learning_job": job, **counts,
                             "seconds": round(time.perf_counter() - tw, 2)})
            say(f"product path: week {week}/{weeks}: {counts['decisions']} decisions, "
                f"{sum(counts['outcomes'].values())} outcomes, {counts['rewards_folded']} rewards folded")
        final = _counts(run.app, run.tenant_id)
        ope = _ope(run.app, run.tenant_id, week_starts)
        ope.pop("decision_rows")
        week_seconds = [w["seconds"] for w in per_week]
        return {"path": "product", "weeks": weeks, "seed": seed, "open_deals": open_deals,
                "drawn_effects": drawn_effects, "strategy_effects": _effects(run), **final, **ope,
                "setup_seconds": setup, "seconds_per_week": week_seconds,
                "seconds": round(time.perf_counter() - t0, 2), "per_week": per_week}
    finally:
        run.stop()
        if tmp is not None:
            tmp.cleanup()
