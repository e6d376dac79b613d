"""Features say what the CRM knew at the moment described, read the way the CRM means it.

The market's truth weighs the deal's contacts (how many, whether an executive is among them) and
the activity so far; the records must give the same facts as of any moment, and a contact's title
must be read by its words, not by letters that happen to spell an executive ("Doctor" holds "cto").
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from integrations.base import Contact
from scoring.features import record_features

from .data import crm_records


def _at(day: str) -> datetime:
    return datetime.fromisoformat(day).replace(tzinfo=UTC)


def _with_titles(*titles):
    record = crm_records(1, seed=3)[0]
    return replace(record, contacts=tuple(Contact(id=str(i), title=t) for i, t in enumerate(titles)))


@pytest.mark.parametrize(("titles", "executive"), [
    (("Doctor",), 0.0), (("Director of IT",), 0.0), (("Product Manager", "Senior Analyst"), 0.0),
    (("Chief Technology Officer",), 1.0), (("VP Operations",), 1.0), (("Head of Procurement",), 1.0),
    (("Doctor", "CFO"), 1.0), ((None,), 0.0)])
def test_an_executive_contact_is_a_title_of_vp_level_or_above_read_by_whole_words(titles, executive):
    feats = record_features(_with_titles(*titles), as_of=_at("2023-03-01"))
    assert feats["has_exec_contact"] == executive
    assert (feats["top_title_level"] >= 2) == bool(executive)


def test_on_the_market_contacts_and_executives_as_of_a_moment_are_what_the_truth_saw_then():
    # The truth reads n_contacts and exec_involved (a contact of seniority 2 or more) from the
    # deal's contacts; the records' features must say the same of every deal, closed or open.
    from benchmarks.scoring_market_product import market_records
    from integrations.sandbox.market import Market, MarketConfig

    m = Market(MarketConfig(seed=5, n_companies=40, n_open_deals=40, n_closed_deals=120,
                            start=datetime(2026, 6, 1, tzinfo=UTC)))
    records = market_records(m)
    execs = 0
    for d in m.deals:
        moment = d.created_at + ((d.closed_at or m.now) - d.created_at) / 2
        truth = m.features(d.key, at=moment)
        feats = record_features(records[d.key], as_of=moment)
        assert feats["n_contacts"] == truth["n_contacts"]
        assert feats["has_exec_contact"] == truth["exec_involved"], [m.contacts[c].title for c in d.contacts]
        execs += truth["exec_involved"]
    assert 10 < execs < len(m.deals) - 10  # both kinds of deal were checked
