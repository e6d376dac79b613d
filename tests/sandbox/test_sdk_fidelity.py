"""Every response the app uses, through the real SDK with client-side validation on.

Each test calls the sandbox through hubspot-api-client (`HubSpot(access_token=..., host=...)`)
the way the adapter does, then round-trips the raw body through the SDK's generated model.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hubspot.crm.associations.v4 import AssociationSpec
from hubspot.crm.objects import (
    BatchInputSimplePublicObjectBatchInput,
    BatchReadInputSimplePublicObjectId,
    Filter,
    FilterGroup,
    PublicObjectSearchRequest,
    SimplePublicObjectInput,
    SimplePublicObjectInputForCreate,
)
from hubspot.crm.objects.exceptions import ApiException, NotFoundException
from hubspot.crm.properties import ApiException as PropertiesError
from hubspot.crm.properties import PropertyCreate, PropertyGroupCreate

from .roundtrip import assert_round_trip


def _raw(resp) -> bytes:
    return resp.data


def _deal_id(hubspot) -> str:
    page = hubspot.crm.objects.basic_api.get_page("deals", limit=5)
    return page.results[0].id


def test_client_side_validation_is_really_on(hubspot):
    api = hubspot.crm.objects.basic_api
    assert api.api_client.configuration.client_side_validation is True
    from hubspot.crm.objects import SimplePublicObject

    with pytest.raises(ValueError):
        SimplePublicObject(id=None, properties={}, created_at=datetime.now(UTC), updated_at=datetime.now(UTC),
                           local_vars_configuration=api.api_client.configuration)


def test_object_get_with_properties_history_and_associations(hubspot):
    api = hubspot.crm.objects.basic_api
    did = _deal_id(hubspot)
    for otype in ("deals", "0-3"):
        resp = api.get_by_id(otype, did, properties=["dealname", "amount", "dealstage", "hubspot_owner_id", "nope"],
                             properties_with_history=["dealstage"], associations=["companies", "contacts"],
                             _preload_content=False)
        model = assert_round_trip(api.api_client, _raw(resp), "SimplePublicObjectWithAssociations")
        assert model.id == did and "nope" not in model.properties
        assert model.properties_with_history["dealstage"][0].source_type == "CRM_UI"
        assert model.associations["companies"].results[0].type == "deal_to_company"
    typed = api.get_by_id("deals", did, properties=["amount"])  # the normal SDK path validates too
    assert isinstance(typed.properties["amount"], str)


def test_list_pages_through_everything(hubspot):
    api = hubspot.crm.objects.basic_api
    resp = api.get_page("contacts", limit=7, properties=["email", "jobtitle", "hs_analytics_num_page_views"],
                        _preload_content=False)
    model = assert_round_trip(api.api_client, _raw(resp), "CollectionResponseSimplePublicObjectWithAssociationsForwardPaging")
    assert len(model.results) == 7 and model.paging.next.after
    seen, after = set(), None
    while True:
        page = api.get_page("companies", limit=10, after=after)
        seen |= {r.id for r in page.results}
        if not page.paging:
            break
        after = page.paging.next.after
    assert len(seen) == 25


def test_batch_read_update_create_and_207(hubspot, sandbox):
    batch = hubspot.crm.objects.batch_api
    ids = [r.id for r in hubspot.crm.objects.basic_api.get_page("deals", limit=3).results]
    body = BatchReadInputSimplePublicObjectId(inputs=[{"id": i} for i in ids + ["99"]], properties=["amount"],
                                              properties_with_history=[])
    resp = batch.read("deals", body, _preload_content=False)
    assert resp.status == 207
    model = assert_round_trip(batch.api_client, _raw(resp), "BatchResponseSimplePublicObjectWithErrors")
    assert model.num_errors == 1 and model.errors[0].category == "OBJECT_NOT_FOUND"
    assert model.errors[0].context == {"ids": ["99"]}

    upd = BatchInputSimplePublicObjectBatchInput(inputs=[{"id": i, "properties": {"description": f"d{i}"}} for i in ids])
    resp = batch.update("deals", upd, _preload_content=False)
    assert resp.status == 200
    assert_round_trip(batch.api_client, _raw(resp), "BatchResponseSimplePublicObject")
    stored = sandbox.control("GET", f"store/deals/{ids[0]}")
    assert stored["properties"]["description"] == f"d{ids[0]}"
    assert stored["history"]["description"][0]["sourceType"] == "API"

    created = batch.create("tasks", {"inputs": [
        {"properties": {"hs_timestamp": "2026-12-01T09:00:00.000Z", "hs_task_subject": "Call back",
                        "hs_task_status": "NOT_STARTED"},
         "associations": [{"to": {"id": ids[0]}, "types": [{"associationCategory": "HUBSPOT_DEFINED",
                                                             "associationTypeId": 216}]}]}]})
    assert created.status == "COMPLETE" and created.results[0].properties["hs_task_subject"] == "Call back"


def test_create_patch_archive_and_errors(hubspot):
    api = hubspot.crm.objects.basic_api
    did = _deal_id(hubspot)
    note = api.create("notes", SimplePublicObjectInputForCreate(
        properties={"hs_timestamp": "2026-11-25T10:00:00Z", "hs_note_body": "Agentic note"},
        associations=[{"to": {"id": did}, "types": [{"associationCategory": "HUBSPOT_DEFINED", "associationTypeId": 214}]}]))
    assert note.properties["hs_note_body"] == "Agentic note"
    updated = api.update("deals", did, SimplePublicObjectInput(properties={"hs_priority": "high"}))
    assert updated.properties["hs_priority"] == "high"
    with pytest.raises(ApiException) as exc:
        api.update("deals", did, SimplePublicObjectInput(properties={"dealstage": "nonsense"}))
    assert exc.value.status == 400 and b"VALIDATION_ERROR" in exc.value.body.encode()
    api.archive("notes", note.id)
    with pytest.raises(NotFoundException):
        api.get_by_id("notes", note.id)


def test_search_with_filters_sorts_and_paging(hubspot):
    search = hubspot.crm.objects.search_api
    req = PublicObjectSearchRequest(
        filter_groups=[FilterGroup(filters=[Filter(property_name="dealstage", operator="IN",
                                                   values=["closedwon", "closedlost"]),
                                            Filter(property_name="amount", operator="GT", value="1000")])],
        sorts=["-amount"], properties=["amount", "dealstage"], limit=5, after="0")
    resp = search.do_search("deals", req, _preload_content=False)
    model = assert_round_trip(search.api_client, _raw(resp), "CollectionResponseWithTotalSimplePublicObjectForwardPaging")
    amounts = [float(r.properties["amount"]) for r in model.results]
    assert amounts == sorted(amounts, reverse=True) and model.total > 5 and model.paging.next.after == "5"
    modified = search.do_search("deals", PublicObjectSearchRequest(filter_groups=[FilterGroup(filters=[
        Filter(property_name="hs_lastmodifieddate", operator="GTE", value=str(int(datetime(2020, 1, 1, tzinfo=UTC).timestamp() * 1000)))])],
        limit=1))
    assert modified.total >= 90


def test_properties_groups_and_output_fields(hubspot):
    core, groups = hubspot.crm.properties.core_api, hubspot.crm.properties.groups_api
    for otype in ("deals", "contacts", "companies", "tasks", "notes", "emails", "calls", "meetings", "users"):
        resp = core.get_all(otype, _preload_content=False)
        assert_round_trip(core.api_client, _raw(resp), "CollectionResponsePropertyNoPaging")
    try:
        groups.create("deals", PropertyGroupCreate(name="agentic_sales", label="Agentic sales", display_order=-1))
    except PropertiesError as exc:  # another test already created it
        assert exc.status == 409
    resp = groups.get_all("deals", _preload_content=False)
    assert_round_trip(groups.api_client, _raw(resp), "CollectionResponsePropertyGroupNoPaging")
    name = "ai_conversion_score"
    try:
        core.create("deals", PropertyCreate(name=name, label="AI conversion score", type="number", field_type="number",
                                            group_name="agentic_sales"))
    except PropertiesError as exc:
        assert exc.status == 409
    resp = core.get_by_name("deals", name, _preload_content=False)
    prop = assert_round_trip(core.api_client, _raw(resp), "ModelProperty")
    assert prop.group_name == "agentic_sales" and not prop.hubspot_defined
    with pytest.raises(PropertiesError) as exc:
        core.create("deals", PropertyCreate(name=name, label="x", type="number", field_type="number", group_name="agentic_sales"))
    assert exc.value.status == 409


def test_pipelines_and_owners(hubspot):
    pipes = hubspot.crm.pipelines.pipelines_api
    resp = pipes.get_all("deals", _preload_content=False)
    model = assert_round_trip(pipes.api_client, _raw(resp), "CollectionResponsePipelineNoPaging")
    default = next(p for p in model.results if p.id == "default")
    meta = {s.id: s.metadata for s in default.stages}
    assert meta["closedwon"] == {"isClosed": "true", "probability": "1.0"}
    assert meta["appointmentscheduled"] == {"isClosed": "false", "probability": "0.2"}
    owners = hubspot.crm.owners.owners_api
    resp = owners.get_page(limit=100, _preload_content=False)
    model = assert_round_trip(owners.api_client, _raw(resp), "CollectionResponsePublicOwnerForwardPaging")
    one = owners.get_by_id(model.results[0].id)
    assert one.email == model.results[0].email
    users = hubspot.crm.objects.basic_api.get_page("users", properties=["hs_standard_time_zone", "hs_internal_user_id"])
    zones = {u.properties["hs_internal_user_id"]: u.properties["hs_standard_time_zone"] for u in users.results}
    assert zones[str(one.user_id)].count("/") == 1


def test_associations_v4_get_put_and_batch(hubspot):
    assoc = hubspot.crm.associations.v4
    did = _deal_id(hubspot)
    resp = assoc.basic_api.get_page("deals", did, "contacts", _preload_content=False)
    model = assert_round_trip(assoc.basic_api.api_client, _raw(resp),
                              "CollectionResponseMultiAssociatedObjectWithLabelForwardPaging")
    labels = {t.label for r in model.results for t in r.association_types}
    assert "Primary contact" in labels
    contact = hubspot.crm.objects.basic_api.get_page("contacts", limit=1).results[0].id
    resp = assoc.basic_api.create_default("deals", did, "contacts", contact, _preload_content=False)
    assert_round_trip(assoc.basic_api.api_client, _raw(resp), "BatchResponsePublicDefaultAssociation")
    resp = assoc.basic_api.create("deals", did, "contacts", contact,
                                  [AssociationSpec(association_category="HUBSPOT_DEFINED", association_type_id=3)],
                                  _preload_content=False)
    assert_round_trip(assoc.basic_api.api_client, _raw(resp), "LabelsBetweenObjectPair")
    resp = assoc.batch_api.get_page("deals", "companies", {"inputs": [{"id": did}, {"id": "1"}]}, _preload_content=False)
    model = assert_round_trip(assoc.batch_api.api_client, _raw(resp), "BatchResponsePublicAssociationMultiWithLabelWithErrors")
    assert resp.status == 207 and model.num_errors == 1
    primary = [t for t in model.results[0].to[0].association_types if t.type_id == 5]
    assert primary and primary[0].label == "Primary"


def test_oauth_token_and_access_token_info(hubspot, sandbox):
    from hubspot.oauth import ApiException as OAuthError

    tokens = hubspot.oauth.tokens_api
    rt = sandbox.token()["refresh_token"]
    resp = tokens.create(grant_type="refresh_token", refresh_token=rt, client_id=sandbox.config.client_id,
                         client_secret=sandbox.config.client_secret, _preload_content=False)
    model = assert_round_trip(tokens.api_client, _raw(resp), "TokenResponseIF", extra_ok={"hub_id", "scopes"})
    assert model.refresh_token == rt and model.expires_in == 1800
    info_api = hubspot.oauth.access_tokens_api
    resp = info_api.get(model.access_token, _preload_content=False)
    info = assert_round_trip(info_api.api_client, _raw(resp), "AccessTokenInfoResponse")
    assert info.hub_id == sandbox.hub_id and info.app_id == sandbox.config.app_id
    with pytest.raises(OAuthError) as exc:
        tokens.create(grant_type="refresh_token", refresh_token="na1-bogus", client_id=sandbox.config.client_id,
                      client_secret=sandbox.config.client_secret)
    assert exc.value.status == 400 and "BAD_REFRESH_TOKEN" in exc.value.body
