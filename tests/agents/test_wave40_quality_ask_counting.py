"""Two holes wave 39 noticed in its ask counting (wave 40, noticed40b).

1. A request that waits on the buyer's wish ("If you want the comparison too, tell me") was read four ways: English
   and French did not count it at all unless the wish was for us to change something, German and Spanish counted it
   as a full ask, so beside a question a German or Spanish draft read "2 ask(s)". It now waits on the buyer in every
   language, with the request first or last: beside another ask it is none, alone it is the draft's one ask (wave
   39's choice, kept: set 50's es-g2 asks nothing else). A day, a figure, a choice or a question word after the
   request is asked in any case.
2. A count the record holds, asked beside a question about a change ("How many trucks, and has anything changed?"),
   is still the known count asked: the change exempts only the clause it is in ("If the number of trucks has changed,
   tell me" asks nothing known).
"""

from __future__ import annotations

import pytest

from agents.known_figures import asks_for_known_figures
from agents.next_steps import count_asks
from tests.agents.quality_probe import named_check, record_context

QUESTION = {
    "en": "Would Thursday, December 3 at 10 am work for you?",
    "de": "Passt Ihnen Donnerstag, 3. Dezember, um 10 Uhr?",
    "fr": "Le jeudi 3 décembre à 10 h vous conviendrait-il ?",
    "es": "¿Le viene bien el jueves 3 de diciembre a las 10:00?",
}
WISHES = [
    ("en", "If you want the fuel-price comparison too, tell me."),
    ("en", "If you'd like the comparison as well, just let me know."),
    ("en", "Let me know if you want the comparison with your current vendor too."),
    ("de", "Wenn Sie die Übersicht je Standort möchten, geben Sie mir Bescheid."),
    ("de", "Wenn Sie die Übersicht möchten, sagen Sie es mir."),
    ("de", "Möchten Sie, dass wir die Übersicht ergänzen, geben Sie mir Bescheid."),
    ("de", "Geben Sie mir Bescheid, wenn Sie die Übersicht je Standort möchten."),
    ("fr", "Si vous voulez la comparaison par atelier, dites-le-moi."),
    ("fr", "Si vous souhaitez la comparaison, faites-le-moi savoir."),
    ("fr", "Dites-moi si vous voulez la comparaison par atelier."),
    ("es", "Si quiere la comparación por taller, dígamelo."),
    ("es", "Si desea la comparación, avíseme."),
    ("es", "Dígame si quiere la comparación por taller."),
]


@pytest.mark.parametrize(("lang", "wish"), WISHES)
def test_a_request_waiting_on_the_buyers_wish_is_no_second_ask_beside_a_question(lang, wish):
    assert count_asks(f"{wish} {QUESTION[lang]}") == 1


@pytest.mark.parametrize(("lang", "wish"), WISHES)
def test_a_request_waiting_on_the_buyers_wish_alone_is_the_drafts_one_ask(lang, wish):
    assert count_asks(wish) == 1


@pytest.mark.parametrize(("lang", "sentence"), [
    ("en", "Let me know if you want the call on Thursday or Friday."),
    ("en", "Let me know if Thursday works."),
    ("en", "Let me know if you would like the comparison, and which format suits you."),
    ("de", "Geben Sie mir Bescheid, ob Sie den Termin am Donnerstag möchten."),
    ("fr", "Dites-moi si vous voulez le point jeudi ou vendredi."),
    ("es", "Dígame si quiere la llamada el jueves o el viernes."),
])
def test_a_request_for_a_day_a_choice_or_an_answer_is_still_an_ask_of_its_own(lang, sentence):
    assert count_asks(f"{sentence} {QUESTION[lang]}") == 2


def test_a_german_draft_with_a_wish_request_and_a_question_has_one_clear_call_to_action():
    body = ("Guten Tag Frau Schmidt,\n\ndanke für Ihre Nachricht vom 20. November. Das Angebot für 120 Fahrzeuge "
            "erhalten Sie spätestens am Freitag, 27. November. Wenn Sie die Übersicht je Standort möchten, geben Sie "
            "mir Bescheid.\n\nPasst Ihnen Mittwoch, 2. Dezember, um 10 Uhr für eine kurze Durchsicht?\n\n"
            "Freundliche Grüße\nLena Vogt")
    check = named_check("de_deal", body, "one_clear_call_to_action", language="de")
    assert check.passed, check.detail


@pytest.mark.parametrize(("record", "sentence"), [
    ("hubspot_deal", "How many trucks do you run now, and has anything changed?"),
    ("hubspot_deal", "How many trucks, and have they changed since the demo?"),
    ("de_deal", "Wie viele Fahrzeuge sind es, und hat sich etwas geändert?"),
    ("de_deal", "Wie viele Fahrzeuge haben Sie; hat sich seit der Demo etwas geändert?"),
    ("fr_deal", "Combien d'ateliers avez-vous, et est-ce que cela a changé ?"),
    ("es_opportunity", "¿Cuántos camiones son, y ha cambiado algo?"),
])
def test_a_known_count_asked_beside_a_question_about_a_change_is_still_asked(record, sentence):
    assert asks_for_known_figures(sentence, record_context(record))


@pytest.mark.parametrize(("record", "sentence"), [
    ("hubspot_deal", "If the number of trucks has changed since the demo, tell me."),
    ("hubspot_deal", "Has the number of trucks changed since the demo?"),
    ("hubspot_deal", "How many trucks are you adding next year, and has the depot count changed?"),
    ("de_deal", "Falls sich die Anzahl der Fahrzeuge geändert hat, geben Sie mir Bescheid."),
    ("de_deal", "Wie viele Fahrzeuge kommen dazu, und hat sich am Zeitplan etwas geändert?"),
    ("fr_deal", "Si le nombre d'ateliers a changé, dites-le-moi."),
    ("es_opportunity", "Si el número de camiones ha cambiado, dígamelo."),
    ("es_opportunity", "¿Siguen siendo 85 camiones, o ha cambiado algo?"),
])
def test_a_count_asked_only_as_a_change_or_stated_is_no_known_count_asked(record, sentence):
    assert asks_for_known_figures(sentence, record_context(record)) == []
