"""A CSRF token that is not ASCII is a wrong token (400, nothing changed), not a 500.

`hmac.compare_digest` refuses two str holding non-ASCII characters with a TypeError: anyone who
opened the sign-in page and posted `csrf_token=é` got a 500 from /admin/login, and a signed-in
browser got one from every console form, sign-out and the uninstall.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.admin.conftest import ADMIN_TOKEN, csrf_of, operator_session
from tests.conftest import install_tenant

NOT_ASCII = ["\u00e9", "\u2603", "\U0001f600", "caf\u00e9-" + "x" * 40, "\u0000", "\u00a0"]


@pytest.mark.parametrize("given", NOT_ASCII)
def test_the_sign_in_form_with_a_non_ascii_csrf_token_is_refused_400_and_signs_no_one_in(
    app_factory: Any, given: str
) -> None:
    app = app_factory(ADMIN_TOKEN=ADMIN_TOKEN)
    client = app.test_client()
    client.get("/admin/login")  # the session now holds a CSRF token
    resp = client.post("/admin/login", data={"csrf_token": given, "token": ADMIN_TOKEN, "next": "/admin/"})
    assert resp.status_code == 400
    assert client.get("/admin/").status_code == 302  # still signed out: sent to the sign-in page


@pytest.mark.parametrize("given", NOT_ASCII)
def test_a_signed_in_browsers_forms_with_a_non_ascii_csrf_token_change_nothing(
    app_factory: Any, given: str
) -> None:
    app = app_factory(ADMIN_TOKEN=ADMIN_TOKEN)
    install_tenant(app, "303")
    browser = operator_session(app.test_client())
    assert csrf_of(browser, "/admin/t/hubspot-303/guardrails")  # the session holds its token from here on
    resp = browser.post("/admin/t/hubspot-303/guardrails", data={"csrf_token": given, "discount_cap": "0.3"})
    assert resp.status_code == 400
    resp = browser.post(
        "/oauth/hubspot/uninstall", data={"tenant": "hubspot-303"}, headers={"X-CSRF-Token": given}
    )
    assert resp.status_code == 400 and resp.get_json()["error"] == "csrf_failed"
    resp = browser.post("/admin/signout", data={"csrf_token": given})
    assert resp.status_code == 400
    assert browser.get("/admin/t/hubspot-303/").status_code == 200  # still signed in, tenant still there


def test_the_sessions_own_token_still_signs_in_and_out(app_factory: Any) -> None:
    app = app_factory(ADMIN_TOKEN=ADMIN_TOKEN)
    install_tenant(app, "303")
    browser = operator_session(app.test_client())
    token = csrf_of(browser, "/admin/t/hubspot-303/")
    resp = browser.post("/admin/signout", data={"csrf_token": token})
    assert resp.status_code in (302, 303)
    assert browser.get("/admin/t/hubspot-303/").status_code == 302
