"""Uninstall erases a tenant: a signed-in operator's browser must not do it for a forged form.

`POST /oauth/<crm>/uninstall` accepted the console's session cookie with no CSRF token, so any
page that got the browser to post a form (same site, or an older browser without SameSite)
erased a customer's data. A script with the admin token in a header needs no CSRF token.
"""

from __future__ import annotations

from sqlalchemy import select

from tests.admin.conftest import ADMIN_TOKEN, csrf_of, operator_session
from tests.conftest import install_tenant


def _tenants(app):
    from app.storage import get_db
    from app.storage.models import Tenant

    with get_db(app).session() as s:
        return s.execute(select(Tenant.id)).scalars().all()


def test_a_forged_form_in_a_signed_in_operators_browser_erases_nothing(app_factory):
    app = app_factory(ADMIN_TOKEN=ADMIN_TOKEN)
    install_tenant(app, "303")
    browser = operator_session(app.test_client())
    resp = browser.post("/oauth/hubspot/uninstall", data={"tenant": "hubspot-303"})
    assert resp.status_code == 400 and resp.get_json()["error"] == "csrf_failed"
    resp = browser.post("/oauth/hubspot/uninstall", json={"tenant": "hubspot-303"})
    assert resp.status_code == 400
    assert _tenants(app) == ["hubspot-303"]


def test_the_operators_browser_uninstalls_with_the_consoles_csrf_token(app_factory):
    app = app_factory(ADMIN_TOKEN=ADMIN_TOKEN)
    install_tenant(app, "303")
    browser = operator_session(app.test_client())
    token = csrf_of(browser, "/admin/t/hubspot-303/")
    resp = browser.post("/oauth/hubspot/uninstall", data={"tenant": "hubspot-303", "csrf_token": token})
    assert resp.status_code == 200, resp.get_json()
    assert _tenants(app) == []


def test_a_script_with_the_admin_token_header_needs_no_csrf_token(app_factory):
    app = app_factory(ADMIN_TOKEN=ADMIN_TOKEN)
    install_tenant(app, "303")
    resp = app.test_client().post("/oauth/hubspot/uninstall", json={"tenant": "hubspot-303"},
                                  headers={"X-Admin-Token": ADMIN_TOKEN})
    assert resp.status_code == 200 and _tenants(app) == []
