"""integrations.org_cache: the org set-up the Salesforce connector reads once per org and TTL (Lead Status values,
currencies), one cache shape for both."""

from __future__ import annotations

from integrations.org_cache import OrgCache


def test_an_org_is_read_once_within_the_ttl_and_again_after_it() -> None:
    now = [0.0]
    cache: OrgCache[int] = OrgCache(600.0, clock=lambda: now[0])
    reads: list[str] = []

    def load(org: str) -> int:
        reads.append(org)
        return len(reads)

    assert cache.get("00D1", lambda: load("00D1")) == 1
    now[0] = 599.0
    assert cache.get("00D1", lambda: load("00D1")) == 1 and reads == ["00D1"]
    assert cache.get("00D2", lambda: load("00D2")) == 2  # another org is its own entry
    now[0] = 600.0
    assert cache.get("00D1", lambda: load("00D1")) == 3 and reads == ["00D1", "00D2", "00D1"]


def test_forgetting_one_org_keeps_the_others_and_forgetting_all_clears_them() -> None:
    cache: OrgCache[str] = OrgCache(600.0, clock=lambda: 0.0)
    cache.get("a", lambda: "a1")
    cache.get("b", lambda: "b1")
    cache.forget("a")
    assert cache.get("a", lambda: "a2") == "a2" and cache.get("b", lambda: "b2") == "b1"
    cache.forget()
    assert cache.get("b", lambda: "b3") == "b3"


def test_a_failed_read_is_not_cached() -> None:
    cache: OrgCache[str] = OrgCache(600.0, clock=lambda: 0.0)

    def broken() -> str:
        raise ConnectionError("the org did not answer")

    try:
        cache.get("a", broken)
    except ConnectionError:
        pass
    assert cache.get("a", lambda: "read") == "read"
