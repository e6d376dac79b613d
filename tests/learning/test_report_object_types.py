"""`learning report --object-type lead` on a HubSpot account is refused with what to run instead: it wrote an empty
report ("0 decisions") that read as "nothing learned yet", where HubSpot's leads are contacts the app never decides
on (found by a newcomer's walk through the demo's CLI, wave 26). A Salesforce org's Leads report is written."""

from __future__ import annotations

import json
from pathlib import Path

from tests.settings.test_cli import make_demo_dir, run


def add_salesforce_org(data: Path, org: str) -> str:
    from app import create_app
    from app.demo import DEMO_DATABASE, demo_secrets
    from app.storage import get_db
    from app.storage.models import Tenant

    app = create_app(
        {
            "DATABASE_URL": f"sqlite:///{data / DEMO_DATABASE}",
            "START_WORKER": False,
            "TESTING": True,
            **demo_secrets(data),
        }
    )
    with get_db(app).session() as s:
        s.add(Tenant(id=f"salesforce-{org}", crm="salesforce", external_id=org, name="Sandbox Org 1"))
    get_db(app).engine.dispose()
    return f"salesforce-{org}"


def test_a_leads_report_on_a_hubspot_account_is_refused_and_says_to_leave_the_option_out(tmp_path):
    data, tid = make_demo_dir(tmp_path, "http://127.0.0.1:9", 62515)
    out = tmp_path / "leads.html"
    refused = run(data, "learning", "report", "--tenant", tid, "--object-type", "lead", "--out", str(out))
    assert refused.exit_code == 2 and not out.exists()
    assert refused.output.strip() == (
        "error: --object-type lead: hubspot-62515 is a HubSpot account, where the app decides on deals only, so no "
        "lead has a decision to report; leave out --object-type for the deals' report"
    )
    deals = run(data, "learning", "report", "--tenant", tid, "--out", str(tmp_path / "deals.html"))
    assert deals.exit_code == 0 and json.loads(deals.output.strip().splitlines()[-1])["object_type"] == "deal"


def test_a_salesforce_orgs_leads_report_is_written(tmp_path):
    data, _ = make_demo_dir(tmp_path, "http://127.0.0.1:9", 62515)
    org = add_salesforce_org(data, "00D5g000004ABCDEAW")
    out = tmp_path / "leads.html"
    res = run(data, "learning", "report", "--tenant", org, "--object-type", "lead", "--out", str(out))
    assert res.exit_code == 0, res.output
    assert json.loads(res.output.strip().splitlines()[-1])["object_type"] == "lead" and out.exists()
