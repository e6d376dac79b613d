"""A Salesforce tenant installed before the app read names (its name the instance's host, its installer an id)
is named at its next token refresh or its first console view; names are read again at most once a day, and
the operator's tenants list names installers from what is stored, with no CRM call per page view."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import select, update

from integrations.sandbox.salesforce_api import SalesforceSandboxHandle
from tests.admin.conftest import ADMIN_TOKEN, operator_session
from tests.salesforce.conftest import ORGS, sf_config
from tests.salesforce.test_install import install

ORG = ORGS[0]
TENANT = f"salesforce-{ORG}"


def as_installed_before_wave_24(app: Any, host: str) -> None:
    from app.storage import get_db
    from app.storage.models import Installation, Tenant

    with get_db(app).session() as s:
        s.execute(update(Tenant).where(Tenant.id == TENANT).values(name=host))
        s.execute(update(Installation).where(Installation.tenant_id == TENANT)
                  .values(installed_by_name=None, names_at=None))


def stored(app: Any) -> tuple[str | None, str | None, str | None, datetime | None]:
    from app.storage import get_db
    from app.storage.models import Installation, Tenant

    with get_db(app).session() as s:
        inst = s.execute(select(Installation).where(Installation.tenant_id == TENANT)).scalar_one()
        return s.get(Tenant, TENANT).name, inst.installed_by, inst.installed_by_name, inst.names_at


def refresh_by_a_timed_out_session(app: Any, sfsb: SalesforceSandboxHandle) -> None:
    from app.tenants import client_for

    sfsb.expire_sessions(ORG)
    opp = next(o["Id"] for o in sfsb.store("Opportunity", org_id=ORG) if not o["IsClosed"])
    client_for(TENANT, app, fresh=True).get_record("deal", opp)  # 401 -> refresh -> save_tokens


def installer_name(sfsb: SalesforceSandboxHandle, user_id: str) -> str:
    return next(u for u in sfsb.store("User", org_id=ORG) if u["Id"] == user_id)["Name"]


def test_install_stores_the_installer_s_name_beside_the_id(app_factory, sfsb, clean_faults):
    app = app_factory(**sf_config(sfsb), BACKFILL_ON_INSTALL=False)
    assert install(app, sfsb, ORG).status_code == 200
    name, user, user_name, at = stored(app)
    assert user and user_name == installer_name(sfsb, user) and at is not None


def test_a_tenant_named_by_its_host_gets_the_org_s_name_at_its_next_token_refresh_and_not_again_that_day(
        app_factory, sfsb, clean_faults):
    app = app_factory(**sf_config(sfsb), BACKFILL_ON_INSTALL=False)
    install(app, sfsb, ORG)
    host = urlsplit(sfsb.url).hostname
    original = next(iter(sfsb.store("Organization", org_id=ORG)))["Name"]
    as_installed_before_wave_24(app, host)
    sfsb.ui_change("Organization", ORG, {"Name": "Acme Renamed"}, org_id=ORG)
    try:
        refresh_by_a_timed_out_session(app, sfsb)
        name, user, user_name, at = stored(app)
        assert (name, user_name) == ("Acme Renamed", installer_name(sfsb, user)) and at is not None
        # Renamed again the same day: the next refresh does not ask (at most one read per tenant per day) ...
        sfsb.ui_change("Organization", ORG, {"Name": "Acme Twice"}, org_id=ORG)
        refresh_by_a_timed_out_session(app, sfsb)
        assert stored(app)[0] == "Acme Renamed"
        # ... and a refresh a day later does.
        from app.storage import get_db
        from app.storage.models import Installation

        with get_db(app).session() as s:
            s.execute(update(Installation).where(Installation.tenant_id == TENANT)
                      .values(names_at=datetime.now(UTC) - timedelta(days=1, minutes=1)))
        refresh_by_a_timed_out_session(app, sfsb)
        assert stored(app)[0] == "Acme Twice"
    finally:  # the sandbox is shared by the module's tests
        sfsb.ui_change("Organization", ORG, {"Name": original}, org_id=ORG)


def test_the_first_console_view_after_the_upgrade_names_the_tenant_once(app_factory, sfsb, clean_faults):
    app = app_factory(**sf_config(sfsb), BACKFILL_ON_INSTALL=False, ADMIN_TOKEN=ADMIN_TOKEN)
    install(app, sfsb, ORG)
    org_name = next(iter(sfsb.store("Organization", org_id=ORG)))["Name"]
    as_installed_before_wave_24(app, urlsplit(sfsb.url).hostname)
    op = operator_session(app.test_client())
    before = sfsb.stats()
    assert op.get(f"/admin/t/{TENANT}/").status_code == 200
    name, user, user_name, at = stored(app)
    assert name == org_name and user_name == installer_name(sfsb, user) and at is not None
    # The operator's tenants list: the installer by name, from the database only.
    mid = sfsb.stats()
    for _ in range(3):
        page = op.get("/admin/").get_data(as_text=True)
        assert f"{user_name} <span class=\"muted\">({user})</span>" in page and org_name in page
    assert sfsb.stats() == mid, "the tenants list called the CRM"
    assert mid != before  # the first console view did read the names (the stats do count reads)
