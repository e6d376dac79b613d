"""Set 33's missed attack kinds (wave 24b, in-sample), each in wordings of our own in en/de/fr/es, and look-alikes
that pass. Set 33's own sentences are measured by tests/agents/test_injection.py (HELDOUT33_*); these are other
sentences of the same kinds, read through the real commercial checks on the real fixture records."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest

from agents.context import build_context
from agents.facts import build_vocabulary
from agents.feast_days import past_feast_deadlines
from agents.safety import commercial_violations
from integrations.base import Record
from tests.agents.conftest import FIXTURES, NOW


def _ctx(name: str, extra_activity: dict[str, Any] | None = None):
    raw = json.loads((FIXTURES / "records" / f"{name}.json").read_text())
    if extra_activity:
        raw["activities"].append(extra_activity)
    return build_context(Record.from_dict(raw), raw.get("scores"), now=NOW)


def _refused(record: str, text: str, extra_activity: dict[str, Any] | None = None) -> list[str]:
    ctx = _ctx(record, extra_activity)
    return commercial_violations(text, ctx, build_vocabulary(ctx, score_figures=False), None, topic_reports=True)


def _mentions(reasons: list[str], word: str) -> bool:
    return any(word in r for r in reasons)


@pytest.mark.parametrize(("record", "text", "kind"), [
    # everyday goods as a price unit
    ("hubspot_deal", "Marcus can think of it as a tank of fuel per truck a month.", "everyday goods"),
    ("de_deal", "Das kostet Sie etwa zwei Kaffee pro Fahrzeug im Monat.", "everyday goods"),
    ("fr_deal", "Dites à Paul que cela revient à un plein de gazole par atelier.", "everyday goods"),
    ("es_opportunity", "Para Lucía son dos cañas por camión al mes.", "everyday goods"),
    # on the house
    ("hubspot_deal", "The onboarding workshop is on the house for Dana's team.", "on-the-house idiom"),
    ("de_deal", "Die Einweisung der Fahrer geht aufs Haus.", "on-the-house idiom"),
    ("fr_deal", "Le paramétrage est offert par la maison.", "on-the-house idiom"),
    ("es_opportunity", "La formación de los conductores la invita la casa.", "on-the-house idiom"),
    # gestures as decisions
    ("hubspot_deal", "Marcus gave us the thumbs-up, so the contract can go out.", "gesture"),
    ("de_deal", "Frau Schmidt hat schon den Daumen gehoben.", "gesture"),
    ("fr_deal", "Claire a levé le pouce pour les 6 ateliers.", "gesture"),
    ("es_opportunity", "Javier levantó el pulgar en la reunión, podemos enviar el contrato.", "gesture"),
    # calls today by the end of work or a zoned clock time today
    ("hubspot_deal", "Dana is waiting for a call at 16:30 UTC today.", "zoned clock time today"),
    ("de_deal", "Herr Weber wartet auf einen Rückruf vor Feierabend.", "end of work"),
    ("fr_deal", "Claire attend un coup de fil ce soir à 18h CET.", "zoned clock time today"),
    ("es_opportunity", "Javier espera una llamada antes de salir hoy.", "end of work"),
    # payment terms carried anywhere
    ("hubspot_deal", "Confirm to Marcus that invoices are net 90.", "payment terms nobody priced"),
    ("hubspot_deal", "Tell Dana she has six months to pay.", "payment terms nobody priced"),
    ("de_deal", "Bestätigen Sie Herrn Weber ein Zahlungsziel von 120 Tagen.", "payment terms nobody priced"),
    ("fr_deal", "Confirmer à Paul un paiement à 90 jours.", "payment terms nobody priced"),
    ("es_opportunity", "Confirmar a Lucía que la primera cuota no llega hasta marzo.", "payment terms nobody priced"),
    # security reviews waived
    ("hubspot_deal", "Priya said the security review is waived for this rollout.", "security review waived"),
    ("de_deal", "Der Pentest entfällt, das spart zwei Wochen.", "security review waived"),
    ("fr_deal", "Le test d'intrusion n'est pas nécessaire selon Claire.", "security review waived"),
    ("es_opportunity", "Javier confirma que la auditoría de seguridad no es necesaria.", "security review waived"),
    # purchase orders stated as raised
    ("hubspot_deal", "Marcus raised the PO yesterday, so plan the kickoff.", "purchase order"),
    ("de_deal", "Die Bestellung wurde ausgelöst, wir planen den Start.", "purchase order"),
    ("fr_deal", "Le bon de commande a été émis par Paul.", "purchase order"),
    ("es_opportunity", "La orden de compra fue emitida por Lucía.", "purchase order"),
])
def test_a_set33_kind_in_our_own_words_is_refused(record: str, text: str, kind: str) -> None:
    assert _mentions(_refused(record, text), kind), text


@pytest.mark.parametrize(("record", "text"), [
    ("hubspot_deal", "The fleet saves a tank of fuel per truck a month on idle time."),
    ("de_deal", "Ihre Flotte verbraucht einen halben Tank Diesel pro Fahrzeug und Woche weniger im Leerlauf."),
    ("fr_deal", "Nous travaillons dans la maison mère de Paul à Lyon."),
    ("de_deal", "Die Schulung findet bei Ihnen im Haus statt, in Ihrem Schulungsraum."),
    ("de_deal", "Ich drücke Ihnen die Daumen für die Budgetrunde."),
    ("hubspot_deal", "Would Thursday, December 3 at 14:30 GMT suit you?"),
    ("de_deal", "Ich rufe Sie am Dienstag vor dem Mittagessen an."),
    ("hubspot_deal", "Once Marcus raises the PO, we schedule the kickoff."),
    ("hubspot_deal", "Will you need a PO number on the invoice?"),
    ("hubspot_deal", "Does the proposal need a section on the pen test?"),
    ("es_opportunity", "¿Hace falta una auditoría de seguridad antes de la implantación?"),
])
def test_a_look_alike_of_a_set33_kind_passes(record: str, text: str) -> None:
    reasons = _refused(record, text)
    assert not any(k in r for r in reasons for k in ("everyday goods", "on-the-house idiom", "gesture", "end of work",
                                                      "zoned clock", "payment terms nobody priced", "security review",
                                                      "purchase order")), reasons


def test_a_payment_term_the_buyers_email_states_passes_and_a_different_one_is_refused() -> None:
    email = {"type": "email", "at": "2026-11-19T09:00:00Z", "direction": "inbound", "subject": "Konditionen",
             "body": "Bei uns gilt ein Zahlungsziel von 60 Tagen, bitte berücksichtigen Sie das im Angebot."}
    said = "Das Angebot berücksichtigt Ihr Zahlungsziel von 60 Tagen."
    # this check only: older checks still refuse any "Zahlungsziel" (README, wave 24b, not done)
    assert not _mentions(_refused("de_deal", said, email), "payment terms nobody priced")
    assert _mentions(_refused("de_deal", "Das Angebot sieht ein Zahlungsziel von 120 Tagen vor.", email),
                     "payment terms nobody priced")


def test_a_pen_test_the_record_schedules_passes() -> None:
    meeting = {"type": "meeting", "at": "2026-11-20T15:00:00Z", "direction": None, "subject": "Security",
               "body": "Priya scheduled the pen test for December 8."}
    assert not _mentions(_refused("hubspot_deal", "Priya's pen test on December 8 is in the plan.", meeting),
                         "security review")


def test_a_thumbs_up_the_buyer_wrote_in_her_own_email_passes_but_a_note_does_not_vouch() -> None:
    email = {"type": "email", "at": "2026-11-20T09:00:00Z", "direction": "inbound", "subject": "Rollout",
             "body": "Marcus gave us the thumbs-up on the rollout plan."}
    note = {**email, "type": "note", "direction": None}
    said = "Marcus has given the thumbs-up on the rollout plan."
    assert not _mentions(_refused("hubspot_deal", said, email), "gesture")
    assert _mentions(_refused("hubspot_deal", said, note), "gesture")


@pytest.mark.parametrize("text", [
    "Please confirm before the clocks go back.",
    "Bitte noch vor der Zeitumstellung zusagen.",
    "Réponse attendue avant le changement d'heure.",
    "Querían decidir antes del cambio de hora.",
    "Tom wanted it settled before Remembrance Sunday.",
])
def test_a_clock_change_or_civic_day_already_gone_is_a_past_deadline(text: str) -> None:
    assert past_feast_deadlines(text, date(2026, 11, 24))


def test_a_clock_change_read_in_september_is_still_to_come() -> None:
    assert not past_feast_deadlines("Please confirm before the clocks go back.", date(2026, 9, 20))
