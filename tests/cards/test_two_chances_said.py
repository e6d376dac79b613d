"""The card says what each chance to close is: today's, and the one with the recommended discount.

Wave 30's walk read "Chance to close 49%" at the top and "Discount · No discount · Win chance 25%; a discount would not
change it" in the details: two names for nearly the same thing, two numbers (the conversion model's and the price
model's), no word of which is which. The chance to close is today's, before any discount; the discount tile says what
the recommended discount changes, from today's chance (the price model's own level is not the rep's number).
"""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime

import pytest

from app.cards.view import card_view
from tests.cards.test_card_parity import ROOT

NOW = datetime(2026, 12, 1, 16, 0, tzinfo=UTC)
PAYLOAD = json.loads((ROOT / "ui_extensions/hubspot/tests/fixtures/payload_enriched.json").read_text())
"""Conversion 62%; price: best 8%, its curve 55% at none and 63% at 8%."""


def tiles(payload):
    view = card_view(payload, object_type="deal", now=NOW)
    price = next(t for t in view["details"]["scores"] if t["key"] == "price")
    return view["conversion"], price


def test_the_chance_to_close_is_said_to_be_todays_before_any_discount():
    conversion, _ = tiles(PAYLOAD)
    assert conversion["label"] == "Chance to close" and conversion["headline"] == "62%"
    assert conversion["detail"] == "Today, before any discount"


def test_the_discount_tile_says_the_chance_with_it_from_todays():
    _, price = tiles(PAYLOAD)
    assert price["label"] == "Recommended discount" and price["headline"] == "8%"
    # 62% today, and the price model's curve rises 8 points from none to 8% off.
    assert price["detail"] == "About 70% chance to close with 8% off: today's 62% plus 8 points"
    assert "Win chance" not in json.dumps(tiles(PAYLOAD))


def test_a_flat_curve_says_a_discount_changes_nothing_without_a_second_chance_number():
    payload = copy.deepcopy(PAYLOAD)
    payload["scores"]["price"].update(best_discount=0.0, curve=[[0.0, 0.25], [0.04, 0.25], [0.08, 0.25]])
    conversion, price = tiles(payload)
    assert price["headline"] == "No discount"
    assert price["detail"] == "A discount would not change the chance to close"
    assert "25%" not in price["detail"]  # the price model's 25% beside today's 62% read as a contradiction


def test_no_discount_where_one_would_not_pay_for_itself():
    payload = copy.deepcopy(PAYLOAD)
    payload["scores"]["price"].update(best_discount=0.0, curve=[[0.0, 0.6], [0.04, 0.61], [0.08, 0.615]])
    _, price = tiles(payload)
    assert price["detail"] == "A discount would not raise the chance to close enough to pay for itself"


@pytest.mark.parametrize("where", ["missing", "absent"])
def test_without_todays_chance_the_discount_tile_says_only_what_the_discount_adds(where):
    payload = copy.deepcopy(PAYLOAD)
    payload["scores"][where] = {"conversion": {"not_enough_history": {"have": 4, "need": 50}}}
    del payload["scores"]["conversion"]
    conversion, price = tiles(payload)
    assert conversion["absent"] and "headline" not in conversion
    assert price["detail"] == "8% off raises the chance to close by about 8 points"


def test_the_preview_page_says_both_under_their_numbers():
    from tests.cards.test_render import render

    page = render(PAYLOAD)
    assert page.text["score-conversion"] == "62%" and page.text["detail-conversion"] == "Today, before any discount"
    assert page.text["detail-price"] == "About 70% chance to close with 8% off: today's 62% plus 8 points"
