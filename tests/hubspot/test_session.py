"""Unit tests: the call loop refreshes tokens, waits out 429s, and gives up only when it should."""

import json

import pytest
import responses
from hubspot.crm.objects.exceptions import ApiException

from integrations.errors import CrmAuthExpired, CrmRateLimited
from integrations.hubspot.oauth import OAuthClient, TokenSet
from integrations.hubspot.session import ApiSession
from integrations.limits import Lane, RateLimiter

BASE = "http://hubspot.test"


class FakeResp:
    def __init__(self, status, body, headers=None):
        self.status, self.reason, self.data = status, "r", json.dumps(body).encode()
        self._headers = headers or {}

    def getheaders(self):
        return self._headers


class FakeApis:
    """Records the token each call would have sent."""

    def __init__(self):
        self.token = None

    def set_access_token(self, token):
        self.token = token


def expired_401():
    return ApiException(http_resp=FakeResp(401, {"message": "expired", "category": "EXPIRED_AUTHENTICATION",
                                                 "correlationId": "c"}))


def rate_429(headers=None):
    return ApiException(http_resp=FakeResp(429, {"errorType": "RATE_LIMIT", "message": "limit"}, headers))


class FakeTime:
    """A clock that sleeping advances (the limiter's blocks are timed by it)."""

    def __init__(self, now=1000.0):
        self.now = now
        self.sleeps = []

    def sleep(self, seconds):
        self.sleeps.append(seconds)
        self.now += seconds


def make_session(tokens, clock=lambda: 1000.0, saved=None, max_sleep=1.0):
    t = FakeTime()
    oauth = OAuthClient("id", "secret", base_url=BASE, clock=clock)
    limiter = RateLimiter("memory://", lanes={"default": Lane(1000, 10), "search": Lane(5, 1)},
                          max_sleep=max_sleep, sleep=t.sleep, clock=lambda: t.now)
    s = ApiSession(FakeApis(), tokens, oauth=oauth, on_tokens=(saved.append if saved is not None else None),
                   sleep=t.sleep, clock=clock, limiter=limiter, limit_key="hubspot:test")
    return s, t.sleeps


def token_response(access):
    return {"token_type": "bearer", "access_token": access, "refresh_token": "na1-r", "expires_in": 1800,
            "hub_id": 62515, "scopes": ["oauth"]}


@responses.activate
def test_refreshes_once_on_expired_authentication_and_persists():
    responses.post(f"{BASE}/oauth/v1/token", json=token_response("new"))
    saved = []
    s, _ = make_session(TokenSet("old", "na1-r", expires_at=99999.0), saved=saved)
    calls = []

    def fn(**kw):
        calls.append(s.apis.token)
        if len(calls) == 1:
            raise expired_401()
        return "ok"

    assert s.call(fn) == "ok"
    assert calls == ["old", "new"] and s.stats.token_refreshes == 1
    assert saved[0].access_token == "new" and saved[0].hub_id == "62515"
    assert "grant_type=refresh_token" in responses.calls[0].request.body


@responses.activate
def test_refreshes_proactively_before_stored_expiry():
    responses.post(f"{BASE}/oauth/v1/token", json=token_response("fresh"))
    s, _ = make_session(TokenSet("old", "na1-r", expires_at=1010.0))
    assert s.call(lambda **kw: s.apis.token) == "fresh"
    assert s.stats.token_refreshes == 1


def test_second_expiry_in_a_row_raises():
    s, _ = make_session(TokenSet("old", None, expires_at=None))

    def fn(**kw):
        raise expired_401()

    with pytest.raises(CrmAuthExpired) as info:
        s.call(fn)
    assert not info.value.should_retry  # no refresh token: retrying the job cannot help


@responses.activate
def test_a_refused_refresh_token_tells_the_app_once_without_holding_the_refresh_lock():
    # The app's callback writes to the database (the installation is marked for reconnecting); other threads that
    # wait to refresh must not wait behind it, and the callback may itself use the session.
    responses.post(f"{BASE}/oauth/v1/token", status=400,
                   json={"status": "BAD_REFRESH_TOKEN", "message": "missing or unknown refresh token"})
    s, _ = make_session(TokenSet("old", "na1-r", expires_at=99999.0))
    seen = []
    s.on_dead_grant = lambda err: seen.append((err.code, s._lock.locked()))

    with pytest.raises(CrmAuthExpired) as info:
        s.refresh(stale_token="old")
    assert not info.value.should_retry
    assert [locked for _, locked in seen] == [False]  # told once, outside the lock


@responses.activate
def test_a_refused_client_secret_is_not_taken_for_an_uninstalled_app():
    responses.post(f"{BASE}/oauth/v1/token", status=401, json={"status": "BAD_CLIENT_ID", "message": "bad client"})
    s, _ = make_session(TokenSet("old", "na1-r", expires_at=99999.0))
    seen = []
    s.on_dead_grant = seen.append
    with pytest.raises(CrmAuthExpired):
        s.refresh(stale_token="old")
    assert seen == []  # our configuration is wrong; the installation is not revoked


def test_a_short_429_is_waited_out_for_hubspots_interval_and_counted():
    s, sleeps = make_session(TokenSet("t"))
    n = []

    def fn(**kw):
        n.append(kw["_request_timeout"])
        if len(n) < 3:
            raise rate_429({"X-HubSpot-RateLimit-Interval-Milliseconds": "400"})
        return "written"

    assert s.call(fn) == "written"
    assert s.stats.rate_limited_retries == 2 and sleeps == [pytest.approx(0.4, abs=0.01)] * 2
    assert n[0] == s.timeout  # explicit timeouts on every call


def test_a_long_429_raises_rate_limited_at_once_and_blocks_the_installation():
    s, sleeps = make_session(TokenSet("t"))

    def fn(**kw):
        raise rate_429({"X-HubSpot-RateLimit-Interval-Milliseconds": "10000"})

    with pytest.raises(CrmRateLimited) as info:
        s.call(fn)
    assert info.value.should_retry and info.value.retry_after == 10.0 and sleeps == []
    assert s.limiter.blocked_for("hubspot:test") > 9.0
    with pytest.raises(CrmRateLimited):  # the next call does not even reach HubSpot
        s.call(lambda **kw: "never")


def test_429_forever_raises_retryable_error(monkeypatch):
    from integrations.hubspot import constants

    monkeypatch.setattr(constants, "RATE_LIMIT_MAX_WAITS", 3)
    s, sleeps = make_session(TokenSet("t"))

    def fn(**kw):
        raise rate_429({"X-HubSpot-RateLimit-Interval-Milliseconds": "100"})

    with pytest.raises(CrmRateLimited) as info:
        s.call(fn)
    assert info.value.should_retry and len(sleeps) == 3


def test_a_daily_429_blocks_until_midnight():
    s, _ = make_session(TokenSet("t"))

    def fn(**kw):
        raise ApiException(http_resp=FakeResp(429, {"errorType": "RATE_LIMIT", "policyName": "DAILY",
                                                    "message": "You have reached your daily limit."}))

    with pytest.raises(CrmRateLimited) as info:
        s.call(fn)
    assert info.value.retry_after is not None and info.value.retry_after > 60


def test_a_create_is_never_re_sent_after_a_5xx():
    s, _ = make_session(TokenSet("t"))
    n = []

    def fn(**kw):
        n.append(1)
        raise ApiException(http_resp=FakeResp(502, {"message": "bad gateway"}))

    from integrations.errors import CrmUnavailable

    with pytest.raises(CrmUnavailable):
        s.call(fn, idempotent=False)
    assert len(n) == 1


def test_the_transport_never_retries_post():
    from integrations.hubspot.client import build_retry

    retry = build_retry()
    assert "POST" not in retry.allowed_methods and "GET" in retry.allowed_methods


@responses.activate
def test_oauth_exchange_revoke_and_authorize_url():
    responses.post(f"{BASE}/oauth/v1/token", json=token_response("a1"))
    responses.delete(f"{BASE}/oauth/v1/refresh-tokens/na1-r", status=204)
    responses.delete(f"{BASE}/oauth/v1/refresh-tokens/gone", status=404,
                     json={"status": "error", "message": "not found", "correlationId": "c"})
    o = OAuthClient("id", "secret", base_url=BASE, authorize_url="http://app.test/oauth/authorize", clock=lambda: 0.0)
    t = o.exchange_code("code1", "http://me/cb")
    assert (t.access_token, t.refresh_token, t.expires_at) == ("a1", "na1-r", 1800.0)
    assert o.revoke("na1-r") is True and o.revoke("gone") is False
    url = o.authorize_url_for(redirect_uri="http://me/cb", state="s1", scopes=("oauth", "crm.objects.deals.read"))
    assert url.startswith("http://app.test/oauth/authorize?client_id=id") and "state=s1" in url
    assert "scope=oauth+crm.objects.deals.read" in url


class _Apis:
    def set_access_token(self, token):
        pass


def test_a_reservation_larger_than_the_window_takes_the_window_and_the_rest_call_by_call():
    slept: list[float] = []
    limiter = RateLimiter("memory://", lanes={"default": Lane(5, 10), "search": Lane(5, 1)}, max_sleep=0.0,
                          sleep=slept.append)
    session = ApiSession(_Apis(), TokenSet("tok", hub_id="1"), limiter=limiter)
    with session.prepaid(50) as reservation:
        assert reservation.calls == 5  # never more than the window: the rest is counted call by call
        for _ in range(5):
            session.call(lambda **_kw: {"ok": True})
        assert slept == []
        # Past the reservation, a started read waits up to one window for the budget rather than
        # being handed back half-read (the fake sleep frees nothing, so it then gives up).
        with pytest.raises(CrmRateLimited):
            session.call(lambda **_kw: {"ok": True})
    assert len(slept) == 1 and 9.0 < slept[0] <= 10.0
    assert reservation.used == 6 and limiter.headroom(session.limit_key)["remaining"] == 0


def test_outside_a_reservation_a_spent_budget_still_raises_at_once():
    slept: list[float] = []
    limiter = RateLimiter("memory://", lanes={"default": Lane(1, 10), "search": Lane(5, 1)}, max_sleep=0.0,
                          sleep=slept.append)
    session = ApiSession(_Apis(), TokenSet("tok", hub_id="1"), limiter=limiter)
    session.call(lambda **_kw: {"ok": True})
    with pytest.raises(CrmRateLimited):
        session.call(lambda **_kw: {"ok": True})
    assert slept == []  # a write or a single call hands its batch back instead of holding the worker
