"""Structured logs: one JSON object per line on stderr, carrying tenant, delivery and job ids."""

from __future__ import annotations

import json
import logging
import sys
from datetime import UTC, datetime

_CONTEXT_KEYS = ("tenant_id", "delivery_id", "job_id", "crm", "changes", "events", "outcome", "status")


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
        if record.exc_info:
            out["exc"] = self.formatException(record.exc_info)
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
    root.addHandler(handler)
    root.setLevel(level)
    for noisy in ("werkzeug", "urllib3", "rq.worker", "rq.scheduler"):
        logging.getLogger(noisy).setLevel(max(logging.WARNING, root.level))
