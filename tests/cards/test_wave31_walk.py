"""What wave 31's walk of the card (demo records in German, French and Spanish, 360 px) found a rep tripping over.

- An escalated record's "draft" is the owner's brief ("This record needs you personally; no customer email was
  drafted"), yet the card offered "Copy email" and "Open in composer" under it, and the task headed it "Draft email".
- An absent score read "not shown: the model trained on this account's history did not beat a simple baseline".
- The strategy's why read "value reinforcement is being tried: no mid-market outcome has been recorded for it yet"
  under "Strategy: Restate the value they asked for": the learning loop's arm name, lower case, opening a sentence.
"""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime

from app.cards.view import absent_text, card_view
from learning.bandit import Posterior
from learning.policy import describe_choice
from tests.cards.test_card_parity import ROOT
from tests.cards.test_render import render

NOW = datetime(2026, 12, 1, 16, 0, tzinfo=UTC)
ESCALATED = json.loads((ROOT / "ui_extensions/hubspot/tests/fixtures/payload_escalated.json").read_text())


def owner_brief_payload() -> dict:
    payload = copy.deepcopy(ESCALATED)
    payload["draft"] = {"to": {"contact_id": "owner:7", "name": "Sam Lee", "email": "sam@seller.example"},
                        "channel": "email", "kind": "owner_brief",
                        "subject": "Escalated: needs the owner's personal reply",
                        "body": "This record needs you personally; no customer email was drafted.\n\n- legal in a1",
                        "language": "en", "tone": "formal", "generated_by": "code"}
    return payload


def test_the_owners_brief_is_offered_as_a_note_to_copy_never_as_an_email_to_compose():
    draft = card_view(owner_brief_payload(), object_type="deal", now=NOW)["draft"]
    assert draft["email"] is False and draft["copy_label"] == "Copy note"
    assert draft["heading"] == "Note for you (not for the customer)"
    page = render(owner_brief_payload())
    assert "btn-compose" not in page.text and page.text["btn-copy"] == "Copy note"


def test_the_task_heads_the_owners_brief_as_a_note_not_a_draft_email():
    from types import SimpleNamespace

    from agents.decision import Decision
    from agents.models import Draft, Person, Recipient
    from app.pipeline.writeback import task_spec
    from tests.pipeline.test_pipeline_on_fake_crm import sample_record

    draft = Draft(to=Recipient(contact_id="owner:7", name="Sam Lee", email="sam@seller.example"), channel="email",
                  kind="owner_brief", subject="Escalated: needs the owner's personal reply",
                  body="This record needs you personally; no customer email was drafted.", language="en", tone="formal")
    run = SimpleNamespace(next_best_action=SimpleNamespace(channel="email", summary="Email Dana",
                                                           recipient=Person(name="Dana Reyes")),
                          strategy=SimpleNamespace(arm="risk_reversal", rationale="r"), draft=draft)
    decision = Decision("escalate", "email", NOW, None, True, True, ("legal in a1: human review",))
    body = task_spec(sample_record("t1"), run, decision).body
    assert "Draft email" not in body and "Note for you (not for the customer) to Sam Lee:" not in body
    assert "Note for you (not for the customer):" in body, body


def test_a_score_that_did_not_beat_a_simple_rule_says_so_without_the_word_baseline():
    text = absent_text("churn", {"refused": True})
    assert text is not None and "baseline" not in text
    assert text == "not shown: on this account's history it was no better than a simple rule of thumb"


def test_why_this_strategy_names_no_arm_and_no_segment_code():
    posterior = Posterior(("value_reinforcement", "social_proof"))
    why = describe_choice(posterior, {"segment": "mid"}, "value_reinforcement")
    assert "value reinforcement" not in why["text"] and "value_reinforcement" not in why["text"]
    assert why["text"] == ("This strategy is being tried: no outcome of a mid-sized company's deal has been recorded "
                           "for it yet.")


def test_the_parity_fixtures_hold_a_refused_score_and_an_owners_brief():
    """view.test.ts compares the HubSpot card's view with these: it said "not scored" for a refused score."""
    views = ROOT / "ui_extensions/hubspot/tests/fixtures/views"
    refused = json.loads((views / "payload_walk_w31_refused_and_brief.json").read_text())
    churn = next(t for t in refused["details"]["scores"] if t["key"] == "churn")
    assert churn["absent"] == "not shown: on this account's history it was no better than a simple rule of thumb"
    assert refused["draft"]["copy_label"] == "Copy note" and refused["draft"]["email"] is False


def test_at_360_px_the_dismiss_reason_is_read_whole(tmp_path):
    """The select was capped at 170 px: "Not relevant to this opportu" on a Salesforce preview at 360 px."""
    from app.cards import render_card_html
    from tests.cards.browser import CHROMIUM, LAUNCH_ARGS, require_chromium

    require_chromium()
    from playwright.sync_api import sync_playwright

    payload = copy.deepcopy(ESCALATED)
    payload["dismiss_reasons"] = [{"value": "not_relevant", "label": "Not relevant to this opportunity"}]
    page_file = tmp_path / "card.html"
    page_file.write_text(render_card_html(payload, title="Fret Atlantique SA", now=NOW, crm_label="Salesforce"))
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        page = browser.new_page(viewport={"width": 360, "height": 800})
        page.goto(page_file.as_uri())
        widths = page.evaluate("""() => {
            const select = document.querySelector('[data-testid=dismiss-reason]');
            const probe = document.createElement('span');
            probe.style.font = getComputedStyle(select).font;
            probe.textContent = select.options[select.selectedIndex].text;
            document.body.appendChild(probe);
            return [select.getBoundingClientRect().width, probe.getBoundingClientRect().width,
                    document.documentElement.scrollWidth];
        }""")
        browser.close()
    select, text, page_width = widths
    # Its padding and dropdown arrow take ~24 px of the box (measured: Chromium cut the text at 170 px for 163 px).
    assert select >= text + 24, f"the select is {select:.0f} px for {text:.0f} px of text"
    assert page_width <= 360
