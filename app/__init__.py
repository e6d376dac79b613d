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
    if app.config.get("SECRET_KEY"):
        app.secret_key = app.config["SECRET_KEY"]

    from app import dispatch, storage

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


OPTIONAL_BLUEPRINTS: tuple[str, ...] = (
    "app.oauth:bp",
    "app.cards.api:bp",
    "app.cards.preview:bp",
)
"""Dotted paths of further blueprints (`module:bp`), registered in order."""


def _register_optional(app: Flask, dotted: str) -> None:
    from werkzeug.utils import import_string

    app.register_blueprint(import_string(dotted))
