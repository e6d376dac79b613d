"""create_sandbox_app(config): the Flask app that plays a Salesforce org (or several)."""

from __future__ import annotations

import dataclasses
from typing import Any

from flask import Flask

from . import api, control, oauth
from .config import SfSandboxConfig
from .delivery import Sender
from .state import EXTENSION, Sandbox


def create_sandbox_app(config: SfSandboxConfig | None = None, **overrides: Any) -> Flask:
    cfg = dataclasses.replace(config or SfSandboxConfig(), **overrides)
    app = Flask("salesforce_sandbox")
    sandbox = Sandbox(cfg)
    app.extensions[EXTENSION] = sandbox
    app.register_blueprint(oauth.bp)
    app.register_blueprint(api.bp)
    app.register_blueprint(control.bp)
    app.register_error_handler(404, control.not_found)
    sandbox.sender = Sender(sandbox)
    return app
