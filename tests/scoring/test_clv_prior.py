"""CLV boosts from each customer's past spend rate, with one formula at the internal cut and at
prediction; models saved before that formula keep the one they were fitted with."""

from __future__ import annotations

import numpy as np
import pandas as pd

from scoring.models import clv as clv_module

from .data import transactions


def _raw(total: float, tenure: float) -> np.ndarray:
    row = np.zeros((1, len(clv_module.RAW_FEATURES)))
    row[0, clv_module.RAW_FEATURES.index("total_spend")] = total
    row[0, clv_module.RAW_FEATURES.index("T")] = tenure
    return row


def test_a_customer_who_spent_the_same_in_fewer_days_starts_from_a_higher_prior_at_any_age():
    label_days = 136.0
    for young, old in ((30.0, 120.0), (200.0, 300.0)):
        assert clv_module.prior_margin(_raw(500, young), label_days) > clv_module.prior_margin(_raw(500, old), label_days)
    # The former floor gave every customer younger than the window the same prior: their age was
    # invisible at the internal cut and visible at prediction.
    floored = [clv_module.prior_margin(_raw(500, t), label_days, "floor")[0] for t in (30.0, 120.0)]
    assert floored[0] == floored[1]


def test_the_prior_rises_with_spend_and_is_zero_without_it():
    label_days = 90.0
    margins = [clv_module.prior_margin(_raw(total, 100.0), label_days)[0] for total in (0.0, 100.0, 1000.0)]
    assert margins[0] == 0.0 and margins[0] < margins[1] < margins[2]


def test_a_model_saved_before_the_new_exposure_predicts_with_the_floored_prior_it_was_fitted_with():
    tx = transactions(150, seed=4).rename(columns={"cust": "customer", "when": "date", "spend": "amount"})
    cutoff = pd.Timestamp("2024-06-30")
    model = clv_module.ClvModel(horizon_days=180, n_estimators=40, random_state=0).fit(tx, cutoff)
    assert model.prior_exposure_ == clv_module.PRIOR_EXPOSURE
    _, raw = clv_module.feature_table(clv_module.prepare_transactions(tx), clv_module.to_day(cutoff))
    now = model.predict_raw(raw)
    del model.prior_exposure_  # what an artefact from before the change loads as
    before = model.predict_raw(raw)
    X = clv_module.add_bg_features(raw, model.params_, model.label_days_)
    expected = np.maximum(model.booster_.inplace_predict(
        X, base_margin=clv_module.prior_margin(raw, model.label_days_, "floor")), 0.0) * model._horizon_ratio(raw)
    assert np.allclose(before, expected)
    assert not np.allclose(before, now)
