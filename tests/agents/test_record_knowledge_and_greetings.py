"""Wave 23 (issue 11): one check for asking what the record already holds (agents.known_record), greetings that name
the contact in other spellings, and a dated thanks credited by the day it names. Wordings of our own in four
languages, each beside one that must pass. (Not named test_waveN_kinds.py: these sentences are no screen training
data.)"""

from __future__ import annotations

import copy
import json

import pytest

from agents.context import build_context
from agents.known_record import asks_for_what_the_record_holds
from agents.thanks import thanks_problems
from integrations.sandbox.market import Market, MarketConfig
from tests.agents.conftest import FIXTURES, NOW, load_record
from tests.agents.test_demo_market import NOW as DEMO_NOW
from tests.agents.test_demo_market import _records
from tests.agents.test_quality import _checks


def _asks(record_name: str, sentence: str) -> list[str]:
    record, scores = load_record(record_name)
    return asks_for_what_the_record_holds(sentence, build_context(record, scores, now=NOW))


ASKS_AGAIN = [
    # Marcus wants a payback estimate (demo notes); it went to him on October 22
    ("hubspot_deal", "Shall I put together a payback estimate for Marcus?"),
    # our e-mail of November 6 carried "the completed answers, including SSO and data retention"
    ("hubspot_deal", "Do you need our answers on SSO and data retention?"),
    # "anbei die Amortisationsrechnung" (October 28)
    ("de_deal", "Soll ich Ihnen eine Amortisationsrechnung schicken?"),
    # "Paul veut comprendre le coût par atelier" (demo notes)
    ("fr_deal", "Paul veut-il comprendre le coût par atelier ?"),
    # "adjunto la estimación de retorno" (November 5)
    ("es_opportunity", "¿Le preparo una estimación de retorno?"),
    # Javier asked for the proposal with the rollout timeline (November 18)
    ("es_opportunity", "¿Necesitan un calendario de implantación?"),
    # Tom asked whether the 9 clinics can go live in two waves (November 16)
    ("salesforce_opportunity", "Should the 9 clinics go live in two waves?"),
]


@pytest.mark.parametrize(("record_name", "sentence"), ASKS_AGAIN)
def test_a_question_the_record_already_answers_is_flagged_whatever_its_shape(record_name, sentence):
    assert _asks(record_name, sentence)


MOVES_FORWARD = [
    ("hubspot_deal", "Has Marcus had a chance to look at the payback estimate?"),
    ("hubspot_deal", "Did the payback estimate answer Marcus's questions on the 2-year term?"),
    ("hubspot_deal", "Could you confirm the proposal by Friday?"),
    ("de_deal", "Soll ich die Amortisationsrechnung um die zweite Niederlassung erweitern?"),
    ("fr_deal", "Le résumé de la démonstration vous a-t-il été utile pour préparer la réunion avec Paul ?"),
    ("es_opportunity", "¿Quiere que actualicemos la estimación de retorno con los precios de diciembre?"),
    ("es_opportunity", "¿Ha podido revisar Lucía la estimación de retorno?"),
    ("salesforce_opportunity", "Which clinics should be in the first wave?"),
]


@pytest.mark.parametrize(("record_name", "sentence"), MOVES_FORWARD)
def test_a_follow_up_that_moves_a_known_thing_forward_passes(record_name, sentence):
    assert _asks(record_name, sentence) == []


def _greeted(lang: str, greeting: str) -> tuple[bool, str]:
    """The greeting check on set 31's first good e-mail in `lang` with its greeting line replaced."""
    entries = json.loads((FIXTURES / "quality_heldout31" / f"{lang}.json").read_text())
    entry = copy.deepcopy(next(e for e in entries if e["label"] == "good" and e["draft"]["kind"] == "email"))
    body = entry["draft"]["body"]
    entry["draft"]["body"] = greeting + body[body.index("\n"):]
    check = next(c for c in _checks(entry) if c.name == "addresses_contact_by_name")
    return check.passed, check.detail


@pytest.mark.parametrize(("lang", "greeting"), [
    ("en", "Dear Ms. Whitfield,"), ("en", "Good morning Dana,"), ("de", "Sehr geehrte Frau Dr. Schmidt,"),
    ("fr", "Chère Madame Dubois,"), ("fr", "Chère Madame,"), ("es", "Estimado Sr. Garcia:"),
    ("es", "Estimado señor:"), ("es", "Buenos días, don Javier:"),
])
def test_a_greeting_by_title_and_surname_unaccented_or_bare_and_formal_names_the_contact(lang, greeting):
    passed, detail = _greeted(lang, greeting)
    assert passed, detail


@pytest.mark.parametrize(("lang", "greeting"), [
    ("en", "Hi Marcus,"), ("fr", "Cher Monsieur,"), ("es", "Estimada señora:"), ("es", "Hola Lucía:"),
])
def test_a_greeting_to_someone_else_or_the_wrong_gender_still_fails(lang, greeting):
    assert not _greeted(lang, greeting)[0]


@pytest.fixture(scope="module")
def deal_89():
    market = Market(MarketConfig(seed=11, start=DEMO_NOW.replace(hour=0), n_companies=40, n_open_deals=60,
                                 n_closed_deals=60, injection_rate=0.25))
    record = next(r for r in _records(market) if r.id == "89")
    return build_context(record, None, now=DEMO_NOW)


@pytest.mark.parametrize("sentence", ["Thanks for the call on November 24.",
                                      "Thanks for the call on November 24 about pricing."])
def test_thanks_for_the_recipients_own_dated_call_passes_though_a_colleague_had_calls_too(deal_89, sentence):
    # Mei Lewis (72) had a call on November 24; Evelyn Sato had calls on November 19 and 20
    assert thanks_problems(sentence, deal_89, "72") == []


@pytest.mark.parametrize("sentence", ["Thanks for the call on November 19.",
                                      "Thanks for the call on November 20 about the timeline."])
def test_thanks_for_a_colleagues_dated_call_is_still_credited_to_the_colleague(deal_89, sentence):
    assert thanks_problems(sentence, deal_89, "72") == ["thanks the recipient for what the record credits to Evelyn"]
