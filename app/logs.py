"""Structured logs: one JSON object per line on stderr, carrying tenant, delivery and job ids."""

from __future__ import annotations

import json
import logging
import re
import sys
from datetime import UTC, datetime
from typing import Any

_CONTEXT_KEYS = ("tenant_id", "delivery_id", "job_id", "crm", "changes", "events", "outcome", "status")


SECRET_PARAMS = ("admin_token", "token", "access_token", "refresh_token", "id_token", "code", "client_secret",
                 "password", "api_key", "apikey", "secret", "signature", "sig", "state", "session_id")
"""Query/form parameter names whose values never reach a log line."""

_SECRET_QUERY = re.compile(r"(?i)([?&;](?:{})=)[^&;\s\"']*".format("|".join(SECRET_PARAMS)))
_BEARER = re.compile(r"(?i)(bearer\s+)[A-Za-z0-9._~+/=-]+")
# Salesforce Outbound Messages carry the org's webhook secret in the path (Salesforce sends no
# headers we choose); the same secret signs callouts and card requests, so it never reaches a log.
# HubSpot's token-info and revoke URLs carry the token itself in the path.
# E-mail addresses are personal data, and CRM errors echo the values we sent (HubSpot's
# VALIDATION_ERROR quotes them): none reaches a log line, a traceback included.
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_PATH_SECRET = re.compile(r"(/webhooks/salesforce/outbound/[^/\s?\"']+/|/oauth/v\d+/(?:access|refresh)-tokens/)"
                          r"[^/\s?\"']+")


def scrub(text: str) -> str:
    """Replace secret query parameter values, bearer tokens and secrets in webhook paths in `text`
    with [redacted], and e-mail addresses with [email]."""
    text = _EMAIL.sub("[email]", _PATH_SECRET.sub(r"\1[redacted]", text))
    return _BEARER.sub(r"\1[redacted]", _SECRET_QUERY.sub(r"\1[redacted]", text))


class ScrubFilter(logging.Filter):
    """A logging filter that scrubs secrets from a record's message (access logs included)."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = scrub(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        if record.exc_info or record.exc_text:
            # Formatters reuse exc_text (another handler may have filled it): the traceback, exception
            # messages included, is scrubbed here for every formatter after this filter.
            record.exc_text = scrub(record.exc_text or logging.Formatter().formatException(record.exc_info or
                                                                                             (None, None, None)))
        return True


def gunicorn_logger_class() -> Any:
    """gunicorn's Logger with request lines and query strings scrubbed (gunicorn.conf.py)."""
    from gunicorn.glogging import Logger

    class ScrubbingLogger(Logger):  # type: ignore[misc]
        def atoms(self, resp: Any, req: Any, environ: Any, request_time: Any) -> dict[str, Any]:
            atoms = super().atoms(resp, req, environ, request_time)
            for key, value in atoms.items():
                if isinstance(value, str) and ("=" in value or "/outbound/" in value):
                    # A bare query string ("q") has no leading "?": scrub it as if it had one.
                    bare = key == "q" or key.endswith("query_string}e")
                    atoms[key] = scrub("?" + value)[1:] if bare else scrub(value)
            return atoms

    return ScrubbingLogger


class JsonFormatter(logging.Formatter):
    """Format records as JSON with the context ids passed through `extra=`."""

    def format(self, record: logging.LogRecord) -> str:
        out = {
            "ts": datetime.fromtimestamp(record.created, tz=UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage(),
        }
        for key in _CONTEXT_KEYS:
            if hasattr(record, key):
                out[key] = getattr(record, key)
        if record.exc_info or record.exc_text:
            out["exc"] = scrub(record.exc_text or self.formatException(record.exc_info or (None, None, None)))
        return json.dumps(out, default=str)


def configure(level: str = "INFO", *, json_format: bool = True) -> None:
    """Send the root logger to stderr (idempotent)."""
    root = logging.getLogger()
    if any(getattr(h, "_agentic_sales", False) for h in root.handlers):
        root.setLevel(level)
        return
    handler = logging.StreamHandler(sys.stderr)
    handler._agentic_sales = True  # type: ignore[attr-defined]
    handler.setFormatter(JsonFormatter() if json_format else logging.Formatter("%(levelname)s %(message)s"))
    handler.addFilter(ScrubFilter())
    root.addHandler(handler)
    # Werkzeug's access lines carry the raw request line: scrub at the source logger too.
    logging.getLogger("werkzeug").addFilter(ScrubFilter())
    root.setLevel(level)
    # alembic.runtime.plugins: seven "setup plugin" lines as alembic is first imported (the start-up schema check).
    for noisy in ("werkzeug", "urllib3", "rq.worker", "rq.scheduler", "alembic.runtime.plugins"):
        logging.getLogger(noisy).setLevel(max(logging.WARNING, root.level))


def __getattr__(name: str) -> Any:
    # gunicorn imports `logger_class` by dotted name; build the class only then (gunicorn is
    # not imported by anything else).
    if name == "GunicornLogger":
        return gunicorn_logger_class()
    raise AttributeError(name)
