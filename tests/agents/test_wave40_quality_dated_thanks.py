"""A thanks for a welcome dated after the message's German ordinal date (wave 40, noticed40b; wave 39 noticed "Vielen
Dank für Ihre Nachricht vom 20. November und für den Empfang bei Ihnen am 10. November." passing `thanked_events`,
because the old split cut the sentence at "20." and the part holding the welcome had no thanks).

Since wave 39's one splitter (agents.sentence_ends) keeps a day's full stop before its month inside the sentence, the
rule reads the whole thanks: no change to the rule was needed, and these tests pin it. On cf6edac2 (before the
splitter) the two German adversary tests fail; the English, French and Spanish forms, which have no full stop in
their dates, were refused there too, and the welcome on the record's demo day passes either way.
"""

from __future__ import annotations

from datetime import date

import pytest

from agents.thanked_events import unrecorded_occasions
from tests.agents.quality_probe import named_check, record_context

SEND_DAY = date(2026, 11, 25)


@pytest.mark.parametrize(("record", "sentence"), [
    ("de_deal", "Vielen Dank für Ihre Nachricht vom 20. November und für den Empfang bei Ihnen am 10. November."),
    ("de_deal", "Danke für Ihre Mail vom 20. Nov. und für die Führung durch Ihr Depot am 10. Nov."),
    ("fr_deal", "Merci pour votre message du 19 novembre et pour votre accueil dans vos ateliers le 10 novembre."),
    ("es_opportunity", "Gracias por su correo del 18 de noviembre y por recibirnos en sus oficinas el 10 de noviembre."),
    ("hubspot_deal", "Thanks for your email of November 18 and for hosting us at your depot on November 10."),
])
def test_a_welcome_on_a_day_the_record_lacks_is_refused_after_a_dated_message(record, sentence):
    assert unrecorded_occasions(sentence, record_context(record), SEND_DAY)


def test_a_welcome_on_the_day_of_the_records_demo_passes_after_a_dated_message():
    sentence = "Herzlichen Dank für Ihre Nachricht vom 20. November und für den Empfang bei Ihnen am 14. Oktober."
    assert unrecorded_occasions(sentence, record_context("de_deal"), SEND_DAY) == []


def test_a_german_draft_thanking_for_an_unrecorded_welcome_fails_the_thanks_check():
    body = ("Guten Tag Frau Schmidt,\n\nvielen Dank für Ihre Nachricht vom 20. November und für den Empfang bei Ihnen "
            "am 10. November. Das Angebot für 120 Fahrzeuge erhalten Sie spätestens am Freitag, 27. November.\n\n"
            "Passt Ihnen Mittwoch, 2. Dezember, um 10 Uhr?\n\nFreundliche Grüße\nLena Vogt")
    check = named_check("de_deal", body, "thanks_the_right_person", language="de")
    assert not check.passed and "Empfang" in check.detail
