"""Conversion: a calibrated neural net, blended with gradient boosting only where CV shows it helps."""

from __future__ import annotations

import warnings

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss
from sklearn.model_selection import train_test_split
from sklearn.neural_network import MLPClassifier
from sklearn.utils.validation import check_is_fitted

from .. import defaults
from .._encoder import TabularEncoder
from ._calibration import (
    ProbabilityCalibrator,
    TabularBinaryClassifierMixin,
    binary_labels,
    make_folds,
    recency_weights,
    reject_sparse,
    roc_auc_safe,
)

_EARLY_STOPPING_MIN_ROWS = 200  # below this a 10% validation split is too small to stop on


class ConversionClassifier(TabularBinaryClassifierMixin, ClassifierMixin, BaseEstimator):
    """P(convert): MLP with preprocessing, early stopping and calibration (+ optional blend).

    Out-of-fold probabilities of the net, of gradient boosting and of a logistic regression pick
    the blend weights by inner CV (the net alone unless a blend gains ``blend_min_gain`` ROC
    AUC; the net always keeps at least a quarter) and fit the calibrator, so the calibrator
    never sees in-sample scores.

    Args:
        hidden_layer_sizes: MLP layers.
        alpha: MLP L2 penalty.
        learning_rate_init: Adam step size.
        max_iter: MLP epochs at most (early stopping usually ends sooner).
        patience: epochs without a better validation log loss before stopping.
        gb_max_iter: boosting iterations of the gradient-boosting partner.
        cv: folds for out-of-fold probabilities.
        blend_weights: gradient-boosting weights tried (0 = net alone).
        blend_min_gain: ROC AUC a blend must gain to be chosen.
        calibration: ``auto`` | ``isotonic`` | ``sigmoid``.
        centered_calibration: isotonic through the steps' centres (keeps the ranking within a
            step; see :class:`ProbabilityCalibrator`).
        column_types: forwarded to :class:`TabularEncoder` (``None`` infers).
        random_state: seed of every random step.
    """

    def __init__(
        self,
        hidden_layer_sizes=(64, 32),
        alpha=1e-3,
        learning_rate_init=3e-3,
        max_iter=200,
        patience=15,
        gb_max_iter=200,
        cv=defaults.CV_FOLDS,
        blend_weights=defaults.BLEND_WEIGHTS,
        blend_min_gain=defaults.BLEND_MIN_GAIN,
        calibration="auto",
        centered_calibration=True,
        column_types=None,
        random_state=None,
    ):
        self.hidden_layer_sizes = hidden_layer_sizes
        self.alpha = alpha
        self.learning_rate_init = learning_rate_init
        self.max_iter = max_iter
        self.patience = patience
        self.gb_max_iter = gb_max_iter
        self.cv = cv
        self.blend_weights = blend_weights
        self.blend_min_gain = blend_min_gain
        self.calibration = calibration
        self.centered_calibration = centered_calibration
        self.column_types = column_types
        self.random_state = random_state

    def _fit_net(self, Z: np.ndarray, y01: np.ndarray) -> MLPClassifier:
        """Fit the MLP, stopping early on validation log loss (restoring the best epoch).

        scikit-learn's own ``early_stopping`` watches validation *accuracy*, which barely moves
        on imbalanced or noisy targets and stops after a dozen epochs; log loss is the quantity
        a calibrated probability model should minimise.
        """
        net = MLPClassifier(hidden_layer_sizes=self.hidden_layer_sizes, alpha=self.alpha,
                            learning_rate_init=self.learning_rate_init, batch_size=64,
                            max_iter=self.max_iter, random_state=self.random_state)
        counts = np.bincount(y01, minlength=2)
        if len(y01) < _EARLY_STOPPING_MIN_ROWS or counts.min() < 10:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", ConvergenceWarning)
                return net.fit(Z, y01)
        fit_idx, val_idx = train_test_split(np.arange(len(y01)), test_size=0.15, stratify=y01,
                                            random_state=self.random_state)
        best, state, waited = np.inf, None, 0
        for _ in range(self.max_iter):
            net.partial_fit(Z[fit_idx], y01[fit_idx], classes=np.array([0, 1]))
            loss = log_loss(y01[val_idx], net.predict_proba(Z[val_idx])[:, 1], labels=[0, 1])
            if loss < best - 1e-5:
                best, waited = loss, 0
                state = ([c.copy() for c in net.coefs_], [b.copy() for b in net.intercepts_])
            else:
                waited += 1
                if waited >= self.patience:
                    break
        net.coefs_, net.intercepts_ = state
        return net

    def _linear(self) -> LogisticRegression:
        return LogisticRegression(C=1.0, max_iter=2000)

    def _booster(self) -> HistGradientBoostingClassifier:
        return HistGradientBoostingClassifier(
            max_iter=self.gb_max_iter, learning_rate=0.05, max_leaf_nodes=15,
            l2_regularization=1.0, random_state=self.random_state,
        )

    def fit(self, X, y, groups=None, times=None):
        """Fit encoder, pick the blend by out-of-fold ROC AUC, fit calibrator and final models.

        Args:
            X: features (DataFrame preferred).
            y: binary target.
            groups: rows describing one entity (a deal's snapshots), kept in one fold.
            times: when each row's outcome became known; the calibrator then weighs recent
                outcomes more (``defaults.CALIBRATION_HALF_LIFE_DAYS``). It is always fitted on
                out-of-fold scores, i.e. on rows the scoring models were not fitted on.

        Returns:
            self
        """
        reject_sparse(X)
        binary_labels(y)  # validate the target before any work
        self.encoder_ = TabularEncoder(column_types=self.column_types, scale=True, log_skewed=True).fit(X)
        self.n_features_in_ = self.encoder_.n_features_in_
        if hasattr(self.encoder_, "feature_names_in_"):
            self.feature_names_in_ = self.encoder_.feature_names_in_
        self.classes_, y01 = binary_labels(y)
        Z = self.encoder_.transform(X)
        folds = make_folds(y01, self.cv, self.random_state, groups)
        weights = tuple(self.blend_weights) if folds is not None else (0.0,)
        self.blend_weight_, self.lr_weight_, self.cv_report_ = 0.0, 0.0, {"folds": 0}
        oof = None
        if folds is not None:
            oof_net, oof_gb, oof_lr = np.zeros(len(y01)), np.zeros(len(y01)), np.zeros(len(y01))
            for train, test in folds.split(Z, y01):
                oof_net[test] = self._fit_net(Z[train], y01[train]).predict_proba(Z[test])[:, 1]
                if any(w > 0 for w in weights):
                    oof_gb[test] = self._booster().fit(Z[train], y01[train]).predict_proba(Z[test])[:, 1]
                    oof_lr[test] = self._linear().fit(Z[train], y01[train]).predict_proba(Z[test])[:, 1]
            # (gradient boosting, logistic regression) weights; the net keeps the rest and at
            # least a quarter: the logistic partner rescues small or nearly linear books where
            # the net alone was measurably worse than a plain logistic regression.
            pairs = [(g, r) for g in weights for r in weights if g + r <= 0.75 + 1e-9]
            aucs = {(g, r): roc_auc_safe(y01, (1 - g - r) * oof_net + g * oof_gb + r * oof_lr) for g, r in pairs}
            net_auc = aucs.get((0.0, 0.0), float("nan"))
            best = max(aucs, key=lambda k: (aucs[k], -k[0] - k[1]))
            if best != (0.0, 0.0) and aucs[best] >= net_auc + self.blend_min_gain:
                self.blend_weight_, self.lr_weight_ = float(best[0]), float(best[1])
                reason = (f"blend: gradient boosting {best[0]}, logistic regression {best[1]}, net "
                          f"{1 - best[0] - best[1]:.2f}; gains {aucs[best] - net_auc:.4f} out-of-fold ROC AUC "
                          "over the net alone")
            else:
                reason = ("the neural net alone: no blend gained at least "
                          f"{self.blend_min_gain} out-of-fold ROC AUC")
            partners = any(w > 0 for w in weights)
            self.cv_report_ = {
                "folds": folds.get_n_splits(),
                "grouped": groups is not None,
                "oof_auc_net": net_auc,
                "oof_auc_gradient_boosting": roc_auc_safe(y01, oof_gb) if partners else float("nan"),
                "oof_auc_logistic_regression": roc_auc_safe(y01, oof_lr) if partners else float("nan"),
                "oof_auc_by_weights": {f"gb={g},lr={r}": a for (g, r), a in aucs.items()},
                "chosen_gb_weight": self.blend_weight_,
                "chosen_lr_weight": self.lr_weight_,
                "reason": reason,
            }
            g, r = self.blend_weight_, self.lr_weight_
            oof = (1 - g - r) * oof_net + g * oof_gb + r * oof_lr
        self.net_ = self._fit_net(Z, y01)
        self.n_iter_ = int(self.net_.n_iter_)
        self.gb_ = self._booster().fit(Z, y01) if self.blend_weight_ > 0 else None
        self.lr_ = self._linear().fit(Z, y01) if self.lr_weight_ > 0 else None
        self.calibrator_ = (
            ProbabilityCalibrator(self.calibration, centered=self.centered_calibration).fit(
                oof, y01, recency_weights(times, defaults.CALIBRATION_HALF_LIFE_DAYS)) if oof is not None else None
        )
        return self

    def raw_proba_encoded(self, Z: np.ndarray) -> np.ndarray:
        """Uncalibrated P(positive) for encoded rows."""
        p = self.net_.predict_proba(Z)[:, 1]
        lr_weight = getattr(self, "lr_weight_", 0.0)  # artefacts saved before the logistic partner
        out = (1 - self.blend_weight_ - lr_weight) * p
        if self.gb_ is not None:
            out = out + self.blend_weight_ * self.gb_.predict_proba(Z)[:, 1]
        if lr_weight > 0:
            out = out + lr_weight * self.lr_.predict_proba(Z)[:, 1]
        return out

    def proba_encoded(self, Z: np.ndarray) -> np.ndarray:
        """Calibrated P(positive) for rows already encoded by ``encoder_``."""
        p = self.raw_proba_encoded(Z)
        return self.calibrator_.transform(p) if self.calibrator_ is not None else p

    def predict_proba(self, X):
        """Calibrated class probabilities, shape (n, 2)."""
        check_is_fitted(self, "net_")
        p = self.proba_encoded(self.encoder_.transform(X))
        return np.column_stack([1 - p, p])

    def predict(self, X):
        """Most probable class label."""
        positive = self.predict_proba(X)[:, 1] >= 0.5
        return self.classes_[positive.astype(int)]

