"""The limiter's own moving window: calls stamped when made, started reads held as counts.

The last test replays a backfill's steady state against the window (a simulated clock, no
sleeps): readers that read ~26 calls a batch, process the batch for a few seconds, and write it
back. With reservations stamped up front (what the limiter did), reads waited for a window with
room for their whole estimate and the budget idled between clumps; with holds it is busy.
"""

from __future__ import annotations

import heapq
import uuid
from collections.abc import Callable

import pytest

from integrations.errors import CrmRateLimited
from integrations.hubspot.oauth import TokenSet
from integrations.hubspot.session import ApiSession
from integrations.limits import HOLDS_POLL_SECONDS, Lane, RateLimiter
from integrations.moving_window import HOLDS_FULL, MemoryWindow, RedisWindow, Window
from tests.hubspot.reachable_redis import reachable_redis_url


class Clock:
    def __init__(self, now: float = 1_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds


def _windows() -> list[Callable[[], Window]]:
    url = reachable_redis_url()
    makers: list[Callable[[], Window]] = [MemoryWindow]
    if url:
        makers.append(lambda: RedisWindow(url, f"test-window-{uuid.uuid4().hex[:6]}"))
    return makers


class _Apis:
    def set_access_token(self, token):
        pass


def _session(lanes: dict[str, Lane], clock: Clock, uri: str = "memory://", prefix: str | None = None) -> ApiSession:
    limiter = RateLimiter(uri, lanes=lanes, max_sleep=0.0, sleep=clock.sleep, clock=clock,
                          **({"prefix": prefix} if prefix else {}))
    return ApiSession(_Apis(), TokenSet("tok", hub_id="1"), limiter=limiter, clock=clock)


@pytest.mark.parametrize("make", _windows())
def test_a_call_is_stamped_when_it_is_made_and_a_hold_is_a_count_not_stamps(make):
    w, k, now = make(), f"k-{uuid.uuid4().hex[:6]}", 1_000_000.0
    assert w.admit(k, "read-1", 8, now=now, window=10, limit=10, ahead=0, ttl=30) == 0.0
    assert w.count(k, at=now, window=10) == 0 and w.held(k, now=now) == 8
    for i in range(3):
        assert w.take(k, now=now + i, window=10, limit=10, hold="read-1", hold_ttl=30) == 0.0
    assert w.count(k, at=now + 2, window=10) == 3 and w.held(k, now=now + 2) == 5
    # Another read of 6 does not fit beside the 5 still held; no stamp says when it will...
    assert w.admit(k, "read-2", 6, now=now + 2, window=10, limit=10, ahead=0, ttl=30) == HOLDS_FULL
    w.release(k, "read-1")
    # ...and fits once the first read ended: its 5 unused calls were never stamped.
    assert w.admit(k, "read-2", 6, now=now + 2, window=10, limit=10, ahead=0, ttl=30) == 0.0
    # Stamps leave the window after it: at now + 10.5 only the calls of now + 1 and + 2 remain.
    assert w.count(k, at=now + 10.5, window=10) == 2
    w.clear(k)


@pytest.mark.parametrize("make", _windows())
def test_a_read_is_admitted_on_the_calls_that_free_within_the_lookahead_and_told_exactly_when_otherwise(make):
    w, k, now = make(), f"k-{uuid.uuid4().hex[:6]}", 1_000_000.0
    assert w.take(k, now=now, window=10, limit=100, cost=70) == 0.0
    assert w.take(k, now=now + 9, window=10, limit=100, cost=30) == 0.0
    t = now + 9.1
    # Looking 1 s ahead, the 70 have left: a read of 60 starts now (its calls wait for the slots).
    assert w.admit(k, "a", 60, now=t, window=10, limit=100, ahead=1.0, ttl=30) == 0.0
    # A read of 20 more does not fit beside the 60 held and the 30 staying: the 30 leave at +19.
    wait = w.admit(k, "b", 20, now=t, window=10, limit=100, ahead=1.0, ttl=30)
    assert wait == pytest.approx(now + 19 - 1.0 - t, abs=0.002)
    # A plain call is told the exact moment its slot frees (the 70 leave at +10).
    assert w.take(k, now=t, window=10, limit=100) == pytest.approx(now + 10 - t, abs=0.002)
    w.clear(k)


@pytest.mark.parametrize("make", _windows())
def test_an_abandoned_hold_expires(make):
    w, k, now = make(), f"k-{uuid.uuid4().hex[:6]}", 1_000_000.0
    assert w.admit(k, "dead", 10, now=now, window=10, limit=10, ahead=0, ttl=30) == 0.0
    assert w.admit(k, "next", 10, now=now + 1, window=10, limit=10, ahead=0, ttl=30) == HOLDS_FULL
    assert w.admit(k, "next", 10, now=now + 31, window=10, limit=10, ahead=0, ttl=30) == 0.0
    w.clear(k)


def test_a_started_read_is_never_handed_back_half_way_even_when_others_spend_the_window():
    clock = Clock()
    session = _session({"default": Lane(10, 10), "search": Lane(5, 1)}, clock)
    other = _session({"default": Lane(10, 10), "search": Lane(5, 1)}, clock)
    other.limiter = session.limiter  # another worker of the same installation
    other.limit_key = session.limit_key
    made = 0
    with session.prepaid(6) as reservation:
        for _ in range(3):
            session.call(lambda **_kw: {"ok": True})
            made += 1
        for _ in range(7):  # a writer outside any read spends the rest of the window
            other.call(lambda **_kw: {"ok": True})
        with pytest.raises(CrmRateLimited):
            other.call(lambda **_kw: {"ok": True})  # outside a read: refused at once (max_sleep 0)
        before = clock.now
        for _ in range(5):  # 3 held + 2 past the estimate: each waits for its slot, none raises
            session.call(lambda **_kw: {"ok": True})
            made += 1
    assert made == 8 and reservation.used == 8
    assert clock.now - before == pytest.approx(10.0, abs=0.01)  # waited for the first calls to leave
    assert session.limiter.headroom(session.limit_key)["held"] == 0  # released at the end


def test_reads_are_refused_before_their_first_call_not_during_it():
    clock = Clock()
    session = _session({"default": Lane(10, 10), "search": Lane(5, 1)}, clock)
    for _ in range(10):
        session.call(lambda **_kw: {"ok": True})
    calls = []
    with pytest.raises(CrmRateLimited) as info:
        with session.prepaid(5):
            calls.append(session.call(lambda **_kw: {"ok": True}))
    assert calls == [] and info.value.retry_after == pytest.approx(10.0 - session.limiter.hold_ahead, abs=0.01)


def test_the_crms_count_of_our_own_calls_that_just_left_our_window_adds_no_hits():
    clock = Clock()
    lim = RateLimiter("memory://", lanes={"default": Lane(100, 10)}, max_sleep=0.0, clock=clock, sleep=clock.sleep)
    k = "hubspot:1"
    for _ in range(50):
        lim.acquire(k)
    clock.now += 9.99
    lim.acquire(k)
    sent_at = clock.now
    clock.now += 0.02  # the response comes back after the 50 left our window; the CRM counted them
    lim.observe(k, {"X-HubSpot-RateLimit-Max": "110", "X-HubSpot-RateLimit-Remaining": str(110 - 51),
                    "X-HubSpot-RateLimit-Interval-Milliseconds": "10000"}, sent_at=sent_at)
    assert lim.headroom(k)["remaining"] == 99  # only our one call of now is in the window
    # Calls the CRM saw that we did not make are still added.
    lim.observe(k, {"X-HubSpot-RateLimit-Max": "110", "X-HubSpot-RateLimit-Remaining": "50",
                    "X-HubSpot-RateLimit-Interval-Milliseconds": "10000"}, sent_at=clock.now)
    assert lim.headroom(k)["remaining"] == 40


# -- a backfill's steady state against the window ---------------------------------------------

def simulate_backfill(window: Window, *, holds: bool, readers: int = 2, seconds: float = 160.0,
                      limit: int = 100, length: float = 10.0, estimate: int = 40, reads: int = 26,
                      writes: int = 3, latency: float = 0.05, process: float = 2.5, ahead: float = 3.0,
                      patience: float = 1.0) -> dict[str, float]:
    """Readers loop: start a read (a hold of `estimate`, or the old way: `estimate` stamped up
    front, the unused refunded at the end), make `reads` calls `latency` apart, process for
    `process` s, write `writes` calls. A read refused for longer than `patience` is handed back
    and tried again when told. Returns the share of the budget used after the first window and
    how many started reads met a refusal mid-way. Discrete events, no sleeping."""
    k, t0 = "sim", 1_000_000.0
    events: list[tuple[float, int, str, int]] = [(t0, n, "start", 0) for n in range(readers)]
    made: list[float] = []
    refused_mid_read = 0
    hid = {n: f"hold-{n}" for n in range(readers)}
    while events:
        now, n, what, done = heapq.heappop(events)
        if now > t0 + seconds:
            break
        if what == "start":
            if holds:
                wait = window.admit(k, hid[n], estimate, now=now, window=length, limit=limit, ahead=ahead, ttl=30)
            else:
                wait = window.take(k, now=now, window=length, limit=limit, cost=estimate)
                made.extend([now] * (reads if wait <= 0 else 0))
            if wait == HOLDS_FULL:
                wait = HOLDS_POLL_SECONDS  # other reads hold the lane: look again shortly
            if wait > 0:
                heapq.heappush(events, (now + wait, n, "start", 0))  # slept or handed back: the same moment
                continue
            heapq.heappush(events, (now, n, "read", 0))
        elif what == "read":
            if done == reads:
                if holds:
                    window.release(k, hid[n])
                else:
                    window.unstamp(k, estimate - reads)
                heapq.heappush(events, (now + process, n, "write", 0))
                continue
            if holds:
                wait = window.take(k, now=now, window=length, limit=limit, hold=hid[n], hold_ttl=30)
                if wait > length:
                    refused_mid_read += 1
                if wait > 0:
                    heapq.heappush(events, (now + wait, n, "read", done))
                    continue
                made.append(now)
            heapq.heappush(events, (now + latency, n, "read", done + 1))
        elif what == "write":
            if done == writes:
                heapq.heappush(events, (now, n, "start", 0))
                continue
            wait = window.take(k, now=now, window=length, limit=limit)
            if wait > 0:
                heapq.heappush(events, (now + wait, n, "write", done))
                continue
            made.append(now)
            heapq.heappush(events, (now + latency, n, "write", done + 1))
    measured = [t for t in made if t0 + length <= t < t0 + seconds]
    return {"busy": len(measured) / (limit / length * (seconds - length)), "refused_mid_read": refused_mid_read}


def test_in_a_backlog_the_budget_is_busy_with_holds_and_was_not_with_up_front_reservations():
    held = simulate_backfill(MemoryWindow(), holds=True)
    stamped = simulate_backfill(MemoryWindow(), holds=False)
    assert held["refused_mid_read"] == 0
    assert held["busy"] >= 0.88, held  # the bar for the budget's busy share
    assert stamped["busy"] < held["busy"] - 0.05, (stamped, held)


def test_a_read_holds_what_this_portals_reads_usually_cost_not_the_cold_first_one():
    from collections import deque
    from types import SimpleNamespace

    from integrations.hubspot import fetch

    fixed = fetch.fixed_calls(100)
    ctx = SimpleNamespace(read_costs=deque([(100, 37), (100, 26), (100, 27)], maxlen=fetch.READ_COST_MEMORY))
    # The first read filled the caches (37 calls); the next ones made 26-27: hold ~27, not 38.
    assert fetch.read_budget(ctx, 100) == fixed + (27 - fixed) + fetch.READ_SLACK  # type: ignore[arg-type]
    assert fetch.read_budget(SimpleNamespace(read_costs=deque()), 100) == (  # type: ignore[arg-type]
        fixed + fetch.FIRST_READ_VARIABLE + fetch.READ_SLACK)


def test_a_read_kept_out_by_other_reads_holds_polls_then_comes_back_after_the_look_ahead():
    clock = Clock()
    lim = RateLimiter("memory://", lanes={"default": Lane(10, 10)}, max_sleep=1.0, clock=clock, sleep=clock.sleep)
    lim.reserve("k", 8)
    with pytest.raises(CrmRateLimited) as info:
        lim.reserve("k", 5)
    assert clock.now - 1_000_000.0 == pytest.approx(1.0)  # polled within its sleep budget
    assert info.value.retry_after == lim.hold_ahead  # not "0.25 s": a hand-back costs a claim
