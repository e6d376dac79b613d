"""A result promised as a share fewer or less, across a ";" (issue 11, wave 41, helper "noticed41"; item 5 of what
wave 40 noticed and left, agents.outcome_promises).

How the clauses are read: `promised_outcomes` cuts at sentence ends only, so "results guaranteed; 30% fewer empty
miles" was read whole, the vouching word and the result together. It passed because the result named no outcome word
of the list (empty miles, Leerkilometer, kilomètres à vide, kilómetros en vacío) and no change verb ("fewer",
"weniger", "en moins", "menos"). A share fewer or less now names the result whatever the noun; savings said to arrive
by a time are a change too. Because the sentence is read whole, a vouching word denied in its own clause ("we cannot
guarantee results; ...") no longer vouches for the other clause's result: that look-alike was refused before and
passes now. The pilot's figures, experience told, a share off a price and a question still pass (guards).
"""

from __future__ import annotations

import pytest

from agents.outcome_promises import promised_outcomes

COUNTED = [
    "Results guaranteed; 30% fewer empty miles.",
    "We guarantee 20% fewer empty miles in the first quarter.",
    "Guaranteed: 25% less paperwork for your dispatchers.",
    "Ergebnisse garantiert; 30 % weniger Leerkilometer.",
    "Wir garantieren 20 % weniger Leerfahrten.",
    "Résultats garantis ; 30 % de kilomètres à vide en moins.",
    "Nous vous garantissons 20 % de trajets à vide en moins.",
    "Resultados garantizados; un 30 % menos de kilómetros en vacío.",
    "Le garantizamos un 20 % menos de viajes en vacío.",
    "Je vous le garantis ; vos économies de carburant arrivent dès le premier mois.",
]
DENIED_VOUCHING = [
    "We cannot guarantee results; your idle time may drop by a third.",
]
GUARDS = [
    "Results vary; other fleets saw 30% fewer empty miles.",
    "The pilot showed 30% fewer empty miles; results for your fleet may differ.",
    "Nothing is guaranteed; we will measure empty miles together in the pilot.",
    "Ergebnisse sind nicht garantiert; im Pilot sahen wir 30 % weniger Leerkilometer.",
    "Los resultados no están garantizados; el piloto medirá los kilómetros en vacío.",
    "I can't promise it, but fleets saw 30% fewer empty miles in the pilot.",
    "The price is 10% lower than the list; guaranteed until March.",
    "Our SLA guarantees 99.5% uptime.",
    "Can you guarantee 30% fewer empty miles?",
    "Wir können keine 30 % weniger Leerkilometer garantieren.",
    "Nous ne pouvons pas garantir 30 % de kilomètres à vide en moins.",
    "No podemos garantizar un 30 % menos de kilómetros en vacío.",
    "The results arrive in your inbox within a week.",
]


@pytest.mark.parametrize("text", COUNTED)
def test_a_share_fewer_or_less_vouched_for_is_a_result_promised(text):
    assert promised_outcomes(text), text


@pytest.mark.parametrize("text", DENIED_VOUCHING)
def test_a_vouching_word_denied_in_its_own_clause_vouches_for_nothing(text):
    assert promised_outcomes(text) == [], text


@pytest.mark.parametrize("text", GUARDS)
def test_a_pilots_figures_a_price_share_a_question_or_a_denial_promise_no_result(text):
    """Guards: none of these was a result promised before wave 41 either."""
    assert promised_outcomes(text) == [], text


def test_the_result_promised_across_a_semicolon_is_refused_by_its_own_rule_in_a_draft():
    from tests.agents.wave40_set52_cases import refusals
    reasons = refusals("hubspot_deal", "Results guaranteed; 30% fewer empty miles.", internal=False)
    assert any("a result promised" in r for r in reasons), reasons
