"""The preview card renders every state from the same payload fixture the React card is tested with."""

from __future__ import annotations

import copy
import json
from html.parser import HTMLParser
from pathlib import Path

import pytest

from app.cards import render_card_html
from app.cards.view import card_view

FIXTURES = Path(__file__).resolve().parents[2] / "ui_extensions/hubspot/tests/fixtures"
ENRICHED = json.loads((FIXTURES / "payload_enriched.json").read_text())
PIPELINE = json.loads((FIXTURES / "payload_pipeline_no_models.json").read_text())
"""A payload exactly as app/pipeline/card.py stored it for a deal before any model was trained."""
TITLE = "Northwind Logistics - 250 seats"
VOID = {"meta", "br", "img", "input", "link", "hr"}


class TestIds(HTMLParser):
    """Collect the text inside every element that has a data-testid (nested text included)."""

    def __init__(self) -> None:
        super().__init__()
        self.text: dict[str, str] = {}
        self.attrs: dict[str, dict[str, str | None]] = {}
        self._open: list[str | None] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        testid = dict(attrs).get("data-testid")
        if testid:
            self.text.setdefault(testid, "")
            self.attrs[testid] = dict(attrs)
        if tag not in VOID:
            self._open.append(testid)

    def handle_endtag(self, tag: str) -> None:
        if tag not in VOID and self._open:
            self._open.pop()

    def handle_data(self, data: str) -> None:
        for testid in self._open:
            if testid:
                self.text[testid] += data


def render(payload: dict, **kwargs) -> TestIds:
    parser = TestIds()
    parser.feed(render_card_html(payload, title=TITLE, **kwargs))
    return parser


def payload(**overrides) -> dict:
    return {**copy.deepcopy(ENRICHED), **overrides}


def test_enriched_renders_scores_and_factors() -> None:
    page = render(payload())
    assert page.text["status"] == "Up to date"
    assert page.text["score-conversion"] == "62"
    assert page.text["band-conversion"] == "medium"
    assert "warning" in page.attrs["band-conversion"]["class"]
    assert [page.text[f"factor-conversion-{i}"] for i in range(3)] == [
        "▲ Last activity 2 days ago",
        "▼ Only one contact engaged",
        "▼ Amount 1.8x the median won deal",
    ]
    assert "factor-conversion-3" not in page.text
    assert page.text["score-clv"] == "$48,000"
    assert page.text["score-price"] == "8%"
    assert "score-churn" not in page.text
    assert page.text["not-enough-history-churn"] == (
        "Not enough history yet: 4 of 30 records needed to train this model."
    )
    assert page.text["enriched-at"] == "2026-11-25 15:04 UTC"


def test_enriched_renders_strategy_nba_task_and_draft() -> None:
    page = render(payload())
    assert page.text["strategy-name"] == "Executive alignment"
    assert "economic buyer" in page.text["strategy-rationale"]
    assert page.text["analysis-risks"] == "Risks: Single-threaded"
    assert page.text["nba-text"] == ENRICHED["next_best_action"]["summary"]
    assert page.text["nba-channel"] == "email"
    assert page.text["nba-timing"] == "Next business day · 2026-11-26 09:30 America/New_York"
    assert page.text["nba-owner"] == "Sam Rep"
    assert page.text["task-subject"] == "[AI] Request exec intro at Northwind Logistics"
    assert page.text["draft-to"] == "To: Dana Reyes <dana.reyes@northwind.example>"
    assert page.text["draft-subject"] == ENRICHED["draft"]["subject"]
    assert page.text["draft-body"] == ENRICHED["draft"]["body"]
    assert page.text["generated-by"] == "offline-template"
    assert {"btn-accept", "btn-dismiss", "btn-rescore"} <= set(page.text)
    for state in ("state-pending", "state-stale", "state-error", "state-degraded", "state-not-enriched"):
        assert state not in page.text


def test_real_pipeline_payload_without_models() -> None:
    page = render(PIPELINE, object_type="deal")
    for key in ("conversion", "churn", "clv", "price"):
        assert page.text[f"score-unavailable-{key}"] == "Not available: no trained model yet"
        assert f"score-{key}" not in page.text
    assert page.text["strategy-name"] == "Value reinforcement"
    assert page.text["nba-text"] == PIPELINE["next_best_action"]["summary"]
    assert page.text["nba-timing"] == "Today · 2026-11-25 11:00 America/Chicago"
    assert page.text["task-subject"] == PIPELINE["next_best_action"]["task"]["subject"]
    assert page.text["draft-body"] == PIPELINE["draft"]["body"]
    assert "related-record" not in page.text


def test_pending_shows_banner_and_last_analysis() -> None:
    page = render(payload(status="pending"))
    assert page.text["status"] == "Scoring…"
    assert "Scoring in progress" in page.text["state-pending"]
    assert page.text["score-conversion"] == "62"


def test_pending_before_the_first_enrichment_renders_no_empty_sections() -> None:
    # The shape app/cards/payload.py answers with when a record has no enrichment yet.
    page = render(
        {
            "status": "pending",
            "record": {"id": "123", "name": None, "object_type": "deal"},
            "scores": {"conversion": {}},
            "analysis": {},
            "strategy": {},
            "next_best_action": {},
            "draft": {},
            "generated_by": None,
            "enriched_at": None,
            "actions": ["rescore"],
            "related_to": None,
        },
        object_type="deal",
    )
    assert "Scoring in progress" in page.text["state-pending"]
    for absent in ("scores", "strategy", "nba", "draft", "task-subject", "btn-accept", "enriched-at"):
        assert absent not in page.text
    assert "btn-rescore" in page.text


def test_stale_shows_warning() -> None:
    page = render(payload(status="stale"))
    assert page.text["status"] == "Out of date"
    assert "Re-score" in page.text["state-stale"]
    assert page.text["task-subject"]


def test_not_enriched() -> None:
    page = render({"status": "not_enriched", "record": {"id": "123"}, "actions": ["rescore"]})
    assert page.text["status"] == "Not scored yet"
    assert "Not scored yet" in page.text["state-not-enriched"]
    assert "score-conversion" not in page.text
    assert "btn-accept" not in page.text


def test_error_body() -> None:
    page = render({"error": "internal", "message": "Something broke on our side."})
    assert page.text["status"] == "Unavailable"
    assert "Something broke on our side." in page.text["state-error"]
    assert "score-conversion" not in page.text


def test_payload_without_status_is_an_error() -> None:
    page = render({"scores": {}})
    assert "no status" in page.text["state-error"]


def test_model_retraining_is_its_own_state() -> None:
    page = render({"error": "model_retraining"})
    assert "Models are retraining" in page.text["state-degraded"]
    assert "state-error" not in page.text


def test_degraded_payload_still_renders() -> None:
    page = render(payload(degraded={"reason": "model_retraining"}))
    assert "Models are retraining" in page.text["state-degraded"]
    assert page.text["score-conversion"] == "62"


def test_related_record_on_a_contact() -> None:
    assert "related-record" not in render(payload(), object_type="deal").text
    page = render(payload(), object_type="contact")
    assert page.text["related-record"] == f"Showing the related deal: {TITLE}"


def test_simpler_shapes_are_accepted() -> None:
    scores = copy.deepcopy(ENRICHED["scores"])
    del scores["churn"]
    scores["missing"] = {"churn": {"not_enough_history": {"have": 2, "need": 30}}}
    scores["clv"] = {"reason": "no trained model"}  # app/pipeline/card.py's shape for a string reason
    page = render(
        payload(
            scores=scores,
            strategy={"name": "risk_reversal", "rationale": "Offer a pilot."},
            next_best_action={
                "action": "Call the CFO",
                "channel": "call",
                "timing": "Friday",
                "owner": "Sam",
                "discount": 0.05,
            },
            task={"subject": "Call the CFO about the pilot"},
            draft={"to": "cfo@northwind.example", "subject": "Pilot", "body": "Hello", "kind": "call_script"},
        )
    )
    assert "2 of 30" in page.text["not-enough-history-churn"]
    assert page.text["score-unavailable-clv"] == "Not available: no trained model"
    assert "score-clv" not in page.text
    assert page.text["strategy-name"] == "Risk reversal"
    assert page.text["nba-text"] == "Call the CFO"
    assert page.text["nba-timing"] == "Friday"
    assert page.text["nba-discount"] == "5%"
    assert page.text["task-subject"] == "Call the CFO about the pilot"
    assert page.text["draft-to"] == "To: cfo@northwind.example"


def test_everything_is_escaped() -> None:
    evil = "<script>alert(1)</script>"
    html = render_card_html(
        payload(draft={"to": evil, "subject": evil, "body": evil}, record={"id": "1", "name": evil}),
        title=evil,
    )
    assert "<script>" not in html
    assert "&lt;script&gt;" in html


def test_page_is_self_contained() -> None:
    html = render_card_html(payload(), title=TITLE)
    assert html.startswith("<!doctype html>")
    assert "<style>" in html
    for external in ("<script", "<link", "src=", "@import", "url("):
        assert external not in html


@pytest.mark.parametrize("status", ["enriched", "pending", "stale", "not_enriched"])
def test_view_status_labels(status: str) -> None:
    view = card_view(payload(status=status))
    assert view["status"] == status
    assert view["error"] is None


def test_a_task_whose_model_is_retraining_says_so():
    from app.cards import render_card_html

    payload = {"status": "enriched", "record": {"id": "1", "name": "Deal"},
               "scores": {"conversion": {"model_retraining": {"reason": "xgboost 2.1 != 3.2"}}},
               "degraded": {"message": "Model retraining (conversion): those scores are missing until it finishes."}}
    html = render_card_html(payload, title="Deal")
    assert "model retraining" in html.lower()
