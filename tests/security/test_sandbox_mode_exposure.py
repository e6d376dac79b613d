"""Sandbox mode opens every tenant's deals and card previews to anyone and skips the secret checks
(a weak or missing AGENTIC_SALES_SECRET_KEY lets anyone forge an operator session). It is for the
embedded demo, on loopback. It was refused only with PostgreSQL: `serve --host 0.0.0.0` on the
default SQLite database, or gunicorn per the Procfile, served all of that to the network."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.front_door.test_startup_services import cli, closed_port, error_lines, migrated_sqlite, run

pytestmark = pytest.mark.timeout(120)

NO_SECRETS = {"AGENTIC_SALES_SECRET_KEY": "", "AGENTIC_SALES_TOKEN_KEY": "", "AGENTIC_SALES_SANDBOX_MODE": "1"}


def test_serve_in_sandbox_mode_on_a_public_interface_refuses_to_start(tmp_path):
    r = run(cli("serve", "--host", "0.0.0.0", "--port", str(closed_port())),
            {**NO_SECRETS, "DATABASE_URL": migrated_sqlite(tmp_path)}, tmp_path)
    assert r.returncode == 2, r.stderr[-2000:]
    errors = [ln for ln in error_lines(r) if ln.startswith("error: ")]
    assert len(errors) == 1 and "AGENTIC_SALES_SANDBOX_MODE" in errors[0] and "0.0.0.0" in errors[0], r.stderr[-2000:]


def test_gunicorn_per_the_procfile_refuses_sandbox_mode(tmp_path):
    r = run([str(Path(sys.executable).parent / "gunicorn"), "-c", "gunicorn.conf.py", "wsgi:app"],
            {**NO_SECRETS, "DATABASE_URL": migrated_sqlite(tmp_path), "PORT": str(closed_port()),
             "WEB_CONCURRENCY": "1"}, tmp_path)
    assert r.returncode == 2, r.stderr[-2000:]
    assert "Booting worker" not in r.stderr and "Traceback" not in r.stderr, r.stderr[-2000:]
    errors = [ln for ln in error_lines(r) if ln.startswith("error: ")]
    assert len(errors) == 1 and "AGENTIC_SALES_SANDBOX_MODE" in errors[0], r.stderr[-2000:]


def test_sandbox_mode_on_loopback_still_serves_the_demo_way(tmp_path):
    from app.cli.server import check_secrets

    check_secrets({"SANDBOX_MODE": True, "DATABASE_URL": migrated_sqlite(tmp_path)}, role="web",
                  listen_host="127.0.0.1")
