"""Thanking the addressee for deciding to go on thanks the company's decision (wave 40, noticed40b; wave 39 noticed
"Vielen Dank, dass Sie ... weitermachen möchten" to Jonas Weber still credited to Anna, who wrote "wir haben intern
gesprochen und möchten weitermachen").

"Sie", "you", "vous", "usted" deciding to go on is the addressee deciding, and a decision to go on is the company's: the
recipient may be thanked for it whoever of the company wrote it, and the time it followed ("after the security
review", "tras la demo") credits nobody. As the adversary: a thing someone else did, thanked for beside the decision,
is still credited to them, and a record that names another contact alone as the one going on ("Anna möchte
weitermachen. Jonas zögert noch.") still credits the decision to that contact.
"""

from __future__ import annotations

import json

import pytest

from agents.context import build_context
from agents.thanks import thanks_problems
from integrations.base import Record
from tests.agents.conftest import FIXTURES, NOW
from tests.agents.quality_probe import named_check, record_context


@pytest.mark.parametrize(("record", "recipient", "sentence"), [
    ("de_deal", "702", "Vielen Dank, dass Sie nach dem internen Gespräch weitermachen möchten."),
    ("de_deal", "702", "Danke, dass Sie sich entschieden haben, nach der Demo weiterzumachen."),
    ("de_deal", "702", "Herzlichen Dank für Ihre Entscheidung, nach dem internen Gespräch mit uns weiterzumachen."),
    ("fr_deal", "712", "Merci d'avoir décidé de poursuivre avec nous après la démonstration."),
    ("fr_deal", "712", "Merci de souhaiter continuer avec nous après la démonstration."),
    ("es_opportunity", "0035g00000Es02", "Gracias por decidir seguir adelante tras la demo y la propuesta."),
    ("es_opportunity", "0035g00000Es02", "Muchas gracias por querer continuar con nosotros tras la demo y la propuesta."),
    ("hubspot_deal", "502", "Thanks for deciding to move forward after the security review."),
    ("hubspot_deal", "502", "Thank you for choosing to go ahead following the security review kickoff."),
])
def test_thanks_to_the_addressee_for_deciding_to_go_on_is_the_companys_decision(record, recipient, sentence):
    assert thanks_problems(sentence, record_context(record), recipient) == []


def test_a_call_script_thanking_jonas_that_he_wants_to_go_on_passes_the_thanks_check():
    body = ("Telefonat mit Jonas Weber\n- Bedanken, dass Sie nach dem internen Gespräch weitermachen möchten.\n"
            "- Fragen, ob die Amortisationsrechnung vom 28. Oktober ins Angebot übernommen werden soll.")
    check = named_check("de_deal", body, "thanks_the_right_person", kind="call_script", contact="702", language="de")
    assert check.passed, check.detail


@pytest.mark.parametrize(("record", "recipient", "sentence"), [
    ("de_deal", "702", "Vielen Dank, dass Sie das interne Gespräch geführt haben und weitermachen möchten."),
    ("es_opportunity", "0035g00000Es01", "Gracias por pedir la estimación de retorno y por querer seguir adelante."),
    ("hubspot_deal", "502", "Thanks for closing the security review and deciding to move forward."),
    ("hubspot_deal", "502", "Thank you for sending the security questionnaire and for deciding to go ahead."),
])
def test_a_thing_someone_else_did_beside_the_decision_is_still_credited_to_them(record, recipient, sentence):
    assert any("credits to" in r for r in thanks_problems(sentence, record_context(record), recipient))


def _context_with_note(record: str, note: str):
    raw = json.loads((FIXTURES / "records" / f"{record}.json").read_text())
    raw["activities"].append({"type": "note", "at": "2026-11-21T09:00:00Z", "direction": None, "subject": "Stand",
                              "body": note})
    return build_context(Record.from_dict(raw), raw.get("scores"), now=NOW)


@pytest.mark.parametrize(("record", "recipient", "note", "sentence"), [
    ("de_deal", "702", "Anna möchte weitermachen. Jonas zögert noch.",
     "Vielen Dank, dass Sie nach dem internen Gespräch weitermachen möchten."),
    ("hubspot_deal", "502", "Dana wants to move forward; Marcus is not convinced yet.",
     "Thanks for deciding to move forward after the security review."),
    ("fr_deal", "712", "Claire souhaite continuer avec nous. Paul hésite encore.",
     "Merci de souhaiter continuer avec nous après la démonstration."),
])
def test_a_decision_the_record_gives_to_another_contact_alone_is_still_credited_to_them(record, recipient, note,
                                                                                         sentence):
    assert any("credits to" in r for r in thanks_problems(sentence, _context_with_note(record, note), recipient))
