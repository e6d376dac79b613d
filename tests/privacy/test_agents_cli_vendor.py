"""`agentic-sales agents try` with a vendor provider redacts people's names, e-mail addresses and
phone numbers by default, as a tenant's pipeline does (`redact_pii` defaults to true); it sent them
to the vendor unless `--redact-pii` was given. The vendor is a real HTTP server on loopback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from integrations.sandbox.serving import SHUTDOWN_POLL_SECONDS

ROOT = Path(__file__).resolve().parents[2]
RECORD = ROOT / "tests" / "fixtures" / "records" / "hubspot_deal.json"
PEOPLE = ("Dana", "Whitfield", "Marcus Lee", "Priya", "Okafor", "northwind-logistics.com", "brightlane.io")


@pytest.fixture
def vendor():
    """An OpenAI-compatible server that records each request body and answers 503 (the CLI then
    falls back offline after its retries, so every role's first prompt is seen)."""
    bodies: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 - http.server's name
            bodies.append(self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode())
            self.send_response(503)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(b'{"error": {"message": "overloaded", "type": "server_error"}}')

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": SHUTDOWN_POLL_SECONDS}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/v1", bodies
    server.shutdown()


def agents_try(url: str, *extra: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AGENTIC_SALES_", "OPENAI_", "ANTHROPIC_"))}
    env.update({"OPENAI_BASE_URL": url, "OPENAI_API_KEY": "sk-local", "PYTHONPATH": str(ROOT),
                "AGENTIC_SALES_LLM_MAX_RETRIES": "0"})
    return subprocess.run([sys.executable, "-m", "app", "agents", "try", "--record-json", str(RECORD),
                           "--provider", "openai_compatible:m", "--now", "2026-11-25T15:00:00Z", *extra],
                          capture_output=True, text=True, env=env, cwd="/", timeout=120)


def test_the_agents_cli_sends_no_person_to_a_vendor_by_default(vendor):
    url, bodies = vendor
    r = agents_try(url)
    assert r.returncode == 0, r.stderr
    assert bodies, "the vendor was asked"
    assert sorted({p for b in bodies for p in PEOPLE if p in b}) == []
    assert "Dana" in json.loads(r.stdout)["draft"]["body"]  # the offline draft still greets her


def test_the_agents_cli_sends_names_only_when_told_not_to_redact(vendor):
    url, bodies = vendor
    r = agents_try(url, "--no-redact-pii")
    assert r.returncode == 0, r.stderr
    assert any("Whitfield" in b for b in bodies)
