"""A self-contained HTML report of a model artefact, with embedded PNG plots."""

from __future__ import annotations

import base64
import html
import io
import json
from typing import Any

import numpy as np

from .registry import LoadedModel


def _png(fig) -> str:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=90, bbox_inches="tight")
    import matplotlib.pyplot as plt

    plt.close(fig)
    return base64.b64encode(buf.getvalue()).decode()


def _figure():
    import matplotlib

    matplotlib.use("Agg")  # no display on servers; must precede pyplot
    import matplotlib.pyplot as plt

    return plt.subplots(figsize=(5, 3.6))


def _classification_plots(y: np.ndarray, p: np.ndarray, importance: dict[str, float]) -> list[tuple[str, str]]:
    from sklearn.calibration import calibration_curve
    from sklearn.metrics import roc_curve

    plots = []
    fig, ax = _figure()
    frac, mean = calibration_curve(y, p, n_bins=10, strategy="quantile")
    ax.plot([0, 1], [0, 1], "--", color="grey")
    ax.plot(mean, frac, "o-")
    ax.set(xlabel="predicted probability", ylabel="observed rate", title="Calibration (holdout)")
    plots.append(("Calibration", _png(fig)))
    fig, ax = _figure()
    fpr, tpr, _ = roc_curve(y, p)
    ax.plot(fpr, tpr)
    ax.plot([0, 1], [0, 1], "--", color="grey")
    ax.set(xlabel="false positive rate", ylabel="true positive rate", title="ROC (holdout)")
    plots.append(("ROC", _png(fig)))
    fig, ax = _figure()
    order = np.argsort(-p, kind="stable")
    share = np.arange(1, len(y) + 1) / len(y)
    gain = np.cumsum(y[order]) / max(y.sum(), 1)
    ax.plot(share, gain, label="model")
    ax.plot([0, 1], [0, 1], "--", color="grey", label="random")
    ax.set(xlabel="share of records, highest score first", ylabel="share of positives", title="Gain (holdout)")
    ax.legend()
    plots.append(("Lift / gain", _png(fig)))
    if importance:
        fig, ax = _figure()
        items = list(importance.items())[:15][::-1]
        ax.barh([k for k, _ in items], [v for _, v in items])
        ax.set(xlabel="mean |impact| on the probability", title="Factor importance (holdout)")
        plots.append(("Factor importance", _png(fig)))
    return plots


def _clv_plots(actual: np.ndarray, predicted: np.ndarray) -> list[tuple[str, str]]:
    plots = []
    order = np.argsort(-predicted, kind="stable")
    deciles = np.array_split(order, 10)
    fig, ax = _figure()
    x = np.arange(1, 11)
    ax.bar(x - 0.2, [predicted[d].mean() for d in deciles], 0.4, label="predicted")
    ax.bar(x + 0.2, [actual[d].mean() for d in deciles], 0.4, label="actual")
    ax.set(xlabel="decile of predicted value (1 = highest)", ylabel="mean value", title="Deciles (holdout)")
    ax.legend()
    plots.append(("Deciles: predicted vs actual", _png(fig)))
    fig, ax = _figure()
    share = np.arange(1, len(actual) + 1) / len(actual)
    ax.plot(share, np.cumsum(actual[order]) / max(actual.sum(), 1e-9), label="model")
    perfect = np.sort(actual)[::-1]
    ax.plot(share, np.cumsum(perfect) / max(actual.sum(), 1e-9), ":", label="perfect")
    ax.plot([0, 1], [0, 1], "--", color="grey", label="random")
    ax.set(xlabel="share of customers, highest predicted first", ylabel="share of value", title="Gain (holdout)")
    ax.legend()
    plots.append(("Gain curve", _png(fig)))
    return plots


def _learning_curve_plot(curve: list[dict[str, Any]], training_rows: int | None) -> tuple[str, str]:
    fig, ax = _figure()
    n = [c["closed_deals"] for c in curve]
    ax.plot(n, [c["roc_auc"] for c in curve], "o-", label="ROC AUC")
    ax.plot(n, [c["ece_15_equal_mass"] for c in curve], "s-", label="calibration error (ECE)")
    if "mean_abs_error_vs_true_p" in curve[0]:
        ax.plot(n, [c["mean_abs_error_vs_true_p"] for c in curve], "^-", label="mean |p - true p|")
    if training_rows:
        ax.axvline(training_rows, color="grey", linestyle="--", label="this model's rows")
    ax.set_xscale("log")
    ax.set(xlabel="closed deals used for training", title="Learning curve (simulated market)")
    ax.legend(fontsize=7)
    return "Learning curve: when to trust the score", _png(fig)


def render_report(loaded: LoadedModel, learning_curve: list[dict[str, Any]] | None = None) -> str:
    """Render one self-contained HTML page for an artefact (plots as data URIs).

    Args:
        loaded: the artefact, with its holdout predictions.
        learning_curve: quality vs number of closed deals, measured on the simulated market
            (``benchmarks/results/scoring_market.json``); shown for classification tasks.

    Returns:
        The HTML text.
    """
    meta: dict[str, Any] = loaded.metadata
    ho = loaded.holdout or {}
    if loaded.task == "clv":
        plots = _clv_plots(np.asarray(ho.get("actual", []), float), np.asarray(ho.get("predicted", []), float)) \
            if ho.get("actual") else []
    else:
        plots = _classification_plots(np.asarray(ho.get("y", []), int), np.asarray(ho.get("p", []), float),
                                      meta.get("importance") or {}) if ho.get("y") else []
    if learning_curve and loaded.task != "clv":
        plots.append(_learning_curve_plot(learning_curve, meta.get("training_rows")))
    cv = (meta.get("metrics") or {}).get("cv") or {}
    choice = cv.get("reason")
    parts = [
        "<!doctype html><html><head><meta charset='utf-8'>",
        f"<title>{html.escape(loaded.version)}</title>",
        "<style>body{font-family:sans-serif;max-width:60em;margin:2em auto}img{max-width:100%}"
        "pre{background:#f4f4f4;padding:1em;overflow:auto}</style></head><body>",
        f"<h1>Model report: {html.escape(loaded.task)}</h1>",
        f"<p>Version <code>{html.escape(loaded.version)}</code>, created {html.escape(str(meta.get('created_at')))}"
        f", code {html.escape(str(meta.get('code_version')))[:12]}.</p>",
    ]
    if choice:
        parts.append(f"<h2>Model choice</h2><p>{html.escape(choice)}</p>")
    if not plots:
        parts.append("<p>No holdout was kept (too few rows per class): no plots.</p>")
    for title, data in plots:
        parts.append(f"<h2>{html.escape(title)}</h2><img alt='{html.escape(title)}' src='data:image/png;base64,{data}'>")
    shown = {k: meta.get(k) for k in ("metrics", "feature_schema", "training_rows", "training_data_fingerprint",
                                      "library_versions", "target_info", "cutoff", "horizon_days", "label_days")}
    parts.append("<h2>Metadata</h2><pre>" + html.escape(json.dumps(shown, indent=2, default=str)) + "</pre>")
    parts.append("</body></html>")
    return "\n".join(parts)
