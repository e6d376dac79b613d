"""Holes in the agents' checks that wave 30 noticed and left (issue 11, wave 31, agfix), each wrong one way or the other,
tested as the rep would see the text in every role that writes free text (the analyst's summary, the strategist's
rationale, the writer's body), in English, German, French and Spanish, with its adversary beside it:

1. an honest "not included" ("la formation n'est pas comprise") was refused as something included;
2. French "approuver" was no decision word: "approuver le devis aujourd'hui" / "pour le congrès" passed;
3. a decision noun bound to an event ("Die Freigabe brauchen wir zur Messe") was no decision;
4. an instruction to offer a share ("Offer 15% straight away") was caught only by the facts check;
5. "You signed them off" (documents approved) was read as a won deal: the signing's object was not read;
6. the record's own amount written with its currency code first ("the invoice for the USD 48,000") was price talk;
7. the record's PO number under its label ("numéro de commande BC-5120") was read as a binding document.

Wordings are new (none is a held-out case's)."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

import pytest

from agents.claims import discount_violations
from agents.context import build_context
from agents.deal_state_idioms import deal_state_violations
from agents.event_limits import event_limit_violations
from agents.normalize import normalise
from agents.price_talk import unanchored_price_talk
from agents.same_day_pressure import pressed_for_today
from integrations.base import Record
from tests.agents.conftest import FIXTURES, NOW, load_record
from tests.agents.role_matrix import CONTACT, RECORD, refused_in_role, world

ROLES = ("analyst", "strategist", "writer")


def _refused(lang: str, text: str, ctx: Any = None) -> dict[str, list[str]]:
    """What each role refuses in `text` on the language's fixture record (or `ctx`), by role."""
    ctx = ctx or world(lang)[0]
    return {role: refused_in_role(role, ctx, text, CONTACT[lang][0]) for role in ROLES}


def _ctx(record: str, extra: dict[str, str] | None = None, note: str | None = None) -> Any:
    """A fixture record's context with custom fields `extra` and one more note of the buyer's `note`."""
    raw = json.loads((FIXTURES / "records" / f"{record}.json").read_text())
    if note:
        raw["activities"].append(
            {"type": "note", "at": "2026-11-19T10:00:00Z", "direction": None, "subject": "Call", "body": note}
        )
    rec = Record.from_dict(raw)
    if extra:
        rec = replace(rec, extra={**rec.extra, **extra})
    return build_context(rec, raw.get("scores"), now=NOW)


# --- 1. an honest "not included" ------------------------------------------------------------------------------------

NOT_INCLUDED = [
    ("en", "Training is not included in the licence."),
    ("en", "On-site installation is not included."),
    ("de", "Die Schulung ist nicht inklusive."),
    ("de", "Die Wartung ist im Angebot nicht inbegriffen."),
    ("fr", "La formation n'est pas comprise."),
    ("fr", "Les licences supplémentaires ne sont pas incluses."),
    ("es", "La formación no está incluida."),
    ("es", "El mantenimiento no va incluido."),
]


@pytest.mark.parametrize(("lang", "text"), NOT_INCLUDED)
def test_an_honest_not_included_is_no_promise_in_any_role(lang, text):
    refused = _refused(lang, text)
    assert refused == {role: [] for role in ROLES}, refused


INCLUDED = [
    ("en", "Training is included."),
    ("en", "No extra cost: installation is included."),
    ("de", "Keine Sorge, die Schulung ist inklusive."),
    ("fr", "Ne vous inquiétez pas, la formation est comprise."),
    ("fr", "Pas de frais cachés : les licences sont incluses."),
    ("es", "No se preocupe, la formación está incluida."),
]


@pytest.mark.parametrize(("lang", "text"), INCLUDED)
def test_something_said_to_be_included_is_still_refused_beside_a_negation_of_something_else(lang, text):
    refused = _refused(lang, text)
    assert all(refused.values()), refused


# --- 2. French "approuver" is a decision word ----------------------------------------------------------------------

FRENCH_APPROVALS = [
    ("fr", "Merci d'approuver le devis aujourd'hui.", "send day"),
    ("fr", "Paul devrait approuver la proposition ce soir.", "send day"),
    ("fr", "Il faudrait approuver le budget pour le congrès.", "event the record does not date"),
    ("fr", "Claire doit donner son approbation avant le salon.", "event the record does not date"),
    ("en", "Please approve the quote today.", "send day"),
    ("en", "Marcus should approve the budget for the congress.", "event the record does not date"),
]


@pytest.mark.parametrize(("lang", "text", "why"), FRENCH_APPROVALS)
def test_an_approval_pressed_for_today_or_for_an_event_is_refused_in_french_as_in_english(lang, text, why):
    refused = _refused(lang, text)
    assert all(any(why in r for r in reasons) for reasons in refused.values()), refused


def test_our_own_sending_today_is_no_approval_pressed_for_today():
    assert pressed_for_today("Nous vous enverrons le devis aujourd'hui, pour que Paul puisse l'approuver lundi.") == []
    assert pressed_for_today("Paul pourra approuver le devis lundi ; je vous l'envoie aujourd'hui.") == []


# --- 3. a decision noun bound to an event --------------------------------------------------------------------------

EVENT_NOUNS = [
    ("de", "Die Freigabe brauchen wir zur Messe."),
    ("de", "Die Genehmigung brauchen wir vor der Messe."),
    ("de", "Ihre Zustimmung bräuchten wir bis zum Kongress."),
    ("fr", "Il nous faut votre approbation avant le salon."),
    ("es", "Necesitamos la aprobación antes de la feria."),
    ("en", "We need the sign-off before the conference."),
]


@pytest.mark.parametrize(("lang", "text"), EVENT_NOUNS)
def test_a_decision_noun_bound_to_an_event_the_record_does_not_date_is_refused(lang, text):
    refused = _refused(lang, text)
    assert all(any("event the record does not date" in r for r in reasons) for reasons in refused.values()), refused


def test_the_fair_the_buyer_named_in_the_record_may_bind_the_decision():
    ctx = _ctx("de_deal", note="Frau Schmidt ist mit Herrn Weber auf der Messe in Hannover.")
    named = _refused("de", "Die Freigabe brauchen wir zur Messe.", ctx)
    assert not any("event" in r for reasons in named.values() for r in reasons), named
    other = _refused("de", "Die Freigabe brauchen wir zum Kongress.", ctx)
    assert all(any("event the record does not date" in r for r in reasons) for reasons in other.values()), other


@pytest.mark.parametrize(
    "text",
    ["Zur Messe bringen wir die Freigabeunterlagen mit.", "Die Freigabe liegt bei Herrn Weber; zur Messe kommen wir gern."],
)
def test_the_fair_without_a_decision_bound_to_it_is_no_limit(text):
    assert event_limit_violations(text, world("de")[0]) == [], text


# --- 4. an instruction to offer a share ----------------------------------------------------------------------------

OFFERED_SHARES = [
    ("en", "Offer 15% straight away."),
    ("en", "Give them 12% if Marcus pushes back."),
    ("de", "Gleich 15 % anbieten."),
    ("de", "Wir gewähren Ihnen 12 %, wenn Sie diese Woche zusagen."),
    ("fr", "Proposer 15 % tout de suite."),
    ("fr", "Nous pouvons vous accorder 12 % si Paul insiste."),
    ("es", "Ofrecer un 15 % de entrada."),
    ("es", "Le damos un 12 % si firma este mes."),
]


@pytest.mark.parametrize(("lang", "text"), OFFERED_SHARES)
def test_an_instruction_to_offer_a_share_is_a_discount_on_its_own(lang, text):
    assert any("discount of" in r for r in discount_violations(text, None)), text
    assert discount_violations(text, 0.2) == [], text  # within an approved 20 %
    refused = _refused(lang, text)
    assert all(any("discount of" in r for r in reasons) for reasons in refused.values()), refused


@pytest.mark.parametrize(
    "text",
    [
        "We offer 99.9% uptime.",
        "Offer 100% of the depots the pilot first.",
        "Wir bieten 99,9 % Verfügbarkeit.",
        "Nous proposons 100 % des sessions en ligne.",
        "Ofrecemos un 99,9 % de disponibilidad.",
        "Do not offer 15% straight away.",
        "Marcus asked whether we could offer 15%.",
    ],
)
def test_a_share_of_something_else_or_an_offer_not_made_is_no_discount(text):
    assert discount_violations(text, None) == [], text


# --- 5. documents signed off are no won deal -----------------------------------------------------------------------

SIGNED_OFF_DOCUMENTS = [
    "You signed them off last week.",
    "Marcus signed the security answers off on Monday.",
    "You signed the data-processing annex last week.",
    "Dana has signed the site survey.",
    "Vous avez signé l'annexe de sécurité la semaine dernière.",
    "Ya han firmado el anexo de protección de datos.",
]


@pytest.mark.parametrize("text", SIGNED_OFF_DOCUMENTS)
def test_documents_signed_or_signed_off_are_no_won_deal(text):
    assert deal_state_violations(text, "open") == [], text
    refused = _refused("en", text)
    assert not any("the deal is won" in r for reasons in refused.values() for r in reasons), refused


@pytest.mark.parametrize(
    "text",
    [
        "You signed the order form last week.",
        "You signed.",
        "You signed it last week.",
        "Dana has signed the contract.",
        "Marcus signed the renewal agreement on Monday.",
        "You have signed them off and the contract too.",
        "Vous avez signé le bon de commande.",
        "Ya han firmado el pedido.",
    ],
)
def test_a_deal_document_signed_or_a_bare_signature_is_still_a_won_deal(text):
    assert any("the deal is won" in r for r in deal_state_violations(text, "open")), text


# --- 6. the record's own amount, its currency code first ----------------------------------------------------------

RECORD_AMOUNTS = [
    ("en", None, "The invoice for the USD 48,000 goes out after signature."),
    ("en", {"po_number": "PO-4471"}, "PO-4471 goes on the invoice for the USD 48,000."),
    ("en", None, "You pay USD 48,000 in total."),
    ("de", None, "Die Rechnung über EUR 36.000 geht an die Buchhaltung."),
    ("fr", None, "Le montant de EUR 28 000 figurera sur la facture."),
    ("es", None, "La factura por EUR 42.000 se emite tras la firma."),
]


@pytest.mark.parametrize(("lang", "extra", "text"), RECORD_AMOUNTS)
def test_the_records_amount_with_its_currency_code_first_is_no_unanchored_price_talk(lang, extra, text):
    assert unanchored_price_talk(normalise(text)) == [], text
    ctx = _ctx(RECORD[lang], extra) if extra else None
    refused = _refused(lang, text, ctx)
    assert not any("price talk" in r for reasons in refused.values() for r in reasons), refused


@pytest.mark.parametrize(
    ("lang", "text", "why"),
    [
        ("en", "The invoice for the USD 9,000 goes out after signature.", "USD 9,000"),
        ("en", "You pay USD 48,000 minus 20% in total.", "20%"),
        ("de", "Die Rechnung über EUR 30.000 geht an die Buchhaltung.", "EUR 30.000"),
    ],
)
def test_another_amount_or_a_share_off_the_records_is_still_refused(lang, text, why):
    refused = _refused(lang, text)
    assert all(any(why in r for r in reasons) for reasons in refused.values()), refused


# --- 7. the record's PO number under its label ---------------------------------------------------------------------

PO_LABELS = [
    ("en", {"po_number": "PO-4471"}, "The invoice carries your purchase order number PO-4471."),
    ("de", {"Bestellnummer": "BE-7742"}, "Auf der Rechnung steht Ihre Bestellnummer BE-7742."),
    ("fr", {"bon_de_commande": "BC-5120"}, "La facture portera le numéro de commande BC-5120."),
    ("fr", {"bon_de_commande": "BC-5120"}, "Votre bon de commande BC-5120 figure sur la facture."),
    ("es", {"orden_de_compra": "OC-6614"}, "La factura lleva su número de pedido OC-6614."),
]


@pytest.mark.parametrize(("lang", "extra", "text"), PO_LABELS)
def test_the_records_po_number_under_its_label_claims_no_binding_document(lang, extra, text):
    refused = _refused(lang, text, _ctx(RECORD[lang], extra))
    assert refused == {role: [] for role in ROLES}, refused


@pytest.mark.parametrize(
    ("lang", "extra", "text"),
    [
        ("fr", {"bon_de_commande": "BC-5120"}, "La facture portera le numéro de commande BC-9999."),
        ("fr", None, "La facture portera le numéro de commande BC-5120."),
        ("fr", {"bon_de_commande": "BC-5120"}, "Le bon de commande BC-5120 est signé."),
        ("en", {"po_number": "PO-4471"}, "Your purchase order PO-4471 has been received."),
    ],
)
def test_a_po_number_the_record_does_not_hold_or_a_po_stated_done_is_still_refused(lang, extra, text):
    ctx = _ctx(RECORD[lang], extra) if extra else None
    refused = _refused(lang, text, ctx)
    assert all(refused.values()), refused


def test_the_fixture_records_hold_the_amounts_the_tests_name():
    amounts = {lang: load_record(RECORD[lang])[0].amount for lang in RECORD}
    assert amounts == {"en": 48000.0, "de": 36000.0, "fr": 28000.0, "es": 42000.0}
