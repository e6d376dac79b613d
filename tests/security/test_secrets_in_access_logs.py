"""A log reader must not learn a Salesforce org's webhook secret from the access log.

The Outbound Message endpoint carries the org's secret in its path
(`/webhooks/salesforce/outbound/<org id>/<secret>`), and that same secret signs the package's
callouts and card requests: whoever reads it can forge card requests for any record of the org.
Through gunicorn as the Procfile runs it, with the access log on.
"""

from __future__ import annotations

import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from app.logs import scrub
from tests.front_door.test_startup_services import closed_port, migrated_sqlite, serving

pytestmark = pytest.mark.timeout(120)

ORG = "00D5g000004SECURE"
URL_SECRET = "9f2c" * 10


def test_the_outbound_message_secret_in_a_path_is_scrubbed_from_log_text():
    line = f'127.0.0.1 - - "POST /webhooks/salesforce/outbound/{ORG}/{URL_SECRET} HTTP/1.1" 200 -'
    out = scrub(line)
    assert URL_SECRET not in out
    assert f"/webhooks/salesforce/outbound/{ORG}/[redacted]" in out  # the org stays: on-call needs it


def test_gunicorns_access_log_keeps_no_webhook_secret(tmp_path):
    port = closed_port()
    env = {"DATABASE_URL": migrated_sqlite(tmp_path), "WEB_CONCURRENCY": "1", "AGENTIC_SALES_ACCESS_LOG": "1"}
    gunicorn = [str(Path(sys.executable).parent / "gunicorn"), "-c", "gunicorn.conf.py", "wsgi:app"]
    with serving(gunicorn, env, tmp_path, port) as served:
        req = urllib.request.Request(f"http://127.0.0.1:{port}/webhooks/salesforce/outbound/{ORG}/{URL_SECRET}",
                                     data=b"<x/>", method="POST", headers={"Content-Type": "text/xml"})
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(req, timeout=10)
        assert refused.value.code == 401
    stdout, stderr = served.stdout, served.stderr
    logged = stdout + stderr
    assert f"/webhooks/salesforce/outbound/{ORG}/" in logged, logged[-2000:]  # the access line is there
    assert URL_SECRET not in logged, logged[-2000:]


def test_hubspots_token_urls_are_scrubbed_from_log_text():
    for path in ("/oauth/v1/refresh-tokens/", "/oauth/v1/access-tokens/"):
        out = scrub(f"Max retries exceeded with url: {path}{URL_SECRET} (Caused by ...)")
        assert URL_SECRET not in out and f"{path}[redacted]" in out
