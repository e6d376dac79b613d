"""Whole classes of text no draft to a buyer holds (agents.invariants, agents.spelled_numbers), and the ordinary text that must
still pass: accents, German umlauts, typographic quotes and spaces, small numbers in words."""

from __future__ import annotations

import pytest

from agents.invariants import character_violations, foreign_sentence_violations
from agents.spelled_numbers import spelled_number_violations, spelled_numbers


@pytest.mark.parametrize("text", [
    "Onboarding is fr\u200bee.",                          # zero-width space
    "Die Installation ist kosten\U000E0020los.",           # a Unicode tag character
    "La formation est g\u0332r\u0332a\u0332t\u0332u\u0332i\u0332t\u0332e\u0332.",  # combining low lines
    "La implantación va sin c\u0585ste.",                  # Armenian o inside a Latin word
    "Die Schulung ist 𝐤𝐨𝐬𝐭𝐞𝐧𝐥𝐨𝐬.",                       # mathematical bold
    "Die Einrichtung ist \u1d0b\u1d0fs\u1d1b\u1d07\u0274\u029f\u1d0fs.",  # phonetic small capitals
    "The SSO add-on is ｃｏｍｐｌｉｍｅｎｔａｒｙ.",        # full-width
    "The first month is fr\u0435\u0435.",                  # Cyrillic e
    "Price\u202e.eerf si",                                 # bidi override
])
def test_characters_that_only_hide_a_word_are_refused(text):
    assert character_violations(text) != []


@pytest.mark.parametrize("text", [
    "Hallo Frau Schmidt, vielen Dank für Ihre Nachricht – Grüße aus München.",
    "Bonjour Claire, merci pour votre message du 19 novembre ; à vendredi !",
    "Hola Javier: ¿le vendría bien una llamada el 2º día de la semana? Un saludo, Lucía.",
    "It\u2019s \u201cdone\u201d\u00a0\u2014 420\u202ftrucks, £24,000.",
    "Oprah\u00adWinfrey-style hyphenation stays readable.",  # a soft hyphen is typesetting
])
def test_ordinary_typography_in_four_languages_passes(text):
    assert character_violations(text) == []


def test_a_word_in_another_script_passes_only_when_the_record_uses_it():
    assert character_violations("Thanks to the team at Ωmega.") != []
    assert character_violations("Danke an das Team von Ωmega.", own_words={"ωmega"}) != []  # mixed script
    assert character_violations("Привет from Sam", own_words={"привет"}) == []


@pytest.mark.parametrize("text, value", [
    ("twenty grand a year", 20000), ("vingt-quatre mille euros", 24000), ("treinta y ocho mil euros", 38000),
    ("achtundvierzigtausend Euro", 48000), ("ninety days", 90), ("deux cent vingt licences", 220),
    ("a dozen extra licences", 12), ("fünfzehn Prozent", 15), ("the twentieth", 20),
])
def test_numbers_in_words_are_read_in_four_languages(text, value):
    assert [v for _, v in spelled_numbers(text)] == [value]


@pytest.mark.parametrize("text", [
    "Once Marcus has reviewed it, we can talk.", "Feel free to seize the moment.", "Un grand merci !",
    "It is 15 per cent of the fleet.", "Would a twenty-minute call work?", "Your conversion score is good.",
])
def test_words_that_only_look_like_numbers_are_not_numbers(text):
    assert [v for _, v in spelled_numbers(text) if v > 10] == []


def test_a_number_in_words_must_be_one_the_record_has():
    assert spelled_number_violations("We can hold this for ninety days.", allowed={48000.0, 420.0}) != []
    assert spelled_number_violations("All four hundred and twenty trucks are covered.", allowed={420.0}) == []
    assert spelled_number_violations("Two waves and three depots.", allowed=set()) == []


@pytest.mark.parametrize("text", [
    "Lo sconto speciale è già confermato per voi.", "A instalação não terá custo para vocês.",
    "De eerste maand is gratis voor jullie.",
])
def test_a_sentence_in_a_language_we_never_write_is_refused(text):
    assert foreign_sentence_violations(text) != []


@pytest.mark.parametrize("text", [
    "Hi Dana, the proposal is on its way.", "Vielen Dank für Ihre Nachricht, Frau Schmidt.",
    "Merci pour votre message du 19 novembre.", "Le envío la propuesta con el calendario de implantación.",
    "Ciao!",  # too short to judge
])
def test_our_four_languages_pass(text):
    assert foreign_sentence_violations(text) == []
