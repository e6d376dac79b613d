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


@click.command()
@click.option("--tenant", "tenant_id", required=True, help="Tenant id, e.g. hubspot-62515.")
@click.option("--no-progress", is_flag=True, help="Do not draw the progress bar on stderr.")
def backfill(tenant_id: str, no_progress: bool) -> None:
    """Enqueue every open deal of a tenant for enrichment."""
    from sqlalchemy.exc import SQLAlchemyError
    from tqdm import tqdm

    from app.cli.target import require_tenant
    from app.config import ConfigError
    from app.settings import UnknownTenantError
    from app.storage.crypto import TokenKeyError
    from app.sync import backfill as run_backfill
    from integrations.errors import CrmError

    try:
        app = _app()
        require_tenant(app, tenant_id)
    except (ConfigError, TokenKeyError, UnknownTenantError) as exc:
        _fail(str(exc), 2)
        return
    bar = tqdm(desc=f"backfill {tenant_id}", unit="deal", file=sys.stderr, disable=no_progress)
    try:
        with app.app_context():
            result = run_backfill(tenant_id, app, progress=bar.update)
    except (CrmError, ConfigError, SQLAlchemyError, TokenKeyError, ValueError) as exc:  # ValueError: no CRM app credentials
        bar.close()
        _fail(str(exc))
        return
    bar.close()
    click.echo(json.dumps(result))


@click.command()
@click.option("--tenant", "tenant_id", help="Tenant id, e.g. hubspot-62515.")
@click.option("--all", "all_tenants", is_flag=True, help="Reconcile every installed tenant.")
def reconcile(tenant_id: str | None, all_tenants: bool) -> None:
    """Enqueue deals modified since the last sync that no webhook brought in."""
    from sqlalchemy.exc import SQLAlchemyError

    from app.cli.target import require_tenant
    from app.config import ConfigError
    from app.settings import UnknownTenantError
    from app.storage.crypto import TokenKeyError
    from app.sync import reconcile as run_reconcile
    from app.sync import reconcile_all
    from integrations.errors import CrmError

    if bool(tenant_id) == all_tenants:
        _fail("give exactly one of --tenant T or --all", 2)
        return
    try:
        app = _app()
        if tenant_id:
            require_tenant(app, tenant_id)
    except (ConfigError, TokenKeyError, UnknownTenantError) as exc:
        _fail(str(exc), 2)
        return
    try:
        with app.app_context():
            result = reconcile_all(app) if all_tenants else run_reconcile(str(tenant_id), app)
    except (CrmError, ConfigError, SQLAlchemyError, TokenKeyError, ValueError) as exc:  # ValueError: no CRM app credentials
        _fail(str(exc).splitlines()[0])
        return
    click.echo(json.dumps(result))
    if all_tenants and result.get("errors"):
        sys.exit(1)


commands = [backfill, reconcile]
