"""After an uninstall no Redis key names the tenant (wave 31: the RQ job keys named by tenant stayed ~1 h, a
finished job's result TTL; a failed one's, 7 days).

Through the product path on PostgreSQL + Redis: the HubSpot sandbox over HTTP, the OAuth install, signed webhooks
into the inbox, a real RQ worker that processes them (finished jobs with their results), a rep's later change still
waiting in the queue (a scheduled job, the coalescing window) and one job failed for good; then the admin's
uninstall. What docs/admin.md says stays: nothing that names the tenant or its account."""

from __future__ import annotations

import time

import pytest
from redis import Redis

from tests.conftest import WebhookSender, deal_event, flush_test_redis, need, redis_url
from tests.hubspot import sandbox_helpers as sb
from tests.platform.test_job_timeout_hands_back import open_deals, pending

pytestmark = [pytest.mark.redis, pytest.mark.postgres, pytest.mark.timeout(240)]
ADMIN = "an-admin-token-long-enough-for-web-0123"


@pytest.fixture
def rq_app(app_factory):
    need("postgres")
    need("redis")
    flush_test_redis()
    sandbox = sb.start(n_open_deals=4, n_closed_deals=6, n_companies=3, seed=3)
    app = app_factory(**sb.app_config(
        sandbox, REDIS_URL=redis_url(), BACKFILL_ON_INSTALL=False, RETRAIN_ENABLED=False, ADMIN_TOKEN=ADMIN,
        JOB_FUNCTION="app.pipeline.batch.process_batch", COALESCE_WINDOW_SECONDS=0.0, HOLDOUT_SHARE_OVERRIDE=0.0))
    yield app, sandbox
    sandbox.stop()
    flush_test_redis()


def naming(r: Redis, *names: str) -> list[str]:
    """Every key whose name, or one of whose list/set/sorted-set/hash members, contains one of `names`."""
    found = []
    for raw in r.scan_iter(count=1000):
        key = raw.decode(errors="replace")
        kind = r.type(raw).decode()
        members: list[bytes] = []
        if kind == "list":
            members = r.lrange(raw, 0, -1)
        elif kind == "set":
            members = list(r.smembers(raw))
        elif kind == "zset":
            members = r.zrange(raw, 0, -1)
        text = " ".join([key, *(m.decode(errors="replace") for m in members)])
        if any(n in text for n in names):
            found.append(f"{kind} {key}")
    return sorted(found)


def test_after_an_uninstall_no_redis_key_or_queue_entry_names_the_tenant(rq_app):
    from rq import Queue
    from rq.serializers import JSONSerializer

    from app.dispatch import get_dispatcher
    from app.dispatch.rq_backend import run_worker

    app, sandbox = rq_app
    client = app.test_client()
    tid = sb.install(client)
    account = str(sandbox.hub_id)
    deals = open_deals(sandbox)
    sender = WebhookSender(client, secret=sandbox.client_secret)
    assert sender.post_events([deal_event(account, int(d), event_id=n + 1) for n, d in enumerate(deals[:3])]).status_code == 200
    deadline = time.monotonic() + 120
    while pending(app) and time.monotonic() < deadline:
        run_worker(app, with_scheduler=False, burst=True)
    assert not pending(app)
    backend = get_dispatcher(app).backend
    # A job that failed for good (kept 7 days by RQ), and a rep's change still waiting out its window.
    queue = Queue(backend.queue.name, connection=backend.redis, serializer=JSONSerializer)
    failed = queue.enqueue("app.dispatch.runner.run_record_job", args=[tid, "hubspot", "deal", "0", "x"],
                           job_id=f"hubspot-{tid}-deal-0-0123456789")
    failed.set_status("failed")
    backend.queue.failed_job_registry.add(failed, ttl=7 * 86400)
    app.config["COALESCE_WINDOW_SECONDS"] = 600.0
    assert sender.post_events([deal_event(account, int(deals[3]), event_id=99)]).status_code == 200
    r = Redis.from_url(str(redis_url()))
    before = naming(r, tid, account)
    assert any(k.startswith("hash rq:job:") for k in before) and any("scheduled" in k for k in before), before

    resp = client.post("/oauth/hubspot/uninstall", json={"tenant": tid}, headers={"X-Admin-Token": ADMIN})

    assert resp.status_code == 200, resp.get_data(as_text=True)
    left = naming(r, tid, account)
    assert left == [], "\n".join(left)
