"""A job that only acknowledges a record's changes (the runner marks them processed and audits).

Used where the front door runs without a CRM behind it: front-door tests and benchmarks.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from app.dispatch.runner import JobContext


def acknowledge_changes(ctx: JobContext) -> dict[str, Any]:
    """Summarise the record's pending changes by kind."""
    return {"kinds": dict(Counter(c["kind"] for c in ctx.changes))}
