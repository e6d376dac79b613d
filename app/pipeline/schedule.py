"""Scheduled retraining: every RETRAIN_INTERVAL_SECONDS, and at once for a degraded model.

Runs from the scheduler tick (app/dispatch) in a background thread, one tenant at a time, so the
sweeper and the record jobs never wait for a training run. Never raises.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

from flask import Flask

from app import defaults

log = logging.getLogger(__name__)
_lock = threading.Lock()


def maybe_retrain(app: Flask, *, train: Any = None) -> threading.Thread | None:
    """Start a retraining thread if one is due and none is running; returns it (or None)."""
    if not app.config.get("RETRAIN_ENABLED", True):
        return None
    state = app.extensions.setdefault("retrain", {"last": time.monotonic(), "thread": None})
    requests = app.extensions.setdefault("retrain_requests", set())
    every = float(app.config.get("RETRAIN_INTERVAL_SECONDS", defaults.RETRAIN_INTERVAL_SECONDS))
    with _lock:
        running = state["thread"] is not None and state["thread"].is_alive()
        due = time.monotonic() - state["last"] >= every
        if running or not (due or requests):
            return None
        tenants = sorted({t for t, _task in requests}) if requests and not due else None
        requests.clear()
        state["last"] = time.monotonic()
        thread = threading.Thread(target=_run, args=(app, tenants, train), name="agentic-sales-retrain",
                                  daemon=True)
        state["thread"] = thread
    thread.start()
    return thread


def _run(app: Flask, tenants: list[str] | None, train: Any) -> None:
    from app.pipeline.training import train_tenant
    from app.tenants import installed_tenants

    fn = train or train_tenant
    for tenant_id in tenants if tenants is not None else installed_tenants(app):
        try:
            with app.app_context():
                fn(app, tenant_id)
        except Exception:  # one tenant's failure must not stop the others
            log.exception("scheduled retraining failed", extra={"tenant_id": tenant_id})
