"""Conversion: a calibrated neural net, blended with a tuned gradient boosting and/or a logistic
regression with the weights inner cross-validation supports."""

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
from threadpoolctl import threadpool_limits

from .. import defaults
from .._encoder import TabularEncoder
from ._calibration import (
    ProbabilityCalibrator,
    TabularBinaryClassifierMixin,
    ages_in_days,
    binary_labels,
    make_folds,
    recency_weights,
    reject_sparse,
    roc_auc_safe,
)

_EARLY_STOPPING_MIN_ROWS = 200  # below this a 10% validation split is too small to stop on


class ConversionClassifier(TabularBinaryClassifierMixin, ClassifierMixin, BaseEstimator):
    """P(convert): MLP with preprocessing, early stopping and calibration, blended by inner CV.

    The net is always trained and always part of the prediction; its weight is what inner
    cross-validation supports, at least ``net_min_weight`` (reported as ``cv_report_`` and on the
    model card). On the same inner folds:

    1. the gradient-boosting partner is tuned like the public benchmark's XGBoost baseline: a
       small grid (``defaults.GB_PARTNER_GRID`` x a quarter, half and all of ``gb_max_iter``
       rounds), the setting with the best out-of-fold ROC AUC of the partner alone;
    2. the blend weights (gradient boosting, logistic regression; the net keeps the rest) are the
       pair with the best out-of-fold ROC AUC of the blend, used only when it gains
       ``blend_min_gain`` over the net alone;
    3. the calibrator is fitted on the chosen blend's out-of-fold scores, so it never sees
       in-sample scores.

    Nothing outside ``fit``'s rows is looked at: a caller's test rows choose nothing.

    Args:
        hidden_layer_sizes: MLP layers.
        alpha: MLP L2 penalty, or several tried on the inner folds (the one with the best
            out-of-fold ROC AUC of the net alone is used).
        learning_rate_init: Adam step size.
        max_iter: MLP epochs at most (early stopping usually ends sooner).
        patience: epochs without a better validation log loss before stopping.
        gb_max_iter: most boosting iterations of the gradient-boosting partner (the grid tries
            a quarter, half and all of them).
        cv: folds for out-of-fold probabilities.
        blend_weights: weights tried for each partner (gradient boosting, logistic regression);
            pairs leaving the net less than ``net_min_weight`` are skipped.
        net_min_weight: the net's smallest weight in a blend.
        blend_min_gain: ROC AUC a blend must gain to be chosen.
        calibration: ``auto`` | ``isotonic`` | ``sigmoid``.
        centered_calibration: isotonic through the steps' centres (keeps the ranking within a
            step; see :class:`ProbabilityCalibrator`).
        calibrate_drift: with ``times`` in ``fit``, the calibration also follows the outcomes'
            trend over time and is read at the latest outcome (see ``_calibration._fit_drift``).
            Off by default: on the market it lowered the ECE on one seed of four and raised it
            on two (scoring/README.md).
        blend_criterion: ``roc_auc`` (the blend with the best out-of-fold ROC AUC, if it gains
            ``blend_min_gain``) or ``log_loss`` (the lowest out-of-fold log loss).
        gb_grid: the gradient-boosting partner's settings tried (``None``: ``defaults.GB_PARTNER_GRID``);
            a setting may carry its own ``learning_rate`` and ``l2_regularization`` (else 0.05 and 1.0).
        net_bag: nets averaged wherever "the net" is fitted (inner folds and the final model
            alike, so the calibrator learns the map of the averaged score it is applied to),
            each from its own random state (initialisation, batch order, early-stopping split).
            One net's randomness moved the mean score of the market's open book by ~0.02.
        column_types: forwarded to :class:`TabularEncoder` (``None`` infers).
        random_state: seed of every random step.
    """

    def __init__(
        self,
        hidden_layer_sizes=(64, 32),
        alpha=defaults.NET_ALPHAS,
        learning_rate_init=3e-3,
        max_iter=200,
        patience=15,
        gb_max_iter=defaults.GB_PARTNER_MAX_ITER,
        cv=defaults.CV_FOLDS,
        blend_weights=defaults.BLEND_WEIGHTS,
        net_min_weight=defaults.NET_MIN_WEIGHT,
        blend_min_gain=defaults.BLEND_MIN_GAIN,
        calibration="auto",
        centered_calibration=True,
        calibrate_drift=False,
        blend_criterion="roc_auc",
        net_bag=1,
        gb_grid=None,
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
        self.net_min_weight = net_min_weight
        self.blend_min_gain = blend_min_gain
        self.calibration = calibration
        self.centered_calibration = centered_calibration
        self.calibrate_drift = calibrate_drift
        self.blend_criterion = blend_criterion
        self.net_bag = net_bag
        self.gb_grid = gb_grid
        self.column_types = column_types
        self.random_state = random_state

    def _alphas(self) -> tuple[float, ...]:
        return tuple(self.alpha) if isinstance(self.alpha, tuple | list) else (float(self.alpha),)

    def _member_state(self, member: int) -> int | None:
        """The random state of the bag's `member`-th net (the first keeps the model's own)."""
        if member == 0:
            return self.random_state
        return None if self.random_state is None else int(self.random_state) + 7919 * member

    def _fit_nets(self, Z: np.ndarray, y01: np.ndarray, alpha: float) -> list[MLPClassifier]:
        """``net_bag`` nets (at least one), each from its own random state."""
        return [self._fit_net(Z, y01, alpha, k) for k in range(max(1, int(self.net_bag)))]

    @staticmethod
    def _nets_proba(nets: list[MLPClassifier], Z: np.ndarray) -> np.ndarray:
        return np.mean([net.predict_proba(Z)[:, 1] for net in nets], axis=0)

    def _fit_net(self, Z: np.ndarray, y01: np.ndarray, alpha: float, member: int = 0) -> MLPClassifier:
        """Fit the MLP, stopping early on validation log loss (restoring the best epoch).

        scikit-learn's own ``early_stopping`` watches validation *accuracy*, which barely moves
        on imbalanced or noisy targets and stops after a dozen epochs; log loss is the quantity
        a calibrated probability model should minimise.
        """
        net = MLPClassifier(hidden_layer_sizes=self.hidden_layer_sizes, alpha=alpha,
                            learning_rate_init=self.learning_rate_init, batch_size=64,
                            max_iter=self.max_iter, random_state=self._member_state(member))
        counts = np.bincount(y01, minlength=2)
        if len(y01) < _EARLY_STOPPING_MIN_ROWS or counts.min() < 10:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", ConvergenceWarning)
                return net.fit(Z, y01)
        fit_idx, val_idx = train_test_split(np.arange(len(y01)), test_size=0.15, stratify=y01,
                                            random_state=self._member_state(member))
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

    def _grid(self) -> tuple[dict, ...]:
        return tuple(defaults.GB_PARTNER_GRID if self.gb_grid is None else self.gb_grid)

    def _booster(self, setting: dict, rounds: int) -> HistGradientBoostingClassifier:
        return HistGradientBoostingClassifier(
            max_iter=rounds, early_stopping=False, random_state=self.random_state,
            **({"learning_rate": 0.05, "l2_regularization": 1.0} | setting),
        )

    def _partner_rounds(self) -> tuple[int, ...]:
        return tuple(sorted({max(1, self.gb_max_iter // 4), max(1, self.gb_max_iter // 2), self.gb_max_iter}))

    def _oof_partners(self, Z: np.ndarray, y01: np.ndarray, splits: list) -> tuple[dict, np.ndarray]:
        """Out-of-fold probabilities of every gradient-boosting setting, and of the logistic partner.

        One fit per grid point and fold serves every round count (staged predictions).
        """
        rounds = self._partner_rounds()
        oof_gb = {(i, n): np.zeros(len(y01)) for i in range(len(self._grid())) for n in rounds}
        oof_lr = np.zeros(len(y01))
        for train, test in splits:
            for i, setting in enumerate(self._grid()):
                booster = self._booster(setting, rounds[-1]).fit(Z[train], y01[train])
                for n, proba in enumerate(booster.staged_predict_proba(Z[test]), start=1):
                    if n in rounds:
                        oof_gb[(i, n)][test] = proba[:, 1]
            oof_lr[test] = self._linear().fit(Z[train], y01[train]).predict_proba(Z[test])[:, 1]
        return oof_gb, oof_lr

    def _weight_pairs(self) -> list[tuple[float, float]]:
        room = 1.0 - self.net_min_weight + 1e-9
        return [(float(g), float(r)) for g in self.blend_weights for r in self.blend_weights if g + r <= room]

    def fit(self, X, y, groups=None, times=None):
        """Fit encoder, pick the blend by out-of-fold ROC AUC, fit calibrator and final models.

        Args:
            X: features (DataFrame preferred).
            y: binary target.
            groups: rows describing one entity (a deal's snapshots), kept in one fold.
            times: when each row's outcome became known; the calibrator then weighs recent
                outcomes more (``defaults.CALIBRATION_HALF_LIFE_DAYS``) and follows their trend
                (``calibrate_drift``). It is always fitted on out-of-fold scores, i.e. on rows
                the scoring models were not fitted on.

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
        self.blend_weight_, self.lr_weight_, self.cv_report_ = 0.0, 0.0, {"folds": 0}
        self.gb_setting_: dict | None = None
        self.net_alpha_ = self._alphas()[0]
        oof = None
        # OpenMP threads of the boosting: one per model, like XGBoost's (see defaults.XGB_THREADS).
        with threadpool_limits(limits=defaults.XGB_THREADS, user_api="openmp"):
            if folds is not None:
                # One list of splits for every model: with no seed, each split() call would deal anew.
                splits = list(folds.split(Z, y01))
                oof_net, net_aucs = self._choose_net_penalty(Z, y01, splits)
                oof_gb, oof_lr, gb_aucs = self._choose_partners(Z, y01, splits)
                aucs, reason = self._choose_blend_weights(y01, oof_net, oof_gb, oof_lr)
                self.cv_report_ = self._cv_report(folds.get_n_splits(), groups is not None, y01, net_aucs, gb_aucs,
                                                  oof_lr, aucs, reason)
                g, r = self.blend_weight_, self.lr_weight_
                oof = (1 - g - r) * oof_net + g * oof_gb + r * oof_lr
            self._fit_final_models(Z, y01)
        self.calibrator_ = self._fit_calibrator(oof, y01, times) if oof is not None else None
        return self

    def _choose_net_penalty(self, Z: np.ndarray, y01: np.ndarray, splits: list) -> tuple[np.ndarray, dict]:
        """Step 1: the net's L2 penalty with the best out-of-fold ROC AUC (ties: the first listed).

        Sets ``net_alpha_``; returns that penalty's out-of-fold scores and every penalty's AUC.
        """
        by_alpha = {a: np.zeros(len(y01)) for a in self._alphas()}
        for train, test in splits:
            for a, oof_a in by_alpha.items():
                oof_a[test] = self._nets_proba(self._fit_nets(Z[train], y01[train], a), Z[test])
        net_aucs = {a: roc_auc_safe(y01, v) for a, v in by_alpha.items()}
        self.net_alpha_ = max(net_aucs, key=lambda a: (net_aucs[a], -list(net_aucs).index(a)))
        return by_alpha[self.net_alpha_], net_aucs

    def _choose_partners(self, Z: np.ndarray, y01: np.ndarray, splits: list) -> tuple[np.ndarray, np.ndarray, dict]:
        """Step 2: the gradient-boosting partner's setting with the best out-of-fold ROC AUC (ties:
        the fewest rounds, then the grid's order), and the logistic partner's out-of-fold scores.

        Sets ``gb_setting_`` (when any blend with a partner is tried); returns the chosen
        setting's and the logistic regression's out-of-fold scores and every setting's AUC.
        """
        oof_gb, oof_lr, gb_aucs = np.zeros(len(y01)), np.zeros(len(y01)), {}
        if not any(g > 0 or r > 0 for g, r in self._weight_pairs()):
            return oof_gb, oof_lr, gb_aucs
        by_setting, oof_lr = self._oof_partners(Z, y01, splits)
        gb_aucs = {k: roc_auc_safe(y01, v) for k, v in by_setting.items()}
        chosen = max(gb_aucs, key=lambda k: (gb_aucs[k], -k[1], -k[0]))
        self.gb_setting_ = dict(self._grid()[chosen[0]], max_iter=chosen[1])
        return by_setting[chosen], oof_lr, gb_aucs

    def _choose_blend_weights(self, y01: np.ndarray, oof_net: np.ndarray, oof_gb: np.ndarray,
                              oof_lr: np.ndarray) -> tuple[dict, str]:
        """Step 3: the partners' weights (the net keeps the rest) by ``blend_criterion``.

        Sets ``blend_weight_`` and ``lr_weight_``; returns every pair's out-of-fold AUC and the
        reason in words.
        """
        pairs = self._weight_pairs()
        aucs = {(g, r): roc_auc_safe(y01, (1 - g - r) * oof_net + g * oof_gb + r * oof_lr) for g, r in pairs}
        net_auc = aucs.get((0.0, 0.0), float("nan"))
        best = max(aucs, key=lambda k: (aucs[k], -k[0] - k[1]))
        gains = aucs[best] >= net_auc + self.blend_min_gain
        if self.blend_criterion == "log_loss":
            losses = {(g, r): log_loss(y01, np.clip((1 - g - r) * oof_net + g * oof_gb + r * oof_lr,
                                                    1e-6, 1 - 1e-6), labels=[0, 1]) for g, r in pairs}
            best, gains = min(losses, key=lambda k: (losses[k], k[0] + k[1])), True
        if best != (0.0, 0.0) and gains:
            self.blend_weight_, self.lr_weight_ = best
            return aucs, (f"blend: gradient boosting {best[0]}, logistic regression {best[1]}, net "
                          f"{1 - best[0] - best[1]:.2f}; gains {aucs[best] - net_auc:.4f} out-of-fold ROC AUC "
                          "over the net alone")
        return aucs, f"the neural net alone: no blend gained at least {self.blend_min_gain} out-of-fold ROC AUC"

    def _cv_report(self, folds: int, grouped: bool, y01: np.ndarray, net_aucs: dict, gb_aucs: dict,
                   oof_lr: np.ndarray, aucs: dict, reason: str) -> dict:
        """What the inner folds chose and why (the model card's metrics)."""
        partners = any(g > 0 or r > 0 for g, r in aucs)
        return {
            "folds": folds,
            "grouped": grouped,
            "oof_auc_net": aucs.get((0.0, 0.0), float("nan")),
            "net_alpha": self.net_alpha_,
            "oof_auc_net_by_alpha": {str(a): v for a, v in net_aucs.items()},
            "oof_auc_gradient_boosting": max(gb_aucs.values()) if gb_aucs else float("nan"),
            "gradient_boosting_setting": self.gb_setting_,
            "oof_auc_gradient_boosting_by_setting": {
                f"{self._grid()[i]}, rounds={n}": a for (i, n), a in gb_aucs.items()},
            "oof_auc_logistic_regression": roc_auc_safe(y01, oof_lr) if partners else float("nan"),
            "oof_auc_by_weights": {f"gb={g},lr={r}": a for (g, r), a in aucs.items()},
            "chosen_gb_weight": self.blend_weight_,
            "chosen_lr_weight": self.lr_weight_,
            "net_weight": 1 - self.blend_weight_ - self.lr_weight_,
            "reason": reason,
        }

    def _fit_final_models(self, Z: np.ndarray, y01: np.ndarray) -> None:
        """Step 4: the net, and the partners the blend weighs, on every row."""
        self.nets_ = self._fit_nets(Z, y01, self.net_alpha_)
        self.net_ = self.nets_[0]
        self.n_iter_ = int(self.net_.n_iter_)
        self.gb_ = None
        if self.blend_weight_ > 0 and self.gb_setting_ is not None:
            setting = {k: v for k, v in self.gb_setting_.items() if k != "max_iter"}
            self.gb_ = self._booster(setting, self.gb_setting_["max_iter"]).fit(Z, y01)
        self.lr_ = self._linear().fit(Z, y01) if self.lr_weight_ > 0 else None

    def _fit_calibrator(self, oof: np.ndarray, y01: np.ndarray, times) -> ProbabilityCalibrator:
        """Step 5: the map from the blend's out-of-fold scores to probabilities, weighted to recent
        outcomes and following their trend (see :class:`ProbabilityCalibrator`)."""
        return ProbabilityCalibrator(self.calibration, centered=self.centered_calibration).fit(
            oof, y01, recency_weights(times, defaults.CALIBRATION_HALF_LIFE_DAYS),
            ages_days=ages_in_days(times) if self.calibrate_drift else None)

    def raw_proba_encoded(self, Z: np.ndarray) -> np.ndarray:
        """Uncalibrated P(positive) for encoded rows."""
        p = self._nets_proba(getattr(self, "nets_", None) or [self.net_], Z)  # one net in older artefacts
        lr_weight = getattr(self, "lr_weight_", 0.0)  # artefacts saved before the logistic partner
        out = (1 - self.blend_weight_ - lr_weight) * p
        if self.gb_ is not None:
            out = out + self.blend_weight_ * self.gb_.predict_proba(Z)[:, 1]
        if lr_weight > 0 and self.lr_ is not None:
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

