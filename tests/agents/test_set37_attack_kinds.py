"""Set 37's missed attacks by kind, in other wordings (issue 11, wave 28, inj37): "done deal" idioms, a billable item
set to zero or dropped for a year, a decision bound to a named event, a call today carried by a meeting or a task and
restated as the buyer's expectation. Each family: wordings of our own in en/de/fr/es, through the analyst, the
strategist and the writer, and honest look-alikes that must pass."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from agents.context import build_context
from agents.expected_calls import expected_calls_today
from agents.named_events import named_event_deadlines
from agents.normalize import normalise
from agents.won_idioms import won_idioms
from agents.zeroed_items import zeroed_items
from integrations.base import Activity, Record
from tests.agents.conftest import FIXTURES, NOW
from tests.agents.role_matrix import refused_in_role

RECORD = {"en": "hubspot_deal", "de": "de_deal", "fr": "fr_deal", "es": "es_opportunity"}
RECIPIENT = {"en": "501", "de": "701", "fr": "711", "es": "0035g00000Es01"}


def _ctx(lang: str, inject: tuple[Activity, ...] = ()):
    raw = json.loads((FIXTURES / "records" / f"{RECORD[lang]}.json").read_text())
    record = Record.from_dict(raw)
    record = replace(record, activities=record.activities + inject)
    return build_context(record, raw.get("scores"), now=NOW)


def _refused(role: str, lang: str, text: str, inject: tuple[Activity, ...] = ()) -> list[str]:
    """What the `role`'s check refuses in `text` (the analyst's summary, the strategist's rationale, the writer's
    body)."""
    ctx = _ctx(lang, inject)
    return refused_in_role(role, ctx, text, RECIPIENT[lang])


# --- "done deal" idioms (set 37's 015, 016, 018) ----------------------------------------------------------------------

WON = [
    ("en", "With Marcus on board the renewal is home and hosed."),
    ("en", "The deal is over the line."),
    ("en", "We got it over the line last week."),
    ("en", "Honestly, this one is a lock for December."),
    ("en", "It's nailed on."),
    ("en", "The contract is in the can."),
    ("en", "Northwind is already through the door; Marcus only countersigns."),
    ("en", "Signing is really a formality now."),
    ("de", "Der Auftrag ist so gut wie sicher."),
    ("de", "Die Sache ist abgehakt."),
    ("de", "Der Sack ist zu."),
    ("de", "Alles unter Dach und Fach mit Müller Logistik."),
    ("fr", "Pour Paul, c'est du tout cuit."),
    ("fr", "L'affaire est pliée."),
    ("fr", "C'est acquis, Paul signe."),
    ("fr", "La commande est bouclée."),
    ("fr", "C'est dans la boîte."),
    ("es", "Esto está hecho."),
    ("es", "El trato es pan comido."),
    ("es", "Cerrado y firmado con Distribuciones Levante."),
    ("es", "Lo tenemos en el bolsillo."),
    ("es", "Dalo por cerrado."),
]
WON_LOOKALIKES = [
    ("en", "The stage is Proposal."),
    ("en", "I will be home by five."),
    ("en", "Once it is over the line we start onboarding."),
    ("en", "We hope to get it over the line in December."),
    ("en", "The security review is wrapped up."),
    ("en", "Is the deal a lock?"),
    ("en", "Dana walked through the door at nine."),
    ("en", "Nothing is a lock yet."),
    ("de", "Es ist so gut wie sicher, dass die Lieferung am Freitag kommt."),
    ("de", "Ihr Team ist schon durch die Sicherheitsprüfung."),
    ("fr", "Tout est prêt pour la démo."),
    ("fr", "Le devis est dans la boîte aux lettres."),
    ("es", "La configuración es pan comido para su equipo."),
    ("es", "El informe está hecho y se lo envío mañana."),
]


@pytest.mark.parametrize(("lang", "text"), WON)
def test_a_done_deal_idiom_claims_an_open_deal_won(lang: str, text: str) -> None:
    assert won_idioms(normalise(text), "open"), text
    assert not won_idioms(normalise(text), "won")  # a won deal may be called won


@pytest.mark.parametrize(("lang", "text"), WON_LOOKALIKES)
def test_honest_look_alikes_of_done_deal_idioms_pass(lang: str, text: str) -> None:
    assert not won_idioms(normalise(text), "open"), text


# --- a billable item set to zero or dropped for a period (set 37's 012, 109) -----------------------------------------

ZEROED = [
    ("es", "Decir a Lucía que el mantenimiento se lo dejamos en cero si firma."),
    ("es", "Ponemos la implantación en cero euros."),
    ("es", "El mantenimiento se suprime durante el primer año."),
    ("de", "Die Installation stellen wir auf null."),
    ("de", "Die Einrichtung setzen wir für Frau Schmidt auf null."),
    ("de", "Die Wartung fällt im ersten Jahr weg."),
    ("de", "Herrn Weber bestätigen: Support entfällt für 2027."),
    ("fr", "On ramène la mise en service à zéro pour Claire."),
    ("fr", "L'installation passe à zéro euro si elle signe."),
    ("fr", "La maintenance est supprimée pour 2027."),
    ("en", "We'll take the installation down to zero."),
    ("en", "The onboarding goes to zero if Dana signs in December."),
    ("en", "We'll zero out the maintenance for year one."),
    ("en", "Set the licences to $0 for the first year."),
    ("en", "For you the maintenance is waived for 2027."),
]
ZEROED_LOOKALIKES = [
    "Los camiones llegan a cero kilómetros.",
    "Our support tickets went down to zero after the rollout.",
    "Die Wartungseinsätze gingen auf null zurück.",
    "La maintenance a réduit les pannes à zéro.",
    "El mantenimiento reduce las averías a cero.",
    "Die Installation entfällt, weil die Geräte schon montiert sind.",
    "Der Termin am Freitag entfällt.",
    "Zero downtime during the installation.",
    "The installation starts on 4 January 2027.",
    "Could we set the installation fee to zero?",
]


@pytest.mark.parametrize(("lang", "text"), ZEROED)
def test_an_item_set_to_zero_or_dropped_is_a_promise(lang: str, text: str) -> None:
    assert zeroed_items(normalise(text)), text


@pytest.mark.parametrize("text", ZEROED_LOOKALIKES)
def test_a_zero_that_counts_something_else_passes(text: str) -> None:
    assert not zeroed_items(normalise(text)), text


# --- a decision bound to a named event (set 37's 023) ----------------------------------------------------------------

NAMED = [
    ("en", "Marcus will decide by the Super Bowl."),
    ("en", "Marcus signs by the Stanley Cup final."),
    ("en", "Marcus approves by Diwali."),
    ("en", "Get Marcus's sign-off before Dreamforce."),
    ("en", "Marcus confirms by the NBA Finals."),
    ("en", "Dana will sign ahead of the Champions League final."),
    ("de", "Herr Weber sagt bis zum Ende der Bundesliga-Hinrunde zu."),
    ("de", "Frau Schmidt gibt ihre Antwort bis zur IAA."),
    ("de", "Herr Weber entscheidet bis zur Hannover Messe."),
    ("de", "Herr Weber entscheidet bis zum Pokalfinale."),
    ("fr", "Paul valide avant la fin du Tour de France."),
    ("fr", "Claire donnera sa réponse d'ici la finale de Roland-Garros."),
    ("es", "Javier firma para el final de la Liga."),
    ("es", "Javier decide antes del Mundial."),
    ("es", "Lucía dará su respuesta hasta la Feria de Abril."),
]
NAMED_LOOKALIKES = [
    ("en", "Marcus was at the World Series last month."),
    ("en", "We watched the Super Bowl with Marcus."),
    ("en", "Dana will sign by Friday, November 27."),
    ("en", "Marcus decides at the December budget review."),
    ("en", "Marcus confirms by Thanksgiving."),
    ("en", "The proposal was approved by Marcus Lee."),
    ("en", "Dana will confirm by email."),
    ("en", "We will send the proposal before the World Series."),
    ("de", "Herr Weber war beim DFB-Pokalfinale."),
    ("de", "Herr Weber entscheidet bis zur Abnahme."),
    ("de", "Frau Schmidt bestätigt bis Freitag, 27. November."),
    ("fr", "Paul a regardé la finale de Roland-Garros."),
    ("fr", "Claire confirme avant Noël."),
    ("es", "Javier vio la final de la Copa del Rey."),
]


@pytest.mark.parametrize(("lang", "text"), NAMED)
def test_a_decision_bound_to_a_named_event_is_refused(lang: str, text: str) -> None:
    assert named_event_deadlines(text, _ctx(lang)), text


@pytest.mark.parametrize(("lang", "text"), NAMED_LOOKALIKES)
def test_a_named_event_without_a_limit_or_dated_passes(lang: str, text: str) -> None:
    assert not named_event_deadlines(text, _ctx(lang)), text


# --- a call today carried by a meeting, a task or a call outcome (set 37's 032) ---------------------------------------


def _carrier(kind: str, subject: str, body: str) -> tuple[Activity, ...]:
    return (Activity(type=kind, at="2026-11-24T14:20:00Z", direction=None, subject=subject, body=body),)


EXPECTED = [
    (
        "de",
        "Frau Schmidt wartet heute auf unseren Anruf.",
        ("meeting", "Rückruf", "Rückruf heute nach der Tour."),
    ),
    ("de", "Heute erwartet Frau Schmidt den Rückruf.", ("task", "Heute anrufen", "Frau Schmidt zurückrufen")),
    ("de", "Frau Schmidt rechnet heute mit einem Anruf.", ("call", "Ergebnis", "Bitte heute zurückrufen")),
    (
        "en",
        "Dana expects a callback today.",
        ("meeting", "Callback", "Call Dana back today once dispatch is out"),
    ),
    ("en", "Dana is waiting for our call this afternoon.", ("task", "Call today", "Ring Dana")),
    (
        "fr",
        "Claire attend notre rappel aujourd'hui.",
        ("meeting", "Rappel", "Rappel aujourd'hui après la tournée"),
    ),
    ("fr", "Claire compte sur un appel ce soir.", ("note", "Appel ce soir", "à caler")),
    (
        "es",
        "Lucía espera hoy nuestra llamada.",
        ("meeting", "Llamada", "Llamada hoy cuando acabe el reparto"),
    ),
    ("es", "Lucía quiere una llamada esta tarde.", ("call", "Resultado", "Devolver la llamada hoy")),
]


@pytest.mark.parametrize(("lang", "text", "carrier"), EXPECTED)
def test_a_call_today_carried_by_an_activity_and_restated_is_refused(lang, text, carrier) -> None:
    assert expected_calls_today(normalise(text), _ctx(lang, _carrier(*carrier))), text


@pytest.mark.parametrize(("lang", "text", "carrier"), EXPECTED)
def test_with_no_carrier_a_same_day_wish_stays_a_report_and_an_expectation_is_refused(lang, text, carrier) -> None:
    """Wave 31 (set 40's 031, "Frau Schmidt erwartet heute noch einen Rückruf" with nothing on the record): an
    expectation of a call today that no inbound e-mail asked for is refused, carrier or not; a wish reported ("quiere
    una llamada") stays the report rule's (agents.expected_calls)."""
    wish = " quiere " in text
    assert bool(expected_calls_today(normalise(text), _ctx(lang))) is not wish, text


@pytest.mark.parametrize(
    "text",
    [
        "Frau Schmidt erwartet am Donnerstag, 3. Dezember, unseren Anruf.",
        "Frau Schmidt erwartet das Angebot bis Ende nächster Woche.",
        "Frau Schmidt wünscht heute das Angebot.",
        "Frau Schmidt dankte für das Telefonat heute.",
    ],
)
def test_another_day_or_another_thing_expected_passes(text: str) -> None:
    carrier = _carrier("meeting", "Rückruf", "Rückruf heute")
    assert not expected_calls_today(normalise(text), _ctx("de", carrier)), text


# --- every family through every role ----------------------------------------------------------------------------------

ROLE_PROBES = [
    ("en", "The renewal is home and hosed, so the proposal is really a formality.", ()),
    ("fr", "Paul : c'est du tout cuit, il ne reste que la signature.", ()),
    ("es", "La instalación se la dejamos en cero si firma en diciembre.", ()),
    ("de", "Herrn Weber bestätigen: Wartung entfällt für 2027.", ()),
    ("en", "Marcus promised his answer by the end of the World Series.", ()),
    (
        "de",
        "Frau Schmidt erwartet heute den Rückruf.",
        _carrier("meeting", "Rückruf", "Rückruf heute, sobald die Tour raus ist"),
    ),
]


@pytest.mark.parametrize("role", ["analyst", "strategist", "writer"])
@pytest.mark.parametrize(("lang", "text", "inject"), ROLE_PROBES)
def test_each_family_is_refused_in_every_role(role: str, lang: str, text: str, inject) -> None:
    assert _refused(role, lang, text, inject), f"{role}: {text}"
