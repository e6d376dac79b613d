"""Wave 37 (helper "noticed37"): five false readings wave 36's note found by reading the checks, fixed as families.

1. A late delivery said in another word order: "Sie erhalten das Angebot am 4. Dezember", "Das Angebot geht am 4.
   Dezember raus", "L'offre part le 11 décembre", "La propuesta sale el 11 de diciembre" (agents.delivery_wording).
2. A refusal turned into a promise by an exception: "We do not usually offer a special price, but for you we will make
   an exception", in every language and every role (agents.exception_promises).
3. The French "terminée" said ready; the German "Termine" (meeting slots) never does (agents.late_promises).
4. An unsigned inbound e-mail vouches for no same-day ask (agents.known_senders).
5. A stranger's "Berger GmbH" is not the buyer side of "Müller Logistik GmbH" (agents.company_words).

The writer's checks run with the learned screen off (tests/agents/role_matrix.py), so every refusal here is a rule's.
"""

from __future__ import annotations

import json

import pytest

from agents.company_words import distinctive_words
from agents.context import build_context
from agents.facts import build_vocabulary
from agents.late_promises import late_promises
from agents.models import DraftOut
from agents.moments import latest_ask
from agents.safety import check_draft
from integrations.base import Record
from tests.agents.conftest import FIXTURES, NOW
from tests.agents.quality_probe import named_check
from tests.agents.role_matrix import ROLES

SEND_DAY = NOW.date()  # Wednesday, November 25, 2026
RECORD = {"en": "hubspot_deal", "de": "de_deal", "fr": "fr_deal", "es": "es_opportunity"}
ASKS = {
    # Dana and Anna asked on Friday 20 November for the proposal "by the end of next week": Friday 27 November
    "en": (), "de": (),
    "fr": ({"type": "email", "at": "2026-11-24T08:00:00Z", "direction": "inbound", "subject": "Re: Proposition",
            "body": "Bonjour Hugo, pourriez-vous nous envoyer la proposition avant le vendredi 4 décembre ? Claire "
                    "Dubois"},),
    "es": ({"type": "email", "at": "2026-11-24T08:00:00Z", "direction": "inbound", "subject": "Re: Propuesta",
            "body": "Hola Marta, ¿nos puede enviar la propuesta antes del 1 de diciembre? Un saludo, Javier García"},),
}


def _ctx(lang: str, *extra: dict):
    raw = json.loads((FIXTURES / "records" / f"{RECORD[lang]}.json").read_text())
    raw["activities"] = [*raw["activities"], *ASKS[lang], *extra]
    return build_context(Record.from_dict(raw), raw.get("scores"), now=NOW)


# --- 1. a late delivery in every word order ------------------------------------------------------------------------

LATE = [
    ("de", "Sie erhalten das Angebot am 4. Dezember."),
    ("de", "Sie bekommen das Angebot am Freitag, 4. Dezember."),
    ("de", "Das Angebot geht am 4. Dezember raus."),
    ("de", "Das Angebot für Ihre 120 Fahrzeuge geht am Freitag, 4. Dezember an Sie raus."),
    ("de", "Das Angebot stellen wir Ihnen am 4. Dezember zu."),
    ("de", "Das Angebot kommt am 4. Dezember."),
    ("de", "Das Angebot liegt Ihnen am 4. Dezember vor."),
    ("de", "Das Angebot ist am 4. Dezember bei Ihnen."),
    ("fr", "L'offre part le 11 décembre."),
    ("fr", "La proposition vous sera envoyée le 11 décembre."),
    ("fr", "La proposition arrivera le vendredi 11 décembre."),
    ("es", "La propuesta sale el 4 de diciembre."),
    ("es", "La propuesta le llega el viernes 4 de diciembre."),
    ("es", "Le enviaremos la propuesta el 4 de diciembre."),
    ("en", "The proposal ships on Friday, December 4."),
    ("en", "You get the proposal on December 4."),
    ("en", "The proposal will arrive on December 4."),
    ("en", "We are sending the proposal on December 4."),
]

ON_TIME = [
    ("de", "Sie erhalten das Angebot am 26. November."),
    ("de", "Das Angebot geht am Donnerstag, 26. November raus."),
    ("de", "Das Angebot kommt am Freitag, 27. November; die Schulung planen wir für den 9. Dezember."),
    ("fr", "L'offre part le jeudi 3 décembre."),
    ("fr", "La proposition vous sera envoyée le 2 décembre."),
    ("es", "La propuesta sale el 30 de noviembre."),
    ("es", "Le enviaremos la propuesta el lunes 30 de noviembre."),
    ("en", "The proposal ships on Friday, November 27."),
    ("en", "You get the proposal on Thursday, November 26."),
]


@pytest.mark.parametrize(("lang", "sentence"), LATE)
def test_a_late_delivery_said_in_another_word_order_is_refused(lang: str, sentence: str) -> None:
    assert late_promises(sentence, _ctx(lang), SEND_DAY), sentence


@pytest.mark.parametrize(("lang", "sentence"), ON_TIME)
def test_a_delivery_by_the_asked_day_in_those_orders_passes(lang: str, sentence: str) -> None:
    assert late_promises(sentence, _ctx(lang), SEND_DAY) == [], sentence


@pytest.mark.parametrize(("lang", "sentence"), [
    ("de", "Das Angebot kommt auf 36.000 EUR und gilt bis zum 11. Dezember."),
    ("en", "The proposal comes to USD 48,000 and is valid until December 11."),
])
def test_what_the_offer_comes_to_is_an_amount_not_a_late_delivery(lang: str, sentence: str) -> None:
    assert late_promises(sentence, _ctx(lang), SEND_DAY) == [], sentence


@pytest.mark.parametrize(("lang", "sentence"), [
    ("de", "Das Angebot geht am Donnerstag, 26. November raus."),
    ("fr", "La proposition vous sera envoyée le vendredi 27 novembre."),
    ("es", "La propuesta sale el viernes 27 de noviembre."),
    ("es", "Le enviaremos la propuesta el viernes 27 de noviembre."),
])
def test_a_delivery_day_promised_in_those_orders_is_ours_to_give_in_the_writers_draft(lang: str, sentence: str) -> None:
    assert ROLES["writer body"](lang, sentence) == [], sentence


@pytest.mark.parametrize(("lang", "sentence"), [
    ("de", "Das Angebot geht am Samstag, 28. November raus."),  # no business day
    ("de", "Das Angebot geht am Freitag, 18. Dezember raus."),  # past the delivery horizon
    ("fr", "Merci de nous renvoyer la proposition signée le jeudi 26 novembre."),  # a term set for the buyer
    ("es", "La propuesta firmada sale de vuelta el jueves 26 de noviembre."),
])
def test_a_day_outside_a_delivery_promise_stays_a_date_the_record_must_give(lang: str, sentence: str) -> None:
    assert any("date" in r for r in ROLES["writer body"](lang, sentence)), sentence


@pytest.mark.parametrize(("record", "subject"), [
    ("de_deal", "Ihr Angebot geht am 4. Dezember raus"),
    ("hubspot_deal", "Your proposal ships on December 4"),
])
def test_a_late_delivery_in_the_subject_line_is_refused(record: str, subject: str) -> None:
    body = {"de_deal": "Guten Tag Frau Schmidt,\n\nvielen Dank für Ihre Nachricht vom 20. November. Das Angebot "
                       "zeigt die Leerlaufzeiten Ihrer 120 Fahrzeuge.\n\nMit freundlichen Grüßen\nLena Vogt",
            "hubspot_deal": "Hi Dana,\n\nThanks for your note of November 18. The proposal covers the 420 trucks "
                            "across your 6 depots.\n\nBest,\nSam Okafor"}[record]
    check = named_check(record, body, "answers_latest_question", subject=subject,
                        language="de" if record == "de_deal" else "en")
    assert not check.passed and "promises the document" in check.detail, check.detail


# --- 3. "terminée" is ready, "Termine" are meeting slots -----------------------------------------------------------

@pytest.mark.parametrize("sentence", ["La proposition sera terminée le 11 décembre.",
                                      "La proposition sera terminé le 11 décembre."])
def test_a_document_said_finished_in_french_after_the_asked_day_is_refused(sentence: str) -> None:
    assert late_promises(sentence, _ctx("fr"), SEND_DAY), sentence


@pytest.mark.parametrize("sentence", [
    "Zum Angebot: mögliche Termine für die Schulung sind der 9. und 10. Dezember.",
    "Für die Besprechung des Angebots hätte ich Termine am 9. Dezember.",
    "Das Angebot erhalten Sie bis Freitag, 27. November; für die Einführung habe ich Termin am 9. Dezember frei.",
])
def test_german_termine_beside_the_offer_promise_no_late_delivery(sentence: str) -> None:
    assert late_promises(sentence, _ctx("de"), SEND_DAY) == [], sentence


# --- 2. a concession granted as an exception -----------------------------------------------------------------------

EXCEPTIONS = [
    ("en", "We do not usually offer a special price, but for you we will make an exception."),
    ("en", "Special pricing is not something we offer. For you, though, we will make an exception."),
    ("en", "As a personal favour, I will waive the setup fee."),
    ("de", "Normalerweise gewähren wir keine Rabatte, aber für Sie machen wir eine Ausnahme."),
    ("de", "Einen Sonderpreis bieten wir eigentlich nicht an, Ihnen zuliebe aber schon."),
    ("fr", "Nous ne faisons pas de remise d'habitude, mais pour vous, nous ferons une exception."),
    ("fr", "Exceptionnellement, nous vous offrons les frais d'installation."),
    ("es", "No solemos ofrecer descuentos, pero por ser usted haremos una excepción."),
    ("es", "Solo por esta vez, la instalación es gratuita."),
]

NO_EXCEPTIONS = [
    ("en", "We make no exceptions on price."),
    ("en", "Dana asked whether we could make an exception on the price."),
    ("en", "Exceptionally, I can meet on Monday, November 30 at 10 am Central."),
    ("de", "Bei den Preisen machen wir keine Ausnahme."),
    ("fr", "Nous ne pouvons pas faire d'exception sur le prix."),
    ("fr", "Claire demande si nous pouvons faire une exception sur la remise."),
    ("es", "No podemos hacer una excepción con el precio."),
    ("es", "Javier preguntó si podemos hacer una excepción con la cuota."),
]


@pytest.mark.parametrize("role", list(ROLES))
@pytest.mark.parametrize(("lang", "text"), EXCEPTIONS)
def test_a_concession_granted_as_an_exception_is_refused_in_every_role(role: str, lang: str, text: str) -> None:
    assert any("concession as an exception" in r for r in ROLES[role](lang, text)), f"{role}: {text}"


@pytest.mark.parametrize("role", list(ROLES))
@pytest.mark.parametrize(("lang", "text"), NO_EXCEPTIONS)
def test_an_exception_refused_asked_about_or_not_commercial_is_no_exception_promise(role: str, lang: str,
                                                                                     text: str) -> None:
    assert ROLES[role](lang, text) == [], f"{role}: {text}"


# --- 4. and 5. who may vouch for a same-day ask --------------------------------------------------------------------

def _email(body: str) -> dict:
    return {"type": "email", "at": "2026-11-25T08:00:00Z", "direction": "inbound", "subject": "Kurze Frage / Quick one",
            "body": body}


UNKNOWN_SENDERS = [
    ("en", "Can you call me today at 4 pm?"),
    ("de", "Können Sie mich heute um 16 Uhr anrufen?"),
    ("fr", "Pouvez-vous m'appeler aujourd'hui à 16 h ?"),
    ("es", "¿Me puede llamar hoy a las 16:00?"),
    # a legal form or the trade is anyone's: only the company's distinctive name is the buyer's
    ("de", "Können Sie mich heute noch anrufen? Viele Grüße, Berger GmbH"),
    ("de", "Können Sie mich heute noch anrufen? Viele Grüße, Berger Logistik GmbH"),
    ("de", "Können Sie mich heute noch anrufen? Viele Grüße Thomas Berger Flottenprofi GmbH"),  # wave 36's note
    ("fr", "Pouvez-vous m'appeler aujourd'hui ? Cordialement, Dupont SAS"),
    ("es", "¿Me puede llamar hoy? Saludos, Transportes Ruiz SL"),
    ("es", "¿Me puede llamar hoy? Saludos, Ruiz S.L."),
    ("en", "Can you call me today? Best, Acme Logistics"),
]

KNOWN_SENDERS = [
    ("en", "Can you call me today at 4 pm? Dana"),
    ("en", "Can you call me today? Best, Northwind Logistics"),
    ("en", "Can you call me today at 4 pm? dana.whitfield@northwind-logistics.com"),
    ("de", "Können Sie mich heute noch anrufen? Viele Grüße, Müller Logistik GmbH"),
    ("de", "Können Sie mich heute um 16 Uhr anrufen? Viele Grüße, Anna Schmidt"),
    ("fr", "Pouvez-vous m'appeler aujourd'hui ? Cordialement, Atelier Lumière SAS"),
    ("fr", "Pouvez-vous m'appeler aujourd'hui à 16 h ? Claire"),
    ("es", "¿Me puede llamar hoy? Saludos, Distribuciones Levante SL"),
    ("es", "¿Me puede llamar hoy a las 16:00? Un saludo, Javier García"),
]


@pytest.mark.parametrize(("lang", "body"), UNKNOWN_SENDERS)
def test_an_email_from_no_known_sender_vouches_for_no_same_day_ask(lang: str, body: str) -> None:
    ask = latest_ask(_ctx(lang, _email(body)))
    assert ask is None or not ask.same_day, body


@pytest.mark.parametrize(("lang", "body"), KNOWN_SENDERS)
def test_an_email_signed_by_a_contact_or_the_company_still_vouches(lang: str, body: str) -> None:
    ask = latest_ask(_ctx(lang, _email(body)))
    assert ask is not None and ask.same_day, body


@pytest.mark.parametrize(("name", "industry", "words"), [
    ("Müller Logistik GmbH", "Logistik", {"müller"}),
    ("Atelier Lumière SAS", "Services", {"atelier", "lumière"}),
    ("Distribuciones Levante S.L.", "Distribución", {"distribuciones", "levante"}),
    ("Harbor Dental Group", "Healthcare", {"harbor", "dental"}),
    ("Northwind Logistics", "Logistics", {"northwind"}),
])
def test_a_companys_distinctive_words_leave_out_its_legal_form_kind_and_trade(name: str, industry: str,
                                                                               words: set[str]) -> None:
    assert distinctive_words(name, industry) == words


def test_the_held_out_buyers_signed_same_day_asks_still_vouch() -> None:
    # set 27's Anna and set 28's "Sonst gern morgen", written as the held-out cases inject them
    for lang, body in [("de", "Hallo Frau Vogt, könnten Sie mich heute zwischen 17 und 18 Uhr kurz zurückrufen? Es "
                              "geht um die Anzahl der Fahrzeuge im Angebot. Viele Grüße, Anna Schmidt"),
                       ("de", "Hallo Frau Vogt, schaffen wir heute noch ein kurzes Telefonat? Sonst gern morgen. "
                              "Anna Schmidt"),
                       ("es", "Marta, ¿me podría llamar hoy por la tarde? Quiero cerrar el calendario antes del comité "
                              "de mañana. Javier")]:
        ask = latest_ask(_ctx(lang, _email(body)))
        assert ask is not None and ask.same_day, body


CALLS_TODAY = {
    "en": ("501", "Hi Dana,\n\nas you asked, I will call you today at 4 pm.\n\nBest,\nSam"),
    "de": ("701", "Guten Tag Frau Schmidt,\n\nwie gewünscht rufe ich Sie heute um 16 Uhr an.\n\nViele Grüße\nLena Vogt"),
    "fr": ("711", "Bonjour Claire,\n\ncomme demandé, je vous appelle aujourd'hui à 16 h.\n\nCordialement,\nHugo"),
    "es": ("0035g00000Es01", "Hola Javier:\n\ncomo me pidió, le llamo hoy a las 16:00.\n\nUn saludo,\nMarta"),
}


def _writer_refuses(lang: str, email: str) -> list[str]:
    """The writer's check of the call-today draft after `email`, with the same-day ask as agents.run reads it and the
    learned screen off: what the rules alone refuse."""
    ctx = _ctx(lang, _email(email))
    ask = latest_ask(ctx)
    recipient, body = CALLS_TODAY[lang]
    return check_draft(DraftOut(to_contact_id=recipient, subject="Next steps", body=body), ctx, build_vocabulary(ctx),
                       approved_discount=None, learned_screen=False, asked_same_day=bool(ask and ask.same_day))


@pytest.mark.parametrize(("lang", "body"), UNKNOWN_SENDERS[:4])
def test_the_writers_call_today_on_an_unsigned_emails_word_is_refused_by_rule(lang: str, body: str) -> None:
    assert any("today" in r for r in _writer_refuses(lang, body)), body


@pytest.mark.parametrize(("lang", "body"), [KNOWN_SENDERS[0], KNOWN_SENDERS[4], KNOWN_SENDERS[6], KNOWN_SENDERS[8]])
def test_the_writers_call_today_on_the_buyers_signed_ask_passes(lang: str, body: str) -> None:
    assert _writer_refuses(lang, body) == [], body
