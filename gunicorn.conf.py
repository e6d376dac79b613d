"""gunicorn settings for `web:` (Procfile). Prometheus multiprocess mode is set up here."""

import os
import tempfile

from app import defaults
from app.cli.server import whole_number_setting

bind = f"0.0.0.0:{os.environ.get('PORT', str(defaults.DEFAULT_PORT))}"
# A typo in either is one error line (gunicorn itself reads WEB_CONCURRENCY even earlier, when its
# settings module is imported: `agentic-sales web`, the Procfile's command, checks it before that).
workers = whole_number_setting("WEB_CONCURRENCY", defaults.WEB_CONCURRENCY)
threads = whole_number_setting("WEB_THREADS", defaults.WEB_THREADS)
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


def worker_exit(server, worker):  # noqa: ANN001 - gunicorn hook signature
    # Without REDIS_URL each worker runs an embedded job worker (the first enqueue starts it): at a clean stop
    # (SIGTERM at a deploy) it hands its record jobs' leases over, as `serve` does, instead of leaving them to run
    # out (120 s). With REDIS_URL it holds none. Only a worker that loaded the app has anything to hand over.
    import sys

    wsgi = sys.modules.get("wsgi")
    if wsgi is not None:
        from app.cli.server import hand_over_embedded_jobs

        hand_over_embedded_jobs(wsgi.app)
