"""A HubSpot portal whose access cannot be renewed reads "Reconnect HubSpot", whichever call found out.

Wave 30 marked a Salesforce org for reconnecting from any call that meets a dead session it cannot renew
(tests/salesforce/test_needs_reauth.py); on HubSpot only a record job or a scheduled job marked it, so a console
call (the mappings page reading the portal's fields, a card) met HubSpot's refusal again and again while the
connection box read "Connected". HubSpot's access tokens live 30 minutes (hubspot-api-facts); without a refresh
token, or once HubSpot answers BAD_REFRESH_TOKEN (the app uninstalled in the portal), no later call can succeed.
"""

from __future__ import annotations

import re
import time
from typing import Any

import pytest
from sqlalchemy import select, update

from tests.admin.conftest import ADMIN_TOKEN, operator_session
from tests.hubspot import sandbox_helpers as sb
from tests.platform.test_install_realism import install

pytestmark = pytest.mark.timeout(180)


@pytest.fixture
def sandbox():
    handle = sb.start(n_open_deals=3, n_closed_deals=5, n_companies=4, seed=9)
    yield handle
    handle.stop()


@pytest.fixture
def hs_app(app_factory, sandbox):
    return app_factory(**sb.app_config(sandbox, BACKFILL_ON_INSTALL=False, ADMIN_TOKEN=ADMIN_TOKEN))


@pytest.fixture
def tid(hs_app, sandbox) -> str:
    sandbox.set_token_ttl(1)
    return str(install(hs_app, "application/json").get_json()["tenant"])


def state(app: Any, tid: str) -> tuple[str, bool]:
    from app.storage import get_db
    from app.storage.models import Installation, Tenant

    with get_db(app).session() as s:
        inst = s.execute(select(Installation).where(Installation.tenant_id == tid)).scalars().one()
        tenant = s.get(Tenant, tid)
        assert tenant is not None
        return tenant.status, inst.revoked_at is not None


def connection_box(app: Any, tid: str) -> str:
    html = operator_session(app.test_client()).get(f"/admin/t/{tid}/").get_data(as_text=True)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def a_console_call(app: Any, tid: str) -> Exception | None:
    """One CRM call as the console makes it (the mappings page reads the portal's deal fields)."""
    from app.tenants import client_for

    try:
        client_for(tid, app, fresh=True).describe("deal")
    except Exception as exc:
        return exc
    return None


def drop_refresh_token(app: Any, tid: str) -> None:
    from app.storage import get_db
    from app.storage.models import Installation

    with get_db(app).session() as s:
        s.execute(update(Installation).where(Installation.tenant_id == tid).values(refresh_token_enc=None))


def test_an_expired_token_without_a_refresh_token_marks_the_portal_for_reconnecting_from_a_console_call(
        hs_app, sandbox, tid):
    drop_refresh_token(hs_app, tid)
    time.sleep(1.5)  # the 1-second access token is gone

    err = a_console_call(hs_app, tid)

    assert err is not None and "no refresh token" in str(err), err
    assert state(hs_app, tid) == ("revoked", True)
    box = connection_box(hs_app, tid)
    assert "Reconnect HubSpot:" in box and "Connected" not in box, box[:1500]


def test_a_refresh_hubspot_refuses_marks_the_portal_for_reconnecting_from_a_console_call(hs_app, sandbox, tid):
    sandbox.handle.control("POST", "faults", refuse_refresh=True)  # the app was uninstalled in the portal
    time.sleep(1.5)

    err = a_console_call(hs_app, tid)

    assert err is not None and "BAD_REFRESH_TOKEN" in f"{getattr(err, 'code', '')} {err}", err
    assert state(hs_app, tid) == ("revoked", True)
    assert "Reconnect HubSpot:" in connection_box(hs_app, tid)


def test_a_token_renewed_by_its_refresh_token_stays_connected(hs_app, sandbox, tid):
    time.sleep(1.5)
    assert a_console_call(hs_app, tid) is None
    assert state(hs_app, tid) == ("active", False)
    box = connection_box(hs_app, tid)
    assert "Reconnect" not in box and "Connected" in box, box[:1500]


def test_a_token_endpoint_that_cannot_be_reached_does_not_mark_the_portal(hs_app, sandbox, tid, monkeypatch):
    # Not the portal's doing: reconnecting would not help, and the next call may well succeed.
    from integrations.errors import CrmUnavailable
    from integrations.hubspot.oauth import OAuthClient

    def unreachable(self, tokens):
        raise CrmUnavailable("HubSpot token endpoint unreachable: connection reset", crm="hubspot")

    monkeypatch.setattr(OAuthClient, "refresh", unreachable)
    time.sleep(1.5)
    assert a_console_call(hs_app, tid) is not None
    assert state(hs_app, tid) == ("active", False)
    assert "Reconnect" not in connection_box(hs_app, tid)


def test_a_refresh_refused_for_the_apps_own_client_secret_does_not_mark_the_portal(hs_app, sandbox, tid):
    # A wrong client secret is this deployment's configuration, not the portal's uninstall.
    hs_app.config["HUBSPOT_CLIENT_SECRET"] = "not-the-apps-secret"
    time.sleep(1.5)
    assert a_console_call(hs_app, tid) is not None
    assert state(hs_app, tid) == ("active", False)
