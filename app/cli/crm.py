"""`agentic-sales backfill --tenant T` and `agentic-sales reconcile --tenant T|--all`.

Progress and logs go to stderr; the JSON result is the only thing on stdout. Jobs are enqueued
through the inbox, so with the embedded backend a running `serve` (its sweeper) picks them up,
and with Redis the workers do.
"""

from __future__ import annotations

import json
import sys
from typing import Any

import click


def _app() -> Any:
    from app import logs
    from app.cli.target import command_app

    logs.configure()
    # This process only enqueues: the server's or the RQ workers' job runners do the work.
    return command_app()


def _fail(message: str, code: int = 1) -> None:
    click.echo(f"error: {message}", err=True)
    sys.exit(code)


def _tenant_app(tenant_id: str | None) -> Any:
    """The app, with the tenant checked when one is named; exits 2 on bad input or configuration. A
    database error, here or in a later stage, is app.cli.main's one line naming DATABASE_URL (exit 2)."""
    from app.cli.target import require_tenant
    from app.config import ConfigError
    from app.settings import UnknownTenantError
    from app.storage.crypto import TokenKeyError

    app = None
    try:
        app = _app()
        if tenant_id:
            require_tenant(app, tenant_id)
    except (ConfigError, TokenKeyError, UnknownTenantError) as exc:
        _fail(str(exc), 2)
    return app


@click.command()
@click.option("--tenant", "tenant_id", required=True, help="Tenant id, e.g. hubspot-62515.")
@click.option("--no-progress", is_flag=True, help="Do not draw the progress bar on stderr.")
@click.option("--estimate", "estimate_only", is_flag=True,
              help="Count the open records and print the LLM cost estimate against the budget; enqueue nothing.")
@click.option("--over-budget", is_flag=True,
              help="Start even when the estimate is above the LLM budget left (the records past the cap are "
                   "enriched by the offline templates).")
def backfill(tenant_id: str, no_progress: bool, estimate_only: bool, over_budget: bool) -> None:
    """Enqueue every open deal of a tenant for enrichment.

    When a role runs on a paid vendor, the open records are counted first and the LLM cost is
    estimated against the budget left this month and today; above it the backfill refuses to
    start (exit 2) unless --over-budget is given."""
    from tqdm import tqdm

    from app.config import ConfigError
    from app.storage.crypto import TokenKeyError
    from app.sync import backfill as run_backfill
    from integrations.errors import CrmError

    app = _tenant_app(tenant_id)
    try:
        with app.app_context():
            refusal = _budget_check(app, tenant_id, estimate_only=estimate_only, over_budget=over_budget)
    except (CrmError, ConfigError, TokenKeyError, ValueError) as exc:
        _fail(str(exc).splitlines()[0])
        return
    if estimate_only:
        return
    if refusal:
        _fail(refusal, 2)
        return
    bar = tqdm(desc=f"backfill {tenant_id}", unit="deal", file=sys.stderr, disable=no_progress)
    try:
        with app.app_context():
            result = run_backfill(tenant_id, app, progress=bar.update)
    except (CrmError, ConfigError, TokenKeyError, ValueError) as exc:  # ValueError: no CRM app credentials
        bar.close()
        _fail(str(exc))
        return
    bar.close()
    click.echo(json.dumps(result))


def _budget_check(app: Any, tenant_id: str, *, estimate_only: bool, over_budget: bool) -> str | None:
    """Estimate the backfill's LLM cost (counting the open records only when a role runs on a paid
    vendor, or --estimate asks); return why it must not start, else None. With --estimate the
    estimate is the command's result on stdout."""
    from datetime import UTC, datetime

    from app.cli.costs import tenant_estimate
    from app.connectors import enriched_object_types
    from app.tenants import client_for, tenant_crm

    now = datetime.now(UTC)
    free = tenant_estimate(app, tenant_id, 0, now)
    if free.usd_per_record <= 0 and not estimate_only:
        return None
    client = client_for(tenant_id, app)
    records = sum(sum(1 for _id in client.iter_open_ids(kind))
                  for kind in enriched_object_types(tenant_crm(app, tenant_id), app))
    result = tenant_estimate(app, tenant_id, records, now)
    doc = result.as_json()
    if estimate_only:
        click.echo(json.dumps(doc))
        return None
    click.echo(f"LLM estimate: {records} records at ${result.usd_per_record:.4f} each = ${result.total_usd:,.2f} "
               f"({result.basis}); budget left ${doc['headroom_usd']}", err=True)
    if result.fits or over_budget:
        return None
    return (f"the backfill's estimated LLM cost (${result.total_usd:,.2f} for {records} records) is above the "
            f"budget left (${doc['headroom_usd']}): only ~{result.records_within_budget} records would get vendor "
            "answers, the rest offline templates. Raise monthly_spend_cap_usd / daily_spend_cap_usd "
            "(agentic-sales settings set), or pass --over-budget to start anyway")


@click.command()
@click.option("--tenant", "tenant_id", help="Tenant id, e.g. hubspot-62515.")
@click.option("--all", "all_tenants", is_flag=True, help="Reconcile every installed tenant.")
def reconcile(tenant_id: str | None, all_tenants: bool) -> None:
    """Enqueue deals modified since the last sync that no webhook brought in."""

    from app.config import ConfigError
    from app.storage.crypto import TokenKeyError
    from app.sync import reconcile as run_reconcile
    from app.sync import reconcile_all
    from integrations.errors import CrmError

    if bool(tenant_id) == all_tenants:
        _fail("give exactly one of --tenant T or --all", 2)
        return
    app = _tenant_app(tenant_id)
    try:
        with app.app_context():
            result = reconcile_all(app) if all_tenants else run_reconcile(str(tenant_id), app)
    except (CrmError, ConfigError, TokenKeyError, ValueError) as exc:  # ValueError: no CRM app credentials
        _fail(str(exc).splitlines()[0])
        return
    click.echo(json.dumps(result))
    if all_tenants and result.get("errors"):
        sys.exit(1)


commands = [backfill, reconcile]
