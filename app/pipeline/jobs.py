"""The record job the dispatcher runs (configurable as JOB_FUNCTION).

Until the end-to-end pipeline lands, processing a record means acknowledging its changes: the
runner marks them processed and writes the audit row with this summary.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from app.dispatch.runner import JobContext


def process_record(ctx: JobContext) -> dict[str, Any]:
    """Summarise the record's pending changes; the runner marks them processed."""
    kinds = Counter(c["kind"] for c in ctx.changes)
    return {"kinds": dict(kinds)}
