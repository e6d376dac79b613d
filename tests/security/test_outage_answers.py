"""A database or Redis outage is answered 503 naming which service, never its address or user:
a signed-in console viewer, a CRM's card request or a webhook must not learn where the
database lives (host, port, user name), which the driver's message carried."""

from __future__ import annotations

import socket

from tests.admin.conftest import crm_session


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_a_console_viewer_during_a_database_outage_learns_only_that_the_database_is_down():
    from app import create_app
    from tests.conftest import base_config

    port = _closed_port()
    app = create_app(base_config(f"postgresql+psycopg://dbadmin_secretname:pw@127.0.0.1:{port}/salesdb"))
    client = crm_session(app.test_client(), "hubspot-101", "viewer@a.example")
    page = client.get("/admin/t/hubspot-101/")
    assert page.status_code == 503 and page.headers["Retry-After"] == "30"
    text = page.get_data(as_text=True)
    assert "database (DATABASE_URL)" in page.get_json()["detail"]
    for leak in (str(port), "127.0.0.1", "dbadmin_secretname", "salesdb"):
        assert leak not in text, (leak, text)


def test_a_console_viewer_sees_that_the_queue_is_down_but_not_where_it_lives(app_factory):
    from tests.conftest import install_tenant

    port = _closed_port()
    app = app_factory(REDIS_URL=f"redis://127.0.0.1:{port}/0", ADMIN_TOKEN="op-token-for-this-test-0123456789")
    install_tenant(app, "101")
    viewer = crm_session(app.test_client(), "hubspot-101", "viewer@a.example")
    page = viewer.get("/admin/t/hubspot-101/")
    assert page.status_code == 200, page.get_data(as_text=True)[:500]
    queue = page.get_data(as_text=True).split('id="queue"')[1].split('<div class="box"')[0]
    assert "Queue unreachable" in queue and "Connection refused" in queue
    assert str(port) not in queue and "127.0.0.1" not in queue
    # the operator, who runs Redis, still gets the address
    operator = app.test_client().get("/admin/t/hubspot-101/", headers={"X-Admin-Token": "op-token-for-this-test-0123456789"})
    assert str(port) in operator.get_data(as_text=True)
