"""What the real local model wrote (wave 20, issue 11): captured drafts replayed through the checks offline.

tests/fixtures/llm_real/ holds every answer Qwen2.5-Coder-0.5B gave on the real-model test's records, with the
reasons it was refused (tests/llm/capture.py). These tests pin what those captures taught: a sign-off written on
the body's last line ("... schicken? Viele Grüße, Anna Schmidt") is a sign-off, and a draft that is the buyer's own
email signed by the buyer is refused, not sent back to the buyer under the owner's name.
"""

from __future__ import annotations

import json

import pytest

from agents.concepts import concept_violations
from agents.context import build_context
from agents.facts import build_vocabulary
from agents.models import DraftOut
from agents.safety import check_draft
from agents.signature import wrong_signature
from tests.agents.conftest import FIXTURES, NOW, load_record

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


# --- benign refusals of the real model's analyses (market-17, market-19 on 27e31f8) -----------------------------------

@pytest.mark.parametrize("text", [
    # captured: the analyst's summaries, refused as a deal-state claim and a no-cost promise
    "The company's pipeline is currently default, and the sales team has not yet signed any contracts.",
    "The engagement trend for Sterling Diagnostics – Analytics add-on is not being assessed due to the absence of "
    "scores and trained models.",
    "The contract has not been signed yet.", "They have not signed the contract.", "The order was never signed.",
    "Der Vertrag ist noch nicht unterschrieben.", "Le contrat n'est pas encore signé.", "El contrato no está firmado.",
    "The call moved due to the holidays.",
])
def test_a_negated_signing_and_a_causal_due_to_are_not_claims_or_promises(text):
    assert concept_violations(text, "open", ()) == []


@pytest.mark.parametrize("text", [
    "There is no doubt the contract was signed.", "No worries, the order was confirmed yesterday.",
    "Nothing is due to us until go-live.", "No payment is due before March.", "You will not pay anything due.",
])
def test_a_negation_elsewhere_in_the_sentence_still_leaves_the_claim_or_the_promise(text):
    assert concept_violations(text, "open", ())


# --- the buyer's email copied as the reply (de_deal, market-21 on 27e31f8) ----------------------------------------------

def _draft(body: str, to: str = "701") -> DraftOut:
    return DraftOut(to_contact_id=to, subject="Re: Angebot Flottenanalyse", body=body)


def _de_deal_check(body: str) -> list[str]:
    record, scores = load_record("de_deal")
    ctx = build_context(record, scores, now=NOW)
    return check_draft(_draft(body), ctx, build_vocabulary(ctx), approved_discount=None, language="de")


def test_the_buyers_email_copied_back_to_the_buyer_is_refused():
    assert any("repeats the buyer's own email" in r for r in _de_deal_check(ECHOED))


def test_the_same_copy_without_its_signature_is_refused_too():
    body = ECHOED.removesuffix(" Viele Grüße, Anna Schmidt") + "\n\nViele Grüße\nLena"
    assert any("repeats the buyer's own email" in r for r in _de_deal_check(body))


def test_a_reply_that_names_what_the_buyer_asked_for_in_a_few_of_their_words_passes_the_echo_rule():
    body = ("Hallo Anna,\n\ndanke für Ihre E-Mail vom 20. November. Das Angebot für 120 Fahrzeuge bis Ende nächster "
            "Woche: ich kümmere mich darum.\n\nViele Grüße\nLena")
    assert not [r for r in _de_deal_check(body) if "repeats the buyer's own email" in r]


def test_a_short_copy_of_the_buyers_two_sentences_signed_by_the_buyer_is_refused():
    # market-21's shape, on de_deal's record: most of the draft is the buyer's email
    body = ("Hallo Frau Vogt, wir haben intern gesprochen und möchten weitermachen. Können Sie uns das Angebot für "
            "120 Fahrzeuge schicken? Anna Schmidt")
    assert any("repeats the buyer's own email" in r for r in _de_deal_check(body))
