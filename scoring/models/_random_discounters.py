"""Which discount givers (reps) discount as if at random: the unconfounded part of a price history.

Reps usually discount the deals they fear losing, so in the raw history "discounted" means
"weak": a model of P(win | deal, discount) learns that discounts lose, and recommends none. The
deals of a rep whose discounts do not follow the deal's strength are a natural experiment: there
the discount's effect is not mixed with the deal's odds. A rep is taken as such when a model of
"was this deal discounted?" from the deal's own features (everything but the rep and the
discount), fitted out of fold on the whole book, ranks that rep's discounted deals no better
than chance (ROC AUC below ``defaults.RANDOM_DISCOUNT_MAX_AUC``). Measured on the confounded
market (seed 11, 5,000 closed deals): the two randomising reps of eight scored 0.45 and 0.51,
the six others 0.62-0.70.
"""

from __future__ import annotations

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.model_selection import StratifiedKFold, cross_val_predict

from .. import defaults
from ._calibration import roc_auc_safe


def discount_propensity(Z: np.ndarray, discounted: np.ndarray, random_state: int | None) -> np.ndarray:
    """Out-of-fold P(discounted | the deal's features) for every row."""
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=random_state)
    model = HistGradientBoostingClassifier(max_iter=100, learning_rate=0.05, max_leaf_nodes=15,
                                           random_state=random_state)
    return cross_val_predict(model, Z, discounted, cv=folds, method="predict_proba")[:, 1]


def random_discounters(givers: np.ndarray, discounted: np.ndarray, propensity: np.ndarray, *,
                       max_auc: float = defaults.RANDOM_DISCOUNT_MAX_AUC,
                       min_deals: int = defaults.RANDOM_DISCOUNT_MIN_DEALS) -> dict[str, float]:
    """Givers whose discounts the deal's features do not predict, with their ROC AUC.

    Args:
        givers: each row's discount giver (the deal owner), as strings.
        discounted: 1 where the deal got a discount.
        propensity: out-of-fold P(discounted) from the deal's features (not the giver).
        max_auc: highest ROC AUC of the propensity within a giver's deals still called random.
        min_deals: fewest deals, and fewest of each kind (discounted or not) / 4, a giver needs
            to be judged at all (a rep with 30 deals ranks anything by chance).

    Returns:
        giver → ROC AUC, for the givers judged random.
    """
    out: dict[str, float] = {}
    for giver in np.unique(givers):
        sel = givers == giver
        n, k = int(sel.sum()), int(discounted[sel].sum())
        if n < min_deals or min(k, n - k) < min_deals // 4:
            continue
        auc = roc_auc_safe(discounted[sel], propensity[sel])
        if np.isfinite(auc) and auc < max_auc:
            out[str(giver)] = float(auc)
    return out
