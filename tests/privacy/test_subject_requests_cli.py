"""The admin answers a data subject's request from the command line, as `agentic-sales privacy
export|erase --tenant T --email x@y`, in a subprocess against the deployment's database."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import TEST_SECRET_KEY, TEST_TOKEN_KEY
from tests.privacy.helpers import DANA, enriched_app, rows_mentioning

ROOT = Path(__file__).resolve().parents[2]
TENANT = "hubspot-62515"


def agentic_sales(app, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("AGENTIC_SALES_") and k not in ("DATABASE_URL", "REDIS_URL")}
    env.update({"DATABASE_URL": app.config["DATABASE_URL"], "AGENTIC_SALES_TOKEN_KEY": TEST_TOKEN_KEY,
                "AGENTIC_SALES_SECRET_KEY": TEST_SECRET_KEY, "AGENTIC_SALES_DATA_DIR": app.config["DATA_DIR"],
                "PYTHONPATH": str(ROOT)})
    return subprocess.run([sys.executable, "-m", "app", *args], capture_output=True, text=True, env=env,
                          cwd="/", timeout=120)


def test_an_access_request_lists_every_row_holding_the_address_as_json_and_csv(app_factory):
    app, _ = enriched_app(app_factory)

    r = agentic_sales(app, "privacy", "export", "--tenant", TENANT, "--email", DANA[0].upper())

    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    assert doc["people"] == [{"object_type": "contact", "id": "501", "name": "Dana Whitfield"}]
    assert {"enrichments", "actions", "record_links"} <= set(doc["rows"])
    assert any(row["object_id"] == "501" for row in doc["rows"]["record_links"])
    assert DANA[0] in json.dumps(doc["rows"]["enrichments"])
    r = agentic_sales(app, "privacy", "export", "--tenant", TENANT, "--email", DANA[0], "--format", "csv")
    assert r.returncode == 0, r.stderr
    cells = list(csv.reader(io.StringIO(r.stdout)))
    assert cells[0] == ["table", "row_id", "column", "value"]
    assert any(row[0] == "enrichments" and row[2] == "draft" and DANA[0] in row[3] for row in cells[1:])


def test_an_erasure_request_removes_the_person_everywhere_and_a_second_run_removes_nothing(app_factory):
    app, _ = enriched_app(app_factory)

    first = agentic_sales(app, "privacy", "erase", "--tenant", TENANT, "--email", DANA[0])

    assert first.returncode == 0, first.stderr
    result = json.loads(first.stdout)
    assert result["people_found"] == 1 and result["removed"]["links"] >= 1
    assert result["removed"]["actions"] >= 1  # the written-back next best action named her
    assert rows_mentioning(app, DANA) == []
    assert DANA[0] not in first.stderr and DANA[1] not in first.stderr
    again = json.loads(agentic_sales(app, "privacy", "erase", "--tenant", TENANT, "--email", DANA[0]).stdout)
    assert again == {"tenant": TENANT, "email": DANA[0], "people_found": 0, "removed": {}, "erased": False}
    export = json.loads(agentic_sales(app, "privacy", "export", "--tenant", TENANT, "--email", DANA[0]).stdout)
    assert export["rows"] == {} and export["people"] == []


def test_an_unknown_tenant_or_a_malformed_address_exits_2_naming_it(app_factory):
    app, _ = enriched_app(app_factory)

    r = agentic_sales(app, "privacy", "erase", "--tenant", "hubspot-1", "--email", DANA[0])
    assert r.returncode == 2 and "hubspot-1" in r.stderr and r.stdout == ""
    r = agentic_sales(app, "privacy", "erase", "--tenant", TENANT, "--email", "dana at northwind")
    assert r.returncode == 2 and "--email" in r.stderr and r.stdout == ""
    assert rows_mentioning(app, DANA)  # nothing was erased by a refused request


def test_the_csv_export_never_hands_the_dpo_a_cell_a_spreadsheet_would_run():
    """A contact's name or a note is CRM text that anyone with edit rights can set to a formula; the DPO
    opens the export in a spreadsheet."""
    from app.cli.privacy import csv_rows

    result = {"rows": {"record_links": [{"id": 7, "name": '=HYPERLINK("https://evil.example","Dana")',
                                         "note": "-1+1", "amount": -12.5, "payload": {"a": 1}}]}}
    rows = csv_rows(result)
    assert rows[0] == ["table", "row_id", "column", "value"]
    cells = {row[2]: row[3] for row in rows[1:]}
    assert cells["name"] == '\'=HYPERLINK("https://evil.example","Dana")'
    assert cells["note"] == "'-1+1"
    assert cells["amount"] == "-12.5" and cells["payload"] == '{"a": 1}'  # numbers and JSON stay as they are
