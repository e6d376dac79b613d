"""Unit tests of the modified-since search: paging, 5/s pacing, and windowing under the 10k cap."""

import time
from datetime import UTC, datetime
from types import SimpleNamespace

from integrations.hubspot import constants, reads
from integrations.hubspot.session import ApiSession
from integrations.limits import Lane, RateLimiter


class FakeApis:
    def __init__(self, search):
        self.search = SimpleNamespace(do_search=search)

    def set_access_token(self, token):
        pass


def make_search(records, cap):
    """A search endpoint over (id, modified_ms) rows: GTE filter, ascending sort, HubSpot's cap."""
    calls = []

    def do_search(object_type, req, **kw):
        start = int(req.filter_groups[0].filters[0].value)
        hits = sorted((r for r in records if r[1] >= start), key=lambda r: (r[1], int(r[0])))
        after = int(req.after or 0)
        assert after + req.limit <= cap, "HubSpot refuses to page past its result cap"
        calls.append((start, after))
        page = hits[after:after + req.limit]
        results = [SimpleNamespace(to_dict=lambda r=r: {"id": r[0], "properties": {"hs_lastmodifieddate": str(r[1])}})
                   for r in page]
        more = after + req.limit < len(hits)
        paging = SimpleNamespace(next=SimpleNamespace(after=str(after + req.limit))) if more else None
        return SimpleNamespace(results=results, paging=paging)

    return do_search, calls


def test_windowing_finds_every_record_past_the_cap(monkeypatch):
    monkeypatch.setattr(constants, "SEARCH_PAGE_SIZE", 10)
    monkeypatch.setattr(constants, "SEARCH_RESULT_CAP", 50)
    records = [(str(i), 1_700_000_000_000 + i * 1000) for i in range(1, 181)]
    search, calls = make_search(records, cap=50)
    limiter = RateLimiter("memory://", lanes={"default": Lane(1000, 10), "search": Lane(5, 1)}, max_sleep=2.0)
    s = ApiSession(FakeApis(search), SimpleNamespace(access_token="t", refresh_token=None, expires_at=None,
                                                     refresh_margin=lambda d: d, expires_within=lambda *a: False),
                   limiter=limiter, limit_key="hubspot:search-test")
    started = time.monotonic()
    found = reads.modified_since(s, "deals", datetime.fromtimestamp(1_700_000_000, tz=UTC))
    elapsed = time.monotonic() - started
    assert [rid for rid, _ in found] == [r[0] for r in records]
    assert len({start for start, _ in calls}) > 1  # it opened new windows
    # Paced by the shared limiter's search lane at 5/s (the first five go at once).
    assert elapsed >= (len(calls) - 5) / 5 * 0.9
