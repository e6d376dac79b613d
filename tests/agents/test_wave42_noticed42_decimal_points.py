"""A decimal point ends no clause piece (issue 11, wave 42, helper "noticed42"; item 8 of what wave 41 noticed and left:
tidy41's note on agents.sentence_ends.clause_pieces).

The coarse cut of six checks (payment_moments, received_payments, delivered_states, held_price_words, off_grid_terms,
cited_instructions) ended a piece at every full stop, so "The balance of EUR 2.5k is due on signature." was read as
"The balance of EUR 2." and "5k is due on signature.": the payment and its step fell in two pieces and the term passed.
Over the 922 distinct fixture strings holding a digit, a full stop and a digit, the six checks answer the same on the
old and the new cut.
"""

from __future__ import annotations

import pytest

from agents.payment_moments import payment_moments
from agents.sentence_ends import clause_pieces

BOUND_TO_A_STEP = [
    "The balance of EUR 2.5k is due on signature.",
    "Payment of USD 1.2m is due on signature.",
    "Le solde de 2.5k EUR est dû à la signature.",
    "El saldo de 2.5k EUR se paga a la firma.",
]


@pytest.mark.parametrize("text", BOUND_TO_A_STEP)
def test_a_payment_with_a_decimal_amount_bound_to_the_signature_is_a_payment_term(text):
    assert payment_moments(text), text


def test_a_decimal_point_is_no_end_of_a_clause_piece():
    assert clause_pieces("The balance of EUR 2.5k is due on signature. Thanks.") == [
        "The balance of EUR 2.5k is due on signature.", " Thanks."]


def test_a_full_stop_after_a_number_still_ends_a_piece():
    """Guard: a sentence that ends on a figure ends there, as before."""
    assert clause_pieces("Version 2 ships on Friday. Payment is due on signature.") == [
        "Version 2 ships on Friday.", " Payment is due on signature."]
    assert payment_moments("Version 2.5 ships on Friday. Payment is due on signature.") == [
        "a payment term the record does not hold (a payment bound to a step): 'Payment is due on signature.'"]
