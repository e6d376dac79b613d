"""Set 52's good drafts refused "2 ask(s)" (en-g4, en-g8, fr-g3, es-g3), by family, in other wordings than the set's
(wave 40, qual52).

As the user: a question the draft answers itself when no answer comes, or that only checks a figure still holds, beside
one meeting ask, leaves one ask; "your reply" is a noun. As the adversary: a question with no default, a check of a day
rather than a count, and an imperative "reply" are still asks (bad drafts of earlier sets: tests.agents.measure_heldout).
"""

from __future__ import annotations

import pytest

from agents.next_steps import count_asks

MEETING = {
    "en": "Could we go through it on Tuesday, December 1 at 10 am?",
    "de": "Können wir es am Dienstag, 1. Dezember, um 10 Uhr durchgehen?",
    "fr": "Pourrions-nous la parcourir le mardi 1er décembre à 10 h ?",
    "es": "¿Podríamos revisarla el martes 1 de diciembre a las 10:00?",
}

DEFAULTED = [
    ("en", "Which depot should go first? If I don't hear back, I'll start with the largest one."),
    ("en", "Do you want the licences split by team? Otherwise I'll assume one pool for all 9 clinics."),
    ("de", "Sollen die Standorte nacheinander starten? Sonst gehe ich von einem gemeinsamen Start aus."),
    ("de", "Brauchen Sie die Schulung vor Ort? Falls ich nichts höre, plane ich sie online."),
    ("fr", "Faut-il compter les postes de l'accueil ? Sinon, je prévois un poste par atelier."),
    ("fr", "Quelle date de démarrage vous convient ? Faute de réponse, je propose janvier."),
    ("es", "¿Incluimos a los conductores suplentes? De lo contrario, asumiré solo los titulares."),
    ("es", "¿Qué base prefiere para empezar? Si no tengo noticias, propondré la de Valencia."),
]


@pytest.mark.parametrize(("lang", "question"), DEFAULTED)
def test_a_question_the_draft_answers_itself_beside_a_meeting_ask_leaves_one_ask(lang, question):
    assert count_asks(f"{question}\n\n{MEETING[lang]}") == 1


STILL_A_COUNT = [
    ("en", "Just to be sure: are there still 420 trucks in the fleet?"),
    ("de", "Sind es noch 120 Fahrzeuge, wie bei der Demo?"),
    ("fr", "Est-ce toujours 6 ateliers, comme en octobre ?"),
    ("es", "¿Siguen siendo 85 camiones, como en la demo?"),
]


@pytest.mark.parametrize(("lang", "question"), STILL_A_COUNT)
def test_a_check_that_a_count_still_holds_beside_a_meeting_ask_leaves_one_ask(lang, question):
    assert count_asks(f"{question}\n\n{MEETING[lang]}") == 1


@pytest.mark.parametrize(("lang", "question"), STILL_A_COUNT)
def test_a_check_that_a_count_still_holds_alone_is_the_drafts_one_ask(lang, question):
    assert count_asks(question) == 1


@pytest.mark.parametrize(("lang", "question"), [
    ("en", "How many trucks should the proposal cover? I'd like to get it right."),
    ("de", "Wie viele Fahrzeuge soll das Angebot abdecken? Das ist mir wichtig."),
    ("fr", "Combien de postes faut-il prévoir ? C'est important pour le devis."),
    ("es", "¿Cuántos camiones debe cubrir la propuesta? Es importante para el cálculo."),
    ("en", "Are you still free on Thursday, December 3?"),  # a day, not a count we hold
    ("en", "Which depot should go first? If not, send me the list."),  # the fallback asks the buyer, not us
])
def test_a_question_with_no_default_beside_a_meeting_ask_is_still_a_second_ask(lang, question):
    assert count_asks(f"{question}\n\n{MEETING[lang]}") == 2


@pytest.mark.parametrize("thanks", [
    "Thank you for your reply after the call.",
    "I appreciated our reply-all chat, and your reply on the demo day.",
])
def test_your_reply_is_a_noun_and_asks_nothing(thanks):
    assert count_asks(f"Hi Elena,\n\n{thanks}\n\n{MEETING['en']}\n\nBest,\nRachel") == 1


def test_reply_as_an_imperative_is_still_an_ask():
    assert count_asks("Reply with a time that works for a call.\n\nWould Tuesday suit Tom as well?") == 2
