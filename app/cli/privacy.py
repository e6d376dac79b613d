"""`agentic-sales privacy export|erase --tenant T --email x@y`, `privacy purge --tenant T`.

Export prints everything we hold about the address (JSON, or CSV rows of table, row id, column,
value); erase removes the person everywhere (app/subject_requests.py) and prints what it removed;
purge deletes what the tenant's retention window has expired (app/retention.py).
Bad input (an unknown tenant, something that is not an e-mail address) exits 2 with one line.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable
from typing import Any

import click

from app.cli.settings import _fail, _out, _service


@click.group()
def privacy() -> None:
    """A data subject's access and erasure requests, by e-mail address."""


@privacy.command("export")
@click.option("--tenant", "tenant_id", required=True, help="Tenant id, e.g. hubspot-62515.")
@click.option("--email", required=True, help="The subject's e-mail address.")
@click.option("--format", "fmt", type=click.Choice(["json", "csv"]), default="json", show_default=True,
              help="json: one document; csv: table,row_id,column,value per stored value.")
def export(tenant_id: str, email: str, fmt: str) -> None:
    """Everything this app stores about an e-mail address (a subject access request)."""
    from app.subject_requests import export_subject

    result = _subject_request(export_subject, tenant_id, email)
    if fmt == "json":
        _out(result)
        return
    csv.writer(sys.stdout).writerows(csv_rows(result))


def _subject_request(run: Callable[[Any, str, str], dict[str, Any]], tenant_id: str, email: str) -> dict[str, Any]:
    """`run(app, tenant_id, email)` (an export or an erasure) on a tenant that exists; an unknown tenant or an
    address the request refuses exits 2 with one line."""
    from app.cli.target import require_tenant
    from app.subject_requests import SubjectRequestError

    with _service() as app:
        require_tenant(app, tenant_id)
        try:
            return run(app, tenant_id, email)
        except SubjectRequestError as exc:
            _fail(str(exc))


def csv_rows(result: dict[str, Any]) -> list[list[Any]]:
    """The export as (table, row id, column, value) rows; no cell a spreadsheet would run as a formula
    (a contact's name or a note is CRM text, which anyone can set to `=HYPERLINK(...)`)."""
    from app.cli.csv_cells import text_cell

    out: list[list[Any]] = [["table", "row_id", "column", "value"]]
    for table, rows in result["rows"].items():
        for row in rows:
            for column, value in row.items():
                if value not in (None, "", {}, []):
                    text = value if isinstance(value, str) else json.dumps(value, default=str)
                    out.append([table, text_cell(row.get("id", row.get("tenant_id"))), column, text_cell(text)])
    return out


@privacy.command("erase")
@click.option("--tenant", "tenant_id", required=True, help="Tenant id, e.g. hubspot-62515.")
@click.option("--email", required=True, help="The subject's e-mail address.")
def erase(tenant_id: str, email: str) -> None:
    """Erase a person (found by e-mail address) from every table; idempotent; prints what it removed."""
    from app.subject_requests import erase_subject

    _out(_subject_request(erase_subject, tenant_id, email))


@privacy.command("purge")
@click.option("--tenant", "tenant_id", required=True, help="Tenant id, e.g. hubspot-62515.")
def purge(tenant_id: str) -> None:
    """Delete now what is older than the tenant's `retention_days`, the LLM budget's counters of periods
    that ended more than `llm_budget_retention_days` ago and the per-call LLM usage of the months before
    `llm_usage_retention_days` (the scheduler does all three daily)."""
    from app.cli.target import require_tenant
    from app.retention import purge_expired

    with _service() as app:
        require_tenant(app, tenant_id)
        result = purge_expired(app, tenant_id)
    _out(result)


commands = [privacy]
