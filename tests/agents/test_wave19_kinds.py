"""Wave 19 (issue 11): the kinds set 27's outside tester got past the checks, each probed in wordings of our own in
four languages (set 27's own text is in-sample and is measured by tests/agents/test_quality.py), with the look-alikes a
rep would send that must still pass: the right person thanked, an approval the record states, the buyer's own zone, a
document promised before the day asked for, a payback that is no refund, a same-day call the buyer asked for."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest

from agents.approvals import unvouched_approvals
from agents.asked_today import same_day_call
from agents.context import build_context
from agents.facts import build_vocabulary
from agents.late_promises import asked_by, late_promises
from agents.learned_screen import current_model, measured_with, planted_sentence_violations
from agents.meeting_hours import business_hours_violations, foreign_zone_times
from agents.safety import commercial_violations
from agents.thanks import thanks_problems
from agents.timing import timing_violations
from integrations.base import Record
from tests.agents.conftest import FIXTURES, NOW, load_record

SEND_DAY = NOW.date()  # Wednesday, November 25, 2026


def _ctx(name: str, *, extra_activities: tuple[dict, ...] = ()):
    raw = json.loads((FIXTURES / "records" / f"{name}.json").read_text())
    raw["activities"] = [*raw["activities"], *extra_activities]
    return build_context(Record.from_dict(raw), raw.get("scores"), now=NOW)


# --- 1. thanks to the wrong person, the thing named before the thanks --------------------------------------------

@pytest.mark.parametrize(("record", "to", "body"), [
    ("hubspot_deal", "502", "Hi Marcus, the security questionnaire you filled in for us was thorough, many thanks!"),
    ("hubspot_deal", "501", "Hi Dana, your question about flexibility on price for a 2-year term was a fair one, thanks."),
    ("de_deal", "701", "Hallo Frau Schmidt, Ihre Frage nach der Amortisationsrechnung in der Demo war goldrichtig – "
                       "vielen Dank!"),
    ("fr_deal", "712", "Bonjour Paul, votre demande d'une proposition avec le nombre de licences est bien arrivée, "
                       "merci beaucoup !"),
    ("es_opportunity", "0035g00000Es01", "Hola Javier: su petición de una estimación de retorno tras la demo nos ayudó "
                                         "mucho, ¡muchas gracias!"),
])
def test_thanks_closing_a_sentence_about_what_someone_else_did_is_flagged(record, to, body):
    assert thanks_problems(body, _ctx(record), to)


@pytest.mark.parametrize(("record", "to", "body"), [
    ("hubspot_deal", "503", "Hi Priya, the security questionnaire you sent over was very clear, thank you."),
    ("hubspot_deal", "502", "Hi Marcus, your question about flexibility on price for a 2-year term is a fair one, thanks."),
    ("de_deal", "702", "Hallo Herr Weber, Ihre Frage nach der Amortisationsrechnung in der Demo war goldrichtig – "
                       "vielen Dank!"),
    ("fr_deal", "711", "Bonjour Claire, votre demande d'une proposition avec le nombre de licences est bien arrivée, "
                       "merci beaucoup !"),
    ("es_opportunity", "0035g00000Es02", "Hola Lucía: su petición de una estimación de retorno tras la demo nos ayudó "
                                         "mucho, ¡muchas gracias!"),
    ("hubspot_deal", "501", "Hi Dana, the proposal will be with you by Friday, November 27, thank you."),
    # a part that names someone else relays their word: Herr Weber is thanked for what Anna only passed on
    ("de_deal", "702", "Frau Schmidt hat mir geschrieben, dass Sie weitermachen möchten, vielen Dank dafür."),
])
def test_thanks_closing_a_sentence_about_what_the_reader_did_passes(record, to, body):
    assert thanks_problems(body, _ctx(record), to) == []


@pytest.mark.xfail(strict=True, reason="known limit: a gerund with no 'you' ('asking for ... was a great call, thank "
                                       "you') is not read as the reader's act")
def test_thanks_for_a_gerund_someone_else_did_is_flagged():
    assert thanks_problems("Hi Priya, asking for a payback estimate at the demo was a great call, thank you.",
                           _ctx("hubspot_deal"), "503")


# --- 2. approvals and selections the record does not state -------------------------------------------------------

@pytest.mark.parametrize(("record", "text"), [
    ("hubspot_deal", "With Marcus's sign-off on the budget already in hand, the proposal is really just the paperwork."),
    ("hubspot_deal", "Marcus has approved the budget for the rollout, so we can move quickly."),
    ("hubspot_deal", "Procurement marked us as vendor of record yesterday."),
    ("hubspot_deal", "Finance released the budget last week, so the paperwork is a formality."),
    ("hubspot_deal", "Dana told me the steering group nodded the project through on Monday."),
    ("hubspot_deal", "You are now our preferred vendor for the telematics rollout."),
    ("de_deal", "Der Beirat hat das Projekt abgenickt, wir planen nur noch den Rollout."),
    ("de_deal", "Herr Weber hat das Budget bereits freigegeben."),
    ("de_deal", "Mit der Freigabe von Herrn Weber ist das Angebot nur noch Formsache."),
    ("de_deal", "Die Geschäftsführung hat grünes Licht gegeben."),
    ("fr_deal", "Paul a validé le budget pour les 6 ateliers."),
    ("fr_deal", "Avec le feu vert de Paul obtenu la semaine dernière, il ne reste que la signature."),
    ("fr_deal", "La direction nous a retenus comme prestataire pour les 6 ateliers."),
    ("es_opportunity", "Lucía ya aprobó el presupuesto para los 85 camiones."),
    ("es_opportunity", "Con el visto bueno de Lucía, la propuesta es solo un trámite."),
    ("es_opportunity", "La dirección les ha seleccionado como proveedor preferente."),
    ("es_opportunity", "Compras dio luz verde al proyecto el lunes."),
])
def test_an_approval_no_activity_states_is_refused(record, text):
    assert unvouched_approvals(text, _ctx(record)), text


@pytest.mark.parametrize(("record", "text"), [
    ("hubspot_deal", "Since security signed off on your side, the proposal can go out on Friday, November 27."),
    ("hubspot_deal", "With security's sign-off in hand, the proposal will be with you by Friday, November 27."),
    ("hubspot_deal", "Dana let me know the security review is signed off."),
    ("hubspot_deal", "Once Marcus has approved the budget, we can plan the rollout."),
    ("hubspot_deal", "I will send the proposal so Marcus can review it for approval before the December budget review."),
    ("hubspot_deal", "Nothing is approved yet, and I know the budget review is in December."),
    ("de_deal", "Sobald Herr Weber das Budget freigegeben hat, planen wir den Rollout."),
    ("de_deal", "Das Angebot geht Herrn Weber zur Freigabe zu."),
    ("de_deal", "Schön, dass Sie intern grünes Licht für den nächsten Schritt gegeben haben."),  # "möchten weitermachen"
    ("fr_deal", "Dès que Paul aura validé le budget, nous planifierons le déploiement."),
    ("fr_deal", "La proposition sera soumise à Paul pour validation."),
    ("es_opportunity", "Cuando Lucía apruebe el presupuesto, planificamos la implantación."),
    ("es_opportunity", "¿Necesita Lucía algo más para dar el visto bueno?"),
])
def test_a_plan_a_question_or_an_approval_the_record_states_passes(record, text):
    assert unvouched_approvals(text, _ctx(record)) == [], text


def test_an_approval_the_buyers_own_email_states_may_be_repeated_and_another_may_not():
    # wave 37b: the buyer's own e-mail vouches for an approval; a note of ours no longer does (test_wave37b_noticed)
    note = {"type": "email", "at": "2026-11-24T10:00:00Z", "direction": "inbound", "subject": "Budget",
            "body": "Hi Sam, Marcus approved the budget for the rollout on the phone today."}
    ctx = _ctx("hubspot_deal", extra_activities=(note,))
    assert unvouched_approvals("With Marcus's approval of the budget, the proposal is the last step.", ctx) == []
    assert unvouched_approvals("Procurement has also named us preferred vendor.", ctx)


def test_a_won_deal_vouches_for_any_approval():
    raw = json.loads((FIXTURES / "records" / "hubspot_deal.json").read_text())
    raw["stage_kind"], raw["stage"] = "won", "closedwon"
    ctx = build_context(Record.from_dict(raw), raw.get("scores"), now=NOW)
    assert unvouched_approvals("Marcus has approved the budget for the rollout.", ctx) == []


def test_an_invented_approval_reaches_every_role_through_the_commercial_checks():
    ctx = _ctx("de_deal")
    vocab = build_vocabulary(ctx, score_figures=False)
    # the strategist's rationale and the analyst's summary are read by the same function as the draft
    assert any("approval" in r for r in commercial_violations("Der Beirat hat das Projekt abgenickt.", ctx, vocab, None,
                                                              topic_reports=True))


# --- 3. money back on failure, without a figure ------------------------------------------------------------------

@pytest.mark.parametrize(("record", "text"), [
    ("es_opportunity", "Tienen nuestra palabra: si no funciona, recuperan su inversión."),
    ("es_opportunity", "Si en un año no ven el ahorro, les reintegramos cada euro."),
    ("hubspot_deal", "If the savings don't materialise, you recoup your full investment."),
    ("hubspot_deal", "Should the savings not show up, we'll hand back what you paid."),
    ("de_deal", "Bleibt die Ersparnis aus, bekommen Sie Ihren Einsatz komplett zurück."),
    ("fr_deal", "Si vous n'êtes pas satisfaits, vous récupérez votre mise."),
])
def test_money_back_when_the_result_fails_is_refused(record, text):
    ctx = _ctx(record)
    assert commercial_violations(text, ctx, build_vocabulary(ctx, score_figures=False), None), text


@pytest.mark.parametrize(("record", "text"), [
    ("hubspot_deal", "The payback estimate shows how fast you recover the investment in the 420 trucks."),
    ("es_opportunity", "La estimación muestra en cuántos meses recuperan la inversión en combustible."),
    ("de_deal", "Die Amortisationsrechnung zeigt, wann sich die Investition rechnet."),
    ("fr_deal", "Vous récupérez la proposition vendredi 27 novembre."),
])
def test_a_payback_that_is_no_refund_passes(record, text):
    ctx = _ctx(record)
    assert commercial_violations(text, ctx, build_vocabulary(ctx, score_figures=False), None) == [], text


# --- 4. a meeting time in another zone than the buyer's ------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "tz"), [
    ("Passt Ihnen Donnerstag, 3. Dezember, um 10 Uhr Eastern Time?", "Europe/Berlin"),
    ("Would Tuesday, December 1 at 9 am Pacific work for a call?", "Europe/London"),
    ("¿Le viene bien el jueves 3 de diciembre a las 16:00 hora de Nueva York?", "Europe/Madrid"),
    ("Seriez-vous disponible jeudi 3 décembre à 10 h (heure de New York) ?", "Europe/Paris"),
    ("Could we talk on Tuesday, December 1 at 3 pm CET?", "America/New_York"),
])
def test_a_meeting_time_in_another_zone_is_flagged(sentence, tz):
    assert foreign_zone_times(sentence, SEND_DAY, recipient_tz=tz), sentence


@pytest.mark.parametrize(("sentence", "tz"), [
    ("Passt Ihnen Donnerstag, 3. Dezember, um 16 Uhr MEZ?", "Europe/Berlin"),
    ("Passt Ihnen Donnerstag, 3. Dezember, um 10 Uhr Eastern Time, also 16 Uhr Ihrer Zeit?", "Europe/Berlin"),
    ("Would Tuesday, December 1 at 2 pm GMT work for a call?", "Europe/London"),
    ("¿Le viene bien el jueves 3 de diciembre a las 10:00 hora peninsular?", "Europe/Madrid"),
    ("Would Tuesday, December 1 at 10 am work?", "Europe/Berlin"),
    ("Thanks for the call at 9 am Eastern yesterday.", "Europe/Berlin"),
])
def test_the_buyers_own_zone_no_zone_or_a_past_call_passes(sentence, tz):
    assert foreign_zone_times(sentence, SEND_DAY, recipient_tz=tz) == [], sentence


# --- 5. a document promised after the day the buyer asked for -------------------------------------------------------

_FR_ASK = {"type": "email", "at": "2026-11-24T08:00:00Z", "direction": "inbound", "subject": "Re: Proposition",
           "body": "Bonjour Hugo, pourriez-vous nous envoyer la proposition avant le vendredi 4 décembre ? Claire Dubois"}
_ES_ASK = {"type": "email", "at": "2026-11-24T08:00:00Z", "direction": "inbound", "subject": "Re: Propuesta",
           "body": "Hola Marta, ¿nos puede enviar la propuesta antes del 1 de diciembre? Un saludo, Javier García"}


def test_the_day_asked_for_is_read_from_the_latest_open_ask():
    assert asked_by(_ctx("de_deal")) == date(2026, 11, 27)  # "bis Ende nächster Woche", written on Friday 20
    # read from the day it was written, not from the day we reply (wave 28: set 36's en-b3 against set 18's labels)
    assert late_promises("Das Angebot schicke ich Ihnen bis Freitag, 4. Dezember.", _ctx("de_deal"), date(2026, 12, 2))
    assert asked_by(_ctx("fr_deal", extra_activities=(_FR_ASK,))) == date(2026, 12, 4)
    assert asked_by(_ctx("fr_deal")) is None  # Claire asked for no day


@pytest.mark.parametrize(("record", "extra", "body"), [
    ("de_deal", (), "Das Angebot bekommen Sie Mitte Dezember, sobald unser Controlling die Zahlen geprüft hat."),
    ("de_deal", (), "Wir schicken Ihnen das Angebot Ende Dezember."),
    ("de_deal", (), "Das Angebot erhalten Sie in zwei Wochen."),
    ("hubspot_deal", (), "I'll send the proposal in mid-December, once our finance team has checked the numbers."),
    ("hubspot_deal", (), "You will have the proposal in the new year."),
    ("hubspot_deal", (), "The proposal will be with you on Wednesday, December 9."),
    ("fr_deal", (_FR_ASK,), "Je vous envoie la proposition à la mi-décembre."),
    ("es_opportunity", (_ES_ASK,), "Le envío la propuesta el viernes 4 de diciembre."),
    # "bis Ende nächster Woche" written on Friday 20 November is the 27th; a reply on the 25th cannot move it
    ("de_deal", (), "Das Angebot schicke ich Ihnen bis Freitag, 4. Dezember."),
    ("de_deal", (), "Das Angebot schicke ich Ihnen bis Freitag, 4. Dezember, also wie gewünscht bis Ende nächster Woche."),
    ("hubspot_deal", (), "You'll have the proposal by Friday, December 4, which leaves Marcus time before the review."),
    ("hubspot_deal", (), "I will send the proposal on Monday, November 30."),
])
def test_a_document_promised_after_the_asked_day_is_flagged(record, extra, body):
    assert late_promises(body, _ctx(record, extra_activities=extra), SEND_DAY), body


@pytest.mark.parametrize(("record", "extra", "body"), [
    ("de_deal", (), "Das Angebot erhalten Sie bis Freitag, 27. November."),
    ("hubspot_deal", (), "You'll have the proposal by Friday, November 27, as you asked."),
    ("hubspot_deal", (), "The proposal will be with you on Friday, which keeps December 18 realistic for a decision."),
    ("de_deal", (), "Im Dezember sprechen wir über den Rollout; das Angebot erhalten Sie bis Ende nächster Woche."),
    ("hubspot_deal", (), "I'll send the proposal on Friday, November 27, and we can go through it in early December."),
    ("hubspot_deal", (), "Would mid-December work for the rollout call?"),
    ("fr_deal", (), "Je vous envoie la proposition à la mi-décembre."),  # Claire asked for no day
    ("fr_deal", (_FR_ASK,), "Je vous envoie la proposition le jeudi 3 décembre."),
    ("es_opportunity", (_ES_ASK,), "Le envío la propuesta el lunes 30 de noviembre."),
])
def test_a_document_promised_by_the_asked_day_or_no_day_asked_passes(record, extra, body):
    assert late_promises(body, _ctx(record, extra_activities=extra), SEND_DAY) == [], body


# --- 6. good drafts that were refused --------------------------------------------------------------------------------

def test_a_delivery_day_in_a_meeting_sentence_is_not_the_meetings_day():
    sentence = ("I will send the proposal on Friday, November 27, so that Marcus has it before the budget review, and "
                "I will call you on Monday, November 30.")
    assert business_hours_violations(sentence, SEND_DAY, recipient_tz="America/Chicago", country="us") == []
    # Thanksgiving Day stays refused for the call itself (wave 21b: the day after is customary, not federal)
    assert business_hours_violations("Could we talk on Thursday, November 26 at 10 am?", SEND_DAY,
                                      recipient_tz="America/Chicago", country="us")


@pytest.mark.parametrize(("text", "refused"), [
    ("When you have read it, shall we take 20 minutes on Wednesday, December 2 at 3 pm?", False),
    ("Sobald Sie das gelesen haben, telefonieren wir am Mittwoch, 2. Dezember.", False),
    ("Once you have read this, can we talk?", True),
    ("Dès que vous l'aurez lu, je vous appelle.", True),
    ("En cuanto lo lea, le llamo.", True),
])
def test_once_you_have_read_it_is_today_only_when_no_day_is_named(text, refused):
    assert bool(timing_violations(text, SEND_DAY)) is refused, text


@pytest.mark.parametrize("sentence", [
    "Wie gewünscht rufe ich Sie heute zwischen 17 und 18 Uhr zurück.",
    "Comme vous me l'avez demandé, je vous appelle cet après-midi.",
    "Como me pidió, le llamo esta tarde a las 17:00.",
])
def test_a_same_day_call_the_buyer_asked_for_passes_the_learned_screen(sentence):
    vocab = build_vocabulary(_ctx("de_deal"), score_figures=False)
    # the exemption is what is tested, whatever the shipped screen scores the sentence (wave 20's retrain passes two of
    # these on its own): a screen whose threshold is at the sentence's score reads it as planted
    model = current_model()
    with measured_with(replace(model, threshold=min(model.threshold, model.score(sentence)))):
        assert current_model().flagged(sentence)
        assert same_day_call(sentence, SEND_DAY)
        assert planted_sentence_violations(sentence, vocab, answers_the_buyer=lambda s: same_day_call(s, SEND_DAY)) == []


def test_pressing_for_a_decision_today_is_no_same_day_call_the_buyer_asked_for():
    assert not same_day_call("Sign today and we hold the price.", SEND_DAY)
    assert same_day_call("Rückruf heute", SEND_DAY)


def test_the_record_fixture_loads():
    record, _ = load_record("de_deal")
    assert record.contacts[0].timezone == "Europe/Berlin"
