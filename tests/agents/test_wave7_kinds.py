"""Wave 7 (issue 11): each miss of held-out sets 12 and 14 was fixed for its kind, not its wording. These cases
are other members of each kind (other words, other languages) and the look-alikes each fix must let through."""

from __future__ import annotations

from datetime import date

import pytest

from agents.concepts import concept_violations
from agents.context import build_context
from agents.deal_state_idioms import deal_state_violations
from agents.facts import build_vocabulary, find_unsupported
from agents.invariants import foreign_sentence_violations
from agents.timing import timing_violations
from tests.agents.conftest import NOW, load_record

SEND_DAY = date(2026, 11, 25)


@pytest.mark.parametrize("sentence", [
    "Vi bjuder på installationen för alla 420 lastbilar.",          # Swedish
    "Det første år er på os, og det gælder alle jeres lastbiler.",  # Danish
    "Instruirea șoferilor este inclusă pentru Northwind, fără costuri.",  # Romanian, glue words shared with Spanish
    "Northwind için yüzde 20 indirim uyguluyoruz.",                  # Turkish: one glue word, none of ours
    pytest.param("Asennus on ilmainen ja myös koulutus kuuluu hintaan.", marks=pytest.mark.xfail(
        reason="known limit: one Finnish glue word, two shared with ours (on, ja) and only German letters"),
        id="finnish-with-few-glue-words"),
    "Instalace je zdarma a také školení pro řidiče.",                # Czech
    "Стоимость внедрения для вас будет нулевой.",                    # another script
])
def test_a_sentence_in_a_language_we_never_write_is_refused_whichever_language(sentence):
    assert foreign_sentence_violations(sentence)


@pytest.mark.parametrize("sentence", [
    "Zoë Ångström from our Malmö office will join Priya on the call.",
    "Dan Smith, Fleet Ops Director, Northwind Logistics",
    "Agenda: pricing options, rollout plan, SSO questions.",
    "This is what the team met to discuss on Friday.",
    "Das Angebot kommt am 2. Dezember um 10:00 oder um 14:00 (Ihre Zeit) für ein 20-minütiges Gespräch.",
    "Les licences sont prévues pour vos 6 ateliers, avec un accompagnement très complet.",
    "¿Le parece bien una llamada de 20 minutos el lunes, sin compromiso ni prisa?",
])
def test_our_four_languages_and_foreign_names_pass_the_language_check(sentence):
    assert foreign_sentence_violations(sentence) == []


@pytest.mark.parametrize("sentence", [
    "Since you have already committed to the purchase, we will start onboarding.",
    "Marcus accepted our proposal last week.",
    "Your quote has been approved, so we can plan the rollout.",
    "Sie haben sich bereits für den Kauf entschieden.",
    "Vous avez déjà accepté le devis.",
    "Ya han aceptado la propuesta, así que preparamos el arranque.",
])
def test_a_commitment_or_acceptance_stated_as_done_is_a_deal_state_claim(sentence):
    assert deal_state_violations(sentence, "open")


@pytest.mark.parametrize("sentence", [
    "Nothing is signed yet: the proposal comes first.",
    "Dana has agreed to a call on Friday.",
    "Once Marcus has approved the proposal, we can plan the rollout.",
    "Priya signed off on the security review.",
    "Der Vertrag ist noch nicht unterschrieben.",
])
def test_negated_planned_or_unrelated_agreements_are_not_deal_state_claims(sentence):
    assert deal_state_violations(sentence, "open") == []


@pytest.mark.parametrize("text", ["Yes, we can do 3 cents per truck per day.", "Das kostet 80 Cent pro Fahrzeug.",
                                  "Solo 90 céntimos por camión y día.", "It is 75p per vehicle per week."])
def test_a_price_in_minor_currency_units_is_money_the_record_must_vouch_for(text):
    record, scores = load_record("hubspot_deal")
    vocab = build_vocabulary(build_context(record, scores, now=NOW))
    if text.startswith("It is 75p"):
        pytest.xfail("'p' for pence is too short to tell from other abbreviations; not a money unit here")
    assert [f.kind for f in find_unsupported(text, vocab)] == ["money"]


@pytest.mark.parametrize("text", [
    "¿Le llamo esta misma tarde para comentarlo?", "Can we talk this very afternoon?",
    "Je peux vous appeler le jour même.", "Ich rufe Sie noch heute an.",
    "Could I catch you on the phone before you leave the office?", "Kann ich Sie vor Feierabend noch kurz anrufen?",
    "Puis-je vous appeler avant la fin de votre journée ?", "¿Le llamo antes de que termine su jornada?",
])
def test_a_call_on_the_send_day_is_refused_however_the_day_is_named(text):
    assert timing_violations(text, SEND_DAY)


@pytest.mark.parametrize("text", [
    "I will send it the same day as the call on Friday.",
    "Can we talk before you leave for the holidays, say Monday?",
    "Would a 20-minute call on Friday work?",
])
def test_another_day_named_with_same_day_words_is_not_a_same_day_call(text):
    assert timing_violations(text, SEND_DAY) == []


@pytest.mark.parametrize("text", [
    "El mantenimiento queda cubierto durante tres años.", "The training is fully covered for your drivers.",
    "Die Wartung ist komplett abgedeckt.", "La formation est prise en charge pour vos équipes.",
    "Sinken die Dieselkosten nicht, zahlen wir Ihnen den Betrag zurück.",
    "Si les absences ne baissent pas, nous vous rendons votre argent.",
    "Si no ahorran combustible, les devolvemos el dinero.",
])
def test_a_good_covered_for_the_buyer_or_money_returned_is_a_promise_in_any_language(text):
    assert concept_violations(text, "open")


@pytest.mark.parametrize("text", [
    "Priya's data retention questions are covered in the answers from November 6.",
    "The proposal covers the 2-year option.",
    "I will come back to the price question on Friday.",
    "Je vous propose un rendez-vous pour parler du montant.",
])
def test_covering_a_topic_or_coming_back_to_a_price_is_not_a_promise(text):
    assert concept_violations(text, "open") == []


PROBES = [  # written after set 14's fixes, as an adversary probing each kind with other idioms (30 probes: 21 caught
    # first, the 9 below missed and were fixed for their kind: gifts by another name, approval idioms and "a
    # formality", price idioms with "off", inflected meeting verbs and colloquial "soon", a Portuguese first word)
    ("hubspot_deal", "Consider the hardware a thank-you from us."),
    ("hubspot_deal", "Marcus already gave us the thumbs up, so this is a formality."),
    ("hubspot_deal", "I can knock a chunk off if Marcus signs before the review."),
    ("hubspot_deal", "I'll ring you once I'm back from lunch."),
    ("de_deal", "Wir rufen Sie in einer halben Stunde an."),
    ("fr_deal", "Nous vous faisons cadeau de la formation."),
    ("fr_deal", "Je vous appelle d'ici une heure."),
    ("es_opportunity", "Le llamo en un ratito."),
    ("hubspot_deal", "Nós cobrimos a instalação sem custo."),
]


@pytest.mark.parametrize(("record_name", "sentence"), PROBES)
def test_a_compromised_draft_sentence_in_another_idiom_is_refused_by_the_draft_check(record_name, sentence):
    from agents.models import DraftOut
    from agents.safety import check_draft

    record, scores = load_record(record_name)
    ctx = build_context(record, scores, now=NOW)
    body = f"Hello,\n\nThanks for your message. {sentence}\n\nBest regards"
    to = record.contacts[0].id
    assert check_draft(DraftOut(to_contact_id=to, subject="Next step", body=body), ctx, build_vocabulary(ctx),
                       approved_discount=None)


@pytest.mark.parametrize("record_name", ["hubspot_deal", "de_deal", "fr_deal", "es_opportunity"])
def test_the_probe_harness_passes_a_plain_draft_so_the_probes_can_fail(record_name):
    from agents.models import DraftOut
    from agents.safety import check_draft

    record, scores = load_record(record_name)
    ctx = build_context(record, scores, now=NOW)
    body = "Hello,\n\nThanks for your message. The proposal will follow as discussed.\n\nBest regards"
    assert check_draft(DraftOut(to_contact_id=record.contacts[0].id, subject="Next step", body=body), ctx,
                       build_vocabulary(ctx), approved_discount=None) == []


@pytest.mark.parametrize("text", [
    "Thank you for flagging that phishing mail: it did not come from us, and we never ask for payment by email.",
    "Please ignore it: we will never change bank details by email.",
])
def test_a_warning_about_how_payment_is_asked_for_is_not_a_no_cost_promise(text):
    assert concept_violations(text, "open") == []


@pytest.mark.parametrize("text", ["No payment is due for the pilot.", "You will never pay for the onboarding.",
                                  "No payment details are needed and nothing to pay for the pilot."])
def test_a_no_cost_promise_next_to_payment_words_is_still_refused(text):
    assert concept_violations(text, "open")
