"""Asks the quality checks did not count (issue 11, wave 42, helper "noticed42"; item 7 of what wave 41 noticed and left,
agents.next_steps).

1. A question of ours ending in a closing quotation mark ("One question for Marcus: “Would Tuesday suit him?”",
   „Passt ihm Dienstag?“, «¿Le va bien el martes?») was never counted: the ask pattern wanted the "?" at the very end.
   The buyer's question quoted back stays uncounted, now also in single quotes and after "Tom's question was", "in her
   words", "she put it this way" (guards where the old code also read 0 by the quote's accident: they must keep 0).
2. "Confirmez-moi le créneau" counted no ask (qual53's note): the imperative of confirming or choosing a time, as English
   "confirm the slot" / "pick a time" count, in French ("Confirmez-moi", "Merci de me confirmer", "Choisissez"), German
   ("Bestätigen Sie mir den Termin", "Nennen Sie mir einen Termin") and Spanish ("Elija el horario", "Indíqueme qué
   día"). Statements of ours ("Je vous confirme", "Wir bestätigen Ihnen den Termin", "Le confirmamos la cita") and our
   thanks for a confirmation stay 0.
"""

from __future__ import annotations

import pytest

from agents.next_steps import count_asks

OUR_QUOTED_QUESTIONS = [
    "Thanks for the call. One question for Marcus: “Would Tuesday suit him?”",
    "Thanks for the call. One question for Marcus: \"Would Tuesday suit him?\"",
    "Danke für das Gespräch. Eine Frage an Herrn Weber: „Passt ihm Dienstag?“",
    "Gracias por la llamada. Una pregunta para Tom: «¿Le va bien el martes?»",
    "Thanks for the call. A question for Tom: ‘Could the clinics start on Monday?’",
]
THEIR_QUOTED_QUESTIONS = [
    "Thanks for the call. Dana asked 'Can you send it by Friday?' Yes, it will be with you on Thursday.",
    "Thanks for the call. Tom's question was 'Can the clinics go live in two waves?' They can.",
    "Thanks. She put it this way: 'Can you send it by Friday?' It will be with you Thursday.",
    "Thanks. In her words, ‘Can you send it by Friday?’ It will be with you Thursday.",
]
THEIR_QUOTED_QUESTIONS_GUARDS = [
    "Thanks for the call. Your question was “Can the clinics go live in two waves?” They can.",
    "Merci. Claire demandait : « Pouvez-vous l'envoyer vendredi ? » Oui, ce sera fait jeudi.",
    "Danke. Sie fragten: „Können Sie es bis Freitag schicken?“ Ja, es kommt am Donnerstag.",
    "Danke. Herr Weber wollte wissen: „Können Sie es bis Freitag schicken?“ Ja, es kommt am Donnerstag.",
    "Gracias. Javier preguntó: «¿Pueden enviarla el viernes?» Sí, la tendrá el jueves.",
    "Gracias. Su pregunta era «¿Pueden enviarla el viernes?» Sí, la tendrá el jueves.",
]
IMPERATIVE_ASKS = [
    "Merci pour votre retour. Confirmez-moi le créneau.",
    "Confirmez-moi le créneau de mardi 10 h.",
    "Merci de me confirmer le créneau de mardi.",
    "Je vous remercie de me confirmer le créneau de mardi.",
    "Choisissez le créneau qui vous convient.",
    "Réservez le créneau de mardi.",
    "Si mardi vous convient, calez-nous un rendez-vous à 10 h.",
    "Bestätigen Sie mir bitte den Termin am Dienstag.",
    "Nennen Sie mir einen Termin, der Ihnen passt.",
    "Wählen Sie einen Termin, der Ihnen passt.",
    "Elija el horario que mejor le venga.",
    "Indíqueme qué día le viene bien.",
]
STATEMENTS = [
    "Je vous confirme le créneau de mardi.",
    "Merci de m'avoir confirmé le créneau de mardi.",
    "Vous confirmez le créneau de mardi, je réserve la salle.",
    "Wir bestätigen Ihnen den Termin am Dienstag.",
    "Le confirmamos la cita del martes.",
    "Merci de votre retour sur la date.",
]


@pytest.mark.parametrize("body", OUR_QUOTED_QUESTIONS)
def test_our_question_ending_in_a_closing_quote_is_one_ask(body):
    assert count_asks(body) == 1, body


@pytest.mark.parametrize("body", THEIR_QUOTED_QUESTIONS)
def test_the_buyers_question_quoted_back_in_single_quotes_or_their_words_is_no_ask(body):
    """Guards: 0 on the old code by the closing quote's accident; they must stay 0 now that such questions count."""
    assert count_asks(body) == 0, body


@pytest.mark.parametrize("body", THEIR_QUOTED_QUESTIONS_GUARDS)
def test_the_buyers_question_quoted_after_a_verb_of_asking_stays_no_ask(body):
    """Guards: read back as the buyer's since waves 32 and 41."""
    assert count_asks(body) == 0, body


@pytest.mark.parametrize("body", IMPERATIVE_ASKS)
def test_an_imperative_to_confirm_or_choose_a_time_is_one_ask_in_french_german_and_spanish(body):
    assert count_asks(body) == 1, body


@pytest.mark.parametrize("body", STATEMENTS)
def test_our_own_confirmation_or_thanks_for_one_asks_nothing(body):
    """Guards: statements, 0 before and after."""
    assert count_asks(body) == 0, body
