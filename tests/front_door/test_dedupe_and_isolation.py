"""Duplicates never land twice; one portal's batch never touches another's rows."""

from __future__ import annotations

from sqlalchemy import select

from app.storage import get_db
from app.storage.models import InboxEvent, RecordJob
from tests.conftest import deal_event, install_tenant


def rows(app, **where):
    with get_db(app).session() as s:
        q = select(InboxEvent)
        for k, v in where.items():
            q = q.where(getattr(InboxEvent, k) == v)
        return s.execute(q).scalars().all()


def test_same_batch_delivered_three_times_lands_once(app, webhook):
    install_tenant(app, "62515")
    batch = [deal_event(62515, 10 + i, event_id=100 + i) for i in range(7)]
    answers = [webhook.post_events(batch).json for _ in range(3)]
    assert [a["accepted"] for a in answers] == [7, 0, 0]
    assert [a["duplicates"] for a in answers] == [0, 7, 7]
    assert len(rows(app)) == 7


def test_retry_with_a_higher_attempt_number_is_a_duplicate(app, webhook):
    install_tenant(app, "62515")
    ev = deal_event(62515, 10, event_id=100)
    webhook.post_events([ev])
    r = webhook.post_events([{**ev, "attemptNumber": 3}])
    assert r.json["duplicates"] == 1
    assert len(rows(app)) == 1


def test_events_sharing_an_event_id_but_differing_all_land(app, webhook):
    install_tenant(app, "62515")
    a = deal_event(62515, 10, event_id=777, prop="amount", value="100")
    b = deal_event(62515, 10, event_id=777, prop="dealstage", value="closedwon")
    c = deal_event(62515, 11, event_id=777, prop="amount", value="100")
    r = webhook.post_events([a, b, c, a])
    assert r.json["accepted"] == 3
    assert r.json["duplicates"] == 1
    assert len(rows(app)) == 3


def test_two_portals_with_the_same_record_ids_stay_apart(app, webhook):
    ta = install_tenant(app, "1001")
    tb = install_tenant(app, "2002")
    webhook.post_events([deal_event(2002, 42, event_id=1, value="5")])
    before_b = [(r.id, r.properties, r.status) for r in rows(app, tenant_id=tb)]
    # The same deal id and even the same event body apart from the portal: distinct tenants.
    r = webhook.post_events([deal_event(1001, 42, event_id=1, value="5"), deal_event(1001, 42, event_id=2)])
    assert r.json["accepted"] == 2
    assert len(rows(app, tenant_id=ta)) == 2
    assert [(x.id, x.properties, x.status) for x in rows(app, tenant_id=tb)] == before_b
    with get_db(app).session() as s:
        jobs = s.execute(select(RecordJob.tenant_id, RecordJob.record_id)).all()
    assert sorted(jobs) == sorted([(ta, "42"), (tb, "42")])


def test_a_job_for_portal_a_processes_only_portal_as_rows(app, webhook):
    from app.dispatch import get_dispatcher

    ta = install_tenant(app, "1001")
    tb = install_tenant(app, "2002")
    webhook.post_events([deal_event(1001, 42, event_id=1)])
    webhook.post_events([deal_event(2002, 42, event_id=1)])
    backend = get_dispatcher(app).backend
    # Run only A's job: pop B's job off the heap first.
    heap = backend._heap
    a_jobs = [h for h in heap if h[2].tenant_id == ta]
    backend._heap = a_jobs
    backend.run_due()
    assert {r.status for r in rows(app, tenant_id=ta)} == {"processed"}
    assert {r.status for r in rows(app, tenant_id=tb)} == {"pending"}


def test_a_tenant_deleted_behind_the_cache_is_ignored_not_a_500(app, webhook):
    from app.storage import delete_tenant_data

    tid = install_tenant(app, "62515")
    assert webhook.post_events([deal_event(62515, 1, event_id=1)]).json["accepted"] == 1
    with get_db(app).session() as s:  # as another process's uninstall would, cache untouched
        delete_tenant_data(s, tid)
    r = webhook.post_events([deal_event(62515, 1, event_id=2)])
    assert r.status_code == 200
    assert r.json["unknown_portal"] == 1
    assert rows(app) == []
