"""Why agents.proposed_prices and agents.unchanged_terms keep their own lists of what makes a held price a term (issue
11, code health, wave 42, tidy42).

`proposed_prices._MAKES_IT_A_TERM` (for agents.concessions: a price kept as the proposal has it) lists spans,
conditions ("if", "wenn", "si"), last year and renewals, moved prices and turns, and no figure: "the proposal of 2
November" names its date. `unchanged_terms._READ_AS_BEFORE` (for agents.price_talk: an amount left as it is) lists
figures, spans, things added ("more", "zusätzlich") and moved prices, and no condition. One list for both moves a
verdict either way; the tests pin today's verdicts and show the other list reading the sentence. Every test here is
a guard (it held before wave 42).
"""

from __future__ import annotations

import pytest

from agents.concessions import concession_violations
from agents.price_talk import unanchored_price_talk
from agents.proposed_prices import MAKES_IT_A_TERM
from agents.unchanged_terms import READ_AS_BEFORE


def test_the_proposals_date_keeps_its_price_no_concession():
    """Guard (set 53's en-g8 family): the figure is the proposal's date; `READ_AS_BEFORE` reads any digit, so in
    proposed_prices it would make this honest sentence a concession again."""
    text = "As in the proposal of 2 November, the price remains unchanged."
    assert concession_violations(text) == []
    assert READ_AS_BEFORE.search(text) and not MAKES_IT_A_TERM.search(text)


@pytest.mark.parametrize("text", [
    "It leaves the price unchanged if you sign this month.",
    "Der Plan lässt den Preis unverändert, wenn Sie diesen Monat unterschreiben.",
    "Le plan laisse le prix inchangé si vous signez ce mois-ci.",
    "El plan deja el precio igual si firman este mes.",
])
def test_a_price_left_as_it_is_on_a_condition_is_no_price_talk_today(text):
    """Guard: price_talk reads no condition in `READ_AS_BEFORE`, so the amount left as it is is blanked; on
    `MAKES_IT_A_TERM` ("if", "wenn", "si", "mes"/"Monat"/"mois") the sentence would be read as price talk. Whether a
    price held on signing this month should pass is a separate question (noticed in wave 42, not changed here)."""
    assert unanchored_price_talk(text) == []
    assert MAKES_IT_A_TERM.search(text) and not READ_AS_BEFORE.search(text)


@pytest.mark.parametrize("text", [
    "As in the proposal, the price stays the same, with two more seats.",
    "Comme dans la proposition, le prix reste le même, avec deux postes supplémentaires.",
    "Como en la propuesta, el precio sigue igual, con dos licencias adicionales.",
])
def test_something_added_beside_the_proposals_price_is_read_by_the_other_list_only(text):
    """Guard: concessions passes these; `READ_AS_BEFORE` reads "more", "supplémentaire" and "adicional", and in
    proposed_prices would refuse them as a held price. (As drafts, the English and French ones fail
    no_unapproved_commitments; the Spanish one passes every commitment check: noticed in wave 42, not changed here.)"""
    assert concession_violations(text) == []
    assert READ_AS_BEFORE.search(text) and not MAKES_IT_A_TERM.search(text)
