"""Sign in with the CRM through the sandbox's real OAuth endpoints, and the install page."""

from __future__ import annotations

from urllib.parse import parse_qs, urlencode, urlparse

import pytest

from tests.hubspot import sandbox_helpers as sb

pytestmark = pytest.mark.timeout(180)


@pytest.fixture(scope="module")
def sandbox():
    handle = sb.start(n_open_deals=3, n_closed_deals=6, n_companies=4, seed=5)
    yield handle
    handle.stop()


@pytest.fixture
def hs_app(app_factory, sandbox):
    return app_factory(**sb.app_config(sandbox, BACKFILL_ON_INSTALL=False))


def follow_crm(client, start_path: str, **extra: str):
    """Our redirect to the CRM, the CRM's consent, and our callback: the callback's response."""
    resp = client.get(start_path)
    assert resp.status_code == 302, resp.get_data(as_text=True)[:300]
    authorize = resp.headers["Location"]
    if extra:
        authorize += "&" + urlencode(extra)
    callback = urlparse(sb.consent(authorize))
    return client.get(callback.path, query_string=parse_qs(callback.query), headers={"Accept": "text/html"})


def owners(sandbox) -> list[str]:
    import requests

    r = requests.get(f"{sandbox.url}/crm/v3/owners", headers={"Authorization": f"Bearer {sb.PRIVATE_APP_TOKEN}"},
                     timeout=10)
    r.raise_for_status()
    return [o["email"] for o in r.json()["results"]]


def test_the_install_page_says_what_was_installed_and_what_is_left_to_do(hs_app, sandbox):
    client = hs_app.test_client()
    page = follow_crm(client, "/oauth/hubspot/install")
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and page.mimetype == "text/html"
    assert f"hubspot-{sandbox.hub_id}" in html and str(sandbox.hub_id) in html
    assert "crm.objects.deals.read" in html and "granted" in html
    assert "AI conversion score (1-99)" in html and "ai_conversion_score" in html  # the fields created
    assert "Record customization" in html and "docs/card.png" in html  # where to put the card
    health = html.split('id="health-link" href="')[1].split('"')[0]
    assert health == f"/admin/t/hubspot-{sandbox.hub_id}/"
    # The installing user is signed in: the link opens their health page as admin.
    resp = client.get(health)
    assert resp.status_code == 200 and '<span id="role">admin</span>' in resp.get_data(as_text=True)


def test_the_install_records_who_installed(hs_app, sandbox):
    from sqlalchemy import select

    from app.storage import get_db
    from app.storage.models import Installation

    follow_crm(hs_app.test_client(), "/oauth/hubspot/install")
    with get_db(hs_app).session() as s:
        installed_by = s.execute(select(Installation.installed_by)).scalar_one()
    assert installed_by == owners(sandbox)[0]


def test_signing_in_with_the_crm_opens_the_own_tenant_as_admin_for_the_installer(hs_app, sandbox):
    follow_crm(hs_app.test_client(), "/oauth/hubspot/install")
    client = hs_app.test_client()  # another browser: no session
    login = client.get("/admin/login").get_data(as_text=True)
    assert 'href="/admin/signin/hubspot"' in login and "Sign in with HubSpot" in login
    resp = follow_crm(client, "/admin/signin/hubspot")
    assert resp.status_code == 302 and resp.location == f"/admin/t/hubspot-{sandbox.hub_id}/"
    page = client.get(resp.location).get_data(as_text=True)
    assert '<span id="role">admin</span>' in page and owners(sandbox)[0] in page


def test_another_user_of_the_portal_signs_in_as_a_viewer(hs_app, sandbox):
    follow_crm(hs_app.test_client(), "/oauth/hubspot/install")
    other = owners(sandbox)[1]
    client = hs_app.test_client()
    resp = follow_crm(client, "/admin/signin/hubspot", login_hint=other)
    assert resp.status_code == 302
    page = client.get(resp.location).get_data(as_text=True)
    assert '<span id="role">viewer</span>' in page and other in page


def test_signing_in_does_not_touch_the_installation(hs_app, sandbox):
    from sqlalchemy import select

    from app.storage import get_db
    from app.storage.models import AuditLog, Installation

    follow_crm(hs_app.test_client(), "/oauth/hubspot/install")
    with get_db(hs_app).session() as s:
        before = s.execute(select(Installation.id, Installation.access_token_enc)).all()
        audits = s.execute(select(AuditLog.event)).scalars().all()
    follow_crm(hs_app.test_client(), "/admin/signin/hubspot")
    with get_db(hs_app).session() as s:
        assert s.execute(select(Installation.id, Installation.access_token_enc)).all() == before
        assert s.execute(select(AuditLog.event)).scalars().all() == audits


def test_signing_in_from_a_portal_that_never_installed_is_refused(hs_app, sandbox):
    resp = follow_crm(hs_app.test_client(), "/admin/signin/hubspot")
    assert resp.status_code == 403
    assert "not installed in this account" in resp.get_data(as_text=True)


def test_a_replayed_sign_in_callback_is_refused(hs_app, sandbox):
    follow_crm(hs_app.test_client(), "/oauth/hubspot/install")
    attacker = hs_app.test_client()
    start = attacker.get("/admin/signin/hubspot").headers["Location"]
    callback = urlparse(sb.consent(start))
    victim = hs_app.test_client()  # the state is bound to the attacker's session, not the victim's
    resp = victim.get(callback.path, query_string=parse_qs(callback.query))
    assert resp.status_code == 400
    assert victim.get(f"/admin/t/hubspot-{sandbox.hub_id}/").status_code == 302


def test_a_backfill_started_from_the_health_page_shows_its_progress_until_listed(hs_app, sandbox):
    import re

    client = hs_app.test_client()
    follow_crm(client, "/oauth/hubspot/install")  # the installer is signed in (admin)
    tid = f"hubspot-{sandbox.hub_id}"
    health = client.get(f"/admin/t/{tid}/").get_data(as_text=True)
    assert 'id="action-backfill"' in health
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', health).group(1)
    resp = client.post(f"/admin/t/{tid}/actions/backfill", data={"csrf_token": csrf})
    assert resp.status_code == 303 and "/actions/" in resp.location
    hs_app.extensions["console_runs"][int(resp.location.rsplit("/", 1)[1])].join(60)
    page = client.get(resp.location).get_data(as_text=True)
    assert "Listing finished:" in page, page[:2000]
    listed = int(re.search(r"Listing finished:\s*(\d+) open deals", page).group(1))
    assert re.search(r"were already waiting\)\.", page) and "waiting)\n." not in page  # wave 30: "waiting) ."
    assert listed == 3  # the sandbox's open book (n_open_deals=3)
    # The queued deals wait for a worker (none runs here): the page keeps polling until they are done,
    # updating a live region in place (no timed reload: WCAG 2.2.1).
    assert 'data-done="false"' in page and "fetch(window.location.href" in page
    assert '<meta http-equiv="refresh"' not in page and "still waiting to be processed" in page


def test_a_resyncs_progress_writes_its_moments_as_the_rest_of_the_console_does(hs_app, sandbox):
    # It said "changed since 2026-12-04T18:23:02.478471Z" where every other page writes "2026-12-04 18:25 UTC".
    import re

    client = hs_app.test_client()
    follow_crm(client, "/oauth/hubspot/install")
    tid = f"hubspot-{sandbox.hub_id}"
    health = client.get(f"/admin/t/{tid}/").get_data(as_text=True)
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', health).group(1)
    resp = client.post(f"/admin/t/{tid}/actions/resync", data={"csrf_token": csrf})
    assert resp.status_code == 303
    hs_app.extensions["console_runs"][int(resp.location.rsplit("/", 1)[1])].join(60)
    page = client.get(resp.location).get_data(as_text=True)
    text = re.sub(r"<script.*?</script>", "", page, flags=re.S)
    assert re.search(r"changed since \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC[:.]", text), text[:2000]
    assert re.search(r"Requested \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC by", text)
    assert not re.search(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}", text), "an ISO timestamp printed raw"
    health = client.get(f"/admin/t/{tid}/").get_data(as_text=True)
    syncs = health.split('id="syncs"')[1].split("</table>")[0]
    assert not re.search(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}", syncs), syncs


def test_a_resyncs_status_accounts_for_every_record_it_found_changed(hs_app, sandbox):
    # "40 records changed since ..., 0 missed by the webhooks, 0 queued, 15 were our own writes" left 25 unsaid.
    import re

    client = hs_app.test_client()
    from datetime import UTC, datetime, timedelta

    from sqlalchemy import select

    from app.storage import get_db
    from app.storage.models import Installation

    follow_crm(client, "/oauth/hubspot/install")
    tid = f"hubspot-{sandbox.hub_id}"
    health = client.get(f"/admin/t/{tid}/").get_data(as_text=True)
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', health).group(1)
    resp = client.post(f"/admin/t/{tid}/actions/backfill", data={"csrf_token": csrf})  # queues every open deal
    hs_app.extensions["console_runs"][int(resp.location.rsplit("/", 1)[1])].join(60)
    with get_db(hs_app).session() as s:  # a re-sync over the whole seeded history, not only since the install
        s.execute(select(Installation).where(Installation.tenant_id == tid)).scalars().one().last_sync_at = (
            datetime.now(UTC) - timedelta(days=3650))
    resp = client.post(f"/admin/t/{tid}/actions/resync", data={"csrf_token": csrf})
    hs_app.extensions["console_runs"][int(resp.location.rsplit("/", 1)[1])].join(60)
    text = re.sub(r"<[^>]+>", " ", re.sub(r"<script.*?</script>", "", client.get(resp.location).get_data(as_text=True),
                                           flags=re.S))
    found = re.search(r"(\d+) records? changed since [\d-]+ [\d:]+ UTC: (.*?)\.\s", text, flags=re.S)
    assert found, " ".join(text.split()).split("Listing")[-1][:1500]
    parts = re.findall(r"(\d+) (delivered by the webhooks|read by a backfill|already waiting in the queue|"
                       r"changed only by our own write-back|missed by the webhooks)", found.group(2))
    assert parts and sum(int(n) for n, _ in parts) == int(found.group(1)), found.group(0)
    assert "already waiting in the queue" in found.group(2), found.group(0)  # the install's backfill
    syncs = client.get(f"/admin/t/{tid}/").get_data(as_text=True).split('id="syncs"')[1].split("</table>")[0]
    assert "explained: webhook 0 · read" in syncs and "{" not in syncs, syncs  # not a Python dict


def _closed_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_the_health_page_says_when_the_queue_cannot_be_reached_and_that_changes_are_kept(
        hs_app, app_factory, sandbox):
    """With Redis gone the page showed '0 waiting · 0 running' as if all were well."""
    follow_crm(hs_app.test_client(), "/oauth/hubspot/install")
    redis_gone = app_factory(**sb.app_config(sandbox, BACKFILL_ON_INSTALL=False, ADMIN_TOKEN="op-token",
                                             REDIS_URL=f"redis://127.0.0.1:{_closed_port()}/0"))
    page = redis_gone.test_client().get(f"/admin/t/hubspot-{sandbox.hub_id}/", headers={"X-Admin-Token": "op-token"})
    assert page.status_code == 200, page.get_data(as_text=True)[:500]
    html = page.get_data(as_text=True)
    queue = html.split('id="queue"')[1].split('<div class="box"')[0]
    assert "Queue unreachable" in queue and "Connection refused" in queue
    assert "kept in the database" in queue


def test_the_health_page_shows_no_queue_warning_while_the_queue_answers(hs_app, sandbox):
    client = hs_app.test_client()
    follow_crm(client, "/oauth/hubspot/install")
    html = client.get(f"/admin/t/hubspot-{sandbox.hub_id}/").get_data(as_text=True)
    assert 'id="queue"' in html and "unreachable" not in html


def test_an_install_while_redis_is_down_is_503_saying_so_and_to_try_again(app_factory, sandbox):
    """The callback's first CRM call needs the shared rate limiter in Redis: it was a 500 page."""
    app = app_factory(**sb.app_config(sandbox, BACKFILL_ON_INSTALL=False,
                                      REDIS_URL=f"redis://:pw-in-url@127.0.0.1:{_closed_port()}/0"))
    page = follow_crm(app.test_client(), "/oauth/hubspot/install")
    assert page.status_code == 503, page.get_data(as_text=True)[:500]
    body = page.get_json()
    assert body["error"] == "service_unavailable" and "Redis (REDIS_URL)" in body["detail"]
    assert "pw-in-url" not in page.get_data(as_text=True) and page.headers["Retry-After"] == "30"


def test_the_console_while_the_database_is_down_is_503_naming_it(app_factory):
    from app import create_app
    from tests.conftest import base_config

    app = create_app(base_config(f"postgresql+psycopg://u:pw-in-url@127.0.0.1:{_closed_port()}/db",
                                 ADMIN_TOKEN="op-token"))
    page = app.test_client().get("/admin/", headers={"X-Admin-Token": "op-token"})
    assert page.status_code == 503, page.get_data(as_text=True)[:500]
    assert "database (DATABASE_URL)" in page.get_json()["detail"] and "pw-in-url" not in page.get_data(as_text=True)


def test_the_sign_in_page_offers_only_the_crms_this_deployment_can_sign_in_with(app_factory):
    # The Salesforce demo offered "Sign in with HubSpot", which answered 500 (no HubSpot app credentials).
    app = app_factory(HUBSPOT_CLIENT_ID=None, HUBSPOT_CLIENT_SECRET=None,
                      SALESFORCE_CLIENT_ID="sf-client", SALESFORCE_CLIENT_SECRET="sf-secret")
    client = app.test_client()
    login = client.get("/admin/login").get_data(as_text=True)
    assert 'id="signin-salesforce"' in login and 'id="signin-hubspot"' not in login
    resp = client.get("/admin/signin/hubspot")  # a bookmarked or typed link still gets a page, not a 500
    body = resp.get_data(as_text=True)
    assert resp.status_code == 503 and "Sign-in with HubSpot is not set up here" in body
    assert "HUBSPOT_CLIENT_ID" in body and "admin token" in body
