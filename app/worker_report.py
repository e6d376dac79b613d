"""What each worker can run, reported into the database: the LLM page shows what the workers will run, not
what the web process could.

A role configured `openai:gpt-4o` runs offline on a worker whose environment lacks `OPENAI_API_KEY`, whatever
the web process's environment holds. Every RQ worker writes one `worker_reports` row when it starts and again
every WORKER_REPORT_SECONDS: the providers whose setting it holds (their names, never a key), its deployment's
per-role providers (`LLM_ANALYST` ...), and what it prices calls with (its spend accounting). A row older than
WORKER_REPORT_STALE_SECONDS is a worker that stopped or hangs; a worker that stops cleanly removes its row.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from flask import Flask
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app import defaults
from app.storage import get_db
from app.storage.models import WorkerReport

log = logging.getLogger(__name__)

LLM_ROLES: tuple[str, ...] = ("analyst", "strategist", "writer")
"""The agent roles a deployment names a provider for (`LLM_<ROLE>`)."""


def capabilities(config: Mapping[str, Any], environ: Mapping[str, str] | None = None) -> dict[str, Any]:
    """What a process with this config and environment can run: providers whose setting is present (names
    only), the deployment's role → provider spec, and its spend accounting (which models it prices)."""
    from agents.providers.resolve import VENDOR_NEEDS, missing_setting
    from app.admin.llm_status import deployment_env

    env = deployment_env(config, environ)
    prices = config.get("LLM_PRICES") or {}
    return {
        "providers": sorted(p for p in VENDOR_NEEDS if not missing_setting(p, env)),
        "roles": {role: (str(config.get(f"LLM_{role.upper()}")) if config.get(f"LLM_{role.upper()}") else None)
                  for role in LLM_ROLES},
        "spend": {"priced_models": sorted(str(k) for k in prices) if isinstance(prices, Mapping) else []},
    }


def worker_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def report(app: Flask, worker: str, started_at: datetime, *, environ: Mapping[str, str] | None = None) -> None:
    """Write (or refresh) this worker's row."""
    caps = capabilities(app.config, environ)
    now = datetime.now(UTC)
    with get_db(app).session() as s:
        row = s.get(WorkerReport, worker)
        if row is None:
            host, _, pid = worker.rpartition(":")
            row = WorkerReport(worker=worker, host=host or worker, pid=int(pid) if pid.isdigit() else 0,
                               started_at=started_at)
            s.add(row)
        row.reported_at, row.providers, row.roles, row.spend = now, caps["providers"], caps["roles"], caps["spend"]
        row.version = _version()


def withdraw(app: Flask, worker: str) -> None:
    """Remove this worker's row (a clean stop). Never raises."""
    try:
        with get_db(app).session() as s:
            s.execute(delete(WorkerReport).where(WorkerReport.worker == worker))
    except Exception:
        log.exception("could not withdraw the worker's report")


def start_heartbeat(app: Flask, worker: str, stop: threading.Event,
                    *, every: float | None = None) -> threading.Thread:
    """Report now, then every `every` seconds (WORKER_REPORT_SECONDS) until `stop` is set."""
    started = datetime.now(UTC)
    try:
        report(app, worker, started)
    except Exception:  # jobs matter more than the report: run them, the page says no worker reported
        log.exception("worker report failed")
    interval = float(every if every is not None else app.config.get("WORKER_REPORT_SECONDS")
                     or defaults.WORKER_REPORT_SECONDS)

    def beat() -> None:
        while not stop.wait(interval):
            try:
                report(app, worker, started)
            except Exception:  # a database hiccup: the next beat tries again; the page calls the row stale
                log.exception("worker report failed")

    thread = threading.Thread(target=beat, name="agentic-sales-worker-report", daemon=True)
    thread.start()
    return thread


def fresh_reports(s: Session, now: datetime | None = None, *, stale_after: float | None = None) -> list[WorkerReport]:
    """The reports of workers heard from within WORKER_REPORT_STALE_SECONDS, oldest worker first."""
    now = now or datetime.now(UTC)
    cutoff = now - timedelta(seconds=stale_after if stale_after is not None else defaults.WORKER_REPORT_STALE_SECONDS)
    return list(s.execute(select(WorkerReport).where(WorkerReport.reported_at >= cutoff)
                          .order_by(WorkerReport.started_at, WorkerReport.worker)).scalars())


@dataclass(frozen=True)
class WorkersRun:
    """What one role runs on across the reporting workers: one line per distinct answer."""

    role: str
    outcomes: tuple[tuple[str, str | None, tuple[str, ...]], ...]
    """(runs, why offline or None, workers) per distinct answer."""
    configured: tuple[tuple[str, str, tuple[str, ...]], ...] = ()
    """(provider spec, where it comes from, workers) per distinct configuration: a worker's own `LLM_<ROLE>`
    may differ from the web process's."""

    @property
    def mixed(self) -> bool:
        return len(self.outcomes) > 1

    @property
    def any_offline(self) -> bool:
        return any(why is not None for _r, why, _w in self.outcomes)

    def differs_from(self, spec: str) -> bool:
        """True when some reporting worker is configured other than `spec` (what the web process sees)."""
        return any(s != spec for s, _src, _w in self.configured)


def workers_run(settings: Any, reports: Sequence[WorkerReport], budget_lines: Sequence[Any],
                roles: Sequence[str]) -> list[WorkersRun]:
    """Per role, what the reporting workers will run it on (the tenant's setting over each worker's own
    deployment default; each worker's provider settings; the shared budget)."""
    from agents.providers.resolve import VENDOR_NEEDS
    from app.admin.llm_status import role_statuses

    per_role: dict[str, dict[tuple[str, str | None], list[str]]] = {r: {} for r in roles}
    configured: dict[str, dict[tuple[str, str], list[str]]] = {r: {} for r in roles}
    for rep in reports:
        env = {VENDOR_NEEDS[p]: "reported" for p in rep.providers or () if p in VENDOR_NEEDS}
        deployment = {r: (rep.roles or {}).get(r) for r in roles}
        for st in role_statuses(settings, deployment, env, budget_lines, roles):
            why = st.why_offline.replace("in this deployment", "in that worker's environment") \
                if st.why_offline else None
            per_role[st.role].setdefault((st.runs, why), []).append(rep.worker)
            configured[st.role].setdefault((st.spec, st.source), []).append(rep.worker)
    return [WorkersRun(role, tuple((runs, why, tuple(ws)) for (runs, why), ws in per_role[role].items()),
                       tuple((spec, src, tuple(ws)) for (spec, src), ws in configured[role].items()))
            for role in roles]


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("agentic-sales")[:64]
    except Exception:  # not installed as a distribution (a checkout on PYTHONPATH)
        return "unknown"
