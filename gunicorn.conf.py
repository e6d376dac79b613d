"""gunicorn settings for `web:` (Procfile). Prometheus multiprocess mode is set up here."""

import os
import tempfile

bind = f"0.0.0.0:{os.environ.get('PORT', '5000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", "4"))
threads = int(os.environ.get("WEB_THREADS", "4"))
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
