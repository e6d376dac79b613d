"""What the machine endpoints (`/api/...` that CRM code calls, `/webhooks/...` the CRMs post to)
answer besides their views: JSON errors instead of HTML pages (a wrong method, an unknown path, a
crash: a CRM's retry logic and an admin reading its log both get a status and a reason, and a DAST
scan finds no framework page), a JSON answer to OPTIONS (Flask's own is an empty `text/html`), and `Cache-Control: no-store` (a card carries a record's data and
draft e-mails: no proxy or client cache may keep it).
"""

from __future__ import annotations

from typing import Any

from flask import Flask, jsonify, request
from werkzeug.exceptions import HTTPException, InternalServerError, MethodNotAllowed

PREFIXES = ("/api/", "/webhooks/")

ERROR_CODES = {404: "not_found", 405: "method_not_allowed"}


def is_machine_path(path: str) -> bool:
    return path.startswith(PREFIXES)


def init_app(app: Flask) -> None:
    @app.after_request
    def _no_store(resp: Any) -> Any:
        if is_machine_path(request.path):
            if request.method == "OPTIONS" and resp.status_code == 200 and not resp.is_json:
                resp = _options_answer(resp)
            resp.headers.setdefault("Cache-Control", "no-store")
        return resp

    @app.errorhandler(HTTPException)
    def _http_error(exc: HTTPException) -> Any:
        if not is_machine_path(request.path):
            return exc  # pages keep Flask's (generic) error page
        code = exc.code or 500
        body = {
            "error": ERROR_CODES.get(code, (exc.name or "error").lower().replace(" ", "_")),
            "message": f"{request.method} {request.path}: {exc.description or exc.name}",
        }
        resp = jsonify(body)
        resp.status_code = code
        if isinstance(exc, MethodNotAllowed) and exc.valid_methods:
            resp.headers["Allow"] = ", ".join(exc.valid_methods)
        return resp

    @app.errorhandler(InternalServerError)
    def _crash(exc: InternalServerError) -> Any:
        if not is_machine_path(request.path):
            return exc
        # The exception (and its message, which may name files, hosts or values) is in the server
        # log (Flask logs it before this handler runs); the caller learns only that it failed.
        return jsonify(
            {
                "error": "internal_error",
                "message": "the app failed to answer this request; it is logged, try again later",
            }
        ), 500


def _options_answer(default: Any) -> Any:
    """Flask's automatic OPTIONS answer (an empty body, typed `text/html`) as JSON listing the same
    methods; no CORS header is added: no browser origin may call these endpoints."""
    allow = [m.strip() for m in (default.headers.get("Allow") or "").split(",") if m.strip()]
    resp = jsonify({"allow": allow})
    for name, value in default.headers.items():
        if name.lower() not in ("content-type", "content-length"):
            resp.headers[name] = value
    return resp
