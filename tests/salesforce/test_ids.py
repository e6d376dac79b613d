"""Salesforce ids: the 18-character case-safe form, from a 15-character id and from any casing of itself."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from integrations.salesforce.ids import SalesforceIdError, case_suffix, to_18
from integrations.sandbox.salesforce_api.org import make_id

ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
id15s = st.text(alphabet=ALNUM, min_size=15, max_size=15)


@pytest.mark.parametrize(("id15", "id18"), [
    ("0050W00000002bJ", "0050W00000002bJQAQ"),  # the User id the wave-23 console showed
    ("005000000000000", "005000000000000AAA"),  # no letters: no upper-case bits
    ("AAAAAAAAAAAAAAA", "AAAAAAAAAAAAAAA555"),  # every bit set: the alphabet's last character
    ("aaaaaaaaaaaaaaa", "aaaaaaaaaaaaaaaAAA"),
    ("A0000000000000B", "A0000000000000BBAQ"),  # first character: bit 0 ('B'); last: bit 4 of chunk 3 ('Q')
])
def test_a_15_character_id_gets_the_suffix_its_upper_case_letters_spell(id15, id18):
    assert to_18(id15) == id18
    assert case_suffix(id15) == id18[15:]


def test_the_sandbox_s_ids_which_the_sdk_validates_are_their_own_18_character_form():
    for n in (1, 62, 3_843, 10**9):
        sandbox_id = make_id("005", "0W", n)
        assert to_18(sandbox_id[:15]) == sandbox_id
        assert to_18(sandbox_id.lower()) == sandbox_id


@given(id15s)
def test_any_casing_of_an_18_character_id_comes_back_to_the_same_id(id15):
    id18 = to_18(id15)
    assert to_18(id18.lower()) == id18 == to_18(id18.upper()) == to_18(id18.swapcase())


@given(id15s, id15s)
def test_two_15_character_ids_that_differ_only_in_case_never_share_an_18_character_id(a, b):
    if a != b:
        assert to_18(a).lower() != to_18(b).lower() or a.lower() != b.lower()
    if a.lower() == b.lower() and a != b:
        assert to_18(a) != to_18(b)


def test_two_users_whose_15_character_ids_differ_only_in_case_are_two_people_even_lower_cased():
    assert to_18("005000000000aBc").lower() != to_18("005000000000ABC").lower()


@pytest.mark.parametrize("bad", ["", "005", "0050W00000002b", "0050W00000002bJQA", "0050W00000002bJ!",
                                 "0050W00000002bJQA9", "0050000000000009ZZ"])
def test_a_value_that_is_no_id_in_either_form_is_refused_by_name(bad):
    with pytest.raises(SalesforceIdError, match="is not a"):
        to_18(bad)
