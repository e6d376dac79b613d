"""A Salesforce org whose session died and cannot be renewed reads "Reconnect Salesforce", not "Connected".

Salesforce gives no expiry with its tokens (salesforce-api-facts: a session lives until the org's timeout and a
dead one answers 401 INVALID_SESSION_ID), so the client refreshes on the 401. An installation without a refresh
token, or whose refresh Salesforce refuses (invalid_grant: the app uninstalled or the token revoked in the org),
then failed every call for good, while the tenant stayed active and the console's connection box read "Connected
- Live (the CRM gave no expiry)". Wave 30's audit fixed the same for HubSpot's scheduled jobs (102a8311).
"""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select, update

from integrations.sandbox.salesforce_api import SalesforceSandboxHandle
from tests.admin.conftest import operator_session
from tests.salesforce.conftest import ORGS, sf_config
from tests.salesforce.test_install import install

ORG = ORGS[1]
TID = f"salesforce-{ORG}"


@pytest.fixture
def sf_app(app_factory: Any, sfsb: SalesforceSandboxHandle, clean_faults: None) -> Any:
    from tests.admin.conftest import ADMIN_TOKEN

    app = app_factory(**sf_config(sfsb), BACKFILL_ON_INSTALL=False, ADMIN_TOKEN=ADMIN_TOKEN)
    resp = install(app, sfsb, ORG)
    assert resp.status_code == 200, resp.get_json()
    yield app
    sfsb.sandbox.orgs[ORG].installed = True  # the module's sandbox is shared: the org installed again


def drop_refresh_token(app: Any) -> None:
    """An installation stored without a refresh token (a connected app without the refresh_token scope, or a
    grant stored before the app asked for it)."""
    from app.storage import get_db
    from app.storage.models import Installation

    with get_db(app).session() as s:
        s.execute(update(Installation).where(Installation.tenant_id == TID).values(refresh_token_enc=None))
    from app.tenants import drop_cached_client

    drop_cached_client(
        app, TID
    )  # as a worker started since reads it: the install's own client kept the token


def state(app: Any) -> tuple[str, bool]:
    from app.storage import get_db
    from app.storage.models import Installation, Tenant

    with get_db(app).session() as s:
        inst = s.execute(select(Installation).where(Installation.tenant_id == TID)).scalars().one()
        tenant = s.get(Tenant, TID)
        assert tenant is not None
        return tenant.status, inst.revoked_at is not None


def connection_box(app: Any) -> str:
    import re

    html = operator_session(app.test_client()).get(f"/admin/t/{TID}/").get_data(as_text=True)
    text = re.sub(r"<[^>]+>", " ", html)
    return " ".join(text.split())


def a_call(app: Any) -> Exception | None:
    """One CRM call as the console makes it (the mappings page reads the org's fields)."""
    from app.tenants import client_for

    try:
        client_for(TID, app, fresh=True).describe("deal")
    except Exception as exc:
        return exc
    return None


def test_a_dead_session_without_a_refresh_token_marks_the_org_for_reconnecting(sf_app, sfsb):
    drop_refresh_token(sf_app)
    sfsb.expire_sessions(ORG)
    err = a_call(sf_app)
    assert err is not None and "no refresh token is stored" in str(err), err
    assert state(sf_app) == ("revoked", True)
    box = connection_box(sf_app)
    assert "Reconnect Salesforce:" in box and "Connected" not in box, box[:1500]


def test_a_refused_refresh_after_a_dead_session_marks_the_org_for_reconnecting(sf_app, sfsb):
    sfsb.control("POST", f"orgs/{ORG}/uninstall")  # the refresh token is refused: invalid_grant
    sfsb.expire_sessions(ORG)
    assert a_call(sf_app) is not None
    assert state(sf_app) == ("revoked", True)
    assert "Reconnect Salesforce:" in connection_box(sf_app)


def test_a_dead_session_renewed_by_its_refresh_token_stays_connected(sf_app, sfsb):
    sfsb.expire_sessions(ORG)
    assert a_call(sf_app) is None
    assert state(sf_app) == ("active", False)
    box = connection_box(sf_app)
    assert "Reconnect" not in box and "Connected" in box, box[:1500]


@pytest.mark.parametrize("job", ["reconcile", "retrain"])
def test_a_scheduled_job_meeting_a_dead_session_without_a_refresh_token_marks_the_org_and_its_jobs_stop(
    sf_app, sfsb, job
):
    # Reconciliation counts a failed search and carries on: the scheduler never saw the error, so 102a8311's
    # revocation of a refused grant in periodic jobs did not reach a Salesforce org.
    from datetime import UTC, datetime, timedelta

    from app.scheduler import claim_due, run_periodic

    drop_refresh_token(sf_app)
    sfsb.expire_sessions(ORG)
    with sf_app.app_context():
        try:
            run_periodic(TID, job)
        except Exception as exc:  # retrain may stop on the error; the mark must be made either way
            assert "refresh token" in str(exc), exc
    assert state(sf_app) == ("revoked", True)
    later = datetime.now(UTC) + timedelta(days=1)
    assert not [c for c in claim_due(sf_app, now=later) if c[0] == TID]


def test_a_refresh_the_token_endpoint_could_not_answer_does_not_mark_the_org(sf_app, sfsb, monkeypatch):
    # An unreachable token endpoint (or a refused client secret, our configuration) is not the org's doing:
    # reconnecting would not help, and the next call may well succeed.
    from integrations.errors import CrmUnavailable
    from integrations.salesforce.oauth import SalesforceOAuth

    def unreachable(self, tokens):
        raise CrmUnavailable("Salesforce token endpoint unreachable: connection reset", crm="salesforce")

    monkeypatch.setattr(SalesforceOAuth, "refresh", unreachable)
    sfsb.expire_sessions(ORG)
    assert a_call(sf_app) is not None
    assert state(sf_app) == ("active", False)
    assert "Reconnect" not in connection_box(sf_app)


def test_an_org_without_a_refresh_token_is_told_to_reconnect_before_its_session_ends(sf_app):
    drop_refresh_token(sf_app)
    box = connection_box(sf_app)
    assert "Reconnect Salesforce soon: no refresh token is stored" in box, box[:1500]
    assert state(sf_app) == ("active", False)
