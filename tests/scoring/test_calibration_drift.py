"""Conversion's calibration follows a base rate that keeps moving, instead of lagging behind it."""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy.special import expit

from scoring import defaults
from scoring.models._calibration import ProbabilityCalibrator, ages_in_days, recency_weights

DAYS = 720


def _book(n: int, seed: int, trend_per_year: float) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Outcomes over two years whose log-odds rise by ``trend_per_year`` with nothing in the score
    saying so (as the market's rising share of repeat customers the features only partly carry).

    Returns the score a model blind to time gives, the outcome, when it became known, and the
    true probability."""
    rng = np.random.default_rng(seed)
    x = rng.normal(0, 1, n)
    days = rng.uniform(0, DAYS, n)
    p_true = expit(-0.4 + x + trend_per_year * (days - DAYS / 2) / 365.25)
    y = (rng.uniform(size=n) < p_true).astype(int)
    times = pd.Timestamp("2024-01-01", tz="UTC") + pd.to_timedelta(days, unit="D")
    return expit(x), y, times.to_numpy(), p_true


def _calibrated_now(trend_per_year: float, drift: bool, seed: int = 0) -> tuple[float, float, ProbabilityCalibrator]:
    """Mean calibrated probability and mean true probability of deals scored at the latest outcome."""
    score, y, times, _ = _book(20_000, seed, trend_per_year)
    cal = ProbabilityCalibrator("isotonic", centered=True).fit(
        score, y, recency_weights(times, defaults.CALIBRATION_HALF_LIFE_DAYS),
        ages_days=ages_in_days(times) if drift else None)
    x_now = np.random.default_rng(seed + 1).normal(0, 1, 5_000)
    p_true_now = expit(-0.4 + x_now + trend_per_year * (DAYS / 2) / 365.25)
    return float(cal.transform(expit(x_now)).mean()), float(p_true_now.mean()), cal


def test_under_a_rising_win_rate_the_drift_step_scores_todays_deals_at_todays_rate():
    mean_p, truth, cal = _calibrated_now(0.8, drift=True)
    assert abs(mean_p - truth) < 0.015, (mean_p, truth)
    assert 0.5 < cal.drift_["trend_per_year"] < 1.1, cal.drift_


def test_recency_weights_alone_lag_the_rising_rate():
    # The setting the drift step exists for: without it today's deals are scored well below today's rate.
    mean_p, truth, cal = _calibrated_now(0.8, drift=False)
    assert truth - mean_p > 0.04, (mean_p, truth)
    assert cal.drift_ is None


def test_a_falling_rate_is_followed_down_as_well():
    mean_p, truth, _ = _calibrated_now(-0.8, drift=True)
    assert abs(mean_p - truth) < 0.015, (mean_p, truth)


def test_without_a_trend_the_drift_step_leaves_the_calibration_nearly_as_it_was():
    score = np.linspace(0.02, 0.98, 200)
    with_drift = _calibrated_now(0.0, drift=True)[2].transform(score)
    without = _calibrated_now(0.0, drift=False)[2].transform(score)
    assert np.abs(with_drift - without).max() < 0.02


def test_a_short_span_of_outcomes_or_a_small_book_fits_no_trend():
    score, y, times, _ = _book(20_000, 3, 0.8)
    weeks = pd.Timestamp("2024-01-01", tz="UTC") + pd.to_timedelta(np.linspace(0, 30, len(y)), unit="D")
    assert ProbabilityCalibrator("isotonic").fit(score, y, ages_days=ages_in_days(weeks.to_numpy())).drift_ is None
    small = slice(0, defaults.DRIFT_MIN_ROWS - 1)
    assert ProbabilityCalibrator("isotonic").fit(score[small], y[small], ages_days=ages_in_days(times[small])).drift_ is None


def test_the_drift_step_survives_the_registrys_json_and_old_calibrators_load_without_it():
    _, _, cal = _calibrated_now(0.8, drift=True)
    score = np.linspace(0.02, 0.98, 50)
    again = ProbabilityCalibrator.from_dict(cal.to_dict())
    assert np.allclose(again.transform(score), cal.transform(score))
    old = {k: v for k, v in cal.to_dict().items() if k != "drift"}
    assert ProbabilityCalibrator.from_dict(old).drift_ is None
    assert not np.allclose(ProbabilityCalibrator.from_dict(old).transform(score), cal.transform(score))


def test_conversion_passes_the_outcomes_dates_to_its_calibrator_when_asked_and_not_by_default():
    from scoring.models.conversion import ConversionClassifier

    score, y, times, _ = _book(1_500, 5, 0.8)
    X = pd.DataFrame({"signal": np.log(score / (1 - score))})
    fast = {"cv": 3, "max_iter": 20, "gb_max_iter": 20, "hidden_layer_sizes": (8,), "random_state": 0}
    groups = np.arange(len(y))
    with_drift = ConversionClassifier(calibrate_drift=True, **fast).fit(X, y, groups=groups, times=times)
    assert with_drift.calibrator_.drift_["trend_per_year"] > 0.3, with_drift.calibrator_.drift_
    assert ConversionClassifier(**fast).fit(X, y, groups=groups, times=times).calibrator_.drift_ is None
