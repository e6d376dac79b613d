"""Model artefacts on disk: save with a JSON sidecar and checksums, load only what we saved.

An artefact directory holds ``metadata.json`` (task, version, feature schema, training-data
fingerprint, metrics, library and code versions, created time, file checksums), the model in
safe formats (xgboost JSON for boosters, skops for the rest) and ``holdout.json`` (holdout
predictions for the report). Loading verifies every checksum and refuses other library versions.

A :class:`ModelRegistry` keeps per-tenant versions and a champion per task under a root
directory that the caller passes in (no globals)::

    <root>/<tenant>/<task>/versions/<version>/   artefacts
    <root>/<tenant>/<task>/champion.json          {"version", "metric", "promoted_at"}
"""

from __future__ import annotations

import copy
import hashlib
import json
import logging
import re
import shutil
import subprocess
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
import skops.io as sio
import xgboost as xgb
from sklearn.pipeline import Pipeline

from .defaults import PROMOTION_CONFIDENCE
from .errors import LibraryVersionMismatchError, ModelError, ModelIntegrityError, ModelNotFoundError
from .metrics import PRIMARY_METRIC

log = logging.getLogger(__name__)

FORMAT_VERSION = 1
"""Version of the artefact layout; bumped when files or sidecar keys change meaning."""

TASKS = ("conversion", "churn", "clv", "price", "lead_conversion")
"""Every scoring task."""

TRUSTED_TYPES = frozenset({
    "scoring._encoder.TabularEncoder",
    "scoring.models._calibration.ProbabilityCalibrator",
    "scoring.models.churn.ChurnClassifier",
    "scoring.models.clv.ClvModel",
    "scoring.models.conversion.ConversionClassifier",
    "scoring.models.price.PriceModel",
    "sklearn.ensemble._hist_gradient_boosting.predictor.TreePredictor",
    "sklearn.ensemble._hist_gradient_boosting.binning._BinMapper",
    "sklearn._loss.loss.HalfBinomialLoss",
    "sklearn._loss.link.LogitLink",
    "sklearn._loss.link.Interval",
    "sklearn.neural_network._stochastic_optimizers.AdamOptimizer",
    "sklearn.tree._tree.Tree",
})
"""Exact types (beyond skops' own safe defaults) our artefacts may hold. Whole-module prefixes
were trusted before, and a file naming ``builtins.eval`` loaded; a new model type must be added
here on purpose (a test trains every model and checks this list covers it)."""
_TENANT_RE = re.compile(r"^[A-Za-z0-9_.-]{1,128}$")


def library_versions() -> dict[str, str]:
    """Versions that must match between saving and loading."""
    import sklearn
    import skops

    return {"scikit-learn": sklearn.__version__, "xgboost": xgb.__version__,
            "numpy": np.__version__, "skops": skops.__version__}


def release_series(version: str | None) -> tuple[str, ...]:
    """``"1.5.2"`` → ``("1", "5")``: the part of a version that must match to load an artefact."""
    if not version:
        return ()
    parts = re.split(r"[.+]", str(version))
    return tuple(parts[:2])


def code_version() -> str:
    """Git SHA of the scoring code, or ``unknown`` outside a git checkout (never raises)."""
    try:
        out = subprocess.run(["git", "rev-parse", "HEAD"], cwd=Path(__file__).parent, capture_output=True,
                             text=True, timeout=5, check=False)
        return out.stdout.strip() or "unknown"
    except (OSError, subprocess.SubprocessError):
        return "unknown"


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


@dataclass
class LoadedModel:
    """A model loaded from an artefact, with its sidecar metadata."""

    task: str
    model: Any
    metadata: dict[str, Any]
    path: Path
    holdout: dict[str, Any] = field(default_factory=dict)

    @property
    def version(self) -> str:
        """The artefact's version string."""
        return str(self.metadata["version"])


def new_version(task: str) -> str:
    """A sortable, unique version name such as ``conversion-20261125T163012Z-1a2b3c``."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    return f"{task}-{stamp}-{hashlib.sha256(stamp.encode()).hexdigest()[:6]}"


def save_model(model: Any, directory: str | Path, metadata: dict[str, Any],
               holdout: dict[str, Any] | None = None) -> Path:
    """Write an artefact: boosters as xgboost JSON, the rest with skops, sidecar with checksums.

    Args:
        model: a fitted scoring model (``ConversionClassifier``, ``ChurnClassifier``,
            ``PriceModel`` or ``ClvModel``).
        directory: target directory (created; existing artefact files are replaced).
        metadata: task-specific metadata; library/code versions and checksums are added.
        holdout: holdout predictions kept for the report (no raw rows).

    Returns:
        The artefact directory.
    """
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    files: list[str] = []
    shell = copy.copy(model)
    booster = getattr(model, "booster_", None)
    if booster is not None:
        booster.save_model(str(out / "booster.json"))
        files.append("booster.json")
        shell.booster_ = None
        for attr in ("pipeline_", "regressor_"):
            if hasattr(shell, attr):
                setattr(shell, attr, None)
    calibrator = getattr(model, "calibrator_", None)
    if calibrator is not None:
        shell.calibrator_ = None
        (out / "calibrator.json").write_text(json.dumps(calibrator.to_dict()))
        files.append("calibrator.json")
    sio.dump(shell, out / "model.skops")
    files.append("model.skops")
    (out / "holdout.json").write_text(json.dumps(holdout or {}))
    files.append("holdout.json")
    meta = dict(metadata)
    meta.setdefault("version", new_version(meta.get("task", "model")))
    meta.update({
        "format_version": FORMAT_VERSION,
        "model_class": f"{type(model).__module__}.{type(model).__qualname__}",
        "library_versions": library_versions(),
        "code_version": code_version(),
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "checksums": {name: sha256_of(out / name) for name in files},
    })
    (out / "metadata.json").write_text(json.dumps(meta, indent=2, sort_keys=True, default=str))
    return out


def read_metadata(directory: str | Path) -> dict[str, Any]:
    """Read and sanity-check an artefact's sidecar.

    Raises:
        ModelNotFoundError: no such directory or no sidecar.
        ModelIntegrityError: the sidecar is not valid JSON of our format.
    """
    path = Path(directory) / "metadata.json"
    if not path.is_file():
        raise ModelNotFoundError(f"{directory}: not a model artefact (no metadata.json)")
    try:
        meta = json.loads(path.read_text())
    except (OSError, ValueError) as exc:
        raise ModelIntegrityError(f"{path}: unreadable sidecar ({exc})") from exc
    if not isinstance(meta, dict) or meta.get("format_version") != FORMAT_VERSION or "checksums" not in meta:
        raise ModelIntegrityError(f"{path}: not a scoring artefact of format {FORMAT_VERSION}")
    return meta


def check_versions(meta: dict[str, Any]) -> None:
    """Refuse an artefact saved with another major.minor release of a library.

    Patch releases (1.5.1 → 1.5.2) keep file formats and fitted attributes; refusing them made
    every bug-fix upgrade retrain every tenant. Another minor release may rename attributes,
    so it is refused and the caller queues a retrain.

    Raises:
        LibraryVersionMismatchError: a saved version differs from the running one.
    """
    running = library_versions()
    saved = meta.get("library_versions") or {}
    mismatches = {k: (str(saved.get(k)), v) for k, v in running.items()
                  if release_series(saved.get(k)) != release_series(v)}
    if mismatches:
        raise LibraryVersionMismatchError(mismatches)


def load_model(directory: str | Path) -> LoadedModel:
    """Load an artefact written by :func:`save_model`, after verifying it.

    Args:
        directory: the artefact directory.

    Returns:
        The loaded model with its metadata and holdout predictions.

    Raises:
        ModelNotFoundError: not an artefact.
        ModelIntegrityError: a checksum does not match, or the file holds unexpected types.
        LibraryVersionMismatchError: saved with other library versions.
    """
    out = Path(directory)
    meta = read_metadata(out)
    for name, digest in meta["checksums"].items():
        file = out / name
        if "/" in name or not file.is_file() or sha256_of(file) != digest:
            raise ModelIntegrityError(f"{out}: {name} is missing or does not match its checksum")
    check_versions(meta)
    untrusted = sio.get_untrusted_types(file=out / "model.skops")
    foreign = sorted(t for t in untrusted if t not in TRUSTED_TYPES)
    if foreign:
        raise ModelIntegrityError(f"{out}: model holds unexpected types: {', '.join(foreign)}")
    model = sio.load(out / "model.skops", trusted=untrusted)
    if "booster.json" in meta["checksums"]:
        _attach_booster(model, out / "booster.json")
    if "calibrator.json" in meta["checksums"]:
        from .models._calibration import ProbabilityCalibrator

        model.calibrator_ = ProbabilityCalibrator.from_dict(json.loads((out / "calibrator.json").read_text()))
    holdout = json.loads((out / "holdout.json").read_text())
    return LoadedModel(task=str(meta["task"]), model=model, metadata=meta, path=out, holdout=holdout)


def _attach_booster(model: Any, path: Path) -> None:
    if hasattr(model, "pipeline_"):
        clf = xgb.XGBClassifier()
        clf.load_model(str(path))
        model.pipeline_ = Pipeline([("encode", model.encoder_), ("xgb", clf)])
        model.booster_ = clf.get_booster()
    else:
        reg = xgb.XGBRegressor()
        reg.load_model(str(path))
        model.regressor_ = reg
        model.booster_ = reg.get_booster()


class ModelRegistry:
    """Per-tenant model versions and champions under ``root``.

    Args:
        root: the registry's root directory (created on first write).
    """

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)

    def _task_dir(self, tenant: str, task: str) -> Path:
        # fullmatch: `$` alone lets "t1\n" through; "." and ".." are names of directories the registry does not own.
        if not _TENANT_RE.fullmatch(tenant) or set(tenant) == {"."}:
            raise ValueError(f"invalid tenant id {tenant!r}: letters, digits, '_', '.' and '-', not only dots")
        if task not in TASKS:
            raise ValueError(f"unknown task {task!r}")
        return self.root / tenant / task

    def add(self, tenant: str, artefact: str | Path) -> Path:
        """Copy a verified artefact into the tenant's versions (no promotion).

        Returns:
            The stored version directory.
        """
        loaded = load_model(artefact)
        dest = self._task_dir(tenant, loaded.task) / "versions" / loaded.version
        if not dest.exists():
            shutil.copytree(Path(artefact), dest)
        return dest

    def champion_dir(self, tenant: str, task: str) -> Path | None:
        """The champion's artefact directory, or None."""
        pointer = self._task_dir(tenant, task) / "champion.json"
        if not pointer.is_file():
            return None
        version = json.loads(pointer.read_text())["version"]
        return self._task_dir(tenant, task) / "versions" / version

    def promote(self, tenant: str, artefact: str | Path, evaluate: Callable[[LoadedModel], float] | None = None,
                holdout: tuple[Any, Any] | None = None, holdout_groups: Any = None) -> dict[str, Any]:
        """Make a challenger the champion only when the evidence says it is better.

        1. The challenger must have passed its training gate (not worse than a logistic
           regression on the same rows, better than the prior rate; see ``scoring.promotion``):
           a failing model is never promoted, not even as the first one.
        2. With ``holdout`` (``(X, y)``: the challenger's time-based holdout rows), champion and
           challenger predict the SAME rows and the challenger must win in
           ``PROMOTION_CONFIDENCE`` of paired bootstrap resamples.
        3. Otherwise (``evaluate``, or the stored metrics of two different holdouts) the
           challenger must be strictly better on the number given.

        Args:
            tenant: the tenant id.
            artefact: the challenger's artefact directory.
            evaluate: scores a loaded model on a common holdout (higher is better).
            holdout: ``(X, y)`` rows both classification models predict (preferred).
            holdout_groups: each holdout row's deal or customer: the resamples draw whole deals (a
                deal's snapshots share one outcome; ``scoring.promotion.group_resampler``).

        Returns:
            ``{"promoted", "task", "tenant", "version", "metric", "challenger", "champion", "basis", "reason"}``
            (+ ``"comparison"`` with the bootstrap evidence, ``"gate"`` with the baselines, ``"served"``:
            the model or the logistic regression, see ``scoring.promotion.choose_served``).
        """
        from .promotion import paired_gain

        challenger = load_model(artefact)
        task = challenger.task
        metric = PRIMARY_METRIC[task]
        gate = challenger.metadata.get("promotion_gate")
        base = {"task": task, "tenant": tenant, "version": challenger.version, "metric": metric}
        if gate is not None and not gate.get("passed"):
            return base | {"promoted": False, "challenger": gate.get("auc"), "champion": None, "gate": gate,
                           "basis": "training holdout vs prior rate and logistic regression",
                           "reason": "refused: " + "; ".join(gate.get("reasons") or ["failed its training gate"])}
        champion = None
        current_dir = self.champion_dir(tenant, task)
        if current_dir is not None and current_dir.exists():
            try:
                champion = load_model(current_dir)
            except ModelError as exc:  # an unloadable champion cannot defend its title
                log.warning("champion %s of %s/%s unusable: %s", current_dir.name, tenant, task, exc)

        def stored(m: LoadedModel) -> float:
            value = (m.metadata.get("metrics") or {}).get("holdout", {}).get(metric)
            return float("nan") if value is None else float(value)

        comparison = None
        if champion is None:
            challenger_score, champion_score = stored(challenger), None
            promoted, basis, reason = True, "no champion", "no champion yet"
            if gate is not None:
                reason += " (passed its training gate)"
        elif holdout is not None and task != "clv":
            X, y = holdout
            from .scores import predict_proba_table

            comparison = paired_gain(np.asarray(y), predict_proba_table(challenger, X), _champion_proba(champion, X),
                                     groups=None if holdout_groups is None else np.asarray(holdout_groups))
            challenger_score, champion_score = comparison["challenger"], comparison["champion"]
            promoted, basis = bool(comparison["better"]), "same time-based holdout, paired bootstrap"
            reason = (f"better than the champion in {comparison['share_better']:.0%} of bootstrap resamples"
                      f" (needs {PROMOTION_CONFIDENCE:.0%})")
        else:
            if evaluate is not None:
                challenger_score, champion_score = float(evaluate(challenger)), float(evaluate(champion))
                basis = "common holdout"
            else:
                challenger_score, champion_score = stored(challenger), stored(champion)
                basis = "holdout metrics stored at training (different rows)"
            promoted = bool(np.isfinite(challenger_score) and challenger_score > champion_score)
            reason = "better on the holdout" if promoted else "not better than the champion on the holdout"
        result = base | {"promoted": promoted, "challenger": challenger_score, "champion": champion_score,
                         "basis": basis, "reason": reason}
        if comparison is not None:
            result["comparison"] = comparison
        if gate is not None:
            result["gate"] = gate
        served = challenger.metadata.get("served_model")
        if served:  # which model the score comes from, where a logistic regression could serve instead
            result["served"] = {"model": served.get("model"), "reason": served.get("reason")}
        if promoted:
            self.add(tenant, artefact)
            pointer = self._task_dir(tenant, task) / "champion.json"
            pointer.write_text(json.dumps({"version": challenger.version, "metric": {metric: challenger_score},
                                           "promoted_at": datetime.now(UTC).isoformat(timespec="seconds")}))
        return result

    def load_champions(self, tenant: str, tasks: Iterable[str] = TASKS,
                       on_degraded: Callable[[str, str, ModelError], None] | None = None) -> dict[str, Any]:
        """Load the tenant's champions once (for the worker).

        A task without a champion maps to ``{"no_model": {}}``; one whose artefact cannot be
        loaded (library mismatch, checksum) maps to ``{"model_retraining": {"reason"}}``, is
        logged as an alert, and ``on_degraded(tenant, task, error)`` lets the app enqueue a retrain.

        Returns:
            task → :class:`LoadedModel` or a reason dict (see :func:`scoring.score_record`).
        """
        out: dict[str, Any] = {}
        for task in tasks:
            directory = self.champion_dir(tenant, task)
            if directory is None:
                out[task] = {"no_model": {}}
                continue
            try:
                out[task] = load_model(directory)
            except ModelError as exc:
                log.error("ALERT scoring degraded for tenant %s task %s: %s", tenant, task, exc)
                out[task] = {"model_retraining": {"reason": str(exc)}}
                if on_degraded is not None:
                    on_degraded(tenant, task, exc)
        return out


def _champion_proba(champion: LoadedModel, X: Any) -> np.ndarray:
    """The champion's probabilities on the challenger's rows; constant 0.5 if it cannot read them
    (a champion trained on other columns cannot defend its title on these rows)."""
    from .scores import predict_proba_table

    try:
        return predict_proba_table(champion, X)
    except (KeyError, ValueError, TypeError) as exc:
        log.warning("champion %s cannot score the holdout rows: %s", champion.version, exc)
        return np.full(len(X), 0.5)


def holdout_from_frame(loaded: LoadedModel, frame: Any, target: str | None) -> tuple[Any, Any]:
    """``(X, y)`` of a labelled table for :meth:`ModelRegistry.promote` (positive class of the model).

    Raises:
        DataError: a CLV model, or the target is missing/unusable.
    """
    from ._columns import coerce_binary_target, require_columns
    from .errors import DataError

    if loaded.task == "clv" or not target:
        raise DataError("a holdout table can only compare classification models")
    require_columns(frame, {"target": target})
    positive = (loaded.metadata.get("target_info") or {}).get("positive_class")
    y, _ = coerce_binary_target(frame[target], target, None if positive is None else str(positive))
    drop = [c for c in (target, loaded.metadata.get("id_column"), loaded.metadata.get("time_column"),
                        loaded.metadata.get("group_column")) if c and c in frame.columns]
    return frame.drop(columns=drop), y


def holdout_groups_from_frame(loaded: LoadedModel, frame: Any) -> Any:
    """The group of each row of a holdout table, for a model trained with a group column (else None): the rows of
    one entity (a deal's snapshots) share its outcome, so the promotion's bootstrap resamples them together.

    Raises:
        MissingColumnError: the model has a group column the table lacks.
    """
    column = loaded.metadata.get("group_column")
    if not column or str(column).startswith("__"):  # none, or the CRM path's own (train-from-crm compares itself)
        return None
    from ._columns import require_columns

    require_columns(frame, {"group column": column})
    return frame[column].to_numpy()


def evaluate_on_frame(loaded: LoadedModel, frame: Any, target: str | None) -> float:
    """ROC AUC of a classification/price model on a labelled table (the promotion holdout).

    Raises:
        DataError: a CLV model, or the target is missing/unusable.
    """
    from .metrics import classification_metrics
    from .scores import predict_proba_table

    X, y = holdout_from_frame(loaded, frame, target)
    return classification_metrics(y, predict_proba_table(loaded, X))["roc_auc"]
