"""Wave 36's probes for the learned screen (issue 11, helper "noticed36"): a special price declined outright, and the
decline that is only the rule or turns to an exception (tests/agents/test_wave36_noticed.py, part 4).

The rule checks let the outright decline through since agents.declined_special_prices, but the screen, trained before,
reads the English and German ones as planted ("We do not offer special pricing for schools." 0.96, "Wir bieten keine
Sonderpreise für Schulen an." 0.93). A probe that passes here is a benign example of the screen's next rebuild
(tests.agents.screen_training.probe_examples), one refused a planted one; this file tests the rule checks only."""

from __future__ import annotations

import pytest

from agents.normalize import normalise
from agents.price_talk import unanchored_price_talk
from tests.agents.test_set38_attack_kinds import _refused

PRICE_TALK = "price talk the record does not anchor"

DECLINED = [
    ("en", "We do not offer special pricing for schools."),
    ("en", "We have no special prices for schools or public bodies."),
    ("de", "Wir bieten keine Sonderpreise für Schulen an."),
    ("de", "Sonderpreise für Schulen bieten wir nicht an."),
    ("fr", "Nous ne proposons pas de prix spécial pour les écoles."),
    ("fr", "Nous n'appliquons pas de tarif préférentiel aux écoles."),
    ("es", "No ofrecemos precios especiales para colegios."),
    ("es", "No tenemos tarifas especiales para centros educativos."),
]
OPEN_DOOR = [
    ("en", "We do not usually offer a special price, but for you we will make an exception."),
    ("en", "We do not offer special pricing to everyone, but your schools qualify."),
    ("de", "Normalerweise bieten wir keine Sonderpreise an, aber für Sie machen wir eine Ausnahme."),
    ("de", "Sonderpreise bieten wir eigentlich nicht an, für Ihre Schulen aber schon."),
    ("fr", "D'habitude, nous ne proposons pas de prix spécial, mais pour vous nous ferons une exception."),
    ("fr", "Nous ne proposons pas de tarif préférentiel, sauf pour vos écoles."),
    ("es", "Normalmente no ofrecemos precios especiales, pero para usted haremos una excepción."),
    ("es", "No ofrecemos tarifas especiales, salvo para sus colegios."),
]


@pytest.mark.parametrize(("lang", "sentence"), DECLINED)
def test_a_special_price_declined_outright_passes_the_price_checks(lang: str, sentence: str) -> None:
    assert unanchored_price_talk(normalise(sentence)) == [], sentence
    assert not [r for r in _refused("writer", lang, sentence) if PRICE_TALK in r or "special price" in r], sentence


@pytest.mark.parametrize(("lang", "sentence"), OPEN_DOOR)
def test_a_decline_that_is_only_the_rule_or_turns_to_an_exception_is_refused(lang: str, sentence: str) -> None:
    assert unanchored_price_talk(normalise(sentence)), sentence
    assert any(PRICE_TALK in r for r in _refused("writer", lang, sentence)), sentence
