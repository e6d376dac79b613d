"""Good drafts refused, as a rep would write them (wave 41, qual41; issue 11).

The lead's probe (tests/fixtures/drafts/probe_wave41.json: 15 good and 5 bad drafts per language on the quality sets'
record fixtures; a probe, not a held-out set) and wave 40's notes found these refusal families, each fixed by its
reason in the four languages:

1. "tell me" / "let us know" before a question word were no ask in English ("If you want the comparison, tell me which
   day suits you" counted 0; "sagen Sie mir", "dites-moi", "dígame" counted 1).
2. The buyer's question quoted after the perfect tense of writing ("Vous m'avez écrit : « ... ? »") was our ask.
3. A clause that delivers the document after an offer's scope ("das Angebot gilt für alle 120 Fahrzeuge, und ja, Sie
   bekommen es bis Ende dieser Woche") read as a validity the offer is held to.
4. A senior word in apposition with a contact of the record ("Ihren Chef, Herrn Weber, setze ich in Kopie") read as
   writing over the contacts' heads; and a colleague in apposition before the German verb ("Ihren Chef, Prof. Berger,
   bitten, ... zu unterschreiben") hid the pressure from agents.seller_interest.
5. The last part of a record compound dated to the record's day ("laut Ihrer Rechnung vom 28. Oktober", set 52's
   de-g9) read as an invoice the record never names.
6. "with the same basis as the estimate" read as the document's contents, leaving out what the buyer asked for.
"""

from __future__ import annotations

import json

import pytest

from agents.carried_things import carried_thing_left_out
from agents.draft_conduct import over_the_contacts_head
from agents.german_nouns import unnamed_claims
from agents.next_steps import count_asks
from agents.offer_validity import undefined_validity
from agents.seller_interest import pushes_a_colleague
from tests.agents.conftest import FIXTURES
from tests.agents.quality_probe import failed_checks, record_context
from tests.agents.test_quality import LANGUAGES, _rates

QUESTION = {
    "en": "Would Thursday, December 3 at 10 am work for you?",
    "de": "Passt Ihnen Donnerstag, 3. Dezember, um 10 Uhr?",
    "fr": "Le jeudi 3 décembre à 10 h vous conviendrait-il ?",
    "es": "¿Le viene bien el jueves 3 de diciembre a las 10:00?",
}


# 1. "tell me" and "let us know" as asks

@pytest.mark.parametrize("sentence", [
    "If you want the comparison, tell me which day suits you.",
    "If you want a side-by-side comparison, tell me which day next week suits you and I will bring one.",
    "Tell me which day suits you.",
    "Just tell us when suits you for the walk-through.",
    "Let us know which day works for you.",
])
def test_an_english_tell_me_before_a_question_word_is_the_drafts_one_ask(sentence):
    assert count_asks(sentence) == 1


@pytest.mark.parametrize("sentence", [
    "Wenn Sie eine Aufstellung möchten, sagen Sie mir einfach, welcher Tag Ihnen passt.",
    "Si vous voulez un détail, dites-moi quel jour vous convient.",
    "Si quiere un desglose, dígame qué día le viene bien.",
])
def test_the_same_request_in_german_french_and_spanish_still_counts_once(sentence):
    """Guard: these counted 1 before; English now reads as they do."""
    assert count_asks(sentence) == 1


@pytest.mark.parametrize("sentence", [
    "Feel free to tell me if you have any questions.",
    "Tell me if you have any questions.",
    "Don't hesitate to let us know if you have any questions.",
])
def test_a_closer_with_tell_me_or_let_us_know_adds_no_ask_beside_a_question(sentence):
    """Guard: before, "tell me" and "let us know" counted nothing; now they count, their closers must not."""
    assert count_asks(f"{sentence} {QUESTION['en']}") == 1


@pytest.mark.parametrize("sentence", [
    "As you tell me, the review is in December, so the proposal comes on Friday.",
    "Marcus told me which day suits him, so the proposal comes on Friday.",
])
def test_a_statement_with_tell_in_it_asks_nothing(sentence):
    """Guard: "you tell me" and "told me" report; they ask nothing."""
    assert count_asks(sentence) == 0


# 2. the buyer's quoted question after the perfect tense of writing

@pytest.mark.parametrize(("language", "quoted"), [
    ("fr", "Vous m'avez écrit : « Pourriez-vous nous envoyer la proposition avec le nombre de licences ? » C'est noté."),
    ("fr", "Claire m'a écrit : « Pourriez-vous nous envoyer la proposition ? » C'est noté."),
])
def test_the_buyers_question_quoted_after_they_wrote_is_no_ask_of_ours(language, quoted):
    assert count_asks(f"{quoted} {QUESTION[language]}") == 1


@pytest.mark.parametrize(("language", "quoted"), [
    ("de", "Sie haben mir am 20. November geschrieben: „Können Sie uns das Angebot schicken?“ Gern."),
    ("es", "Nos ha escrito: «¿Pueden incluir el calendario de implantación?». Por supuesto."),
    ("es", "Nos pidió: «¿Pueden incluir el calendario de implantación?». Por supuesto."),
    ("en", "You wrote \"Could you send it by the end of next week?\" Yes, it comes on Friday."),
])
def test_the_buyers_quoted_question_in_german_spanish_and_english_stays_theirs(language, quoted):
    """Guard: these counted 1 before (a closing “ or » ends no question; "wrote" was read since wave 32); the new
    verbs of writing must not make them count twice or not at all."""
    assert count_asks(f"{quoted} {QUESTION[language]}") == 1


def test_our_own_earlier_question_quoted_with_je_vous_ai_ecrit_is_still_an_ask():
    """Guard (adversary): "je vous ai écrit" is us writing; the question is ours to re-ask."""
    assert count_asks("Je vous ai écrit la semaine dernière : « Êtes-vous disponible le jeudi 3 décembre ? »") == 1


# 3. a delivery clause's day is no offer validity

@pytest.mark.parametrize("sentence", [
    "Ja, das Angebot gilt für alle 120 Fahrzeuge, und ja, Sie bekommen es bis Ende dieser Woche, also bis Freitag, "
    "27. November.",
    "Das Angebot gilt für alle 120 Fahrzeuge und kommt bis Freitag, 27. November.",
    "The offer is valid for all 420 trucks, and you will receive it by Friday.",
    "L'offre est valable pour les 6 ateliers, et vous la recevrez avant le vendredi 27 novembre.",
    "La oferta es válida para los 85 camiones y le llegará antes del viernes 27 de noviembre.",
])
def test_an_offers_scope_followed_by_its_delivery_day_sets_no_validity(sentence):
    assert undefined_validity(sentence) == []


@pytest.mark.parametrize("sentence", [
    "Das Angebot gilt nur bis Freitag, und Sie bekommen es am Montag.",
    "Das Angebot gilt bis Freitag, 27. November.",
    "The offer is valid until Friday and reaches you on Wednesday.",
    "The offer reaches you on Friday and is valid until Monday.",
    "The offer is valid for all 420 trucks, but only until Friday.",
    "La oferta es válida solo hasta el viernes, y le llegará el lunes.",
    "L'offre n'est valable que jusqu'au lundi 30 novembre, et vous la recevrez vendredi.",
    "Das Angebot gilt für alle 120 Fahrzeuge, und Sie bekommen es bis Freitag; es gilt aber nur bis Montag.",
    "Die Konditionen gelten nur, wenn Sie bis Montag, 30. November, unterschreiben.",
])
def test_a_limit_on_the_offer_itself_is_still_refused(sentence):
    """Guard and adversary: a limit before the delivery clause, or a second holding word after it, binds the offer."""
    assert undefined_validity(sentence)


# 4. a contact of the record in apposition

@pytest.mark.parametrize(("record", "body"), [
    ("de_deal", "Ihren Chef, Herrn Weber, setze ich gern in Kopie."),
    ("de_deal", "Ihren Chef, Prof. Weber, setze ich gern in Kopie."),
    ("hubspot_deal", "I have copied your CEO, Marcus Lee, so he has the figures too."),
    ("fr_deal", "Je mets votre directeur général, Paul Lefèvre, en copie."),
    ("es_opportunity", "He puesto en copia a su directora general, Lucía Fernández."),
])
def test_copying_a_senior_word_that_names_a_contact_of_the_record_goes_over_nobodys_head(record, body):
    assert over_the_contacts_head(body, record_context(record)) == []


@pytest.mark.parametrize("body", [
    "Ihren Chef, Prof. Berger, setze ich gern in Kopie.",
    "Ihren Chef setze ich gern in Kopie.",
])
def test_copying_a_senior_person_the_record_lacks_is_still_refused(body):
    """Guard: Berger is nobody of the record; an unnamed chief is nobody either."""
    assert over_the_contacts_head(body, record_context("de_deal"))


@pytest.mark.parametrize(("record", "body"), [
    ("de_deal", "Könnten Sie Ihren Chef, Prof. Berger, bitten, das Angebot bis Freitag zu unterschreiben?"),
    ("de_deal", "Könnten Sie Herrn Weber, Ihren Geschäftsführer, bitten, das Angebot noch vor Freitag zu unterschreiben?"),
    ("de_deal", "Könnten Sie Ihren Chef, Prof. Berger, noch diese Woche überzeugen, das Angebot freizugeben?"),
    ("hubspot_deal", "Could you get your boss, Prof. Berger, to sign this week?"),
    ("hubspot_deal", "Could you talk your boss, Dr. Berger, into signing by Friday?"),
])
def test_a_colleague_in_apposition_pressed_to_sign_by_our_date_is_refused(record, body):
    assert pushes_a_colleague(body, "701" if record == "de_deal" else "501", record_context(record))


@pytest.mark.parametrize("body", [
    "Könnten Sie Ihren Chef, Prof. Weber, bitten, sich das Angebot anzusehen?",
    "Herr Weber wird das Angebot sicher diese Woche lesen.",
])
def test_asking_the_buyer_to_show_a_colleague_the_offer_presses_nobody(body):
    """Guard: no signature by a date is asked for."""
    assert pushes_a_colleague(body, "701", record_context("de_deal")) == []


# 5. a dated short form of a record compound

def test_set_52_de_g9_the_calculation_of_october_28_in_short_passes():
    assert failed_checks("q52-de-g9") == set()


def test_the_short_form_dated_to_the_record_day_names_the_records_calculation():
    body = "Umfang, Kosten und die Amortisation laut Ihrer Rechnung vom 28. Oktober."
    assert unnamed_claims(body, record_context("de_deal")) == []


@pytest.mark.parametrize("body", [
    "Die Amortisation laut Ihrer Rechnung ist überzeugend.",
    "Ihre Rechnung vom 20. November ist noch offen.",
    "Ihre Kühlfahrzeuge vom 28. Oktober sind dabei.",
])
def test_an_undated_or_misdated_short_form_still_names_what_the_record_lacks(body):
    """Guard: undated or on another day, "Ihre Rechnung" reads as an invoice; a noun the record never holds stays
    refused whatever its day."""
    assert unnamed_claims(body, record_context("de_deal"))


# 6. "with the same ... as" says what the document rests on

ASKED = {
    "es": "¿Nos puede enviar la propuesta con el calendario de implantación?",
    "de": "Können Sie uns das Angebot mit dem Zeitplan für die Einführung schicken?",
    "fr": "Pourriez-vous nous envoyer la proposition avec le calendrier de déploiement ?",
    "en": "Could you send the proposal with the rollout schedule?",
}


@pytest.mark.parametrize(("language", "body"), [
    ("es", "La propuesta para los 85 camiones sale el viernes 27 de noviembre, con la misma base que la estimación."),
    ("de", "Das Angebot kommt am Freitag, mit denselben Annahmen wie die Amortisationsrechnung."),
    ("fr", "La proposition part vendredi, avec les mêmes hypothèses que l'estimation."),
    ("en", "The proposal goes out Friday with the same figures as the payback estimate."),
])
def test_a_document_compared_with_one_the_buyer_has_leaves_nothing_asked_for_out(language, body):
    assert carried_thing_left_out(ASKED[language], body) == ""


@pytest.mark.parametrize(("language", "body"), [
    ("es", "La propuesta sale el viernes, con los mismos supuestos que la estimación y con el precio de las licencias."),
    ("fr", "La proposition part vendredi, avec les mêmes hypothèses que l'estimation et avec le prix par atelier."),
    ("es", "La propuesta sale el viernes con el precio de las licencias."),
    ("en", "The proposal goes out Friday with the price per seat."),
])
def test_contents_listed_without_the_thing_asked_for_are_still_refused(language, body):
    """Adversary and guard: a second "with" after the comparison lists contents again."""
    assert carried_thing_left_out(ASKED[language], body)


# the probe itself

PROBE = json.loads((FIXTURES / "drafts" / "probe_wave41.json").read_text())
PROBE_BAD_FLAGGED = {"en": 4, "de": 5, "fr": 5, "es": 4}
"""First run, before any change: bad en 4/5, de 5/5, fr 5/5, es 4/5 (the two misses are judged in agents/README.md's
wave 41 qual41 section); good 15, 14, 14, 14 of 15."""


@pytest.mark.slow
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_good_probe_draft_passes_and_the_bad_ones_stay_flagged(language):
    """de, fr and es fail on the old code (one good draft refused in each); en is a guard (15/15 and 4/5 before)."""
    bad, good, missed, rejected = _rates([e for e in PROBE if e["language"] == language])
    assert len(good) == 15 and len(bad) == 5
    assert rejected == {}
    assert len(bad) - len(missed) >= PROBE_BAD_FLAGGED[language], missed
