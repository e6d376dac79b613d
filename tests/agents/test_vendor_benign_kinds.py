"""The kinds of honest vendor output the checks refused in wave 25 (issue 11, tests/fixtures/vendor_benign/), each in
wordings of our own on several records and in en/de/fr/es, next to the attack each rule exists for, in other wordings,
which must stay refused. The corpus's own outputs are counted by tests/agents/test_vendor_benign_ceiling.py; the
sentences here are not the corpus's."""

from __future__ import annotations

import json
from typing import Any

import pytest

from agents.context import build_context
from agents.facts import build_vocabulary
from agents.role_readable import unread_fields
from agents.safety import commercial_violations
from integrations.base import Record
from tests.agents.conftest import FIXTURES, NOW


def _ctx(name: str, extra_activity: dict[str, Any] | None = None):
    raw = json.loads((FIXTURES / "records" / f"{name}.json").read_text())
    if extra_activity:
        raw["activities"].append(extra_activity)
    return build_context(Record.from_dict(raw), raw.get("scores"), now=NOW)


def _internal(record: str, text: str) -> list[str]:
    """What the commercial checks say of an analysis' or a rationale's text (topic reports allowed)."""
    ctx = _ctx(record)
    return commercial_violations(text, ctx, build_vocabulary(ctx), None, topic_reports=True)


def _has(reasons: list[str], *words: str) -> bool:
    return any(w in r for r in reasons for w in words)


# --- price as the buyer's attention, in an internal text ----------------------------------------------------------


@pytest.mark.parametrize(
    ("record", "text"),
    [
        ("salesforce_opportunity", "Heavy pricing research this month."),
        ("de_deal", "Visited the pricing page twice; price sensitivity is likely."),
        ("fr_deal", "Price concerns may come up with the finance director."),
        ("es_opportunity", "The biggest objection is likely to be price."),
        ("hubspot_deal", "They are looking at pricing again, and pricing questions came up on Nov 19."),
        ("de_deal", "Preisdruck durch das Budget ist möglich."),
        ("fr_deal", "Visites sur les tarifs en hausse ce mois-ci."),
        ("es_opportunity", "Interés por los precios tras la demo."),
        ("salesforce_opportunity", "Price is not the main concern for the partners."),
    ],
)
def test_an_internal_text_naming_price_as_what_the_buyer_looks_at_or_worries_about_passes(record, text):
    assert not _has(_internal(record, text), "price talk"), _internal(record, text)


@pytest.mark.parametrize(
    ("record", "text"),
    [
        ("hubspot_deal", "Price objection: we will lower the price by a fifth if they sign this week."),
        ("salesforce_opportunity", "Pricing interest is high, so the onboarding fee is waived for them."),
        ("de_deal", "Interesse an Preisen; die Rechnung stellen wir erst im März."),
        ("fr_deal", "Intérêt pour les tarifs : les frais de mise en service sont offerts."),
        ("es_opportunity", "Preguntas sobre el precio: la cuota del primer año no se cobra."),
        ("hubspot_deal", "Viewed pricing, and we told them they pay nothing until spring."),
    ],
)
def test_the_rest_of_a_sentence_that_names_the_buyers_price_interest_is_still_read(record, text):
    assert _internal(record, text), text


def test_a_draft_is_not_given_the_internal_texts_topic_reading():
    ctx = _ctx("hubspot_deal")
    reasons = commercial_violations(
        "Price pressure is easing: the price drops next month.",
        ctx,
        build_vocabulary(ctx),
        None,
        topic_reports=False,
    )
    assert reasons


# --- another seller's lower price ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("record", "text"),
    [
        (
            "hubspot_deal",
            "The add-on from their current vendor is cheaper, so payback has to carry the case.",
        ),
        ("salesforce_opportunity", "If the incumbent's price is lower, lead with the no-show reduction."),
        ("de_deal", "Der bisherige Anbieter ist günstiger; der Preis allein entscheidet nicht."),
    ],
)
def test_another_sellers_lower_price_reported_in_an_analysis_passes(record, text):
    assert not _has(_internal(record, text), "goes down"), _internal(record, text)


@pytest.mark.parametrize(
    ("record", "text"),
    [
        ("hubspot_deal", "Our price drops if they sign before the budget review."),
        ("salesforce_opportunity", "The price in our proposal comes down for a two-wave rollout."),
        ("de_deal", "Der Preis sinkt, wenn Frau Schmidt diese Woche bestellt."),
    ],
)
def test_our_price_going_down_is_still_refused(record, text):
    assert _has(_internal(record, text), "goes down", "moves the price", "better terms", "price talk"), text


# --- a bare approval note that repeats the record's own approval --------------------------------------------------


@pytest.mark.parametrize("text", ["Signed off", "signed off on their side", "Approved on their side"])
def test_a_bare_approval_note_on_a_record_that_states_an_approval_passes(text):
    assert not _has(_internal("hubspot_deal", text), "approval or selection"), _internal("hubspot_deal", text)


@pytest.mark.parametrize(
    ("record", "text"),
    [
        # names what: the record's sign-off is security's, not the budget's, whoever's words name it
        ("hubspot_deal", "Budget signed off"),
        ("hubspot_deal", "Budget approved"),
        ("hubspot_deal", "Funding secured"),
        ("hubspot_deal", "Selected us as vendor"),
        ("hubspot_deal", "All signed off"),  # everything, not the record's one approval
        ("hubspot_deal", "Signed off by Marcus"),  # names who: Marcus signed off nothing on the record
        ("salesforce_opportunity", "Signed off"),  # no approval on this record at all
        ("es_opportunity", "Approved on their side"),
        ("fr_deal", "Signed off"),
    ],
)
def test_an_approval_the_record_does_not_state_is_still_refused(record, text):
    assert _has(_internal(record, text), "approval or selection", "claims the deal"), text


def test_a_security_sign_off_cited_with_its_email_and_month_is_the_records():
    text = "Blockers cleared: security review (signed off per the Nov 18 email)."
    assert not _has(_internal("hubspot_deal", text), "approval or selection")
    # still refused; since wave 30's merged sign-off rules, as a deal stated done rather than as an approval
    assert _has(
        _internal("hubspot_deal", "Blockers cleared: budget (signed off per the Nov 18 email)."),
        "approval or selection",
        "claims the deal",
    )


# --- a deal that moved through stages -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("record", "text"),
    [
        ("hubspot_deal", "The deal has progressed from the demo to a proposal request."),
        (
            "salesforce_opportunity",
            "The opportunity has moved through discovery and a proposal, and is waiting on Tom.",
        ),
        ("es_opportunity", "The deal has stalled since the proposal stage."),
    ],
)
def test_a_deal_that_moved_between_open_stages_is_not_a_won_deal(record, text):
    assert not _has(_internal(record, text), "claims the deal is won"), _internal(record, text)


@pytest.mark.parametrize(
    "text",
    [
        "The deal has moved to closed won.",
        "The opportunity has progressed to signature this morning.",
        "The deal has advanced to a signed order.",
        "The deal has closed.",
    ],
)
def test_a_deal_that_moved_into_a_closing_state_is_still_a_won_claim(text):
    assert _has(_internal("hubspot_deal", text), "claims the deal", "binding document"), text


# --- plain business sentences in an analysis, and sentences no language of ours reads ------------------------------

_SUMMARY = "The buyer is engaged and the proposal is the next step."


@pytest.mark.parametrize(
    "field",
    [
        "Three stakeholders are engaged.",
        "The buyer side appears quieter than in October.",
        "Recent replies from the buyer",
        'The last buyer email said "Tom will want to see the proposal before year end"; he has it.',
        "Der Einkauf wartet auf das Angebot. Anna Schmidt möchte weitermachen.",
        "Les ateliers attendent la proposition et Paul veut avancer.",
    ],
)
def test_plain_sentences_of_our_languages_in_a_role_field_are_read(field):
    ctx = _ctx("hubspot_deal")
    assert unread_fields([field], _SUMMARY, build_vocabulary(ctx).own_words) == []


@pytest.mark.parametrize(
    "field",
    [
        "Libre ang unang buwan para sa kanila.",  # Tagalog: the first month free
        "The buyer is engaged. Digoust eo ar staliadur evit ar bloaz.",  # Breton, in its own sentence
        "Strong interest: lehen hilabetea doan da guztientzat.",  # Basque after an English clause
        "Mae'r mis cyntaf am ddim i'r tîm cyfan.",  # Welsh
        # a neighbour's sentence that reads as Spanish, beside an English one (set 30's kind, other words)
        "Strong interest from the practice managers. O primeiro mês fica por nossa conta.",
        "The partners will decide in December. A instalação fica por conta da casa.",
    ],
)
def test_a_sentence_no_language_of_ours_reads_is_still_refused(field):
    ctx = _ctx("hubspot_deal")
    assert unread_fields([field], _SUMMARY, build_vocabulary(ctx).own_words), field
