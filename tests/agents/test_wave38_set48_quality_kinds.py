"""Set 48's good drafts refused, by family, in other wordings and languages than the set's (wave 38).

Each family is tested as the user (an honest draft passes) and as the adversary (bad drafts of earlier sets that share
its shape stay flagged). The tests' clock is Wednesday, 25 November 2026; the fixture records' buyers asked for the
proposal by Friday, 27 November.
"""

from __future__ import annotations

import pytest

from agents.next_steps import count_asks
from agents.stated_steps import stated_step
from tests.agents.quality_probe import failed_checks, named_check

# --- a document due or arriving on its day, in forms stated_steps did not read ---

@pytest.mark.parametrize("sentence", [
    "The order form, due Tuesday, December 1, lists the 420 trucks.",
    "The contract draft, due 1 December, sets out both waves.",
    "Der Vertragsentwurf kommt am Dienstag, 1. Dezember, mit allen 120 Fahrzeugen.",
    "Der Zeitplan kommt spätestens am 1. Dezember.",
    "Le devis arrivera le mardi 1er décembre avec les 6 ateliers.",
    "El contrato llegará el martes 1 de diciembre con los 85 camiones.",
    "Das Angebot wird am Montag, 30. November, bei Ihnen eintreffen.",
])
def test_a_document_due_or_arriving_on_its_day_is_a_stated_step(sentence):
    assert stated_step(sentence) is not None


@pytest.mark.parametrize("sentence", [
    "Due to the holiday, the contract draft is with legal.",
    "The order form was due 20 November.",
    "La propuesta llegará la semana que viene.",
    "Das Angebot kommt bald.",
    "Our newsletter will arrive every Friday.",
])
def test_a_document_with_no_coming_day_or_a_past_due_date_is_no_step(sentence):
    assert stated_step(sentence) is None


@pytest.mark.parametrize(("record", "body", "language"), [
    ("hubspot_deal", "Hi Dana,\n\nThe proposal, due 27 November, prices Fleet Analytics for all 420 trucks, so you "
     "and Marcus can compare it with the add-on.\n\nBest regards,\nSam Okafor", "en"),
    ("de_deal", "Guten Tag Frau Schmidt,\n\ndanke für Ihre Nachricht vom 20. November. Das Angebot für die 120 "
     "Fahrzeuge kommt bis 27. November, mit der Amortisationsrechnung für Herrn Weber.\n\nFreundliche "
     "Grüße\nLena Vogt", "de"),
    ("es_opportunity", "Hola, Javier:\n\nGracias por su mensaje del 18 de noviembre. La propuesta con el calendario "
     "de implantación para los 85 camiones llegará el viernes 27 de noviembre.\n\nUn cordial saludo,\nMarta Ruiz", "es"),
])
def test_a_draft_whose_step_is_the_document_arriving_on_its_day_passes_the_call_to_action(record, body, language):
    assert named_check(record, body, "one_clear_call_to_action", language=language).passed


@pytest.mark.parametrize("entry_id", ["qh-es-b15", "q47-de-b8", "q47-es-b5", "q47-fr-b5"])
def test_earlier_sets_drafts_with_no_step_or_a_past_day_are_still_flagged(entry_id):
    assert failed_checks(entry_id)


# --- a default after a question is no alternative carried on ---

@pytest.mark.parametrize("body", [
    "¿Empiezan en enero o en febrero? Si no me dice nada, lo dejo en enero.",
    "Passt Ihnen Dienstag? Sonst schlage ich Donnerstag vor.",
    "Would Tuesday work? Otherwise I will keep Thursday free for it.",
    "Préférez-vous commencer par un atelier ? Sinon je pars sur les six à la fois.",
])
def test_a_question_followed_by_a_default_is_one_ask(body):
    assert count_asks(body) == 1


@pytest.mark.parametrize(("body", "asks"), [
    ("Would Tuesday work? Or is Thursday better?", 1),
    ("¿Le va bien el martes? Si no, ¿el jueves?", 1),
    ("Would Tuesday work? If not, send me a time that does.", 1),
])
def test_an_alternative_stays_one_ask_and_other_questions_stay_their_own(body, asks):
    assert count_asks(body) == asks


# --- the writer's own confirmation asks nothing ---

@pytest.mark.parametrize("body", [
    "To confirm, the import works for all 6 depots. Would Thursday at 10 am suit you?",
    "I can confirm that the export works with your payroll tool. Shall we go through it on Tuesday?",
    "Just to confirm: the pilot works in both waves. Could we speak on Monday at 3 pm?",
])
def test_a_confirmation_the_writer_gives_is_no_ask(body):
    assert count_asks(body) == 1


@pytest.mark.parametrize(("body", "asks"), [
    ("Please confirm the time works for you.", 1),
    ("To confirm, could you send me the number of depots?", 1),
    ("Just to confirm: could Marcus confirm his budget? Would Tuesday work?", 2),
])
def test_a_confirmation_asked_of_the_buyer_is_still_an_ask(body, asks):
    assert count_asks(body) == asks


@pytest.mark.parametrize("entry_id", ["qh-en-b16", "q15-en-b2"])
def test_earlier_sets_drafts_asking_for_confirmation_are_still_flagged(entry_id):
    assert failed_checks(entry_id)


# --- "übernehmen" into a document carries a figure; a cost or a task taken on is still a promise ---

@pytest.mark.parametrize("body", [
    "Guten Tag Frau Schmidt,\n\nIhre Annahmen aus der Amortisationsrechnung übernehmen wir unverändert in die "
    "Kalkulation für die 120 Fahrzeuge, die Sie bis Freitag, 27. November, erhalten. Passt Ihnen danach ein "
    "Gespräch am Dienstag, 1. Dezember, um 10 Uhr?\n\nFreundliche Grüße\nLena Vogt",
    "Guten Tag Frau Schmidt,\n\nwir übernehmen die Fahrzeugliste vom 28. Oktober ins Angebot für die 120 Fahrzeuge, "
    "das Sie bis Freitag, 27. November, erhalten. Passt Ihnen danach Dienstag, 1. Dezember, um 10 Uhr?\n\n"
    "Freundliche Grüße\nLena Vogt",
])
def test_a_figure_taken_over_into_the_proposal_is_no_promise(body):
    assert named_check("de_deal", body, "no_unapproved_commitments", language="de").passed


@pytest.mark.parametrize("sentence", [
    "die Kosten der Einrichtung übernehmen wir ins Angebot",
    "die Einrichtung übernehmen wir für Sie",
    "die Schulung der Disponenten übernehmen wir",
])
def test_a_cost_or_a_task_taken_on_is_still_a_we_pay_promise(sentence):
    body = (f"Guten Tag Frau Schmidt,\n\ndas Angebot für die 120 Fahrzeuge erhalten Sie bis Freitag, 27. November, "
            f"und {sentence}. Passt Ihnen Dienstag, 1. Dezember, um 10 Uhr?\n\nFreundliche Grüße\nLena Vogt")
    assert not named_check("de_deal", body, "no_unapproved_commitments", language="de").passed


@pytest.mark.parametrize("entry_id", ["q13-de-b1", "q15-de-b8", "q17-de-b9"])
def test_earlier_sets_drafts_taking_on_a_task_for_free_are_still_flagged(entry_id):
    assert failed_checks(entry_id)


# --- a capital "Zahlen" opening a subject is the noun; the verb has its subject after it ---

def test_figures_named_in_a_subject_are_no_price_talk():
    body = ("Guten Tag Frau Schmidt,\n\ndas Angebot für die 120 Fahrzeuge erhalten Sie bis Freitag, 27. November. "
            "Passt Ihnen danach Dienstag, 1. Dezember, um 10 Uhr?\n\nFreundliche Grüße\nLena Vogt")
    assert named_check("de_deal", body, "no_unapproved_commitments", subject="Zahlen zu Ihrer Flotte",
                       language="de").passed


@pytest.mark.parametrize("sentence", ["Zahlen Sie erst im Januar.", "Zahlen müssen Sie erst ab Februar."])
def test_the_verb_zahlen_with_its_subject_is_still_price_talk(sentence):
    body = (f"Guten Tag Frau Schmidt,\n\ndas Angebot für die 120 Fahrzeuge erhalten Sie bis Freitag, 27. November. "
            f"{sentence} Passt Ihnen Dienstag, 1. Dezember, um 10 Uhr?\n\nFreundliche Grüße\nLena Vogt")
    assert not named_check("de_deal", body, "no_unapproved_commitments", language="de").passed


# --- a small price effect of an open point, left to be checked ---

@pytest.mark.parametrize(("record", "body", "language"), [
    ("hubspot_deal", "Hi Dana,\n\nBefore the proposal goes out on Friday, November 27, one question: do all 6 depots "
     "use the same fuel cards? It makes little difference to the price, but I'd rather check.\n\nBest regards,\nSam "
     "Okafor", "en"),
    ("de_deal", "Guten Tag Frau Schmidt,\n\nbevor das Angebot am Freitag, 27. November, rausgeht, eine Frage: nutzen "
     "alle Standorte dieselbe Tankkarte? Das ändert am Preis wenig, aber ich prüfe es lieber.\n\nFreundliche Grüße\n"
     "Lena Vogt", "de"),
    ("es_opportunity", "Hola, Javier:\n\nAntes de enviar la propuesta el viernes 27 de noviembre, una pregunta: "
     "¿usan todas las bases la misma tarjeta de combustible? Apenas cambia el precio, pero prefiero comprobarlo.\n\n"
     "Un cordial saludo,\nMarta Ruiz", "es"),
])
def test_a_small_price_effect_the_writer_will_check_is_no_price_talk(record, body, language):
    assert named_check(record, body, "no_unapproved_commitments", language=language).passed


@pytest.mark.parametrize("sentence", [
    "It makes little difference to the price.",
    "It makes little difference to the price, maybe 5%, but I'd rather check.",
    "It changes the price little, it will even be a little lower, but I'd rather check.",
])
def test_a_price_effect_with_no_check_or_with_a_figure_is_still_price_talk(sentence):
    body = ("Hi Dana,\n\nBefore the proposal goes out on Friday, November 27, one question: do all 6 depots use the "
            f"same fuel cards? {sentence}\n\nBest regards,\nSam Okafor")
    assert not named_check("hubspot_deal", body, "no_unapproved_commitments").passed


@pytest.mark.parametrize("entry_id", ["q12-de-b1", "qh-en-b23", "qh-es-b24"])
def test_earlier_sets_drafts_with_invented_prices_are_still_flagged(entry_id):
    assert failed_checks(entry_id)
