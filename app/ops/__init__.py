"""Operations endpoints: /healthz (database and queue) and /metrics (Prometheus)."""

from __future__ import annotations

import functools
import logging
from typing import Any

from flask import Blueprint, Response, current_app, jsonify

from app import auth, metrics
from app.dispatch import get_dispatcher
from app.storage import get_db

bp = Blueprint("ops", __name__)
log = logging.getLogger(__name__)


@bp.get("/healthz")
def healthz() -> Any:
    """200 with database and queue status, or 503 naming what is down."""
    checks: dict[str, Any] = {}
    down: list[str] = []
    # Alembic (with Mako and Pygments) is imported on the first health check, not with the app: a fifth of every
    # command's start-up, and commands on PostgreSQL never migrate.
    from app.storage import migrate

    try:
        db = get_db()
        revision, head = migrate.current_revision(db.engine), _head_revision()
        checks["database"] = {"ok": True, "dialect": db.dialect, "schema": {"revision": revision, "head": head}}
        problem = migrate.schema_problem(revision, head)
        if problem:  # every webhook would be a 500 on a missing table: not ready
            checks["database"].update(ok=False, error=problem)
            down.append("database")
    except Exception as exc:  # report, never raise: this is the health check
        checks["database"] = {"ok": False, "error": _public(exc, "database")}
        down.append("database")
    try:
        info = get_dispatcher().backend.ping()
        checks["queue"] = {"ok": True, **info}
    except Exception as exc:
        checks["queue"] = {"ok": False, "error": _public(exc, "queue")}
        down.append("queue")
    body = {"status": "ok" if not down else "down", "down": down, "checks": checks,
            "version": current_app.config.get("VERSION", "0.1.0")}
    return jsonify(body), (200 if not down else 503)


def _public(exc: Exception, what: str) -> str:
    """The failure's kind for the public answer; its text (host, port, user, database) only in the log.

    /healthz answers anyone (load balancers ask without credentials), and the drivers' messages name
    the database host and user.
    """
    log.warning("healthz: %s unreachable: %s", what, " ".join(str(exc).split())[:500])
    return f"{type(exc).__name__} (details in the server log)"


@functools.cache
def _head_revision() -> str:
    from app.storage import migrate

    return migrate.head_revision()  # reads the migration scripts: once per process


@bp.get("/metrics")
def metrics_view() -> Response:
    """Prometheus exposition text (aggregated across processes when multiprocess mode is on).

    With METRICS_TOKEN set, only a scrape carrying `Authorization: Bearer <token>` is answered: the
    counters name no tenant, but they tell an outsider how busy each CRM's webhooks are and how
    many jobs fail, and a Procfile deployment has no private network to hide them on.
    """
    expected = current_app.config.get("METRICS_TOKEN")
    if expected and not auth.matches_secret(expected, auth.bearer_token().strip()):
        refused = jsonify(error="metrics_token_required",
                          message="/metrics needs the header 'Authorization: Bearer <METRICS_TOKEN>' "
                                  "(Prometheus: authorization.credentials in the scrape config)")
        refused.status_code = 401
        refused.headers["WWW-Authenticate"] = 'Bearer realm="metrics"'
        return refused
    data, content_type = metrics.render()
    return Response(data, content_type=content_type)
