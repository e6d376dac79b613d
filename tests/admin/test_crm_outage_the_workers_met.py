"""The install health's connection box learns of a CRM outage from the pipeline's workers, not only from the console.

Wave 30 made the box say "Not answering" after a console re-sync could not reach the CRM. A CRM that stopped
answering while only the workers called it (a rep's change, a reconciliation) left the box at "Connected": the
workers' failures are in the shared audit trail (job.retrying, job.failed, reconcile.failed), which the box now
reads too. A CRM that answered with a refusal (a rate limit) is not an outage.
"""

from __future__ import annotations

import pytest

from app.audit import write_audit
from app.dispatch import get_dispatcher
from app.storage import get_db
from app.sync import enqueue_records
from tests.admin.test_crm_not_answering import connection_box
from tests.admin.test_signin_and_install_page import follow_crm
from tests.hubspot import sandbox_helpers as sb

pytestmark = pytest.mark.timeout(180)


@pytest.fixture
def sandbox():
    handle = sb.start(n_open_deals=3, n_closed_deals=6, n_companies=4, seed=5)
    yield handle
    handle.stop()


@pytest.fixture
def installed(app_factory, sandbox):
    app = app_factory(**sb.app_config(sandbox, BACKFILL_ON_INSTALL=False,
                                      JOB_FUNCTION="app.pipeline.batch.process_batch", START_WORKER=False))
    client = app.test_client()
    follow_crm(client, "/oauth/hubspot/install")  # the installer is signed in (admin)
    return app, client, f"hubspot-{sandbox.hub_id}"


def test_a_crm_that_stopped_answering_the_workers_reads_not_answering_in_the_connection_box(installed, sandbox):
    app, client, tid = installed
    assert "Connected" in connection_box(client, tid)
    deal = sandbox.deal_ids()[0]
    where = sandbox.url
    sandbox.stop()
    with app.app_context():
        enqueue_records(app, tid, [(deal, "k-outage")], source="RECONCILE")
    backend = get_dispatcher(app).backend
    backend._bulk = [(0.0, *e[1:]) for e in backend._bulk]  # due now
    backend.run_due(bulk_only=True)

    box = connection_box(client, tid)

    assert "Not answering" in box and "Connected" not in box, box
    assert "could not reach HubSpot" in box and where in box and "nothing answered" in box, box
    assert "HTTPConnectionPool" not in box and "Traceback" not in box, box


@pytest.mark.parametrize("event", ["job.retrying", "job.failed", "reconcile.failed"])
def test_each_kind_of_worker_failure_that_found_no_crm_reads_not_answering(installed, event):
    app, client, tid = installed
    with get_db(app).session() as s:
        write_audit(s, event, tenant_id=tid, detail={
            "type": "CrmUnavailable", "status": None,
            "error": "[hubspot] ConnectionError: HTTPConnectionPool(host='127.0.0.1', port=9): Max retries exceeded "
                     "(Caused by NewConnectionError(': Failed to establish a new connection: Connection refused'))"})
    assert "Not answering" in connection_box(client, tid)


def test_a_rate_limited_or_refused_worker_call_is_not_an_outage(installed):
    app, client, tid = installed
    with get_db(app).session() as s:
        write_audit(s, "job.retrying", tenant_id=tid, detail={
            "type": "CrmUnavailable", "status": None, "error": "Connection refused"})  # an outage, then:
        write_audit(s, "job.retrying", tenant_id=tid, detail={
            "type": "CrmRateLimited", "status": 429, "error": "[hubspot] rate limited (HTTP 429)", "delay": 10})
    box = connection_box(client, tid)
    assert "Not answering" not in box and "Connected" in box, box  # the CRM answered since


def test_a_record_the_workers_processed_after_the_outage_clears_it(installed, sandbox):
    app, client, tid = installed
    with get_db(app).session() as s:
        write_audit(s, "job.retrying", tenant_id=tid, detail={
            "type": "CrmUnavailable", "status": None, "error": "Connection refused"})
    assert "Not answering" in connection_box(client, tid)
    with app.app_context():
        enqueue_records(app, tid, [(sandbox.deal_ids()[0], "k-back")], source="RECONCILE")
    backend = get_dispatcher(app).backend
    backend._bulk = [(0.0, *e[1:]) for e in backend._bulk]
    backend.run_due(bulk_only=True)
    assert "Connected" in connection_box(client, tid)
