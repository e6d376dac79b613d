"""Unit tests: HubSpot properties → canonical Record, stage kinds, due dates, value encoding."""

from datetime import UTC, datetime

from integrations.base import Owner, Record, TaskSpec
from integrations.hubspot.mapping import (
    FieldMapping,
    activity_from,
    closed_won_from,
    contact_from,
    is_primary_association,
    iso,
    pipeline_from,
    record_from,
    stage_changes,
    stage_kind,
)
from integrations.hubspot.writes import next_business_day, task_properties, to_hubspot_value


def test_iso_accepts_ms_iso_and_naive():
    assert iso("1700000000000") == "2023-11-14T22:13:20.000Z"
    assert iso("2026-11-25T10:00:00Z") == "2026-11-25T10:00:00.000Z"
    assert iso("2026-11-25T10:00:00") == "2026-11-25T10:00:00.000Z"
    assert iso("") is None and iso("garbage") is None


def test_stage_kind_reads_string_metadata():
    assert stage_kind({"isClosed": "false", "probability": "0.4"}) == "open"
    assert stage_kind({"isClosed": "true", "probability": "1.0"}) == "won"
    assert stage_kind({"isClosed": "true", "probability": "0.0"}) == "lost"
    p = pipeline_from({"id": "default", "label": "Sales", "stages": [
        {"id": "closedwon", "label": "Won", "display_order": 5, "metadata": {"isClosed": "true", "probability": "1.0"}},
        {"id": "appt", "label": "Appointment", "display_order": 0, "metadata": {"isClosed": "false", "probability": "0.2"}},
    ]})
    assert [s.id for s in p.stages] == ["appt", "closedwon"] and p.stage("closedwon").kind == "won"


def test_primary_flags_from_label_or_type_id():
    assert is_primary_association([{"type_id": 3, "label": "Primary", "category": "HUBSPOT_DEFINED"}])
    assert is_primary_association([{"type_id": 5, "label": None}], (5,))
    assert not is_primary_association([{"type_id": 341, "label": None}], (5,))


def test_activity_direction_and_own_echo_skipped():
    a = activity_from("emails", {"hs_timestamp": "2026-01-02T03:04:05Z", "hs_email_subject": "Hi",
                                 "hs_email_text": "body", "hs_email_direction": "INCOMING_EMAIL"})
    assert (a.type, a.direction, a.subject) == ("email", "inbound", "Hi")
    assert activity_from("notes", {"hs_timestamp": "1", "hs_note_body": "[agentic-sales] x"},
                         marker="[agentic-sales]") is None
    assert activity_from("calls", {}) is None


def test_record_from_uses_mapping_and_sorts():
    m = FieldMapping.from_dict({"extra": {"segment": "custom_segment"}})
    props = {"dealname": "Acme", "amount": "48000", "deal_currency_code": "EUR", "dealstage": "appt",
             "pipeline": "default", "closedate": "2026-12-31T00:00:00Z", "createdate": "1700000000000",
             "custom_segment": "smb", "hubspot_owner_id": "7"}
    contacts = [contact_from("2", {"firstname": "B"}, m, is_primary=False),
                contact_from("1", {"firstname": "A", "lastname": "Z", "jobtitle": "CEO"}, m, is_primary=True)]
    acts = [activity_from("calls", {"hs_timestamp": "2026-02-01T00:00:00Z"}),
            activity_from("calls", {"hs_timestamp": "2026-01-01T00:00:00Z"})]
    cprops = [("1", {"hs_analytics_num_page_views": "4", "hs_analytics_last_visit_timestamp": "2026-03-01T00:00:00Z"})]
    r = record_from(tenant_id="t", deal_id="9", props=props, mapping=m, stage_kinds={"appt": "open"},
                    owner=Owner(id="7"), company=None, contacts=contacts, activities=acts,
                    history=Record(crm="x", tenant_id="", object_type="deal", id="1").history, contact_props=cprops)
    d = r.to_dict()
    assert (d["name"], d["amount"], d["currency"], d["close_date"]) == ("Acme", 48000.0, "EUR", "2026-12-31")
    assert d["contacts"][0]["name"] == "A Z" and d["contacts"][0]["is_primary"]
    assert [a["at"] for a in d["activities"]] == sorted(a["at"] for a in d["activities"])
    assert d["extra"]["segment"] == "smb" and d["extra"]["page_views"] == 4
    assert Record.from_dict(d) == r


def test_history_helpers():
    ch = stage_changes([{"value": "b", "timestamp": "2026-02-01T00:00:00Z"}, {"value": "a", "timestamp": "1700000000000"}])
    assert [c.stage for c in ch] == ["a", "b"]
    won = closed_won_from([
        {"id": "1", "properties": {"dealstage": "closedwon", "amount": "10", "closedate": "2025-01-01T00:00:00Z"}},
        {"id": "2", "properties": {"dealstage": "closedlost", "amount": "5"}},
        {"id": "3", "properties": {"dealstage": "closedwon", "amount": "7"}},
    ], FieldMapping(), {"closedwon": "won", "closedlost": "lost"}, exclude_id="3")
    assert [(w.date, w.amount) for w in won] == [("2025-01-01", 10.0)]


def test_next_business_day_in_owner_time_zone():
    friday_late = datetime(2026, 11, 27, 23, 30, tzinfo=UTC)  # Saturday morning in Tokyo
    assert next_business_day("Asia/Tokyo", friday_late) == datetime(2026, 11, 30, 0, 0, tzinfo=UTC)
    assert next_business_day("Nope/Zone", friday_late) == datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
    assert next_business_day("America/New_York", datetime(2026, 11, 25, 12, tzinfo=UTC)) == \
        datetime(2026, 11, 26, 14, 0, tzinfo=UTC)


def test_task_properties_carry_marker_owner_and_due():
    rec = Record(crm="hubspot", tenant_id="t", object_type="deal", id="1", owner=Owner(id="7", timezone="UTC"))
    props = task_properties(rec, TaskSpec(subject="Call", body="Do it"), datetime(2026, 11, 25, tzinfo=UTC))
    assert props["hs_task_body"].startswith("[agentic-sales]") and props["hubspot_owner_id"] == "7"
    assert props["hs_timestamp"] == str(int(datetime(2026, 11, 26, 9, tzinfo=UTC).timestamp() * 1000))


def test_values_are_encoded_as_hubspot_strings():
    assert to_hubspot_value(None) == "" and to_hubspot_value(True) == "true"
    assert to_hubspot_value(0.25) == "0.25" and to_hubspot_value(42) == "42"
    assert to_hubspot_value(datetime(2026, 1, 1, tzinfo=UTC)) == "2026-01-01T00:00:00.000Z"


def test_scalar_decodes_numbers_only():
    from integrations.hubspot.mapping import scalar

    assert scalar("4") == 4 and scalar("0.4") == 0.4 and scalar("-2.5") == -2.5
    assert scalar("existingbusiness") == "existingbusiness" and scalar("1700000000000") == "1700000000000"
    assert scalar("1.2.3") == "1.2.3" and scalar("") == ""


def test_every_default_property_has_hubspots_own_label() -> None:
    from integrations.hubspot.mapping import default_mapping

    for object_type in ("deal", "company", "contact"):
        unlabelled = [prop for prop, label in default_mapping(object_type).values() if label == prop]
        assert not unlabelled, f"{object_type}: no label for {unlabelled}"


def test_an_install_asks_for_the_schema_scope_of_every_object_type_a_mapping_can_name() -> None:
    """HubSpot answers a property read without `crm.schemas.<object>.read` with 403: mapping a contact or
    company field in the console failed with "not been granted all required scopes" on a fresh install."""
    from integrations.hubspot.connector import CONNECTOR

    required, optional = CONNECTOR.install_scopes({})
    for object_type, schema in (("deal", "deals"), ("contact", "contacts"), ("company", "companies")):
        assert CONNECTOR.default_mapping(object_type)
        assert f"crm.schemas.{schema}.read" in (*required, *optional), object_type
