"""The preview card: action first, numbers for people, every state, from real demo payloads.

Fixtures: `tests/fixtures/hubspot/cards/demo_deal_*.json` are card payloads exactly as a demo run
stored and served them (`agentic-sales demo --once`, seed 7); the two payloads under
`ui_extensions/hubspot/tests/fixtures/` are the ones the React card's tests read too.
"""

from __future__ import annotations

import copy
import json
import re
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace

import pytest

from app.cards import render_card_html
from app.cards.view import card_view, factor_view

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "ui_extensions/hubspot/tests/fixtures"
ENRICHED = json.loads((FIXTURES / "payload_enriched.json").read_text())
PIPELINE = json.loads((FIXTURES / "payload_pipeline_no_models.json").read_text())
DEMO = {p.stem: json.loads(p.read_text()) for p in sorted((ROOT / "tests/fixtures/hubspot/cards").glob("demo_deal_*.json"))}
TITLE = "Northwind Logistics - 250 seats"
NOW = datetime(2026, 11, 25, 16, 0, tzinfo=UTC)
VOID = {"meta", "br", "img", "input", "link", "hr"}

ISO_TIME = re.compile(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?")
CAPS_ENUM = re.compile(r"\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b")
DECIMAL_PERCENT = re.compile(r"\d+[.,]\d+\s*%")


class TestIds(HTMLParser):
    """Collect the text inside every element that has a data-testid (nested text included)."""

    def __init__(self) -> None:
        super().__init__()
        self.text: dict[str, str] = {}
        self.attrs: dict[str, dict[str, str | None]] = {}
        self.order: list[str] = []
        self.all_text: list[str] = []
        self._open: list[str | None] = []
        self._skip = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._skip = tag in ("script", "style", "title")
        testid = dict(attrs).get("data-testid")
        if testid:
            self.text.setdefault(testid, "")
            self.attrs[testid] = dict(attrs)
            self.order.append(testid)
        if tag not in VOID:
            self._open.append(testid)

    def handle_endtag(self, tag: str) -> None:
        self._skip = False
        if tag not in VOID and self._open:
            self._open.pop()

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.all_text.append(data)
        for testid in self._open:
            if testid:
                self.text[testid] += data


def render(payload: dict, **kwargs) -> TestIds:
    parser = TestIds()
    parser.feed(render_card_html(payload, title=TITLE, now=kwargs.pop("now", NOW), **kwargs))
    return parser


def payload(**overrides) -> dict:
    return {**copy.deepcopy(ENRICHED), **overrides}


@pytest.mark.parametrize("name", sorted(DEMO))
def test_a_demo_card_shows_no_internal_value_iso_time_or_decimal_percentage(name: str) -> None:
    data = DEMO[name]
    page = render(data, now=datetime(2026, 12, 1, 16, 0, tzinfo=UTC))
    text = " ".join(page.all_text)
    stage = data["record"]["stage"]
    assert stage not in text, f"internal stage id {stage!r} shown"
    assert not CAPS_ENUM.search(text), CAPS_ENUM.search(text)
    assert not ISO_TIME.search(text), ISO_TIME.search(text)
    assert not DECIMAL_PERCENT.search(text), DECIMAL_PERCENT.search(text)
    assert "offline-template" not in text and "Score factor" not in text
    for arrow in "↑↓":
        assert arrow not in text


@pytest.mark.parametrize("name", sorted(DEMO))
def test_a_demo_card_leads_with_the_action_and_its_draft_then_the_chance_then_details(name: str) -> None:
    page = render(DEMO[name])
    order = [t for t in page.order if t in ("nba", "draft-body", "btn-copy", "score-conversion-tile", "btn-accept",
                                              "details")]
    assert order == ["nba", "draft-body", "btn-copy", "score-conversion-tile", "btn-accept", "details"]
    assert "open" not in page.attrs["details"], "details must start collapsed"
    factors = [page.text[t] for t in page.order if t.startswith("factor-conversion-")]
    assert 1 <= len(factors) <= 3 and len(set(factors)) == len(factors)
    assert all(f[0] in "▲▼" and f.count("▲") + f.count("▼") == 1 for f in factors)


def test_the_copy_button_carries_subject_and_body() -> None:
    data = DEMO[sorted(DEMO)[0]]
    page = render(data)
    copied = page.attrs["btn-copy"]["data-copy"]
    assert copied.startswith(f"Subject: {page.text['draft-subject']}\n\n")
    assert copied.endswith(page.text["draft-body"])


def test_the_composer_link_prefills_the_draft_for_the_recipient() -> None:
    page = render(payload())
    href = page.attrs["btn-compose"]["href"]
    assert href.startswith("mailto:dana.reyes@northwind.example?subject=")
    assert "body=" in href and " " not in href


def test_the_action_says_who_when_in_the_owners_time_zone_and_how() -> None:
    page = render(payload())
    assert page.text["nba-title"] == "Email Dana Reyes"
    # due 2026-11-26T14:30Z is 09:30 in New York, the day after NOW there.
    assert page.text["nba-meta"] == "Tomorrow, 9:30 AM · Executive alignment"
    assert page.text["task-subject"] == "[AI] Request exec intro at Northwind Logistics"
    assert page.text["updated"].startswith("Updated ")


def test_the_chance_to_close_is_one_number_with_a_band_that_names_it() -> None:
    page = render(payload())
    assert page.text["score-conversion"] == "62%"
    assert page.text["band-conversion"] == "Possible"
    assert "warning" in page.attrs["band-conversion"]["class"]
    # The glyph is for the eye (aria-hidden); the words after it are what a screen reader says.
    assert [page.text[f"factor-conversion-{i}"] for i in range(3)] == [
        "▲Raises the chance: Last activity 2 days ago",
        "▼Lowers the chance: Only one contact engaged",
        "▼Lowers the chance: Amount 1.8x the median won deal",
    ]


def test_absent_scores_say_why_in_a_sentence() -> None:
    page = render(payload())
    assert page.text["absent-churn"] == "needs 30 customers with a known renewal or churn, this account has 4"
    scores = copy.deepcopy(ENRICHED["scores"])
    scores["clv"] = {"not_enough_history": {"have": 44, "need": 50}}
    assert render(payload(scores=scores)).text["absent-clv"] == "needs 50 closed customers, this account has 44"


def test_a_task_the_tenant_does_not_use_is_hidden() -> None:
    scores = copy.deepcopy(ENRICHED["scores"])
    scores["churn"] = {"not_used": {}}
    page = render(payload(scores=scores))
    assert "score-churn-absent" not in page.text and "score-churn-tile" not in page.text


def test_other_scores_are_in_the_details_with_words_for_their_bands() -> None:
    page = render(payload())
    assert page.text["score-clv"] == "$48,000"
    assert page.text["band-clv"] == "Above peers"
    assert page.text["score-price"] == "8%"
    assert page.text["detail-price"] == "About 70% chance to close with 8% off: today's 62% plus 8 points"
    assert "band-price" not in page.text


def test_a_flat_price_curve_says_no_discount_is_needed() -> None:
    data = next(d for d in DEMO.values() if len({p[1] for p in d["scores"]["price"]["curve"]}) == 1)
    page = render(data)
    assert page.text["score-price"] == "No discount"
    assert page.text["detail-price"] == "A discount would not change the chance to close"


def test_the_pipeline_payload_without_models_says_no_model_yet() -> None:
    page = render(PIPELINE, object_type="deal")
    for key in ("churn", "clv", "price"):
        assert page.text[f"absent-{key}"] == "no model trained for this account yet"
    assert page.text["absent-conversion"] == "no model trained for this account yet"
    assert page.text["strategy-name"] == "Value reinforcement"
    assert page.text["draft-body"] == PIPELINE["draft"]["body"]
    assert "related-record" not in page.text


def test_model_info_is_in_words() -> None:
    page = render(DEMO[sorted(DEMO)[0]])
    info = page.text["model-info"]
    assert "built-in templates" in info and "Conversion model of 1 Dec 2026" in info


def test_labels_in_the_payload_replace_internal_values_in_free_text() -> None:
    view = card_view(payload(analysis={"summary": "In stage presentationscheduled, FINANCIAL_SERVICES buyer."},
                             labels={"presentationscheduled": "Presentation scheduled"}), now=NOW)
    assert view["details"]["summary"] == "In stage Presentation scheduled, financial services buyer."


def test_pending_shows_banner_and_last_analysis() -> None:
    page = render(payload(status="pending"))
    assert page.text["status"] == "Scoring…"
    assert "Scoring in progress" in page.text["state-pending"]
    assert page.text["score-conversion"] == "62%"


def test_pending_before_the_first_enrichment_renders_no_empty_sections() -> None:
    # The shape app/cards/payload.py answers with when a record has no enrichment yet.
    page = render({"status": "pending", "record": {"id": "123", "name": None, "object_type": "deal"},
                   "scores": {"conversion": {}}, "analysis": {}, "strategy": {}, "next_best_action": {}, "draft": {},
                   "generated_by": None, "enriched_at": None, "actions": ["rescore"], "related_to": None},
                  object_type="deal")
    assert "Scoring in progress" in page.text["state-pending"]
    for absent in ("nba", "draft-body", "task-subject", "btn-accept", "updated", "score-conversion-tile"):
        assert absent not in page.text
    assert "btn-rescore" in page.text


def test_stale_shows_warning() -> None:
    page = render(payload(status="stale"))
    assert page.text["status"] == "Out of date"
    assert "Re-score" in page.text["state-stale"]


def test_not_enriched() -> None:
    page = render({"status": "not_enriched", "record": {"id": "123"}, "actions": ["rescore"]})
    assert "Not scored yet" in page.text["state-not-enriched"]
    assert "btn-accept" not in page.text


def test_error_body() -> None:
    page = render({"error": "internal", "message": "Something broke on our side."})
    assert page.text["status"] == "Unavailable"
    assert "Something broke on our side." in page.text["state-error"]


def test_model_retraining_is_its_own_state() -> None:
    page = render({"error": "model_retraining"})
    assert "Models are retraining" in page.text["state-degraded"]
    assert "state-error" not in page.text


def test_a_task_whose_model_is_retraining_says_so() -> None:
    page = render({"status": "enriched", "record": {"id": "1", "name": "Deal"},
                   "scores": {"conversion": {"model_retraining": {"reason": "xgboost 2.1 != 3.2"}}},
                   "degraded": {"message": "Model retraining (conversion): missing until it finishes."}})
    assert "retraining" in page.text["absent-conversion"]
    assert "Model retraining" in page.text["state-degraded"]


def test_related_record_on_a_contact() -> None:
    assert "related-record" not in render(payload(), object_type="deal").text
    assert render(payload(), object_type="contact").text["related-record"] == f"Showing the related deal: {TITLE}"


def test_a_call_script_is_copied_as_a_script_without_a_composer() -> None:
    page = render(payload(draft={"to": "cfo@northwind.example", "subject": "", "body": "Ask about the pilot",
                                 "kind": "call_script", "channel": "call"}))
    assert page.text["btn-copy"] == "Copy script"
    assert page.attrs["btn-copy"]["data-copy"] == "Ask about the pilot"
    assert "btn-compose" not in page.text


MEETING = json.loads((FIXTURES / "payload_meeting_draft.json").read_text())


def test_a_meeting_draft_is_its_invitation_email_and_never_called_a_script() -> None:
    # The writer writes a meeting's draft as an e-mail (channel "meeting", kind "email"): the wave-22
    # walk found it under a "Copy script" button.
    page = render(copy.deepcopy(MEETING))
    assert page.text["nba-title"] == "Invite Noah Kim to a meeting"
    assert page.text["btn-copy"] == "Copy invitation"
    assert "btn-compose" in page.text  # an e-mail, so it can go to the composer


def test_a_meeting_actions_time_is_when_the_invitation_goes_out_not_the_meeting() -> None:
    # Wave 27's walk through the Salesforce demo: "Meet Amelia Jensen · Mon 7 Dec, 10:00 AM" above an invitation
    # proposing Tuesday 8 December read as two different meetings; the due time is the invitation's.
    page = render(copy.deepcopy(MEETING))
    assert page.text["nba-title"].startswith("Invite Noah Kim")
    assert page.text["nba-meta"].startswith("Send the invitation ")
    call = copy.deepcopy(MEETING)
    call["next_best_action"] = {**call["next_best_action"], "channel": "call"}
    page = render(call)
    assert page.text["nba-title"] == "Call Noah Kim" and not page.text["nba-meta"].startswith("Send")


def test_a_linkedin_draft_is_a_message_with_no_email_composer() -> None:
    page = render(payload(draft={**ENRICHED["draft"], "channel": "linkedin", "kind": "email"}))
    assert page.text["btn-copy"] == "Copy message"
    assert "btn-compose" not in page.text


def test_factors_show_the_crms_picklist_labels_and_amounts_in_the_deals_currency() -> None:
    page = render(copy.deepcopy(MEETING))
    factors = [page.text[k] for k in sorted(page.text) if k.startswith("factor-conversion-")]
    assert any("Past revenue won: 1,541,500 EUR" in f for f in factors), factors
    assert any("Deal Type: Existing Business" in f for f in factors), factors
    assert not any("existingbusiness" in f for f in factors)
    dollars = copy.deepcopy(MEETING)
    dollars["record"]["currency"] = "USD"
    assert any("Past revenue won: $1,541,500" in render(dollars).text[k] for k in render(dollars).text
               if k.startswith("factor-conversion-"))


def test_a_picklist_label_replaces_only_that_fields_value_never_the_same_word_in_a_sentence() -> None:
    # "high" is hs_priority's value and an ordinary word: only "Priority: high" becomes the label.
    view = card_view(payload(
        scores={"conversion": {"probability": 0.4, "band": "medium", "factors": [
            {"feature": "priority", "label": "Priority: high ↑", "direction": "+", "impact": 0.2}]}},
        analysis={"summary": "Interest is high after the demo."},
        labels={"Priority: high": "Priority: High (P1)"}), now=NOW)
    assert view["conversion"]["factors"][0]["text"] == "Priority: High (P1)"
    assert view["details"]["summary"] == "Interest is high after the demo."


def test_everything_is_escaped() -> None:
    evil = "<script>alert(1)</script>"
    html = render_card_html(payload(draft={"to": evil, "subject": evil, "body": evil}, record={"id": "1", "name": evil}),
                            title=evil, now=NOW)
    assert "<script>alert" not in html
    assert "&lt;script&gt;" in html


def test_page_is_self_contained() -> None:
    html = render_card_html(payload(), title=TITLE, now=NOW)
    assert html.startswith("<!doctype html>")
    for external in ("<link", "src=", "@import", "url("):
        assert external not in html


def test_a_won_deal_shows_its_outcome_and_no_suggestion_to_act_on() -> None:
    won = json.loads((FIXTURES / "payload_outcome_won.json").read_text())
    page = render(won)
    assert page.text["outcome"] == "Won on 30 Nov 2026 · $52,000"
    assert "success" in page.attrs["outcome"]["class"]
    for gone in ("nba", "draft-body", "btn-copy", "btn-accept", "btn-dismiss", "score-conversion-tile"):
        assert gone not in page.text
    assert "details" in page.text and "btn-rescore" in page.text


def test_a_converted_leads_card_says_converted_and_a_closed_one_says_closed_without_converting() -> None:
    won = json.loads((FIXTURES / "payload_outcome_won.json").read_text())
    record = {**won["record"], "object_type": "lead"}
    converted = render({**won, "record": record, "outcome": {**won["outcome"], "object_type": "lead"}})
    assert converted.text["outcome"] == "Converted on 30 Nov 2026"
    assert "success" in converted.attrs["outcome"]["class"] and "btn-accept" not in converted.text
    closed = render({**won, "record": record, "outcome": {**won["outcome"], "kind": "lost",
                                                         "stage": "Closed - Not Converted", "object_type": "lead"}})
    assert closed.text["outcome"] == "Closed without converting on 30 Nov 2026 · Closed - Not Converted"


def test_a_stage_advance_is_said_with_the_stage_label_above_the_suggestion() -> None:
    moved = json.loads((FIXTURES / "payload_outcome_stage_advanced.json").read_text())
    page = render(moved)
    assert page.text["outcome"] == "Moved to Contract Sent on 30 Nov 2026"
    assert page.order.index("outcome") < page.order.index("nba")
    assert "btn-accept" in page.text


def test_a_leads_card_calls_its_score_lead_conversion_not_the_deals_chance_to_close() -> None:
    record = {**ENRICHED.get("record", {}), "object_type": "lead"}
    scores = copy.deepcopy(ENRICHED["scores"])
    scores["conversion"] = {**scores["conversion"], "task": "lead_conversion"}
    page = render(payload(record=record, scores=scores))
    assert page.text["score-conversion-tile"].strip().startswith("Lead conversion")
    assert "Chance to close" not in page.text["score-conversion-tile"]
    assert page.text["score-conversion"] == "62%" and page.text["factor-conversion-0"]
    deal = render(payload())
    assert deal.text["score-conversion-tile"].strip().startswith("Chance to close")


def test_a_lead_without_a_lead_model_says_it_needs_closed_leads_instead_of_showing_the_deal_figure() -> None:
    record = {**ENRICHED.get("record", {}), "object_type": "lead"}
    scores = copy.deepcopy(ENRICHED["scores"])
    scores["conversion"] = {"not_enough_history": {"have": 12, "need": 50,
                                                   "unit": "closed leads (converted or closed unconverted)"}}
    page = render(payload(record=record, scores=scores))
    assert page.text["absent-conversion"] == (
        "needs 50 closed leads (converted or closed unconverted), this account has 12")
    assert page.text["score-conversion-absent"].startswith("Lead conversion")


def _only_in_crm_note(html: str) -> str:
    match = re.search(r'id="only-in-crm"[^>]*>([^<]*)<', html)
    assert match, "the page has no note about its dimmed buttons"
    return match.group(1)


def test_a_salesforce_cards_preview_says_its_dimmed_buttons_work_on_the_salesforce_card():
    # wave 22's walk: the Salesforce demo's cards said "The dimmed buttons work on the HubSpot card"
    html = render_card_html(ENRICHED, title=TITLE, object_type="deal", now=NOW, crm_label="Salesforce")
    assert _only_in_crm_note(html) == "The dimmed buttons work on the Salesforce card, not on this page."


def test_a_preview_that_does_not_know_its_crm_names_none():
    html = render_card_html(ENRICHED, title=TITLE, object_type="deal", now=NOW)
    assert _only_in_crm_note(html) == "The dimmed buttons work on the card in your CRM, not on this page."


def test_the_demos_snapshot_names_each_deals_crm_on_its_card(app_factory, tmp_path, monkeypatch):
    from app.site import snapshot
    from app.site.deals import EnrichedDeal

    deals = [EnrichedDeal(crm="salesforce", account="00D", record_id="006", title=TITLE, payload=ENRICHED),
             EnrichedDeal(crm="hubspot", account="1", record_id="2", title=TITLE, payload=ENRICHED)]
    monkeypatch.setattr(snapshot, "active_tenants", lambda s: [SimpleNamespace(crm="salesforce")])
    monkeypatch.setattr(snapshot, "enriched_deals", lambda s, t, deal_word="deal": deals)
    index = snapshot.write_snapshot(app_factory(), tmp_path, now=NOW)
    notes = {d.crm: _only_in_crm_note((index.parent / snapshot.card_file(d)).read_text()) for d in deals}
    assert "Salesforce card" in notes["salesforce"] and "HubSpot card" in notes["hubspot"], notes


def _lead_payload(factors: list[dict]) -> dict:
    record = {**ENRICHED.get("record", {}), "object_type": "lead"}
    scores = copy.deepcopy(ENRICHED["scores"])
    scores["conversion"] = {**scores["conversion"], "task": "lead_conversion", "factors": factors}
    return payload(record=record, scores=scores)


def test_a_leads_card_names_its_owner_lead_owner_not_the_opportunity_field_the_scorer_labelled() -> None:
    # As the Salesforce demo's lead model wrote it (feature "owner", the deal mapping's label).
    owner = [{"feature": "owner", "label": "Opportunity owner: Emma Taylor ↓", "direction": "-", "impact": -0.1}]
    page = render(_lead_payload(owner))
    assert page.text["factor-conversion-0"].strip().endswith("Lead owner: Emma Taylor")
    assert "Opportunity" not in "".join(page.all_text)
    deal = render(payload(scores={**ENRICHED["scores"], "conversion": {**ENRICHED["scores"]["conversion"],
                                                                       "factors": owner}}))
    assert deal.text["factor-conversion-0"].strip().endswith("Opportunity owner: Emma Taylor")


def test_a_leads_card_offers_not_relevant_to_this_lead_and_goes_back_to_the_leads() -> None:
    page = render(_lead_payload(ENRICHED["scores"]["conversion"]["factors"]), back_url="/")
    assert "Not relevant to this lead" in page.text["dismiss-reason"]
    assert "deal" not in page.text["dismiss-reason"]
    assert page.text["back"] == "← All leads" and page.attrs["back"]["href"] == "/#leads-heading"
    deal = render(payload(), back_url="/")
    assert "Not relevant to this deal" in deal.text["dismiss-reason"] and deal.text["back"] == "← All deals"


def test_a_salesforce_opportunitys_card_goes_back_to_all_opportunities_not_deals(app_factory) -> None:
    from app.connectors import deal_words_of

    app = app_factory()
    page = render(payload(), back_url="/", deals_word=deal_words_of("salesforce", app)[1])
    assert page.text["back"] == "← All opportunities"
    assert deal_words_of("hubspot", app) == ("deal", "deals") and deal_words_of(None, app) == ("deal", "deals")
    assert deal_words_of("no-such-crm", app) == ("deal", "deals")


def test_strategies_read_as_words_and_a_yes_no_factor_is_not_a_count() -> None:
    # The walk read "Re engagement" / "Limited time incentive" and "Executive contact: 0".
    scores = copy.deepcopy(ENRICHED["scores"])
    scores["conversion"]["factors"] = [
        {"feature": "has_exec_contact", "label": "Executive contact: 0", "direction": "-", "impact": -0.2}]
    view = card_view(payload(scores=scores, strategy={**ENRICHED.get("strategy", {}), "arm": "re_engagement",
                                                       "label": None}), now=NOW)
    assert view["details"]["strategy"] == "Re-engagement" and "Re-engagement" in view["action"]["meta"]
    assert view["conversion"]["factors"][0]["text"] == "Executive contact: none on the deal"
    level = {"feature": "top_title_level", "label": "Most senior contact: 3", "direction": "-"}
    assert factor_view(level, {})["text"] == "Most senior contact: C-level, president or founder"
    assert factor_view({**level, "label": "Most senior contact: 7"}, {})["text"] == "Most senior contact: 7"


def test_a_leads_lifetime_value_says_it_waits_for_the_conversion_not_for_a_deal_amount() -> None:
    scores = {**copy.deepcopy(ENRICHED["scores"]), "clv": {"no_purchase_history": {}}}
    lead = _lead_payload(ENRICHED["scores"]["conversion"]["factors"])
    lead_view = card_view({**lead, "scores": {**lead["scores"], "clv": {"no_purchase_history": {}}}}, now=NOW)
    clv = next(t for t in lead_view["details"]["scores"] if t["key"] == "clv")
    assert clv["absent"].startswith("a lead is not a customer yet") and "deal" not in clv["absent"]
    deal_clv = next(t for t in card_view(payload(scores=scores), now=NOW)["details"]["scores"] if t["key"] == "clv")
    assert deal_clv["absent"] == "no purchases or deal amount to value yet"
