"""The front door's commands: serve, worker, db upgrade, keys generate (stdout/stderr rule)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

from app.config import ConfigError, load, normalise_database_url, require

ROOT = Path(__file__).resolve().parents[2]


def run(args: list[str], env: dict[str, str] | None = None, cwd: str | None = None, timeout: float = 60):
    base = {k: v for k, v in os.environ.items()
            if not k.startswith("AGENTIC_SALES_") and k not in ("DATABASE_URL", "REDIS_URL")}
    base.update(env or {})
    return subprocess.run([sys.executable, "-m", "app", *args], capture_output=True, text=True, env=base,
                          cwd=cwd or "/", timeout=timeout)


def test_keys_generate_prints_one_fernet_key_on_stdout(tmp_path):
    r = run(["keys", "generate"], cwd=str(tmp_path))
    assert r.returncode == 0
    key = r.stdout.strip()
    Fernet(key.encode())
    assert len(r.stdout.strip().splitlines()) == 1


@pytest.mark.embedded
def test_db_upgrade_prints_json_and_is_idempotent_from_any_directory(tmp_path):
    from app.storage.migrate import head_revision

    env = {"DATABASE_URL": f"sqlite:///{tmp_path / 'x.db'}", "PYTHONPATH": str(ROOT)}
    said = []
    for _ in range(2):
        r = run(["db", "upgrade"], env=env, cwd=str(tmp_path))
        assert r.returncode == 0, r.stderr
        said.append(json.loads(r.stdout))
    # The operator reads whether the release step migrated anything, and to which revision (wave 31: both
    # runs said "upgraded" to "head").
    assert said[0]["from"] is None and said[0]["revision"] == head_revision() and said[0]["status"] == "upgraded"
    assert said[1]["from"] == said[1]["revision"] == head_revision() and said[1]["status"] == "already current"


def test_serve_refuses_to_start_without_secrets_and_names_them(tmp_path):
    r = run(["serve", "--port", "0"], env={"AGENTIC_SALES_DATA_DIR": str(tmp_path), "PYTHONPATH": str(ROOT)})
    assert r.returncode == 2
    assert "AGENTIC_SALES_SECRET_KEY" in r.stderr and "AGENTIC_SALES_TOKEN_KEY" in r.stderr
    assert "Traceback" not in r.stderr
    assert r.stdout == ""


def test_worker_refuses_without_redis(tmp_path):
    r = run(["worker"], env={"AGENTIC_SALES_DATA_DIR": str(tmp_path), "AGENTIC_SALES_TOKEN_KEY": Fernet.generate_key().decode(),
                             "HUBSPOT_CLIENT_ID": "id", "HUBSPOT_CLIENT_SECRET": "secret", "PYTHONPATH": str(ROOT)})
    assert r.returncode == 2
    assert "REDIS_URL" in r.stderr


@pytest.mark.embedded
def test_serve_is_healthy_within_thirty_seconds(tmp_path):
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("AGENTIC_SALES_") and k not in ("DATABASE_URL", "REDIS_URL")}
    env.update({"AGENTIC_SALES_DATA_DIR": str(tmp_path),
                "AGENTIC_SALES_SECRET_KEY": "serve-test-only-key-Zq8Lw3Xv7Rt2Nm5Bk9Hd",  # serve refuses weak keys
                "HUBSPOT_CLIENT_ID": "test-client-id", "HUBSPOT_CLIENT_SECRET": "test-client-secret",
                "AGENTIC_SALES_TOKEN_KEY": Fernet.generate_key().decode(), "PYTHONPATH": str(ROOT)})
    proc = subprocess.Popen([sys.executable, "-m", "app", "serve", "--port", "0"], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, env=env, cwd=str(tmp_path), text=True)
    try:
        started = time.time()
        line = proc.stdout.readline()
        url = json.loads(line)["healthz"]
        with urllib.request.urlopen(url, timeout=10) as resp:
            body = json.loads(resp.read())
        assert resp.status == 200 and body["status"] == "ok"
        assert time.time() - started < 30
    finally:
        proc.terminate()
        proc.wait(10)


@pytest.mark.embedded
def test_serve_on_a_port_in_use_says_so_in_one_line(tmp_path):
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        r = run(["serve", "--port", str(port)], env={
            "AGENTIC_SALES_DATA_DIR": str(tmp_path), "PYTHONPATH": str(ROOT),
            "AGENTIC_SALES_SECRET_KEY": "serve-test-only-key-Zq8Lw3Xv7Rt2Nm5Bk9Hd",
            "HUBSPOT_CLIENT_ID": "test-client-id", "HUBSPOT_CLIENT_SECRET": "test-client-secret",
            "AGENTIC_SALES_TOKEN_KEY": Fernet.generate_key().decode()}, cwd=str(tmp_path))
    assert r.returncode == 2
    assert r.stderr.strip().splitlines()[-1] == (
        f"error: cannot listen on 127.0.0.1:{port}: the port is in use by another program (choose another with --port)")
    assert "Traceback" not in r.stderr and r.stdout == ""


def test_postgres_urls_are_normalised_for_psycopg3():
    assert normalise_database_url("postgres://u:p@h/db") == "postgresql+psycopg://u:p@h/db"
    assert normalise_database_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalise_database_url("sqlite:///x.db") == "sqlite:///x.db"


def test_prefixed_environment_overrides_defaults(tmp_path):
    cfg = load(None, environ={"AGENTIC_SALES_COALESCE_WINDOW_SECONDS": "0.5", "AGENTIC_SALES_DATA_DIR": str(tmp_path),
                              "REDIS_URL": "redis://x"})
    assert cfg["COALESCE_WINDOW_SECONDS"] == 0.5
    assert cfg["REDIS_URL"] == "redis://x"
    assert cfg["DATABASE_URL"].startswith("sqlite:///")


def test_require_names_missing_settings_by_their_environment_name():
    try:
        require({"TOKEN_KEY": None, "REDIS_URL": None}, "TOKEN_KEY", "REDIS_URL")
    except ConfigError as exc:
        assert "AGENTIC_SALES_TOKEN_KEY" in str(exc) and "REDIS_URL" in str(exc)
    else:
        raise AssertionError("require did not raise")
