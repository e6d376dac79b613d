"""Prometheus metrics, safe under gunicorn's multiple processes.

With PROMETHEUS_MULTIPROC_DIR set, every process writes its samples there and /metrics aggregates
them; otherwise the default registry is served. gunicorn.conf.py sets a fresh temporary directory for
`web` when none is given, so the RQ workers' job counters reach /metrics only when the operator gives
web and the workers of one host the same (emptied at start) directory (docs/admin.md, Hosting; the
wave-31 docs walk found `agentic_sales_jobs_total` absent with two workers and the default).
"""

from __future__ import annotations

import os

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    multiprocess,
)

WEBHOOK_REQUESTS = Counter(
    "agentic_sales_webhook_requests_total", "Webhook HTTP requests by CRM and response status", ["crm", "status"]
)
WEBHOOK_EVENTS = Counter(
    "agentic_sales_webhook_events_total",
    "Webhook events by outcome (accepted, duplicate, echo, unsupported, unknown_tenant)",
    ["crm", "outcome"],
)
WEBHOOK_ACK_SECONDS = Histogram(
    "agentic_sales_webhook_ack_seconds", "Time from request start to acknowledgement", ["crm"],
    buckets=(0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5),
)
INBOX_ROWS = Counter("agentic_sales_inbox_rows_total", "Inbox rows inserted", ["crm"])
DISPATCH = Counter(
    "agentic_sales_dispatch_total", "Dispatch decisions (enqueued, coalesced, redispatched, enqueue_failed)",
    ["outcome"],
)
JOBS = Counter(
    "agentic_sales_jobs_total", "Record jobs by outcome (completed, failed, retry, superseded, lease_lost)",
    ["outcome"],
)
JOB_SECONDS = Histogram(
    "agentic_sales_job_seconds", "Record job duration", buckets=(0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 120)
)


def render() -> tuple[bytes, str]:
    """The exposition text for /metrics and its content type."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        return generate_latest(registry), CONTENT_TYPE_LATEST
    return generate_latest(), CONTENT_TYPE_LATEST
