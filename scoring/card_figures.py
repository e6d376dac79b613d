"""The model card's charts as standalone SVG documents (matplotlib, Agg; text kept as text).

Each function takes the card's stored numbers (never rows) and returns SVG markup. Text stays
``<text>`` (``svg.fonttype: none``) so the labels are searchable, accessible and testable; the
HTML embeds each SVG as a data URI, which keeps one page self-contained without element ids of
two charts colliding.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Callable, Sequence
from typing import Any

FIGSIZE = (5.0, 3.2)
"""Inches of every chart (rendered at 72 px per inch in SVG: 360 x 230 px)."""

TOP_BARS = 10
"""Bars of the importance chart."""

_LOCK = threading.Lock()

_STYLE: dict[str, Any] = {"svg.fonttype": "none", "svg.hashsalt": "agentic-sales", "font.size": 8, "axes.spines.top": False,
          "axes.spines.right": False}


def _svg(draw: Callable[[Any], None], height: float = FIGSIZE[1]) -> str:
    import matplotlib
    from matplotlib.figure import Figure

    # Figure without pyplot: no global figure registry, so web threads cannot see each other's
    # charts; the lock covers rc_context, which sets process-wide parameters while it is open.
    # Constrained layout instead of bbox_inches="tight", which draws every chart twice.
    with _LOCK, matplotlib.rc_context(_STYLE):  # type: ignore[arg-type]  # keys are valid rc names
        fig = Figure(figsize=(FIGSIZE[0], height), layout="constrained")
        draw(fig.subplots())
        buf = io.StringIO()
        fig.savefig(buf, format="svg", metadata={"Date": None})
    return buf.getvalue()


def _plain(text: str) -> str:
    """A CRM label drawn as typed: matplotlib would read "Budget ($) vs spend ($)" as math."""
    return str(text).replace("$", r"\$")


def importance_svg(factors: Sequence[dict[str, Any]], top: int = TOP_BARS,
                   xlabel: str = "mean change of the probability") -> str:
    """Horizontal bars, strongest factor at the top, labelled with the CRM's labels."""
    shown = list(factors)[:top]

    def draw(ax: Any) -> None:
        rows = shown[::-1]  # barh draws bottom-up; the strongest goes last so it sits on top
        ax.barh(range(len(rows)), [f["importance"] for f in rows], color="#3b6ea8")
        ax.set_yticks(range(len(rows)), [_plain(f["label"]) for f in rows])
        ax.set(xlabel=xlabel, title="What drives the score")

    return _svg(draw, height=max(1.6, 0.28 * len(shown) + 0.8))


def calibration_svg(bins: Sequence[dict[str, float]]) -> str:
    """Reliability curve: mean predicted probability vs observed rate per bin, with the diagonal."""

    def draw(ax: Any) -> None:
        ax.plot([0, 1], [0, 1], "--", color="grey", linewidth=0.8, label="perfectly calibrated")
        ax.plot([b["predicted"] for b in bins], [b["observed"] for b in bins], "o-", color="#3b6ea8",
                label="this model")
        ax.set(xlim=(0, 1), ylim=(0, 1), xlabel="predicted probability", ylabel="observed rate",
               title=f"Calibration ({sum(int(b['rows']) for b in bins)} holdout rows)")
        ax.legend(loc="upper left")

    return _svg(draw)


def gain_svg(gain: Sequence[dict[str, float]]) -> str:
    """Cumulative gain: share of positives found after each share of records, best scores first."""

    def draw(ax: Any) -> None:
        ax.plot([0] + [g["share"] for g in gain], [0] + [g["gain"] for g in gain], "o-", color="#3b6ea8",
                label="this model")
        ax.plot([0, 1], [0, 1], "--", color="grey", linewidth=0.8, label="random order")
        ax.set(xlim=(0, 1), ylim=(0, 1.02), xlabel="share of records, highest score first",
               ylabel="share of positives found", title="Gain (holdout)")
        ax.legend(loc="lower right")

    return _svg(draw)


def price_svg(curve: dict[str, Any]) -> str:
    """Win probability over discount (mean of the holdout deals) with the recommended point."""

    def draw(ax: Any) -> None:
        grid = [100 * d for d in curve["grid"]]
        ax.plot(grid, curve["p_win"], "-", color="#3b6ea8", label="chance to win")
        best = 100 * curve["best_discount"]
        ax.plot([best], [curve["p_win_at_best"]], "o", color="#c0392b", markersize=7,
                label=f"recommended: {best:.0f}% discount")
        ax.set(xlabel="discount (%)", ylabel="chance to win", title=f"Price response (mean of {curve['deals']} holdout rows)")
        ax.legend(loc="lower right")

    return _svg(draw)


def deciles_svg(deciles: Sequence[dict[str, float]]) -> str:
    """CLV: mean predicted and actual value per decile of predicted value (1 = highest)."""

    def draw(ax: Any) -> None:
        x = [d["decile"] for d in deciles]
        ax.bar([v - 0.2 for v in x], [d["predicted"] for d in deciles], 0.4, label="predicted", color="#3b6ea8")
        ax.bar([v + 0.2 for v in x], [d["actual"] for d in deciles], 0.4, label="actual", color="#95a5a6")
        ax.set_xticks(x)
        ax.set(xlabel="decile of predicted value (1 = highest)", ylabel="mean value per customer",
               title="Deciles (holdout customers)")
        ax.legend()

    return _svg(draw)
