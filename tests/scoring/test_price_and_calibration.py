"""Price under a confounded discount history, and a calibrator that keeps the model's ranking."""

from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.metrics import roc_auc_score

from scoring.models._calibration import ProbabilityCalibrator
from scoring.models._random_discounters import random_discounters
from scoring.models.price import PriceModel


def _history(n: int, seed: int, random_reps: int = 2, reps: int = 6) -> tuple[pd.DataFrame, np.ndarray]:
    """Closed deals where a discount truly helps, but most reps discount only the weak deals
    (so, over the whole book, discounted deals lose more); the first ``random_reps`` reps
    discount at random."""
    rng = np.random.default_rng(seed)
    strength = rng.normal(0, 1, n)  # the rep sees it; the CRM shows a noisy trace of it
    meetings = rng.poisson(np.exp(0.5 * strength))
    owner = rng.integers(0, reps, n)
    weak_chance = 1 / (1 + np.exp(4 * strength))
    chance = np.where(owner < random_reps, 0.45, weak_chance)
    random_size = rng.choice([0.05, 0.1, 0.15, 0.2, 0.25, 0.3], n)
    weak_size = np.clip(np.round((0.1 - 0.1 * strength) * 20) / 20, 0.05, 0.3)
    discount = np.where(rng.uniform(size=n) < chance, np.where(owner < random_reps, random_size, weak_size), 0.0)
    won = (rng.uniform(size=n) < _p_win(strength, discount)).astype(int)
    X = pd.DataFrame({"meetings": meetings.astype(float), "owner": [f"rep{o}" for o in owner], "discount": discount})
    return X.assign(strength_=strength), won


def _p_win(strength: np.ndarray, discount: np.ndarray | float) -> np.ndarray:
    return 1 / (1 + np.exp(-(-0.3 + 1.5 * strength + 1.6 * (1 - np.exp(-np.asarray(discount) / 0.08)))))


def _regret(model: PriceModel, X: pd.DataFrame) -> float:
    """Expected revenue lost at the recommended discount, as a share of the best on the grid."""
    grid = model.grid_
    revenue = np.stack([(1 - g) * _p_win(X["strength_"].to_numpy(), g) for g in grid], axis=1)
    best = model.recommend(X.drop(columns="strength_"))["best_discount"].to_numpy()
    ours = (1 - best) * _p_win(X["strength_"].to_numpy(), best)
    return float((revenue.max(axis=1) - ours).sum() / revenue.max(axis=1).sum())


TYPES = {"meetings": "numeric", "owner": "categorical", "discount": "numeric"}


def test_reps_whose_discounts_follow_the_deals_strength_are_not_called_random():
    X, _ = _history(3000, seed=1)
    X = X.drop(columns="strength_")
    discounted = (X["discount"] > 0).to_numpy().astype(int)
    propensity = -X["meetings"].to_numpy()  # fewer meetings, likelier discount: the weak-deal policy
    found = random_discounters(X["owner"].to_numpy(), discounted, propensity)
    assert set(found) == {"rep0", "rep1"}, found


def test_a_rep_with_too_few_deals_is_not_judged():
    X, _ = _history(3000, seed=2)
    X = X.drop(columns="strength_")
    discounted = (X["discount"] > 0).to_numpy().astype(int)
    givers = X["owner"].to_numpy().copy()
    givers[:40] = "newcomer"
    found = random_discounters(givers, discounted, -X["meetings"].to_numpy())
    assert "newcomer" not in found


def test_learning_from_the_random_discounters_loses_less_revenue_than_the_whole_confounded_book():
    X, won = _history(4000, seed=3)
    train = X.drop(columns="strength_")
    confounded = PriceModel(discount_column="discount", column_types=TYPES, giver_column=None, n_estimators=40,
                            random_state=0).fit(train, won)
    ours = PriceModel(discount_column="discount", column_types=TYPES, n_estimators=40, random_state=0).fit(train, won)
    assert confounded.fitted_on_ == "all"
    assert ours.fitted_on_ == "random_discounters" and set(ours.random_discounters_) == {"rep0", "rep1"}
    new, _ = _history(600, seed=33)
    new = new.assign(discount=0.0)
    assert _regret(ours, new) < _regret(confounded, new)
    # P(win) at the discount a deal carries, which the holdout and the promotion gate measure,
    # still comes from every deal: the curve's forest would rank the confounded deals worse.
    assert np.allclose(ours.predict_proba(train)[:, 1], confounded.predict_proba(train)[:, 1])


def test_without_random_discounters_the_price_model_learns_from_every_deal():
    X, won = _history(3000, seed=4, random_reps=0)
    model = PriceModel(discount_column="discount", column_types=TYPES, n_estimators=20, random_state=0).fit(
        X.drop(columns="strength_"), won)
    assert model.fitted_on_ == "all" and model.random_discounters_ == {}


def test_centred_isotonic_keeps_the_ranking_a_flat_step_would_erase():
    rng = np.random.default_rng(0)
    p_true = rng.uniform(0.05, 0.95, 3000)
    y = (rng.uniform(size=3000) < p_true).astype(int)
    score = p_true + rng.normal(0, 0.02, 3000)  # a good but imperfect ranking
    flat = ProbabilityCalibrator("isotonic").fit(score, y)
    centred = ProbabilityCalibrator("isotonic", centered=True).fit(score, y)
    test = np.sort(rng.uniform(0.1, 0.9, 500))
    assert len(np.unique(centred.transform(test))) > 0.9 * len(test) > len(np.unique(flat.transform(test)))
    assert np.all(np.diff(centred.transform(test)) >= -1e-12)
    # Over many draws of the outcomes (one draw can favour ties by luck), the kept ranking wins.
    draws = (rng.uniform(size=(200, 500)) < test).astype(int)
    auc = {name: np.mean([roc_auc_score(y, cal.transform(test)) for y in draws])
           for name, cal in (("centred", centred), ("flat", flat))}
    assert auc["centred"] > auc["flat"], auc
    # Still calibrated: the mean probability within each third matches the truth's.
    for part in np.array_split(np.arange(500), 3):
        assert abs(centred.transform(test[part]).mean() - test[part].mean()) < 0.05
    again = ProbabilityCalibrator.from_dict(centred.to_dict()).transform(test)
    assert np.allclose(again, centred.transform(test))
