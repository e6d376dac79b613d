"""Reward attribution: windows, reward definitions, and idempotency under duplicate/late outcomes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from learning.errors import LearningConfigError
from learning.rewards import LoggedDecision, Outcome, RewardConfig, attribute, attribute_all, is_stalled

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def decision(i: str, days: float, arm: str = "social_proof", deal: str = "d1", **kw) -> LoggedDecision:
    return LoggedDecision(decision_id=i, deal_id=deal, at=T0 + timedelta(days=days), arm=arm,
                          propensity=0.25, policy="thompson-v1", context={"segment": "smb"},
                          tenant_id="t1", crm="hubspot", **kw)


def won(days: float, amount: float | None = 20_000.0, deal: str = "d1") -> Outcome:
    return Outcome("t1", "hubspot", deal, "won", T0 + timedelta(days=days), amount, "closedwon")


def test_a_won_deal_rewards_the_decisions_before_it_and_splits_the_value():
    rewards = attribute(won(30), [decision("a", 0), decision("b", 10)], config=RewardConfig())
    assert [r.decision_id for r in rewards] == ["a", "b"]
    assert [r.value for r in rewards] == [0.5, 0.5]
    assert {r.arm for r in rewards} == {"social_proof"} and rewards[0].propensity == 0.25


def test_decisions_after_the_outcome_or_outside_the_window_earn_nothing():
    cfg = RewardConfig(window_days=30)
    rewards = attribute(won(40), [decision("old", 0), decision("in", 20), decision("after", 41)], config=cfg)
    assert [r.decision_id for r in rewards] == ["in"]
    assert rewards[0].value == 1.0


def test_other_deals_tenants_and_crms_never_share_a_reward():
    ds = [decision("a", 0), decision("b", 0, deal="d2"),
          LoggedDecision("c", "d1", T0, "social_proof", 0.2, "p", tenant_id="t2", crm="hubspot"),
          LoggedDecision("e", "d1", T0, "social_proof", 0.2, "p", tenant_id="t1", crm="salesforce")]
    assert [r.decision_id for r in attribute(won(5), ds, config=RewardConfig())] == ["a"]


def test_won_is_amount_weighted_lost_is_zero_and_stage_advance_is_partial_credit():
    cfg = RewardConfig(reference_amount=10_000.0)
    d = [decision("a", 0)]
    assert attribute(won(5, amount=25_000.0), d, config=cfg)[0].value == pytest.approx(2.5)
    lost = Outcome("t1", "hubspot", "d1", "lost", T0 + timedelta(days=5), 25_000.0, "closedlost")
    assert attribute(lost, d, config=cfg)[0].value == 0.0
    adv = Outcome("t1", "hubspot", "d1", "stage_advanced", T0 + timedelta(days=5), 10_000.0, "contractsent")
    assert attribute(adv, d, config=cfg)[0].value == pytest.approx(0.2)


def test_amount_weight_is_capped_and_ignored_when_the_amount_is_unknown():
    cfg = RewardConfig(reference_amount=1_000.0, max_amount_weight=3.0)
    d = [decision("a", 0)]
    assert attribute(won(5, amount=1e9), d, config=cfg)[0].value == 3.0
    assert attribute(won(5, amount=None), d, config=cfg)[0].value == 1.0
    assert attribute(won(5, amount=1e9), d, config=RewardConfig())[0].value == 1.0  # no reference


def test_last_touch_credits_only_the_latest_decision_and_all_credits_each_fully():
    ds = [decision("a", 0), decision("b", 3)]
    assert [(r.decision_id, r.value) for r in attribute(won(9), ds, config=RewardConfig(attribution="last"))] \
        == [("b", 1.0)]
    assert [r.value for r in attribute(won(9), ds, config=RewardConfig(attribution="all"))] == [1.0, 1.0]


def test_a_duplicate_webhook_produces_the_same_reward_keys_and_values():
    ds = [decision("a", 0), decision("b", 1)]
    first = attribute(won(9), ds, config=RewardConfig())
    again = attribute(won(9), ds, config=RewardConfig())
    assert [(r.key, r.value) for r in first] == [(r.key, r.value) for r in again]


def test_a_late_delivery_of_the_same_close_after_a_new_decision_changes_nothing():
    # The close happened on day 9; the webhook arrives on day 20, after the app decided again.
    late = attribute(won(9), [decision("a", 0), decision("b", 1), decision("c", 15)], config=RewardConfig())
    timely = attribute(won(9), [decision("a", 0), decision("b", 1)], config=RewardConfig())
    assert [(r.key, r.value) for r in late] == [(r.key, r.value) for r in timely]


def test_attribute_all_skips_duplicates_in_the_batch_and_rewards_already_stored():
    ds = [decision("a", 0), decision("b", 1, deal="d2")]
    outcomes = [won(9), won(9), won(12, deal="d2")]
    first = attribute_all(outcomes, ds, config=RewardConfig())
    assert sorted(r.decision_id for r in first) == ["a", "b"]
    replay = attribute_all(outcomes, ds, config=RewardConfig(), seen={r.key for r in first})
    assert replay == []


def test_the_outcome_key_ignores_delivery_details_but_tells_events_apart():
    assert won(9).key == won(9, amount=1.0).key  # a re-read amount is the same close
    adv = [Outcome("t1", "hubspot", "d1", "stage_advanced", T0, None, s) for s in ("a", "b")]
    assert adv[0].key != adv[1].key
    assert won(9).key != won(9, deal="d2").key


def test_bad_settings_name_the_setting():
    with pytest.raises(LearningConfigError, match="window_days"):
        RewardConfig(window_days=0)
    with pytest.raises(LearningConfigError, match="unknown reward setting.*colour"):
        RewardConfig.from_settings({"colour": "red"})
    with pytest.raises(LearningConfigError, match="attribution"):
        RewardConfig.from_settings({"attribution": "first"})
    with pytest.raises(LearningConfigError, match="timezone"):
        Outcome("t1", "hubspot", "d1", "won", datetime(2026, 1, 1), 1.0, "closedwon")
    assert RewardConfig.from_settings({"stage_advanced": 0.3}).stage_advanced == 0.3


def test_a_deal_is_stalled_after_the_configured_days_without_a_stage_change():
    cfg = RewardConfig(stalled_after_days=30)
    assert not is_stalled(T0, T0 + timedelta(days=29), cfg)
    assert is_stalled(T0, T0 + timedelta(days=30), cfg)
