"""A same-day call asked in a carrier that vouches for no buyer (a transcribed voicemail logged as a call with no
direction, a WhatsApp or SMS export pasted into a note, a website chat-bot log) and promised by the writer or stated by
the analyst as the expected next step stays refused; only the buyer's own latest inbound e-mail makes a same-day call
acceptable (issue 11, wave 34, set 43's 029, 030, 032). A thanks for a call dated the send day proposes nothing (set 43's
offline-unsafe 029). Wordings of our own in en/de/fr/es; the honest look-alikes pass."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest

from agents.context import build_context
from agents.moments import latest_ask
from agents.run import recheck_draft, run_agents
from agents.settings import AgentSettings
from agents.timing import timing_violations
from integrations.base import Record
from tests.agents.conftest import FIXTURES, NOW
from tests.agents.replies import fixed_policy
from tests.agents.role_matrix import refused_in_role
from tests.agents.test_set38_attack_kinds import RECIPIENT, RECORD

SEND_DAY = date(2026, 11, 25)  # the fixtures' clock
CALL = "reports a call today"

CARRIERS = {
    "voicemail": {"type": "call", "at": "2026-11-25T13:05:00Z", "direction": None, "subject": "Voicemail (transcribed)",
                  "body": "Hi, it's me [inaudible] could you ring me tonight at 8 [inaudible] thanks."},
    "whatsapp": {"type": "note", "at": "2026-11-25T08:10:00Z", "direction": None, "subject": "WhatsApp export.txt",
                 "body": "[25/11/2026, 08:10] buyer: can you phone me at 4 pm today?"},
    "chatbot": {"type": "note", "at": "2026-11-25T08:55:00Z", "direction": None, "subject": "Chat du site (robot)",
                "body": "[robot] Souhaitez-vous être rappelée ?\n[visiteur] oui, aujourd'hui à 17 h 30"},
    "sms": {"type": "note", "at": "2026-11-25T08:02:00Z", "direction": None, "subject": "SMS-Export",
            "body": "[25.11.2026 09:02] Kunde: Rufen Sie mich heute um 18 Uhr an?"},
}


def _same_day(reasons: list[str]) -> list[str]:
    return [r for r in reasons if "today" in r or "send day" in r]


def _ctx(lang: str, *activities: dict[str, Any]) -> Any:
    raw = json.loads((FIXTURES / "records" / f"{RECORD[lang]}.json").read_text())
    raw["activities"] += list(activities)
    return build_context(Record.from_dict(raw), None, now=NOW)


# --- the writer's promise, justified by the carrier it cites (set 43's 032) -------------------------------------------

PROMISED = [
    "Je vous rappelle aujourd'hui à 17 h 30, comme demandé sur notre site.",
    "Comme convenu, je vous rappelle ce soir à 18 h.",
    "Je vous téléphone aujourd'hui à 16 h, comme vous l'avez demandé sur WhatsApp.",
    "Ringing you tonight at 8 Central, as your voicemail asked.",
    "Calling you at 4 pm today, as you asked on WhatsApp.",
    "Wie per WhatsApp gewünscht, rufe ich Sie heute um 16 Uhr zurück.",
    "Wie in Ihrer Sprachnachricht erbeten, melde ich mich heute um 19 Uhr telefonisch.",
    "Le devuelvo la llamada hoy a las 18:30, como pidió en el chat de la web.",
    "Como me pidió por SMS, hoy a las 18:30 le telefoneo.",
    # a citation opening the sentence with no comma, the plan's clock time holding a colon (set 23's 082 got through)
    "Wie gewünscht rufe ich Sie heute um 17:30 zurück.",
    "As requested I will call you today at 4:30 pm.",
    "Comme demandé je vous rappelle aujourd'hui à 17:30.",
    "Como me pidió le llamo hoy a las 17:30.",
]


@pytest.mark.parametrize("text", PROMISED)
def test_a_same_day_call_that_cites_the_ask_it_answers_is_still_a_same_day_proposal(text: str) -> None:
    assert _same_day(timing_violations(text, SEND_DAY)), text


@pytest.mark.parametrize(("lang", "carrier", "text"), [
    ("fr", "chatbot", PROMISED[0]),
    ("en", "voicemail", PROMISED[3]),
    ("sf", "whatsapp", PROMISED[4]),
    ("de", "sms", PROMISED[5]),
    ("es", "sms", PROMISED[7]),
])
def test_a_writer_promising_the_call_a_note_or_a_voicemail_asked_for_today_is_refused(lang, carrier, text) -> None:
    reasons = refused_in_role("writer", _ctx(lang, CARRIERS[carrier]), text, RECIPIENT[lang])
    assert _same_day(reasons), (text, reasons)


@pytest.mark.parametrize("text", [
    "As you asked, the proposal will reach you by Friday, November 27.",
    "Wie gewünscht, rufe ich Sie am Dienstag, 1. Dezember, um 10 Uhr an.",
    "Como me pidió, le llamo el martes 1 de diciembre a las 10:00.",
    "Comme demandé, je vous rappelle le mardi 1er décembre à 10 h.",
    "Thanks for the call earlier today, as you asked.",
    "Merci pour votre appel de ce matin, comme convenu.",
    # the meeting named inside the citation is the one that took place
    "As discussed on the call this morning, here is the proposal.",
    "As you asked on the call earlier today, the proposal is attached.",
    "Wie heute am Telefon besprochen, schicke ich Ihnen das Angebot.",
    "Comme convenu lors de notre appel de ce matin, voici la proposition.",
    "Como acordamos en la llamada de esta mañana, le envío la propuesta.",
])
def test_a_cited_ask_with_a_later_day_or_a_look_back_proposes_nothing_today(text: str) -> None:
    assert _same_day(timing_violations(text, SEND_DAY)) == [], text


def test_the_same_promise_answers_the_buyer_when_their_latest_email_asked_to_talk_today() -> None:
    email = {"type": "email", "at": "2026-11-25T08:40:00Z", "direction": "inbound", "subject": "Rappel",
             "body": "Bonjour Hugo, pouvez-vous m'appeler aujourd'hui vers 17 h 30 ? Claire"}
    text = "Je vous rappelle aujourd'hui à 17 h 30, comme demandé."
    asked, noted = latest_ask(_ctx("fr", email)), latest_ask(_ctx("fr", CARRIERS["chatbot"]))
    assert asked is not None and asked.same_day  # the buyer's e-mail vouches for the ask
    assert noted is None or not noted.same_day  # a chat-bot log in a note vouches for none
    assert _same_day(timing_violations(text, SEND_DAY, asked_same_day=asked.same_day)) == []
    assert _same_day(timing_violations(text, SEND_DAY, asked_same_day=bool(noted and noted.same_day)))


# --- the analyst stating the carrier's ask as the expected next step (set 43's 030) -----------------------------------

EXPECTED = [
    ("sf", "whatsapp", "Elena expects Rachel to phone her at 4 pm today, before the clinics close."),
    ("en", "voicemail", "Dana wants Sam to ring her back tonight at 8 Central."),
    ("de", "sms", "Frau Schmidt erwartet, dass Frau Vogt sie heute um 18 Uhr anruft."),
    ("fr", "chatbot", "Claire attend que Hugo la rappelle aujourd'hui à 17 h 30."),
    ("es", "sms", "Javier espera que Marta le llame hoy a las 18:30."),
]


@pytest.mark.parametrize(("lang", "carrier", "text"), EXPECTED)
def test_an_analyst_stating_a_carriers_same_day_call_as_expected_of_the_seller_is_refused(lang, carrier, text) -> None:
    reasons = refused_in_role("analyst", _ctx(lang, CARRIERS[carrier]), text, RECIPIENT[lang])
    assert any(CALL in r for r in reasons), (text, reasons)


@pytest.mark.parametrize(("lang", "carrier", "text"), [
    ("sf", "whatsapp", "Elena expects Rachel to phone her on Tuesday, 1 December at 11:00."),
    ("sf", "whatsapp", "Elena expects the proposal today; Rachel will phone her next week."),
    ("en", "voicemail", "Dana left a voicemail at 8 this morning about the proposal."),
    ("de", "sms", "Frau Schmidt erwartet, dass Frau Vogt sie am Mittwoch, 2. Dezember, um 10 Uhr anruft."),
    ("fr", "chatbot", "Claire attend que Hugo la rappelle le jeudi 3 décembre à 10 h."),
    ("es", "sms", "Javier espera que Marta le llame el miércoles 2 de diciembre a las 11:00."),
])
def test_an_expected_call_on_another_day_or_a_message_reported_passes(lang, carrier, text) -> None:
    reasons = refused_in_role("analyst", _ctx(lang, CARRIERS[carrier]), text, RECIPIENT[lang])
    assert not any(CALL in r for r in reasons), (text, reasons)


def test_an_expected_same_day_call_passes_when_the_buyers_latest_email_asked_for_it() -> None:
    email = {"type": "email", "at": "2026-11-25T09:00:00Z", "direction": "inbound", "subject": "Quick call",
             "body": "Hi Rachel, could you phone me at 4 pm today about the two waves? Elena"}
    text = "Elena expects Rachel to phone her at 4 pm today, before the clinics close."
    assert not any(CALL in r for r in refused_in_role("analyst", _ctx("sf", email), text, RECIPIENT["sf"]))


# --- a thanks for a call dated the send day (set 43's offline-unsafe 029) ---------------------------------------------


@pytest.mark.parametrize("text", [
    "Thanks for the call on November 25.",
    "Danke für das Telefonat am 25. November.",
    "Merci pour l'appel du 25 novembre.",
    "Gracias por la llamada del 25 de noviembre.",
    "Thank you for the meeting on 25 November.",
])
def test_a_thanks_for_a_call_dated_the_send_day_proposes_no_meeting_on_it(text: str) -> None:
    assert _same_day(timing_violations(text, SEND_DAY)) == [], text


@pytest.mark.parametrize("text", [
    "Thanks for the call; let's talk again on November 25 at 4 pm.",
    "Thanks for your patience, can we meet on November 25 at 4 pm?",
    "Thanks for the call on November 25, I will call you again on November 25 at 5 pm.",
    "Danke für das Telefonat, können wir am 25. November um 16 Uhr weitersprechen?",
    "Merci pour l'appel du 25 novembre ; pourrions-nous en reparler le 25 novembre à 16 h ?",
    "Gracias por la llamada, ¿podemos hablar otra vez el 25 de noviembre a las 16:00?",
])
def test_a_thanks_beside_a_meeting_proposed_for_the_send_day_stays_refused(text: str) -> None:
    assert _same_day(timing_violations(text, SEND_DAY)), text


def test_the_offline_draft_after_a_voicemail_logged_on_the_send_day_passes_its_own_recheck() -> None:
    # the HubSpot record's buyer is in Chicago: at the fixtures' clock (15:00 UTC) the draft goes out the same day, so
    # the template thanks for "the call on November 25" on November 25 (the other records' drafts go out a day later)
    raw = json.loads((FIXTURES / "records" / f"{RECORD['en']}.json").read_text())
    raw["activities"].append(CARRIERS["voicemail"])
    record = Record.from_dict(raw)
    settings = AgentSettings()
    run = run_agents(record, None, settings, env={}, now=NOW, policy=fixed_policy("value_reinforcement"))
    assert "Thanks for the call on November 25." in run.draft.body
    assert recheck_draft(run, record, None, settings, now=NOW) == []


@pytest.mark.parametrize(("lang", "body", "answer"), [
    ("en", "Hi Sam, could you ring me tonight at 8 Central about the proposal? Dana",
     "I will ring you tonight at 8 Central, as you asked."),
    ("fr", "Bonjour Hugo, pouvez-vous me rappeler ce soir à 18 h ? Claire",
     "Je vous rappelle ce soir à 18 h, comme demandé."),
    ("es", "Hola Marta, ¿me puede llamar esta noche a las 20:00? Javier",
     "Le llamo esta noche a las 20:00, como me pidió."),
    ("de", "Guten Tag Frau Vogt, können Sie mich heute Abend um 19 Uhr anrufen? Anna Schmidt",
     "Wie gewünscht rufe ich Sie heute Abend um 19 Uhr an."),
])
def test_a_buyers_email_asking_for_a_call_tonight_lets_the_honest_answer_through(lang, body, answer) -> None:
    email = {"type": "email", "at": "2026-11-25T09:30:00Z", "direction": "inbound", "subject": "Call", "body": body}
    ask = latest_ask(_ctx(lang, email))
    assert ask is not None and ask.same_day, body
    assert _same_day(timing_violations(answer, SEND_DAY, asked_same_day=ask.same_day)) == []
    assert _same_day(timing_violations(answer, SEND_DAY))  # the same words with no such ask stay refused
