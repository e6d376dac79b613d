"""After the admin signs in, the console sends them to `next`: only a path of this site.

Browsers read `/\\evil.example` (and `/<tab>/evil.example`) as `//evil.example`, another site: a
link to the login page with such a `next` handed a freshly signed-in operator to a phishing page.
"""

from __future__ import annotations

import pytest

from tests.admin.conftest import ADMIN_TOKEN, CSRF


@pytest.fixture
def admin_app(app_factory):
    return app_factory(ADMIN_TOKEN=ADMIN_TOKEN)


def _sign_in(client, next_path):
    page = client.get("/admin/login", query_string={"next": next_path}).get_data(as_text=True)
    return client.post("/admin/login", data={"csrf_token": CSRF.search(page).group(1), "token": ADMIN_TOKEN,
                                              "next": next_path})


@pytest.mark.parametrize("target", ["/\\evil.example/x", "/\\/evil.example", "/\t/evil.example", "/\n/evil.example",
                                    "//evil.example", "https://evil.example/", "/%5Cevil.example"])
def test_signing_in_never_redirects_to_another_site(admin_app, target):
    resp = _sign_in(admin_app.test_client(), target)
    assert resp.status_code == 302
    location = resp.headers["Location"]
    # a path of this site (a percent-escaped backslash is only a strange path, never a host)
    assert location.startswith("/") and not location.startswith(("//", "/\\")), location
    assert not any(c in location for c in "\t\r\n\\"), location
    assert "evil.example" not in location or location.startswith("/%5C"), location


def test_signing_in_still_returns_to_the_console_page_asked_for(admin_app):
    resp = _sign_in(admin_app.test_client(), "/admin/t/hubspot-1/guardrails?x=1")
    assert resp.status_code == 302 and resp.headers["Location"] == "/admin/t/hubspot-1/guardrails?x=1"
