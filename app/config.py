"""Configuration: a class of safe defaults, prefixed environment variables, and test mappings.

Secrets (AGENTIC_SALES_SECRET_KEY, AGENTIC_SALES_TOKEN_KEY, HUBSPOT_CLIENT_SECRET ...) come only
from the environment or the mapping a test passes; they never have a default here.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from app import defaults

WELL_KNOWN = (
    "DATABASE_URL",
    "REDIS_URL",
    "OPENAI_API_KEY",
    "OPENAI_BASE_URL",
    "ANTHROPIC_API_KEY",
    "HUBSPOT_CLIENT_ID",
    "HUBSPOT_CLIENT_SECRET",
    "SALESFORCE_CLIENT_ID",
    "SALESFORCE_CLIENT_SECRET",
)
"""Environment names read as they are (DESIGN.md, Configuration)."""

PREFIX = "AGENTIC_SALES"


class ConfigError(Exception):
    """The configuration is missing or malformed; the message names the variable."""


class Config:
    """Safe defaults. Secrets are None until the environment provides them."""

    TESTING = False
    DATA_DIR = os.path.expanduser("~/.agentic-sales")
    DATABASE_URL: str | None = None
    REDIS_URL: str | None = None
    SECRET_KEY: str | None = None
    TOKEN_KEY: str | None = None
    PUBLIC_URL: str | None = None
    HUBSPOT_CLIENT_ID: str | None = None
    HUBSPOT_CLIENT_SECRET: str | None = None
    HUBSPOT_APP_ID: str | None = None
    HUBSPOT_API_BASE = "https://api.hubapi.com"
    HUBSPOT_AUTHORIZE_URL = "https://app.hubspot.com/oauth/authorize"
    HUBSPOT_ALLOW_V1_V2 = False
    SALESFORCE_CLIENT_ID: str | None = None
    SALESFORCE_CLIENT_SECRET: str | None = None
    OPENAI_API_KEY: str | None = None
    OPENAI_BASE_URL: str | None = None
    ANTHROPIC_API_KEY: str | None = None
    LLM_ANALYST = "offline:template-v1"
    LLM_STRATEGIST = "offline:template-v1"
    LLM_WRITER = "offline:template-v1"
    COALESCE_WINDOW_SECONDS = defaults.COALESCE_WINDOW_SECONDS
    LEASE_SECONDS = defaults.LEASE_SECONDS
    SWEEP_INTERVAL_SECONDS = defaults.SWEEP_INTERVAL_SECONDS
    WEBHOOK_TOLERANCE_SECONDS = defaults.WEBHOOK_TOLERANCE_SECONDS
    RECONCILE_ENABLED = True
    RETRAIN_ENABLED = True
    RETRAIN_INTERVAL_SECONDS = defaults.RETRAIN_INTERVAL_SECONDS
    RECONCILE_INTERVAL_SECONDS = defaults.RECONCILE_INTERVAL_SECONDS
    HUBSPOT_SCOPES: str | None = None
    """Space-separated install scopes; default: the lists in manifests/hubspot/app-hsmeta.json."""
    HUBSPOT_TOKEN_PATH: str | None = None
    HUBSPOT_BACKFILL_ON_INSTALL = True
    START_WORKER = True
    """Start the in-process worker thread when no REDIS_URL is set (serve, demo)."""
    SANDBOX_MODE = False
    """Demo/sandbox mode: enables the card preview page without an admin sign-in."""
    MODEL_STORE: str | None = None
    """Model registry shared by every worker (champion pointers and artefacts); wins over MODEL_DIR."""
    WORKER_CLASS: str | None = None
    """RQ worker class; default rq.SimpleWorker (no fork per job, so caches and models survive)."""
    PIPELINE_BATCH_SIZE = defaults.PIPELINE_BATCH_SIZE
    AGENT_CONCURRENCY = defaults.AGENT_CONCURRENCY
    MODEL_DIR: str | None = None
    """Root of the model registry; DATA_DIR/models when unset."""
    ADMIN_TOKEN: str | None = None
    """Bearer token for admin-only endpoints (uninstall, card preview outside the demo)."""
    CONNECTORS: dict[str, str] | None = None
    """CRM connectors by name ("module:attribute"); None: app/connectors/connectors.json."""
    JOB_FUNCTION = "app.pipeline.batch.process_batch"
    """Dotted path of the job function (a batch function when it has `batch = True`); tests swap it."""


def normalise_database_url(url: str) -> str:
    """Map `postgres://` and `postgresql://` onto SQLAlchemy's psycopg 3 driver name."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://") :]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    return url


def load(config: Mapping[str, Any] | type | None, environ: Mapping[str, str] | None = None) -> dict[str, Any]:
    """Build the effective configuration: defaults, then the environment, then `config`.

    Args:
        config: a mapping (tests), a Config subclass, or None.
        environ: the environment to read; `os.environ` when None.

    Returns:
        A plain dict for `app.config.update`.
    """
    env = os.environ if environ is None else environ
    out: dict[str, Any] = {k: getattr(Config, k) for k in dir(Config) if k.isupper()}
    if isinstance(config, type):
        out.update({k: getattr(config, k) for k in dir(config) if k.isupper()})
    for name in WELL_KNOWN:
        if env.get(name):
            out[name] = env[name]
    for key, value in env.items():
        if key.startswith(PREFIX + "_"):
            out[key[len(PREFIX) + 1 :]] = _coerce(out.get(key[len(PREFIX) + 1 :]), value)
    if isinstance(config, Mapping):
        out.update(config)
    if not out.get("DATABASE_URL"):
        Path(out["DATA_DIR"]).mkdir(parents=True, exist_ok=True)
        out["DATABASE_URL"] = f"sqlite:///{Path(out['DATA_DIR']) / 'agentic-sales.db'}"
    out["DATABASE_URL"] = normalise_database_url(str(out["DATABASE_URL"]))
    return out


def _coerce(current: Any, raw: str) -> Any:
    if isinstance(current, bool):
        return raw.strip().lower() in ("1", "true", "yes", "on")
    if isinstance(current, int) and not isinstance(current, bool):
        return int(raw)
    if isinstance(current, float):
        return float(raw)
    return raw


def require(cfg: Mapping[str, Any], *names: str) -> None:
    """Raise ConfigError naming every missing setting (env spelling) among `names`."""
    missing = [n for n in names if not cfg.get(n)]
    if missing:
        spelled = [n if n in WELL_KNOWN else f"{PREFIX}_{n}" for n in missing]
        raise ConfigError(
            "missing required setting(s): " + ", ".join(spelled)
            + " (set them in the environment; `agentic-sales keys generate` makes a token key)"
        )
