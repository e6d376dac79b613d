"""Model cards as data: what one task's champion predicts, on which holdout, how well, and why.

A card is built from an artefact's stored metadata (see :mod:`scoring.holdout`: training
measures the holdout once and stores it) and the tenant's field-mapping labels, so factors read
in the CRM's own words. A task without a model gets a card too, saying why it is absent
("44 of 50 customers with closed-won deals"). Pure: no Flask, no database; the app finds the
artefacts and the reasons (``app/reports``) and the console and ``agentic-sales model report``
render the cards (:mod:`scoring.report`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from .explain import label_for
from .holdout import gain_table, ranked_importance, reliability_bins, value_deciles
from .registry import TASKS, LoadedModel

TOP_FACTORS = 10
"""Factors listed (and drawn) per card."""

TASK_TITLES = {
    "conversion": "Conversion: the chance an open deal is won",
    "churn": "Churn: the chance a customer leaves",
    "clv": "Customer lifetime value",
    "price": "Price: the discount with the best expected revenue",
    "lead_conversion": "Lead conversion: the chance an open lead is converted",
}
"""A card's heading per task."""

DEFAULT_UNITS = {"conversion": "closed deals", "churn": "customers with a known churn or renewal",
                 "clv": "customers with closed-won deals", "price": "closed deals",
                 "lead_conversion": "closed leads (converted or closed unconverted)"}
"""What a task's history counts when the absent reason does not say."""

METRIC_LABELS = {
    "roc_auc": "ROC AUC (ranking; 0.5 = coin flip, 1 = perfect)",
    "brier": "Brier score (lower is better)",
    "ece_15": "Calibration error, ECE (lower is better)",
    "log_loss": "Log loss (lower is better)",
    "normalized_gini": "Normalised Gini (ranking of value; 1 = perfect)",
    "top_decile_capture": "Share of value in the top 10% predicted",
    "mae": "Mean absolute error per customer",
    "rmse": "Root mean squared error per customer",
}
"""Headline metrics shown, in this order, with what they mean."""


@dataclass
class Metric:
    """One measured holdout number, with the same number of the references when measured."""

    name: str
    label: str
    value: float | None
    logistic_regression: float | None = None
    prior_rate: float | None = None


@dataclass
class ModelCard:
    """One task's card (see the module docstring); ``figures`` maps a chart name to SVG markup."""

    task: str
    title: str
    present: bool
    absent_reason: str | None = None
    version: str | None = None
    created_at: str | None = None
    predicts: str | None = None
    positive_class: str | None = None
    holdout: dict[str, Any] = field(default_factory=dict)
    training: dict[str, Any] = field(default_factory=dict)
    metrics: list[Metric] = field(default_factory=list)
    factors: list[dict[str, Any]] = field(default_factory=list)
    calibration: list[dict[str, float]] = field(default_factory=list)
    gain: list[dict[str, float]] = field(default_factory=list)
    price_curve: dict[str, Any] | None = None
    deciles: list[dict[str, float]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    figures: dict[str, str] = field(default_factory=dict)

    def to_dict(self, figures: bool = False) -> dict[str, Any]:
        """JSON-ready dict (the SVG figures only when asked: they are large)."""
        out = asdict(self)
        if not figures:
            out.pop("figures")
        return out


def absent_reason_text(task: str, reason: Mapping[str, Any] | None) -> str:
    """Why a task has no model, in a sentence ("44 of 50 customers with closed-won deals").

    Args:
        task: the task.
        reason: the absent entry (``{"not_enough_history": {"have", "need", "unit"?}}``,
            ``{"model_retraining": {"reason"}}``, ``{"refused": "..."}``, ``{"training_error": "..."}``,
            ``{"no_model": {}}``; the shapes of ``app.pipeline.tenant.training_reason``).
    """
    reason = reason or {}
    history = reason.get("not_enough_history")
    if isinstance(history, Mapping):
        unit = history.get("unit") or DEFAULT_UNITS.get(task, "records")
        return (f"Not enough history: {history.get('have')} of {history.get('need')} {unit} needed "
                f"before this model is trained.")
    if reason.get("refused"):
        return f"The last trained model was not put in use: it was refused by its training gate ({reason['refused']})."
    retraining = reason.get("model_retraining")
    if isinstance(retraining, Mapping):
        return f"The model cannot be loaded and is being retrained ({retraining.get('reason', 'unknown reason')})."
    if reason.get("training_error") or reason.get("error"):
        return f"The last training failed: {reason.get('training_error') or reason.get('error')}"
    return "No model has been trained for this account yet."


def absent_card(task: str, reason: Mapping[str, Any] | None) -> ModelCard:
    """The card of a task without a model: its title and why."""
    return ModelCard(task=task, title=TASK_TITLES.get(task, task), present=False,
                     absent_reason=absent_reason_text(task, reason))


def _metrics(task: str, stored: Mapping[str, Any]) -> list[Metric]:
    holdout = stored.get("holdout") or {}
    lr = stored.get("holdout_logistic_regression") or {}
    prior = stored.get("holdout_prior_rate") or {}
    return [Metric(name, label, _num(holdout.get(name)), _num(lr.get(name)), _num(prior.get(name)))
            for name, label in METRIC_LABELS.items() if name in holdout]


def _num(value: Any) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if number == number else None  # NaN (one class in the holdout) → not measured


def blend_note(task: str, metrics: Mapping[str, Any] | None) -> str | None:
    """What conversion's (or the lead score's, the same model) score is made of, as its inner
    cross-validation chose (None for others)."""
    cv = (metrics or {}).get("cv") or {}
    if task not in ("conversion", "lead_conversion") or "net_weight" not in cv:
        return None
    unit = "leads" if task == "lead_conversion" else "deals"
    gb, lr = float(cv.get("chosen_gb_weight") or 0.0), float(cv.get("chosen_lr_weight") or 0.0)
    if gb == 0 and lr == 0:
        return ("The score is the neural net's alone: no blend with gradient boosting or a logistic regression "
                f"ranked better in cross-validation on the training {unit}.")
    parts = [f"the neural net {float(cv['net_weight']):.0%}"]
    parts += [f"{name} {w:.0%}" for name, w in (("gradient boosting", gb), ("a logistic regression", lr)) if w > 0]
    return ("The score blends " + ", ".join(parts) + ": the weights that ranked best in cross-validation on "
            f"the training {unit} (the net always keeps a share).")


def gate_elsewhere_note(gate: Mapping[str, Any]) -> str | None:
    """Where the promotion gate judged the model, when that was not the holdout the card's table shows.

    A churn holdout of a few dozen customers decides by chance (scoring/train.py), so the gate is
    cross-validated on every customer; without this note revenue ops read a table where the model in
    use trails its logistic regression and nothing says why it was promoted anyway.
    """
    where = gate.get("on")
    if not where or not gate.get("passed", True):
        return None
    auc, auc_lr = _num(gate.get("auc")), _num(gate.get("auc_logistic"))
    scores = (f" There its AUC was {auc:.3f} against the logistic regression's {auc_lr:.3f}."
              if auc is not None and auc_lr is not None else "")
    return (f"The promotion gate judged this model on {where}, not on the holdout above.{scores} A holdout of "
            "so few customers decides by chance, so its table alone does not say which model is better.")


BASE_RATE_SHIFT = 0.15
"""Difference between the holdout's and the training rows' positive rates from which the card says that
the holdout's calibration figures measure the shift (churn's time holdout: 22% vs 74% on the demo)."""


def base_rate_note(summary: Mapping[str, Any], positive: str | None) -> str | None:
    """A holdout whose positive rate is far from the training rows': its calibration figures (ECE,
    Brier, log loss) measure that shift as much as the model, and a reader should know before
    comparing them; None when the rates are close or unknown."""
    training = summary.get("training") or {}
    held, rows, positives = summary.get("positive_rate"), training.get("rows"), training.get("positives")
    if held is None or not rows or positives is None:
        return None
    trained = positives / rows
    if abs(float(held) - trained) < BASE_RATE_SHIFT:
        return None
    what = positive if positive in ("won", "churned", "converted") else (
        f"of the positive class {positive!r}" if positive else "of the positive class")
    return (f"Share {what}: {float(held):.0%} of the holdout against {trained:.0%} of the training rows. The "
            "calibration figures above (ECE, Brier score, log loss) measure that shift as much as the models; "
            "ROC AUC, a ranking, does not move with it.")


MODEL_DESCRIPTIONS = {"churn": "the churn model (gradient boosting blended with a logistic regression)",
                      "conversion": "the conversion model (a neural net, blended as its cross-validation chose)",
                      "lead_conversion": "the lead model (a neural net, blended as its cross-validation chose)"}
"""What a task's own model is, in the words a card uses beside the logistic regression."""


def served_note(task: str, meta: Mapping[str, Any]) -> str | None:
    """Which model serves the score and why, where the logistic regression could have served instead
    (``scoring.promotion.choose_served``); None for artefacts that made no such choice."""
    served = meta.get("served_model")
    if not served:
        return None
    own = MODEL_DESCRIPTIONS.get(task, f"the {task} model")
    reason = str(served.get("reason") or "").rstrip(".")
    if served.get("model") != "logistic_regression":
        return f"{own[0].upper()}{own[1:]} serves this score: {reason}."
    note = (f"A logistic regression serves this score (calibrated on its out-of-fold predictions), not {own}: "
            f"{reason}. The holdout table's model in use is that logistic regression.")
    held = served.get("model_holdout") or {}
    auc, ece = _num(held.get("roc_auc")), _num(held.get("ece_15"))
    if auc is not None and ece is not None:
        note += f" On that holdout {own.split(' (')[0]} had AUC {auc:.3f} and ECE {ece:.3f}."
    return note


def _positive(task: str, meta: Mapping[str, Any]) -> str | None:
    """The positive class in the user's words (CRM training labels won deals 1 internally)."""
    value = (meta.get("target_info") or {}).get("positive_class")
    if meta.get("source") == "crm" and task in ("conversion", "price"):
        return "won"
    if meta.get("source") == "crm" and task == "churn":
        return "churned"
    if meta.get("source") == "crm" and task == "lead_conversion":
        return "converted"
    return None if value is None else str(value)


def _predicts(task: str, meta: Mapping[str, Any]) -> str:
    info = meta.get("target_info") or {}
    if task == "clv":
        return f"Spend per customer over the next {meta.get('horizon_days')} days"
    if meta.get("source") == "crm":
        what = {"conversion": "P(the deal is closed won)",
                "price": "P(the deal is closed won) at each discount; the card recommends the discount with "
                         f"the best expected revenue, capped at {float(meta.get('max_discount') or 0):.0%}",
                "churn": "P(the customer churns)",
                "lead_conversion": "P(the lead is converted)"}
        return what.get(task, task)
    if task == "price":
        return (f"P({meta.get('target')} = {info.get('positive_class')!r}) at each discount; the card recommends "
                f"the discount with the best expected revenue, capped at {float(meta.get('max_discount') or 0):.0%}")
    return f"P({meta.get('target')} = {info.get('positive_class')!r})"


def build_card(loaded: LoadedModel, labels: Mapping[str, str] | None = None, *, figures: bool = True) -> ModelCard:
    """A present task's card from its artefact.

    Args:
        loaded: the champion (metadata and holdout predictions).
        labels: feature → the CRM's label (from the tenant's field mapping).
        figures: render the SVG charts.

    Returns:
        The card; numbers the artefact never measured (an artefact from before cards) are
        rebuilt from its stored holdout predictions, or left out with a note, never invented.
    """
    meta, task = loaded.metadata, loaded.task
    info = meta.get("target_info") or {}
    summary = dict(meta.get("holdout_summary") or {})
    ho = loaded.holdout or {}
    notes: list[str] = []
    if task == "clv":
        deciles = list(meta.get("deciles") or (value_deciles(ho["actual"], ho["predicted"]) if ho.get("actual") else []))
        calibration, gain = [], []
    else:
        deciles = []
        calibration = list(meta.get("calibration") or (reliability_bins(ho["y"], ho["p"]) if ho.get("y") else []))
        gain = list(meta.get("gain") or (gain_table(ho["y"], ho["p"]) if ho.get("y") else []))
    if not summary:
        rows = len(ho.get("y") or ho.get("actual") or [])
        summary = {"rows": rows, "groups": rows, "positives": int(sum(ho.get("y") or [])) if ho.get("y") else None,
                   "date_from": None, "date_to": None, "split": (meta.get("metrics") or {}).get("holdout", {}).get("split"),
                   "positive_class": info.get("positive_class"), "positive_rate": info.get("positive_rate")}
        notes.append("This model was trained before holdout dates were recorded: the date range is unknown.")
    factors = [{"feature": f["feature"], "label": label_for(f["feature"], labels), "importance": f["importance"]}
               for f in ranked_importance(meta.get("importance"))[:TOP_FACTORS]]
    if task == "price" and not meta.get("price_curve"):
        notes.append("This model was trained before its price curve was recorded: the next training draws it.")
    for leak in meta.get("leakage") or []:
        notes.append(f"Column {leak.get('column')!r} was left out: {leak.get('reason')}.")
    blend = blend_note(task, meta.get("metrics"))
    if blend:
        notes.append(blend)
    gate = meta.get("promotion_gate") or {}
    if gate and not gate.get("passed", True):
        notes.append("This model failed its training gate: " + "; ".join(gate.get("reasons") or []))
    cv_note = gate_elsewhere_note(gate)
    if cv_note:
        notes.append(cv_note)
    serving = served_note(task, meta)
    if serving:
        notes.append(serving)
    shift = base_rate_note(summary, _positive(task, meta)) if task != "clv" else None
    if shift:
        notes.append(shift)
    card = ModelCard(
        task=task, title=TASK_TITLES.get(task, task), present=True, version=loaded.version,
        created_at=meta.get("created_at"), predicts=_predicts(task, meta),
        positive_class=_positive(task, meta),
        holdout={k: v for k, v in summary.items() if k != "training"} | {"positive_class": _positive(task, meta)},
        training=dict(summary.get("training") or {}),
        metrics=_metrics(task, meta.get("metrics") or {}), factors=factors, calibration=calibration, gain=gain,
        price_curve=meta.get("price_curve"), deciles=deciles, notes=notes)
    card.training.setdefault("rows", meta.get("training_rows"))
    if figures:
        card.figures = card_figures(card)
    return card


def card_figures(card: ModelCard) -> dict[str, str]:
    """The card's charts as SVG markup, by name (importance, calibration, gain, price, deciles)."""
    from . import card_figures as draw

    out: dict[str, str] = {}
    if card.factors:
        out["importance"] = (draw.importance_svg(card.factors, xlabel="mean contribution to the value")
                             if card.task == "clv" else draw.importance_svg(card.factors))
    if card.calibration:
        out["calibration"] = draw.calibration_svg(card.calibration)
    if card.gain:
        out["gain"] = draw.gain_svg(card.gain)
    if card.price_curve:
        out["price"] = draw.price_svg(card.price_curve)
    if card.deciles:
        out["deciles"] = draw.deciles_svg(card.deciles)
    return out


def cards_for(models: Mapping[str, Any], labels: Mapping[str, str] | None = None,
              tasks: tuple[str, ...] | None = None, *,
              figures: bool = True) -> list[ModelCard]:
    """One card per task from ``ModelRegistry.load_champions``-shaped input (model or reason).

    Default tasks: the four deal tasks, and ``lead_conversion`` when ``models`` has an entry for it
    (a CRM without enriched leads has no lead score to report on, not an absent one)."""
    if tasks is None:
        tasks = tuple(t for t in TASKS if t != "lead_conversion" or t in models)
    return [build_card(models[t], labels, figures=figures) if isinstance(models.get(t), LoadedModel)
            else absent_card(t, models.get(t)) for t in tasks]
