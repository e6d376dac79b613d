"""Page views and the last web visit, rebuilt as of a moment from the CRM's dated history.

The market's truth weighs both; the CRM only shows their current values, which for a closed
deal include every visit after its close. The HubSpot adapter reads each contact's page-view
count history (``propertiesWithHistory``) into sessions; features count the sessions up to the
moment described, never after it.
"""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from integrations.base import PAGE_VIEW_HISTORY_KEY, Contact
from integrations.hubspot.mapping import FieldMapping, iso, page_view_history, record_from
from scoring.features import record_features

from .data import crm_records

SESSIONS = [["2023-02-01T10:00:00Z", 3], ["2023-02-10T10:00:00Z", 2], ["2023-04-01T10:00:00Z", 6]]


def _with(sessions):
    record = crm_records(1, seed=3)[0]
    return replace(record, extra={**record.extra, PAGE_VIEW_HISTORY_KEY: sessions})


def _at(day: str) -> datetime:
    return datetime.fromisoformat(day).replace(tzinfo=UTC)


def test_page_views_count_only_the_sessions_up_to_the_moment_described():
    early = record_features(_with(SESSIONS), as_of=_at("2023-02-15"))
    late = record_features(_with(SESSIONS), as_of=_at("2023-05-01"))
    assert early["page_views"] == 5
    assert early["days_since_last_visit"] == pytest.approx(4.58, abs=0.01)
    assert late["page_views"] == 11
    assert late["days_since_last_visit"] == pytest.approx(29.58, abs=0.01)


def test_a_visit_after_the_moment_changes_no_feature_of_that_moment():
    before = record_features(_with(SESSIONS[:2]), as_of=_at("2023-03-01"))
    after = record_features(_with(SESSIONS), as_of=_at("2023-03-01"))
    assert before == after


def test_before_the_first_visit_there_are_zero_views_and_no_last_visit():
    feats = record_features(_with(SESSIONS), as_of=_at("2023-01-15"))
    assert feats["page_views"] == 0 and math.isnan(feats["days_since_last_visit"])
    assert feats == record_features(_with([]), as_of=_at("2023-01-15"))


def test_without_the_history_page_views_are_not_guessed():
    record = crm_records(1, seed=3)[0]
    assert PAGE_VIEW_HISTORY_KEY not in record.extra
    feats = record_features(record, as_of=_at("2023-03-01"))
    assert "page_views" not in feats and "days_since_last_visit" not in feats


def test_unreadable_history_rows_are_skipped_not_fatal():
    feats = record_features(_with([["not a date", 4], ["2023-02-01T10:00:00Z", "x"], ["2023-02-02T10:00:00Z", 2],
                                   ["2023-02-03T10:00:00Z"], None, ["2023-02-04T10:00:00Z", -5]]),
                            as_of=_at("2023-03-01"))
    assert feats["page_views"] == 2


def test_the_history_list_itself_never_becomes_a_feature():
    feats = record_features(_with(SESSIONS), as_of=_at("2023-03-01"))
    assert PAGE_VIEW_HISTORY_KEY not in feats


def test_the_adapter_turns_each_contacts_count_history_into_dated_sessions():
    m = FieldMapping()
    newest_first = {"hs_analytics_num_page_views": [
        {"value": "9", "timestamp": "2026-03-05T00:00:00Z"}, {"value": "9", "timestamp": "2026-03-04T00:00:00Z"},
        {"value": "4", "timestamp": "2026-03-01T00:00:00Z"}, {"value": "0", "timestamp": "2026-01-01T00:00:00Z"}]}
    other = {"hs_analytics_num_page_views": [{"value": "2", "timestamp": "2026-02-01T00:00:00Z"}]}
    assert page_view_history([newest_first, other, {}], m) == [
        [iso("2026-02-01T00:00:00Z"), 2], [iso("2026-03-01T00:00:00Z"), 4], [iso("2026-03-04T00:00:00Z"), 5]]


def test_a_record_read_with_history_says_so_even_when_nobody_visited():
    # Whether a contact visits later must not show in a past snapshot: an empty history is
    # "no visit", a missing one "not read".
    m = FieldMapping()
    r = record_from(tenant_id="t", deal_id="9", props={"dealstage": "appt"}, mapping=m, stage_kinds={"appt": "open"},
                    owner=None, company=None, contacts=[Contact(id="1")], activities=[],
                    history=crm_records(1, seed=3)[0].history, contact_props=[("1", {})],
                    contact_histories=[{"hs_analytics_num_page_views": []}])
    assert r.extra[PAGE_VIEW_HISTORY_KEY] == []
    assert r.from_dict(r.to_dict()) == r


@pytest.mark.parametrize(("title", "level"), [
    ("Chief Financial Officer", 3), ("CEO", 3), ("Vice President, Sales", 2), ("VP of Engineering", 2),
    ("Head of Procurement", 2), ("Director of IT", 1), ("Operations Manager", 0), ("Directory clerk", 0), (None, 0)])
def test_the_most_senior_contact_is_read_from_the_title(title, level):
    record = replace(crm_records(1, seed=3)[0], contacts=(Contact(id="1", title=title),))
    assert record_features(record, as_of=_at("2023-03-01"))["top_title_level"] == level


def test_on_the_market_the_records_page_views_as_of_a_moment_are_what_the_truth_saw_then():
    # The truth weighs each deal's contacts' cumulative page views and last visit; the records
    # must give the same figures as of any moment, never later visits.
    from benchmarks.scoring_market_product import market_records
    from integrations.sandbox.market import Market, MarketConfig

    m = Market(MarketConfig(seed=5, n_companies=30, n_open_deals=20, n_closed_deals=60,
                            start=datetime(2026, 6, 1, tzinfo=UTC)))
    records = market_records(m)
    checked = 0
    for d in m.deals:
        moment = d.created_at + (m.now - d.created_at) / 2 if d.is_open else d.created_at + (d.closed_at - d.created_at) / 2
        truth = m.features(d.key, at=moment)
        feats = record_features(records[d.key], as_of=moment)
        assert feats["page_views"] == truth["page_views"]
        if truth["page_views"]:
            assert math.floor(feats["days_since_last_visit"]) == truth["days_since_visit"]
            checked += 1
    assert checked > 10
