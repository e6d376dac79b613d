"""The model cards' charts, drawn once per champion and kept in the model store beside the tenant's models.

The console's model-cards page took 6.3 s at its first view in each process (wave 26; 14.8 s on the loaded demo
machine, wave 27): drawing the twelve charts with matplotlib (9.2 s under cProfile, 1.8 s of it importing
matplotlib), each a pure function of an immutable artefact (the champion's version) and the tenant's field
labels. The per-process cache (app/reports/model_cards.py) helped the second view only, and every web process
and restart paid again. Now the drawn charts are a file keyed by the version, the labels and the drawing code,
shared by every process that mounts the store, and drawn in the background when a model is promoted (the
scheduled retraining and the demo's first training), so the page's first view reads files.

Under `<model store>/<tenant>/card_figures/`: the tenant's uninstall erases it with the models.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

from flask import Flask

from app.pipeline import tenant as tenant_inputs

log = logging.getLogger(__name__)

DIRECTORY = "card_figures"


@cache
def drawing_version() -> str:
    """A digest of the code that draws a card's charts and of matplotlib's version: other drawing code (an upgrade)
    draws them afresh rather than serve an old rendering."""
    import importlib.metadata

    import scoring

    root = Path(scoring.__file__).resolve().parent
    h = hashlib.sha256()
    for name in ("card_figures.py", "model_card.py"):
        h.update((root / name).read_bytes())
    h.update(importlib.metadata.version("matplotlib").encode())
    return h.hexdigest()[:12]


def path_of(app: Flask, tenant_id: str, version: str, labels: Mapping[str, str]) -> Path:
    """The file of one card's charts: one per champion version, labels and drawing code."""
    labels_digest = hashlib.sha256(json.dumps(sorted(labels.items())).encode()).hexdigest()[:12]
    name = f"{version}-{labels_digest}-{drawing_version()}.json"  # a version names its task
    return tenant_inputs.model_dir(app) / tenant_id / DIRECTORY / name


def read(path: Path) -> dict[str, str] | None:
    """The stored charts, or None when absent or unreadable (a half-written or foreign file is drawn again)."""
    try:
        figures = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(figures, dict) or not all(isinstance(v, str) for v in figures.values()):
        return None
    return figures


def write(path: Path, figures: Mapping[str, str]) -> None:
    """Store the charts atomically (a reader in another process sees the whole file or none). A store that cannot
    be written (read-only mount, full disk) costs the next view a redraw, never the page."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(dict(figures), f)
        os.replace(tmp, path)
    except OSError:
        log.warning("could not store a model card's charts in the model store", exc_info=True)


def warm(tenant_id: str) -> dict[str, Any]:
    """Draw and store the charts of the tenant's current champions (a queued job: needs an app context)."""
    from flask import current_app

    from app.reports.model_cards import model_cards

    app = current_app._get_current_object()  # type: ignore[attr-defined]
    cards = model_cards(app, tenant_id)
    return {"tenant": tenant_id, "cards": [c.task for c in cards if c.present]}


def warm_after_training(app: Flask, tenant_id: str, results: Mapping[str, Any]) -> bool:
    """Queue `warm` when a training promoted a model (the charts of a new champion). Never raises: a chart drawn
    at the first view instead is slower, not wrong."""
    if not any(isinstance(r, Mapping) and r.get("promoted") for r in results.values()):
        return False
    from app.background import enqueue

    try:
        enqueue(app, "app.reports.figure_store.warm", [tenant_id], f"model card charts {tenant_id}")
    except Exception:
        log.exception("could not queue the model cards' charts", extra={"tenant_id": tenant_id})
        return False
    return True
