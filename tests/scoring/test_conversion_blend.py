"""Conversion's blend is chosen on the training rows' inner folds: the net always keeps a share,
the boosting partner is tuned there, and the card says what the score is made of."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from scoring import ConversionClassifier, defaults
from scoring.model_card import blend_note

_SMALL = {"hidden_layer_sizes": (8,), "max_iter": 30, "gb_max_iter": 40, "cv": 3, "random_state": 0}


def _threshold_book(n: int = 900, seed: int = 0) -> tuple[pd.DataFrame, np.ndarray]:
    """Wins decided by an interaction of thresholds: what trees find and a small net does not."""
    rng = np.random.default_rng(seed)
    X = pd.DataFrame(rng.uniform(0, 1, (n, 4)), columns=["a", "b", "c", "d"])
    hit = (X["a"] > 0.5) ^ (X["b"] > 0.5)
    y = (rng.uniform(size=n) < np.where(hit, 0.85, 0.15)).astype(int)
    return X, y


def test_on_a_book_trees_read_better_the_blend_leans_on_the_tuned_partner_but_keeps_the_net():
    X, y = _threshold_book()
    model = ConversionClassifier(**_SMALL).fit(X, y)
    report = model.cv_report_
    assert report["oof_auc_gradient_boosting"] > report["oof_auc_net"] + 0.02
    assert model.blend_weight_ > 0 and model.gb_ is not None
    assert report["net_weight"] >= defaults.NET_MIN_WEIGHT - 1e-9
    assert model.gb_.max_iter == report["gradient_boosting_setting"]["max_iter"]
    assert report["gradient_boosting_setting"]["max_iter"] in model._partner_rounds()


@pytest.mark.parametrize("net_min_weight", [0.1, 0.5])
def test_no_weight_pair_tried_leaves_the_net_less_than_its_minimum(net_min_weight):
    X, y = _threshold_book(600, seed=1)
    model = ConversionClassifier(**_SMALL, blend_min_gain=-1.0, net_min_weight=net_min_weight).fit(X, y)
    pairs = [tuple(float(v.split("=")[1]) for v in k.split(",")) for k in model.cv_report_["oof_auc_by_weights"]]
    assert pairs and all(1 - g - r >= net_min_weight - 1e-9 for g, r in pairs)
    assert model.cv_report_["net_weight"] >= net_min_weight - 1e-9
    p = model.predict_proba(X)[:, 1]
    assert np.all((p >= 0) & (p <= 1))


def test_the_net_penalty_is_one_of_those_listed_with_each_ones_inner_auc_reported():
    X, y = _threshold_book(600, seed=2)
    model = ConversionClassifier(**_SMALL, alpha=(1e-3, 1.0)).fit(X, y)
    by_alpha = model.cv_report_["oof_auc_net_by_alpha"]
    assert set(by_alpha) == {"0.001", "1.0"}
    assert model.net_alpha_ in (1e-3, 1.0) and model.net_.alpha == model.net_alpha_
    assert by_alpha[str(model.net_alpha_)] == max(by_alpha.values())


def test_a_single_penalty_is_accepted_as_a_number():
    X, y = _threshold_book(300, seed=3)
    model = ConversionClassifier(**_SMALL, alpha=0.01).fit(X, y)
    assert model.net_.alpha == 0.01


def test_the_card_says_what_the_conversion_score_blends_in_words():
    cv = {"net_weight": 0.25, "chosen_gb_weight": 0.75, "chosen_lr_weight": 0.0}
    assert blend_note("conversion", {"cv": cv}) == (
        "The score blends the neural net 25%, gradient boosting 75%: the weights that ranked best in "
        "cross-validation on the training deals (the net always keeps a share).")
    alone = blend_note("conversion", {"cv": {"net_weight": 1.0, "chosen_gb_weight": 0.0, "chosen_lr_weight": 0.0}})
    assert alone is not None and alone.startswith("The score is the neural net's alone")
    assert blend_note("churn", {"cv": cv}) is None
    assert blend_note("conversion", {"cv": {"chosen_lr_weight": 0.5}}) is None  # an artefact from before


def test_a_bag_of_nets_scores_with_the_mean_of_its_members_each_from_its_own_random_state():
    X, y = _threshold_book(600, seed=4)
    single = ConversionClassifier(**_SMALL, alpha=0.01).fit(X, y)
    bag = ConversionClassifier(**_SMALL, alpha=0.01, net_bag=3, blend_min_gain=1.0).fit(X, y)  # the nets alone
    assert len(bag.nets_) == 3 and bag.net_ is bag.nets_[0]
    members = [n.predict_proba(bag.encoder_.transform(X))[:, 1] for n in bag.nets_]
    assert min(np.abs(a - b).max() for i, a in enumerate(members) for b in members[i + 1:]) > 1e-3
    raw = bag.raw_proba_encoded(bag.encoder_.transform(X))
    assert np.allclose(raw, (1 - bag.blend_weight_ - bag.lr_weight_) * np.mean(members, axis=0))
    # The first member is the single model's net: a bag of one is the model as before.
    assert np.allclose(members[0], single.net_.predict_proba(single.encoder_.transform(X))[:, 1])
    again = ConversionClassifier(**_SMALL, alpha=0.01, net_bag=3, blend_min_gain=1.0).fit(X, y)
    assert np.array_equal(again.predict_proba(X), bag.predict_proba(X))


def test_a_partner_setting_may_carry_its_own_learning_rate_and_stumps_cannot_read_an_interaction():
    X, y = _threshold_book()
    stumps = ConversionClassifier(**_SMALL, gb_grid=(defaults.GB_PARTNER_STUMPS,)).fit(X, y)
    assert stumps.gb_setting_ is not None and stumps.gb_setting_["max_leaf_nodes"] == 2
    assert stumps._booster(defaults.GB_PARTNER_STUMPS, 10).learning_rate == defaults.GB_PARTNER_STUMPS["learning_rate"]
    # An exclusive-or of two thresholds has no additive part: stumps rank it no better than chance,
    # and the blend leaves them out.
    assert stumps.cv_report_["oof_auc_gradient_boosting"] < 0.6 and stumps.gb_ is None
    trees = ConversionClassifier(**_SMALL).fit(X, y)
    assert trees.gb_ is not None and trees.gb_.learning_rate == 0.05
    assert trees.cv_report_["oof_auc_gradient_boosting"] > 0.75
