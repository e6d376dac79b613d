"""Why agents.stated_terms keeps its own reach for a reported ask (issue 11, code health, wave 42, tidy42).

Wave 41 left two readings of "a reported ask governs its clause": `stated_terms._reported_ask` (the words before the
term, cut at the last "," ";" ":" "(" ")" or dash only when a ";" precedes the term) and `joined_clauses.clause_before`
(cut at a ";" or a spaced dash, never at a comma), which commercial_terms and concepts read. They are not one rule:
a spaced dash with no ";" ends the ask for the shared one only, and a comma after a ";" ends it for stated_terms only.
Merging either way moves a verdict of agents.flat_prices (and so of vouchers, partner_status, price_tiers and
credited_months), so wave 42 left both; each test pins today's verdict and shows the shared reader deciding otherwise.
Every test here is a guard: it held before wave 42 and holds after.
"""

from __future__ import annotations

import pytest

from agents.flat_prices import flat_prices
from agents.joined_clauses import clause_before
from agents.stated_terms import REPORTED_ASK, reported_ask


def _shared_reads_an_ask(sentence: str, term: str) -> bool:
    at = sentence.rfind(term)
    return bool(REPORTED_ASK.search(clause_before(sentence, at)))


@pytest.mark.parametrize(("sentence", "term"), [
    ("Tom asked whether a flat fee is possible - we can offer a flat fee per depot.", "flat fee"),
    ("Claire a demandé si un forfait est possible - nous proposons un forfait par dépôt.", "forfait"),
    ("Javier preguntó si una tarifa plana es posible - ofrecemos una tarifa plana por depósito.", "tarifa plana"),
])
def test_a_spaced_dash_does_not_end_the_asks_reach_in_stated_terms(sentence, term):
    """Guard. Today the ask reaches the offer after the dash, so the flat fee passes (a hole: the offer is ours); on
    joined_clauses' cut the dash ends the ask and the flat fee would be refused."""
    at = sentence.rfind(term)
    assert reported_ask(sentence, at)
    assert flat_prices(sentence) == []
    assert not _shared_reads_an_ask(sentence, term)


def test_german_gefragt_is_no_reported_ask_for_stated_terms_either_way():
    """Guard and adversary: stated_terms' words read "fragt ..., ob" but not "gefragt, ob", so the German form of the
    sentence above is refused on both cuts; the two readers differ in the cut, not here."""
    sentence = "Tom hat gefragt, ob ein Pauschalpreis möglich ist - wir bieten einen Pauschalpreis pro Depot an."
    assert flat_prices(sentence)
    assert not reported_ask(sentence, sentence.rfind("Pauschalpreis"))
    assert not _shared_reads_an_ask(sentence, "Pauschalpreis")


def test_a_comma_after_a_semicolon_ends_the_asks_reach_in_stated_terms():
    """Guard. After a ";" stated_terms cuts at commas too, so "in short," parts the ask from the term and the buyer's
    own question is refused as our flat fee; joined_clauses' clause keeps the ask and would pass it."""
    sentence = "Noted; Tom asked whether, in short, a flat fee per depot works."
    assert flat_prices(sentence)
    assert not reported_ask(sentence, sentence.rfind("flat fee"))
    assert _shared_reads_an_ask(sentence, "flat fee")


@pytest.mark.parametrize("sentence", [
    "Tom asked whether a flat fee is possible.",
    "Tom asked whether a flat fee is possible; we can offer a flat fee per depot.",
])
def test_where_the_two_cuts_agree_the_verdict_is_the_same(sentence):
    """Guard: no dash, no comma after a ";": both readers put the term in the same clause."""
    term = "flat fee"
    assert reported_ask(sentence, sentence.rfind(term)) == _shared_reads_an_ask(sentence, term)
