"""`agentic-sales simulate`, `agentic-sales learning report` and `agentic-sales learning export`.

The JSON result is the last (and only) line on stdout; progress goes to stderr, one line per
step (no redraws). Bad input exits 2 with one line naming the problem.
"""

from __future__ import annotations

import json
import sys
from typing import Any

import click

EXIT_INPUT = 2
"""Exit code of a bad option, an unreadable export or a database without the learning tables."""


def _fail(message: str, code: int = EXIT_INPUT) -> None:
    click.echo(f"error: {' '.join(str(message).split())}", err=True)
    sys.exit(code)


def _check_out(*paths: str | None) -> None:
    """Refuse an output file whose folder does not exist, before any work (a simulation can take minutes)."""
    from pathlib import Path

    for path in paths:
        if path and not Path(path).expanduser().resolve().parent.is_dir():
            _fail(f"cannot write {path}: no folder {Path(path).parent}")


@click.command()
@click.option("--weeks", type=click.IntRange(1, 520), default=26, show_default=True, help="Simulated weeks.")
@click.option("--seed", type=int, default=0, show_default=True, help="Market and policy seed.")
@click.option("--policy", type=click.Choice(["bandit", "uniform", "best_arm", "oracle"]), default="bandit",
              show_default=True, help="The policy reported as `ours` (every policy runs on the same seed).")
@click.option("--null-effects", is_flag=True, help="A market where no strategy has any effect.")
@click.option("--drawn-effects", is_flag=True,
              help="Draw the strategies' effects for this seed (integrations/sandbox/market/_effects.py) "
                   "instead of the fixed table every seed shares.")
@click.option("--deals-per-week", type=click.IntRange(7, 100_000), default=None,
              help="Decisions per simulated week (the tenant's size).")
@click.option("--open-deals", type=click.IntRange(20, 20_000), default=None,
              help="Size of the market's open book the decisions are drawn from (default 600).")
@click.option("--export", "export_path", type=click.Path(dir_okay=False), default=None,
              help="Write the bandit's decisions, propensities, outcomes and rewards as CSV.")
@click.option("--report", "report_path", type=click.Path(dir_okay=False), default=None,
              help="Write the learning report (HTML) of the bandit's run.")
@click.option("--path", "path", type=click.Choice(["core", "product"]), default="core", show_default=True,
              help="core: every policy through the learning code against the market's truth (regret, OPE, "
                   "lift); product: our policy through the real app and CRM sandbox (webhooks, inbox, "
                   "pipeline, write-back, outcome webhooks, the scheduler's learning job), wiring and cost.")
def simulate(weeks: int, seed: int, policy: str, null_effects: bool, drawn_effects: bool, deals_per_week: int | None,
             open_deals: int | None, export_path: str | None, report_path: str | None, path: str) -> None:
    """Run the market forward and compare the bandit with uniform, best-arm and oracle policies."""
    _check_out(export_path, report_path)
    if null_effects and drawn_effects:
        _fail("--null-effects and --drawn-effects: choose one (null effects means every strategy's effect is zero)")
    from learning.simulate import SimConfig, stderr_progress
    from learning.simulate import simulate as run

    if path == "product":
        bad = [name for name, value in (("--policy", policy != "bandit"), ("--null-effects", null_effects),
                                        ("--deals-per-week", deals_per_week is not None),
                                        ("--export", export_path), ("--report", report_path)) if value]
        if bad:
            _fail(f"{', '.join(bad)}: not available with --path product (it runs our policy only; "
                  "use `learning export|report` on its database)")
        from app import logs
        from app.learning_product import run_product

        logs.configure("WARNING")
        click.echo(json.dumps(run_product(weeks=weeks, seed=seed, open_deals=open_deals or 40,
                                          drawn_effects=drawn_effects, say=stderr_progress)))
        return

    kw: dict[str, Any] = {"weeks": weeks, "seed": seed, "null_effects": null_effects, "drawn_effects": drawn_effects}
    if deals_per_week is not None:
        kw["deals_per_week"] = deals_per_week
    if open_deals is not None:
        kw["market_open_deals"] = open_deals
    rows: list[dict[str, Any]] | None = [] if (export_path or report_path) else None
    result = run(SimConfig(**kw), stderr_progress, rows_out=rows)
    if policy != "bandit":
        result = _as_ours(result, policy)
    if rows is not None:
        _write_outputs(rows, export_path, report_path, title=f"Simulated tenant, seed {seed}, {weeks} weeks")
        result["export"], result["report"] = export_path, report_path
    click.echo(json.dumps(result, sort_keys=False))


def _as_ours(result: dict[str, Any], policy: str) -> dict[str, Any]:
    name = {"uniform": "uniform_random", "best_arm": "best_single_arm", "oracle": "oracle"}[policy]
    regret = dict(result["regret"])
    reward = dict(result["reward"])
    regret["ours"] = 0.0 if policy == "oracle" else regret[name]
    reward["ours"] = reward[name]
    return {**result, "regret": regret, "reward": reward, "ours": policy}


def _write_outputs(rows: list[dict[str, Any]], export_path: str | None, report_path: str | None, *,
                   title: str, whose: Any = None) -> dict[str, Any]:
    from learning.report import DEAL_OUTCOME, render_html, summarise, write_csv

    records, outcome = (whose.records, whose.outcome) if whose is not None else ("deals", DEAL_OUTCOME)

    summary: dict[str, Any] = {}
    try:
        if export_path:
            with open(export_path, "w", newline="", encoding="utf-8") as f:
                write_csv(rows, f)
            click.echo(f"wrote {len(rows)} rows to {export_path}", err=True)
        if report_path:
            summary = summarise(rows)
            with open(report_path, "w", encoding="utf-8") as f:
                f.write(render_html(rows, summary, title=title, records=records, outcome=outcome))
            click.echo(f"wrote the report to {report_path}", err=True)
    except OSError as exc:  # a read-only folder, a full disk: one line, not a traceback
        _fail(f"cannot write {exc.filename or export_path or report_path}: {exc.strerror or exc}")
    return summary


REPORTED_OBJECT_TYPES = ("deal", "lead")
"""Object types whose decisions are rewarded (one posterior each, app/pipeline/posterior.py)."""


@click.group("learning")
def learning() -> None:
    """The learning loop's evidence: decisions, propensities, outcomes and rewards per tenant."""


@learning.command("export")
@click.option("--tenant", "tenant_id", default=None, help="Tenant id (reads the app's database).")
@click.option("--from-csv", "from_csv", type=click.Path(dir_okay=False), default=None,
              help="Read an export (e.g. from `simulate --export`) instead of the database.")
@click.option("--out", "out", type=click.Path(dir_okay=False), required=True, help="CSV file to write.")
def export(tenant_id: str | None, from_csv: str | None, out: str) -> None:
    """Write one CSV row per logged decision: arm, propensity, holdout, context, outcome, reward."""
    _check_out(out)
    rows = _rows(tenant_id, from_csv)
    _write_outputs(rows, out, None, title="")
    click.echo(json.dumps({"tenant": tenant_id, "rows": len(rows), "with_outcome": sum(
        r.get("reward") is not None for r in rows), "out": out}))


@learning.command("report")
@click.option("--tenant", "tenant_id", default=None, help="Tenant id (reads the app's database).")
@click.option("--from-csv", "from_csv", type=click.Path(dir_okay=False), default=None,
              help="Read an export (e.g. from `simulate --export`) instead of the database.")
@click.option("--out", "out", type=click.Path(dir_okay=False), required=True, help="HTML file to write.")
@click.option("--object-type", "object_type", type=click.Choice(REPORTED_OBJECT_TYPES), default="deal",
              show_default=True, help="Whose decisions to evaluate: deals, or Salesforce Leads (a conversion "
                                      "is a different reward from a deal's win, so they are never pooled).")
def report(tenant_id: str | None, from_csv: str | None, out: str, object_type: str) -> None:
    """Off-policy estimates with intervals, holdout lift and plots, as one HTML page."""
    _check_out(out)
    rows = of_object_type(_rows(tenant_id, from_csv, object_type), object_type)
    kind = "" if object_type == "deal" else " (leads)"
    summary = _write_outputs(rows, None, out, title=f"Learning report{kind}: {tenant_id or from_csv}",
                             whose=_whose(tenant_id, object_type))
    click.echo(json.dumps({"tenant": tenant_id, "object_type": object_type, "out": out, **summary}))



def _whose(tenant_id: str | None, object_type: str) -> Any:
    """Whose decisions a report is about in the tenant's CRM's words (an export: deals or leads)."""
    from app.admin.learning_report import whose

    if not tenant_id:
        return whose(None, object_type)
    from app.cli.target import command_app
    from app.tenants import tenant_crm

    app = command_app()
    return whose(tenant_crm(app, tenant_id), object_type, app)


def of_object_type(rows: list[dict[str, Any]], object_type: str) -> list[dict[str, Any]]:
    """The rows of one object type's decisions (a row without one, from an older export or the
    simulation, is a deal's)."""
    return [r for r in rows if (r.get("object_type") or "deal") == object_type]


def _rows(tenant_id: str | None, from_csv: str | None, object_type: str = "deal") -> list[dict[str, Any]]:
    if bool(tenant_id) == bool(from_csv):
        _fail("give exactly one of --tenant or --from-csv")
    if from_csv:
        from learning.report import read_csv

        try:
            return read_csv(from_csv)
        except (OSError, ValueError, UnicodeDecodeError) as exc:
            _fail(f"cannot read {from_csv}: {exc}")
    return _rows_from_db(str(tenant_id), object_type)


def _rows_from_db(tenant_id: str, object_type: str = "deal") -> list[dict[str, Any]]:
    from app.cli.target import command_app, require_tenant
    from app.config import ConfigError
    from app.storage.crypto import TokenKeyError

    try:
        app = command_app()  # the deployment's database, or a demo's data directory (AGENTIC_SALES_DATA_DIR)
        require_tenant(app, tenant_id)
        _require_enriched(app, tenant_id, object_type)
        return rows_from_db(app, tenant_id)
    except (LookupError, ConfigError, TokenKeyError) as exc:
        _fail(str(exc))
    return []  # a database error is app.cli.main's one line naming DATABASE_URL (exit 2)


def _require_enriched(app: Any, tenant_id: str, object_type: str) -> None:
    """Refuse a report on records the tenant's CRM is never enriched as (a HubSpot account's "leads" wrote an
    empty report that read as "no decisions yet"), naming the kinds it has."""
    from app.connectors import enriched_object_types, get_connector
    from app.tenants import tenant_crm

    crm = tenant_crm(app, tenant_id)
    kinds = enriched_object_types(crm, app)
    if object_type not in kinds:
        connector = get_connector(crm, app)
        where = f"{getattr(connector, 'label', crm)} {getattr(connector, 'account_word', 'account')}"
        _fail(f"--object-type {object_type}: {tenant_id} is a {where}, where the app decides on "
              f"{' and '.join(k + 's' for k in kinds)} only, so no {object_type} has a decision to report; "
              f"leave out --object-type for the {kinds[0]}s' report")


def rows_from_db(app: Any, tenant_id: str) -> list[dict[str, Any]]:
    """Join a tenant's logged strategy choices with their rewards and outcomes (export rows).

    Raises:
        LookupError: the database has no learning tables, or the tenant is unknown.
    """
    from sqlalchemy import select

    from app.storage import get_db
    from app.storage import models as m

    if not hasattr(m, "Reward") or not hasattr(m, "Outcome"):
        raise LookupError("this version of the database has no outcomes/rewards tables; "
                          "run `agentic-sales db upgrade`")
    rows: list[dict[str, Any]] = []
    with get_db(app).session() as s:
        if s.get(m.Tenant, tenant_id) is None:
            raise LookupError(f"unknown tenant {tenant_id!r}")
        rewards: dict[int, list[Any]] = {}
        for rw, oc in s.execute(select(m.Reward, m.Outcome).join(m.Outcome, m.Outcome.id == m.Reward.outcome_id)
                                .where(m.Reward.tenant_id == tenant_id)):
            rewards.setdefault(rw.action_id, []).append((rw, oc))
        # The rep's verdict on the card of the same enrichment (the reason is stored with a dismiss).
        feedback: dict[int, tuple[str, str | None]] = {}
        for f in s.execute(select(m.Action).where(m.Action.tenant_id == tenant_id, m.Action.kind.in_(
                ("feedback_accept", "feedback_dismiss"))).order_by(m.Action.id)).scalars():
            if f.enrichment_id is not None:
                feedback[f.enrichment_id] = (f.kind.removeprefix("feedback_"), (f.payload or {}).get("reason"))
        for a in s.execute(select(m.Action).where(m.Action.tenant_id == tenant_id,
                                                  m.Action.kind == "strategy_choice").order_by(m.Action.id)).scalars():
            p = a.payload or {}
            ctx = p.get("context") or {}
            earned = rewards.get(a.id, [])
            final = next((oc for _, oc in earned if oc.kind in ("won", "lost")), None)
            rows.append({
                "decision_id": a.id, "tenant_id": tenant_id, "deal_id": a.record_id,
                "decided_at": a.created_at, "policy": p.get("policy"), "arm": p.get("arm"),
                "propensity": p.get("propensity"), "holdout": bool(p.get("holdout")),
                "segment": ctx.get("segment"), "band": ctx.get("band"), "engagement": ctx.get("engagement"),
                "baseline": ctx.get("baseline"),
                "outcome_kind": final.kind if final else (earned[-1][1].kind if earned else None),
                "outcome_at": final.at if final else None,
                "reward": sum(rw.reward for rw, _ in earned) if earned else None,
                "allowed_arms": [] if p.get("holdout") else sorted(p.get("probabilities") or {}),
                "feedback": feedback.get(a.enrichment_id or -1, (None, None))[0],
                "dismiss_reason": feedback.get(a.enrichment_id or -1, (None, None))[1],
                "object_type": a.object_type,
                "amount_weight": ctx.get("amount_weight"),
                # every allowed arm's probability when decided (in the payload since the bandit was
                # wired in; a holdout's is its own): the report's adaptively weighted AIPW reads it
                "probabilities": None if p.get("holdout") else p.get("probabilities"),
            })
    return rows


commands = [simulate, learning]
