"""Two workers (two MetadataCache objects) share a portal's metadata through Redis."""

from __future__ import annotations

import uuid

import pytest

from integrations.base import ClosedWonDeal, Owner, Pipeline, Stage
from integrations.hubspot import metadata
from integrations.hubspot.metadata import MetadataCache, SharedMetadata
from tests.conftest import need, redis_url

pytestmark = pytest.mark.redis

PIPELINES = [Pipeline(id="default", label="Sales", stages=(Stage("appointmentscheduled", "Appointment", "open", 0.2, 0),
                                                           Stage("closedwon", "Won", "won", 1.0, 5)))]
OWNERS = {"7": Owner(id="7", name="Ada Brandt", email="ada@brightlane.io", timezone="Europe/Berlin")}


@pytest.fixture
def portal(monkeypatch):
    need("redis")
    calls = {"pipelines": 0, "owners": 0}

    def list_pipelines(session, object_type):
        calls["pipelines"] += 1
        return list(PIPELINES)

    def fetch_owners(session):
        calls["owners"] += 1
        return dict(OWNERS)

    monkeypatch.setattr(metadata.schema, "list_pipelines", list_pipelines)
    monkeypatch.setattr(metadata, "fetch_owners", fetch_owners)
    return f"hubspot:{uuid.uuid4().hex[:8]}", calls


def test_what_one_worker_fetched_the_other_reads_from_redis_without_calling_hubspot(portal):
    key, calls = portal
    first, second = (MetadataCache(shared=SharedMetadata(redis_url())) for _ in range(2))
    assert first.pipelines(None, key) == PIPELINES
    assert first.owners(None, key) == OWNERS
    first.remember_company_histories(key, {"301": (("9001", ClosedWonDeal(date="2026-03-01", amount=42_000.0)),)})
    assert second.pipelines(None, key) == PIPELINES
    assert second.owners(None, key) == OWNERS
    assert second.company_histories(key, ["301", "302"]) == {
        "301": (("9001", ClosedWonDeal(date="2026-03-01", amount=42_000.0)),)}
    assert calls == {"pipelines": 1, "owners": 1}


def test_a_stale_shared_entry_is_fetched_again_and_forget_clears_every_worker(portal):
    key, calls = portal
    now = [1_000.0]
    first = MetadataCache(ttl=60, clock=lambda: now[0], shared=SharedMetadata(redis_url()))
    first.pipelines(None, key)
    now[0] += 61
    second = MetadataCache(ttl=60, clock=lambda: now[0], shared=SharedMetadata(redis_url()))
    second.pipelines(None, key)
    assert calls["pipelines"] == 2
    second.forget(key)
    third = MetadataCache(ttl=60, clock=lambda: now[0], shared=SharedMetadata(redis_url()))
    third.pipelines(None, key)
    assert calls["pipelines"] == 3


def test_an_unreachable_redis_falls_back_to_hubspot(portal):
    key, calls = portal
    cache = MetadataCache(shared=SharedMetadata("redis://127.0.0.1:1/0"))
    assert cache.pipelines(None, key) == PIPELINES
    assert cache.company_histories(key, ["301"]) == {}
    assert calls["pipelines"] == 1


def test_engagement_rows_are_shared_between_workers_and_a_full_hash_is_emptied_not_grown(portal):
    key, _calls = portal
    prefix = f"test-{uuid.uuid4().hex[:8]}"
    first, second = (MetadataCache(shared=SharedMetadata(redis_url(), prefix=prefix)) for _ in range(2))
    first.remember_engagement_rows(key, {("notes", "1"): {"hs_note_body": "a"}, ("emails", "2"): {"x": "y"}}, cap=3)
    assert second.engagement_rows(key, [("notes", "1"), ("emails", "2"), ("calls", "3")]) == {
        ("notes", "1"): {"hs_note_body": "a"}, ("emails", "2"): {"x": "y"}}
    second.remember_engagement_rows(key, {("calls", "3"): {}, ("calls", "4"): {}}, cap=3)
    assert first.engagement_rows(key, [("notes", "1"), ("calls", "3"), ("calls", "4")]) == {
        ("calls", "3"): {}, ("calls", "4"): {}}
    first.forget(key)
    assert second.engagement_rows(key, [("calls", "3")]) == {}
