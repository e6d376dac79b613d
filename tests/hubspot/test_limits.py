"""The shared rate limiter: one budget per installation, paced by the CRM's headers.

In memory for the unit tests; the Redis case runs when REDIS_URL (or the local test Redis)
answers, and proves two limiter objects (two processes) draw from one budget.
"""

from __future__ import annotations

import uuid

import pytest

from integrations.errors import CrmRateLimited
from integrations.limits import Lane, RateLimiter, patience
from tests.hubspot.reachable_redis import reachable_redis_url

LANES = {"default": Lane(5, 2), "search": Lane(2, 1)}


def limiter(**kw) -> RateLimiter:
    slept: list[float] = []
    lim = RateLimiter("memory://", lanes=LANES, sleep=slept.append, **kw)
    lim.slept = slept  # type: ignore[attr-defined]
    return lim


def key() -> str:
    return f"hubspot:{uuid.uuid4().hex[:8]}"


def test_the_budget_is_spent_then_acquire_raises_with_the_wait_instead_of_sleeping_long():
    lim, k = limiter(max_sleep=0.1), key()
    for _ in range(5):
        assert lim.acquire(k) == 0.0
    with pytest.raises(CrmRateLimited) as info:
        lim.acquire(k)
    assert 1.0 < info.value.retry_after <= 2.0 and info.value.should_retry
    assert lim.slept == []


def test_a_short_wait_is_slept():
    lim, k = RateLimiter("memory://", lanes={"default": Lane(2, 1)}, max_sleep=1.5), key()
    lim.acquire(k)
    lim.acquire(k)
    assert 0.0 < lim.acquire(k) <= 1.5  # the oldest hit left the 1 s window while we slept


def test_inside_a_patience_block_a_full_window_is_waited_out_and_outside_it_raises_again():
    lim, k = RateLimiter("memory://", lanes={"default": Lane(2, 1)}, max_sleep=0.0), key()
    lim.acquire(k)
    lim.acquire(k)
    with patience(3.0):
        assert 0.0 < lim.acquire(k) <= 1.0  # a bulk read (training history) paces instead of failing
        assert lim.sleep_budget() == 3.0
    assert lim.sleep_budget() == 0.0
    with pytest.raises(CrmRateLimited):
        for _ in range(3):
            lim.acquire(k)


def test_installations_have_separate_budgets_and_search_has_its_own_lane():
    lim, a, b = limiter(max_sleep=0.0), key(), key()
    for _ in range(5):
        lim.acquire(a)
    lim.acquire(b)  # another installation is untouched
    lim.acquire(a, "search")
    lim.acquire(a, "search")
    with pytest.raises(CrmRateLimited):
        lim.acquire(a, "search")


def test_headers_saying_fewer_remain_spend_the_difference():
    lim, k = limiter(max_sleep=0.0), key()
    lim.acquire(k)
    # HubSpot says 2 of 110 remain: another app or process spent them. Our lane is 100 of 110
    # (the margin), so nothing is left for us until the window rolls.
    lim.observe(k, {"X-HubSpot-RateLimit-Max": "110", "X-HubSpot-RateLimit-Remaining": "2"})
    with pytest.raises(CrmRateLimited):
        lim.acquire(k)


def test_the_lane_follows_the_crms_announced_maximum_less_the_margin():
    lim, k = limiter(max_sleep=0.0), key()  # 5 per window until the CRM says otherwise
    lim.acquire(k)
    lim.observe(k, {"X-HubSpot-RateLimit-Max": "110", "X-HubSpot-RateLimit-Remaining": "109"})
    for _ in range(99):
        lim.acquire(k)
    with pytest.raises(CrmRateLimited):
        lim.acquire(k)


def test_a_429_blocks_the_installation_for_the_window():
    lim, k = limiter(max_sleep=0.0), key()
    assert lim.penalise(k, 3.0) == 3.0
    assert 2.5 < lim.blocked_for(k) <= 3.0
    with pytest.raises(CrmRateLimited) as info:
        lim.acquire(k)
    assert info.value.retry_after > 2.5
    lim.acquire(k, "search")  # a 10-secondly 429 does not stop the search lane


def test_a_spent_daily_quota_blocks_until_midnight_utc():
    lim, k = limiter(max_sleep=0.0, clock=lambda: 1_700_000_000.0), key()  # 22:13:20 UTC
    lim.observe(k, {"X-HubSpot-RateLimit-Daily-Remaining": "0"})
    with pytest.raises(CrmRateLimited) as info:
        lim.acquire(k)
    assert info.value.retry_after is not None


def _two_processes_on_redis() -> tuple[RateLimiter, RateLimiter]:
    """Two limiters as two worker processes would hold them: one Redis, one key prefix."""
    url = reachable_redis_url()
    assert url is not None
    prefix = f"test-limits-{uuid.uuid4().hex[:6]}"
    return (RateLimiter(url, lanes=LANES, max_sleep=0.0, prefix=prefix),
            RateLimiter(url, lanes=LANES, max_sleep=0.0, prefix=prefix))


@pytest.mark.skipif(reachable_redis_url() is None, reason="no Redis reachable")
def test_two_processes_share_one_budget_through_redis():
    one, two = _two_processes_on_redis()
    k = key()
    for n in range(5):
        (one if n % 2 else two).acquire(k)
    with pytest.raises(CrmRateLimited):
        one.acquire(k)
    with pytest.raises(CrmRateLimited):
        two.acquire(k)
    one.penalise(key_b := key(), 2.0)
    assert two.blocked_for(key_b) > 1.0
    one.reset(k)


def test_a_reservation_takes_its_whole_cost_or_nothing():
    lim, k = limiter(max_sleep=0.0), key()  # 5 per 2 s
    lim.acquire(k, cost=3)
    with pytest.raises(CrmRateLimited) as info:
        lim.acquire(k, cost=3)  # 2 left: a reader of 3 calls must not start
    assert info.value.code == "LOCAL_BUDGET" and info.value.retry_after > 1.0
    assert lim.headroom(k)["remaining"] == 2  # the refused reservation took nothing
    lim.acquire(k, cost=2)
    assert lim.headroom(k)["remaining"] == 0


def test_the_wait_for_a_reservation_covers_the_calls_it_lacks_not_only_the_oldest_hit():
    lim, k = RateLimiter("memory://", lanes={"default": Lane(100, 10)}, max_sleep=0.0), key()
    lim.acquire(k, cost=90)
    with pytest.raises(CrmRateLimited) as one:
        lim.acquire(k, cost=11)
    assert 9.0 < one.value.retry_after <= 10.0  # the 90 calls all leave at once, in ~10 s


def test_a_reservation_above_the_lane_takes_the_whole_lane():
    lim, k = limiter(max_sleep=0.0), key()
    lim.acquire(k, cost=50)
    assert lim.headroom(k)["remaining"] == 0


def test_unused_reserved_calls_are_refunded_to_the_installation():
    lim, k = limiter(max_sleep=0.0), key()
    lim.acquire(k, cost=5)
    lim.refund(k, 3)
    assert lim.headroom(k)["remaining"] == 3
    lim.acquire(k, cost=3)
    with pytest.raises(CrmRateLimited):
        lim.acquire(k)


@pytest.mark.skipif(reachable_redis_url() is None, reason="no Redis reachable")
def test_a_reservation_and_its_refund_are_shared_through_redis():
    one, two = _two_processes_on_redis()
    k = key()
    one.acquire(k, cost=4)
    with pytest.raises(CrmRateLimited):
        two.acquire(k, cost=2)  # another process cannot start a read of 2 with 1 left
    assert two.headroom(k)["remaining"] == 1
    one.refund(k, 3)
    two.acquire(k, cost=4)
    assert one.headroom(k)["remaining"] == 0
    one.reset(k)


class _Clock:
    """time.time for the limiter and the `limits` storages (both read the module's clock)."""

    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def _storages() -> list[str]:
    return ["memory://", *([url] if (url := reachable_redis_url()) else [])]


# Ids by scheme, not URL: each pytest-xdist worker has its own Redis database, and workers must collect the same ids.
@pytest.mark.parametrize("uri", _storages(), ids=lambda uri: uri.split(":")[0])
def test_a_refused_reservation_is_told_to_wait_exactly_until_the_window_has_room_for_it(monkeypatch, uri):
    # Two reads 9 s apart fill the window: 70 calls at t, 30 at t + 9. A read of 80 fits when
    # the 70 leave (t + 10); a read of 50 too. The pace estimate (missing x 10 s / 100) said 8 s
    # and 5 s: the first woke 7.1 s early (and was refused again), the second 4.1 s late (the
    # budget idle meanwhile). Both are now told the moment the window has room.
    import time as time_module

    clock = _Clock(1_000_000.0)
    monkeypatch.setattr(time_module, "time", clock)
    lim = RateLimiter(uri, lanes={"default": Lane(100, 10)}, max_sleep=0.0,
                      prefix=f"test-limits-{uuid.uuid4().hex[:6]}")
    k = key()
    lim.acquire(k, cost=70)
    clock.now += 9.0
    lim.acquire(k, cost=30)
    clock.now += 0.1
    told = {}
    for cost in (50, 80, 30):
        with pytest.raises(CrmRateLimited) as info:
            lim.acquire(k, cost=cost)
        told[cost] = info.value.retry_after
    assert told[50] == pytest.approx(0.9, abs=0.002)  # the 70 of t leave at t + 10
    assert told[30] == pytest.approx(0.9, abs=0.002)
    assert told[80] == pytest.approx(9.9, abs=0.002)  # 80 need 10 of the 30 of t + 9 gone too
    clock.now += told[50] - 0.01
    with pytest.raises(CrmRateLimited):
        lim.acquire(k, cost=50)  # not a moment early...
    clock.now += 0.02
    lim.acquire(k, cost=50)  # ...and the first try after the told wait gets it
    lim.reset(k)


@pytest.mark.skipif(reachable_redis_url() is None, reason="no Redis reachable")
def test_a_started_reads_hold_is_seen_by_every_process_and_its_calls_are_stamped_as_made():
    one, two = _two_processes_on_redis()  # 5 calls per 2 s
    one.hold_ahead = two.hold_ahead = 0.0
    k = key()
    hold = one.reserve(k, 4)
    assert two.headroom(k)["held"] == 4 and two.headroom(k)["remaining"] == 5  # held, not stamped
    with pytest.raises(CrmRateLimited):
        two.reserve(k, 2)  # another worker's read of 2 does not fit beside the 4 held
    one.acquire(k, hold=hold)
    assert two.headroom(k)["held"] == 3
    assert two.headroom(k)["remaining"] == 4
    one.release(k, hold)
    two.reserve(k, 4)  # the 3 calls the first read did not make were never spent
    one.reset(k)
