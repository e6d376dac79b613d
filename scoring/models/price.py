"""Price sensitivity: a random forest of P(win | deal features, discount) → curve and best discount."""

from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.ensemble import RandomForestClassifier
from sklearn.isotonic import isotonic_regression
from sklearn.utils.validation import check_is_fitted

from .. import defaults
from .._encoder import TabularEncoder
from ._calibration import TabularBinaryClassifierMixin, binary_labels, reject_sparse
from ._random_discounters import discount_propensity, random_discounters


class PriceModel(TabularBinaryClassifierMixin, ClassifierMixin, BaseEstimator):
    """P(win | features, discount), the win curve over discounts and the revenue-best discount.

    Expected revenue at discount d is ``amount * (1 - d) * P(win | d)``; the amount is a common
    factor per deal, so the best discount maximises ``(1 - d) * P(win | d)`` on a grid up to the cap.
    The forest's curve is made non-decreasing in the discount (isotonic) because a deeper discount
    cannot lower the buyer's willingness; the raw forest is noisy between its split points.

    Confounded history: reps discount the deals they fear losing, so the whole history teaches
    "discounted deals lose". When the history names who gave each discount (``giver_column``)
    and some givers discount as if at random (their discounts are not predicted by the deals'
    features, see :mod:`._random_discounters`), the forest learns from those givers' deals
    only, once they hold ``PRICE_UNCONFOUNDED_MIN_ROWS`` deals; else from every deal. Which it
    did is in ``fitted_on_`` (``all`` | ``random_discounters``) and ``random_discounters_``.
    Two forests then: ``curve_forest_`` (those givers' deals) draws the curve, recommends the
    discount and is what the card's factors explain (``proba_encoded``); ``forest_`` (every
    deal) gives ``predict_proba``, P(win) at the discount each row carries as the whole history
    shows it, which the holdout and the promotion gate measure (the curve forest, fitted on a
    quarter of the book, ranks the confounded deals worse: a discounted deal there is a weak one).

    Args:
        discount_column: name of the discount column (a fraction 0..1); ``None`` = last column.
        max_discount: cap of the recommended discount.
        discount_step: grid step of the curve.
        n_estimators: trees.
        min_samples_leaf: leaf size (smooths the curve).
        max_features: features per split.
        column_types: forwarded to :class:`TabularEncoder`.
        giver_column: the column naming who gave the discount (None: learn from every deal).
        random_state: seed.
    """

    def __init__(
        self,
        discount_column=None,
        max_discount=defaults.MAX_DISCOUNT,
        discount_step=defaults.DISCOUNT_STEP,
        n_estimators=100,
        min_samples_leaf=5,
        max_features="sqrt",
        column_types=None,
        giver_column=defaults.PRICE_GIVER_COLUMN,
        random_state=None,
    ):
        self.giver_column = giver_column
        self.discount_column = discount_column
        self.max_discount = max_discount
        self.discount_step = discount_step
        self.n_estimators = n_estimators
        self.min_samples_leaf = min_samples_leaf
        self.max_features = max_features
        self.column_types = column_types
        self.random_state = random_state

    def fit(self, X, y):
        """Fit encoder (discount typed numeric) and forest.

        Args:
            X: features including the discount column.
            y: won (binary).

        Returns:
            self
        """
        reject_sparse(X)
        binary_labels(y)  # validate the target before any work
        types = dict(self.column_types) if self.column_types is not None else None
        self.encoder_ = TabularEncoder(column_types=types, scale=False).fit(X)
        self.n_features_in_ = self.encoder_.n_features_in_
        if hasattr(self.encoder_, "feature_names_in_"):
            self.feature_names_in_ = self.encoder_.feature_names_in_
        column = str(self.discount_column if self.discount_column is not None else self.encoder_.columns_[-1])
        if column not in self.encoder_.groups_:
            raise ValueError(f"discount column {column!r} is not a usable feature")
        self.discount_feature_ = str(column)
        self.discount_index_ = self.encoder_.groups_[self.discount_feature_][0]
        position = list(self.encoder_.groups_).index(self.discount_feature_)
        _, self.discount_center_, self.discount_spread_ = self.encoder_.specs_[position][2]
        self.classes_, y01 = binary_labels(y)
        Z = self.encoder_.transform(X)
        rows = self._unconfounded_rows(X, Z)
        self.forest_ = self._forest().fit(Z, y01)
        self.curve_forest_ = self._forest().fit(Z[rows], y01[rows]) if self.fitted_on_ != "all" else None
        self.grid_ = np.round(np.arange(0.0, self.max_discount + 1e-9, self.discount_step), 6)
        return self

    def _unconfounded_rows(self, X, Z: np.ndarray) -> np.ndarray | slice:
        """Rows of the givers who discount at random when they are enough, else every row."""
        self.fitted_on_, self.random_discounters_ = "all", {}
        giver = self.giver_column
        if giver is None or not isinstance(X, pd.DataFrame) or giver not in X.columns or giver not in self.encoder_.groups_:
            return slice(None)
        givers = X[giver].astype(str).to_numpy()
        discounted = (Z[:, self.discount_index_] * self.discount_spread_ + self.discount_center_ > 1e-9).astype(int)
        if discounted.min() == discounted.max():
            return slice(None)
        drop = set(self.encoder_.groups_[giver]) | {self.discount_index_}
        keep = [i for i in range(Z.shape[1]) if i not in drop]
        propensity = discount_propensity(Z[:, keep], discounted, self.random_state)
        found = random_discounters(givers, discounted, propensity)
        rows = np.flatnonzero(np.isin(givers, list(found)))
        if len(rows) < defaults.PRICE_UNCONFOUNDED_MIN_ROWS:
            return slice(None)
        self.fitted_on_, self.random_discounters_ = "random_discounters", found
        return rows

    def _forest(self) -> RandomForestClassifier:
        return RandomForestClassifier(n_estimators=self.n_estimators, min_samples_leaf=self.min_samples_leaf,
                                      max_features=self.max_features, random_state=self.random_state, n_jobs=1)

    @staticmethod
    def _tree_mean(forest: RandomForestClassifier, Z: np.ndarray) -> np.ndarray:
        """Averages the trees directly: the forest's own ``predict_proba`` dispatches through joblib
        and validates input per call, which costs milliseconds on the one-record hot path."""
        X = np.ascontiguousarray(Z, dtype=np.float32)
        total = np.zeros(X.shape[0])
        for tree in forest.estimators_:
            total += tree.predict_proba(X, check_input=False)[:, 1]
        return total / len(forest.estimators_)

    def proba_encoded(self, Z: np.ndarray) -> np.ndarray:
        """P(win) for encoded rows at the discount they carry, from the forest that draws the curve."""
        curve_forest = getattr(self, "curve_forest_", None)  # artefacts saved before it existed
        return self._tree_mean(curve_forest if curve_forest is not None else self.forest_, Z)

    def predict_proba(self, X):
        """Class probabilities at the discount each row carries (every deal's forest), shape (n, 2)."""
        check_is_fitted(self, "forest_")
        p = self._tree_mean(self.forest_, self.encoder_.transform(X))
        return np.column_stack([1 - p, p])

    def predict(self, X):
        """Most probable class label at each row's discount."""
        positive = self.predict_proba(X)[:, 1] >= 0.5
        return self.classes_[positive.astype(int)]

    def curve_encoded(self, Z: np.ndarray) -> np.ndarray:
        """Monotone win-probability curves over ``grid_`` for encoded rows, shape (n, len(grid_))."""
        n, g = Z.shape[0], len(self.grid_)
        rep = np.repeat(Z, g, axis=0)
        rep[:, self.discount_index_] = (np.tile(self.grid_, n) - self.discount_center_) / self.discount_spread_
        raw = self.proba_encoded(rep).reshape(n, g)
        return np.vstack([isotonic_regression(row, increasing=True) for row in raw])

    def best_from_curve(self, curves: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Revenue-best discount and its P(win) per curve."""
        revenue = (1 - self.grid_)[None, :] * curves
        best = revenue.argmax(axis=1)
        return self.grid_[best], curves[np.arange(len(best)), best]

    def recommend(self, X) -> pd.DataFrame:
        """Best discount and P(win) at it for each row (the row's own discount is ignored).

        Returns:
            DataFrame with ``best_discount`` and ``p_win_at_best``.
        """
        check_is_fitted(self, "forest_")
        best, p = self.best_from_curve(self.curve_encoded(self.encoder_.transform(X)))
        return pd.DataFrame({"best_discount": best, "p_win_at_best": p})
