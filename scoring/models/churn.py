"""Churn: XGBoost in one Pipeline with the encoder, calibrated on out-of-fold probabilities."""

from __future__ import annotations

import numpy as np
import xgboost as xgb
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.pipeline import Pipeline
from sklearn.utils.validation import check_is_fitted

from .. import defaults
from .._encoder import TabularEncoder
from ._calibration import (
    ProbabilityCalibrator,
    TabularBinaryClassifierMixin,
    binary_labels,
    make_folds,
    reject_sparse,
    roc_auc_safe,
)


class ChurnClassifier(TabularBinaryClassifierMixin, ClassifierMixin, BaseEstimator):
    """P(churn): ``Pipeline([TabularEncoder, XGBClassifier])`` + a calibrator fitted out of fold.

    Args:
        n_estimators: boosting rounds.
        max_depth: tree depth.
        learning_rate: shrinkage.
        subsample: row share per tree.
        colsample_bytree: column share per tree.
        min_child_weight: minimum hessian per leaf (regularises on small data).
        cv: folds for the out-of-fold probabilities the calibrator learns from.
        calibration: ``auto`` | ``isotonic`` | ``sigmoid``.
        column_types: forwarded to :class:`TabularEncoder`.
        n_jobs: xgboost threads.
        random_state: seed.
    """

    def __init__(
        self,
        n_estimators=300,
        max_depth=4,
        learning_rate=0.05,
        subsample=0.8,
        colsample_bytree=0.8,
        min_child_weight=1.0,
        cv=defaults.CV_FOLDS,
        calibration="auto",
        column_types=None,
        n_jobs=defaults.XGB_THREADS,
        random_state=None,
    ):
        self.n_estimators = n_estimators
        self.max_depth = max_depth
        self.learning_rate = learning_rate
        self.subsample = subsample
        self.colsample_bytree = colsample_bytree
        self.min_child_weight = min_child_weight
        self.cv = cv
        self.calibration = calibration
        self.column_types = column_types
        self.n_jobs = n_jobs
        self.random_state = random_state

    def _pipeline(self) -> Pipeline:
        seed = self.random_state if isinstance(self.random_state, int) else 0
        return Pipeline([
            ("encode", TabularEncoder(column_types=self.column_types, scale=False)),
            ("xgb", xgb.XGBClassifier(
                n_estimators=self.n_estimators, max_depth=self.max_depth,
                learning_rate=self.learning_rate, subsample=self.subsample,
                colsample_bytree=self.colsample_bytree, min_child_weight=self.min_child_weight,
                tree_method="hist", n_jobs=self.n_jobs, random_state=seed,
            )),
        ])

    def fit(self, X, y, groups=None):
        """Fit the calibrator on out-of-fold probabilities, then the pipeline on all rows.

        Args:
            X: features (DataFrame preferred).
            y: binary target.
            groups: rows describing one entity (a deal's snapshots), kept in one fold.

        Returns:
            self
        """
        reject_sparse(X)
        binary_labels(y)  # validate the target before any work
        self.classes_, y01 = binary_labels(y)
        folds = make_folds(y01, self.cv, self.random_state, groups)
        oof = None
        self.cv_report_ = {"folds": 0}
        if folds is not None:
            oof = np.zeros(len(y01))
            rows = np.arange(len(y01))
            for train, test in folds.split(rows, y01):
                part = self._pipeline().fit(_take(X, train), y01[train])
                oof[test] = part.predict_proba(_take(X, test))[:, 1]
            self.cv_report_ = {"folds": folds.get_n_splits(), "oof_auc_xgboost": roc_auc_safe(y01, oof)}
        self.pipeline_ = self._pipeline().fit(X, y01)
        self.encoder_ = self.pipeline_.named_steps["encode"]
        self.booster_ = self.pipeline_.named_steps["xgb"].get_booster()
        self.n_features_in_ = self.encoder_.n_features_in_
        if hasattr(self.encoder_, "feature_names_in_"):
            self.feature_names_in_ = self.encoder_.feature_names_in_
        self.calibrator_ = ProbabilityCalibrator(self.calibration).fit(oof, y01) if oof is not None else None
        return self

    def raw_proba_encoded(self, Z: np.ndarray) -> np.ndarray:
        """Uncalibrated P(positive) for encoded rows (booster called directly: no wrapper overhead)."""
        return self.booster_.inplace_predict(Z)

    def proba_encoded(self, Z: np.ndarray) -> np.ndarray:
        """Calibrated P(positive) for rows already encoded by ``encoder_``."""
        p = self.raw_proba_encoded(Z)
        return self.calibrator_.transform(p) if self.calibrator_ is not None else p

    def contributions_encoded(self, Z: np.ndarray) -> np.ndarray:
        """XGBoost log-odds contributions per encoded column (bias column dropped)."""
        return self.booster_.predict(xgb.DMatrix(Z), pred_contribs=True)[:, :-1]

    def predict_proba(self, X):
        """Calibrated class probabilities, shape (n, 2)."""
        check_is_fitted(self, "pipeline_")
        p = self.proba_encoded(self.encoder_.transform(X))
        return np.column_stack([1 - p, p])

    def predict(self, X):
        """Most probable class label."""
        positive = self.predict_proba(X)[:, 1] >= 0.5
        return self.classes_[positive.astype(int)]


def _take(X, idx):
    return X.iloc[idx] if hasattr(X, "iloc") else np.asarray(X)[idx]
