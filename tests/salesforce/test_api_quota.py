"""The org's daily API allocation as the admin sees it: read from the `Sforce-Limit-Info` header
the Salesforce sandbox sends on every response, kept after each batch, shown on install health."""

from __future__ import annotations

import time

from sqlalchemy import select

from app.pipeline.batch import note_api_quota
from app.storage import get_db
from app.storage.models import Installation
from integrations.base import ApiQuota
from tests.admin.conftest import set_installer
from tests.salesforce.conftest import ORGS
from tests.salesforce.helpers import install_org


def test_the_client_reports_the_orgs_allocation_from_the_last_response(make_client, sfsb):
    client = make_client()
    assert client.api_quota() is None  # nothing called yet: nothing reported
    ids = list(client.iter_open_ids("deal"))[:3]
    client.get_records("deal", ids)
    quota = client.api_quota()
    assert isinstance(quota, ApiQuota) and quota.window == "rolling 24 h"
    assert 0 < quota.used < quota.limit


def test_install_health_shows_the_share_of_the_allocation_used(app, make_client):
    tid = install_org(app, ORGS[0])
    set_installer(app, tid, "ann@org.example")
    client = make_client()
    client.get_records("deal", list(client.iter_open_ids("deal"))[:2])
    note_api_quota(app, tid, client)
    with get_db(app).session() as s:
        used, limit = s.execute(select(Installation.api_used, Installation.api_limit)
                                .where(Installation.tenant_id == tid)).one()
    assert used == client.api_quota().used and limit == client.api_quota().limit
    web = app.test_client()
    with web.session_transaction() as sess:
        sess["console"] = {"method": "crm", "crm": "salesforce", "tenant": tid, "user": "ann@org.example",
                           "at": int(time.time())}
    html = web.get(f"/admin/t/{tid}/").get_data(as_text=True)
    box = " ".join(html.split('id="api-quota"')[1].split("</div></div>")[0].split())
    assert f"{used:,} of {limit:,} requests in the last 24 h, every app of the org together" in box


def test_a_client_that_reports_nothing_leaves_the_last_figure(app):
    tid = install_org(app, ORGS[1])

    class Silent:
        def api_quota(self):
            return None

    note_api_quota(app, tid, Silent())
    note_api_quota(app, tid, object())  # a client without the method (test fakes) is no error
    with get_db(app).session() as s:
        assert s.execute(select(Installation.api_used).where(Installation.tenant_id == tid)).scalar_one() is None


def test_install_health_shows_no_hubspot_window_for_an_org_and_points_at_the_daily_allocation(app):
    # The wave-31 walk: an org's page read "100 / 100 calls left in this 10 s window (search: 5 / 5 per 1 s)",
    # HubSpot's limits, from a limiter key no Salesforce call takes from.
    tid = install_org(app, ORGS[0])
    set_installer(app, tid, "ann@org.example")
    web = app.test_client()
    with web.session_transaction() as sess:
        sess["console"] = {"method": "crm", "crm": "salesforce", "tenant": tid, "user": "ann@org.example",
                           "at": int(time.time())}
    html = web.get(f"/admin/t/{tid}/").get_data(as_text=True)
    box = " ".join(html.split('id="headroom"')[1].split('id="api-quota"')[0].split())
    assert "s window" not in box and "search:" not in box
    assert "Salesforce sets no per-second window that the app paces its calls by" in box
    assert "the org&#39;s daily API allocation, beside" in box  # escaped as the page writes it
