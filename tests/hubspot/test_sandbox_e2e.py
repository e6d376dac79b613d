"""End to end against the HubSpot sandbox over real HTTP, through the real SDK (issue 3 acceptance).

One sandbox server per module (seeded market, real sockets). Each test installs the app through
the OAuth flow into a fresh app database, then drives the adapter exactly as the pipeline would.
Limits and token lifetimes are shrunk per test through the sandbox's own settings, so a 429 storm
or an expiring token takes seconds.
"""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlparse

import pytest
import requests
from sqlalchemy import func, select

from app.storage import get_db
from app.storage.models import AuditLog, InboxEvent, Installation, Tenant
from app.sync import reconcile
from app.tenants import client_for as hubspot_client_for
from app.tenants import crm_stats as hubspot_stats
from integrations.base import OUTPUT_FIELDS, Record, TaskSpec
from integrations.hubspot import GROUP_NAME
from integrations.hubspot.oauth import DEFAULT_SCOPES, OPTIONAL_SCOPES
from tests.hubspot import sandbox_helpers as sb
from tests.hubspot.test_oauth_routes import ensure_blueprint

pytestmark = pytest.mark.timeout(120)


def noop_job(ctx):
    """Stands in for the pipeline: these tests exercise intake and the adapter, not enrichment."""
    return {"noop": True}


@pytest.fixture(scope="module")
def sandbox():
    handle = sb.start()
    yield handle
    handle.stop()


@pytest.fixture
def hs_app(app_factory, sandbox):
    """An app configured for the sandbox (its client id/secret, API base and authorize URL)."""
    sandbox.reset_limits()
    application = app_factory(
        HUBSPOT_CLIENT_ID=sandbox.client_id, HUBSPOT_CLIENT_SECRET=sandbox.client_secret,
        HUBSPOT_API_BASE=sandbox.url, HUBSPOT_AUTHORIZE_URL=sandbox.url + "/oauth/authorize",
        ADMIN_TOKEN="admin-secret", PUBLIC_URL="http://localhost",
        JOB_FUNCTION="tests.hubspot.test_sandbox_e2e.noop_job",
        # Owners' time zones need crm.objects.users.read, which the manifest does not list yet.
        HUBSPOT_SCOPES=" ".join(DEFAULT_SCOPES + OPTIONAL_SCOPES),
    )
    application.extensions["crm_stats"] = type(hubspot_stats(application))()
    return ensure_blueprint(application)


def install(application) -> str:
    """Run the whole browser dance: /install -> sandbox consent -> /callback. Returns the tenant id."""
    client = application.test_client()
    resp = client.get("/oauth/hubspot/install")
    assert resp.status_code == 302
    callback = sb.consent(resp.headers["Location"])
    parts = urlparse(callback)
    assert parts.path == "/oauth/hubspot/callback"
    done = client.get(parts.path, query_string=parse_qs(parts.query))
    assert done.status_code == 200, done.get_data(as_text=True)
    body = done.get_json()
    thread = application.extensions.get("backfills", {}).get(body["tenant"])
    if thread is not None:
        thread.join(60)
    return body["tenant"]


def test_install_ensures_fields_and_backfills_open_deals(hs_app, sandbox):
    tid = install(hs_app)
    with get_db(hs_app).session() as s:
        tenant = s.get(Tenant, tid)
        inst = s.execute(select(Installation).where(Installation.tenant_id == tid)).scalars().one()
        assert tenant.external_id == str(sandbox.hub_id)
        assert tenant.name == f"sandbox-{sandbox.hub_id}.hubspot.com"  # the portal's domain, for people
        token = hubspot_client_for(tid, hs_app).tokens.access_token
        assert token not in (inst.access_token_enc or "")  # stored encrypted only
        backfilled = s.scalar(select(func.count()).select_from(InboxEvent).where(
            InboxEvent.tenant_id == tid, InboxEvent.change_source == "BACKFILL"))
        events = {a.event for a in s.execute(select(AuditLog).where(AuditLog.tenant_id == tid)).scalars()}
    crm = hubspot_client_for(tid, hs_app)
    open_ids = list(crm.iter_open_ids("deal"))
    assert backfilled == len(open_ids) > 0
    assert {"tenant.installed", "backfill.started", "backfill.progress", "backfill.completed"} <= events
    names = {f.name: f for f in crm.describe("deal")}
    assert set(OUTPUT_FIELDS) <= set(names) and names["ai_summary"].group == GROUP_NAME
    assert crm.ensure_output_fields() == []  # idempotent


def test_read_deal_as_canonical_record(hs_app):
    tid = install(hs_app)
    crm = hubspot_client_for(tid, hs_app)
    kinds = crm.stage_kinds()
    assert set(kinds.values()) == {"open", "won", "lost"}
    records = [crm.get_record("deal", rid) for rid in list(crm.iter_open_ids("deal"))[:8]]
    rec = next(r for r in records if r.history.closed_won_deals and r.activities)
    assert rec.crm == "hubspot" and rec.tenant_id == tid and rec.stage_kind == "open"
    assert rec.name and rec.amount and rec.currency and rec.pipeline and rec.close_date
    assert rec.company and rec.company.name and rec.company.industry
    assert rec.contacts and sum(c.is_primary for c in rec.contacts) == 1
    assert rec.owner and rec.owner.email and rec.owner.timezone
    ats = [a.at for a in rec.activities]
    assert ats == sorted(ats) and {a.type for a in rec.activities} & {"email", "call", "meeting", "note"}
    assert rec.history.stage_changes
    assert Record.from_dict(rec.to_dict()) == rec


def test_writes_batch_task_note_and_token_expiry(hs_app, sandbox):
    from integrations.hubspot.oauth import with_tokens

    sandbox.set_token_ttl(4)  # every token minted from now on lives 4 s
    tid = install(hs_app)
    crm = hubspot_client_for(tid, hs_app, fresh=True)
    ids = sandbox.deal_ids()[:250]
    assert len(ids) == 250
    started = time.monotonic()
    results = crm.update_fields("deal", [(rid, {"ai_conversion_score": 1 + i % 99, "ai_strategy": "social_proof"})
                                         for i, rid in enumerate(ids)])
    assert [r.id for r in results] == ids
    rec = crm.get_record("deal", ids[0])
    task = TaskSpec(subject="Call the buyer", body="Confirm budget before Friday")
    first = crm.upsert_task(rec, task)
    sandbox.age_tokens(max(0.0, 5 - (time.monotonic() - started)))  # the token expires mid-run
    # Pretend our stored expiry is wrong, so only HubSpot's 401 EXPIRED_AUTHENTICATION can tell.
    crm.session.tokens = with_tokens(crm.session.tokens, expires_at=time.time() + 3600)
    refreshes = crm.stats.token_refreshes
    second = crm.upsert_task(rec, task)
    assert crm.stats.token_refreshes == refreshes + 1
    assert first.status == "created" and (second.status, second.id) == ("unchanged", first.id)
    found = crm.find_app_task(rec.id)
    assert found["id"] == first.id and found["properties"]["hubspot_owner_id"] == rec.owner.id
    assert sandbox.count_tasks_with_marker(rec.id, task.marker) == 1
    note = crm.add_note(rec, "Scored 42: strong engagement.")
    assert note.status == "created"
    back = crm.read_properties("deal", ids, ["ai_conversion_score"])
    assert all(back[rid]["ai_conversion_score"] == str(1 + i % 99) for i, rid in enumerate(ids))
    assert crm.stats.token_refreshes >= 1
    with get_db(hs_app).session() as s:  # the refreshed token was persisted (encrypted)
        inst = s.execute(select(Installation).where(Installation.tenant_id == tid)).scalars().one()
        assert inst.expires_at.replace(tzinfo=UTC) > datetime.now(UTC) - timedelta(seconds=10)


def test_429_storm_loses_no_write(hs_app, sandbox):
    tid = install(hs_app)
    crm = hubspot_client_for(tid, hs_app, fresh=True)
    ids = sandbox.deal_ids()[:250]
    sandbox.set_rate_limit(4, window_ms=1000)
    sandbox.burst_429(3)
    served_before = sandbox.served_429()
    fields = ("ai_conversion_score", "ai_churn_risk", "ai_clv", "ai_best_discount")
    updates = [(rid, {f: str(i * 4 + k + 1) for k, f in enumerate(fields)}) for i, rid in enumerate(ids)]
    assert sum(len(u) for _, u in updates) == 1000
    crm.update_fields("deal", updates)
    sandbox.reset_limits()
    back = crm.read_properties("deal", ids, list(fields))
    lost = [(rid, f) for rid, u in updates for f, v in u.items() if back[rid][f] != v]
    assert lost == []
    assert sandbox.served_429() - served_before >= 1
    assert crm.stats.rate_limited_retries >= 1


def test_reconciliation_finds_changes_webhooks_missed(hs_app, sandbox):
    from app.dispatch import get_dispatcher

    tid = install(hs_app)
    assert get_dispatcher(hs_app).backend.run_due() > 0  # the backfill's jobs ran (noop pipeline)
    with get_db(hs_app).session() as s:
        inst = s.execute(select(Installation).where(Installation.tenant_id == tid)).scalars().one()
        inst.last_sync_at = datetime.now(UTC)
    time.sleep(0.05)
    sandbox.webhooks(False)
    try:
        changed = sandbox.deal_ids()[-5:]
        sandbox.change_deals_as_rep(changed)
    finally:
        sandbox.webhooks(True)
    time.sleep(0.3)
    result = reconcile(tid, hs_app)
    assert set(changed) <= set(result["record_ids"]) and result["enqueued"] >= len(changed)
    with get_db(hs_app).session() as s:
        rows = s.execute(select(InboxEvent.record_id).where(
            InboxEvent.tenant_id == tid, InboxEvent.change_source == "RECONCILE")).scalars().all()
    assert set(changed) <= set(rows)
    assert reconcile(tid, hs_app)["enqueued"] == 0  # same changes, same delivery keys: nothing new


def _accounted(result: dict) -> int:
    return sum(result["explained"].values()) + result["echoes"] + result["missing"]


def test_a_reconciliation_accounts_for_every_changed_record_by_what_brought_it_in(hs_app, sandbox):
    # The status said "40 records changed ..., 0 missed by the webhooks, 0 queued, 15 were our own
    # writes" and did not say what became of the other 25.
    from app.dispatch import get_dispatcher

    tid = install(hs_app)
    assert get_dispatcher(hs_app).backend.run_due() > 0  # the backfill's jobs ran: every open deal was read
    first = reconcile(tid, hs_app, since=datetime.now(UTC) - timedelta(days=3650))
    assert first["modified"] > 0 and _accounted(first) == first["modified"], first
    assert first["explained"]["read"] > 0, first
    for counts in first["by_type"].values():
        assert sum(counts["explained"].values()) + counts["echoes"] + counts["missing"] == counts["modified"]
    sandbox.webhooks(False)
    try:
        changed = sandbox.deal_ids()[-8:-5]  # not the deals the test above changed: changed again, they were not listed as modified
        sandbox.change_deals_as_rep(changed)
    finally:
        sandbox.webhooks(True)
    time.sleep(0.3)
    missed = reconcile(tid, hs_app)
    assert missed["missing"] >= len(changed) and _accounted(missed) == missed["modified"], json.dumps(missed)
    # Queued by that run and not yet processed (no worker here): the next run counts them as waiting.
    again = reconcile(tid, hs_app, since=datetime.now(UTC) - timedelta(minutes=10))
    assert again["missing"] == 0 and again["explained"]["pending"] >= len(changed), again
    assert _accounted(again) == again["modified"], again


def test_uninstall_revokes_and_deletes(hs_app, sandbox):
    from tests.conftest import WebhookSender

    tid = install(hs_app)
    token = hubspot_client_for(tid, hs_app).tokens.access_token
    client = hs_app.test_client()
    resp = client.post("/oauth/hubspot/uninstall", json={"tenant": tid}, headers={"X-Admin-Token": "admin-secret"})
    assert resp.status_code == 200 and resp.get_json()["revoked"] == 1
    with get_db(hs_app).session() as s:
        assert s.get(Tenant, tid) is None
        assert s.scalar(select(func.count()).select_from(Installation)) == 0
        assert s.scalar(select(func.count()).select_from(InboxEvent).where(InboxEvent.tenant_id == tid)) == 0
    r = requests.get(f"{sandbox.url}/crm/v3/objects/deals", headers={"Authorization": f"Bearer {token}"}, timeout=10)
    assert r.status_code == 401
    sender = WebhookSender(client, secret=sandbox.client_secret, public_url="http://localhost")
    body = (b'[{"eventId":1,"subscriptionId":1,"portalId":%d,"appId":1,"occurredAt":%d,'
            b'"subscriptionType":"deal.propertyChange","attemptNumber":0,"objectId":1,'
            b'"propertyName":"dealstage","propertyValue":"closedwon","changeSource":"CRM_UI"}]'
            % (sandbox.hub_id, int(time.time() * 1000)))
    resp = client.post("/webhooks/hubspot", data=body, headers=sender.headers(body))
    assert resp.status_code == 200
    with get_db(hs_app).session() as s:
        assert s.scalar(select(func.count()).select_from(InboxEvent)) == 0


def test_uninstall_erases_the_portals_metadata_and_activity_text_cached_in_redis(app_factory, sandbox):
    """With Redis, every worker shares a portal's owners, pipelines and the text of its emails and
    meetings (integrations/hubspot/metadata.py, kept up to 7 days); an uninstall deleted the rows in
    the database and left all of that in Redis."""
    import redis

    from tests.conftest import need, redis_url

    need("redis")
    sandbox.reset_limits()
    application = ensure_blueprint(app_factory(
        HUBSPOT_CLIENT_ID=sandbox.client_id, HUBSPOT_CLIENT_SECRET=sandbox.client_secret,
        HUBSPOT_API_BASE=sandbox.url, HUBSPOT_AUTHORIZE_URL=sandbox.url + "/oauth/authorize",
        ADMIN_TOKEN="admin-secret", PUBLIC_URL="http://localhost", BACKFILL_ON_INSTALL=False,
        REDIS_URL=redis_url(), QUEUE_NAME=f"uninstall-cache-{time.time_ns()}",
        HUBSPOT_SCOPES=" ".join(DEFAULT_SCOPES + OPTIONAL_SCOPES)))
    tid = install(application)
    crm = hubspot_client_for(tid, application)
    for rid in list(crm.iter_open_ids("deal"))[:5]:
        crm.get_record("deal", rid)
    store = redis.Redis.from_url(str(redis_url()))
    cached = sorted(k.decode() for k in store.scan_iter(f"agentic-sales-meta:{sandbox.hub_id}*"))
    assert cached == [f"agentic-sales-meta:{sandbox.hub_id}", f"agentic-sales-meta:{sandbox.hub_id}:rows"]
    resp = application.test_client().post("/oauth/hubspot/uninstall", json={"tenant": tid},
                                          headers={"X-Admin-Token": "admin-secret"})
    assert resp.status_code == 200, resp.get_data(as_text=True)
    assert list(store.scan_iter(f"agentic-sales-meta:{sandbox.hub_id}*")) == []


def test_a_worker_that_served_the_portal_before_an_uninstall_uses_the_new_grant_after_a_reinstall(
        hs_app, app_factory, sandbox):
    """Each worker process caches a tenant's client (its tokens in memory) by settings version; an
    uninstall and re-install start the tenant again at the same version, so a worker that had served
    the portal kept the revoked grant: its next refresh was refused and the batch revoked the fresh
    installation (the reinstalled portal stopped, its data due for erasure; seen with 2 RQ workers)."""
    from app.dispatch.batch import is_refused_grant

    sandbox.set_token_ttl(2)  # tokens minted from now on expire quickly, so the worker must refresh
    worker = app_factory(
        HUBSPOT_CLIENT_ID=sandbox.client_id, HUBSPOT_CLIENT_SECRET=sandbox.client_secret,
        HUBSPOT_API_BASE=sandbox.url, HUBSPOT_AUTHORIZE_URL=sandbox.url + "/oauth/authorize",
        PUBLIC_URL="http://localhost", HUBSPOT_SCOPES=" ".join(DEFAULT_SCOPES + OPTIONAL_SCOPES))
    tid = install(hs_app)
    deal = next(iter(hubspot_client_for(tid, worker).iter_open_ids("deal")))  # the worker's cached client
    resp = hs_app.test_client().post("/oauth/hubspot/uninstall", json={"tenant": tid},
                                     headers={"X-Admin-Token": "admin-secret"})
    assert resp.status_code == 200 and resp.get_json()["revoked"] == 1
    assert install(hs_app) == tid
    time.sleep(3)  # the old grant's access token has expired as well
    try:
        record = hubspot_client_for(tid, worker).get_record("deal", deal)
    except Exception as exc:
        assert not is_refused_grant(exc), f"the worker refreshed the revoked grant: {exc}"
        raise
    finally:
        sandbox.set_token_ttl(1800)
    assert record.id == deal and record.tenant_id == tid


def test_a_refusal_of_the_grant_a_reinstall_replaced_does_not_revoke_the_new_installation(hs_app, sandbox):
    """A batch that began before an uninstall and re-install still holds the old grant; its refused
    refresh revoked the fresh installation (every later job: 'no live installation')."""
    from app.tenants import mark_revoked

    tid = install(hs_app)
    resp = hs_app.test_client().post("/oauth/hubspot/uninstall", json={"tenant": tid},
                                     headers={"X-Admin-Token": "admin-secret"})
    assert resp.status_code == 200
    assert install(hs_app) == tid
    assert mark_revoked(hs_app, tid, "CrmAuthExpired: refresh refused (the batch's old grant)") is False
    with get_db(hs_app).session() as s:
        assert s.get(Tenant, tid).status == "active"
        assert s.execute(select(Installation.revoked_at).where(Installation.tenant_id == tid)).scalars().all() == [None]
    assert hubspot_client_for(tid, hs_app).get_record("deal", next(iter(
        hubspot_client_for(tid, hs_app).iter_open_ids("deal")))).tenant_id == tid


def test_cli_backfill_and_reconcile_print_json_and_progress(hs_app, sandbox):
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    from tests.conftest import TEST_TOKEN_KEY

    tid = install(hs_app)
    open_count = len(list(hubspot_client_for(tid, hs_app).iter_open_ids("deal")))
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("AGENTIC_SALES_") and k not in ("DATABASE_URL", "REDIS_URL")}
    env.update({"DATABASE_URL": hs_app.config["DATABASE_URL"], "AGENTIC_SALES_TOKEN_KEY": TEST_TOKEN_KEY,
                "HUBSPOT_CLIENT_ID": sandbox.client_id, "HUBSPOT_CLIENT_SECRET": sandbox.client_secret,
                "PYTHONPATH": str(Path(__file__).resolve().parents[2])})

    def run(*args):
        return subprocess.run([sys.executable, "-m", "app", *args], capture_output=True, text=True, env=env,
                              cwd="/", timeout=60)

    r = run("backfill", "--tenant", tid)
    assert r.returncode == 0, r.stderr
    result = json.loads(r.stdout)
    assert result["records_backfilled"] == open_count and result["tenant"] == tid
    assert "backfill " + tid in r.stderr and "deal" in r.stderr  # the tqdm bar, on stderr only
    r = run("reconcile", "--tenant", tid)
    assert r.returncode == 0, r.stderr
    assert {"modified", "missing", "enqueued"} <= set(json.loads(r.stdout))
    r = run("backfill", "--tenant", "hubspot-0")
    assert r.returncode == 2 and r.stdout == "" and f"no tenant 'hubspot-0'; known tenants: {tid}" in r.stderr


def test_server_errors_are_retried_inside_the_sdk(hs_app, sandbox):
    tid = install(hs_app)
    crm = hubspot_client_for(tid, hs_app, fresh=True)
    waits: list[float] = []
    crm.session.sleep = waits.append  # the session's back-off between re-sends, asked for and not slept
    ids = sandbox.deal_ids()[:3]
    sandbox.fail_next(2)  # the session re-sends the batch update (idempotent); urllib3 never re-sends POST
    crm.update_fields("deal", [(rid, {"ai_model_version": "e2e-5xx"}) for rid in ids])
    assert all(p["ai_model_version"] == "e2e-5xx"
               for p in crm.read_properties("deal", ids, ["ai_model_version"]).values())
    sandbox.fail_next(10)  # more than every retry layer: a retryable error, never a silent drop
    from integrations.errors import CrmUnavailable

    with pytest.raises(CrmUnavailable) as info:
        crm.update_fields("deal", [(ids[0], {"ai_model_version": "never"})])
    assert info.value.should_retry and info.value.status == 500 and info.value.request_id
    assert waits == [1.0, 2.0, 1.0, 2.0], waits  # two re-sends per update, each backing off twice as long
    sandbox.reset_limits()


def test_without_the_users_scope_owner_time_zone_is_unknown_not_an_error(app_factory, sandbox):
    sandbox.reset_limits()
    application = ensure_blueprint(app_factory(
        HUBSPOT_CLIENT_ID=sandbox.client_id, HUBSPOT_CLIENT_SECRET=sandbox.client_secret,
        HUBSPOT_API_BASE=sandbox.url, HUBSPOT_AUTHORIZE_URL=sandbox.url + "/oauth/authorize",
        HUBSPOT_SCOPES=" ".join(DEFAULT_SCOPES), BACKFILL_ON_INSTALL=False))
    crm = hubspot_client_for(install(application), application)
    rec = crm.get_record("deal", next(crm.iter_open_ids("deal")))
    assert rec.owner and rec.owner.email and rec.owner.timezone is None
    assert crm.upsert_task(rec, TaskSpec(subject="s", body="b")).status in ("created", "updated", "unchanged")
