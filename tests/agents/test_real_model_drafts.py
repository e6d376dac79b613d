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
from agents.signature import wrong_signature
from tests.agents.conftest import FIXTURES

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
