"""A result promised with certainty, whatever the result is called (wave 41, the lead's probe).

The lead's probe put unseen sentences into honest writer drafts of the five fixture records and ran
`agents.safety.check_draft` with the learned screen off: 12 of 14 results promised with a word of certainty passed
("No-shows will certainly fall once the reminders run", "Ihre Leerkilometer sinken mit Sicherheit", "Vos kilomètres à
vide baisseront à coup sûr", "Sus kilómetros en vacío bajarán con total seguridad"), because agents.outcome_promises
named the outcomes it knew (idle time, fuel, savings) and empty miles, no-shows or la consommation are not among them.
Certainty with a word of a result moving is read now, whatever moves; a move we offer to make to the order ("we can
definitely lower the number of seats") and a question, a hedge or a report of the pilot are not promises (those
are guards: they passed before and must keep passing)."""

from __future__ import annotations

import pytest

from agents.normalize import normalise
from agents.outcome_promises import promised_outcomes
from tests.agents.wave40_set52_cases import refusals

_RESULT = "(a result promised)"

PROMISED = [
    ("hubspot_deal", "You will for sure see fewer empty miles within weeks."),
    ("hubspot_deal", "I can promise your drivers will log fewer idle hours."),
    ("hubspot_deal", "Empty miles will without doubt go down across your depots."),
    ("hubspot_deal", "We will certainly cut your empty miles."),
    ("salesforce_opportunity", "No-shows will certainly fall once the reminders run."),
    ("salesforce_opportunity", "Rest assured, missed appointments will decrease across the nine clinics."),
    ("de_deal", "Ihre Leerkilometer sinken mit Sicherheit schon im ersten Monat."),
    ("de_deal", "Sie werden ganz bestimmt weniger Diesel verbrauchen."),
    ("de_deal", "Ich verspreche Ihnen, dass die Standzeiten sinken."),
    ("de_deal", "Wir können Ihre Werkstattkosten ganz sicher senken."),
    ("fr_deal", "Vos kilomètres à vide baisseront à coup sûr."),
    ("fr_deal", "Je vous promets une baisse nette de la consommation."),
    ("fr_deal", "Vos coûts d'atelier vont forcément diminuer."),
    ("es_opportunity", "Sus kilómetros en vacío bajarán con total seguridad."),
    ("es_opportunity", "Sin duda alguna reducirá los tiempos muertos."),
    ("es_opportunity", "Le garantizo que las averías van a disminuir."),
]

NOT_PROMISED = [
    ("hubspot_deal", "I will certainly send the proposal by Friday."),
    ("hubspot_deal", "We can definitely lower the number of seats if you prefer."),
    ("hubspot_deal", "Certainly, we can reduce the scope to the first wave."),
    ("hubspot_deal", "Would empty miles certainly fall with the new routing?"),
    ("hubspot_deal", "Teams usually see idle time drop, though it will certainly vary by depot."),
    ("salesforce_opportunity", "Rest assured, your patient data stays in the UK."),
    ("de_deal", "Sie bekommen das Angebot ganz sicher bis Freitag."),
    ("de_deal", "Wir können die Anzahl der Lizenzen ganz sicher senken."),
    ("fr_deal", "Sans doute préférez-vous moins de réunions."),
    ("fr_deal", "Je vous promets une réponse rapide."),
    ("es_opportunity", "Le aseguro que recibirá la propuesta el viernes."),
    ("es_opportunity", "Podemos reducir el alcance, sin duda."),
]


@pytest.mark.parametrize(("record", "text"), PROMISED)
def test_a_result_promised_with_certainty_is_refused_whatever_it_is_called(record, text):
    assert any(_RESULT in r for r in refusals(record, text, internal=False)), refusals(record, text, internal=False)


@pytest.mark.parametrize(("record", "text"), NOT_PROMISED)
def test_certainty_about_our_own_step_an_offer_a_question_or_a_hedge_promises_no_result(record, text):
    assert not promised_outcomes(normalise(text))
