"""A mistyped console address answers the console's own 404 page (wave 28's walk: /admin/t/<tenant>/nosuch
gave the framework's bare "Not Found" with no way back), and every real page still answers as before."""

from __future__ import annotations

import pytest

from tests.admin.conftest import crm_session

A = "hubspot-101"


@pytest.mark.parametrize(
    "path",
    [
        f"/admin/t/{A}/nosuch",
        f"/admin/t/{A}/models/extra",
        "/admin/settings",
        "/admin/t/hubspot-999/whatever",
    ],
)
def test_a_mistyped_console_address_gets_the_consoles_404_page(console, path):
    for client in (console.test_client(), crm_session(console.test_client(), A, "ann@a.example")):
        resp = client.get(path)
        html = resp.get_data(as_text=True)
        assert resp.status_code == 404
        assert "No such page in the console" in html and "Console home" in html, html[:300]
        assert "The requested URL was not found on the server" not in html
        assert "bob@b.example" not in html and "hubspot-202" not in html


def test_real_pages_and_other_404s_are_untouched(console):
    client = crm_session(console.test_client(), A, "ann@a.example")
    assert client.get(f"/admin/t/{A}/").status_code == 200
    assert client.get(f"/admin/t/{A}/guardrails").status_code == 200
    assert "No such tenant" in client.get("/admin/t/hubspot-999/").get_data(as_text=True)
    assert "No such guide" in client.get("/admin/docs/nosuch.md").get_data(as_text=True)
    assert client.get("/admin/login").status_code == 200
    # outside the console nothing changes: a machine path keeps its JSON 404
    resp = client.get("/webhooks/nosuch")
    assert resp.status_code in (404, 405) and "No such page in the console" not in resp.get_data(as_text=True)
