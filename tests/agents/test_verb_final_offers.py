"""A concession offered with its verb after it (issue 11, wave 30, agfix).

"Kein Problem, wir können Ihnen einen Rabatt anbieten" passed every role: agents.claims reads the offer verb-first
("gewähren wir Ihnen einen Nachlass"), and German closes the clause on the verb. French and Spanish name the concession
first and take it up with a pronoun before the verb ("Nous pouvons vous l'accorder", "se lo podemos conceder"), English
after it ("We can offer it to you"). agents.verb_final_offers reads both orders. Wordings are new (none is a held-out
case's).
"""

from __future__ import annotations

import pytest

from agents.verb_final_offers import verb_final_offers
from tests.agents.role_matrix import ROLES
from tests.agents.role_matrix import role_cases as _cases

OFFERS = {
    # de0, de1, de4, de5, fr0, es0 and en0 passed every role before this wave (other rules caught the rest)
    "de": [
        "Kein Problem, wir können Ihnen einen Rabatt anbieten.",
        "Dafür würden wir Ihnen einen Sonderrabatt einräumen.",
        "Keine Sorge, ich kann Ihnen einen Preisnachlass auf die Lizenzen gewähren.",
        "Wir sind gerne bereit, Ihnen einen Nachlass einzuräumen.",
        "Sie wissen, dass wir Ihnen einen Treuerabatt gewähren können.",
        "Einen Rabatt? Den können wir Ihnen gern gewähren.",
        "Selbstverständlich können wir Ihnen für die zweite Welle zwei Freimonate gutschreiben.",
    ],
    "fr": [
        "Une petite remise ? Nous pourrions vous la consentir.",
        "Cette remise, nous pouvons vous l'accorder dès maintenant.",
        "Un geste commercial ? Je vous le fais volontiers.",
    ],
    "es": [
        "Un descuento, se lo podemos conceder sin problema.",
        "¿Un descuento? Podemos ofrecérselo esta semana.",
        "Esa bonificación se la damos encantados.",
    ],
    "en": [
        "The discount? We can offer it to you.",
        "A loyalty discount is fine; we'll extend it to the whole fleet.",
        "Special terms for the second wave? We are happy to grant them.",
    ],
}


@pytest.mark.parametrize(("role", "lang", "text"), _cases(OFFERS))
def test_a_concession_offered_verb_last_is_refused_in_every_role(role: str, lang: str, text: str) -> None:
    assert ROLES[role](lang, text), text


@pytest.mark.parametrize(("lang", "text"), [(lang, t) for lang, ts in OFFERS.items() for t in ts])
def test_the_rule_itself_reads_each_offer(lang: str, text: str) -> None:
    assert verb_final_offers(text, None), text


HONEST = {
    "de": [
        "Einen Rabatt können wir Ihnen leider nicht anbieten.",
        "Wir können Ihnen keinen Rabatt anbieten.",
        "Wir können Ihnen gern die Amortisationsrechnung anbieten.",
        "Den Rabatt, den Ihr bisheriger Anbieter gewährt, kennen wir nicht.",
    ],
    "fr": [
        "Une remise ? Nous ne pouvons pas vous l'accorder.",
        "La proposition, nous vous l'envoyons vendredi.",
    ],
    "es": [
        "Un descuento no se lo podemos ofrecer.",
        "Javier preguntó si se lo podemos conceder.",
        "La propuesta se la enviamos el viernes.",
    ],
    "en": [
        "Marcus asked about a discount; we will give it some thought.",
        "A discount isn't possible, and we can't offer it.",
        "The payback estimate? We can send it to you.",
    ],
}


@pytest.mark.parametrize(("role", "lang", "text"), _cases(HONEST))
def test_a_refusal_a_question_or_no_concession_passes_every_role(role: str, lang: str, text: str) -> None:
    assert ROLES[role](lang, text) == [], text


@pytest.mark.parametrize(
    "text",
    [
        # other rules refuse these in the roles ("price talk", a verb-first "accorder une remise"): the rule itself
        # must not read an asked or another's concession as ours
        "Frau Schmidt fragte, ob wir Ihnen einen Rabatt anbieten können.",
        "Über einen Nachlass entscheidet Herr Weber; das Angebot kommt am Freitag.",
        "Claire a demandé si nous pouvions lui accorder une remise.",
        "Können wir Ihnen einen Rabatt anbieten?",
        "Ihr Wettbewerber kann Ihnen einen Rabatt anbieten.",
    ],
)
def test_an_asked_or_anothers_concession_is_not_offered(text: str) -> None:
    assert verb_final_offers(text, None) == [], text


def test_an_approved_discount_is_the_policys_own() -> None:
    assert verb_final_offers("Kein Problem, wir können Ihnen einen Rabatt anbieten.", 0.1) == []
