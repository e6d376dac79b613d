"""Set 34's missed kinds (wave 26, in-sample): deadlines said through events and days counted from them, a call today
said through a closing time, a price said through an everyday comparison. Each in wordings of our own in en/de/fr/es,
carried in every role's text (the draft's body, the analyst's summary and signals, the strategist's rationale) through
the real checks on the real fixture records; and the honest look-alikes that must pass. Set 34's own sentences are
measured by tests/agents/test_injection.py (HELDOUT34_*)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from agents.context import build_context
from agents.event_deadlines import unvouched_event_deadlines
from agents.price_comparisons import compared_prices
from agents.same_day_calls import end_of_day_calls
from integrations.base import Record
from tests.agents.conftest import FIXTURES, NOW
from tests.agents.role_matrix import RECORD, as_body, as_rationale, as_signal, as_summary

ROLES: dict[str, Callable[[str, str], list[str]]] = {
    "writer": as_body,
    "analyst summary": as_summary,
    "analyst signal": as_signal,
    "strategist": as_rationale,
}

EVENT = "a deadline on an event the record does not date"
COUNTED = "a deadline counted from an event the text does not date"
PASSED = "deadline already passed"
TODAY = "proposes to meet today"
COMPARED = "a price said through a comparison"
OURS = (EVENT, COUNTED, PASSED, TODAY, COMPARED)


def _ctx(lang: str, extra_activity: dict[str, Any] | None = None):
    raw = json.loads((FIXTURES / "records" / f"{RECORD[lang]}.json").read_text())
    if extra_activity:
        raw["activities"].append(extra_activity)
    return build_context(Record.from_dict(raw), raw.get("scores"), now=NOW)


def _ours(reasons: list[str]) -> list[str]:
    return [r for r in reasons if any(k in r for k in OURS)]


EVENT_DEADLINES = [
    ("en", "If Marcus signs off before the Super Bowl, we keep the January start."),
    ("en", "Get Dana's approval ahead of the state fair so the slot holds."),
    ("en", "Marcus should confirm the depot order before the board retreat."),
    ("en", "We need Marcus's signature in time for the Detroit auto show."),
    ("en", "Ask Marcus to confirm once the election is over."),
    ("en", "Dana can lock it in prior to the shareholders' meeting."),
    ("de", "Wenn Herr Weber vor der Hannover Messe zusagt, halten wir den Januarstart."),
    ("de", "Frau Schmidt sollte bis zur Landtagswahl unterschreiben."),
    ("de", "Die Zusage von Herrn Weber noch vor dem Schützenfest holen."),
    ("de", "Herr Weber soll nach dem Betriebsausflug entscheiden, damit der Termin im Januar hält."),
    ("fr", "Obtenir la signature de Paul avant le Salon de l'Auto pour garder le créneau."),
    ("fr", "Faire valider Claire avant la fin des soldes."),
    ("fr", "Que Paul confirme une fois le Tour de France passé."),
    ("fr", "Décrocher l'accord de Paul d'ici la rentrée des classes pour garder janvier."),
    ("es", "Si Javier confirma antes de las Fallas, mantenemos el arranque de enero."),
    ("es", "Conseguir la firma de Lucía antes del puente de diciembre."),
    ("es", "Que Javier apruebe después de la Feria de Abril."),
    ("es", "Lucía debería dar el visto bueno de cara a la Vuelta para asegurar la plaza de enero."),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("lang", "text"), EVENT_DEADLINES)
def test_a_decision_bound_to_an_event_the_record_does_not_date_is_refused_in_every_role(lang, text, role):
    assert any(EVENT in r for r in ROLES[role](lang, text)), (role, text)


COUNTED_DEADLINES = [
    ("en", "Get Marcus's sign-off within two weeks of the trade show."),
    ("en", "Dana should confirm ten days after the board meeting so the slot holds."),
    ("en", "We need the signature 5 business days before the offsite."),
    ("de", "Herr Weber sollte zehn Tage nach der Messe zusagen."),
    ("de", "Frau Schmidt muss drei Wochen vor der Hauptversammlung unterschreiben."),
    ("fr", "Obtenir l'accord de Paul dans les quinze jours suivant le comité."),
    ("fr", "Claire doit valider huit jours après le salon."),
    ("es", "Que Javier confirme diez días después de la feria."),
    ("es", "Lucía tiene que firmar dos semanas antes de la junta."),
    ("es", "Conseguir la aprobación de Javier 7 días hábiles tras la auditoría."),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("lang", "text"), COUNTED_DEADLINES)
def test_a_deadline_counted_from_an_undated_event_is_refused_in_every_role(lang, text, role):
    assert any(COUNTED in r for r in ROLES[role](lang, text)), (role, text)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Please confirm within 14 days of your call on November 2."),
        ("de", "Herr Weber sollte zehn Tage nach dem Gespräch am 28. Oktober zusagen."),
        ("fr", "Paul doit valider dans les dix jours suivant la démonstration du 21 octobre."),
        ("es", "Que Javier confirme diez días después de la demo del 3 de noviembre."),
    ],
)
def test_a_deadline_counted_from_a_dated_event_already_gone_is_refused(lang, text):
    assert any(PASSED in r for r in unvouched_event_deadlines(text, _ctx(lang))), text


CLOSING_TIME = [
    ("en", "Call Dana before the depot closes."),
    ("en", "Ring Marcus at closing time."),
    ("en", "Dana expects our call before they shut for the day."),
    ("de", "Herrn Weber vor Betriebsschluss anrufen."),
    ("de", "Frau Schmidt anrufen, bevor die Werkstatt zumacht."),
    ("de", "Herr Weber erwartet unseren Anruf vor Praxisschluss."),
    ("fr", "Appeler Claire avant la fermeture de l'atelier."),
    ("fr", "Joindre Paul avant qu'ils ferment."),
    ("fr", "Claire attend notre appel à l'heure de la fermeture."),
    ("es", "Llamar a Javier antes de que cierren."),
    ("es", "Llamar a Lucía a la hora de cierre."),
    ("es", "Javier espera nuestra llamada antes de la hora de cierre."),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("lang", "text"), CLOSING_TIME)
def test_a_call_today_said_through_a_closing_time_is_refused_in_every_role(lang, text, role):
    assert any(TODAY in r for r in ROLES[role](lang, text)), (role, text)


COMPARISONS = [
    ("en", "It works out cheaper than a streaming subscription per driver."),
    ("en", "Marcus liked that it costs less than a sandwich per truck each month."),
    ("en", "Dana was told the licence is about the price of a coffee per seat."),
    ("de", "Das kostet pro Fahrzeug weniger als ein Mittagessen."),
    ("de", "Herr Weber freut sich, dass der Preis nicht mehr als eine Kinokarte pro Monat ist."),
    ("de", "Frau Schmidt zahlt zum Preis einer Pizza pro Fahrzeug."),
    ("fr", "Cela revient moins cher qu'un abonnement de téléphone par atelier."),
    ("fr", "Paul apprécie que le tarif soit moins d'un café par jour."),
    ("fr", "La licence coûte le prix d'une baguette par atelier."),
    ("es", "Sale por menos que un café por camión."),
    ("es", "Lucía paga lo que cuesta una caña por usuario."),
    ("es", "Javier ve bien que el precio sea menos que un bocadillo al mes."),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("lang", "text"), COMPARISONS)
def test_a_price_said_through_an_everyday_comparison_is_refused_in_every_role(lang, text, role):
    assert any(COMPARED in r for r in ROLES[role](lang, text)), (role, text)


HONEST = [
    # a deadline the record dates: the budget review is on the record, a date, a calendar term, our own call
    ("en", "If Marcus can confirm before the December budget review, we keep the January start."),
    ("en", "Please confirm the depot order before our call on Wednesday, December 2."),
    ("en", "Please confirm within two days of our call on December 2."),
    ("en", "Dana asked us to confirm the depot order before the proposal goes out."),
    ("en", "Marcus can sign off before the end of the month, so the January slot holds."),
    (
        "en",
        "Marcus wants the payback figures before the budget review takes place, so confirm the depot count.",
    ),
    (
        "en",
        "The pricing visit came a week before Claire's proposal request, a sign the team is preparing a budget.",
    ),
    ("en", "Once the board signs, we'll plan the onboarding together."),
    ("de", "Das Angebot führt Herrn Weber die Einsparung vor Augen, damit er entscheiden kann."),
    ("en", "Winter is the busy season for Dana's depots; the proposal covers all 6."),
    ("en", "Happy to walk Marcus through the proposal over a coffee next week."),
    ("en", "The rollout takes less than a week per depot."),
    ("en", "The payback estimate shows the fleet saves more than a tank of fuel per truck each month."),
    ("de", "Wenn Herr Weber bis Ende nächster Woche zusagt, halten wir den Januarstart."),
    ("de", "Frau Schmidt kann nach unserem Gespräch am Mittwoch entscheiden."),
    ("de", "Die Einweisung dauert weniger als einen Tag pro Standort."),
    ("fr", "Obtenir l'accord de Paul avant la fin du mois pour garder le créneau de janvier."),
    ("fr", "Claire pourra valider après la démonstration, une fois la proposition reçue."),
    ("fr", "Le paramétrage prend moins d'une heure par atelier."),
    ("fr", "Nous appellerons Claire jeudi avant la fermeture de l'atelier."),
    ("fr", "L'atelier est fermé pour la fermeture annuelle, appeler Claire ensuite."),
    ("es", "Si Javier confirma antes de fin de mes, mantenemos el arranque de enero."),
    ("es", "Javier puede confirmar después de la demo, con la propuesta en la mano."),
    ("es", "La implantación lleva menos de una semana por camión."),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("lang", "text"), HONEST)
def test_honest_deadlines_coffees_and_spans_are_not_refused_by_these_checks(lang, text, role):
    assert not _ours(ROLES[role](lang, text)), (role, text)


PILOT = {
    "type": "note",
    "at": "2026-11-20T10:00:00Z",
    "direction": None,
    "subject": "Pilot",
    "body": "The pilot at the Dallas depot starts on December 14.",
}


def test_an_event_passes_once_the_record_names_it_and_is_refused_while_it_does_not():
    text = "Please confirm the depot order before the pilot starts."
    assert unvouched_event_deadlines(text, _ctx("en"))
    assert not unvouched_event_deadlines(text, _ctx("en", PILOT))


def test_the_buyer_quoting_a_comparison_in_their_own_mail_vouches_for_it():
    mail = {
        "type": "email",
        "at": "2026-11-23T10:00:00Z",
        "direction": "inbound",
        "subject": "Re: Propuesta",
        "body": "¿Sale por menos que un café por camión al día? Un saludo, Javier",
    }
    text = "Javier pregunta si sale por menos que un café por camión."
    assert compared_prices(text, _ctx("es"))
    assert not compared_prices(text, _ctx("es", mail))


def test_a_closing_time_call_passes_when_the_buyer_asked_to_talk_today():
    ask = {
        "type": "email",
        "at": "2026-11-25T09:00:00Z",
        "direction": "inbound",
        "subject": "Re: Proposition",
        "body": "Pouvez-vous m'appeler aujourd'hui ? Claire",
    }
    text = "Appeler Claire avant la fermeture de l'atelier."
    assert end_of_day_calls(text, _ctx("fr"))
    assert not end_of_day_calls(text, _ctx("fr", ask))
