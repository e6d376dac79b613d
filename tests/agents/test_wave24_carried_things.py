"""Wave 24 (issue 11, "the writer answers the latest inbound ask first"): the buyer asked for a document WITH a thing
("la propuesta con el calendario de implantación", set 32's es-b2); a draft that says what the document carries and
leaves that thing out ignores the ask. Look-alikes that must pass: the thing answered in other words (phases, a
rollout plan, a schedule), a draft that names no contents or says when the answer comes, "with" a person in copy, and
a relative clause whose "with" is another thing's."""

from __future__ import annotations

import pytest

from agents.carried_things import carried_thing_left_out
from tests.agents.test_quality import _checks

ASKS = {"en": "Could you send the proposal with the rollout schedule for the nine clinics?",
        "de": "Können Sie uns das Angebot mit dem Zeitplan für die Einführung schicken?",
        "fr": "Pourriez-vous nous envoyer la proposition avec le calendrier de déploiement ?",
        "es": "¿Nos puede enviar la propuesta con el calendario de implantación?"}

LEFT_OUT = [
    ("en", "The proposal reaches you on Friday with the licence prices and the payback estimate."),
    ("de", "Das Angebot kommt am Freitag mit den Lizenzpreisen und der Amortisationsrechnung."),
    ("fr", "La proposition vous parviendra vendredi avec les prix des licences et l'estimation du retour."),
    ("es", "La propuesta le llegará el viernes, con el precio de las licencias y la estimación de retorno."),
]
ANSWERED = [
    ("en", "The proposal reaches you on Friday with a go-live in two phases, clinic by clinic."),
    ("en", "The proposal reaches you on Friday with the licence prices; the timeline follows on Monday."),
    ("de", "Das Angebot kommt am Freitag mit einer Einführung in zwei Phasen."),
    ("fr", "La proposition vous parviendra vendredi avec un planning par étapes, atelier par atelier."),
    ("es", "La propuesta le llegará el viernes con el despliegue por fases."),
    ("es", "La propuesta le llegará el viernes, con Lucía en copia."),  # a person in copy, not a content
    ("es", "La propuesta le llegará el viernes."),  # no contents named: not this rule's concern
    ("es", "En la propuesta que Javier recibirá he añadido una página con la estimación de retorno."),
]


@pytest.mark.parametrize(("lang", "body"), LEFT_OUT)
def test_a_draft_listing_the_documents_contents_without_the_asked_thing_ignores_the_ask(lang, body):
    assert carried_thing_left_out(ASKS[lang], body)


@pytest.mark.parametrize(("lang", "body"), ANSWERED)
def test_the_asked_thing_in_other_words_or_no_contents_named_passes(lang, body):
    assert carried_thing_left_out(ASKS[lang], body) == ""


def test_a_question_asking_for_no_carried_thing_is_silent():
    assert carried_thing_left_out("Could you send the proposal by Friday?", LEFT_OUT[0][1]) == ""


def _answered(body: str) -> tuple[bool, str]:
    entry = {"record": "es_opportunity", "language": "es", "draft": {
        "to_contact_id": "0035g00000Es01", "subject": "Propuesta", "kind": "email",
        "body": f"Hola Javier:\n\n{body}\n\n¿Le viene bien el lunes 30 de noviembre a las 10:00 para revisarla?\n\nUn saludo,\nMarta"}}
    check = next(c for c in _checks(entry) if c.name == "answers_latest_question")
    return check.passed, check.detail


def test_the_check_on_javiers_record_refuses_the_left_out_calendar_and_passes_the_phases():
    assert not _answered(LEFT_OUT[3][1])[0]
    passed, detail = _answered("La propuesta le llegará el viernes 27 de noviembre con el despliegue por fases.")
    assert passed, detail
