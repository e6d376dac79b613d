"""`agentic-sales tenants|settings|mappings` as revenue ops use them, on a demo-shaped data directory.

The data directory is what `agentic-sales demo` leaves behind (demo.db, secrets.json,
sandbox.json) and the portal is a real HubSpot sandbox over HTTP, so `mappings set` is checked
against the sandbox's own property list. Only `AGENTIC_SALES_DATA_DIR` is given to the CLI.
"""

from __future__ import annotations

import json
import socket
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from app.cli import cli, register_commands
from tests.hubspot import sandbox_helpers as sb

pytestmark = pytest.mark.timeout(120)
register_commands()


@pytest.fixture(scope="module")
def sandbox():
    handle = sb.start()
    yield handle
    handle.stop()


def make_demo_dir(root: Path, api_base: str, hub_id: int, *, name: str = "Brightlane (demo)") -> tuple[Path, str]:
    """A data directory shaped like a demo's, with one installed HubSpot portal."""
    from app import create_app
    from app.demo import DEMO_DATABASE, demo_secrets, record_sandbox
    from app.storage import get_cipher, get_db, migrate
    from app.storage.models import Installation, Tenant

    data = root / "demo-data"
    keys = demo_secrets(data)
    url = f"sqlite:///{data / DEMO_DATABASE}"
    migrate.upgrade(url)
    record_sandbox(data, "hubspot", api_base, {"HUBSPOT_API_BASE": api_base})
    app = create_app({"DATABASE_URL": url, "START_WORKER": False, "TESTING": True, **keys})
    tid = f"hubspot-{hub_id}"
    with get_db(app).session() as s:
        s.add(Tenant(id=tid, crm="hubspot", external_id=str(hub_id), name=name))
        s.flush()
        s.add(Installation(tenant_id=tid, crm="hubspot", api_base=api_base, scopes=["crm.objects.deals.read"],
                           access_token_enc=get_cipher(app).encrypt(sb.PRIVATE_APP_TOKEN),
                           expires_at=datetime.now(UTC) + timedelta(days=1), installed_by="admin@brightlane.example"))
    get_db(app).engine.dispose()
    return data, tid


@pytest.fixture
def demo(tmp_path, sandbox):
    return make_demo_dir(tmp_path, sandbox.url, sandbox.hub_id)


def run(data: Path, *args: str, env: dict[str, str | None] | None = None):
    """The CLI with only the demo's data directory configured (the way a user would call it)."""
    base: dict[str, str | None] = {"AGENTIC_SALES_DATA_DIR": str(data), "DATABASE_URL": None, "REDIS_URL": None,
                                   "AGENTIC_SALES_TOKEN_KEY": None, "AGENTIC_SALES_SECRET_KEY": None}
    return CliRunner().invoke(cli, list(args), env={**base, **(env or {})}, catch_exceptions=False)


def ok(result) -> dict:
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def refused(result) -> str:
    """The one line a refused command prints; nothing on stdout."""
    assert result.exit_code == 2, (result.stdout, result.stderr)
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    return lines[0]


def test_tenants_list_shows_the_demos_portal(demo):
    data, tid = demo
    tenants = ok(run(data, "tenants", "list"))
    assert isinstance(tenants, list) and len(tenants) == 1
    t = tenants[0]
    assert t["id"] == tid and t["crm"] == "hubspot" and t["name"] == "Brightlane (demo)" and t["status"] == "active"
    assert datetime.fromisoformat(t["installed_at"]) <= datetime.now(UTC)


def test_settings_show_set_history_and_undo_round_trip(demo):
    data, tid = demo
    shown = ok(run(data, "settings", "show", "--tenant", tid))
    assert shown["version"] == 0 and shown["settings"]["discount_cap"] == 0.1
    changed = ok(run(data, "settings", "set", "--tenant", tid, "--author", "ana@revops", "discount_cap=0.2",
                     "tone=formal", "strategy_catalogue=social_proof,re_engagement",
                     "llm_allow_list=[\"openai\"]", "llm_roles.writer=openai:gpt-4o-mini"))
    assert changed["version"] == 1
    assert changed["changed"]["discount_cap"] == [0.1, 0.2] and changed["changed"]["tone"] == ["friendly", "formal"]
    assert changed["settings"]["strategy_catalogue"] == ["social_proof", "re_engagement"]
    assert changed["settings"]["llm_roles"] == {"writer": "openai:gpt-4o-mini"}
    history = ok(run(data, "settings", "history", "--tenant", tid))["versions"]
    assert [(v["version"], v["author"]) for v in history] == [(1, "ana@revops"), (0, "system")]
    undone = ok(run(data, "settings", "undo", "--tenant", tid))
    assert undone["version"] == 2 and undone["settings"]["discount_cap"] == 0.1
    assert undone["changed"]["tone"] == ["formal", "friendly"]
    again = ok(run(data, "settings", "undo", "--tenant", tid, "--to", "1"))
    assert again["version"] == 3 and again["settings"]["tone"] == "formal"


def test_a_cap_out_of_range_exits_2_with_one_line_naming_key_value_and_range(demo):
    data, tid = demo
    line = refused(run(data, "settings", "set", "--tenant", tid, "discount_cap=1.5"))
    assert line == "error: discount_cap=1.5 is out of range: allowed 0 to 0.5 (0% to 50%)"


@pytest.mark.parametrize(("pair", "words"), [
    ("discount_kap=0.2", "discount_kap=0.2 is not a setting"),
    ("discount_cap=abc", "discount_cap=abc must be a number: allowed 0 to 0.5 (0% to 50%)"),
    ("discount_cap=NaN", "discount_cap=NaN is not a finite number"),
    ("discount_cap=Infinity", "discount_cap=Infinity is not a finite number"),
    ("discount_cap=-0.05", "discount_cap=-0.05 is out of range"),
    ("approval_threshold=0.3", "approval_threshold=0.3 is above discount_cap: allowed 0 to discount_cap (now 0.1, 10%)"),
    ("tone=professional", "tone=professional is not allowed: allowed one of: friendly, formal"),
    ("min_closed_deals=12.5", "min_closed_deals=12.5 must be a whole number: allowed 10 to 100,000"),
    ("redact_pii=perhaps", "redact_pii=perhaps must be true or false: allowed true or false"),
    ("llm_roles.writer=openai", "llm_roles.writer=openai is not a provider:model"),
    ("strategy_catalogue=", "strategy_catalogue=[] has the wrong length"),
    ("discount_cap", "expected KEY=VALUE, got 'discount_cap'"),
])
def test_bad_settings_exit_2_with_one_line_and_change_nothing(demo, pair, words):
    data, tid = demo
    line = refused(run(data, "settings", "set", "--tenant", tid, pair))
    assert words in line
    assert ok(run(data, "settings", "show", "--tenant", tid))["version"] == 0


def test_an_allow_list_that_leaves_out_the_deployments_provider_is_refused_not_silently_offline(demo):
    data, tid = demo
    # The README's way to use a vendor: the deployment runs the writer on OpenAI.
    env = {"AGENTIC_SALES_LLM_WRITER": "openai:gpt-4o-mini"}
    line = refused(run(data, "settings", "set", "--tenant", tid, "llm_allow_list=anthropic", env=env))
    assert "llm_allow_list" in line and "leaves out openai, which the writer runs on" in line
    assert "AGENTIC_SALES_LLM_WRITER=openai:gpt-4o-mini" in line
    assert ok(run(data, "settings", "set", "--tenant", tid, "llm_allow_list=anthropic,openai", env=env))["version"] == 1


def test_an_unknown_tenant_exits_2_naming_it_and_the_known_ones(demo):
    data, tid = demo
    line = refused(run(data, "settings", "show", "--tenant", "hubspot-1"))
    assert "no tenant 'hubspot-1'" in line and tid in line
    assert "no tenant" in refused(run(data, "mappings", "show", "--tenant", "hubspot-1"))


def test_undo_past_the_first_version_exits_2(demo):
    data, tid = demo
    # Named as the user typed it (`--to`), never as the service's parameter (`to_version=-1`).
    first = refused(run(data, "settings", "undo", "--tenant", tid))
    assert first == f"error: nothing to undo: version 0 is the first version of {tid}'s settings"
    assert refused(run(data, "settings", "undo", "--tenant", tid, "--to", "0")) == first
    ok(run(data, "settings", "set", "--tenant", tid, "tone=formal"))
    assert refused(run(data, "settings", "undo", "--tenant", tid, "--to", "5")) == (
        "error: --to=5 is not an earlier version: allowed 0 to 0")
    assert "--to=1 is not an earlier version" in refused(run(data, "settings", "undo", "--tenant", tid, "--to", "1"))


def test_mappings_show_lists_the_connectors_one_default(demo):
    data, tid = demo
    shown = ok(run(data, "mappings", "show", "--tenant", tid))
    assert shown["object"] == "deal"
    assert shown["mappings"]["stage_probability"] == {"crm_field": "hs_deal_stage_probability",
                                                      "label": "Deal Stage Probability", "source": "default"}
    assert "forecast_probability" not in shown["mappings"]


def test_mapping_to_a_property_the_portal_lacks_exits_2_naming_it(demo):
    data, tid = demo
    line = refused(run(data, "mappings", "set", "--tenant", tid, "discount=foo_bar"))
    assert line == "error: deal property 'foo_bar' does not exist in this account"


@pytest.mark.parametrize(("pair", "words"), [
    ("amount=dealname", "deal property 'dealname' is of type string: amount needs a number"),
    ("close_date=amount", "deal property 'amount' is of type number: close_date needs a date"),
    ("ai_summary=hs_deal_stage_probability", "'hs_deal_stage_probability' is read-only: output ai_summary"),
    ("Amount!=amount", "is not a feature name"),
])
def test_mapping_of_the_wrong_type_or_to_a_read_only_output_exits_2(demo, pair, words):
    data, tid = demo
    assert words in refused(run(data, "mappings", "set", "--tenant", tid, pair))


def test_a_valid_mapping_is_stored_with_the_portals_label_and_validates(demo):
    data, tid = demo
    out = ok(run(data, "mappings", "set", "--tenant", tid, "--author", "ana@revops", "discount=discount_percent"))
    assert out["mappings"]["discount"] == {"crm_field": "discount_percent", "label": "Discount (%)", "source": "tenant"}
    assert out["changed"] == {"deal.discount": [None, "discount_percent"]} and out["version"] == 1
    checked = run(data, "mappings", "validate", "--tenant", tid, "--object", "deal")
    assert checked.exit_code == 0, checked.stdout
    assert json.loads(checked.stdout) == {"tenant": tid, "object": "deal", "ok": True, "problems": []}
    history = ok(run(data, "settings", "history", "--tenant", tid))["versions"]
    assert history[0]["action"] == "mappings" and history[0]["author"] == "ana@revops"


def test_a_feature_name_the_app_does_not_know_is_mapped_with_a_note_naming_the_way_back(demo):
    data, tid = demo
    typo = run(data, "mappings", "set", "--tenant", tid, "amout=amount")
    out = ok(typo)
    assert out["mappings"]["amout"]["crm_field"] == "amount"
    assert "note: 'amout' is none of the features the app knows" in typo.stderr
    assert f"mappings set --tenant {tid} amout=" in typo.stderr
    again = run(data, "mappings", "set", "--tenant", tid, "amout=amount")
    assert again.exit_code == 0 and "note:" not in again.stderr  # mapped on purpose the second time: said once
    removed = ok(run(data, "mappings", "set", "--tenant", tid, "amout="))
    assert "amout" not in removed["mappings"]


@pytest.mark.parametrize("pair", ["discount=discount_percent", "amount=amount", "industry=dealtype"])
def test_features_the_app_knows_are_mapped_without_a_note(demo, pair):
    data, tid = demo
    result = run(data, "mappings", "set", "--tenant", tid, pair)
    assert result.exit_code == 0, result.stderr
    assert "note:" not in result.stderr


def test_mappings_set_when_the_demos_sandbox_is_not_running_says_so_in_one_line(tmp_path):
    with socket.socket() as sock:  # a port nothing listens on
        sock.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{sock.getsockname()[1]}"
    data, tid = make_demo_dir(tmp_path, dead, 4711)
    line = refused(run(data, "mappings", "set", "--tenant", tid, "discount=discount_percent",
                       env={"AGENTIC_SALES_CRM_SDK_RETRIES": "0"}))
    assert line.startswith(f"error: cannot read the deal fields of {tid} from its CRM: nothing answers at {dead}")
    assert "is the demo's sandbox running?" in line
    assert ok(run(data, "settings", "show", "--tenant", tid))["version"] == 0  # nothing stored


def test_settings_commands_work_without_a_crm(tmp_path):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{sock.getsockname()[1]}"
    data, tid = make_demo_dir(tmp_path, dead, 4712)
    assert ok(run(data, "settings", "set", "--tenant", tid, "autonomy=approve"))["settings"]["autonomy"] == "approve"
    assert ok(run(data, "mappings", "show", "--tenant", tid))["mappings"]["amount"]["source"] == "default"


def test_the_installed_command_refuses_a_cap_of_1_5_with_exactly_one_line_on_stderr(demo):
    """As a user types it, in its own process: nothing but the demo's data directory configured."""
    import os
    import subprocess
    import sys

    data, tid = demo
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("AGENTIC_SALES_") and k not in ("DATABASE_URL", "REDIS_URL")}
    env["AGENTIC_SALES_DATA_DIR"] = str(data)
    # The checkout under test, not whichever checkout a shared virtualenv's editable install points at.
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[2])
    exe = Path(sys.executable).with_name("agentic-sales")
    done = subprocess.run([str(exe), "settings", "set", "--tenant", tid, "discount_cap=1.5"], env=env, cwd="/",
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr == "error: discount_cap=1.5 is out of range: allowed 0 to 0.5 (0% to 50%)\n"


def test_backfill_on_a_demos_data_directory_enqueues_its_open_deals_in_the_demos_database(demo):
    """As `settings` and `mappings` do: the demo's tenant, not a fresh empty database beside it."""
    data, tid = demo
    result = run(data, "backfill", "--tenant", tid, "--no-progress")
    assert result.exit_code == 0, result.stderr
    done = json.loads(result.stdout.strip().splitlines()[-1])
    assert done["tenant"] == tid and done["records_backfilled"] > 0 and done["enqueued"] == done["records_backfilled"]
    assert not (data / "agentic-sales.db").exists()  # no stray database that knows no tenant


def test_reconcile_on_a_demos_data_directory_reads_the_demos_tenant(demo):
    data, tid = demo
    result = run(data, "reconcile", "--tenant", tid)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1])["tenant"] == tid


def test_an_unknown_tenant_in_backfill_is_named_with_the_known_ones(demo):
    data, tid = demo
    result = run(data, "backfill", "--tenant", "hubspot-1", "--no-progress")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.strip().splitlines()[-1] == f"error: no tenant 'hubspot-1'; known tenants: {tid}"


def test_the_learning_report_of_a_demos_tenant_is_written_from_its_data_directory(demo, tmp_path):
    data, tid = demo
    out = tmp_path / "learning.html"
    done = ok(run(data, "learning", "report", "--tenant", tid, "--out", str(out)))
    assert done["tenant"] == tid and out.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")
    exported = tmp_path / "decisions.csv"
    assert run(data, "learning", "export", "--tenant", tid, "--out", str(exported)).exit_code == 0
    assert exported.read_text(encoding="utf-8").startswith("decision_id,")


def test_validating_an_object_type_without_a_mapping_names_the_mapped_ones_without_asking_the_crm(tmp_path):
    with socket.socket() as sock:  # nothing answers: the refusal must not depend on the CRM
        sock.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{sock.getsockname()[1]}"
    data, tid = make_demo_dir(tmp_path, dead, 4713)
    line = refused(run(data, "mappings", "validate", "--tenant", tid, "--object", "widget"))
    assert line == "error: object=widget has no field mapping: allowed one of: deal, company, contact"


def test_train_from_crm_on_a_demos_data_directory_reads_the_demos_tenants(demo):
    data, tid = demo
    result = run(data, "model", "train-from-crm", "--tenant", "hubspot-1", "--task", "conversion")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.strip().splitlines()[-1] == f"error: no tenant 'hubspot-1'; known tenants: {tid}"
    assert not (data / "agentic-sales.db").exists()


def test_train_from_crm_refuses_a_crm_that_is_not_the_tenants_own(demo):
    """Another CRM's field mapping on this tenant's records would train a wrong model without a word."""
    data, tid = demo
    result = run(data, "model", "train-from-crm", "--tenant", tid, "--task", "conversion", "--crm", "salesforce")
    assert result.exit_code == 2 and result.stdout == ""
    line = result.stderr.strip().splitlines()[-1]
    assert line.startswith("error: ") and tid in line and "hubspot" in line and "salesforce" in line


def test_backfill_of_a_tenant_whose_crm_app_has_no_credentials_here_is_one_line(tmp_path):
    """A Salesforce org's client without SALESFORCE_CLIENT_ID/SECRET: the reason, never a traceback."""
    from app import create_app
    from app.demo import DEMO_DATABASE, demo_secrets
    from app.storage import get_cipher, get_db, migrate
    from app.storage.models import Installation, Tenant

    data = tmp_path / "demo-data"
    keys = demo_secrets(data, "salesforce")
    url = f"sqlite:///{data / DEMO_DATABASE}"
    migrate.upgrade(url)
    app = create_app({"DATABASE_URL": url, "START_WORKER": False, "TESTING": True, **keys})
    tid = "salesforce-00D000000000001AAA"
    with get_db(app).session() as s:
        s.add(Tenant(id=tid, crm="salesforce", external_id="00D000000000001AAA"))
        s.flush()
        s.add(Installation(tenant_id=tid, crm="salesforce", api_base="https://127.0.0.1:9", scopes=["api"],
                           access_token_enc=get_cipher(app).encrypt("token"),
                           refresh_token_enc=get_cipher(app).encrypt("refresh"),
                           expires_at=datetime.now(UTC) - timedelta(days=1)))
    get_db(app).engine.dispose()
    result = run(data, "backfill", "--tenant", tid, "--no-progress",
                 env={"SALESFORCE_CLIENT_ID": None, "SALESFORCE_CLIENT_SECRET": None})
    assert result.exit_code == 1 and result.stdout == "" and "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith("error: ")
    assert "SALESFORCE_CLIENT_SECRET" in result.stderr.strip().splitlines()[-1]


@pytest.mark.parametrize("command", [("learning", "report"), ("learning", "export")])
def test_a_learning_output_in_a_folder_that_does_not_exist_is_one_line_naming_it(demo, tmp_path, command):
    data, tid = demo
    out = tmp_path / "no-such-folder" / "learning.out"
    result = run(data, *command, "--tenant", tid, "--out", str(out))
    assert result.exit_code == 2 and result.stdout == "" and "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines()[-1] == f"error: cannot write {out}: no folder {out.parent}"


def test_simulate_refuses_an_unwritable_report_before_it_runs_the_market(tmp_path):
    import time

    out = tmp_path / "missing" / "report.html"
    started = time.monotonic()
    result = CliRunner().invoke(cli, ["simulate", "--weeks", "520", "--report", str(out)], catch_exceptions=False)
    assert result.exit_code == 2 and result.stderr.strip() == f"error: cannot write {out}: no folder {out.parent}"
    assert time.monotonic() - started < 10  # refused up front, not after 520 simulated weeks


def test_backfill_of_an_unknown_tenant_is_exactly_one_line_on_stderr_as_the_installed_command(tmp_path):
    """No migration or plugin log lines around it, even on a database never migrated before."""
    import os
    import subprocess
    import sys

    fresh = tmp_path / "fresh"
    fresh.mkdir()
    (fresh / "agentic-sales.db").touch()  # an empty SQLite file: the command migrates it quietly
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("AGENTIC_SALES_") and k not in ("DATABASE_URL", "REDIS_URL")}
    env["AGENTIC_SALES_DATA_DIR"] = str(fresh)
    exe = Path(sys.executable).with_name("agentic-sales")
    done = subprocess.run([str(exe), "backfill", "--tenant", "hubspot-1"], env=env, cwd="/",
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr == "error: no tenant 'hubspot-1'; known tenants: none\n"


@pytest.mark.parametrize("command", [["backfill", "--tenant", "hubspot-1"], ["reconcile", "--tenant", "hubspot-1"],
                                     ["learning", "export", "--tenant", "hubspot-1", "--out", "-"],
                                     ["settings", "show", "--tenant", "hubspot-1"]])
def test_a_mistyped_data_dir_is_named_and_no_empty_database_is_left_behind(tmp_path, command):
    import os
    import subprocess
    import sys

    typo = tmp_path / "agentic-sales-demo"  # the demo's folder is elsewhere
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("AGENTIC_SALES_") and k not in ("DATABASE_URL", "REDIS_URL")}
    env["AGENTIC_SALES_DATA_DIR"] = str(typo)
    exe = Path(sys.executable).with_name("agentic-sales")
    done = subprocess.run([str(exe), *command], env=env, cwd="/", capture_output=True, text=True, timeout=120)
    assert done.returncode != 0 and done.stdout == ""
    assert done.stderr.startswith(f"error: no agentic-sales database at {typo / 'agentic-sales.db'} "
                                  f"(AGENTIC_SALES_DATA_DIR={typo})"), done.stderr
    assert len(done.stderr.splitlines()) == 1, done.stderr
    assert not (typo / "agentic-sales.db").exists()


def test_mappings_set_after_a_salesforce_demo_has_stopped_says_the_sandbox_is_not_running(tmp_path):
    # The Salesforce demo's sandbox speaks HTTPS with a CA file in a temporary folder that goes
    # with it: once it stops, the first thing to fail is that file, not the connection.
    from app import create_app
    from app.demo import DEMO_DATABASE, demo_secrets, record_sandbox
    from app.storage import get_cipher, get_db, migrate
    from app.storage.models import Installation, Tenant

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        dead = f"https://127.0.0.1:{sock.getsockname()[1]}"
    data = tmp_path / "demo-data"
    keys = demo_secrets(data)
    url = f"sqlite:///{data / DEMO_DATABASE}"
    migrate.upgrade(url)
    record_sandbox(data, "salesforce", dead, {
        "SALESFORCE_CLIENT_ID": "3MVG9demo.x", "SALESFORCE_CLIENT_SECRET": "s" * 48, "SALESFORCE_LOGIN_URL": dead,
        "SALESFORCE_CA_BUNDLE": str(tmp_path / "sf-sandbox-gone" / "ca.pem")})
    app = create_app({"DATABASE_URL": url, "START_WORKER": False, "TESTING": True, **keys})
    tid = "salesforce-00D5g000004ABCDEAW"
    with get_db(app).session() as s:
        s.add(Tenant(id=tid, crm="salesforce", external_id="00D5g000004ABCDEAW", name="demo org"))
        s.flush()
        s.add(Installation(tenant_id=tid, crm="salesforce", api_base=dead, scopes=["api"],
                           access_token_enc=get_cipher(app).encrypt("00D!demo-access"),
                           refresh_token_enc=get_cipher(app).encrypt("demo-refresh"),
                           expires_at=datetime.now(UTC) + timedelta(days=1), installed_by="admin@example.com"))
    get_db(app).engine.dispose()

    line = refused(run(data, "mappings", "set", "--tenant", tid, "discount=Discount__c",
                       env={"AGENTIC_SALES_CRM_SDK_RETRIES": "0"}))
    assert line.startswith(f"error: cannot read the deal fields of {tid} from its CRM: nothing answers at {dead}"), line
    assert "is the demo's sandbox running?" in line
