"""`agentic-sales costs show|export|estimate`: a tenant's LLM spend for finance and revops.

`show` prints the budget in force (month-to-date spend against the monthly and daily caps, in the
tenant's budget time zone) and this month's calls, tokens and cost per role, provider and model;
`export` writes a month's usage as CSV (per UTC day, provider, model and role, or per record) for
reconciling with a vendor invoice; `estimate --records N` prices enriching N records against the
remaining budget before a backfill. One JSON document on stdout (or the CSV); bad input exits 2
with one line on stderr naming the option.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NoReturn

import click

EXIT_INPUT = 2
"""Exit code of bad input: an unknown tenant, a month that is not one, an unwritable file."""


def _fail(message: str, code: int = EXIT_INPUT) -> NoReturn:
    click.echo(f"error: {' '.join(str(message).split())}", err=True)
    sys.exit(code)


@contextmanager
def _tenant_app(tenant_id: str) -> Iterator[Any]:
    from app import logs
    from app.cli.target import command_app, require_tenant
    from app.config import ConfigError
    from app.settings import UnknownTenantError

    logs.configure("WARNING")
    try:
        app = command_app()
        require_tenant(app, tenant_id)
    except (ConfigError, UnknownTenantError) as exc:
        _fail(str(exc))
    # A database error at any stage is app.cli.main's one line naming DATABASE_URL (exit 2).
    with app.app_context():
        yield app


def budget_lines(app: Any, tenant_id: str, now: datetime) -> tuple[Any, list[Any]]:
    """(the tenant's settings, its budget lines at `now`)."""
    from app import settings as service
    from app.admin.usage import budget
    from app.storage import get_db

    settings = service.get(app, tenant_id).settings
    with get_db(app).session() as s:
        return settings, budget(s, tenant_id, settings, now)


def tenant_estimate(app: Any, tenant_id: str, records: int, now: datetime) -> Any:
    """The LLM cost estimate of enriching `records` of the tenant's records now."""
    from app.llm_estimate import estimate
    from app.pipeline import tenant as tenant_inputs
    from app.storage import get_db

    agent_settings = tenant_inputs.agent_settings(app, tenant_inputs.tenant_settings(app, tenant_id))
    _settings, lines = budget_lines(app, tenant_id, now)
    with get_db(app).session() as s:
        return estimate(s, tenant_id, records, roles=agent_settings.roles, prices=agent_settings.prices,
                        budget=lines, now=now)


@click.group("costs")
def costs() -> None:
    """LLM spend: the budget in force, exports for finance, estimates before a backfill."""


@costs.command("show")
@click.option("--tenant", "tenant_id", required=True, help="Tenant id, e.g. hubspot-62515.")
def show_cmd(tenant_id: str) -> None:
    """The budget in force and this month's usage per role, provider and model."""
    from app.admin.usage import this_month
    from app.storage import get_db

    now = datetime.now(UTC)
    with _tenant_app(tenant_id) as app:
        settings, lines = budget_lines(app, tenant_id, now)
        with get_db(app).session() as s:
            usage = this_month(s, tenant_id, now, settings.budget_timezone)
    click.echo(json.dumps({"tenant": tenant_id, "timezone": settings.budget_timezone,
                           "budget": [b.as_json() for b in lines], "period": usage["period"],
                           "total": usage["total"], "lines": usage["lines"]}, default=str))


@costs.command("export")
@click.option("--tenant", "tenant_id", required=True, help="Tenant id, e.g. hubspot-62515.")
@click.option("--month", default=None, help="YYYY-MM in the tenant's budget time zone (default: this month).")
@click.option("--by", type=click.Choice(["day", "record"]), default="day", show_default=True,
              help="One row per UTC day, provider, model and role; or one per enriched record.")
@click.option("--timezone", "tz", default=None,
              help="Cut the month in this IANA zone instead of the tenant's (UTC matches vendor invoices).")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the CSV here and print a JSON summary; without it the CSV goes to stdout.")
def export_cmd(tenant_id: str, month: str | None, by: str, tz: str | None, out: Path | None) -> None:
    """A month's LLM usage as CSV, for reconciling with the vendor's invoice."""
    from agents.errors import ConfigurationError
    from agents.providers.spend import month_bounds, zone
    from app.admin.usage import export_rows, to_csv
    from app.storage import get_db

    with _tenant_app(tenant_id) as app:
        settings, _lines = budget_lines(app, tenant_id, datetime.now(UTC))
        # The tenant's prices come with the pipeline's inputs (the agents and the scoring models, ~2 CPU s to
        # import): loaded once the tenant is known, so a wrong tenant or an unreachable database answers at once.
        from app.pipeline import tenant as tenant_inputs

        tz = tz or settings.budget_timezone
        try:
            zone(tz)
        except ConfigurationError:
            _fail(f"--timezone={tz!r} is not an IANA time zone (e.g. UTC, Europe/Berlin)")
        month = month or month_bounds(datetime.now(UTC), tz)[0]
        try:
            with get_db(app).session() as s:
                rows = export_rows(s, tenant_id, month, tz, tenant_inputs.agent_settings_prices(app), by=by)
        except ValueError as exc:
            _fail(str(exc))
    text = to_csv(rows, by=by)
    if out is None:
        click.echo(text, nl=False)
        return
    try:
        out.write_text(text)
    except OSError as exc:
        _fail(f"--out={str(out)!r} cannot be written: {exc.strerror}")
    click.echo(json.dumps({"tenant": tenant_id, "month": month, "timezone": tz, "by": by, "file": str(out),
                           "rows": len(rows), "cost_usd": round(sum(r["cost_usd"] for r in rows), 6)}))


@costs.command("estimate")
@click.option("--tenant", "tenant_id", required=True, help="Tenant id, e.g. hubspot-62515.")
@click.option("--records", type=int, required=True, help="Records to enrich (e.g. the open deals a backfill reads).")
def estimate_cmd(tenant_id: str, records: int) -> None:
    """The LLM cost of enriching N records, against the budget left this month and today."""
    if records < 0:
        _fail(f"--records={records} must be 0 or more")
    with _tenant_app(tenant_id) as app:
        result = tenant_estimate(app, tenant_id, records, datetime.now(UTC))
    click.echo(json.dumps(result.as_json()))


commands = [costs]
