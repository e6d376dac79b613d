"""What a security reviewer's scanner checks on every response: no framing (clickjacking of the
sign-in form or a card), no MIME sniffing, no referrer leaking a callback's query, HSTS on https."""

from __future__ import annotations

import pytest

from tests.admin.conftest import ADMIN_TOKEN

PATHS = ["/", "/admin/login", "/admin/", "/healthz", "/oauth/hubspot/callback", "/api/cards/hubspot",
         "/card/preview/hubspot/1/deal/1", "/no/such/page"]


@pytest.fixture
def web(app_factory):
    return app_factory(ADMIN_TOKEN=ADMIN_TOKEN, PUBLIC_URL="https://sales-ai.example.com")


@pytest.mark.parametrize("path", PATHS)
def test_every_answer_forbids_framing_and_sniffing(web, path):
    resp = web.test_client().get(path)
    assert resp.headers.get("X-Frame-Options") == "DENY", (path, resp.status_code)
    assert "frame-ancestors 'none'" in resp.headers.get("Content-Security-Policy", ""), path
    assert resp.headers.get("X-Content-Type-Options") == "nosniff", path
    assert resp.headers.get("Referrer-Policy") == "same-origin", path


def test_https_deployments_ask_browsers_for_https_only(web):
    resp = web.test_client().get("/admin/login")
    assert resp.headers.get("Strict-Transport-Security", "").startswith("max-age=")


def test_a_plain_http_loopback_demo_sends_no_hsts(app_factory):
    resp = app_factory(PUBLIC_URL="http://127.0.0.1:5000").test_client().get("/")
    assert "Strict-Transport-Security" not in resp.headers


def test_the_console_keeps_its_own_cache_rule(web):
    assert web.test_client().get("/admin/").headers.get("Cache-Control") == "no-store"
