"""The simulated market: determinism by seed, a learnable truth, time, and reactions to actions."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

import numpy as np

from integrations.sandbox.market import STRATEGIES, Market, MarketConfig, closed_history, stage_kind
from integrations.sandbox.market._truth import p_win

START = datetime(2026, 10, 1, tzinfo=UTC)


def _small(seed: int) -> Market:
    return Market(MarketConfig(seed=seed, start=START, n_companies=25, n_owners=4, n_open_deals=20,
                               n_closed_deals=60))


def _fingerprint(m: Market) -> list[tuple]:
    return ([(d.name, d.amount, d.stage, d.created_at, d.closed_at, tuple(d.contacts)) for d in m.deals]
            + [(a.kind, a.at, a.subject, a.body) for a in m.activities]
            + [(c.email, c.title, tuple(c.visits)) for c in m.contacts])


def test_same_seed_same_market_and_same_future():
    a, b = _small(5), _small(5)
    assert _fingerprint(a) == _fingerprint(b)
    assert a.advance(5) == b.advance(5)
    assert _fingerprint(a) == _fingerprint(b)
    assert _fingerprint(_small(6)) != _fingerprint(a)


def test_book_has_the_observable_parts():
    m = _small(1)
    closed = [d for d in m.deals if not d.is_open]
    assert len(closed) == 60 and len(m.open_deals()) == 20
    assert {stage_kind(d.stage) for d in closed} == {"won", "lost"}
    assert all(d.stage_history[0][0] == "appointmentscheduled" for d in m.deals)
    kinds = {(a.kind, a.direction) for a in m.activities}
    assert {("email", "inbound"), ("email", "outbound"), ("meeting", None), ("note", None)} <= kinds
    assert any(c.visits for c in m.contacts)
    assert len({a.body for a in m.activities}) > len(m.activities) * 0.5  # varied text
    assert {o.timezone for o in m.owners} and all(o.timezone for o in m.owners)


def test_history_is_fast_and_outcomes_follow_the_truth():
    t = time.monotonic()
    h = closed_history(50_000, seed=3)
    assert time.monotonic() - t < 5
    assert 0.2 < h["won"].mean() < 0.5
    # Calibration: in each decile of the true probability, the win rate matches it.
    bins = np.quantile(h["p_win"], np.linspace(0, 1, 11))
    idx = np.clip(np.digitize(h["p_win"], bins[1:-1]), 0, 9)
    for k in range(10):
        sel = idx == k
        assert abs(h["won"][sel].mean() - h["p_win"][sel].mean()) < 0.04
    assert h["p_win"].std() > 0.15  # features carry real signal
    again = closed_history(50_000, seed=3)
    assert np.array_equal(again["won"], h["won"])


def test_truth_has_interactions_a_linear_model_misses():
    h = closed_history(4000, seed=1)
    base = {k: v for k, v in h.items() if k not in ("p_win", "won", "discount")}
    ent = {**base, "segment": np.array(["ent"] * 4000), "exec_involved": np.ones(4000)}
    ent0 = {**ent, "exec_involved": np.zeros(4000)}
    smb = {**ent, "segment": np.array(["smb"] * 4000)}
    smb0 = {**smb, "exec_involved": np.zeros(4000)}
    lift_ent = (p_win(ent) - p_win(ent0)).mean()
    lift_smb = (p_win(smb) - p_win(smb0)).mean()
    assert lift_ent > 2 * lift_smb > 0


def test_price_response_differs_by_segment_and_truth_is_queryable():
    m = _small(2)
    truths = [m.truth(d.key) for d in m.open_deals()]
    for t in truths:
        probs = [p for _, p in t["price_curve"]]
        assert probs == sorted(probs)  # a discount never lowers the win probability
        assert set(t["strategy_effects"]) == set(STRATEGIES)
        assert 0 < t["p_win"] < 1
    by_seg = {}
    for t in truths:
        by_seg.setdefault(t["segment"], []).append(t["price_curve"][2][1] - t["price_curve"][0][1])
    if "smb" in by_seg and "ent" in by_seg:
        assert np.mean(by_seg["smb"]) > np.mean(by_seg["ent"])


def test_advance_closes_deals_and_reacts_to_completed_tasks_and_discounts():
    m = _small(4)
    d = m.open_deals()[0]
    before = m.p_win(d.key)
    seg = m.companies[d.company].segment
    best = max(STRATEGIES, key=lambda s: m.truth(d.key)["strategy_effects"][s])
    events = []
    for _ in range(30):
        if not d.is_open:
            break
        events += m.advance(1, {d.key: {"open_tasks": ["task-1"], "strategy": best, "discount": 0.1}})
        if d.strategies_:
            break
    assert any(e["type"] == "task_completed" for e in events)
    assert d.strategies_ and d.strategies_[0][0] == best and d.discount == 0.1
    assert m.p_win(d.key) != before or seg  # the lift is in the truth now
    t = m.truth(d.key)
    assert t["strategies_applied"] == [best] and t["p_win"] >= t["p_win_no_action"]
    more = m.advance(120)
    assert any(e["type"] == "closed" for e in more) and any(e["type"] == "deal_created" for e in more)
    assert all(not x.is_open for x in m.deals[:20])
    assert any(m.churn_truth(c.key) is not None for c in m.companies)


def test_a_model_can_learn_the_truth_from_observables():
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.metrics import roc_auc_score

    h = closed_history(30_000, seed=9)
    seg = {"smb": 0, "mid": 1, "ent": 2}
    inds = sorted(set(h["industry"]))
    cols = ["amount", "n_contacts", "exec_involved", "page_views", "days_since_visit", "emails_in", "emails_out",
            "calls", "meetings", "notes", "days_since_activity", "existing_customer", "owner", "discount"]
    x = np.column_stack([h[c] for c in cols] + [[seg[s] for s in h["segment"]], [inds.index(i) for i in h["industry"]]])
    train, test = slice(0, 24_000), slice(24_000, None)
    model = HistGradientBoostingClassifier(max_iter=200, random_state=0).fit(x[train], h["won"][train])
    auc_model = roc_auc_score(h["won"][test], model.predict_proba(x[test])[:, 1])
    auc_truth = roc_auc_score(h["won"][test], h["p_win"][test])
    assert auc_truth > 0.75 and auc_model > auc_truth - 0.03


def test_deal_table_matches_the_book():
    m = _small(3)
    t = m.deal_table()
    assert len(t["won"]) == 60 and set(t["won"]) <= {0, 1}
    assert np.all((t["p_win"] > 0) & (t["p_win"] < 1))
    assert len(m.deal_table(closed=False)["p_win"]) == 20


def test_asking_for_the_eventual_win_probability_never_changes_the_market():
    from integrations.sandbox.market import eventual_p_win

    asked, quiet = _small(9), _small(9)
    first = [eventual_p_win(asked, d.key, samples=50) for d in asked.open_deals()]
    assert first == [eventual_p_win(asked, d.key, samples=50) for d in asked.open_deals()]  # reproducible
    assert asked.advance(3) == quiet.advance(3)
    assert _fingerprint(asked) == _fingerprint(quiet)


def test_the_eventual_win_probability_counts_the_activity_still_to_come():
    from integrations.sandbox.market import eventual_p_win

    m = _small(10)
    closed = next(d for d in m.deals if not d.is_open)
    assert eventual_p_win(m, closed.key) == m.p_win(closed.key, at=closed.closed_at)
    # An engaged deal early in a long cycle will gather meetings and inbound emails: its eventual
    # odds are above what its activity so far says; at its decision they are what it says, but
    # for the last day's activity (the market decides a deal due now at the end of today).
    deal = max(m.open_deals(), key=lambda d: d.engagement_)
    deal.decision_at_ = m.now + timedelta(days=120)
    assert eventual_p_win(m, deal.key) > m.p_win(deal.key) + 0.05
    deal.decision_at_ = m.now
    deal.discount = 0.1  # given already: the rep's policy at the decision adds nothing
    assert 0 < abs(eventual_p_win(m, deal.key) - m.p_win(deal.key, at=m.now)) < 0.01


def test_the_eventual_win_probability_is_what_the_open_book_goes_on_to_do():
    """Over 1,000 open deals (about 12 per account, as in the market benchmark), the mean eventual
    win probability matches the mean probability the outcomes are drawn with at each decision,
    over re-simulated futures of the same market (the coin flips left out: they only add noise),
    and the realised win rate. Before the contacts' visits from the account's other open deals
    were counted, the eventual probability was 0.007 low here (3.5 standard errors: this test failed)."""
    import pickle

    from integrations.sandbox.market import eventual_p_win
    from integrations.sandbox.market._churn import has_left
    from integrations.sandbox.market._eventual import decided_at

    m = Market(MarketConfig(seed=3, start=datetime(2026, 6, 1, tzinfo=UTC), n_companies=83, n_owners=8,
                            n_open_deals=1000, n_closed_deals=500, new_deals_per_day=0.0))
    keys = [d.key for d in m.open_deals()]
    eventual = np.array([eventual_p_win(m, k, samples=200) for k in keys])
    frozen, now = pickle.dumps(m), m.now
    drawn_with, won = [], []
    for future in range(2):
        f = pickle.loads(frozen)
        f.rng = np.random.default_rng([77, future])
        f.advance(max((f.deals[k].decision_at_ - now).days for k in keys) + 2)
        deals = [f.deals[k] for k in keys]
        assert not any(d.is_open for d in deals)
        won.append([d.won for d in deals])
        drawn_with.append([0.0 if has_left(f.companies[d.company], d.closed_at)
                           else f.p_win(d.key, at=decided_at(now, d.decision_at_)) for d in deals])
    p, w = np.array(drawn_with), np.array(won, dtype=float)
    # Standard errors of the mean over deals and futures, from how much each deal's odds moved
    # between the two futures, and from the coin flips of the outcomes.
    se_p = np.sqrt(((p[0] - p[1]) ** 2 / 2).sum() / 2) / len(keys)
    se_won = np.sqrt((eventual * (1 - eventual)).sum() / 2) / len(keys)
    assert 0.0005 < se_p < 0.003  # the futures differ, and by about what was measured (0.0018)
    assert abs(p.mean() - eventual.mean()) < 2 * se_p
    assert abs(w.mean() - eventual.mean()) < 2 * se_won


def test_a_deal_whose_account_churns_before_its_decision_will_be_lost():
    from integrations.sandbox.market import eventual_p_win

    m = _small(10)
    deal = max(m.open_deals(), key=lambda d: d.engagement_)
    assert eventual_p_win(m, deal.key) > 0.1
    m.companies[deal.company].churn_due_ = deal.decision_at_ - timedelta(days=1)
    assert eventual_p_win(m, deal.key) == 0.0
    m.advance((deal.decision_at_ - m.now).days + 2)
    assert deal.won is False
