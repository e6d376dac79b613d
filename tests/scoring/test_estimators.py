"""scikit-learn's estimator checks for every custom estimator (STYLE rule 20)."""

from __future__ import annotations

from sklearn.utils.estimator_checks import parametrize_with_checks

import scoring
from scoring import ChurnClassifier, ConversionClassifier, PriceModel, TabularEncoder


@parametrize_with_checks(
    [
        TabularEncoder(),
        ConversionClassifier(hidden_layer_sizes=(8,), max_iter=20, gb_max_iter=10, cv=2, random_state=0),
        ChurnClassifier(n_estimators=10, cv=2, random_state=0),
        PriceModel(n_estimators=10, random_state=0),
    ],
)
def test_sklearn_compatible(estimator, check):
    check(estimator)


def test_public_api_sorted():
    assert scoring.__all__ == sorted(scoring.__all__)
    assert all(hasattr(scoring, name) for name in scoring.__all__)
