"""The vendor replay's shared markets (tests/pipeline/trained_markets.py): one training per market, stopped after the
last case that named it, and never a demo of another market handed out."""

from __future__ import annotations

from contextlib import contextmanager

import pytest

from tests.pipeline import trained_markets
from tests.pipeline.trained_markets import Market, TrainedMarkets


@pytest.fixture
def demos(monkeypatch):
    """Fake trained demos: what was trained and what is still running, in order."""
    log: dict[str, list[tuple[int, str | None, str | None, int]]] = {"trained": [], "stopped": []}

    @contextmanager
    def fake_trained_demo(deals, seed, crm=None, language=None):
        key = (seed, crm, language, deals)
        if seed < 0:
            raise RuntimeError("training failed")
        log["trained"].append(key)
        try:
            yield key
        finally:
            log["stopped"].append(key)

    monkeypatch.setattr(trained_markets, "trained_demo", fake_trained_demo)
    return log


def test_a_market_two_cases_name_is_trained_once_and_stopped_after_the_second(demos):
    salesforce, german = Market(0, "salesforce"), Market(0, "salesforce", "de")
    markets = TrainedMarkets([salesforce, salesforce, german, german])
    assert markets.demo(salesforce) == (0, "salesforce", None, 60)
    markets.done(salesforce)
    assert demos["stopped"] == []
    assert markets.demo(german) == (0, "salesforce", "de", 60)  # another market is its own demo, not the live one
    assert markets.demo(salesforce) == (0, "salesforce", None, 60)
    markets.done(salesforce)
    assert demos["stopped"] == [(0, "salesforce", None, 60)]
    assert demos["trained"] == [(0, "salesforce", None, 60), (0, "salesforce", "de", 60)]
    markets.close()  # the German market's second case never ran (-x, a failure before it): stopped all the same
    assert demos["stopped"] == [(0, "salesforce", None, 60), (0, "salesforce", "de", 60)]


def test_a_market_whose_training_failed_is_trained_again_for_its_next_case_not_remembered_as_failed(demos):
    broken = Market(-1, "salesforce")
    markets = TrainedMarkets([broken, broken])
    for _case in range(2):
        with pytest.raises(RuntimeError, match="training failed"):
            markets.demo(broken)
        markets.done(broken)
    assert markets.live == {}


def test_each_case_of_the_vendor_replay_names_its_market_and_the_shared_ones_are_the_salesforce_orgs():
    from tests.pipeline import test_vendor_replay_is_not_refused as replay_cases

    names = {}
    for function in (replay_cases.test_the_offline_templates_answers_replayed_as_a_vendors_are_not_refused_on_the_demos_deals,
                     replay_cases.test_the_offline_templates_answers_replayed_as_a_vendors_are_not_refused_on_salesforces_records,
                     replay_cases.test_the_offline_templates_answers_are_not_refused_and_are_in_the_buyers_language_on_german_french_and_spanish_records):
        params = next(m for m in function.pytestmark if m.name == "parametrize")
        argnames, cases = params.args
        for case in cases:
            (mark,) = case.marks
            market = mark.kwargs["market"]
            values = dict(zip(argnames.split(",") if isinstance(argnames, str) else argnames, case.values, strict=True))
            assert market.seed == values["seed"]
            assert market.crm == values.get("crm", "salesforce" if "object_type" in values else None)
            assert market.language == values.get("language")
            names.setdefault(mark.args[0], []).append(case.id or case.values)
    shared = sorted(name for name, cases in names.items() if len(cases) > 1)
    assert len(names) == 14 and sum(len(cases) for cases in names.values()) == 20
    assert shared == ["market-salesforce-0-de-60", "market-salesforce-0-default-60", "market-salesforce-0-es-60",
                      "market-salesforce-0-fr-60", "market-salesforce-1-default-60", "market-salesforce-7-default-60"]
