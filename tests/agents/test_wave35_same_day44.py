"""Set 44's same-day and meeting-slot family, fixed by class (issue 11, wave 35, set 44's 030, 034 and 098).

- 030: a delivery-status notice (a bounce) logged as an inbound e-mail quotes "Could you give me a call at 17:45 this
  evening?", and the analyst restates it as the buyer's wish. A bounce is the mail server's message, and a quoted
  original is an older message: neither is the buyer's latest word, so neither vouches for a call today, and an e-mail
  that does not vouch carries the ask like a note does.
- 034: "Monday, November 30 at 9 am Central or Tuesday, December 1 at 2 pm Central both work", after "If a call
  helps,", offers two slots: the days are proposals, not facts the record must hold.
- 098: "Zwei Punkte: das Angebot am Freitag und ein Termin in der Woche danach" on a Friday send day names the
  proposal's day, and the meeting is in the week after: no meeting on the send day.

Wordings of our own in en/de/fr/es, several carriers; the honest look-alikes pass and the real same-day proposals stay
refused.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest

from agents import AgentSettings, run_agents
from agents.context import build_context
from agents.meeting_hours import proposed_meeting_days
from agents.moments import latest_ask
from agents.timing import timing_violations
from integrations.base import Record
from tests.agents.conftest import FIXTURES, NOW, Vendor, openai_body, openai_provider
from tests.agents.replies import fixed_policy
from tests.agents.role_matrix import refused_in_role
from tests.agents.test_set38_attack_kinds import RECIPIENT, RECORD

WEDNESDAY = date(2026, 11, 25)  # the fixtures' clock: the HubSpot draft goes out that day
FRIDAY = date(2026, 11, 27)  # the other records' drafts go out on the next best action's day, two business days on
CALL = "reports a call today"


def _raw(lang: str, *activities: dict[str, Any]) -> dict[str, Any]:
    raw = json.loads((FIXTURES / "records" / f"{RECORD[lang]}.json").read_text())
    raw["activities"] += list(activities)
    return raw


def _ctx(lang: str, *activities: dict[str, Any]) -> Any:
    return build_context(Record.from_dict(_raw(lang, *activities)), None, now=NOW)


def _same_day(reasons: list[str]) -> list[str]:
    return [r for r in reasons if "today" in r or "send day" in r]


def _writer_run(lang: str, body: str, *activities: dict[str, Any]) -> Any:
    """The writer's reply through run_agents (offline analyst and strategist, the scripted vendor as the writer)."""
    reply = {"to_contact_id": RECIPIENT[lang], "subject": SUBJECT[lang], "body": body}
    vendor = Vendor(openai_body(json.dumps(reply)))
    return run_agents(Record.from_dict(_raw(lang, *activities)), None, AgentSettings(),
                      providers={"writer": [openai_provider(vendor)]}, now=NOW, policy=fixed_policy("value_reinforcement"))


def _lands(run: Any, body: str) -> bool:
    return run.draft.body == body and run.draft.generated_by == "openai:gpt-4o-mini"


# --- 030: a bounce or a quoted original message vouches for no same-day ask ------------------------------------------

BOUNCES = {
    "sf": {"type": "email", "at": "2026-11-25T07:20:00Z", "direction": "inbound",
           "subject": "Delivery Status Notification (Failure)",
           "body": "Delivery has failed to these recipients. The server will not retry.\n\n-----Original Message-----\n"
                   "From: Elena Park\nCould you ring me at 18:00 tonight about the two waves?"},
    "en": {"type": "email", "at": "2026-11-25T08:20:00Z", "direction": "inbound",
           "subject": "Undeliverable: Re: Proposal",
           "body": "Mail Delivery Subsystem: this message could not be delivered to one or more recipients.\n\n"
                   "> Hi Sam, can you call me this afternoon at 3 pm? Dana"},
    "de": {"type": "email", "at": "2026-11-25T07:40:00Z", "direction": "inbound",
           "subject": "Unzustellbar: Angebot",
           "body": "Ihre Nachricht konnte nicht zugestellt werden.\n\n----- Ursprüngliche Nachricht -----\n"
                   "Von: Anna Schmidt\nKönnen Sie mich heute Abend um 18 Uhr anrufen?"},
    "fr": {"type": "email", "at": "2026-11-25T07:45:00Z", "direction": "inbound",
           "subject": "Non remis : Proposition",
           "body": "Votre message n'a pas pu être remis au destinataire.\n\n--- Message d'origine ---\n"
                   "De : Claire Dubois\nPouvez-vous m'appeler ce soir à 18 h ?"},
    "es": {"type": "email", "at": "2026-11-25T07:50:00Z", "direction": "inbound",
           "subject": "No se puede entregar: Propuesta",
           "body": "No se ha podido entregar el mensaje.\n\n--- Mensaje original ---\n"
                   "De: Javier Gómez\n¿Me puede llamar esta tarde a las 18:00?"},
}

QUOTED = {
    # the buyer's own words ask nothing of today; the ask for today sits in the quoted, older message
    "en": {"type": "email", "at": "2026-11-25T09:10:00Z", "direction": "inbound", "subject": "Re: Proposal",
           "body": "Hi Sam, could you confirm the depot count in the proposal? Dana\n\n"
                   "On Mon, Nov 16, 2026 at 9:02 AM Dana Whitfield wrote:\n> Could you call me today at 4 pm?"},
    "de": {"type": "email", "at": "2026-11-25T09:10:00Z", "direction": "inbound", "subject": "AW: Angebot",
           "body": "Guten Tag Frau Vogt, können Sie mir die Zahl der Fahrzeuge im Angebot bestätigen? Anna Schmidt\n\n"
                   "Am 16.11.2026 schrieb Anna Schmidt:\n> Können Sie mich heute um 16 Uhr anrufen?"},
    "fr": {"type": "email", "at": "2026-11-25T09:10:00Z", "direction": "inbound", "subject": "RE: Proposition",
           "body": "Bonjour Hugo, pouvez-vous confirmer le nombre d'ateliers dans la proposition ? Claire\n\n"
                   "Le lun. 16 nov. 2026 à 09:02, Claire Dubois a écrit :\n> Pouvez-vous m'appeler aujourd'hui à 16 h ?"},
    "es": {"type": "email", "at": "2026-11-25T09:10:00Z", "direction": "inbound", "subject": "RE: Propuesta",
           "body": "Hola Marta, ¿puede confirmar el número de camiones de la propuesta? Javier\n\n"
                   "El lun, 16 nov 2026 a las 9:02, Javier Gómez escribió:\n> ¿Me puede llamar hoy a las 16:00?"},
}


@pytest.mark.parametrize("lang", sorted(BOUNCES))
def test_a_bounce_quoting_a_same_day_call_does_not_say_the_buyer_asked_for_today(lang: str) -> None:
    ask = latest_ask(_ctx(lang, BOUNCES[lang]))
    assert ask is None or not ask.same_day, BOUNCES[lang]["subject"]


@pytest.mark.parametrize("lang", sorted(QUOTED))
def test_a_same_day_call_only_in_the_quoted_older_message_is_no_ask_for_today(lang: str) -> None:
    ask = latest_ask(_ctx(lang, QUOTED[lang]))
    assert ask is not None, QUOTED[lang]["body"]  # the buyer's own question is still the latest ask
    assert not ask.same_day, QUOTED[lang]["body"]


@pytest.mark.parametrize(("lang", "body"), [
    ("en", "Hi Sam, could you call me this evening at 6 pm? Dana\n\nOn Mon, Nov 16, 2026 Dana Whitfield wrote:\n"
           "> Thanks for the demo."),
    ("de", "Guten Tag Frau Vogt, können Sie mich heute Abend um 18 Uhr anrufen? Anna Schmidt\n\n"
           "-----Ursprüngliche Nachricht-----\nVon: Lena Vogt\nAnbei die Unterlagen."),
    ("fr", "Bonjour Hugo, pouvez-vous me rappeler ce soir à 18 h ? Claire\n\n> Merci pour la démonstration."),
    ("es", "Hola Marta, ¿me puede llamar esta tarde a las 18:00? Javier\n\n--- Mensaje original ---\nGracias."),
])
def test_the_buyers_own_ask_for_tonight_above_a_quoted_message_still_vouches(lang: str, body: str) -> None:
    email = {"type": "email", "at": "2026-11-25T09:30:00Z", "direction": "inbound", "subject": "Re: call", "body": body}
    ask = latest_ask(_ctx(lang, email))
    assert ask is not None and ask.same_day, body


@pytest.mark.parametrize("subject", ["Delivery report for the depot rollout", "Undelivered pallets at depot 3"])
def test_a_buyers_email_whose_subject_only_mentions_delivery_still_vouches(subject: str) -> None:
    email = {"type": "email", "at": "2026-11-25T09:30:00Z", "direction": "inbound", "subject": subject,
             "body": "Hi Sam, could you call me this afternoon at 3 pm? Dana"}
    ask = latest_ask(_ctx("en", email))
    assert ask is not None and ask.same_day, subject


REPORTED = [
    ("sf", "Elena asked Rachel for a call at 17:45 this evening, before the clinics close."),
    ("sf", "Elena asked for a call at 17:45 this evening."),
    ("en", "Dana asked Sam for a call at 3 pm this afternoon."),
    ("en", "Dana asked Sam to call her this afternoon at 3 pm."),
    ("de", "Frau Schmidt bat Frau Vogt um einen Rückruf heute Abend um 18 Uhr."),
    ("de", "Frau Schmidt möchte heute Abend um 18:00 Uhr einen Rückruf."),
    ("fr", "Claire a demandé à Hugo un appel ce soir à 18 h."),
    ("fr", "Claire souhaite un appel ce soir à 18 h, avant la fermeture des ateliers."),
    ("es", "Javier pidió a Marta una llamada esta tarde a las 18:00."),
    ("es", "Javier quiere una llamada esta tarde a las 18:00."),
]


@pytest.mark.parametrize(("lang", "text"), REPORTED)
def test_an_analyst_restating_a_bounces_same_day_call_as_the_buyers_wish_is_refused(lang: str, text: str) -> None:
    reasons = refused_in_role("analyst", _ctx(lang, BOUNCES[lang]), text, RECIPIENT[lang])
    assert any(CALL in r for r in reasons), (text, reasons)


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Dana asked Sam for a call at 3 pm this afternoon."),
    ("de", "Frau Schmidt bat Frau Vogt um einen Rückruf heute um 16 Uhr."),
    ("fr", "Claire a demandé à Hugo un appel aujourd'hui à 16 h."),
    ("es", "Javier pidió a Marta una llamada hoy a las 16:00."),
])
def test_an_analyst_restating_a_same_day_call_from_a_quoted_older_message_is_refused(lang: str, text: str) -> None:
    reasons = refused_in_role("analyst", _ctx(lang, QUOTED[lang]), text, RECIPIENT[lang])
    assert any(CALL in r for r in reasons), (text, reasons)


@pytest.mark.parametrize(("lang", "text"), [
    ("sf", "Elena asked Rachel for a call on Tuesday, 1 December at 11:00."),
    ("sf", "A delivery notice for Rachel's message came back this morning; Elena's ask is the two waves."),
    ("en", "Dana asked Sam for a call next week, after the budget review."),
    ("de", "Frau Schmidt bat Frau Vogt um einen Rückruf am Mittwoch, 2. Dezember, um 10 Uhr."),
    ("fr", "Claire a demandé à Hugo un appel le jeudi 3 décembre à 10 h."),
    ("es", "Javier pidió a Marta una llamada el miércoles 2 de diciembre a las 11:00."),
    ("en", "Dana doesn't want a call this afternoon; the proposal comes first."),
    ("es", "Javier no quiere una llamada esta tarde; primero la propuesta."),
])
def test_an_analyst_reporting_a_call_on_another_day_or_none_beside_a_bounce_passes(lang: str, text: str) -> None:
    reasons = refused_in_role("analyst", _ctx(lang, BOUNCES[lang]), text, RECIPIENT[lang])
    assert not any(CALL in r for r in reasons), (text, reasons)


@pytest.mark.parametrize(("lang", "body", "text"), [
    ("sf", "Hi Rachel, could you give me a call at 17:45 this evening? Elena",
     "Elena asked Rachel for a call at 17:45 this evening, before the clinics close."),
    ("de", "Guten Tag Frau Vogt, können Sie mich heute Abend um 18 Uhr anrufen? Anna Schmidt",
     "Frau Schmidt bat Frau Vogt um einen Rückruf heute Abend um 18 Uhr."),
    ("fr", "Bonjour Hugo, pouvez-vous m'appeler ce soir à 18 h ? Claire",
     "Claire a demandé à Hugo un appel ce soir à 18 h."),
    ("es", "Hola Marta, ¿me puede llamar esta tarde a las 18:00? Javier",
     "Javier pidió a Marta una llamada esta tarde a las 18:00."),
])
def test_the_same_report_passes_when_the_buyers_own_latest_email_asked_for_the_evening_call(lang, body, text) -> None:
    email = {"type": "email", "at": "2026-11-25T09:30:00Z", "direction": "inbound", "subject": "Call", "body": body}
    reasons = refused_in_role("analyst", _ctx(lang, email), text, RECIPIENT[lang])
    assert not any(CALL in r for r in reasons), (text, reasons)


@pytest.mark.parametrize(("lang", "sentence"), [
    ("sf", "As you asked, I will ring you at 18:00 tonight about the two waves."),
    ("de", "Wie gewünscht rufe ich Sie heute Abend um 18 Uhr an."),
    ("fr", "Comme demandé, je vous rappelle ce soir à 18 h."),
    ("es", "Como me pidió, le llamo esta tarde a las 18:00."),
])
def test_a_writer_answering_a_bounces_same_day_ask_is_refused_through_the_run(lang: str, sentence: str) -> None:
    body = BODY[lang].format(x=sentence)
    run = _writer_run(lang, body, BOUNCES[lang])
    assert not _lands(run, body), [f.reason for f in run.fallbacks]
    assert any("today" in f.reason or "send day" in f.reason for f in run.fallbacks), [f.reason for f in run.fallbacks]


# --- 034: two future slots said to work, whatever the date's order or language ---------------------------------------

SLOTS = [
    ("en", "If a call helps, Monday, November 30 at 9 am Central or Tuesday, December 1 at 2 pm Central both work."),
    ("en", "If a call helps, Monday 30 November at 9 am Central or Tuesday 1 December at 2 pm Central both work."),
    ("en", "Monday, November 30 at 9 am or Tuesday, December 1 at 2 pm, either works for me."),
    ("de", "Falls ein Gespräch hilft, passen mir Montag, 30. November, um 9 Uhr oder Dienstag, 1. Dezember, um 14 Uhr "
           "beide."),
    ("de", "Montag, 30. November, um 9 Uhr und Dienstag, 1. Dezember, um 14 Uhr passen beide."),
    ("fr", "Si un appel vous aide, le lundi 30 novembre à 9 h ou le mardi 1er décembre à 14 h me conviennent tous les "
           "deux."),
    ("fr", "Le lundi 30 novembre à 9 h et le mardi 1er décembre à 14 h me vont tous les deux."),
    ("es", "Si le ayuda una llamada, el lunes 30 de noviembre a las 9:00 o el martes 1 de diciembre a las 14:00 me van "
           "bien los dos."),
    ("es", "El lunes 30 de noviembre a las 9:00 y el martes 1 de diciembre a las 14:00 me vienen bien ambos."),
]


@pytest.mark.parametrize(("lang", "text"), SLOTS)
def test_two_slots_said_to_both_work_are_proposals_in_every_order_and_language(lang: str, text: str) -> None:
    days = proposed_meeting_days(text, WEDNESDAY, day_first=lang != "en")
    assert {date(2026, 11, 30), date(2026, 12, 1)} <= days, (text, days)


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "If you sign by Tuesday, December 1, Monday, November 30 at 9 am or Tuesday, December 1 at 2 pm both work."),
    ("de", "Wenn Sie bis Dienstag, 1. Dezember, unterschreiben, passen Montag, 30. November, um 9 Uhr oder Dienstag, "
           "1. Dezember, um 14 Uhr beide."),
    ("fr", "Si vous signez avant le mardi 1er décembre, le lundi 30 novembre à 9 h ou le mardi 1er décembre à 14 h me "
           "conviennent tous les deux."),
    ("es", "Si firma antes del martes 1 de diciembre, el lunes 30 de noviembre a las 9:00 o el martes 1 de diciembre a "
           "las 14:00 me van bien los dos."),
    ("en", "Both work: the price holds until Tuesday, December 1."),
])
def test_two_slots_behind_a_term_or_a_date_with_no_slot_stay_unproposed(lang: str, text: str) -> None:
    assert date(2026, 12, 1) not in proposed_meeting_days(text, WEDNESDAY, day_first=lang != "en"), text


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "If a call helps, today at 4 pm Central or Thursday, December 3 at 10 am Central both work."),
    ("de", "Falls ein Gespräch hilft, passen mir heute um 16 Uhr oder Donnerstag, 3. Dezember, um 10 Uhr beide."),
    ("fr", "Si un appel vous aide, aujourd'hui à 16 h ou le jeudi 3 décembre à 10 h me conviennent tous les deux."),
    ("es", "Si le ayuda una llamada, hoy a las 16:00 o el jueves 3 de diciembre a las 10:00 me van bien los dos."),
])
def test_a_same_day_slot_offered_as_one_of_two_that_both_work_stays_refused(lang: str, text: str) -> None:
    assert _same_day(timing_violations(text, WEDNESDAY)), text


def test_the_two_slot_draft_of_set_44_lands_through_the_run() -> None:
    body = BODY["en"].format(x="If a call helps, Monday, November 30 at 9 am Central or Tuesday, December 1 at 2 pm "
                               "Central both work.")
    run = _writer_run("en", body)
    assert _lands(run, body), [f.reason for f in run.fallbacks]


@pytest.mark.parametrize(("lang", "sentence"), [
    ("de", "Falls ein Gespräch hilft, passen mir Montag, 30. November, um 9 Uhr oder Dienstag, 1. Dezember, um 14 Uhr "
           "beide."),
    ("fr", "Si un appel vous aide, le lundi 30 novembre à 9 h ou le mardi 1er décembre à 14 h me conviennent tous les "
           "deux."),
    ("es", "Si le ayuda una llamada, el lunes 30 de noviembre a las 9:00 o el martes 1 de diciembre a las 14:00 me van "
           "bien los dos."),
    ("sf", "If a call helps, Monday 30 November at 9:00 or Tuesday 1 December at 14:00 both work."),
])
def test_two_slots_that_both_work_land_through_the_run_in_each_language(lang: str, sentence: str) -> None:
    body = BODY[lang].format(x=sentence)
    run = _writer_run(lang, body)
    assert _lands(run, body), [f.reason for f in run.fallbacks]


# --- 098: the proposal's day named beside a meeting in the week after --------------------------------------------------

TWO_POINTS = [
    ("de", "Zwei Punkte: das Angebot am Freitag und ein Termin in der Woche danach."),
    ("de", "Zwei Punkte: das Angebot am Freitag, dann ein Termin nächste Woche."),
    ("sf", "Two things: the proposal on Friday and a call the week after."),
    ("sf", "Two steps: the revised proposal on Friday, then a call next week."),
    ("fr", "Deux points : la proposition vendredi et un rendez-vous la semaine suivante."),
    ("es", "Dos puntos: la propuesta el viernes y una reunión la semana siguiente."),
]


@pytest.mark.parametrize(("lang", "text"), TWO_POINTS)
def test_the_proposals_day_beside_a_meeting_in_the_week_after_is_no_send_day_meeting(lang: str, text: str) -> None:
    assert _same_day(timing_violations(text, FRIDAY)) == [], text


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Zwei Punkte: das Angebot und ein Termin am Freitag."),
    ("de", "Zwei Punkte: das Angebot am Freitag und ein Termin am selben Tag."),
    ("de", "Zwei Punkte: das Angebot am Freitag und ein Termin am Freitag um 15 Uhr, nicht nächste Woche."),
    ("sf", "Two things: the proposal, and a call on Friday."),
    ("sf", "Two things: the proposal on Friday and a call on Friday at 3 pm."),
    ("sf", "Let's go through the proposal on Friday at 3 pm and meet again next week."),
    ("fr", "Deux points : la proposition et un rendez-vous vendredi."),
    ("es", "Dos puntos: la propuesta y una reunión el viernes."),
])
def test_a_meeting_on_the_send_days_weekday_stays_refused(lang: str, text: str) -> None:
    assert _same_day(timing_violations(text, FRIDAY)), text


@pytest.mark.parametrize(("lang", "sentence"), [
    ("de", "Zwei Punkte: das Angebot am Freitag und ein Termin in der Woche danach."),
    # the French and Spanish drafts go out on Thursday 26 November (the next best action's day)
    ("fr", "Deux points : la proposition jeudi et un rendez-vous la semaine suivante."),
    ("es", "Dos puntos: la propuesta el jueves y una reunión la semana siguiente."),
    ("sf", "Two things: the proposal on Friday and a call the week after."),
])
def test_the_two_points_draft_lands_through_the_run_on_its_send_days_weekday(lang: str, sentence: str) -> None:
    body = BODY[lang].format(x=sentence)
    run = _writer_run(lang, body)
    assert _lands(run, body), [f.reason for f in run.fallbacks]


@pytest.mark.parametrize(("lang", "sentence"), [
    ("de", "Zwei Punkte: das Angebot und ein Termin am Freitag um 15 Uhr."),
    ("fr", "Deux points : la proposition et un rendez-vous jeudi à 15 h."),
    ("es", "Dos puntos: la propuesta y una reunión el jueves a las 15:00."),
    ("sf", "Two things: the proposal, and a call on Friday at 15:00."),
])
def test_a_draft_that_really_meets_on_its_send_days_weekday_is_refused_through_the_run(lang: str, sentence: str) -> None:
    body = BODY[lang].format(x=sentence)
    run = _writer_run(lang, body)
    assert not _lands(run, body)
    assert any("send day" in f.reason or "today" in f.reason for f in run.fallbacks), [f.reason for f in run.fallbacks]


SUBJECT = {
    "en": "Proposal for your 420 trucks",
    "sf": "Two waves for the 9 clinics",
    "de": "Angebot für Ihre 120 Fahrzeuge",
    "fr": "Proposition pour vos 6 ateliers",
    "es": "Propuesta y calendario de implantación",
}
BODY = {
    "en": "Hi Dana,\n\nThank you for letting us know on November 18 that Priya's security review is closed. The proposal "
          "is built on the 420 trucks across your 6 depots and on the payback estimate we sent Marcus on October 22. "
          "{x} You will have it by Friday, November 27, in time for the December budget review.\n\nCould we go through "
          "it together on Thursday, December 3 at 10 am Central, for 30 minutes?\n\nKind regards,\nSam Okafor",
    "sf": "Hi Elena,\n\nOn our call of 16 November Tom asked whether the 9 clinics could go live in two waves, and they "
          "can. The revised proposal shows which clinics fall in each wave and keeps the reminder texts from the demo. "
          "{x} Tom and you will have it by Friday, 27 November, ahead of the partners' decision in December.\n\nWould "
          "Wednesday, 2 December at 11:00 suit you for half an hour?\n\nKind regards,\nRachel Kim",
    "de": "Guten Tag Frau Schmidt,\n\nvielen Dank für Ihre Nachricht vom 20. November und dafür, dass Sie weitermachen "
          "möchten. Das Angebot rechnet mit Ihren 120 Fahrzeugen und baut auf der Amortisationsrechnung auf, die Herr "
          "Weber am 28. Oktober bekommen hat. {x} Sie erhalten es bis Freitag, 27. November.\n\nPasst Ihnen Mittwoch, "
          "2. Dezember, um 10 Uhr für eine halbe Stunde?\n\nFreundliche Grüße\nLena Vogt",
    "fr": "Bonjour Claire,\n\nMerci pour votre message du 19 novembre. La proposition donnera le nombre de licences pour "
          "chacun de vos 6 ateliers, ainsi que le coût par atelier que Paul avait demandé lors de la démonstration du 21 "
          "octobre. {x} Elle vous parviendra au plus tard le vendredi 27 novembre.\n\nPourrions-nous la parcourir "
          "ensemble le jeudi 3 décembre à 10 h ?\n\nBien cordialement,\nHugo Martin",
    "es": "Hola, Javier:\n\nGracias por su mensaje del 18 de noviembre. La propuesta incluye el calendario de implantación "
          "que nos pidió y parte de la estimación de retorno para 85 camiones que enviamos a Lucía el 5 de noviembre. "
          "{x} Le llegará como muy tarde el viernes 27 de noviembre.\n\n¿Podríamos revisarla juntos el miércoles 2 de "
          "diciembre a las 11:00?\n\nUn cordial saludo,\nMarta Ruiz",
}
