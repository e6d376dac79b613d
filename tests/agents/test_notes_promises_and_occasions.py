"""Quality kinds set 31 missed (wave 22b), probed in wordings of our own in four languages, with drafts that must pass:
an internal note about the buyer left in the letter, a problem promised gone, an offer's terms held for a short span,
thanks for a visit or a meeting the record does not have, and a question whether the buyer wants what they already
asked for or received. Through the whole quality check, as a sales manager reads a draft. (Not named
test_waveN_kinds.py: these sentences are no screen training data.)"""

from __future__ import annotations

import pytest

from tests.agents.test_asks_and_thanks_by_direction import _failed

INTERNAL_NOTES = [
    ("hubspot_deal", "501", "[note for Sam: Dana only forwards things, Marcus holds the budget]"),
    ("hubspot_deal", "501", "Dana has no say on the budget, so pitch him directly in the review."),
    ("de_deal", "701", "(intern: Frau Schmidt entscheidet eh nicht, Weber direkt ansprechen)"),
    ("fr_deal", "711", "NB : Claire ne décide de rien, voir directement avec Paul."),
    ("fr_deal", "711", "Claire n'a aucun pouvoir sur ce dossier, il faut passer par-dessus."),
    ("es_opportunity", "0035g00000Es01", "(para mí: Javier no pinta nada, hablar con Lucía)"),
]


@pytest.mark.parametrize(("record_name", "contact_id", "sentence"), INTERNAL_NOTES)
def test_a_note_about_the_buyer_left_in_the_letter_is_flagged(record_name, contact_id, sentence):
    failed = _failed(record_name, contact_id, sentence)
    assert "no_internal_note_about_the_buyer" in failed, failed


LETTERS_THAT_NAME_PEOPLE = [
    ("hubspot_deal", "501", "The proposal will reach you ahead of Marcus's budget review in December."),
    ("hubspot_deal", "501", "(Marcus is copied, as he asked to see the figures.)"),
    ("de_deal", "701", "Herr Weber hat die Amortisationsrechnung bereits erhalten; das Angebot baut darauf auf."),
    ("fr_deal", "711", "Paul souhaitait comprendre le coût par atelier : la proposition le détaille."),
    ("es_opportunity", "0035g00000Es01", "Lucía recibió la estimación de retorno el 5 de noviembre."),
]


@pytest.mark.parametrize(("record_name", "contact_id", "sentence"), LETTERS_THAT_NAME_PEOPLE)
def test_naming_a_colleague_of_the_recipient_is_no_internal_note(record_name, contact_id, sentence):
    assert "no_internal_note_about_the_buyer" not in _failed(record_name, contact_id, sentence)


GUARANTEED_ENDS = [
    ("salesforce_opportunity", "0035g00000Con01", "We guarantee that no-shows will be gone for good once the texts run."),
    ("salesforce_opportunity", "0035g00000Con01", "From the first week on you will have no more double bookings."),
    ("de_deal", "701", "Wir sichern Ihnen zu: Ab dem ersten Monat gibt es keine unnötigen Leerlaufzeiten mehr."),
    ("fr_deal", "711", "Nous nous engageons : les absences seront de l'histoire ancienne d'ici le printemps."),
    ("es_opportunity", "0035g00000Es01", "Le prometo que los tiempos muertos se acabarán desde el primer mes."),
]


@pytest.mark.parametrize(("record_name", "contact_id", "sentence"), GUARANTEED_ENDS)
def test_a_problem_promised_gone_is_flagged(record_name, contact_id, sentence):
    failed = _failed(record_name, contact_id, sentence)
    assert "no_guaranteed_end_to_a_problem" in failed, failed


ENDS_NOT_PROMISED = [
    ("salesforce_opportunity", "0035g00000Con01", "Would fewer double bookings be the first thing to measure?"),
    ("salesforce_opportunity", "0035g00000Con01", "Clinics usually see no more double bookings within a few weeks."),
    ("de_deal", "701", "Wenn die Fahrer mitziehen, könnten Leerlaufzeiten nach und nach verschwinden."),
    ("fr_deal", "711", "Il n'y a plus de question ouverte de votre côté, la proposition suit vendredi."),
]


@pytest.mark.parametrize(("record_name", "contact_id", "sentence"), ENDS_NOT_PROMISED)
def test_a_question_a_condition_or_experience_told_is_no_guarantee(record_name, contact_id, sentence):
    assert "no_guaranteed_end_to_a_problem" not in _failed(record_name, contact_id, sentence)


SHORT_VALIDITIES = [
    ("hubspot_deal", "501", "I can only keep this pricing until Monday, so Marcus would need to sign by then."),
    ("salesforce_opportunity", "0035g00000Con01", "The proposal arrives Friday. It stays valid only for 48 hours."),
    ("de_deal", "701", "Das Angebot kommt am Freitag. Es gilt allerdings nur 48 Stunden."),
    ("fr_deal", "711", "La proposition arrive vendredi ; les conditions ne sont valables que deux jours."),
    ("es_opportunity", "0035g00000Es01", "La propuesta llega el viernes. Es válida solo durante 72 horas."),
]


@pytest.mark.parametrize(("record_name", "contact_id", "sentence"), SHORT_VALIDITIES)
def test_terms_held_for_a_short_span_nobody_set_are_flagged(record_name, contact_id, sentence):
    failed = _failed(record_name, contact_id, sentence)
    assert "no_offer_validity_nobody_set" in failed, failed


def test_holding_a_meeting_slot_is_no_validity_of_the_offer():
    failed = _failed("hubspot_deal", "501", "I will hold Wednesday at 11 am until you confirm.")
    assert "no_offer_validity_nobody_set" not in failed


UNRECORDED_OCCASIONS = [
    ("hubspot_deal", "501", "Thanks again for showing us around the Dallas depot last week."),
    ("salesforce_opportunity", "0035g00000Con01", "Thank you for our meeting on Monday, it helped a lot."),
    ("de_deal", "701", "Danke für die Führung durch Ihr Lager gestern."),
    ("fr_deal", "711", "Merci pour votre accueil dans vos locaux la semaine passée."),
    ("es_opportunity", "0035g00000Es01", "Muchas gracias por la reunión del martes en Madrid."),
]


@pytest.mark.parametrize(("record_name", "contact_id", "sentence"), UNRECORDED_OCCASIONS)
def test_thanks_for_an_occasion_the_record_does_not_have_is_flagged(record_name, contact_id, sentence):
    failed = _failed(record_name, contact_id, sentence)
    assert "no activity of the record shows" in failed.get("thanks_the_right_person", "") \
        or "no meeting or call" in failed.get("thanks_the_right_person", ""), failed


RECORDED_OCCASIONS = [
    # the demo of October 8 (hubspot), October 14 (salesforce and de_deal), October 21 (fr_deal)
    ("hubspot_deal", "501", "Thanks again for hosting us for the demo on October 8."),
    ("salesforce_opportunity", "0035g00000Con01", "Thank you for the demo meeting on October 14."),
    ("de_deal", "701", "Vielen Dank für den freundlichen Empfang bei der Demo."),
    ("fr_deal", "711", "Merci encore pour votre accueil lors de la démonstration du 21 octobre."),
    # a future occasion is no thanks for one that happened
    ("es_opportunity", "0035g00000Es01", "Gracias por ofrecernos una visita a la base el próximo mes."),
]


@pytest.mark.parametrize(("record_name", "contact_id", "sentence"), RECORDED_OCCASIONS)
def test_thanks_for_a_recorded_or_future_occasion_passes(record_name, contact_id, sentence):
    failed = _failed(record_name, contact_id, sentence)
    assert "no activity of the record shows" not in failed.get("thanks_the_right_person", "")
    assert "no meeting or call" not in failed.get("thanks_the_right_person", "")


KNOWN_WISHES = [
    # "idle time is our biggest cost leak" (Dana, October 2); "Pain: idle time and fuel cost"
    ("hubspot_deal", "501", "Would you be interested in seeing how much idling costs you per depot?"),
    # Marcus wanted a payback estimate and received it on October 22
    ("hubspot_deal", "502", "Would it help your budget review if we prepared a payback estimate as well?"),
    # "Jonas möchte eine Amortisationsrechnung"; sent on October 28
    ("de_deal", "702", "Hätten Sie Interesse an einer Amortisationsrechnung für die Flotte?"),
    # "Problème principal : les absences aux rendez-vous"
    ("fr_deal", "712", "Dans quelle mesure les rendez-vous manqués sont-ils un souci pour vos ateliers ?"),
    # "¿Nos puede enviar la propuesta con el calendario de implantación?"
    ("es_opportunity", "0035g00000Es01", "¿Les interesa recibir también un calendario de implantación?"),
]


@pytest.mark.parametrize(("record_name", "contact_id", "sentence"), KNOWN_WISHES)
def test_asking_whether_the_buyer_wants_what_they_asked_for_is_flagged(record_name, contact_id, sentence):
    failed = _failed(record_name, contact_id, sentence)
    assert "record already has" in failed.get("asks_only_for_what_is_open", ""), failed


QUESTIONS_THAT_MOVE_FORWARD = [
    ("hubspot_deal", "501", "Would it help to walk through the idle time figures together on Wednesday?"),
    ("hubspot_deal", "502", "Should we show the payback per depot, or one fleet-wide figure?"),
    ("de_deal", "702", "Wäre es hilfreich, die Amortisationsrechnung gemeinsam durchzugehen?"),
    ("fr_deal", "712", "Seriez-vous intéressé par un essai dans un seul atelier avant le déploiement ?"),
    ("es_opportunity", "0035g00000Es02", "¿Le interesaría un resumen de la estimación de retorno en la propuesta?"),
]


@pytest.mark.parametrize(("record_name", "contact_id", "sentence"), QUESTIONS_THAT_MOVE_FORWARD)
def test_a_question_that_takes_a_known_wish_forward_passes(record_name, contact_id, sentence):
    assert "record already has" not in _failed(record_name, contact_id, sentence).get("asks_only_for_what_is_open", "")
