"""Figures over several markets' open deals together, and each market's own (issue 10).

At the product benchmark's default size (5,000 closed / 1,000 open deals) one market's ECE is
mostly sampling noise (a perfect forecaster scores ~0.045 on 1,000 outcomes). K markets of that
size, each its own history and its own trained model (as K revenue teams would), give K × 1,000
scored deals: the pooled ECE, cycle-position buckets, mean abs(p̂ − p_true), AUC and price regret
are measured on all of them. Pooling can hide errors of opposite sign (one team's scores too high,
another's too low, the pooled bins right), so each market's own level error (mean p̂ − mean
p_true) and figures are reported beside the pooled ones, with their spread.

Pure arithmetic on arrays: ``benchmarks.scoring_market_product --markets K`` fills them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from scoring.metrics import expected_calibration_error
from scoring.models._calibration import roc_auc_safe

BUCKETS = ((0.0, 0.25), (0.25, 0.5), (0.5, 0.75), (0.75, 10.0))
"""Cycle position (elapsed share of the deal's life when scored) buckets."""

ECE_BINS = 15


@dataclass(frozen=True)
class MarketDeals:
    """One market's scored open deals, aligned arrays.

    ``revenue``: one row per deal, the expected revenue amount·(1−d)·p_true(d) at the best
    discount of the grid, at the recommended one, at none and at the largest.
    """

    seed: int
    p_hat: np.ndarray
    p_logistic: np.ndarray
    p_true: np.ndarray
    won: np.ndarray
    position: np.ndarray
    revenue: np.ndarray
    recommended: np.ndarray

    def __post_init__(self) -> None:
        n = len(self.p_hat)
        sizes = {len(a) for a in (self.p_logistic, self.p_true, self.won, self.position, self.revenue,
                                  self.recommended)}
        if sizes != {n} or self.revenue.ndim != 2 or self.revenue.shape[1] != 4:
            raise ValueError(f"market {self.seed}: every array needs one row per deal ({n}) and revenue 4 columns")


def regret(revenue: np.ndarray) -> dict[str, float]:
    """Price regret as a share of the optimal revenue summed over the deals (not a mean of shares)."""
    total = revenue[:, 0].sum()
    return {"regret_share_of_optimal_revenue": float((revenue[:, 0] - revenue[:, 1]).sum() / total),
            "regret_no_discount": float((revenue[:, 0] - revenue[:, 2]).sum() / total),
            "regret_always_max_discount": float((revenue[:, 0] - revenue[:, 3]).sum() / total)}


def buckets(p_hat: np.ndarray, p_true: np.ndarray, won: np.ndarray, position: np.ndarray) -> list[dict[str, Any]]:
    """Mean p̂ against the eventual win rate and mean p_true by cycle position."""
    out = []
    for lo, hi in BUCKETS:
        sel = (position >= lo) & (position < hi)
        if sel.sum():
            out.append({"position": [lo, min(hi, 1.0)], "deals": int(sel.sum()),
                        "mean_p_hat": float(p_hat[sel].mean()), "eventual_win_rate": float(won[sel].mean()),
                        "gap": float(p_hat[sel].mean() - won[sel].mean()),
                        # A perfect forecaster's win rate wobbles by this much around its mean p.
                        "win_rate_standard_error": float(np.sqrt(p_true[sel] * (1 - p_true[sel])).mean()
                                                         / np.sqrt(sel.sum())),
                        "gap_vs_true_p": float(p_hat[sel].mean() - p_true[sel].mean()),
                        "mean_p_true": float(p_true[sel].mean()),
                        "mean_abs_error_vs_true_p": float(np.abs(p_hat[sel] - p_true[sel]).mean())})
    return out


def _figures(p_hat: np.ndarray, p_lr: np.ndarray, p_true: np.ndarray, won: np.ndarray,
             position: np.ndarray, revenue: np.ndarray) -> dict[str, Any]:
    rows = buckets(p_hat, p_true, won, position)
    return {"deals": len(p_hat),
            "level_error": float(p_hat.mean() - p_true.mean()),
            "mean_p_hat_minus_win_rate": float(p_hat.mean() - won.mean()),
            "mean_p_hat": float(p_hat.mean()), "mean_p_true": float(p_true.mean()), "win_rate": float(won.mean()),
            "ece_15_equal_mass": expected_calibration_error(won, p_hat, ECE_BINS),
            "ece_of_true_p": expected_calibration_error(won, p_true, ECE_BINS),
            "ece_logistic_reference": expected_calibration_error(won, p_lr, ECE_BINS),
            "ece_vs_true_p": expected_calibration_error(p_true, p_hat, ECE_BINS),
            "roc_auc": roc_auc_safe(won, p_hat), "roc_auc_logistic_reference": roc_auc_safe(won, p_lr),
            "roc_auc_of_true_p": roc_auc_safe(won, p_true),
            "mean_abs_error_vs_true_p": float(np.abs(p_hat - p_true).mean()),
            "mean_abs_error_logistic_reference": float(np.abs(p_lr - p_true).mean()),
            "worst_bucket_gap": max((b["gap"] for b in rows), key=abs),
            "worst_bucket_gap_vs_true_p": max((b["gap_vs_true_p"] for b in rows), key=abs),
            # The same for a perfect forecaster (p_true itself): how far the buckets' win rates
            # wobble from outcome noise alone at this many deals.
            "worst_bucket_gap_of_true_p": max((b["mean_p_true"] - b["eventual_win_rate"] for b in rows), key=abs),
            "by_cycle_position": rows, "price": regret(revenue)}


SPREAD_OF = ("level_error", "mean_p_hat_minus_win_rate", "ece_15_equal_mass", "ece_of_true_p",
             "mean_abs_error_vs_true_p", "roc_auc", "roc_auc_logistic_reference", "worst_bucket_gap",
             "worst_bucket_gap_vs_true_p", "worst_bucket_gap_of_true_p")


def pooled_figures(markets: list[MarketDeals]) -> dict[str, Any]:
    """The figures over every market's deals together, each market's own, and their spread."""
    if not markets:
        raise ValueError("no markets to pool")

    def cat(name: str) -> np.ndarray:
        return np.concatenate([getattr(d, name) for d in markets])

    pooled = _figures(cat("p_hat"), cat("p_logistic"), cat("p_true"), cat("won"), cat("position"),
                      np.concatenate([d.revenue for d in markets]))
    pooled["price"]["mean_recommended_discount"] = float(cat("recommended").mean())
    per_market = []
    for d in markets:
        own = _figures(d.p_hat, d.p_logistic, d.p_true, d.won, d.position, d.revenue)
        own["bucket_gaps"] = [round(b["gap"], 4) for b in own.pop("by_cycle_position")]
        per_market.append({"seed": d.seed} | own)
    spread = {}
    for key in SPREAD_OF:
        values = np.array([m[key] for m in per_market])
        spread[key] = {"min": float(values.min()), "max": float(values.max()), "mean": float(values.mean()),
                       "sd": float(values.std(ddof=1)) if len(values) > 1 else 0.0}
    regrets = np.array([m["price"]["regret_share_of_optimal_revenue"] for m in per_market])
    spread["price_regret"] = {"min": float(regrets.min()), "max": float(regrets.max()), "mean": float(regrets.mean())}
    levels = np.array([m["level_error"] for m in per_market])
    return {"markets": len(markets), "seeds": [d.seed for d in markets], "pooled": pooled,
            "per_market": per_market, "spread": spread,
            # Opposite-sign level errors cancel in the pooled mean; their absolute mean does not.
            "mean_abs_level_error": float(np.abs(levels).mean()),
            "markets_with_level_error_beyond_0_05": int((np.abs(levels) > 0.05).sum()),
            "markets_with_a_bucket_beyond_0_05": int(sum(abs(m["worst_bucket_gap"]) > 0.05 for m in per_market)),
            "markets_where_p_true_has_a_bucket_beyond_0_05": int(
                sum(abs(m["worst_bucket_gap_of_true_p"]) > 0.05 for m in per_market)),
            "markets_where_auc_beats_logistic": int(sum(m["roc_auc"] > m["roc_auc_logistic_reference"]
                                                       for m in per_market))}
