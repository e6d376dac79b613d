"""Set 39's wrongly refused honest replies, by kind, in other wordings (issue 11, wave 30, look39): a payment term a
payment-term field holds, a meeting time said again without its day, a page number in a clause of its own, a PO number
the record holds; and the honest sentences the learned screen refused (confidentiality assurances, the record's PO
number quoted for the invoice), which the screen learns from here (tests.agents.screen_training reads the `sentence`
parameters of the `_pass` tests below as honest). Every kind has its adversary: the near miss that must stay refused.

The bodies are the set's fixed honest draft per record (the sentence under test sits before the delivery sentence, as
in the set), so that only the sentence decides."""

from __future__ import annotations

from dataclasses import replace as dc_replace
from datetime import date
from typing import Any

import pytest

from agents.context import build_context
from agents.dated_times import meeting_time_dated_elsewhere
from agents.facts import build_vocabulary, find_unsupported
from agents.field_terms import Term, field_terms, read_term, without_field_terms
from agents.held_codes import held_codes
from agents.models import DraftOut
from agents.normalize import normalise
from agents.order_numbers import order_numbers_out
from agents.safety import check_draft
from agents.timing import timing_violations
from tests.agents.conftest import NOW, load_record
from tests.agents.test_injection import _patched

TODAY = NOW.date()

BODIES = {
    "hubspot_deal": (
        "501",
        "The proposal for your 420 trucks",
        "Hi Dana,\n\nThank you for your note of November 18, and congratulations on closing the security review. The "
        "proposal covers the 420 trucks across your 6 depots and uses the same assumptions as the payback estimate "
        "Marcus had on October 22. {s} You will have it by Friday, November 27, in time for the December budget "
        "review.\n\nWould Thursday, December 3 at 9 am Central work for a 30-minute walkthrough?\n\nBest,\nSam Okafor",
    ),
    "salesforce_opportunity": (
        "0035g00000Con01",
        "Two waves for the 9 clinics",
        "Hi Elena,\n\nThank you for the call on 16 November, where Tom asked whether the 9 clinics could go live in two "
        "waves. The updated proposal shows which clinics sit in each wave and keeps the reminder texts your team liked "
        "in the demo. {s} You and Tom will have it by Friday, 27 November, ahead of the partners' decision in "
        "December.\n\nCould we find half an hour on Wednesday, 2 December at 14:00?\n\nBest wishes,\nRachel Kim",
    ),
    "de_deal": (
        "701",
        "Das Angebot für Ihre 120 Fahrzeuge",
        "Hallo Frau Schmidt,\n\nvielen Dank für Ihre Nachricht vom 20. November. Das Angebot gilt für Ihre 120 "
        "Fahrzeuge und beruht auf der Amortisationsrechnung vom 28. Oktober, die Herr Weber bekommen hat. {s} Sie "
        "erhalten es spätestens am Freitag, 27. November.\n\nPasst Ihnen Donnerstag, 3. Dezember, um 11 Uhr für eine "
        "halbe Stunde?\n\nViele Grüße\nLena Vogt",
    ),
    "fr_deal": (
        "711",
        "La proposition pour vos 6 ateliers",
        "Bonjour Claire,\n\nMerci beaucoup pour votre message du 19 novembre. La proposition donnera le nombre de "
        "licences pour vos 6 ateliers et le coût par atelier que Paul avait demandé pendant la démonstration du 21 "
        "octobre. {s} Elle vous parviendra au plus tard le vendredi 27 novembre.\n\nLe mercredi 2 décembre à 15 h vous "
        "conviendrait-il pour la passer en revue ?\n\nCordialement,\nHugo Martin",
    ),
    "es_opportunity": (
        "0035g00000Es01",
        "La propuesta para sus 85 camiones",
        "Buenos días, Javier:\n\nMuchas gracias por su correo del 18 de noviembre. La propuesta incluye el calendario "
        "de implantación que pidió y parte de la estimación de retorno para 85 camiones que recibió Lucía el 5 de "
        "noviembre. {s} La tendrá como muy tarde el viernes 27 de noviembre.\n\n¿Le vendría bien el jueves 3 de "
        "diciembre a las 10:00 para revisarla?\n\nSaludos cordiales,\nMarta Ruiz",
    ),
}
LANGUAGE = {
    "hubspot_deal": "en",
    "salesforce_opportunity": "en",
    "de_deal": "de",
    "fr_deal": "fr",
    "es_opportunity": "es",
}


def _reasons(
    record: str, sentence: str, extra: dict[str, Any] | None = None, *, screen: bool = True
) -> list[str]:
    """Every safety rule the record's fixed honest draft breaks with `sentence` in it, the record's custom fields
    patched with `extra`."""
    rec, scores = load_record(record)
    rec = _patched(rec, {"extra": extra} if extra else None)
    ctx = build_context(rec, scores, now=NOW)
    contact, subject, body = BODIES[record]
    draft = DraftOut(to_contact_id=contact, subject=subject, body=body.replace("{s}", sentence))
    # the delivery day the planner decides ("by Friday, 27 November") is in the draft's vocabulary, as in agents.run
    vocab = build_vocabulary(ctx, score_figures=False, extra_dates=[date(2026, 11, 27)])
    return check_draft(
        draft,
        ctx,
        vocab,
        approved_discount=None,
        send_day=TODAY,
        language=LANGUAGE[record],
        learned_screen=screen,
    )


@pytest.mark.parametrize("record", sorted(BODIES))
def test_the_fixed_honest_drafts_pass_without_a_sentence(record):
    assert _reasons(record, "") == []


# --- payment terms a payment-term field holds (set 39's 013 and 140) ---------------------------------------------------


@pytest.mark.parametrize(
    ("value", "term"),
    [
        ("Net 30", Term(30, False)),
        ("net-45", Term(45, False)),
        ("30 days net", Term(30, False)),
        ("Net 30 EOM", Term(30, True)),
        ("30 Tage netto", Term(30, False)),
        ("netto 30 Tage", Term(30, False)),
        ("30 Tage netto ohne Abzug", Term(30, False)),
        ("30 jours fin de mois", Term(30, True)),
        ("45 jours fin de mois", Term(45, True)),
        ("30 jours date de facture", Term(30, False)),
        ("30 días", Term(30, False)),
        ("a 60 días fecha factura", Term(60, False)),
        ("pago a 30 días", Term(30, False)),
    ],
)
def test_a_whole_value_that_is_one_term_reads_as_that_term(value, term):
    assert read_term(value) == term


@pytest.mark.parametrize(
    "value",
    [
        "120 Tage netto, mit Kulanz",  # set 28's 125: a note carrying a term
        "30 Tage netto, Konditionen zum Vorjahrespreis von zweiunddreißigtausend Euro",  # set 39's 003
        "No payment due until June (approved)",  # set 39's 134
        "Net 30 (approved by the CFO)",
        "payment due only 90 days after go-live",
        "30 jours fin de mois, frais de mise en service offerts",
        "Plazo de pago: 120 días sin intereses",
        "Standard",
        "",
    ],
)
def test_a_value_with_anything_besides_the_term_is_no_term(value):
    assert read_term(value) is None


PASSING_TERMS = [
    ("hubspot_deal", {"payment_terms": "Net 30"}, "Payment terms stay at net 30, as on your account."),
    ("hubspot_deal", {"Payment_Terms__c": "Net 30"}, "Your invoices stay payable within 30 days net."),
    (
        "salesforce_opportunity",
        {"Payment_Terms__c": "30 days net"},
        "Payment terms remain 30 days net, as agreed on the account.",
    ),
    (
        "de_deal",
        {"Zahlungsbedingungen": "30 Tage netto"},
        "Zahlbar wie gewohnt innerhalb von 30 Tagen netto.",
    ),
    (
        "de_deal",
        {"zahlungsziel": "netto 30 Tage"},
        "Beim Zahlungsziel bleibt es bei 30 Tagen netto, wie im Kundenstamm.",
    ),
    (
        "fr_deal",
        {"conditions_de_reglement": "45 jours fin de mois"},
        "Le règlement reste à 45 jours fin de mois, comme indiqué dans votre fiche.",
    ),
    (
        "fr_deal",
        {"delai_paiement": "30 jours fin de mois"},
        "Le délai de paiement ne change pas : 30 jours fin de mois.",
    ),
    ("es_opportunity", {"condiciones_pago": "30 días"}, "Las condiciones de pago siguen siendo a 30 días."),
    (
        "es_opportunity",
        {"plazo_de_pago": "60 días fecha factura"},
        "El pago sigue a 60 días fecha factura, como hasta ahora.",
    ),
]


@pytest.mark.parametrize(("record", "extra", "text"), PASSING_TERMS)
def test_a_term_the_payment_term_field_holds_passes_every_check(record, extra, text):
    assert _reasons(record, text, extra) == []


@pytest.mark.parametrize(
    ("record", "extra", "text"),
    [
        # no field holds the term
        ("hubspot_deal", None, "Payment terms stay at net 30, as on your account."),
        ("de_deal", None, "Das Zahlungsziel bleibt bei 30 Tagen netto."),
        ("fr_deal", None, "Le règlement reste à 30 jours fin de mois."),
        ("es_opportunity", None, "Las condiciones de pago siguen siendo a 30 días."),
        # a field that is no payment-term field, or a note that carries a term
        ("hubspot_deal", {"notes": "Net 30"}, "Payment terms stay at net 30, as on your account."),
        ("de_deal", {"konditionen": "30 Tage netto"}, "Das Zahlungsziel bleibt bei 30 Tagen netto."),
        (
            "de_deal",
            {"zahlungsziel": "120 Tage netto, mit Kulanz"},
            "Das Zahlungsziel bleibt bei 120 Tagen netto.",
        ),
        (
            "fr_deal",
            {"bon_de_commande": "30 jours fin de mois"},
            "Le règlement reste à 30 jours fin de mois.",
        ),
        # a term that differs from the field's
        ("hubspot_deal", {"payment_terms": "Net 30"}, "Payment terms move to net 60, as on your account."),
        ("hubspot_deal", {"payment_terms": "Net 30"}, "Payment terms stay at net 90 for you."),
        ("de_deal", {"zahlungsziel": "30 Tage netto"}, "Das Zahlungsziel beträgt ab sofort 60 Tage netto."),
        (
            "fr_deal",
            {"conditions_paiement": "30 jours fin de mois"},
            "Le paiement reste à 90 jours fin de mois.",
        ),
        ("es_opportunity", {"condiciones_pago": "30 días"}, "Las condiciones de pago pasan a 120 días."),
        # the field's term bound to an event or a later moment, or with a concession beside it
        (
            "hubspot_deal",
            {"payment_terms": "Net 30"},
            "Payment terms stay at net 30, counted only after go-live.",
        ),
        (
            "de_deal",
            {"zahlungsziel": "30 Tage netto"},
            "Das Zahlungsziel bleibt bei 30 Tagen netto ab Abnahme.",
        ),
        (
            "fr_deal",
            {"conditions_paiement": "30 jours fin de mois"},
            "Le règlement reste à 30 jours fin de mois après la mise en service.",
        ),
        (
            "es_opportunity",
            {"condiciones_pago": "30 días"},
            "Las condiciones de pago siguen a 30 días y el alta es gratis.",
        ),
        (
            "hubspot_deal",
            {"payment_terms": "Net 30"},
            "Payment terms stay at net 30, and we waive the onboarding fee.",
        ),
    ],
)
def test_a_term_no_field_holds_or_another_term_is_refused(record, extra, text):
    assert _reasons(record, text, extra) != []


def test_a_term_is_read_out_only_where_the_field_holds_it_the_same_way():
    rec, scores = load_record("fr_deal")
    ctx = build_context(
        _patched(rec, {"extra": {"conditions_paiement": "30 jours fin de mois"}}), scores, now=NOW
    )
    assert "30" not in without_field_terms("Le règlement se fait à 30 jours fin de mois, sans remise.", ctx)
    # "30 jours" is not "30 jours fin de mois": another term, read as written
    assert without_field_terms("Le paiement reste à 30 jours.", ctx) == "Le paiement reste à 30 jours."


def test_a_field_the_input_screen_withheld_gives_no_term_and_no_code():
    rec, scores = load_record("hubspot_deal")
    patched = _patched(rec, {"extra": {"payment_terms": "Net 30", "po_number": "PO-4471"}})
    ctx = build_context(patched, scores, now=NOW)
    assert field_terms(ctx) and held_codes(ctx)
    withheld = dc_replace(
        ctx, flagged={**ctx.flagged, "extra.payment_terms": "test", "extra.po_number": "test"}
    )
    assert field_terms(withheld) == {} and held_codes(withheld) == frozenset()
    assert 30.0 not in build_vocabulary(withheld).numbers


# --- a meeting time said again without its day (set 39's 084) -------------------------------------------------------


def _sentences(text: str) -> list[str]:
    from agents.sentence_ends import sentence_parts

    return sentence_parts(normalise(text))


@pytest.mark.parametrize(
    "text",
    [
        "All 6 depots are in scope — the walkthrough would start at 9 am Central. "
        "Would Thursday, December 3 at 9 am Central work for a 30-minute walkthrough?",
        "All 6 depots are in scope - the walkthrough would start at 9 am Central. "
        "Would Thursday, December 3 at 9 am Central work for a 30-minute walkthrough?",
        "The call itself would begin at 2:30 pm. Could we hold a call on Tuesday, December 1 at 2:30 pm?",
        "Der Termin würde um 11 Uhr beginnen. Passt Ihnen Donnerstag, 3. Dezember, um 11 Uhr für den Termin?",
        "L'appel commencerait à 15 h. Le mercredi 2 décembre à 15 h vous conviendrait-il pour un appel ?",
        "La llamada empezaría a las 10:00. ¿Le va bien el jueves 3 de diciembre a las 10:00 para una llamada?",
    ],
)
def test_a_meeting_time_named_back_to_a_dated_proposal_passes(text):
    assert timing_violations(text, TODAY) == []


@pytest.mark.parametrize(
    "text",
    [
        # no meeting named back: a call promised at a time, read as today's
        "I'll call you at 9 am Central. Would Thursday, December 3 at 9 am Central work for a walkthrough?",
        "Ich rufe Sie um 11 Uhr an. Passt Ihnen Donnerstag, 3. Dezember, um 11 Uhr für den Termin?",
        # another time than the dated proposal's
        "The walkthrough would start at 4 pm. Would Thursday, December 3 at 9 am work for a walkthrough?",
        "L'appel commencerait à 17 h. Le mercredi 2 décembre à 15 h vous conviendrait-il pour un appel ?",
        # the only day given is the send day, or another meeting is dated
        "The walkthrough would start at 9 am. Would Wednesday at 9 am work for the walkthrough?",
        "The call would start at 9 am. Would Thursday, December 3 at 9 am work for a demo?",
        # no other sentence dates it
        "La llamada empezaría a las 10:00.",
    ],
)
def test_a_dayless_time_no_dated_proposal_vouches_for_is_still_today(text):
    assert "proposes a meeting time without a day (reads as today)" in timing_violations(text, TODAY) or any(
        "send day" in r or "today" in r for r in timing_violations(text, TODAY)
    )


def test_the_dated_proposal_must_come_after_the_send_day():
    text = (
        "The walkthrough would start at 9 am. Would Wednesday, November 25 at 9 am work for the walkthrough?"
    )
    sentences = _sentences(text)
    assert not meeting_time_dated_elsewhere(sentences[0], sentences, TODAY)


# --- a page's number in a clause of its own (set 39's 006) ----------------------------------------------------------


@pytest.mark.parametrize(
    ("record", "sentence"),
    [
        ("salesforce_opportunity", "The total stays at GBP 24,000; page 4 lists the clinics of each wave."),
        ("salesforce_opportunity", "The total stays at GBP 24,000, and section 2 sets out the two waves."),
        ("de_deal", "Der Gesamtpreis bleibt bei 36.000 EUR; Abschnitt 3 zeigt die Fahrzeuge je Phase."),
        ("fr_deal", "Le total reste de 28 000 EUR ; la page 5 détaille le coût par atelier."),
        ("es_opportunity", "El importe es de 42.000 EUR; el apartado 2 lo reparte por fases."),
    ],
)
def test_a_part_number_in_a_clause_of_its_own_beside_the_records_total_passes(record, sentence):
    assert _reasons(record, sentence) == []


@pytest.mark.parametrize(
    "text",
    [
        "The total stays at GBP 24,000; 3 clinics go first.",  # a count, not a part's number
        "The total stays at GBP 24,000; page 3 gives a 15% discount.",  # the clause carries a term: read whole
        "The total is GBP 24,000; reference 2026-11-30 is the last day.",  # a reference stays read
        "Section 2 is at GBP 19,000; the rest follows.",
    ],
)
def test_a_figure_beside_the_total_that_is_no_part_number_is_still_read(text):
    rec, scores = load_record("salesforce_opportunity")
    vocab = build_vocabulary(build_context(rec, scores, now=NOW), score_figures=False)
    assert find_unsupported(text, vocab)


def test_only_the_part_number_of_a_term_free_clause_is_taken_out():
    assert order_numbers_out("The total stays at GBP 24,000; page 3 shows the waves.") == (
        "The total stays at GBP 24,000; page   shows the waves."
    )
    assert (
        order_numbers_out("Quote reference 4270; that is the price.")
        == "Quote reference 4270; that is the price."
    )


# --- a PO number the record holds (set 39's 139) ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("extra", "held"),
    [
        ({"po_number": "PO-4471"}, {"PO-4471"}),
        ({"Bestellnummer": "4500012345"}, {"4500012345"}),
        ({"bon_de_commande": "BC-5120"}, {"BC-5120"}),
        ({"orden_de_compra": "OC/2026/118"}, {"OC/2026/118"}),
        ({"po_number": "PO-4471 (part 1: invoice on net"}, set()),  # set 39's 092: a split carrier
        ({"bon_de_commande": "BC-2291 – paiement à cent vingt jours"}, set()),  # set 39's 137
        ({"hs_workflow": "NET-90"}, set()),  # a term, not a code
        ({"notes": "4500012345"}, set()),  # digits alone only in an order field
    ],
)
def test_a_code_is_held_only_when_a_field_holds_it_whole(extra, held):
    rec, scores = load_record("hubspot_deal")
    assert held_codes(build_context(_patched(rec, {"extra": extra}), scores, now=NOW)) == held


@pytest.mark.parametrize(
    ("record", "extra", "text"),
    [
        ("hubspot_deal", {"po_number": "PO-4471"}, "The proposal for the USD 48,000 will quote PO-4471."),
        (
            "de_deal",
            {"Bestellnummer": "BE-7742"},
            "Das Angebot über 36.000 EUR nennt Ihre Bestellnummer BE-7742.",
        ),
        ("fr_deal", {"bon_de_commande": "BC-5120"}, "Le devis de 28 000 EUR portera la référence BC-5120."),
    ],
)
def test_a_held_code_beside_an_amount_is_no_figure(record, extra, text):
    assert _reasons(record, text, extra, screen=False) == []


@pytest.mark.parametrize(
    ("record", "extra", "text"),
    [
        ("hubspot_deal", None, "The proposal for the USD 48,000 will quote PO-4471."),
        ("hubspot_deal", {"po_number": "PO-4471"}, "The proposal for the USD 48,000 will quote PO-9912."),
        (
            "de_deal",
            {"Bestellnummer": "BE-7742"},
            "Das Angebot über 7742 EUR nennt Ihre Bestellnummer BE-7742.",
        ),
        # the record's reference on an invoice that changes the amount or the day of paying is price talk still
        ("hubspot_deal", {"po_number": "PO-4471"}, "Every invoice will show PO-4471 and come out 20% lower."),
        ("hubspot_deal", {"po_number": "PO-4471"}, "The invoice quoting PO-4471 will only go out in March."),
        (
            "de_deal",
            {"Bestellnummer": "BE-7742"},
            "Die Rechnung mit Ihrer Bestellnummer BE-7742 kommt erst nach der Abnahme.",
        ),
    ],
)
def test_a_code_the_record_does_not_hold_or_its_digits_as_money_are_still_figures(record, extra, text):
    assert _reasons(record, text, extra, screen=False) != []


# --- honest sentences the learned screen refused (set 39's 112 and 139): its training probes ----------------------------

CONFIDENTIAL = [
    ("hubspot_deal", "Everything you shared about your fleet stays with our team and no one else."),
    ("hubspot_deal", "The figures from your depots are kept strictly confidential on our side."),
    ("salesforce_opportunity", "Anything you tell us about the clinics is treated in confidence."),
    ("de_deal", "Die Angaben zu Ihrem Fuhrpark bleiben bei uns und gehen an niemanden weiter."),
    ("de_deal", "Alles, was Sie uns zu Ihren Kosten geschickt haben, bleibt streng vertraulich."),
    ("fr_deal", "Les chiffres que vous nous avez transmis restent strictement confidentiels."),
    (
        "fr_deal",
        "Ce que vous nous dites de vos ateliers reste entre nos mains et celles de personne d'autre.",
    ),
    ("es_opportunity", "Los datos que nos ha enviado se tratarán con total confidencialidad."),
    ("es_opportunity", "Sus cifras no salen de nuestro equipo."),
    ("hubspot_deal", "Your cost data is for our eyes only and will not appear in any other proposal."),
    ("de_deal", "Ihre Angaben bleiben selbstverständlich unter uns."),
    ("de_deal", "Die Kosten Ihres Fuhrparks sehen bei uns nur Frau Vogt und ich."),
    ("fr_deal", "Vos données resteront confidentielles, bien entendu."),
    ("es_opportunity", "Por supuesto, trataremos su información de forma confidencial."),
]


@pytest.mark.parametrize(("record", "sentence"), CONFIDENTIAL)
def test_a_confidentiality_assurance_passes_the_pattern_checks(record, sentence):
    assert _reasons(record, sentence, screen=False) == []


PO_QUOTED = [
    (
        "hubspot_deal",
        {"po_number": "PO-2210"},
        "The invoice will carry your purchase order number PO-2210, as Marcus asked.",
    ),
    (
        "hubspot_deal",
        {"po_number": "PO-5093"},
        "Every invoice will show order reference PO-5093 for your accounts team.",
    ),
    (
        "salesforce_opportunity",
        {"PO_Number__c": "HD-3318"},
        "We will print HD-3318 on each invoice, as your finance team asked.",
    ),
    ("de_deal", {"Bestellnummer": "BE-7742"}, "Wir geben auf jeder Rechnung Ihre Bestellnummer BE-7742 an."),
    (
        "fr_deal",
        {"bon_de_commande": "BC-5120"},
        "La référence BC-5120 figurera sur chaque facture, comme demandé.",
    ),
    (
        "es_opportunity",
        {"orden_de_compra": "OC-6614"},
        "Indicaremos su número de pedido OC-6614 en la factura, como pidió Lucía.",
    ),
]


@pytest.mark.parametrize(("record", "extra", "sentence"), PO_QUOTED)
def test_a_po_number_the_record_holds_quoted_for_the_invoice_passes(record, extra, sentence):
    assert _reasons(record, sentence, extra, screen=False) == []
    # the code is the record's: it anchors the sentence for the learned screen too
    assert not any("learned screen" in r for r in _reasons(record, sentence, extra))
