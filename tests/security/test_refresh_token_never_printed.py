"""Uninstall while the CRM cannot be reached: the refresh token was NOT revoked, so it still works,
and it must not be printed anywhere. HubSpot's revoke URL carries the token in its path
(`DELETE /oauth/v1/refresh-tokens/<token>`) and requests puts that URL in its connection error,
which the uninstall answered in `revoke_errors` and kept in the tenant-less audit row for good.
"""

from __future__ import annotations

import json
import logging
import socket

from sqlalchemy import select

from tests.admin.conftest import ADMIN_TOKEN
from tests.conftest import install_tenant

REFRESH = "live-refresh-7f3a9c1e5b2d4f60"


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_an_uninstall_with_hubspot_unreachable_prints_and_keeps_no_refresh_token(app_factory, caplog):
    from app.storage import get_db
    from app.storage.models import AuditLog

    app = app_factory(ADMIN_TOKEN=ADMIN_TOKEN, HUBSPOT_API_BASE=f"http://127.0.0.1:{_closed_port()}")
    install_tenant(app, "404", refresh_token=REFRESH)
    with caplog.at_level(logging.DEBUG):
        resp = app.test_client().post("/oauth/hubspot/uninstall", json={"tenant": "hubspot-404"},
                                      headers={"X-Admin-Token": ADMIN_TOKEN})
    assert resp.status_code == 200
    body = resp.get_json()
    assert body["revoked"] == 0 and body["revoke_errors"], body  # the admin still learns revocation failed
    assert "ConnectionError" in body["revoke_errors"][0] or "Unavailable" in body["revoke_errors"][0]
    assert REFRESH not in resp.get_data(as_text=True)
    with get_db(app).session() as s:
        details = [json.dumps(d) for d in s.execute(select(AuditLog.detail)).scalars()]
    assert details and not [d for d in details if REFRESH in d]
    assert REFRESH not in caplog.text
