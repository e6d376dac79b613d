"""A command that scores nothing starts without the scoring libraries.

Every `agentic-sales` command builds the Flask app, and the app's blueprints reach the cards, whose words name the
scoring features and the agents' meeting slots. Through `scoring/__init__.py` that used to load scikit-learn, skops,
XGBoost, SciPy and pandas, and through `agents.slot_text` the agents' timing tables: about 2 CPU seconds of a 3.5 s
start, paid by every command, every web worker and each CLI subprocess the suite starts (docs/contributing.md, "Test
suite time, wave 39"). The CRMs' SDKs likewise wait for a command that builds a client (wave 40).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import TEST_SECRET_KEY, TEST_TOKEN_KEY

ROOT = Path(__file__).resolve().parents[2]

LOADED_ONLY_WHEN_NEEDED = ("sklearn", "skops", "xgboost", "scipy", "pandas", "matplotlib", "agents.timing")
"""Modules a command loads only once it trains, scores, draws or writes a meeting slot."""

RUN_AND_REPORT = """
import atexit, json, sys
watched = json.loads(sys.argv[1])
atexit.register(lambda: print(json.dumps(sorted(m for m in watched if m in sys.modules)), file=sys.stderr))
from app.cli import main
main(sys.argv[2:])
"""


UNREACHABLE = "postgresql://revops:pw@127.0.0.1:1/agentic"
"""Port 1 on loopback: refused at once, after the app is built."""


def loaded_by(*args: str, tmp_path: Path, database_url: str | None = None,
              watched: tuple[str, ...] = LOADED_ONLY_WHEN_NEEDED) -> tuple[subprocess.CompletedProcess[str], list[str]]:
    if database_url is None:
        database = tmp_path / "empty.db"
        database.touch()  # a command never creates the embedded database; an empty file is one to migrate
        database_url = f"sqlite:///{database}"
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("AGENTIC_SALES_") and k not in ("DATABASE_URL", "REDIS_URL")}
    env.update({"DATABASE_URL": database_url, "AGENTIC_SALES_TOKEN_KEY": TEST_TOKEN_KEY,
                "AGENTIC_SALES_SECRET_KEY": TEST_SECRET_KEY, "HOME": str(tmp_path), "PYTHONPATH": str(ROOT),
                "OMP_NUM_THREADS": "1"})
    run = subprocess.run([sys.executable, "-c", RUN_AND_REPORT, json.dumps(watched), *args],
                         capture_output=True, text=True, env=env, cwd=str(tmp_path), timeout=180)
    return run, json.loads(run.stderr.strip().splitlines()[-1])


def test_listing_tenants_builds_the_app_without_loading_the_scoring_libraries_or_the_agents_timing(tmp_path):
    run, loaded = loaded_by("tenants", "list", tmp_path=tmp_path)

    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout) == []
    assert loaded == [], f"`tenants list` imported {loaded} at start-up"



def test_a_command_on_postgresql_builds_the_app_without_loading_alembic(tmp_path):
    # Only the embedded database is migrated by a command; Alembic, Mako and Pygments waited for the health check.
    run, loaded = loaded_by("tenants", "list", tmp_path=tmp_path, database_url=UNREACHABLE,
                            watched=(*LOADED_ONLY_WHEN_NEEDED, "alembic"))

    assert run.returncode == 2 and "127.0.0.1:1" in run.stderr, run.stderr
    assert loaded == [], f"`tenants list` on PostgreSQL imported {loaded} at start-up"


def test_a_costs_export_the_database_cannot_answer_fails_before_loading_the_pipelines_models(tmp_path):
    # `costs export` reads the tenant's prices through the pipeline's inputs (agents, scoring): only once the
    # tenant is known.
    run, loaded = loaded_by("costs", "export", "--tenant", "hubspot-62515", "--month", "2026-11", tmp_path=tmp_path,
                            database_url=UNREACHABLE)

    assert run.returncode == 2 and "127.0.0.1:1" in run.stderr, run.stderr
    assert loaded == [], f"`costs export` imported {loaded} before the database answered"


CRM_SDKS = ("hubspot", "simple_salesforce", "zeep")
"""hubspot-api-client's generated APIs, and simple_salesforce with its SOAP client: loaded once a client is built."""


def test_a_command_reads_the_crm_connectors_without_loading_their_sdks(tmp_path):
    # The app registers each connector's webhook receiver and names its CRM on pages; neither needs an SDK.
    run, loaded = loaded_by("tenants", "list", tmp_path=tmp_path, watched=CRM_SDKS)

    assert run.returncode == 0, run.stderr
    assert loaded == [], f"`tenants list` imported {loaded} at start-up"


def test_the_help_lists_every_command_without_starting_the_sandboxes_markets_or_servers(tmp_path):
    run, loaded = loaded_by("--help", tmp_path=tmp_path, watched=(
        *LOADED_ONLY_WHEN_NEEDED, "numpy", "integrations.sandbox.hubspot_api", "integrations.sandbox.salesforce_api.handle"))

    assert run.returncode == 0, run.stderr
    assert "sandbox" in run.stdout and "tenants" in run.stdout
    assert loaded == [], f"`--help` imported {loaded}"


def test_the_next_step_words_import_on_their_own_before_the_cards():
    # The cards' package imports the next step's words, which import the cards' humanize: entered from the words'
    # side, the cycle used to stop at a half-built module (ImportError on ARM_WORDS).
    run = subprocess.run([sys.executable, "-c", "import app.pipeline.next_step_words"], capture_output=True,
                         text=True, env={**os.environ, "PYTHONPATH": str(ROOT)}, cwd=str(ROOT), timeout=120)

    assert run.returncode == 0, run.stderr
