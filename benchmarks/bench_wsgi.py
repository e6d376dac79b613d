"""Benchmark-only WSGI module: the production app plus a trivial endpoint, for gunicorn.

`gunicorn -c gunicorn.conf.py benchmarks.bench_wsgi:app` serves exactly what `wsgi:app` serves
(create_app on the environment's DATABASE_URL / REDIS_URL, so webhooks land in PostgreSQL and
dispatch enqueues on RQ), plus `POST /_bench/trivial`, which reads the body and answers 200 `{}`:
the same server, worker model and HTTP path with none of the webhook's work, as the baseline.

Never imported by the app; the front-door benchmark (benchmarks/front_door.py) starts it.
"""

from __future__ import annotations

import os

from flask import Response, request

from app import create_app
from app.cli.server import check_secrets


def bench_config() -> dict[str, object]:
    """The app configuration for the benchmark: production settings from the environment.

    The orchestrator exports DATABASE_URL, REDIS_URL, HUBSPOT_CLIENT_SECRET and the
    AGENTIC_SALES_* secrets; only the RQ queue name is pinned so bench jobs never mix with others.
    """
    return {"QUEUE_NAME": os.environ.get("BENCH_QUEUE_NAME", "agentic-sales-bench")}


def trivial() -> Response:
    """Read the whole body, answer 200 `{}`: the floor for any endpoint on this server."""
    request.get_data(cache=False)
    return Response(b"{}", status=200, mimetype="application/json")


app = create_app(bench_config())
check_secrets(app.config, role="web")
app.add_url_rule("/_bench/trivial", "bench_trivial", trivial, methods=["POST"])
