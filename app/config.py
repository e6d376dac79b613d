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
    WORKER_REPORT_SECONDS = defaults.WORKER_REPORT_SECONDS
    WEBHOOK_TOLERANCE_SECONDS = defaults.WEBHOOK_TOLERANCE_SECONDS
    RECONCILE_ENABLED = True
    RETRAIN_ENABLED = True
    RETRAIN_INTERVAL_SECONDS = defaults.RETRAIN_INTERVAL_SECONDS
    TRAINING_THREADS = defaults.TRAINING_THREADS
    RECONCILE_INTERVAL_SECONDS = defaults.RECONCILE_INTERVAL_SECONDS
    RECONCILE_RETRY_SECONDS = defaults.RECONCILE_RETRY_SECONDS
    LEARNING_REFRESH_ENABLED = True
    LEARNING_REFRESH_INTERVAL_SECONDS = defaults.LEARNING_REFRESH_INTERVAL_SECONDS
    LEARNING_REPORT_ENABLED = True
    LEARNING_REPORT_INTERVAL_SECONDS = defaults.LEARNING_REPORT_INTERVAL_SECONDS
    LEARNING_REPORT_DELAY_SECONDS = defaults.LEARNING_REPORT_DELAY_SECONDS
    RETENTION_ENABLED = True
    RETENTION_INTERVAL_SECONDS = defaults.RETENTION_INTERVAL_SECONDS
    QUARANTINE_RETENTION_SECONDS = defaults.QUARANTINE_RETENTION_SECONDS
    HUBSPOT_SCOPES: str | None = None
    """Space-separated install scopes; default: the lists in manifests/hubspot/app-hsmeta.json."""
    HUBSPOT_TOKEN_PATH: str | None = None
    BACKFILL_ON_INSTALL = True
    """Enqueue every open record right after an install (any CRM)."""
    INSTALL_BACKFILL_AFTER_FIRST_TRAINING = True
    """An install without models enqueues its open records after the first training it asks for, not at once: each
    record's LLM agents then run once on day one (at once, and again with the first models, they ran twice)."""
    START_WORKER = True
    """Start the in-process worker thread when no REDIS_URL is set (serve, demo)."""
    SANDBOX_MODE = False
    """Demo/sandbox mode (AGENTIC_SALES_SANDBOX_MODE): the card preview page without an admin
    sign-in and no CRM credentials needed. Only for the embedded demo against the local sandbox:
    `serve`/`worker` refuse it on PostgreSQL, where production runs."""
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE: bool | None = None
    """None: Secure when PUBLIC_URL is https:// (production), not on a local http run."""
    MODEL_STORE: str | None = None
    """Model registry shared by every worker (champion pointers and artefacts); wins over MODEL_DIR."""
    WORKER_CLASS: str | None = None
    """RQ worker class; default rq.SimpleWorker (no fork per job, so caches and models survive)."""
    PIPELINE_BATCH_SIZE = defaults.PIPELINE_BATCH_SIZE
    AGENT_CONCURRENCY = defaults.AGENT_CONCURRENCY
    AGENT_PROCESSES: int | None = defaults.AGENT_PROCESSES
    """Processes for the offline agents (AGENTIC_SALES_AGENT_PROCESSES; None: app/defaults.py)."""
    BULK_WORKERS: int | None = defaults.BULK_WORKERS
    """Embedded threads for backfill/reconcile jobs (AGENTIC_SALES_BULK_WORKERS; None: app/defaults.py)."""
    BULK_BUDGET_WAIT_SECONDS = defaults.BULK_BUDGET_WAIT_SECONDS
    """Seconds an embedded bulk thread waits in place for a tenant's rate budget (0: hands back)."""
    WRITEBACK_CHUNK_RECORDS = defaults.WRITEBACK_CHUNK_RECORDS
    WRITEBACK_CHUNK_SECONDS = defaults.WRITEBACK_CHUNK_SECONDS
    BATCH_CLAIM_AHEAD_SECONDS = defaults.BATCH_CLAIM_AHEAD_SECONDS
    HOLDOUT_SHARE_OVERRIDE: float | None = None
    """Holdout share replacing every tenant's `holdout_share` setting (the demo and the tests use 0:
    an action on every deal); None: each tenant's own setting (default 10%)."""
    MODEL_DIR: str | None = None
    """Root of the model registry; DATA_DIR/models when unset."""
    ADMIN_TOKEN: str | None = None
    """Bearer token for admin-only endpoints (uninstall, card preview outside the demo)."""
    METRICS_TOKEN: str | None = None
    """Bearer token Prometheus must send for /metrics (`authorization: {credentials: ...}` in its
    scrape config); None leaves /metrics open, for deployments that keep it on a private network."""
    ADMIN_TOKEN_ATTEMPTS = defaults.ADMIN_TOKEN_ATTEMPTS
    ADMIN_TOKEN_ATTEMPT_WINDOW_SECONDS = defaults.ADMIN_TOKEN_ATTEMPT_WINDOW_SECONDS
    TRUSTED_PROXY_HOPS = 0
    """Proxies in front of the app (load balancer, router): the client's address is read from their
    X-Forwarded-For (werkzeug ProxyFix) for the admin-token attempt limit; 0 trusts no header."""
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


RENAMED = {"HUBSPOT_BACKFILL_ON_INSTALL": "BACKFILL_ON_INSTALL"}
"""Configuration names that changed (old → new): the old one is still read, for upgrades."""


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
            name = key[len(PREFIX) + 1 :]
            if name not in out and _numeric_default(name) is not None and not value.strip():
                continue  # empty: the default, as the code that reads it with `or default` always took it
            out[name] = _coerce(out.get(name, _numeric_default(name)), value, name)
    if isinstance(config, Mapping):
        out.update(config)
    for old, new in RENAMED.items():
        if old in out:  # an older deployment's name keeps working
            value = out.pop(old)
            out[new] = _coerce(getattr(Config, new), value, old) if isinstance(value, str) else value
    if not out.get("DATABASE_URL"):
        Path(out["DATA_DIR"]).mkdir(parents=True, exist_ok=True)
        out["DATABASE_URL"] = f"sqlite:///{Path(out['DATA_DIR']) / 'agentic-sales.db'}"
    out["DATABASE_URL"] = normalise_database_url(str(out["DATABASE_URL"]))
    _check_database_url(out["DATABASE_URL"])
    _check_redis_url(out.get("REDIS_URL"))
    if out.get("LLM_PRICES"):
        out["LLM_PRICES"] = _prices(out["LLM_PRICES"])
    if out.get("SESSION_COOKIE_SECURE") is None:
        # Production sets PUBLIC_URL to its https origin (webhook signatures cover it); a local
        # http run (demo, benchmarks) would never get a Secure cookie back.
        out["SESSION_COOKIE_SECURE"] = str(out.get("PUBLIC_URL") or "").startswith("https://")
    return out


def _prices(raw: Any) -> dict[str, tuple[float, float]]:
    # Checked at start-up: a typo in the price table must stop `serve`, not misprice a month.
    from agents.errors import ConfigurationError
    from agents.settings import parse_prices

    try:
        return parse_prices(raw, "AGENTIC_SALES_LLM_PRICES")
    except ConfigurationError as exc:
        raise ConfigError(str(exc)) from None


def _numeric_default(name: str) -> Any:
    """The app/defaults value of a tunable that Config does not declare, when it is a number or a
    flag: its environment value is then checked at start-up like Config's (not at first use)."""
    value = getattr(defaults, name, None) if name.isupper() else None
    return value if isinstance(value, bool | int | float) else None


def _check_database_url(url: str) -> None:
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        parsed = make_url(url)
    except ArgumentError:
        raise ConfigError("DATABASE_URL is not a database URL (e.g. postgresql://user@host/db)") from None
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise ConfigError(f"DATABASE_URL uses {parsed.get_backend_name()!r}; supported: postgresql, sqlite")


REDIS_SCHEMES = ("redis://", "rediss://", "unix://")


def _check_redis_url(url: Any) -> None:
    # redis-py raises a ValueError (a traceback) only when the first connection is made.
    if url and not str(url).startswith(REDIS_SCHEMES):
        scheme = str(url).split("://", 1)[0] if "://" in str(url) else "no scheme"
        raise ConfigError(f"REDIS_URL must start with {', '.join(REDIS_SCHEMES)} (it uses {scheme!r}), "
                          "e.g. redis://127.0.0.1:6379/0")


def _coerce(current: Any, raw: str, name: str = "") -> Any:
    """Convert an environment string to the type of the default it overrides.

    Raises:
        ConfigError: the value is not of that type (the message names the variable).
    """
    try:
        if isinstance(current, bool):
            value = raw.strip().lower()
            if value not in ("1", "true", "yes", "on", "0", "false", "no", "off", ""):
                raise ValueError(raw)
            return value in ("1", "true", "yes", "on")
        if isinstance(current, int) and not isinstance(current, bool):
            return int(raw)
        if isinstance(current, float):
            return float(raw)
    except ValueError:
        kind = "true/false" if isinstance(current, bool) else type(current).__name__
        raise ConfigError(f"{PREFIX}_{name}={raw!r} is not a valid {kind} (default {current!r})") from None
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


WEAK_SECRET_KEYS = frozenset({
    "changeme", "change-me", "change_me", "secret", "secret-key", "secretkey", "dev", "development",
    "test", "testing", "password", "default", "flask", "key", "admin", "letmein", "please-change-me",
})
"""Known placeholder values refused as AGENTIC_SALES_SECRET_KEY outside tests and the demo."""

MIN_SECRET_KEY_CHARS = 32
"""Shortest AGENTIC_SALES_SECRET_KEY accepted (it signs the admin session cookie)."""

CRM_CREDENTIALS: tuple[tuple[str, str], ...] = (
    ("HUBSPOT_CLIENT_ID", "HUBSPOT_CLIENT_SECRET"),
    ("SALESFORCE_CLIENT_ID", "SALESFORCE_CLIENT_SECRET"),
)
"""Each CRM app's (id, secret) settings: a web or worker process needs at least one full pair."""


def validate_secret_key(value: str | None) -> None:
    """Raise ConfigError when the session-signing key is missing, a placeholder or short."""
    if not value:
        raise ConfigError(f"missing required setting: {PREFIX}_SECRET_KEY")
    if value.strip().lower() in WEAK_SECRET_KEYS or len(set(value)) < 8:
        raise ConfigError(f"{PREFIX}_SECRET_KEY is a placeholder; set {MIN_SECRET_KEY_CHARS}+ random "
                          "characters (python -c 'import secrets; print(secrets.token_urlsafe(48))')")
    if len(value) < MIN_SECRET_KEY_CHARS:
        raise ConfigError(f"{PREFIX}_SECRET_KEY is {len(value)} characters; use at least {MIN_SECRET_KEY_CHARS} "
                          "random characters")


def validate_admin_token(value: str | None) -> None:
    """Raise ConfigError when the operator's token is set but short or a placeholder (unset is fine:
    no operator access)."""
    if not value:
        return
    minimum = defaults.MIN_ADMIN_TOKEN_CHARS
    if value.strip().lower() in WEAK_SECRET_KEYS or len(set(value)) < 8 or len(value) < minimum:
        raise ConfigError(f"{PREFIX}_ADMIN_TOKEN is short or a placeholder: it opens every tenant's console, so use "
                          f"{minimum}+ random characters (python -c 'import secrets; print(secrets.token_urlsafe(32))')")


def validate_token_key(value: str | None) -> None:
    """Raise ConfigError unless every comma-separated key is a valid Fernet key."""
    from cryptography.fernet import Fernet

    if not value:
        raise ConfigError(f"missing required setting: {PREFIX}_TOKEN_KEY (`agentic-sales keys generate` makes one)")
    for i, key in enumerate(k.strip() for k in value.split(",")):
        try:
            Fernet(key.encode())
        except (ValueError, TypeError):
            raise ConfigError(f"{PREFIX}_TOKEN_KEY key #{i + 1} is not a Fernet key "
                              "(`agentic-sales keys generate` makes one)") from None


def validate_for_production(cfg: Mapping[str, Any], *, role: str) -> None:
    """Check what a `web`/`worker` process needs outside tests and the demo; one line per error.

    Raises:
        ConfigError: a weak or missing secret, no CRM app credentials, or sandbox mode on
            PostgreSQL.
    """
    if cfg.get("SANDBOX_MODE") and str(cfg.get("DATABASE_URL", "")).startswith("postgresql"):
        raise ConfigError(f"{PREFIX}_SANDBOX_MODE is on with a PostgreSQL DATABASE_URL: sandbox mode is only for "
                          "the embedded demo (it opens card previews to anyone); unset it")
    if cfg.get("TESTING") or cfg.get("SANDBOX_MODE"):
        return
    if role == "web":
        validate_secret_key(cfg.get("SECRET_KEY"))
        validate_admin_token(cfg.get("ADMIN_TOKEN"))
    validate_token_key(cfg.get("TOKEN_KEY"))
    if not any(cfg.get(a) and cfg.get(b) for a, b in CRM_CREDENTIALS):
        pairs = " or ".join(f"{a}/{b}" for a, b in CRM_CREDENTIALS)
        raise ConfigError(f"no CRM app credentials: set {pairs} (the app's client id and secret also verify "
                          "webhook signatures)")
