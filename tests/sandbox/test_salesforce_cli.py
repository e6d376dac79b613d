"""`agentic-sales sandbox serve-salesforce`: a stand-alone Salesforce org a deployment of your own can install into
(HTTPS with its own CA; the printed `env` points the app at it), and the control commands that reach it."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import requests
from click.testing import CliRunner

from app.cli.sandbox import sandbox as group
from integrations.salesforce.connector import CONNECTOR
from tests.conftest import TEST_PUBLIC_URL

ORG = "00D5g000007QWERTYA"


def _serve(tmp_path: Path, *args: str) -> tuple[subprocess.Popen, dict[str, Any]]:
    exe = shutil.which("agentic-sales", path=str(Path(sys.executable).parent)) or "agentic-sales"
    env = {"PATH": os.environ.get("PATH", ""), "HOME": str(tmp_path)}  # nothing else: no secrets, no DB
    proc = subprocess.Popen([exe, "sandbox", "serve-salesforce", "--port", "0", "--seed", "3", "--open-deals", "6",
                             "--closed-deals", "30", "--companies", "6", *args],
                            cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    assert line, proc.stderr.read() if proc.stderr else "no output"
    return proc, json.loads(line)


def test_an_app_configured_from_the_printed_env_installs_into_the_stand_alone_org(app_factory, tmp_path):
    proc, info = _serve(tmp_path, "--org", ORG, "--cert-dir", str(tmp_path / "certs"))
    try:
        assert info["org_ids"] == [ORG] and info["url"].startswith("https://")
        assert Path(info["ca_file"]).is_file() and Path(info["ca_file"]).parent == tmp_path / "certs"
        env = info["env"]
        app = app_factory(SALESFORCE_CLIENT_ID=env["SALESFORCE_CLIENT_ID"],
                          SALESFORCE_CLIENT_SECRET=env["SALESFORCE_CLIENT_SECRET"],
                          SALESFORCE_LOGIN_URL=env["AGENTIC_SALES_SALESFORCE_LOGIN_URL"],
                          SALESFORCE_CA_BUNDLE=env["AGENTIC_SALES_SALESFORCE_CA_BUNDLE"], BACKFILL_ON_INSTALL=False)
        client = app.test_client()
        start = client.get("/oauth/salesforce/install")
        assert start.status_code == 302 and start.headers["Location"].startswith(info["url"])
        s = requests.Session()
        s.trust_env = False
        back = s.get(start.headers["Location"] + f"&org_id={ORG}", verify=info["ca_file"], allow_redirects=False,
                     timeout=30)
        assert back.status_code == 302 and back.headers["Location"].startswith(TEST_PUBLIC_URL)
        parts = urlsplit(back.headers["Location"])
        done = client.get(f"{parts.path}?{parts.query}", headers={"Accept": "application/json"})
        assert done.status_code == 200, done.get_data(as_text=True)

        # The admin's step after the install: the Outbound Message URL from the install page, set in the org.
        outbound = CONNECTOR.webhook_urls(ORG, config=app.config)["outbound_message_url"]
        runner = CliRunner()
        wrong = runner.invoke(group, ["outbound-url", "--url", info["url"], "--ca-file", info["ca_file"],
                                      "--org", "00D000000000000AAA", outbound])
        assert wrong.exit_code == 2 and "'--org'" in wrong.output and ORG in wrong.output
        empty = runner.invoke(group, ["outbound-url", "--url", info["url"], "--ca-file", info["ca_file"],
                                      "--org", ORG, ""])
        assert empty.exit_code == 2 and "OUTBOUND_URL" in empty.output  # a shell variable that was never set
        out = runner.invoke(group, ["outbound-url", "--url", info["url"], "--ca-file", info["ca_file"],
                                    "--org", ORG, outbound])
        assert out.exit_code == 0, out.output
        assert json.loads(out.output)["outbound_url"] == outbound
        changed = runner.invoke(group, ["rep-changes", "--url", info["url"], "--ca-file", info["ca_file"],
                                        "--count", "2"])
        assert changed.exit_code == 0 and len(json.loads(changed.output)["ids"]) == 2
        untrusted = runner.invoke(group, ["stats", "--url", info["url"]])
        assert untrusted.exit_code == 1 and "--ca-file" in untrusted.output  # the https sandbox's own CA
    finally:
        proc.send_signal(signal.SIGTERM)
        started = time.monotonic()
        _, err = proc.communicate(timeout=20)
    assert proc.returncode == 0 and time.monotonic() - started < 15, err
    assert "seeding market" in err and "stopping" in err  # logs on stderr, the result alone on stdout


def test_a_malformed_org_id_is_refused_before_anything_starts():
    out = CliRunner().invoke(group, ["serve-salesforce", "--port", "0", "--org", "12345"])
    assert out.exit_code == 2 and "'--org'" in out.output and "18-character" in out.output
