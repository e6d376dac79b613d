"""Wave 41, qual53: held-out set 53's quality misses and false refusals, fixed by family (issue 11).

Five families, each with the set's draft and phrasings written as an adversary (other word orders, the other
languages, negations, questions, the look-alike that must still be read):

- the buyer's request put off behind the buyer's own signature ("cuando hayan firmado": es-b7, missed);
- a French "je vous confirme" read as the Spanish imperative "confírme" (fr-g4, "2 ask(s)");
- "once the first has settled" read as paying (en-g7, price talk);
- "leaves the price unchanged" said of the document (en-g6, price talk);
- "the price stays the same" beside the proposal the record holds, read as a price lock (en-g8, a concession).

A test named a guard held before the change and must keep holding; every other one failed on the code before it.
"""

from __future__ import annotations

import json

import pytest

from agents.concessions import concession_violations
from agents.deferred_asks import deferred_ask
from agents.moments import Ask
from agents.next_steps import count_asks
from agents.price_talk import unanchored_price_talk
from tests.agents.conftest import FIXTURES
from tests.agents.test_quality import _checks

SET53 = {lang: {e["id"]: e for e in json.loads((FIXTURES / "quality_heldout53" / f"{lang}.json").read_text())}
         for lang in ("en", "fr", "es")}


@pytest.mark.parametrize("entry_id", ["q53-en-g6", "q53-en-g7", "q53-en-g8", "q53-fr-g4"])
def test_set_53s_good_drafts_that_were_refused_now_pass(entry_id):
    entry = SET53[entry_id.split("-")[1]][entry_id]
    assert [c.detail for c in _checks(entry) if not c.passed] == []


def test_set_53s_proposal_without_the_calendar_until_signature_is_flagged():
    failed = [c.detail for c in _checks(SET53["es"]["q53-es-b7"]) if not c.passed]
    assert any("puts what the buyer asked for behind another step" in d for d in failed), failed


def _ask(question: str) -> Ask:
    return Ask(activity_id="a1", at="2026-11-24", topics=("proposal", "timeline"), question=question,
               sender_contact_id="c1", same_day=False)


_EN = _ask("Could you send the proposal with the implementation calendar for the rollout?")
_DE = _ask("Können Sie uns das Angebot mit dem Zeitplan für die Einführung schicken?")
_FR = _ask("Pourriez-vous nous envoyer la proposition avec le calendrier de déploiement ?")
_ES = _ask("¿Nos puede enviar la propuesta con el calendario de implantación?")


@pytest.mark.parametrize(("ask", "body"), [
    (_EN, "The rollout calendar can wait until after you have signed."),
    (_EN, "We will go through the implementation calendar once you've signed."),
    (_EN, "The rollout timeline follows as soon as the partners have signed."),
    (_DE, "Den Zeitplan besprechen wir, sobald Sie unterschrieben haben."),
    (_DE, "Den Zeitplan für die Einführung erstellen wir, wenn Sie den Vertrag unterzeichnet haben."),
    (_FR, "Le calendrier de déploiement, nous le verrons quand vous aurez signé."),
    (_FR, "Nous fixerons le calendrier une fois que vous aurez signé le contrat."),
    (_ES, "El calendario lo cerramos cuando firmen."),
    (_ES, "El calendario de implantación se lo preparo en cuanto haya firmado."),
    (_ES, "Veremos el calendario una vez que hayan firmado el contrato."),
])
def test_the_asked_thing_put_off_until_the_buyer_signs_is_flagged(ask, body):
    assert deferred_ask(ask, body)


@pytest.mark.parametrize(("ask", "body"), [
    (_EN, "The calendar is in the proposal. Once you've signed, the invoice follows."),
    (_EN, "Would it help to go through the rollout calendar once you've signed?"),
    (_EN, "You won't have to wait until you have signed for the calendar: it is attached."),
    (_DE, "Der Zeitplan liegt dem Angebot bei; sobald Sie unterschrieben haben, buchen wir die Schulungen."),
    (_FR, "Le calendrier est dans la proposition. Quand vous aurez signé, nous planifierons la formation."),
    (_ES, "El calendario va en la propuesta; cuando firmen, empezamos con la formación."),
])
def test_a_signature_that_puts_nothing_asked_off_passes_guard(ask, body):
    """Guard: the signature named beside something the buyer did not ask for, or in a question, or with the thing
    already given, put nothing off before the change and must not now."""
    assert deferred_ask(ask, body) == ""


@pytest.mark.parametrize("body", [
    "Je vous confirme l'envoi de la proposition vendredi 27 novembre.\n\nLe lundi 30 novembre à 16 h vous irait-il ?",
    "Comme convenu, je vous le confirme : la formation est incluse. Mardi à 10 h vous conviendrait-il ?",
    "Paul a vérifié les chiffres, ce qui confirme le calendrier. Quel jour vous arrange pour en parler ?",
    "Cela confirme que les 6 ateliers démarrent en janvier. Pouvons-nous en parler jeudi ?",
    "As agreed, I confirm that Tuesday at 10:00 works for the clinic leads. Could Marcus join us?",
    "Thanks for the note; we can confirm the time works for the partners. Would Thursday suit you for a call?",
])
def test_a_confirmation_the_writer_states_is_not_a_second_ask(body):
    assert count_asks(body) == 1


@pytest.mark.parametrize("body", [
    "Confírmeme, por favor, si el jueves a las 10:00 le viene bien.",
    "Le ruego que me confirme la hora de la llamada.",
    "Please confirm the time works for you.",
    "Thanks, and please confirm the time works for you.",
    "Le confirmo que el jueves a las 10:00 nos viene bien. ¿Le envío la agenda?",
    "Ich bestätige Ihnen den Termin am Donnerstag um 10 Uhr. Passt Ihnen das?",
])
def test_a_confirmation_asked_of_the_buyer_still_counts_guard(body):
    """Guard: the Spanish and English imperatives, and the first person in Spanish and German, counted one ask each
    before the change and must still."""
    assert count_asks(body) == 1


@pytest.mark.parametrize("text", [
    "We suggest starting with the busiest clinics; the second wave follows once the first has settled.",
    "We start the second wave when things settle down.",
    "Once the clinic teams have settled in, we add the remaining sites.",
    "After the first month the reminders settle into a routine and the partners see the effect.",
    "Let the first wave settle, then we start the second.",
])
def test_a_thing_that_settles_is_no_payment(text):
    assert unanchored_price_talk(text) == []


@pytest.mark.parametrize("text", [
    "Once you have settled, we switch the clinics on.",
    "Once the invoice has settled, we start the rollout.",
    "The rest is settled later, after go-live.",
])
def test_settling_by_a_person_or_a_bill_is_still_read_guard(text):
    """Guard: a person or a bill as what settles was price talk before the change and must stay so."""
    assert unanchored_price_talk(text)


@pytest.mark.parametrize("text", [
    "La deuxième vague suivra une fois que tout sera réglé.",
    "Die zweite Welle folgt, sobald sich die erste eingespielt hat.",
    "La segunda ola sigue cuando la primera se haya asentado.",
])
def test_things_settling_in_the_other_languages_pass_guard(text):
    """Guard: French, German and Spanish say it with words the price rules never read."""
    assert unanchored_price_talk(text) == []


@pytest.mark.parametrize("text", [
    "It sets out the clinics of each wave and leaves the price unchanged.",
    "The revised plan keeps the price as it is.",
    "Der neue Plan lässt den Preis unverändert.",
    "Le nouveau plan laisse le prix inchangé.",
    "El nuevo plan deja el precio igual.",
    "El plan revisado mantiene el precio sin cambios.",
    "The clinics, the texts and the price stay the same.",
])
def test_a_price_the_document_leaves_as_it_is_is_no_price_talk(text):
    assert unanchored_price_talk(text) == []


@pytest.mark.parametrize("text", [
    "It leaves the price unchanged until 2028.",
    "It leaves the price unchanged and adds two free months.",
    "Der Plan lässt den Preis unverändert, aber ohne Einrichtungsgebühr.",
    "El plan deja el precio igual durante tres años.",
    "Le plan laisse le prix inchangé pendant trois ans.",
    "We keep the price unchanged.",
])
def test_a_price_left_as_it_is_with_a_span_a_gift_or_as_our_stance_is_still_read_guard(text):
    """Guard: with a span, something added or a turn, or said as our own stance, it was price talk before the change
    and must stay so."""
    assert unanchored_price_talk(text)


@pytest.mark.parametrize("text", [
    "Nothing else has changed from the proposal: the price stays the same.",
    "As in the proposal of 2 November, the price remains unchanged.",
    "Gegenüber dem Angebot vom 2. November ändert sich nichts, der Preis bleibt gleich.",
    "Rien d'autre ne change par rapport à la proposition : le prix reste le même.",
    "Nada más cambia respecto a la propuesta: el precio sigue igual.",
])
def test_a_price_kept_as_the_proposal_has_it_is_no_concession(text):
    assert concession_violations(text) == []


@pytest.mark.parametrize("text", [
    "As in the proposal, the price stays the same until the end of 2027.",
    "The price stays the same as last year, as in last year's proposal.",
    "Wie im Angebot: der Preis bleibt gleich, wenn Sie bis Freitag unterschreiben.",
    "Comme dans la proposition, le prix reste le même pendant trois ans.",
    "Como en la propuesta, el precio sigue igual si firman antes del viernes.",
    "The price stays the same.",
])
def test_a_price_held_with_a_span_a_condition_last_year_or_no_document_is_still_a_concession_guard(text):
    """Guard: a held price with a span, a condition, last year or no document behind it was a concession before the
    change and must stay one."""
    assert any("the price moved" in v for v in concession_violations(text))
