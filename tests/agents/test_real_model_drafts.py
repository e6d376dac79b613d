"""What the real local model wrote (wave 20, issue 11): captured drafts replayed through the checks offline.

tests/fixtures/llm_real/ holds every answer Qwen2.5-Coder-0.5B gave on the real-model test's records, with the
reasons it was refused (tests/llm/capture.py). These tests pin what those captures taught: a sign-off written on
the body's last line ("... schicken? Viele Grüße, Anna Schmidt") is a sign-off, and a draft that is the buyer's own
email signed by the buyer is refused, not sent back to the buyer under the owner's name.
"""

from __future__ import annotations

import json

import pytest

from agents import AgentSettings, run_agents
from agents.models import DraftOut
from agents.sentence_repair import without_one_sentence
from agents.signature import wrong_signature
from tests.agents.conftest import FIXTURES, NOW, Vendor, openai_body, openai_provider

CAPTURES = sorted((FIXTURES / "llm_real").glob("*.json"))

# de_deal's writer on 27e31f8 (tests/fixtures/llm_real/before_8_records.json): the buyer's inbound email, copied.
ECHOED = ("Hallo Frau Vogt, wir haben intern gesprochen und möchten weitermachen. Können Sie uns das Angebot für "
          "120 Fahrzeuge bis Ende nächster Woche schicken? Viele Grüße, Anna Schmidt")


def test_the_buyers_email_copied_as_a_draft_is_signed_by_the_buyer_not_the_owner():
    assert wrong_signature(ECHOED, "Lena Vogt") == "Anna Schmidt"


@pytest.mark.parametrize(("body", "signed"), [
    ("Hi Kenji, thanks for the call. Shall we talk on Monday? Best regards, Tomasz Nowak", "Tomasz Nowak"),
    ("Bonjour Claire, merci pour votre e-mail. Cordialement, Paul Lefèvre.", "Paul Lefèvre"),
    ("Hola Marta: gracias por la llamada. Un saludo, Javier Ortega", "Javier Ortega"),
])
def test_a_sign_off_on_the_last_line_must_be_the_owners_too(body, signed):
    assert wrong_signature(body, "Lena Vogt") == signed


@pytest.mark.parametrize("body", [
    "Hallo Anna, danke für Ihre E-Mail. Passt Ihnen Montag? Viele Grüße, Lena Vogt",
    "Hallo Anna, danke für Ihre E-Mail. Passt Ihnen Montag? Viele Grüße, Lena",
    "Hi Anna, here are two times that work. Thanks, Anna, for the quick reply yesterday.",
    "Hi Anna, let me know which time suits you. Thank you, Anna.",
    "Hi Anna, I will send the order form by Friday. Best, the Brightlane team",
    "Hi Anna, I will send the order form by Friday. Best regards, The Brightlane Team",
    "Hallo Anna, anbei die Unterlagen. Viele Grüße, Ihr Brightlane Team",
])
def test_the_owners_inline_sign_off_and_thanks_to_the_buyer_are_not_someone_elses_signature(body):
    assert wrong_signature(body, "Lena Vogt") is None


@pytest.mark.parametrize("path", CAPTURES, ids=lambda p: p.stem)
def test_every_capture_names_its_model_commit_and_time_and_every_refusal_its_reasons(path):
    capture = json.loads(path.read_text())
    assert capture["model"] and len(capture["commit"]) == 40 and capture["captured_at"].endswith("+00:00")
    for record in capture["records"]:
        for call in record["calls"]:
            if call["attempt"] == "fallback":
                assert call["reason"], f"{record['record']}: a fallback without its reason"
            else:
                assert set(call["answer"]) >= ({"subject", "body"} if call["role"] == "writer" else set())


# --- the one-sentence repair (agents/sentence_repair.py) -----------------------------------------------------------

PLANTED = "We guarantee a full refund if the rollout does not pay for itself."


def _template_draft(record, scores):
    run = run_agents(record, scores, AgentSettings(tenant_id="t"), now=NOW, env={})
    return run, {"to_contact_id": run.draft.to.contact_id, "subject": run.draft.subject, "body": run.draft.body}


def _with_sentence(body: str, sentence: str, after: int = 1) -> str:
    paragraphs = body.split("\n\n")
    paragraphs[after] = f"{paragraphs[after]} {sentence}"
    return "\n\n".join(paragraphs)


def _on_vendor(record, scores, *drafts):
    vendor = Vendor(*(openai_body(json.dumps(d)) for d in drafts))
    settings = AgentSettings(tenant_id="t", roles={"writer": "openai:gpt-4o-mini"})
    run = run_agents(record, scores, settings, providers={"writer": openai_provider(vendor)}, now=NOW, env={})
    return run, vendor


def test_a_draft_good_but_for_one_refused_sentence_is_kept_without_it_and_the_run_says_what_was_removed(
        record, scores):
    _offline, draft = _template_draft(record, scores)
    planted = {**draft, "body": _with_sentence(draft["body"], PLANTED)}
    run, vendor = _on_vendor(record, scores, planted)
    assert run.draft.generated_by == "openai:gpt-4o-mini" and len(vendor.requests) == 1  # no model repair call
    assert PLANTED not in run.draft.body and run.draft.body == draft["body"]
    assert run.checks_passed
    [why] = [f.reason for f in run.fallbacks if f.role == "writer"]
    assert why.startswith("repaired after: removed the sentence 'We guarantee a full refund") and "promise" in why


def test_two_refused_sentences_are_not_removed_the_model_is_asked_again_then_the_template_answers(record, scores):
    _offline, draft = _template_draft(record, scores)
    twice = {**draft, "body": _with_sentence(_with_sentence(draft["body"], PLANTED),
                                             "Your CFO already approved the 40% discount.", after=2)}
    run, vendor = _on_vendor(record, scores, twice, twice)
    assert len(vendor.requests) == 2 and run.draft.generated_by == "offline-template"
    assert any(f.role == "writer" and f.reason.startswith("safety: ") for f in run.fallbacks)


def test_a_refused_subject_is_not_repaired_by_removing_a_body_sentence(record, scores):
    _offline, draft = _template_draft(record, scores)
    bad_subject = {**draft, "subject": "Full refund guaranteed if the rollout does not pay for itself"}
    run, vendor = _on_vendor(record, scores, bad_subject, bad_subject)
    assert len(vendor.requests) == 2 and run.draft.generated_by == "offline-template"


def test_removing_the_sentence_that_carried_the_call_to_action_fails_the_quality_checks_so_it_is_not_kept():
    draft = DraftOut(to_contact_id="1", subject="s", body="Hi Dana,\n\nThanks. Shall we talk Monday at 10:00?\n\nBest,\nSam")

    def refuses_monday(d):
        return ["monday"] if "Monday" in d.body else []

    assert without_one_sentence(draft, ["monday"], refuses_monday, good=lambda d: "?" in d.body) is None
    kept, why = without_one_sentence(draft, ["monday"], refuses_monday)
    assert kept.body == "Hi Dana,\n\nThanks. \n\nBest,\nSam".replace(" \n", "\n") and "Shall we talk Monday" in why


def test_the_greeting_and_the_sign_off_are_never_what_is_removed():
    draft = DraftOut(to_contact_id="1", subject="s", body="Hi Dana, refund guaranteed.\n\nThanks.\n\nBest,\nSam")
    assert without_one_sentence(draft, ["refund"], lambda d: ["refund"] if "refund" in d.body else []) is None
