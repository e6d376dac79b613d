"""Who may see and do what: every page is scoped to one tenant, roles gate the forms, and every
form is refused without the session's CSRF token."""

from __future__ import annotations

import time

import pytest

from app import defaults
from tests.admin.conftest import crm_session, csrf_of, operator_session
from tests.conftest import install_tenant

A, B = "hubspot-101", "hubspot-202"


def tenant_pages(app, tenant: str) -> list[str]:
    """Every GET page of the console under /admin/t/<tenant>/, from the app's own URL map."""
    out = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint.startswith("admin.") and "GET" in rule.methods and "<tenant>" in rule.rule:
            args = {a: (tenant if a == "tenant" else 1) for a in rule.arguments}
            out.append(rule.rule.replace("<tenant>", tenant).replace("<int:run>", str(args.get("run", 1))))
    return sorted(out)


def tenant_forms(app, tenant: str) -> list[str]:
    out = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint.startswith("admin.") and "POST" in rule.methods and "<tenant>" in rule.rule:
            out.append(rule.rule.replace("<tenant>", tenant).replace("<kind>", "resync"))
    return sorted(out)


def test_the_console_has_tenant_pages_to_check(console):
    pages = tenant_pages(console, A)
    assert f"/admin/t/{A}/" in pages and f"/admin/t/{A}/access" in pages


def test_every_tenant_page_refuses_a_session_of_another_tenant(console):
    client = crm_session(console.test_client(), A, "ann@a.example")
    for path in tenant_pages(console, B):
        resp = client.get(path)
        assert resp.status_code in (403, 404), f"{path} answered {resp.status_code} to tenant A's session"
        html = resp.get_data(as_text=True)
        assert "hubspot-202" not in html.split("<main>")[1] and "bob@b.example" not in html, path


def test_every_tenant_form_refuses_a_session_of_another_tenant(console):
    client = crm_session(console.test_client(), A, "ann@a.example")
    csrf = csrf_of(client, f"/admin/t/{A}/")
    for path in tenant_forms(console, B):
        resp = client.post(path, data={"csrf_token": csrf})
        assert resp.status_code in (403, 404), f"POST {path} answered {resp.status_code} to tenant A's session"


def test_the_own_tenant_pages_open_for_its_installing_user(console):
    client = crm_session(console.test_client(), A, "Ann@A.example")  # e-mails compare case-insensitively
    resp = client.get(f"/admin/t/{A}/")
    assert resp.status_code == 200
    assert '<span id="role">admin</span>' in resp.get_data(as_text=True)


def test_an_unknown_tenant_is_404_even_for_the_operator(console):
    client = operator_session(console.test_client())
    assert client.get("/admin/t/hubspot-999/").status_code == 404


def test_the_operator_sees_every_tenant_and_a_crm_user_goes_to_their_own(console):
    op = operator_session(console.test_client())
    html = op.get("/admin/").get_data(as_text=True)
    assert A in html and B in html
    user = crm_session(console.test_client(), B, "bob@b.example")
    resp = user.get("/admin/")
    assert resp.status_code == 302 and resp.location.endswith(f"/admin/t/{B}/")


def test_an_anonymous_browser_is_sent_to_sign_in_and_back(console):
    resp = console.test_client().get(f"/admin/t/{A}/access")
    assert resp.status_code == 302
    assert resp.location.startswith("/admin/login?next=") and "access" in resp.location


def test_an_expired_crm_sign_in_counts_as_signed_out(console):
    stale = time.time() - defaults.ADMIN_SESSION_SECONDS - 5
    client = crm_session(console.test_client(), A, "ann@a.example", at=stale)
    assert client.get(f"/admin/t/{A}/").status_code == 302


def test_a_forged_session_flag_without_the_sign_in_record_grants_nothing(console):
    client = console.test_client()
    with client.session_transaction() as sess:
        sess["console"] = {"tenant": A, "user": "ann@a.example"}  # no method, no time
    assert client.get(f"/admin/t/{A}/").status_code == 302


@pytest.mark.parametrize("token", [None, "", "not-the-token"])
def test_every_form_is_refused_without_the_right_csrf_token(console, token):
    client = operator_session(console.test_client())
    csrf_of(client, f"/admin/t/{A}/")  # the session has a token; the form below does not send it
    for path in [*tenant_forms(console, A), "/admin/signout"]:
        data = {} if token is None else {"csrf_token": token}
        resp = client.post(path, data=data)
        assert resp.status_code == 400, f"POST {path} without a valid CSRF token answered {resp.status_code}"
        assert "expired or did not come from this console" in resp.get_data(as_text=True)
    assert client.get(f"/admin/t/{A}/").status_code == 200  # and the session is still signed in


def test_a_viewer_reads_but_cannot_grant_roles_or_start_a_resync(console):
    client = crm_session(console.test_client(), A, "carl@a.example")  # not the installer, no grant
    html = client.get(f"/admin/t/{A}/").get_data(as_text=True)
    assert '<span id="role">viewer</span>' in html and 'id="action-resync"' not in html
    csrf = csrf_of(client, f"/admin/t/{A}/")
    assert client.post(f"/admin/t/{A}/actions/resync", data={"csrf_token": csrf}).status_code == 403
    resp = client.post(f"/admin/t/{A}/access", data={"csrf_token": csrf, "user": "carl@a.example", "role": "admin"})
    assert resp.status_code == 403


def test_an_admin_grant_takes_effect_on_the_next_request_and_can_be_removed(console):
    admin = crm_session(console.test_client(), A, "ann@a.example")
    csrf = csrf_of(admin, f"/admin/t/{A}/access")
    resp = admin.post(f"/admin/t/{A}/access", data={"csrf_token": csrf, "user": " Carl@A.example ", "role": "revops"})
    assert resp.status_code == 303
    carl = crm_session(console.test_client(), A, "carl@a.example")
    assert '<span id="role">revops</span>' in carl.get(f"/admin/t/{A}/").get_data(as_text=True)
    admin.post(f"/admin/t/{A}/access", data={"csrf_token": csrf, "user": "carl@a.example", "role": "none"})
    assert '<span id="role">viewer</span>' in carl.get(f"/admin/t/{A}/").get_data(as_text=True)


def test_a_grant_with_an_unknown_role_is_refused_with_the_reason(console):
    admin = crm_session(console.test_client(), A, "ann@a.example")
    csrf = csrf_of(admin, f"/admin/t/{A}/access")
    resp = admin.post(f"/admin/t/{A}/access", data={"csrf_token": csrf, "user": "carl@a.example", "role": "owner"})
    assert resp.status_code == 400 and "is not one of viewer, revops, admin" in resp.get_data(as_text=True)


def test_a_grant_in_tenant_a_gives_nothing_in_tenant_b(console):
    admin = crm_session(console.test_client(), A, "ann@a.example")
    csrf = csrf_of(admin, f"/admin/t/{A}/access")
    admin.post(f"/admin/t/{A}/access", data={"csrf_token": csrf, "user": "bob@b.example", "role": "viewer"})
    bob_as_a = crm_session(console.test_client(), A, "bob@b.example")
    assert '<span id="role">viewer</span>' in bob_as_a.get(f"/admin/t/{A}/").get_data(as_text=True)
    bob = crm_session(console.test_client(), B, "bob@b.example")
    assert bob.get(f"/admin/t/{A}/").status_code == 403


def test_a_run_id_of_another_tenant_is_not_found(console):
    from app.admin import actions
    from app.storage import get_db

    with get_db(console).session() as s:
        from app.audit import write_audit

        row = write_audit(s, "console.sync_requested", tenant_id=B, detail={"kind": "resync", "by": "bob"})
        s.flush()
        run = row.id
        assert actions.progress(s, A, run) is None
    op = operator_session(console.test_client())
    assert op.get(f"/admin/t/{A}/actions/{run}").status_code == 404
    assert op.get(f"/admin/t/{B}/actions/{run}").status_code == 200


def test_every_tenant_page_opens_for_its_own_tenant(console):
    from app.audit import write_audit
    from app.storage import get_db

    with get_db(console).session() as s:
        row = write_audit(s, "console.sync_requested", tenant_id=A, detail={"kind": "resync", "by": "op"})
        s.flush()
        run = row.id
    client = crm_session(console.test_client(), A, "ann@a.example")
    for path in tenant_pages(console, A):
        path = path.replace(f"/actions/{1}", f"/actions/{run}")
        resp = client.get(path)
        assert resp.status_code == 200, f"{path} answered {resp.status_code} to its own tenant's admin"


def test_a_run_number_no_database_row_can_have_is_not_found_rather_than_a_server_error(console):
    op = operator_session(console.test_client())
    r = op.get(f"/admin/t/{A}/actions/{'9' * 30}")
    assert r.status_code == 404 and "No such run" in r.get_data(as_text=True)


@pytest.mark.parametrize("typed", ["not an email at all <script>", "carl", "carl@localhost", "carl @a.example",
                                   "0050W00000002bJQAQ"])
def test_a_grant_to_something_hubspot_sign_in_never_names_is_refused_naming_the_field_and_the_value(console, typed):
    # Wave 22: "not an email at all <script>" became a viewer; HubSpot's sign-in names a person by e-mail only.
    admin = crm_session(console.test_client(), A, "ann@a.example")
    csrf = csrf_of(admin, f"/admin/t/{A}/access")
    resp = admin.post(f"/admin/t/{A}/access", data={"csrf_token": csrf, "user": typed, "role": "viewer"})
    html = resp.get_data(as_text=True)
    assert resp.status_code == 400
    assert "Person " in html and "is not an e-mail address" in html
    assert "No roles granted yet." in html
    assert "<script>" not in html.split("<main", 1)[1]


def test_a_salesforce_account_grants_by_user_id_and_refuses_an_e_mail(console):
    from app.admin.access import GrantError, check_person

    assert check_person("salesforce", "0050W00000002bJQAQ") == "0050W00000002bJQAQ"
    assert check_person("salesforce", "0050W00000002bJ") == "0050W00000002bJQAQ"  # stored by its 18-character form (wave 24)
    with pytest.raises(GrantError, match=r"Person 'carl@a.example' is not a Salesforce User id"):
        check_person("salesforce", "carl@a.example")
    with pytest.raises(GrantError, match="is not a Salesforce User id"):
        check_person("salesforce", "0010W00000002bJQAQ")  # an Account id


def test_a_grant_stored_before_the_check_can_still_be_removed(console):
    from app.admin.access import grant, grants
    from app.storage import get_db
    from app.storage.models import ConsoleGrant

    with get_db(console).session() as s:
        s.add(ConsoleGrant(tenant_id=A, user="not an email at all <script>", role="viewer", granted_by="x"))
    with get_db(console).session() as s:
        grant(s, A, "not an email at all <script>", "none", by="ann@a.example", crm="hubspot")
    with get_db(console).session() as s:
        assert grants(s, A) == []


def test_a_salesforce_accounts_backfill_says_it_queues_open_deals_and_leads(app_factory, monkeypatch):
    # The Salesforce demo's button read "Backfill of every open deal" and its status "77 open deals"
    # for 40 Opportunities and 37 Leads.
    from sqlalchemy import update

    from app.audit import write_audit
    from app.storage import get_db
    from app.storage.models import Installation, Tenant
    from tests.admin.conftest import ADMIN_TOKEN

    app = app_factory(ADMIN_TOKEN=ADMIN_TOKEN)
    tid = install_tenant(app, "00D5g000004ABCDEAW", tenant_id="salesforce-00D5g000004ABCDEAW")
    with get_db(app).session() as s:
        s.execute(update(Tenant).where(Tenant.id == tid).values(crm="salesforce"))
        s.execute(update(Installation).where(Installation.tenant_id == tid).values(crm="salesforce"))
        run = write_audit(s, "console.sync_requested", tenant_id=tid, detail={"kind": "backfill", "by": "op"})
        s.flush()
        write_audit(s, "console.sync_finished", tenant_id=tid,
                    detail={"run": run.id, "kind": "backfill", "records_backfilled": 77, "enqueued": 77,
                            "already_pending": 0})
        run_id = run.id
    # The CRM names its users (Salesforce User ids); the progress page said "by 0050W00000002bJQAQ".
    import app.admin.people as people

    monkeypatch.setattr(people, "names", lambda app_, tenant_id, crm, users: {"op": "Olivia Park"})
    client = operator_session(app.test_client())
    health = client.get(f"/admin/t/{tid}/").get_data(as_text=True)
    assert "Backfill of every open opportunity and lead" in health
    assert "every one of the open opportunities and leads" in health
    status = client.get(f"/admin/t/{tid}/actions/{run_id}").get_data(as_text=True)
    assert "77 open opportunities and leads, 77 queued" in status
    assert 'by Olivia Park <span class="muted">(op)</span>' in status
    hubspot = install_tenant(app, "303")
    assert "Backfill of every open deal<" in client.get(f"/admin/t/{hubspot}/").get_data(as_text=True)
