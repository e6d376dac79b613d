"""The demo's index shows a deal's stage as the CRM names it: Salesforce's StageName is already its label, so
"Negotiation/Review" must not become "Negotiation/review" (the Salesforce demo's index, wave 26); a bare identifier
with no label is still written as words."""

from __future__ import annotations

from datetime import UTC, datetime

from app.site.deals import EnrichedDeal
from app.site.pages import deal_row, stage_text

NOW = datetime(2026, 12, 5, 9, 0, tzinfo=UTC)


def row_stage(record: dict) -> str:
    deal = EnrichedDeal(
        crm="salesforce",
        account="00D",
        record_id="006A",
        title="Bright Systems – Premium support",
        payload={"record": record},
    )
    return deal_row(deal, "/card", NOW)["stage"]


def test_salesforce_stage_names_are_shown_as_salesforce_writes_them():
    for stage in (
        "Negotiation/Review",
        "Id. Decision Makers",
        "Value Proposition",
        "Prospecting",
        "Perception Analysis",
        "Proposal/Price Quote",
        "Needs Analysis",
    ):
        assert row_stage({"stage": stage}) == stage


def test_an_identifier_without_a_label_is_still_written_as_words():
    assert stage_text("closed_won") == "Closed won"
    assert stage_text("QUALIFIED") == "Qualified"
    assert (
        stage_text("appointmentscheduled") == "Appointmentscheduled"
    )  # HubSpot's id, when its label is missing
    assert stage_text(None) == "" and stage_text("  ") == ""


def test_the_crms_own_label_wins_over_its_stage_value():
    assert (
        row_stage({"stage": "appointmentscheduled", "stage_label": "Appointment scheduled"})
        == "Appointment scheduled"
    )
