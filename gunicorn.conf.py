"""gunicorn settings for `web:` (Procfile). Prometheus multiprocess mode is set up here."""

import os
import sys
import tempfile


def _whole(name, default):  # noqa: ANN001, ANN202 - read by gunicorn before the app exists
    # gunicorn evaluates this file before any of our checks run: a typo was a traceback from its config loader
    # (WEB_CONCURRENCY is read by gunicorn itself even earlier, so its typo stays gunicorn's traceback).
    raw = os.environ.get(name, default)
    try:
        value = int(raw)
    except ValueError:
        value = 0
    if value < 1:
        sys.stderr.write(f"error: {name}={raw!r} must be a whole number of at least 1\n")
        sys.exit(2)
    return value


bind = f"0.0.0.0:{os.environ.get('PORT', '5000')}"
workers = _whole("WEB_CONCURRENCY", "4")
threads = _whole("WEB_THREADS", "4")
worker_class = "gthread"
timeout = 30
graceful_timeout = 20
keepalive = 5
accesslog = "-" if os.environ.get("AGENTIC_SALES_ACCESS_LOG") else None
# Access lines carry query strings: OAuth codes and any token someone put in a URL are scrubbed.
logger_class = "app.logs.GunicornLogger"

# Metrics from every worker process are written here and aggregated by /metrics.
os.environ.setdefault("PROMETHEUS_MULTIPROC_DIR", tempfile.mkdtemp(prefix="agentic-sales-metrics-"))


def on_starting(server):  # noqa: ANN001 - gunicorn hook signature
    # One 'error:' line and exit code 2 for a missing secret or an unusable database or Redis,
    # before any worker boots (a worker's failure is a traceback each, then exit code 3).
    from app.cli.server import check_web_start

    check_web_start()


def child_exit(server, worker):  # noqa: ANN001 - gunicorn hook signature
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)
