"""The Flask application factory (STYLE rule 1): no app object exists at import time."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Flask

from app import config as config_module


def create_app(config: Mapping[str, Any] | type | None = None) -> Flask:
    """Build the app: configuration, storage, dispatch, then the blueprints.

    Args:
        config: a mapping (tests), a Config subclass, or None for defaults + environment.
    """
    app = Flask(__name__)
    app.config.update(config_module.load(config))
    _quiet_expected_warnings()
    _bound_requests(app)
    _trust_proxies(app)
    if app.config.get("SECRET_KEY"):
        app.secret_key = app.config["SECRET_KEY"]

    from app import dispatch, headers, machine_endpoints, storage

    headers.init_app(app)
    machine_endpoints.init_app(app)
    storage.init_app(app)
    dispatch.init_app(app)

    import importlib

    from app.connectors import blueprint_modules
    from app.ops import bp as ops_bp
    from webhooks import bp as webhooks_bp

    for module in blueprint_modules(app):  # each connector's receiver registers its routes on bp
        importlib.import_module(module)

    app.register_blueprint(ops_bp)
    app.register_blueprint(webhooks_bp, url_prefix="/webhooks")
    for name in OPTIONAL_BLUEPRINTS:
        _register_optional(app, name)
    return app


def _bound_requests(app: Flask) -> None:
    """Cap every route's request body (declared or chunked) and answer 413 as JSON."""
    from flask import jsonify
    from werkzeug.exceptions import RequestEntityTooLarge

    from app import defaults
    from app.bodylimit import BodyLimit

    limit = int(app.config.get("REQUEST_MAX_BYTES") or defaults.MAX_REQUEST_BYTES)
    # Werkzeug stops a chunked body silently at MAX_CONTENT_LENGTH (a truncated body then fails
    # its signature as a 401); one byte more lets the guard below see the overflow and say 413.
    app.config["MAX_CONTENT_LENGTH"] = limit + 1
    app.wsgi_app = BodyLimit(app.wsgi_app, limit)  # type: ignore[method-assign]

    @app.errorhandler(RequestEntityTooLarge)
    def _too_large(exc: RequestEntityTooLarge) -> Any:
        return jsonify({"error": "payload_too_large", "detail": f"request body over {limit} bytes"}), 413

    _answer_outages(app)


def _trust_proxies(app: Flask) -> None:
    """Read the client's address from X-Forwarded-For set by TRUSTED_PROXY_HOPS proxies (only then:
    anyone can send the header, so trusting it without a proxy that overwrites it would let a
    client choose its address for the admin-token attempt limit)."""
    hops = int(app.config.get("TRUSTED_PROXY_HOPS") or 0)
    if hops > 0:
        from werkzeug.middleware.proxy_fix import ProxyFix

        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=0, x_host=0, x_port=0,  # type: ignore[method-assign]
                                x_prefix=0)


RETRY_AFTER_SECONDS = 30
"""What a 503 for a database or Redis outage tells the caller (and a CRM's retry) to wait."""


def _answer_outages(app: Flask) -> None:
    """A database or Redis that cannot be reached is 503 naming it, with Retry-After (it was a
    500 page: an install while Redis was down, any console page while PostgreSQL was)."""
    from flask import jsonify
    from redis.exceptions import ConnectionError as RedisConnectionError
    from redis.exceptions import TimeoutError as RedisTimeoutError
    from sqlalchemy.exc import OperationalError

    def unavailable(what: str, exc: BaseException) -> Any:
        cause = str(getattr(exc, "orig", None) or exc).strip().splitlines()
        app.logger.warning("%s unreachable while answering a request: %s", what, cause[0] if cause else "")
        # The driver's message names the host, port and user: the server log has it, the caller
        # (a console viewer, a CRM, anyone) only learns which service is down.
        body = {"error": "service_unavailable",
                "detail": f"the {what} cannot be reached ({type(exc).__name__}); try again in {RETRY_AFTER_SECONDS} s"}
        return jsonify(body), 503, {"Retry-After": str(RETRY_AFTER_SECONDS)}

    @app.errorhandler(RedisConnectionError)
    @app.errorhandler(RedisTimeoutError)
    def _redis_down(exc: Exception) -> Any:
        return unavailable("queue and rate-limit store, Redis (REDIS_URL),", exc)

    @app.errorhandler(OperationalError)
    def _database_down(exc: OperationalError) -> Any:
        sqlstate = getattr(exc.orig, "sqlstate", "") or ""
        if type(exc.orig).__module__.startswith("sqlite3") or (sqlstate and not sqlstate.startswith("08")):
            raise exc  # a lock, deadlock or query error, not an outage: the usual 500
        return unavailable("database (DATABASE_URL)", exc)


OPTIONAL_BLUEPRINTS: tuple[str, ...] = (
    "app.auth:bp",
    "app.oauth:bp",
    "app.cards.api:bp",
    "app.cards.preview:bp",
    "app.site:bp",
    "app.admin:bp",
)
"""Dotted paths of further blueprints (`module:bp`), registered in order."""


BLUEPRINT_PREFIXES: dict[str, str] = {"app.admin:bp": "/admin"}
"""URL prefixes of the optional blueprints that have one (STYLE rule 3: the console under /admin)."""


def _register_optional(app: Flask, dotted: str) -> None:
    from werkzeug.utils import import_string

    app.register_blueprint(import_string(dotted), url_prefix=BLUEPRINT_PREFIXES.get(dotted))


def _quiet_expected_warnings() -> None:
    # A CRM value the model never saw (a new deal stage, a new country) is scored as "other" by
    # design; scoring warns the CLI user about it, but in the service it would print a Python
    # warning to a worker's stderr on every batch.
    # Matched by message, so the web process need not import scoring (and xgboost) to say it.
    import warnings

    warnings.filterwarnings("ignore", message=r"column .* unseen in training", category=UserWarning)
