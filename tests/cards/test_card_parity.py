"""The preview page and the React card build the same view from the same payload.

`ui_extensions/hubspot/tests/fixtures/views/<payload>.json` holds what app/cards/view.py makes of
each fixture payload at a fixed time; this test keeps those files equal to the Python view and
`ui_extensions/hubspot/tests/view.test.ts` checks that view.ts makes exactly the same (keys in
snake_case). Regenerate after a deliberate change with AGENTIC_SALES_UPDATE_CARD_VIEWS=1.
"""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.cards.humanize import prose
from app.cards.view import action_view, card_view

ROOT = Path(__file__).resolve().parents[2]
VIEWS = ROOT / "ui_extensions/hubspot/tests/fixtures/views"
NOW = datetime(2026, 12, 1, 16, 0, tzinfo=UTC)
"""The reader's clock for every view (view.test.ts uses the same instant)."""

PAYLOADS = sorted([*(ROOT / "tests/fixtures/hubspot/cards").glob("demo_deal_*.json"),
                   *(ROOT / "ui_extensions/hubspot/tests/fixtures").glob("payload_*.json")])


def python_view(path: Path) -> dict:
    view = card_view(json.loads(path.read_text()), object_type="deal", now=NOW)
    view.pop("record")  # the page's title; the React card reads the record from HubSpot's context
    return json.loads(json.dumps(view))


@pytest.mark.parametrize("path", PAYLOADS, ids=lambda p: p.stem)
def test_the_committed_view_is_what_the_python_card_shows(path: Path) -> None:
    expected = VIEWS / f"{path.stem}.json"
    view = python_view(path)
    if os.environ.get("AGENTIC_SALES_UPDATE_CARD_VIEWS") == "1":
        VIEWS.mkdir(parents=True, exist_ok=True)
        expected.write_text(json.dumps(view, indent=1, sort_keys=True, ensure_ascii=False) + "\n")
    assert expected.is_file(), f"{expected} is missing: run with AGENTIC_SALES_UPDATE_CARD_VIEWS=1"
    assert json.loads(expected.read_text()) == view


SALESFORCE_LWC = ROOT / "ui_extensions/salesforce/force-app/main/default/lwc/agenticSalesCard/__tests__"
ACTION_VIEWS = SALESFORCE_LWC / "data/action_views.json"
"""The Salesforce card's parity data: each payload's next best action and strategy with what app/cards/view.py's
action_view makes of them at NOW; `__tests__/actionParity.test.js` checks that format.js's actionView makes the same.
The LWC had shown the agents' summary and an ISO date in UTC ("meeting 2026-12-07") where the app's card said
"Invite Amelia Jensen to a meeting · Send the invitation Mon 7 Dec, 10:00 AM"."""

EXTRA_ACTIONS = {
    # No recipient: the agents' summary is the title, and a meeting's due time is the action's own.
    "no_recipient_meeting": {"channel": "meeting", "summary": "Book a review with the buying committee",
                             "due_at": "2026-12-02T15:00:00+00:00", "timezone": "Europe/London"},
    # 2 Dec in UTC but already that day in the owner's zone (Tokyo): "today"; a discount on the meta line.
    "meeting_tomorrow_in_tokyo": {"channel": "meeting", "recipient": {"name": "Aiko Tanaka"}, "discount": 0.075,
                                  "due_at": "2026-12-02T01:30:00Z", "timezone": "Asia/Tokyo"},
    "call_today_unknown_zone": {"channel": "call", "recipient": {"email": "li@example.com"},
                                "due_at": "2026-12-01T17:05:00", "timezone": "Mars/Olympus"},
    "email_next_year": {"channel": "email", "recipient": {"name": "Noah Wright"}, "due_at": "2027-01-04T09:00:00-05:00",
                        "timezone": "America/New_York"},
}

LABELLED_ACTIONS = {
    # Wave 29: without a channel or a recipient the LWC showed the summary as written, internal names and all.
    "no_channel_salesforce_names": (
        {"summary": "Confirm Amount__c and the Id. Decision Makers stage before 2026-12-07T10:00:00Z",
         "due_at": "2026-12-02T15:00:00+00:00", "timezone": "America/New_York"},
        {"Amount__c": "Amount", "Id. Decision Makers": "Identify decision makers"}),
    "no_recipient_hubspot_names": (
        {"channel": "email", "summary": "Nudge the owner on hs_next_step: deal in appointmentscheduled, CLOSED_WON "
                                        "next", "due_at": "2026-12-02T15:00:00+00:00", "timezone": "UTC"},
        {"appointmentscheduled": "Appointment Scheduled", "hs_next_step": "Next step"}),
    "no_recipient_unlabelled_names": (
        {"channel": "call", "summary": "Score factor: Amount__c ▲ and hs_deal_stage_probability ↓ on 2026-13-01",
         "due_at": "2026-12-02T15:00:00+00:00", "timezone": "UTC"},
        {}),
}
"""Next best actions whose title is the agents' summary, with the payload's labels: the main path's label
substitution (prose) must apply to them on the Salesforce card too."""

PROSE_CASES = {
    "labels_longest_first": ("Move Deal Type: existingbusiness forward; Deal Type stays",
                             {"Deal Type": "Type", "Deal Type: existingbusiness": "Deal Type: Existing Business"}),
    "whole_words_only": ("Amount__cents and Amount__c and xAmount__c", {"Amount__c": "Amount"}),
    "a_label_written_as_it_is": ("Offer price_tier_2 now", {"price_tier_2": "Tier $& (2)"}),
    "dates_and_identifiers": ("Closed 2026-11-30 as CLOSED_WON, re-open as RE_ENGAGEMENT via hs_lead_status", {}),
    "no_text": (None, {"a": "b"}),
}
"""Free text through prose (app/cards/humanize.py) with the payload's labels: format.js's prose makes the same."""
PROSE_VIEWS = SALESFORCE_LWC / "data/prose_cases.json"


def action_cases() -> dict[str, dict]:
    payloads = {p.stem: json.loads(p.read_text()) for p in PAYLOADS}
    payloads.update({f"salesforce_{p.stem}": json.loads(p.read_text())
                     for p in sorted((SALESFORCE_LWC / "data").glob("payload_*.json"))})
    strategy = {"arm": "re_engagement"}
    payloads.update({name: {"next_best_action": nba, "strategy": strategy} for name, nba in EXTRA_ACTIONS.items()})
    payloads.update({name: {"next_best_action": nba, "strategy": strategy, "labels": labels}
                     for name, (nba, labels) in LABELLED_ACTIONS.items()})
    out = {}
    for name, payload in sorted(payloads.items()):
        nba, strat = payload.get("next_best_action") or {}, payload.get("strategy") or {}
        labels = payload.get("labels") or {}
        expected = action_view({"next_best_action": nba, "strategy": strat}, NOW, labels)
        if expected is not None:
            expected = {"title": expected["title"], "meta": expected["meta"]}
        out[name] = {"next_best_action": nba, "strategy": strat, "labels": labels, "expected": expected}
    return out


def prose_cases() -> dict[str, dict]:
    return {name: {"text": text, "labels": labels, "expected": prose(text, labels)}
            for name, (text, labels) in sorted(PROSE_CASES.items())}


def test_the_salesforce_cards_action_parity_data_is_what_the_python_card_shows() -> None:
    cases = action_cases()
    if os.environ.get("AGENTIC_SALES_UPDATE_CARD_VIEWS") == "1":
        ACTION_VIEWS.write_text(json.dumps(cases, indent=1, sort_keys=True, ensure_ascii=False) + "\n")
    assert ACTION_VIEWS.is_file(), f"{ACTION_VIEWS} is missing: run with AGENTIC_SALES_UPDATE_CARD_VIEWS=1"
    assert json.loads(ACTION_VIEWS.read_text()) == cases
    meeting = cases["payload_meeting_draft"]["expected"]
    assert meeting["title"].startswith("Invite ") and meeting["title"].endswith(" to a meeting")
    assert meeting["meta"].startswith("Send the invitation ")
    salesforce = cases["no_channel_salesforce_names"]["expected"]["title"]
    assert salesforce == "Confirm Amount and the Identify decision makers stage before 7 Dec 2026"
    hubspot = cases["no_recipient_hubspot_names"]["expected"]["title"]
    assert "Next step" in hubspot and "Appointment Scheduled" in hubspot and "closed won" in hubspot
    assert "_" not in cases["no_recipient_unlabelled_names"]["expected"]["title"].replace("Amount__c", "")


def test_the_salesforce_cards_prose_parity_data_is_what_the_python_card_shows() -> None:
    cases = prose_cases()
    if os.environ.get("AGENTIC_SALES_UPDATE_CARD_VIEWS") == "1":
        PROSE_VIEWS.write_text(json.dumps(cases, indent=1, sort_keys=True, ensure_ascii=False) + "\n")
    assert PROSE_VIEWS.is_file(), f"{PROSE_VIEWS} is missing: run with AGENTIC_SALES_UPDATE_CARD_VIEWS=1"
    assert json.loads(PROSE_VIEWS.read_text()) == cases
    assert cases["a_label_written_as_it_is"]["expected"] == "Offer Tier $& (2) now"


SCORE_VIEWS = SALESFORCE_LWC / "data/score_views.json"
"""The Salesforce card's parity data for the two chances to close (wave 31): each payload's scores with what
app/cards/view.py shows in the chance-to-close and discount tiles; `__tests__/scoreParity.test.js` (and
tests/cards/test_lwc_parity_node.py) check that format.js's scoreRows says the same."""


def score_cases() -> dict[str, dict]:
    payloads = {p.stem: json.loads(p.read_text()) for p in PAYLOADS}
    payloads.update({f"salesforce_{p.stem}": json.loads(p.read_text())
                     for p in sorted((SALESFORCE_LWC / "data").glob("payload_*.json"))})
    out = {}
    for name, payload in sorted(payloads.items()):
        view = card_view(payload, object_type="deal", now=NOW)
        tiles = [t for t in [view["conversion"], *view["details"]["scores"]]
                 if t and t["key"] in ("conversion", "price") and not t["absent"]]
        if not tiles:
            continue
        out[name] = {"scores": payload.get("scores") or {}, "record": payload.get("record") or {},
                     "expected": {t["key"]: {"label": t["label"], "value": t["headline"], "detail": t["detail"]}
                                  for t in tiles}}
    return out


def test_the_salesforce_cards_chance_and_discount_parity_data_is_what_the_python_card_shows() -> None:
    cases = score_cases()
    if os.environ.get("AGENTIC_SALES_UPDATE_CARD_VIEWS") == "1":
        SCORE_VIEWS.write_text(json.dumps(cases, indent=1, sort_keys=True, ensure_ascii=False) + "\n")
    assert SCORE_VIEWS.is_file(), f"{SCORE_VIEWS} is missing: run with AGENTIC_SALES_UPDATE_CARD_VIEWS=1"
    assert json.loads(SCORE_VIEWS.read_text()) == cases
    details = {c["expected"]["price"]["detail"] for c in cases.values() if "price" in c["expected"]}
    assert any(d.startswith("About ") and "today's" in d for d in details)  # a discount that adds to today's
    assert "A discount would not change the chance to close" in details  # and the demo's flat curves
    assert all(c["expected"]["conversion"]["detail"] == "Today, before any discount"
               for c in cases.values() if "conversion" in c["expected"])
