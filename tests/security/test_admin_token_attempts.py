"""Guessing the operator's token online is slow: ten wrong tokens from one address, and that address's
tokens are not compared for a while, whether they come through the sign-in form or a header.

The operator's token opens every tenant's console; before this, a script could try tokens as fast as the
server answered, and `web` accepted a token of any length ("admin" would do).
"""

from __future__ import annotations

import pytest

from app.config import ConfigError, validate_for_production
from app.token_attempts import TokenAttempts
from integrations.moving_window import MemoryWindow, RedisWindow
from tests.admin.conftest import ADMIN_TOKEN, CSRF
from tests.conftest import need, redis_url
from tests.front_door.test_admin_and_secrets import prod

ATTACKER = {"REMOTE_ADDR": "203.0.113.9"}
OPERATOR = {"REMOTE_ADDR": "198.51.100.20"}


@pytest.fixture
def admin_app(app_factory):
    return app_factory(ADMIN_TOKEN=ADMIN_TOKEN)


def _form_sign_in(client, token, environ):
    page = client.get("/admin/login", environ_base=environ).get_data(as_text=True)
    return client.post("/admin/login", data={"csrf_token": CSRF.search(page).group(1), "token": token, "next": "/"},
                       environ_base=environ)


def test_the_sign_in_form_stops_comparing_tokens_after_ten_wrong_ones_from_an_address(admin_app):
    attacker = admin_app.test_client()
    for i in range(10):
        assert _form_sign_in(attacker, f"guess-{i}", ATTACKER).status_code == 401
    refused = _form_sign_in(attacker, ADMIN_TOKEN, ATTACKER)  # even the right token: it is not compared
    assert refused.status_code == 429
    assert 0 < int(refused.headers["Retry-After"]) <= 900
    assert "Too many wrong tokens" in refused.get_data(as_text=True)
    # the operator, from their own address, signs in as usual
    assert _form_sign_in(admin_app.test_client(), ADMIN_TOKEN, OPERATOR).status_code == 302


def test_nine_wrong_tokens_do_not_lock_out_the_right_one(admin_app):
    client = admin_app.test_client()
    for i in range(9):
        assert _form_sign_in(client, f"typo-{i}", OPERATOR).status_code == 401
    assert _form_sign_in(client, ADMIN_TOKEN, OPERATOR).status_code == 302


def test_header_guessing_counts_too_and_is_answered_429_with_retry_after(admin_app):
    client = admin_app.test_client()
    for i in range(10):
        resp = client.post("/oauth/hubspot/uninstall", json={"tenant": "hubspot-1"},
                           headers={"X-Admin-Token": f"guess-{i}"}, environ_base=ATTACKER)
        assert resp.status_code == 403
    resp = client.post("/oauth/hubspot/uninstall", json={"tenant": "hubspot-1"},
                       headers={"Authorization": f"Bearer {ADMIN_TOKEN}"}, environ_base=ATTACKER)
    assert resp.status_code == 429
    assert resp.get_json()["error"] == "too_many_attempts" and int(resp.headers["Retry-After"]) > 0
    # another address's right token still works (404: no such tenant, i.e. it got past the admin check)
    resp = client.post("/oauth/hubspot/uninstall", json={"tenant": "hubspot-1"},
                       headers={"X-Admin-Token": ADMIN_TOKEN}, environ_base=OPERATOR)
    assert resp.status_code == 404


def test_a_forwarded_for_header_is_ignored_unless_the_operator_says_a_proxy_sets_it(app_factory):
    direct = app_factory(ADMIN_TOKEN=ADMIN_TOKEN)
    client = direct.test_client()
    for i in range(10):  # rotating X-Forwarded-For does not give the guesser fresh addresses
        _form_sign_in(client, f"guess-{i}", {**ATTACKER, "HTTP_X_FORWARDED_FOR": f"10.0.0.{i}"})
    assert _form_sign_in(client, ADMIN_TOKEN, {**ATTACKER, "HTTP_X_FORWARDED_FOR": "10.0.0.99"}).status_code == 429

    behind_proxy = app_factory(ADMIN_TOKEN=ADMIN_TOKEN, TRUSTED_PROXY_HOPS=1)
    client = behind_proxy.test_client()
    balancer = {"REMOTE_ADDR": "10.1.1.1"}
    for i in range(10):  # every client arrives from the balancer; the proxy's header names the guesser
        _form_sign_in(client, f"guess-{i}", {**balancer, "HTTP_X_FORWARDED_FOR": "203.0.113.9"})
    assert _form_sign_in(client, ADMIN_TOKEN, {**balancer, "HTTP_X_FORWARDED_FOR": "203.0.113.9"}).status_code == 429
    assert _form_sign_in(client, ADMIN_TOKEN, {**balancer, "HTTP_X_FORWARDED_FOR": "198.51.100.20"}).status_code == 302


def test_the_count_forgets_attempts_older_than_the_window():
    attempts = TokenAttempts(window=MemoryWindow(), limit=3, window_seconds=60)
    for t in (0.0, 10.0, 20.0):
        attempts.failed("a", now=t)
    assert attempts.wait("a", now=21.0) == pytest.approx(39.0)
    assert attempts.wait("b", now=21.0) == 0.0
    assert attempts.wait("a", now=60.5) == 0.0  # the first attempt left the window


def test_web_processes_share_the_count_through_redis(app_factory):
    need("redis")
    url = redis_url()
    prefix = f"agentic-sales-test-{id(app_factory)}"
    first = TokenAttempts(window=RedisWindow(url, prefix), limit=2, window_seconds=60)
    second = TokenAttempts(window=RedisWindow(url, prefix), limit=2, window_seconds=60)
    first.failed("203.0.113.9", now=1000.0)
    second.failed("203.0.113.9", now=1001.0)
    assert first.wait("203.0.113.9", now=1002.0) > 0 and second.wait("203.0.113.9", now=1002.0) > 0
    first.window.clear("admin-token:203.0.113.9")


@pytest.mark.parametrize("token", ["admin", "changeme", "op-token-2024", "x" * 40])
def test_web_refuses_a_short_or_placeholder_admin_token(token):
    with pytest.raises(ConfigError, match="ADMIN_TOKEN"):
        validate_for_production(prod(ADMIN_TOKEN=token), role="web")


def test_a_long_random_admin_token_or_none_passes():
    validate_for_production(prod(ADMIN_TOKEN="Zr8wQ1-pL0vN3xT6yB9cD2fG5hJ7kM4s"), role="web")
    validate_for_production(prod(), role="web")
