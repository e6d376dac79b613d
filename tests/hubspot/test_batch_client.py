"""The batch-first HubSpot client against the sandbox, over real HTTP through the real SDK.

Requests are counted by the sandbox (`/_sandbox/counters`), not by the client under test.
Adversarial cases: a create whose response is lost (then retried) leaves exactly one task and
one note; a 429 storm loses no write; one bad item of a batch fails alone.
"""

from __future__ import annotations

import time
import uuid

import pytest

from integrations.base import SALUTATIONS_KEY, FieldUpdate, NoteWrite, TaskSpec, TaskWrite, WriteSet
from integrations.errors import CrmAuthExpired, CrmRateLimited, CrmUnavailable
from integrations.hubspot import HubSpotClient
from integrations.hubspot.apply import key_in
from integrations.hubspot.metadata import MetadataCache
from integrations.hubspot.oauth import OAuthClient, TokenSet
from integrations.limits import Lane, RateLimiter
from integrations.sandbox import run_in_thread

pytestmark = pytest.mark.timeout(120)

MARKET = {"n_companies": 40, "n_owners": 5, "n_open_deals": 150, "n_closed_deals": 120}


@pytest.fixture(scope="module")
def sandbox():
    handle = run_in_thread(seed=5, webhook_url="http://127.0.0.1:9/none", webhooks_enabled=False, **MARKET)
    yield handle
    handle.stop()


@pytest.fixture(autouse=True)
def clean(sandbox):
    sandbox.configure(rate_limit=10_000, rate_window_ms=10_000, access_token_ttl=1800)
    sandbox.control("POST", "faults/profile", faults=[])
    sandbox.faults(rate_limit_burst=0, fail_next=0, error_5xx_rate=0.0)
    sandbox.reset_limits()
    yield


def make_client(sandbox, **kwargs) -> HubSpotClient:
    tok = sandbox.token()
    tokens = TokenSet(tok["access_token"], tok["refresh_token"], expires_at=time.time() + tok["expires_in"],
                      hub_id=str(tok["hub_id"]))
    oauth = OAuthClient(sandbox.client_id, sandbox.client_secret, base_url=sandbox.url)
    kwargs.setdefault("limiter", RateLimiter("memory://", lanes={"default": Lane(10_000, 10), "search": Lane(5, 1)}))
    kwargs.setdefault("metadata", MetadataCache())
    return HubSpotClient.connect(tokens, tenant_id="t-batch", base_url=sandbox.url, oauth=oauth, **kwargs)


def open_deal_ids(sandbox, n: int) -> list[str]:
    truth = sandbox.control("GET", "truth/deals?open=true")["deals"]
    return sorted(truth, key=int)[:n]


def requests_since_mark(sandbox) -> int:
    return int(sandbox.control("GET", "counters")["app_requests_since_mark"])


def mark(sandbox) -> None:
    sandbox.control("POST", "counters/mark")


def writes_for(records, key_prefix: str) -> WriteSet:
    return WriteSet(
        fields=tuple(FieldUpdate("deal", r.id, {"ai_summary": f"summary {key_prefix} {r.id}"}) for r in records),
        tasks=tuple(TaskWrite(r, TaskSpec(subject=f"Call {r.name}", body=f"why {key_prefix}"), f"{key_prefix}-{r.id}",
                              existing=r.app_task) for r in records),
        notes=tuple(NoteWrite(r, f"note {key_prefix} {r.id}", f"{key_prefix}-{r.id}") for r in records),
    )


def test_a_hundred_deals_are_read_in_a_fixed_number_of_calls_and_match_the_single_reads(sandbox):
    client = make_client(sandbox)
    client.ensure_output_fields()
    ids = open_deal_ids(sandbox, 100)
    mark(sandbox)
    records = client.get_records("deal", ids)
    calls = requests_since_mark(sandbox)
    assert sorted(records) == sorted(ids)
    # deals 1 + associations 7 + companies 1 + contacts ≤ 3 + engagements ≤ 5 x pages + history 2
    # + metadata 3: a fixed budget, whatever the number of deals (vs ~13 per deal one by one).
    assert calls <= 40, calls
    for rid in ids[:5]:
        single = client.get_record("deal", rid)
        assert single.to_dict() == records[rid].to_dict()
    assert any(r.company is not None for r in records.values())
    assert any(r.contacts for r in records.values())
    assert any(r.activities for r in records.values())
    assert any(r.history.closed_won_deals for r in records.values())
    assert all(r.owner is None or r.owner.name for r in records.values())


def test_one_deal_with_warm_metadata_costs_a_handful_of_reads(sandbox):
    client = make_client(sandbox)
    ids = open_deal_ids(sandbox, 3)
    client.get_records("deal", ids[:2])  # warms pipelines, owners, company history
    mark(sandbox)
    client.get_record("deal", ids[2])
    assert requests_since_mark(sandbox) <= 9


def test_missing_ids_are_left_out(sandbox):
    client = make_client(sandbox)
    ids = open_deal_ids(sandbox, 2)
    got = client.get_records("deal", [*ids, "999999999"])
    assert sorted(got) == sorted(ids)


def test_apply_writes_fields_tasks_and_notes_in_four_calls_and_the_task_is_found_on_the_next_read(sandbox):
    client = make_client(sandbox)
    client.ensure_output_fields()
    ids = open_deal_ids(sandbox, 30)[20:30]
    records = client.get_records("deal", ids)
    key = uuid.uuid4().hex[:8]
    mark(sandbox)
    results = client.apply(writes_for(records.values(), key))
    assert requests_since_mark(sandbox) <= 3  # fields, task create, note create (no task existed)
    assert all(r.ok for r in results), [r for r in results if not r.ok]
    assert sorted(r.status for r in results if r.kind == "task") == ["created"] * 10
    again = client.get_records("deal", ids)
    for rid in ids:
        assert again[rid].app_task is not None
        assert key_in(again[rid].app_task.body, "[agentic-sales]") == f"{key}-{rid}"
    # The next enrichment updates the same task in place and completes it at the outcome.
    results = client.apply(writes_for(again.values(), key + "b"))
    assert sorted(r.status for r in results if r.kind == "task") == ["updated"] * 10
    done = client.apply(WriteSet(tasks=tuple(TaskWrite(r, TaskSpec("x", "y"), "k", existing=r.app_task, complete=True)
                                             for r in again.values())))
    assert [r.status for r in done] == ["completed"] * 10
    assert all(r.app_task is None for r in client.get_records("deal", ids).values())
    counters = sandbox.control("GET", "counters")
    assert counters["duplicate_tasks"] == 0 and counters["duplicate_notes"] == 0


def test_a_lost_create_response_then_a_retry_leaves_exactly_one_task_and_one_note(sandbox):
    client = make_client(sandbox)
    ids = open_deal_ids(sandbox, 50)[40:45]
    records = client.get_records("deal", ids)
    key = uuid.uuid4().hex[:8]
    # Every write is committed, then answered 502: the client cannot know it landed.
    sandbox.faults(ambiguous_write_rate=1.0)
    first = client.apply(writes_for(records.values(), key))
    sandbox.faults(ambiguous_write_rate=0.0)
    creates = [r for r in first if r.kind in ("task", "note")]
    # The look-up found every create: no second POST, and each reports the object it made.
    assert all(r.status == "created" and r.id for r in creates), creates
    # The pipeline's job retry re-sends the same write set: still one of each.
    fresh = client.get_records("deal", ids)
    client.apply(writes_for(fresh.values(), key))
    counters = sandbox.control("GET", "counters")
    assert counters["duplicate_tasks"] == 0 and counters["duplicate_notes"] == 0
    assert client.stats.ambiguous_lookups >= 1


def test_a_create_whose_outcome_stays_unknown_is_looked_up_before_the_next_attempt(sandbox, monkeypatch):
    client = make_client(sandbox)
    ids = open_deal_ids(sandbox, 60)[55:57]
    records = client.get_records("deal", ids)
    key = uuid.uuid4().hex[:8]
    notes = WriteSet(notes=tuple(NoteWrite(r, "n", f"{key}-{r.id}") for r in records.values()))
    real_lookup = client._applier._lookup
    calls = []

    def lookup_down_once(otype, items):
        calls.append(len(items))
        if len(calls) == 1:
            raise CrmUnavailable("connection reset", crm="hubspot")
        return real_lookup(otype, items)

    monkeypatch.setattr(client._applier, "_lookup", lookup_down_once)
    sandbox.faults(ambiguous_write_rate=1.0)  # committed, answered 502 ...
    failed = client.apply(notes)               # ... and the look-up itself fails: unknown
    sandbox.faults(ambiguous_write_rate=0.0)
    assert all(not r.ok and r.should_retry for r in failed)
    again = client.apply(notes)                # the job retry: looks first, finds, creates nothing
    assert [r.status for r in again] == ["created", "created"] and len(calls) == 2
    assert sandbox.control("GET", "counters")["duplicate_notes"] == 0
    notes_now = sandbox.control("GET", "store/notes")["results"]
    assert sum(1 for n in notes_now if key in (n["properties"].get("hs_note_body") or "")) == 2


def test_a_429_storm_loses_no_write(sandbox):
    # A short window so that HubSpot's interval header (the wait) is under the limiter's sleep.
    sandbox.configure(rate_window_ms=300)
    client = make_client(sandbox)
    client.ensure_output_fields()  # the portal may be this test's alone (run by itself)
    ids = open_deal_ids(sandbox, 70)[60:70]
    records = client.get_records("deal", ids)
    key = uuid.uuid4().hex[:8]
    # 2 of every 5 requests answered 429, starting with the apply's first (the every-5th count runs over
    # the whole sandbox's requests, so without a burst to start with the phase decides whether the apply's
    # few calls meet one).
    sandbox.faults(burst_every=5, burst_length=2, rate_limit_burst=2)
    results = client.apply(writes_for(records.values(), key))
    sandbox.faults(burst_every=0, rate_limit_burst=0)
    assert all(r.ok for r in results), [r for r in results if not r.ok]
    assert client.stats.rate_limited_retries >= 1
    props = client.read_properties("deal", ids, ["ai_summary"])
    assert all(props[i]["ai_summary"] == f"summary {key} {i}" for i in ids)
    counters = sandbox.control("GET", "counters")
    assert counters["duplicate_tasks"] == 0 and counters["duplicate_notes"] == 0


def test_a_long_429_raises_rate_limited_with_the_wait_instead_of_sleeping(sandbox):
    sandbox.configure(rate_window_ms=10_000)
    slept = []
    client = make_client(sandbox, sleep=slept.append)
    sandbox.faults(rate_limit_burst=1)
    with pytest.raises(CrmRateLimited) as info:
        client.get_records("deal", open_deal_ids(sandbox, 1))
    assert info.value.retry_after == pytest.approx(10.0, abs=0.5)
    assert sum(slept) < 1.0  # the worker was not held; the pipeline re-queues with retry_after


def test_one_bad_item_of_a_batch_fails_alone(sandbox):
    client = make_client(sandbox)
    client.ensure_output_fields()
    ids = open_deal_ids(sandbox, 90)[80:84]
    results = client.apply(WriteSet(fields=(
        FieldUpdate("deal", ids[0], {"ai_clv": 10}),
        FieldUpdate("deal", "999999999", {"ai_clv": 11}),          # no such deal: 207 item error
        FieldUpdate("deal", ids[1], {"ai_clv": "not a number"}),   # HubSpot rejects the whole batch
        FieldUpdate("deal", ids[2], {"ai_clv": 12}),
    )))
    by_id = {r.record_id: r for r in results}
    assert by_id[ids[0]].status == "updated" and by_id[ids[2]].status == "updated"
    assert by_id["999999999"].status == "failed" and not by_id["999999999"].should_retry
    assert by_id[ids[1]].status == "failed" and not by_id[ids[1]].should_retry
    props = client.read_properties("deal", [ids[0], ids[2]], ["ai_clv"])
    assert float(props[ids[0]]["ai_clv"]) == 10 and float(props[ids[2]]["ai_clv"]) == 12


def small_portal():
    return run_in_thread(seed=9, webhook_url="http://127.0.0.1:9/none", webhooks_enabled=False,
                         n_companies=5, n_owners=2, n_open_deals=5, n_closed_deals=5)


def test_output_fields_are_created_with_one_batch_call_and_a_second_install_only_reads_the_portal(sandbox):
    handle = small_portal()
    try:
        client = make_client(handle)
        created = client.ensure_output_fields()
        assert len(created) == 10
        handle.control("POST", "counters/mark")
        assert client.ensure_output_fields() == []
        assert int(handle.control("GET", "counters")["app_requests_since_mark"]) == 1  # one describe
    finally:
        handle.stop()


def test_an_install_creates_the_fields_even_when_the_cache_remembers_them_for_that_portal_id(sandbox):
    cache = MetadataCache()  # one worker's cache, shared by both installs
    first, second = small_portal(), small_portal()  # the same hub id, a new portal without our fields
    try:
        assert len(make_client(first, metadata=cache).ensure_output_fields()) == 10
        # What it returns is re-read from the second portal after the create: they exist there.
        assert len(make_client(second, metadata=cache).ensure_output_fields()) == 10
    finally:
        first.stop()
        second.stop()


def test_a_refused_refresh_says_the_app_was_uninstalled(sandbox):
    client = make_client(sandbox)
    sandbox.faults(refuse_refresh=True)
    try:
        with pytest.raises(CrmAuthExpired) as info:
            client.session.refresh()
    finally:
        sandbox.faults(refuse_refresh=False)
    assert info.value.code == "BAD_REFRESH_TOKEN" and not info.value.should_retry


def test_without_the_email_scope_email_bodies_come_back_redacted(sandbox):
    sandbox.faults(withhold_email_scope=True)
    try:
        client = make_client(sandbox)
    finally:
        sandbox.faults(withhold_email_scope=False)
    full = make_client(sandbox)
    ids = open_deal_ids(sandbox, 150)
    redacted = client.get_records("deal", ids)
    complete = full.get_records("deal", ids)
    emails = [a for r in complete.values() for a in r.activities if a.type == "email"]
    assert emails and any(a.body for a in emails)
    assert all(a.body is None for r in redacted.values() for a in r.activities if a.type == "email")


def _shared_cache(url: str, prefix: str) -> MetadataCache:
    from integrations.hubspot.metadata import SharedMetadata

    return MetadataCache(shared=SharedMetadata(url, prefix=prefix))


def _deal_with_cached_engagements(sandbox, client) -> str:
    records = client.get_records("deal", open_deal_ids(sandbox, 40))
    for rid, record in sorted(records.items()):
        if any(a.type in ("email", "call", "meeting", "note") for a in record.activities):
            return rid
    raise AssertionError("no open deal with emails, calls, meetings or notes in the market")


@pytest.mark.redis
def test_a_deal_one_worker_read_costs_another_worker_no_more_than_it_costs_the_first(sandbox):
    from tests.conftest import need, redis_url

    need("redis")
    prefix = f"test-rows-{uuid.uuid4().hex[:8]}"
    first = make_client(sandbox, metadata=_shared_cache(redis_url(), prefix))
    rid = _deal_with_cached_engagements(sandbox, first)
    mark(sandbox)
    again = first.get_record("deal", rid)
    by_first = requests_since_mark(sandbox)
    # Another worker: its own process cache (a new client and MetadataCache), the same Redis.
    second = make_client(sandbox, metadata=_shared_cache(redis_url(), prefix))
    second.list_pipelines()  # metadata warm on both, as in a worker that has served this portal
    mark(sandbox)
    other = second.get_record("deal", rid)
    assert requests_since_mark(sandbox) == by_first
    assert other.to_dict() == again.to_dict()


@pytest.mark.redis
def test_a_worker_without_the_shared_rows_reads_them_from_hubspot_and_gets_the_same_record(sandbox):
    from tests.conftest import need, redis_url

    need("redis")
    warm = make_client(sandbox, metadata=_shared_cache(redis_url(), f"test-rows-{uuid.uuid4().hex[:8]}"))
    rid = _deal_with_cached_engagements(sandbox, warm)
    mark(sandbox)
    warm_record = warm.get_record("deal", rid)
    warm_calls = requests_since_mark(sandbox)
    for cache in (_shared_cache(redis_url(), f"test-rows-{uuid.uuid4().hex[:8]}"),  # empty Redis
                  _shared_cache("redis://127.0.0.1:1/0", "down")):  # Redis unreachable
        cold = make_client(sandbox, metadata=cache)
        cold.list_pipelines()
        mark(sandbox)
        assert cold.get_record("deal", rid).to_dict() == warm_record.to_dict()
        assert requests_since_mark(sandbox) > warm_calls  # the rows came from HubSpot, not from nowhere


def test_every_read_path_gives_a_closed_deals_close_date_history_without_letting_its_close_show_earlier(sandbox):
    # The close date a rep expected is a feature only as of a past moment (scoring.features): each
    # read path must carry the field's dated history, in which a seeded closed deal first held its
    # expected close (stamped at its creation) and the actual close only from the close on.
    from integrations.base import CLOSE_DATE_HISTORY_KEY
    from scoring.features import parse_time, record_features

    client = make_client(sandbox)
    bulk = {r.id: r for r in client.iter_deal_records(kinds=("won", "lost"))}
    assert len(bulk) >= 50
    some = sorted(bulk, key=int)[:5]
    for record in [*client.get_records("deal", some).values(), client.get_record("deal", some[0])]:
        assert record.extra[CLOSE_DATE_HISTORY_KEY] == bulk[record.id].extra[CLOSE_DATE_HISTORY_KEY]
    differs = 0
    for record in bulk.values():
        changes = record.extra[CLOSE_DATE_HISTORY_KEY]
        created, closed = parse_time(record.created_at), parse_time(record.close_date)
        assert changes[0][0] == record.created_at and changes[-1][1][:10] == record.close_date
        mid = created + (closed - created) / 2
        read = record_features(record, as_of=mid)["days_to_expected_close"]
        expected = (parse_time(changes[0][1]) - mid).total_seconds() / 86400
        assert read == pytest.approx(expected)
        differs += abs(read - (closed - mid).total_seconds() / 86400) > 1
    assert differs > len(bulk) // 2  # the actual close is not what the snapshot read


def tight_limiter(limit: int, window: int = 10, **kw) -> RateLimiter:
    return RateLimiter("memory://", lanes={"default": Lane(limit, window), "search": Lane(5, 1)}, max_sleep=0.0, **kw)


def test_a_batch_read_that_cannot_get_its_whole_budget_reads_nothing_and_says_when_to_retry(sandbox):
    limiter = tight_limiter(60)
    ids = open_deal_ids(sandbox, 100)
    metadata = MetadataCache()
    make_client(sandbox, limiter=tight_limiter(10_000), metadata=metadata).get_records("deal", ids[:2])
    sandbox.configure(rate_limit=66)  # the installation's bucket as the limiter sees it: 60 of 66
    client = make_client(sandbox, limiter=limiter, metadata=metadata)  # pipelines and owners cached
    key = client.session.limit_key
    for _ in range(50):  # other batches of this installation spent 50 of 60
        limiter.acquire(key)
    mark(sandbox)
    with pytest.raises(CrmRateLimited) as info:
        client.get_records("deal", ids)
    assert requests_since_mark(sandbox) == 0  # not one call of a read it could not finish
    assert info.value.code == "LOCAL_BUDGET" and info.value.retry_after > 0
    assert limiter.headroom(key)["remaining"] == 10  # and it took nothing from the budget


@pytest.mark.parametrize("ahead", [0.0, 2.0])
def test_a_read_re_tried_under_a_tight_budget_costs_exactly_what_one_unhindered_read_costs(sandbox, ahead):
    # ahead 0: the read is refused until the window has room for it now, then re-tried;
    # ahead 2 (the whole window): it starts at once and its calls wait for their slots.
    ids = open_deal_ids(sandbox, 100)
    mark(sandbox)
    make_client(sandbox, limiter=tight_limiter(10_000)).get_records("deal", ids)
    unhindered = requests_since_mark(sandbox)

    # The sandbox's bucket too: 44 per 2 s, so the limiter learns 40 from the headers (10% margin).
    sandbox.configure(rate_limit=44, rate_window_ms=2_000)
    sandbox.reset_limits()
    limiter = tight_limiter(40, window=2, hold_ahead=ahead)
    client = make_client(sandbox, limiter=limiter)  # cold caches, as the unhindered read had
    for _ in range(30):  # other batches spent 30 of the 40
        limiter.acquire(client.session.limit_key)
    mark(sandbox)
    refused = 0
    deadline = time.monotonic() + 30
    while True:
        try:
            records = client.get_records("deal", ids)
            break
        except CrmRateLimited as err:  # what the pipeline does: re-queue with the delay
            refused += 1
            assert time.monotonic() < deadline
            time.sleep(err.retry_after or 0.1)
    if ahead == 0.0:
        assert refused >= 1, "the budget never refused the read: the test proves nothing"
    else:
        assert refused == 0, "a read that fits in the budget freed within the look-ahead was refused"
    assert sorted(records) == sorted(ids)
    assert requests_since_mark(sandbox) == unhindered, (refused, unhindered)
    assert sandbox.control("GET", "counters")["rate_limited"] == 0


def test_the_unused_part_of_a_read_reservation_is_given_back(sandbox):
    limiter = tight_limiter(1_000)
    client = make_client(sandbox, limiter=limiter)
    ids = open_deal_ids(sandbox, 30)
    mark(sandbox)
    client.get_records("deal", ids)
    sent = requests_since_mark(sandbox)
    room = limiter.headroom(client.session.limit_key)  # the lane as learned from the sandbox's headers
    assert room["remaining"] == room["limit"] - sent  # every call sent counted once, the rest given back
    # The next reservation is sized on what this portal's reads cost, not a fixed guess.
    assert client._read.read_costs[-1] == (30, sent)


def test_one_deal_through_get_records_keeps_the_cheap_path_under_its_reservation(sandbox):
    limiter = tight_limiter(1_000)
    client = make_client(sandbox, limiter=limiter)
    ids = open_deal_ids(sandbox, 3)
    client.get_records("deal", ids[:2])  # warms pipelines, owners, company history
    mark(sandbox)
    before = limiter.headroom(client.session.limit_key)["remaining"]
    assert list(client.get_records("deal", [ids[2]])) == [ids[2]]
    sent = requests_since_mark(sandbox)
    assert 1 <= sent <= 8
    assert limiter.headroom(client.session.limit_key)["remaining"] == before - sent  # reserved 3, refunded the rest


def test_a_write_that_meets_a_full_window_waits_for_its_slot_instead_of_handing_the_batch_back(sandbox):
    # Handed back, the batch would be read and run through the agents again for a write of ~3 calls.
    class Clock:
        now = time.time()

        def __call__(self):
            return self.now

        def sleep(self, s):
            slept.append(s)
            self.now += s

    slept: list[float] = []
    clock = Clock()
    limiter = RateLimiter("memory://", lanes={"default": Lane(10_000, 10), "search": Lane(5, 1)}, max_sleep=0.0,
                          clock=clock, sleep=clock.sleep)
    client = make_client(sandbox, limiter=limiter)
    client.ensure_output_fields()
    ids = open_deal_ids(sandbox, 90)[84:86]
    key = client.session.limit_key
    limiter.acquire(key, cost=limiter.headroom(key)["remaining"])  # other batches' reads filled the window
    results = client.apply(WriteSet(fields=tuple(FieldUpdate("deal", i, {"ai_clv": 7}) for i in ids)))
    assert {r.status for r in results} == {"updated"}
    assert slept and 9.0 < sum(slept) <= 10.5  # waited for the window to roll, once
    limiter.acquire(key, cost=limiter.headroom(key)["remaining"])
    with pytest.raises(CrmRateLimited):
        client.read_properties("deal", ids, ["ai_clv"])  # outside a write: refused at once, as before


def test_a_contacts_salutation_reaches_the_record_for_the_form_of_address_check(sandbox):
    client = make_client(sandbox)
    rid = next(i for i in open_deal_ids(sandbox, 30) if client.get_record("deal", i).contacts)
    contact = client.get_record("deal", rid).contacts[0]
    assert SALUTATIONS_KEY not in client.get_record("deal", rid).extra
    sandbox.control("POST", "ui-change", objectType="contacts", id=contact.id, properties={"salutation": "Ms."})
    try:
        fresh = make_client(sandbox)  # no cached contact rows
        assert fresh.get_record("deal", rid).extra[SALUTATIONS_KEY] == {contact.id: "Ms."}
        assert fresh.get_records("deal", [rid])[rid].extra[SALUTATIONS_KEY] == {contact.id: "Ms."}
    finally:
        sandbox.control("POST", "ui-change", objectType="contacts", id=contact.id, properties={"salutation": ""})


def test_a_contacts_preferred_language_reaches_the_record_and_decides_the_drafts_language(sandbox):
    from agents.phrases import buyer_language

    client = make_client(sandbox)
    rid = next(i for i in open_deal_ids(sandbox, 30) if client.get_record("deal", i).contacts)
    contact = client.get_record("deal", rid).contacts[0]
    assert contact.language is None  # the seeded portal sets no contact's language
    sandbox.control("POST", "ui-change", objectType="contacts", id=contact.id, properties={"hs_language": "de-at"})
    try:
        fresh = make_client(sandbox)  # no cached contact rows
        for record in (fresh.get_record("deal", rid), fresh.get_records("deal", [rid])[rid]):
            mine = next(c for c in record.contacts if c.id == contact.id)
            assert mine.language == "de-at"
            assert buyer_language(mine.language, "United States", "en") == "de"
    finally:
        sandbox.control("POST", "ui-change", objectType="contacts", id=contact.id, properties={"hs_language": ""})


def test_a_contacts_time_zone_reaches_the_record_in_iana_spelling_through_the_sdk(sandbox):
    client = make_client(sandbox)
    props = {p.name: p for p in client.describe("contact")}
    assert props["hs_timezone"].type == "enumeration" and "europe_slash_berlin" in props["hs_timezone"].options
    rid = next(i for i in open_deal_ids(sandbox, 30) if client.get_record("deal", i).contacts)
    contact = client.get_record("deal", rid).contacts[0]
    assert contact.timezone is None  # the seeded portal sets no contact's zone
    sandbox.control("POST", "ui-change", objectType="contacts", id=contact.id,
                    properties={"hs_timezone": "america_slash_los_angeles"})
    try:
        fresh = make_client(sandbox)  # no cached contact rows
        for record in (fresh.get_record("deal", rid), fresh.get_records("deal", [rid])[rid]):
            assert next(c for c in record.contacts if c.id == contact.id).timezone == "America/Los_Angeles"
    finally:
        sandbox.control("POST", "ui-change", objectType="contacts", id=contact.id, properties={"hs_timezone": ""})


def test_a_picklists_option_labels_reach_the_card_as_the_portal_shows_them(sandbox):
    from app.pipeline.card import crm_labels

    client = make_client(sandbox)
    deal_type = {p.name: p for p in client.describe("deal")}["dealtype"]
    assert dict(deal_type.option_labels) == {"newbusiness": "New Business", "existingbusiness": "Existing Business"}
    assert deal_type.options == ("newbusiness", "existingbusiness")
    labels = crm_labels(client)
    # keyed with the field's label, as a score factor reads ("Deal Type: existingbusiness ↑")
    assert labels["Deal Type: existingbusiness"] == "Deal Type: Existing Business"
    assert "existingbusiness" not in labels  # never a bare word replaced in a draft's sentences
    assert labels["closedwon"] == "Closed Won"  # stage labels as before


def test_the_tenants_exchange_rates_ride_on_every_deal_read_and_convert_its_past_revenue(sandbox):
    from integrations.money import RATES_KEY, RateTable
    from scoring.features import past_revenue

    table = RateTable("USD", {"EUR": 0.8, "GBP": 0.5})
    plain, rated = make_client(sandbox), make_client(sandbox, rates=table)
    ids = open_deal_ids(sandbox, 30)
    assert all(RATES_KEY not in r.extra for r in plain.get_records("deal", ids).values())
    many = rated.get_records("deal", ids)
    one = rated.get_record("deal", ids[0])
    assert all(RateTable.from_dict(r.extra[RATES_KEY]) == table for r in [*many.values(), one])
    foreign = [r for r in many.values() if r.currency in ("EUR", "GBP") and r.history.closed_won_deals]
    assert foreign, "the market has EUR/GBP accounts with past wins"
    rec = foreign[0]
    rate = table.rates[rec.currency]
    assert past_revenue(rec).currency == "USD"
    assert past_revenue(rec).total == pytest.approx(sum(d.amount for d in rec.history.closed_won_deals) / rate)
    assert past_revenue(plain.get_record("deal", rec.id)).currency == rec.currency  # no setting: its own
