"""Features say what the CRM knew at the moment described, read the way the CRM means it.

The market's truth weighs the deal's contacts (how many, whether an executive is among them) and
the activity so far; the records must give the same facts as of any moment, and a contact's title
must be read by its words, not by letters that happen to spell an executive ("Doctor" holds "cto").
"""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from integrations.base import CLOSE_DATE_HISTORY_KEY, Contact
from scoring.features import record_features
from scoring.train import records_to_frame

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


def test_a_contact_added_to_the_deal_after_the_moment_is_not_counted_then():
    record = replace(crm_records(1, seed=3)[0], contacts=(
        Contact(id="1", title="Analyst", added_at="2023-01-01T00:00:00Z"),
        Contact(id="2", title="Chief Financial Officer", added_at="2023-02-20T00:00:00Z"),
        Contact(id="3", title="Engineer")))  # no date: counted at every moment
    before, after = (record_features(record, as_of=_at(day)) for day in ("2023-02-01", "2023-03-01"))
    assert (before["n_contacts"], before["has_exec_contact"], before["top_title_level"]) == (2, 0.0, 0)
    assert (after["n_contacts"], after["has_exec_contact"], after["top_title_level"]) == (3, 1.0, 3)


def test_the_crms_say_when_a_contact_can_first_have_been_on_the_deal():
    from integrations.hubspot.mapping import FieldMapping, contact_from
    from integrations.salesforce.mapping import contacts

    hubspot = contact_from("7", {"jobtitle": "CFO", "createdate": "2023-02-20T00:00:00Z"}, FieldMapping(),
                           is_primary=True)
    salesforce = contacts({"OpportunityContactRoles": {"records": [
        {"ContactId": "003A", "CreatedDate": "2023-02-20T00:00:00.000+0000", "Contact": {"Id": "003A", "Title": "CFO"}}]}})
    assert _at(hubspot.added_at[:10]) == _at(salesforce[0].added_at[:10]) == _at("2023-02-20")
    assert "createdate" in FieldMapping().contact_properties()


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


# -- the expected close date, from the close date's own history ----------------------------------
CREATED, EXPECTED, PUSHED = "2023-01-01T09:00:00Z", "2023-03-01T00:00:00Z", "2023-03-20T00:00:00Z"


def _with_close_history(changes, *, kind="open", close_date="2023-03-25"):
    record = crm_records(1, seed=3)[0]
    return replace(record, stage_kind=kind, created_at=CREATED, close_date=close_date,
                   extra={**record.extra, CLOSE_DATE_HISTORY_KEY: changes})


def test_the_days_to_the_expected_close_are_read_from_the_value_the_close_date_held_then():
    record = _with_close_history([[CREATED, EXPECTED], ["2023-02-15T12:00:00Z", PUSHED]])
    assert record_features(record, as_of=_at("2023-02-01"))["days_to_expected_close"] == 28
    # The rep's later push is unknown before it was made, and read after it.
    assert record_features(record, as_of=_at("2023-02-15"))["days_to_expected_close"] == 14
    assert record_features(record, as_of=_at("2023-03-01"))["days_to_expected_close"] == 19


def test_a_closed_deal_never_shows_the_close_date_its_close_wrote():
    # The close writes the actual close into the field: read as of any moment of the deal's life
    # (or as of its close, the price task's row) it would tell how long the deal had left.
    changes = [[CREATED, EXPECTED], ["2023-02-10T15:00:00Z", "2023-02-10T15:00:00Z"]]
    record = _with_close_history(changes, kind="won", close_date="2023-02-10")
    for moment in ("2023-01-20", "2023-02-10", "2023-02-10T16:00:00"):
        feats = record_features(record, as_of=_at(moment))
        assert feats["days_to_expected_close"] == (_at("2023-03-01") - _at(moment)).total_seconds() / 86400
    frame, _, _ = records_to_frame([record], "price")
    assert frame["days_to_expected_close"].tolist() == [19.0]


def test_without_a_close_date_history_the_feature_is_absent_and_bad_rows_are_skipped():
    record = crm_records(1, seed=3)[0]
    assert "days_to_expected_close" not in record_features(record, as_of=_at("2023-02-01"))
    messy = _with_close_history([["not a time", EXPECTED], [CREATED], None, [CREATED, "2023-02-11T00:00:00Z"]])
    assert record_features(messy, as_of=_at("2023-02-01"))["days_to_expected_close"] == 10
    nothing_yet = _with_close_history([["2023-02-15T00:00:00Z", PUSHED]])
    assert math.isnan(record_features(nothing_yet, as_of=_at("2023-02-01"))["days_to_expected_close"])


def test_on_a_running_market_the_records_expected_close_as_of_each_day_is_what_the_crm_showed_that_day():
    # Reps push overdue close dates out while the market runs; the records' history must give,
    # as of each past day, the close date the deal showed on that day (never a later push), and
    # training rows of closed deals must never see their actual close.
    from benchmarks.scoring_market_product import market_records
    from integrations.sandbox.market import Market, MarketConfig

    m = Market(MarketConfig(seed=5, n_companies=40, n_open_deals=40, n_closed_deals=80,
                            start=datetime(2026, 6, 1, tzinfo=UTC)))
    seen: dict[tuple[int, datetime], datetime] = {}
    for _ in range(40):
        m.advance(1)
        seen.update({(d.key, m.now): d.expected_close for d in m.deals if d.is_open})
    records = market_records(m)
    pushed = {key for key, _ in seen if len(m.deals[key].close_date_history) > 1 + (not m.deals[key].is_open)}
    assert len(pushed) >= 5
    for (key, day), expected in seen.items():
        feats = record_features(records[key], as_of=day)
        assert feats["days_to_expected_close"] == (expected - day).total_seconds() / 86400, (key, day)
    frame, _, _ = records_to_frame([r for r in records.values() if r.stage_kind != "open"], "conversion")
    read = frame["days_open"] + frame["days_to_expected_close"]  # creation to the close date read
    for key, days in read.groupby(frame["__group__"]):
        d = m.deals[int(key)]
        actual = (d.closed_at - d.created_at).total_seconds() / 86400
        if all(value != d.closed_at for _, value in d.close_date_history[:-1]):
            assert (days - actual).abs().min() > 1e-6, key
