"""Revenue ops say which Lead Status values close a lead unconverted (`lead_closed_statuses`).

Salesforce's LeadStatus object flags only IsConverted: an org whose dead leads sit in "Recycled" or "Junk"
had no lost leads at all for the lead-conversion model (every unconverted lead read as open) and no way to
say so. Now the tenant setting names them; without it the names are read as before.
"""

from __future__ import annotations

from typing import Any

import pytest

from app.settings.schema import SettingsError, validate
from integrations.salesforce import mapping
from integrations.sandbox.salesforce_api import SalesforceSandboxHandle
from tests.salesforce.conftest import ORGS

STATUSES = [{"ApiName": "Open - Not Contacted", "MasterLabel": "Open - Not Contacted", "IsConverted": False},
            {"ApiName": "Recycled", "MasterLabel": "Recycled", "IsConverted": False},
            {"ApiName": "Junk", "MasterLabel": "Junk Lead", "IsConverted": False},
            {"ApiName": "Closed - Not Converted", "MasterLabel": "Closed - Not Converted", "IsConverted": False},
            {"ApiName": "Closed - Converted", "MasterLabel": "Closed - Converted", "IsConverted": True}]


def test_without_the_setting_an_org_s_own_dead_statuses_are_not_read_as_closed() -> None:
    assert mapping.closed_lead_statuses(STATUSES) == {"Closed - Not Converted"}


def test_the_setting_names_the_closing_statuses_by_api_name_or_label_in_any_case() -> None:
    chosen = mapping.closed_lead_statuses(STATUSES, chosen=["recycled", "Junk Lead"])
    assert chosen == {"Recycled", "Junk", "Junk Lead"}  # both names of a status, so a lead's either one matches


def test_a_converted_status_in_the_setting_never_makes_a_converted_lead_lost() -> None:
    assert mapping.closed_lead_statuses(STATUSES, chosen=["Closed - Converted"]) == frozenset()


def test_the_connector_reads_the_org_s_leads_by_the_tenant_s_list(make_client: Any,
                                                                   sfsb: SalesforceSandboxHandle) -> None:
    store = {r["Id"]: r for r in sfsb.store("Lead", org_id=ORGS[0])}
    working = {i for i, r in store.items() if r["Status"] == "Working - Contacted" and not r["IsConverted"]}
    closed = {i for i, r in store.items() if r["Status"] == "Closed - Not Converted"}
    assert working and closed
    default = {r.id: r.stage_kind for r in make_client().iter_records("lead")}
    assert {default[i] for i in working} == {"open"} and {default[i] for i in closed} == {"lost"}

    custom = make_client(settings={"lead_closed_statuses": ["Working - Contacted"]})
    kinds = {r.id: r.stage_kind for r in custom.iter_records("lead")}
    assert {kinds[i] for i in working} == {"lost"}
    assert {kinds[i] for i in closed} == {"open"}  # the tenant's list replaces the name reading
    assert set(custom.iter_open_ids("lead")).isdisjoint(working)


@pytest.mark.parametrize("value", [[], [""], ["x" * 256], ["Closed\nNot Converted"]])
def test_a_list_that_could_not_be_a_lead_status_is_refused_naming_the_setting(value: list[str]) -> None:
    with pytest.raises(SettingsError, match="lead_closed_statuses"):
        validate({"lead_closed_statuses": value})


def test_the_setting_reaches_the_connector_through_the_installation(app_factory: Any) -> None:
    from app import settings as service
    from app.tenants import load_installation
    from tests.conftest import install_tenant

    app = app_factory()
    tenant_id = install_tenant(app, "62515")
    assert load_installation(app, tenant_id).settings["lead_closed_statuses"] is None
    service.update(app, tenant_id, {"lead_closed_statuses": ["Recycled", "Junk"]}, author="test")
    assert load_installation(app, tenant_id).settings["lead_closed_statuses"] == ["Recycled", "Junk"]
