"""Set 35's bad drafts (wave 27) as kinds, in wordings of our own in en/de/fr/es, each run through every quality check
against a real fixture record: a question put to the contact whose role does not own it, scope the record does not
hold, an emoji or chat greeting to a business buyer, and the buyer asked to get a colleague's signature by our date.
Look-alikes must pass the rule: the question to the person the record says owns it or raised it, a scope item the
record holds, a warm but professional thank-you, a document shared with a colleague."""

from __future__ import annotations

import json
from typing import Any

import pytest

from agents.context import build_context
from agents.facts import build_vocabulary
from agents.models import Draft, Recipient
from agents.quality import check_draft_quality
from integrations.base import Record
from tests.agents.conftest import FIXTURES, NOW
from tests.agents.test_quality import SETTINGS

GREETING = {
    "501": "Hi Dana,",
    "502": "Hi Marcus,",
    "503": "Hi Priya,",
    "0035g00000Con01": "Hi Elena,",
    "0035g00000Con02": "Hi Tom,",
    "701": "Guten Tag Frau Schmidt,",
    "702": "Guten Tag Herr Weber,",
    "711": "Bonjour Claire,",
    "712": "Bonjour Paul,",
    "0035g00000Es01": "Hola Javier:",
    "0035g00000Es02": "Hola Lucía:",
}
RECORD = {"50": "hubspot_deal", "00": "salesforce_opportunity", "70": "de_deal", "71": "fr_deal"}
LANG = {
    "hubspot_deal": "en",
    "salesforce_opportunity": "en",
    "de_deal": "de",
    "fr_deal": "fr",
    "es_opportunity": "es",
}


def _record_name(contact: str) -> str:
    return "es_opportunity" if contact.startswith("0035g00000Es") else RECORD[contact[:2]]


def _failed(contact: str, sentence: str, rule: str, *, tweak: Any = None, body: str | None = None) -> bool:
    name = _record_name(contact)
    raw = json.loads((FIXTURES / "records" / f"{name}.json").read_text())
    if tweak:
        tweak(raw)
    record = Record.from_dict(raw)
    person = next(c for c in record.contacts if c.id == contact)
    draft = Draft(
        to=Recipient(contact_id=contact, name=person.name, email=person.email),
        channel="email",
        kind="email",
        subject="Proposal",
        tone="friendly",
        language=LANG[name],
        body=body or f"{GREETING[contact]}\n\n{sentence}\n\nSam",
    )
    ctx = build_context(record, raw.get("scores"), now=NOW)
    checks = check_draft_quality(draft, ctx, build_vocabulary(ctx, score_figures=False), SETTINGS)
    found = [c for c in checks if c.name == rule]
    assert found, rule
    return not found[0].passed


def _jonas_in_finance(raw: dict[str, Any]) -> None:
    """de_deal's Jonas Weber is the managing director (owns every question): here he heads finance."""
    raw["contacts"][1]["title"] = "Leiter Finanzen und Controlling"


OWNER = "asks_the_person_who_owns_it"
WRONG_PERSON = [
    ("503", "Could you confirm the budget Northwind has set for next year?", None),
    ("503", "Which payment terms would suit Northwind best?", None),
    ("503", "Would a 2-year contract work for you?", None),
    ("502", "Could you confirm whether SSO is required for all drivers?", None),
    ("0035g00000Con02", "How many users will each clinic need?", None),
    ("712", "Combien d'utilisateurs faut-il prévoir par atelier ?", None),
    ("712", "Combien de licences vous faut-il pour le premier atelier ?", None),
    ("711", "Quel budget avez-vous prévu pour 2027 ?", None),
    ("711", "Préférez-vous un engagement sur deux ans pour le prix ?", None),
    ("0035g00000Es01", "¿Qué presupuesto tienen aprobado para el proyecto?", None),
    ("0035g00000Es01", "¿Prefieren un contrato de dos años?", None),
    ("0035g00000Es02", "¿Cuántos camiones entran en la primera fase?", None),
    ("701", "Welches Budget ist für 2027 freigegeben?", _jonas_in_finance),
    ("701", "Passt Ihnen eine Vertragslaufzeit von zwei Jahren?", _jonas_in_finance),
    ("702", "Wie viele Fahrzeuge sollen in der ersten Phase starten?", _jonas_in_finance),
]
RIGHT_PERSON = [
    ("502", "Could you confirm the budget Northwind has set for next year?", None),  # the VP Finance
    ("503", "Could you confirm SSO is all set for the rollout?", None),  # the security lead
    ("503", "Could you check with Marcus which term suits Northwind?", None),  # sent on to its owner
    (
        "501",
        "Is price still the main question against the telematics add-on?",
        None,
    ),  # Dana raised it (cheaper)
    (
        "501",
        "Would Monday work for a walkthrough before the budget review?",
        None,
    ),  # an event, not a money question
    ("0035g00000Con01", "How many users will each clinic need?", None),  # operations owns the count
    ("711", "Combien de licences faut-il par atelier ?", None),
    ("712", "Sous quelle forme préférez-vous voir le coût par atelier ?", None),
    ("0035g00000Es02", "¿Qué presupuesto tienen aprobado para el proyecto?", None),
    ("0035g00000Es01", "¿Podría compartir la propuesta con Lucía?", None),
    ("702", "Welches Budget ist für 2027 freigegeben?", _jonas_in_finance),
    ("701", "Wie viele Fahrzeuge sollen in der ersten Phase starten?", _jonas_in_finance),
    (
        "701",
        "Welches Budget ist für 2027 freigegeben?",
        None,
    ),  # the managing director owns everything: no owner
    (
        "503",
        "Could you confirm the budget Northwind has set for next year?",
        lambda raw: raw["contacts"][2].update(title=None),
    ),  # no title, no role to fault
]


@pytest.mark.parametrize(("contact", "sentence", "tweak"), WRONG_PERSON)
def test_a_question_to_the_contact_whose_role_does_not_own_it_is_flagged(contact, sentence, tweak):
    assert _failed(contact, sentence, OWNER, tweak=tweak)


@pytest.mark.parametrize(("contact", "sentence", "tweak"), RIGHT_PERSON)
def test_a_question_to_its_owner_or_to_whoever_raised_it_passes(contact, sentence, tweak):
    assert not _failed(contact, sentence, OWNER, tweak=tweak)


def _oracle_on_record(raw: dict[str, Any]) -> None:
    raw["activities"].append(
        {
            "type": "note",
            "at": "2026-11-19T10:00:00Z",
            "direction": None,
            "subject": "Scope",
            "body": "Dana wants the proposal to cover the integration with their Oracle ERP.",
        }
    )


SCOPE = "states_only_scope_on_record"
INVENTED_SCOPE = [
    ("501", "As requested, the proposal also includes the integration with your Oracle ERP."),
    ("501", "The offer covers the data migration from your current telematics system."),
    ("501", "As discussed, the package includes on-site training for your dispatchers."),
    ("0035g00000Con01", "The proposal includes a connector to Dentally for all 9 clinics."),
    ("701", "Wie besprochen umfasst das Angebot auch die Schnittstelle zu DATEV."),
    ("701", "Das Angebot enthält die Datenübernahme aus Ihrem Altsystem."),
    ("701", "Wie gewünscht enthält das Angebot eine Schulung vor Ort für Ihre Disponenten."),
    ("711", "Comme convenu, la proposition inclut l'intégration avec votre ERP Sage."),
    ("711", "La proposition comprend la formation sur site de vos équipes."),
    ("0035g00000Es01", "Como nos pidió, la propuesta incluye la integración con su SAP."),
    ("0035g00000Es01", "La propuesta contempla la migración de datos desde su sistema actual."),
]
SCOPE_ON_RECORD = [
    ("503", "As requested, the proposal includes the SSO and data retention answers."),
    ("501", "The proposal covers the 420 trucks across your 6 depots."),
    ("501", "The proposal does not include any integration work."),  # a negation states no scope
    ("501", "Would an integration with your ERP help the dispatchers?"),  # a question states no scope
    ("701", "Wie gewünscht enthält das Angebot die Amortisationsrechnung für 120 Fahrzeuge."),
    ("711", "Comme demandé, la proposition inclut le nombre de licences pour les 6 ateliers."),
    ("0035g00000Es01", "Como nos pidió, la propuesta incluye el calendario de implantación."),
    ("0035g00000Con01", "As Tom asked, the proposal covers a rollout in two phases."),
]


@pytest.mark.parametrize(("contact", "sentence"), INVENTED_SCOPE)
def test_scope_the_record_does_not_hold_is_flagged(contact, sentence):
    assert _failed(contact, sentence, SCOPE)


@pytest.mark.parametrize(("contact", "sentence"), SCOPE_ON_RECORD)
def test_scope_the_record_holds_passes(contact, sentence):
    assert not _failed(contact, sentence, SCOPE)


def test_an_integration_the_record_holds_in_other_words_passes():
    sentence = "As requested, the proposal includes the Oracle ERP integration."
    assert not _failed("501", sentence, SCOPE, tweak=_oracle_on_record)
    assert _failed("501", sentence, SCOPE)


FAMILIAR = "no_over_familiar_register"
CHATTY = [
    ("501", "Hey Dana!\n\nThe proposal is on its way by Friday, November 27.\n\nSam"),
    ("501", "Hi Dana,\n\nThe proposal lands Friday, November 27 🚀\n\nSam"),
    ("0035g00000Con01", "Hi Elena,\n\nThanks for the update :-) The plan reaches you on Friday.\n\nRachel"),
    ("701", "Guten Tag Frau Schmidt,\n\ndas Angebot kommt am Freitag, 27. November 😊\n\nLena Vogt"),
    (
        "701",
        "Guten Tag Frau Schmidt,\n\ndanke für die Rückmeldung ;-) Das Angebot kommt am Freitag.\n\nLena Vogt",
    ),
    ("711", "Coucou Claire,\n\nla proposition arrive vendredi 27 novembre.\n\nHugo"),
    ("711", "Bonjour Claire,\n\nla proposition arrive vendredi 27 novembre 👍\n\nHugo"),
    ("0035g00000Es01", "Hola Javier:\n\n¡La propuesta llega el viernes 27 de noviembre! 💪\n\nMarta"),
    ("0035g00000Es01", "Holi Javier:\n\nla propuesta llega el viernes 27 de noviembre.\n\nMarta"),
]
WARM = [
    (
        "501",
        "Hi Dana,\n\nThank you so much for the kind words about the demo, it was a pleasure. The proposal reaches "
        "you by Friday, November 27.\n\nSam",
    ),
    ("501", "Hey Dana,\n\nthe proposal reaches you by Friday, November 27.\n\nSam"),
    ("501", "Hi Dana,\n\nWould 10:30 on Monday work for a call?\n\nSam"),
    (
        "701",
        "Guten Tag Frau Schmidt,\n\nherzlichen Dank für Ihre freundliche Rückmeldung! Das Angebot kommt am "
        "Freitag, 27. November.\n\nLena Vogt",
    ),
    (
        "711",
        "Bonjour Claire,\n\nmerci beaucoup pour votre message chaleureux ! La proposition arrive vendredi.\n\nHugo",
    ),
    (
        "0035g00000Es01",
        "Hola Javier:\n\n¡Muchas gracias por sus amables palabras! La propuesta llega el viernes.\n\nMarta",
    ),
]


@pytest.mark.parametrize(("contact", "body"), CHATTY)
def test_an_emoji_a_smiley_or_a_chat_greeting_is_over_familiar(contact, body):
    assert _failed(contact, "", FAMILIAR, body=body)


@pytest.mark.parametrize(("contact", "body"), WARM)
def test_a_warm_but_professional_letter_passes(contact, body):
    assert not _failed(contact, "", FAMILIAR, body=body)


def test_an_emoji_answers_a_buyer_who_wrote_one_first():
    def smiley(raw: dict[str, Any]) -> None:
        raw["activities"][1]["body"] += " 😊"

    body = "Hi Dana,\n\nThe proposal lands Friday, November 27 😊\n\nSam"
    assert not _failed("501", "", FAMILIAR, body=body, tweak=smiley)


PUSH = "no_pushing_the_buyers_colleague"
PRESS = [
    ("501", "Could you ask Marcus to sign the order before December 18 so it lands this year?"),
    ("501", "Would you remind Marcus to approve it by Friday?"),
    ("501", "Could you make sure Marcus signs before the 18th?"),
    ("701", "Könnten Sie Herrn Weber bitten, das Angebot noch diese Woche zu unterschreiben?"),
    ("701", "Würden Sie Herrn Weber daran erinnern, es bis Freitag freizugeben?"),
    ("701", "Können Sie dafür sorgen, dass Herr Weber vor dem 18. Dezember unterschreibt?"),
    ("711", "Pourriez-vous demander à Paul de signer avant le 18 décembre ?"),
    ("711", "Pourriez-vous encourager M. Lefèvre à valider la proposition d'ici vendredi ?"),
    ("711", "Pourriez-vous faire signer Paul avant la fin de l'année ?"),
    ("0035g00000Es01", "¿Podría pedirle a Lucía que firme antes del 15 de diciembre?"),
    ("0035g00000Es01", "¿Podría recordar a Lucía que apruebe la propuesta esta semana?"),
    ("0035g00000Es01", "¿Puede motivar a la Sra. Fernández a firmar antes de fin de año?"),
]
NO_PRESS = [
    ("501", "Could you share the proposal with Marcus before the budget review?"),
    ("501", "Could you ask Marcus which format he prefers for the payback sheet?"),
    ("501", "If Marcus is ready to sign, the order form is attached."),
    ("701", "Könnten Sie das Angebot an Herrn Weber weiterleiten?"),
    ("711", "Pourriez-vous transmettre la proposition à Paul ?"),
    ("0035g00000Es01", "¿Podría compartir la propuesta con Lucía?"),
    ("0035g00000Es01", "¿Podría preguntar a Lucía qué formato prefiere para la estimación?"),
]


@pytest.mark.parametrize(("contact", "sentence"), PRESS)
def test_the_buyer_asked_to_get_a_colleagues_signature_by_a_date_is_flagged(contact, sentence):
    assert _failed(contact, sentence, PUSH)


@pytest.mark.parametrize(("contact", "sentence"), NO_PRESS)
def test_sharing_with_or_asking_a_colleague_without_a_signature_deadline_passes(contact, sentence):
    assert not _failed(contact, sentence, PUSH)
