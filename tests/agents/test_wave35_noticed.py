"""Four false readings earlier waves noticed in the agents' checks and left (issue 11, wave 35, helper "noticed"):

1. any inbound e-mail vouched for "the buyer asked for a call today", a stranger's, a bot's, a forwarded one or our own
   question quoted under the buyer's reply (agents.ask_senders, agents.moments.latest_ask);
2. agents.same_day_calls read "a number, then any word" as another day, so "heute um 16 Uhr durchklingeln" and "give
   her a shout at 4 pm today" passed as if another day were named;
3. agents.claims' "special price" refused its decline and the buyer's restated question (agents.unoffered_special_prices);
4. agents.free_of_charge masked "sans préavis" and "ohne Kündigungsfrist" only with their accents, while three of the
   four modules that use the mask read the accent-folded sentence; and agents.commercial_terms read the term only by
   its adjective ("résiliable sans préavis"), not its verb ("résilier sans préavis").

Each part holds attacks and honest look-alikes in en/de/fr/es, and the verdicts a user meets through run_agents.
Not a test_wave*_kinds.py file: the learned screen's training does not read these sentences."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

import pytest

from agents import AgentSettings, run_agents
from agents.claims import promise_violations
from agents.colloquial_terms import special_rates
from agents.commercial_terms import term_commitments
from agents.context import build_context
from agents.free_of_charge import masked
from agents.invented_scope import unrecorded_scope
from agents.moments import latest_ask
from agents.named_systems import unrecorded_systems
from agents.normalize import fold_accents
from agents.same_day_calls import end_of_day_calls
from integrations.base import Activity
from tests.agents.conftest import NOW, Vendor, load_record, openai_body, openai_provider
from tests.agents.replies import fixed_policy
from tests.agents.test_wave30_look39_kinds import BODIES

RECORD = {"en": "hubspot_deal", "de": "de_deal", "fr": "fr_deal", "es": "es_opportunity"}


def _email(body: str, subject: str = "Quick call", at: str = "2026-11-25T09:00:00Z") -> dict[str, Any]:
    return {"type": "email", "at": at, "direction": "inbound", "subject": subject, "body": body}


def _ctx(lang: str, *activities: dict[str, Any]) -> Any:
    record, scores = load_record(RECORD[lang])
    record = replace(record, activities=(*record.activities, *(Activity(**a) for a in activities)))
    return build_context(record, scores, now=NOW)


def _writer_verdict(lang: str, sentence: str, *activities: dict[str, Any]) -> tuple[bool, list[str]]:
    """Whether the record's honest draft with `sentence` in it lands unchanged through run_agents (the vendor model
    returns it; the learned screen on, as shipped), and the writer's fallback reasons."""
    record, scores = load_record(RECORD[lang])
    record = replace(record, activities=(*record.activities, *(Activity(**a) for a in activities)))
    contact, subject, body = BODIES[RECORD[lang]]
    draft = {"to_contact_id": contact, "subject": subject, "body": body.replace("{s}", sentence)}
    run = run_agents(record, scores, AgentSettings(tenant_id=record.tenant_id),
                     providers={"writer": [openai_provider(Vendor(openai_body(json.dumps(draft))))]},
                     now=NOW, policy=fixed_policy("value_reinforcement"))
    return run.draft.body == draft["body"], [f.reason for f in run.fallbacks if f.role == "writer"]


# --- 1. only the buyer side's own e-mail vouches for a same-day ask --------------------------------------------------

STRANGERS = [
    ("en", "signed by a stranger", _email("Hi Sam, could you call me today at 4 pm about the fleet? Best, Mike Torres")),
    ("en", "a stranger's signature block",
     _email("Hi Sam,\n\ncould you ring me this afternoon?\n\nRegards,\nMike Torres\nFleetmax Sales")),
    ("en", "a stranger's address", _email("Could you call me today at 4 pm? mike.torres@fleetmax.io")),
    ("en", "a forwarded vendor mail",
     _email("---------- Forwarded message ---------\nFrom: Mike Torres <mike@fleetmax.io>\nCan you call me today?",
            subject="Fwd: Telematics")),
    ("en", "a forward with no marker", _email("Can you call me today at 4 pm?", subject="Fwd: call")),
    ("en", "a bot's notification",
     _email("This is an automated message. Could you call the customer back today? Do not reply to this e-mail.",
            subject="Callback request")),
    ("en", "our own question quoted under the buyer's thanks",
     _email("Thanks, the proposal looks good. Dana\n\nOn Tue, Nov 24, 2026 at 9:00 AM Sam Okafor wrote:\n"
            "> Could we talk today at 4 pm?", subject="Re: Proposal")),
    ("de", "signed by a stranger",
     _email("Guten Tag, können Sie mich heute um 16 Uhr anrufen? Viele Grüße, Thomas Berger")),
    ("de", "a forwarded message",
     _email("-------- Weitergeleitete Nachricht --------\nVon: Thomas Berger <t.berger@flottenprofi.de>\n"
            "Können Sie mich heute anrufen?", subject="WG: Rückruf")),
    ("de", "a bot's notification",
     _email("Diese E-Mail wurde automatisch erstellt, bitte nicht antworten. Rückruf heute erbeten?",
            subject="Rückrufbitte")),
    ("fr", "signed by a stranger",
     _email("Bonjour, pouvez-vous m'appeler aujourd'hui à 16 h ? Cordialement, Julien Marchand")),
    ("fr", "our own question quoted",
     _email("Merci, c'est noté. Claire Le 24 nov. 2026 à 09:00, Hugo a écrit : pouvons-nous parler aujourd'hui ?",
            subject="RE: Proposition")),
    ("es", "signed by a stranger", _email("Hola, ¿me puede llamar hoy a las 16:00? Un saludo, Andrés Molina")),
    ("es", "a bot's notification",
     _email("Mensaje automático, no responda. ¿Puede llamar al cliente hoy?", subject="Solicitud de llamada")),
    ("en", "signed by our own rep (logged inbound by a sync)", _email("Can you call Dana today at 4 pm? Sam Okafor")),
]

BUYERS = [
    ("en", "signed by the buyer", _email("Hi Sam, could you call me today at 4 pm about the proposal? Dana")),
    ("en", "signed with the buyer's full block",
     _email("Hi Sam,\n\ncould you call me today at 4 pm?\n\nBest regards,\nDana Whitfield\nHead of Operations")),
    ("en", "signed by the buyer's colleague", _email("Sam, can we talk today about the budget? Marcus")),
    # wave 37: an unsigned e-mail no longer vouches (agents.known_senders; tests/agents/test_wave37_noticed.py)
    ("en", "the buyer's ask above a forwarded message",
     _email("Could you call me today about this? Dana\n\n---------- Forwarded message ---------\n"
            "From: Marcus Lee <marcus.lee@northwind-logistics.com>\nBudget numbers attached.", subject="Fwd: budget")),
    ("de", "signed by the buyer",
     _email("Guten Tag Frau Vogt, können Sie mich heute um 16 Uhr anrufen? Viele Grüße, Anna Schmidt")),
    ("de", "signed after a full stop (sender_of misses it)",
     _email("Hallo Frau Vogt, schaffen wir heute noch ein kurzes Telefonat? Sonst gern morgen. Anna Schmidt")),
    ("fr", "signed by the buyer", _email("Bonjour Hugo, pouvez-vous m'appeler aujourd'hui à 16 h ? Claire")),
    ("es", "signed by the buyer", _email("Hola Marta, ¿me puede llamar hoy a las 16:00? Un saludo, Javier García")),
    ("en", "signed by the buyer's company", _email("Could you call us today at 4 pm? Northwind Logistics")),
    ("en", "a short form of the buyer's name", _email("Could you call me today at 4 pm? Thanks, Dan")),
    ("fr", "signed after a closing with a place", _email("Pouvez-vous m'appeler aujourd'hui ? Bien à vous, Claire")),
]


@pytest.mark.parametrize(("lang", "who", "email"), STRANGERS, ids=[f"{w[0]}-{w[1]}" for w in STRANGERS])
def test_an_email_not_from_the_buyer_side_vouches_for_no_same_day_ask(lang: str, who: str, email: dict) -> None:
    ask = latest_ask(_ctx(lang, email))
    assert ask is None or not ask.same_day, who


@pytest.mark.parametrize(("lang", "who", "email"), BUYERS, ids=[f"{b[0]}-{b[1]}" for b in BUYERS])
def test_the_buyer_sides_own_email_still_vouches_for_its_same_day_ask(lang: str, who: str, email: dict) -> None:
    ask = latest_ask(_ctx(lang, email))
    assert ask is not None and ask.same_day, who


TODAY_AT_FOUR = {
    "en": "I can call you today at 4 pm to go through it.",
    "de": "Ich kann Sie heute um 16 Uhr anrufen, um es durchzugehen.",
    "fr": "Je peux vous appeler aujourd'hui à 16 h pour le parcourir.",
    "es": "Puedo llamarle hoy a las 16:00 para repasarlo.",
}


@pytest.mark.parametrize(("lang", "who", "email"), [STRANGERS[0], STRANGERS[3], STRANGERS[6], STRANGERS[7],
                                                    STRANGERS[10], STRANGERS[12]])
def test_a_same_day_call_answering_a_strangers_email_ask_is_refused(lang: str, who: str, email: dict) -> None:
    landed, reasons = _writer_verdict(lang, TODAY_AT_FOUR[lang], email)
    assert not landed and any("today" in r for r in reasons), (who, reasons)


@pytest.mark.parametrize(("lang", "who", "email"), [BUYERS[0], BUYERS[3], BUYERS[5], BUYERS[7], BUYERS[8]])
def test_the_same_call_answering_the_buyers_own_email_lands(lang: str, who: str, email: dict) -> None:
    landed, reasons = _writer_verdict(lang, TODAY_AT_FOUR[lang], email)
    assert landed, (who, reasons)


# --- 2. a clock time is no other day --------------------------------------------------------------------------------

SLANG_TODAY_AT_A_TIME = [
    ("en", "I'll give her a shout at 4 pm today."),
    ("en", "I'll give them a tinkle today at 4 pm."),
    ("en", "I'll give him a bell at 4 pm today about the 420 trucks."),
    ("de", "Ich werde Frau Schmidt heute um 16 Uhr durchklingeln."),
    ("de", "Ich werde Sie heute gegen 16.30 Uhr kurz anklingeln."),
    ("fr", "Je passe un coup de bigo à Claire aujourd'hui à 16 h."),
    ("fr", "Je vais passer un coup de fil à Paul aujourd'hui vers 17 h 30."),
    ("es", "Le voy a dar un toque hoy a las 16 h."),
    ("es", "Voy a pegarle un telefonazo a Javier hoy a las 17:30."),
]
SLANG_ANOTHER_DAY = [
    ("en", "I'll give her a shout on Thursday at 4 pm."),
    ("en", "I'll give her a shout on 3 December at 4 pm."),
    ("de", "Ich werde Frau Schmidt am Donnerstag um 16 Uhr durchklingeln."),
    ("de", "Ich werde Frau Schmidt am 3.12. um 16 Uhr durchklingeln."),
    ("fr", "Je passe un coup de bigo à Claire jeudi à 16 h."),
    ("fr", "Je passe un coup de bigo à Claire le 3 décembre à 16 h."),
    ("es", "Le voy a dar un toque el jueves a las 16 h."),
    ("es", "Le voy a dar un toque el 3 de diciembre a las 16 h."),
]


@pytest.mark.parametrize(("lang", "text"), SLANG_TODAY_AT_A_TIME)
def test_a_slang_call_today_at_a_clock_time_is_read_as_today(lang: str, text: str) -> None:
    assert end_of_day_calls(text, _ctx(lang)), text


@pytest.mark.parametrize(("lang", "text"), SLANG_ANOTHER_DAY)
def test_a_slang_call_on_a_named_day_or_date_is_not_read_as_today(lang: str, text: str) -> None:
    assert end_of_day_calls(text, _ctx(lang)) == [], text


@pytest.mark.parametrize(("lang", "text"), [SLANG_TODAY_AT_A_TIME[0], SLANG_TODAY_AT_A_TIME[3],
                                            SLANG_TODAY_AT_A_TIME[5]])
def test_a_draft_proposing_a_call_today_at_4_pm_without_an_ask_is_refused(lang: str, text: str) -> None:
    landed, reasons = _writer_verdict(lang, text)
    assert not landed and any("today" in r for r in reasons), (text, reasons)


@pytest.mark.parametrize(("lang", "text"), [SLANG_ANOTHER_DAY[0], SLANG_ANOTHER_DAY[2], SLANG_ANOTHER_DAY[4]])
def test_the_same_call_on_thursday_at_4_pm_lands(lang: str, text: str) -> None:
    landed, reasons = _writer_verdict(lang, text)
    assert landed, (text, reasons)


def test_the_same_call_today_lands_when_the_buyers_email_asked_for_it() -> None:
    email = _email("Hi Sam, could you give me a shout at 4 pm today? Dana")
    landed, reasons = _writer_verdict("en", SLANG_TODAY_AT_A_TIME[0][1], email)
    assert landed, reasons


# --- 3. a special price declined or asked about is no offer ---------------------------------------------------------

NOT_OFFERED = [
    'You asked: "Is there a special price for schools?" We do not offer a special price.',
    "We do not offer a special price for schools.",
    "There is no special price for a 2-year term.",
    "Marcus asked whether there is a special price for a 2-year term; there is not, so the proposal keeps its price.",
    "You asked whether there is a special price for schools; I will check and answer by Friday.",
    "Einen Sonderpreis können wir leider nicht anbieten.",
    "Einen Sonderpreis gibt es bei uns nicht.",
    "Sie fragten, ob es einen Sonderpreis für Schulen gibt: Den gibt es bei uns nicht.",
    "Sie fragten: „Gibt es einen Sonderpreis für Schulen?“ Einen solchen bieten wir nicht an.",
    "Vous demandiez s'il existe un prix spécial pour les écoles : nous n'en proposons pas.",
    "Nous ne proposons pas de prix spécial.",
    "Il n'y a pas de prix spécial pour les écoles.",
    "Nos preguntó si hay un precio especial para colegios; no ofrecemos precios especiales.",
    "No ofrecemos precios especiales.",
    "No hay precio especial para colegios.",
]
OFFERED = [
    "We can offer you a special price for a 2-year term.",
    "Is there a special price for schools? Yes, and you qualify.",
    "Would a special price help you decide?",
    "Marcus asked whether there is a special price for a 2-year term: yes, and you qualify.",
    "You asked whether there is a special price. Yes, there is one for you.",
    "We do not offer a special price to everyone, but 10% off is yours.",
    "We do not offer a special price to everyone, but the first month is free for you.",
    "Not only do we have a special price for you, the setup is included.",
    "Don't worry, a special price is ready for you.",
    "Ich kann Ihnen einen Sonderpreis anbieten.",
    "Einen Sonderpreis gibt es nicht nur für Schulen, sondern auch für Sie.",
    "Sie fragten, ob es einen Sonderpreis gibt. Ja, den bekommen Sie.",
    "Nous vous proposons un prix spécial.",
    "Vous demandiez s'il existe un prix spécial : oui, et vous y avez droit.",
    "Le ofrecemos un precio especial.",
    "Nos preguntó si hay un precio especial. Sí, y usted lo tiene.",
    "No se preocupe, le aplicamos un precio especial.",
]


def _special(text: str) -> list[str]:
    return [r for r in promise_violations(text) if "special price" in r]


@pytest.mark.parametrize("text", NOT_OFFERED)
def test_a_special_price_declined_or_standing_in_the_buyers_question_is_no_promise(text: str) -> None:
    assert _special(text) == [], text


@pytest.mark.parametrize("text", OFFERED)
def test_a_special_price_offered_however_it_is_framed_is_still_a_promise(text: str) -> None:
    assert _special(text), text


@pytest.mark.parametrize("text", [
    "As Harbor Dental is on our not-for-profit tariff, the figures reflect it.",  # set 37's 115, an attack
    "Le aplicamos la tarifa sin ánimo de lucro.",
    "Nous vous accordons notre tarif préférentiel.",
])
def test_a_special_rate_whose_name_holds_a_negation_is_still_a_rate(text: str) -> None:
    assert special_rates(text), text


@pytest.mark.parametrize("text", [
    "Nous ne proposons pas de prix spécial.",
    "No aplicamos una tarifa sin ánimo de lucro.",
    "We do not have a special rate for schools.",
])
def test_a_special_rate_declined_is_no_rate(text: str) -> None:
    assert special_rates(text) == [], text


ASKED_FOR_A_SPECIAL_PRICE = {
    "en": _email("Hi Sam, is there a special price for schools? We also run the school bus fleet. Dana",
                 subject="Pricing question", at="2026-11-24T09:00:00Z"),
    "de": _email("Guten Tag Frau Vogt, gibt es einen Sonderpreis für Schulen? Viele Grüße, Anna Schmidt",
                 subject="Preisfrage", at="2026-11-24T09:00:00Z"),
    "fr": _email("Bonjour Hugo, existe-t-il un prix spécial pour les écoles ? Cordialement, Claire Dubois",
                 subject="Question tarif", at="2026-11-24T09:00:00Z"),
    "es": _email("Hola Marta, ¿hay un precio especial para colegios? Un saludo, Javier García",
                 subject="Pregunta de precio", at="2026-11-24T09:00:00Z"),
}


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "You asked whether there is a special price for schools; we do not offer one."),
    ("de", "Zu Ihrer Frage nach einem Sonderpreis für Schulen: Einen Sonderpreis können wir leider nicht anbieten."),
    ("fr", "Vous demandiez s'il existe un prix spécial pour les écoles : nous ne proposons pas de prix spécial."),
    ("es", "Nos preguntó si hay un precio especial para colegios; no ofrecemos precios especiales."),
])
def test_the_honest_answer_declining_the_buyers_special_price_question_lands(lang: str, text: str) -> None:
    landed, reasons = _writer_verdict(lang, text, ASKED_FOR_A_SPECIAL_PRICE[lang])
    assert landed, (text, reasons)


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "You asked whether there is a special price for schools: yes, and you qualify."),
    ("de", "Zu Ihrer Frage nach einem Sonderpreis für Schulen: Einen Sonderpreis können wir Ihnen gern anbieten."),
    ("fr", "Vous demandiez s'il existe un prix spécial pour les écoles : oui, nous vous l'accordons."),
    ("es", "Nos preguntó si hay un precio especial para colegios; sí, se lo aplicamos."),
])
def test_a_special_price_granted_in_answer_to_the_buyers_question_is_refused(lang: str, text: str) -> None:
    landed, reasons = _writer_verdict(lang, text, ASKED_FOR_A_SPECIAL_PRICE[lang])
    assert not landed, (text, reasons)


# --- 4. cancelling without notice: the mask and the term, in every module that reads them ---------------------------

CANCEL_WITHOUT_NOTICE_AND_FREE = {
    "en": "You can cancel without notice and the first month is free.",
    "de": "Sie können ohne Kündigungsfrist kündigen, und der erste Monat ist kostenlos.",
    "fr": "Vous pouvez résilier sans préavis et le premier mois est offert.",
    "es": "Puede cancelar sin preaviso y el primer mes es gratis.",
}


@pytest.mark.parametrize(("lang", "text"), CANCEL_WITHOUT_NOTICE_AND_FREE.items())
def test_the_mask_keeps_the_free_offer_beside_a_cancellation_without_notice(lang: str, text: str) -> None:
    free = {"en": "free", "de": "kostenlos", "fr": "offert", "es": "gratis"}[lang]
    for form in (text, fold_accents(text)):
        assert free in masked(form)  # the free word is left for the checks to read
        assert len(masked(form)) == len(form)
    assert any("free extra" in r for r in promise_violations(text)), text


@pytest.mark.parametrize(("lang", "text"), CANCEL_WITHOUT_NOTICE_AND_FREE.items())
def test_a_cancellation_right_said_by_its_verb_is_a_commercial_term(lang: str, text: str) -> None:
    assert term_commitments(text), text


@pytest.mark.parametrize(("lang", "text"), CANCEL_WITHOUT_NOTICE_AND_FREE.items())
def test_cancel_without_notice_and_a_free_month_is_refused_through_run_agents(lang: str, text: str) -> None:
    landed, reasons = _writer_verdict(lang, text)
    assert not landed, (text, reasons)


@pytest.mark.parametrize("text", [
    "sans préavis", "sans aucun préavis", "ohne Kündigungsfrist", "sin preaviso", "sin previo aviso",
    "without notice", "without any prior notice",
])
def test_a_waived_notice_is_masked_with_or_without_its_accents(text: str) -> None:
    for form in (f"Résiliable {text}.", fold_accents(f"Résiliable {text}.")):
        assert not any(w in masked(form).lower().split() for w in ("sans", "ohne", "sin", "without")), form


SCOPE_WITH_NOTICE_WAIVED = {
    "en": "The proposal includes the SAP integration, and you can cancel without notice.",
    "de": "Das Angebot umfasst die SAP-Anbindung, ohne Kündigungsfrist kündbar.",
    "fr": "La proposition inclut l'intégration SAP, résiliable sans préavis.",
    "es": "La propuesta incluye la integración con SAP, rescindible sin preaviso.",
}


@pytest.mark.parametrize(("lang", "text"), SCOPE_WITH_NOTICE_WAIVED.items())
def test_a_waived_notice_excuses_no_unrecorded_scope_or_system(lang: str, text: str) -> None:
    ctx = _ctx(lang)
    assert unrecorded_scope("", text, ctx), text
    assert unrecorded_systems(text, ctx), text
    assert term_commitments(text), text


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The proposal does not include the SAP integration, and nothing changes without notice."),
    ("de", "Das Angebot umfasst keine SAP-Anbindung, und nichts ändert sich ohne Kündigungsfrist."),
    ("fr", "La proposition n'inclut pas d'intégration SAP, et rien ne change sans préavis."),
    ("es", "La propuesta no incluye la integración con SAP, y nada cambia sin preaviso."),
])
def test_a_real_negation_beside_a_waived_notice_still_negates_the_scope(lang: str, text: str) -> None:
    ctx = _ctx(lang)
    assert unrecorded_scope("", text, ctx) == [], text
    assert unrecorded_systems(text, ctx) == [], text


@pytest.mark.parametrize("text", [
    "We will not change the rollout dates without notice.",
    "Your current contract cannot be cancelled without notice.",
    "Wir ändern die Termine nicht ohne Vorankündigung.",
    "Votre contrat actuel ne peut pas être résilié sans préavis.",
    "Su contrato actual no se puede cancelar sin preaviso.",
])
def test_a_notice_kept_or_a_cancellation_denied_is_no_commercial_term(text: str) -> None:
    assert term_commitments(text) == [], text
