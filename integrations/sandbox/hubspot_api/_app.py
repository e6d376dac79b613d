"""The sandbox's Flask factory: blueprints, the auth/limit guard and HubSpot-shaped errors."""

from __future__ import annotations

import dataclasses
from typing import Any

from flask import Flask, jsonify, request
from werkzeug.exceptions import HTTPException

from . import associations, control, errors, guard, meta, oauth, objects, search
from .config import SandboxConfig
from .state import EXTENSION, Sandbox


def create_sandbox_app(config: SandboxConfig | None = None, **overrides: Any) -> Flask:
    """Build the sandbox app; `overrides` replace fields of `config` (or of the defaults).

    Returns:
        The Flask app; its state is `app.extensions["hubspot_sandbox"]` (a `Sandbox`).
    """
    cfg = dataclasses.replace(config or SandboxConfig(), **overrides)
    app = Flask("hubspot_sandbox")
    # HubSpot's bodies have a fixed key order (the golden tests compare shapes byte for byte).
    app.json.sort_keys = False  # type: ignore[attr-defined]
    app.json.compact = True  # type: ignore[attr-defined]
    app.extensions[EXTENSION] = Sandbox(cfg)
    api = (objects.bp, search.bp, meta.bp, associations.bp)
    for bp in api:
        app.register_blueprint(bp)
    api_names = {bp.name for bp in api}

    @app.before_request
    def _guard() -> None:
        # Blueprints are module-level, so the guard is attached per app, not per blueprint.
        if request.blueprint in api_names:
            guard.authenticate()

    app.after_request(guard.add_rate_headers)

    @app.after_request
    def _after_write(resp):  # registered after add_rate_headers, so it runs first
        if request.blueprint in api_names:
            return guard.after_write_fault(resp)
        return resp
    app.register_blueprint(oauth.bp)
    app.register_blueprint(control.bp)

    @app.errorhandler(errors.ApiError)
    def _api_error(exc: errors.ApiError):
        resp = jsonify(exc.body)
        resp.status_code = exc.status
        if "correlationId" in exc.body:
            resp.headers["X-HubSpot-Correlation-Id"] = exc.body["correlationId"]
        for k, v in exc.headers.items():
            resp.headers[k] = v
        return resp

    @app.errorhandler(HTTPException)
    def _http_error(exc: HTTPException):
        category = "OBJECT_NOT_FOUND" if exc.code == 404 else "VALIDATION_ERROR" if exc.code == 400 else "ERROR"
        resp = jsonify(errors.error_body(exc.description or exc.name, category))
        resp.status_code = exc.code or 500
        return resp

    return app
