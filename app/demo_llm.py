"""The demo's LLM: offline templates, or the local model server (`demo --llm local`).

With `local`, a server already answering at AGENTIC_SALES_LOCAL_LLM_URL is used as is;
otherwise one is started (fetching and verifying the model on first use) and stopped when the
demo ends. The summary's `llm_calls`, `llm_fallbacks` and `llm_seconds` are read back from the
audit log the pipeline writes for every enriched record.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

LLM_MODES: tuple[str, ...] = ("offline", "local")
"""Values of `demo --llm`."""

LOCAL_DEMO_CHANGES = 3
"""Rep edits when `--llm local` is given without `--changes`: each record costs three model
calls of ~10-30 s on one core, so the default 30 edits would take far too long."""

LOCAL_WAIT_SECONDS_PER_RECORD = 240.0
"""How long the demo waits per changed record for its enrichment with the local model."""

LOCAL_PIPELINE_CONFIG: dict[str, Any] = {"AGENT_CONCURRENCY": 1, "AGENT_PROCESSES": 0, "LEASE_SECONDS": 600}
"""The demo's pipeline with the local model: the changed records' agents one after another (the
server's one CPU thread decodes batched requests no faster, measured 14.0 / 13.9 / 14.2 tokens per
CPU-second with 1 / 2 / 4 requests at once, so concurrent records only make each call slower than
the timeouts fitted to the measured speed), and a lease longer than one record's run deadline (a
batch renews its lease between records; 120 s would let the sweeper re-dispatch a running batch)."""


@dataclass
class DemoLlm:
    """What the demo runs its agents on; `config` goes into the app's config."""

    mode: str = "offline"
    url: str | None = None
    model: str | None = None
    config: dict[str, Any] = field(default_factory=dict)
    model_roles: tuple[str, ...] = ()
    _server: Any = None

    def arm(self, demo: Any) -> None:
        """Point a running demo's agents at this LLM and give its wait room for the model's pace."""
        demo.app.config.update(self.config)
        if self.mode == "local":
            demo.opt.timeout = max(demo.opt.timeout, LOCAL_WAIT_SECONDS_PER_RECORD * max(1, demo.opt.changes))

    def summary(self, demo: Any) -> dict[str, Any]:
        """The summary's LLM figures for a finished demo (see :func:`llm_summary`)."""
        from agents.settings import ROLES

        label = f"openai_compatible:{self.model}" if self.mode == "local" else "offline-template"
        return {**llm_summary(demo.app, demo.tenant_id), "llm": label, "llm_roles": list(self.model_roles),
                "offline_roles": [r for r in ROLES if r not in self.model_roles]}

    def stop(self) -> None:
        """Stop the server if this demo started it."""
        if self._server is not None:
            self._server.stop()
            self._server = None


def prepare(mode: str, *, log: Callable[[str], None]) -> DemoLlm:
    """Return the demo's LLM setup, starting the local server when `mode` is local and none runs.

    Raises:
        agents.errors.ConfigurationError: the model file was refused or the server would not start.
    """
    if mode == "offline":
        return DemoLlm()
    from agents.providers import local_server, throughput
    from agents.settings import DEFAULT_ROLE_SPEC

    url = os.environ.get(local_server.LOCAL_URL_ENV)
    server = None
    if url and local_server.is_up(url):
        model = local_server.served_model(url) or "local"
        log(f"using the local LLM server already running at {url} ({model})")
    else:
        server = local_server.start(log=log)
        url, model = server.url, server.model
        log(f"local LLM server started at {url} ({model}); it stops when the demo ends")
    overrides = local_server.local_preset(url, model)
    # Timeouts follow the server's measured speed (a loaded machine times the fixed ones out), and
    # only the roles whose typical calls fit the run's deadline at that speed go to the model (the
    # analyst always); the others answer from the offline templates, and the summary says which.
    roles: tuple[str, ...] = throughput.MODEL_ROLE_PRIORITY[:1]
    try:
        speed = throughput.measure(url, model)
    except throughput.ThroughputError as exc:
        log(f"could not measure the local LLM server's speed ({exc}); only the analyst on the model, "
            "with the preset timeouts")
    else:
        overrides["role_timeouts"] = local_server.fitted_timeouts(overrides["role_timeouts"], speed)["role_timeouts"]
        roles = throughput.roles_that_fit(speed, overrides["run_deadline_seconds"])
        log(f"local LLM speed: {speed.prompt_tokens_per_second:.0f} prompt / "
            f"{speed.completion_tokens_per_second:.1f} completion tokens/s; timeouts {overrides['role_timeouts']}")
    offline = [r for r in overrides["roles"] if r not in roles]
    log(f"roles on the local model: {', '.join(roles)}"
        + (f"; offline templates (the model is too slow here for them): {', '.join(offline)}" if offline else ""))
    overrides["roles"] = {r: spec if r in roles else DEFAULT_ROLE_SPEC for r, spec in overrides["roles"].items()}
    # The demo's own tenant lets its agents call the local server (a real tenant's admin would).
    overrides["vendor_allowlist"] = frozenset({"offline", "openai_compatible"})
    return DemoLlm(mode, url, model, {"AGENT_SETTINGS_OVERRIDES": overrides, **LOCAL_PIPELINE_CONFIG},
                   model_roles=roles, _server=server)


def prepare_from_cli(changes: int) -> tuple[DemoLlm, int]:
    """Read `demo --llm`, prepare it, and return it with the number of edits to make.

    `--changes` keeps its default of 30 offline but becomes LOCAL_DEMO_CHANGES with `--llm local`
    unless given. A refused model file or a server that will not start ends the command with one
    line and exit code 2.
    """
    import sys

    import click

    from agents.errors import ConfigurationError

    ctx = click.get_current_context()
    mode = ctx.meta.get("demo_llm", "offline")
    if mode == "local" and ctx.get_parameter_source("changes") == click.core.ParameterSource.DEFAULT:
        changes = LOCAL_DEMO_CHANGES
    try:
        return prepare(mode, log=lambda m: click.echo(m, err=True)), changes
    except ConfigurationError as exc:
        click.echo(f"error: {' '.join(str(exc).split())}", err=True)
        sys.exit(2)


def llm_summary(app: Any, tenant_id: str) -> dict[str, Any]:
    """Return `llm_calls`, `llm_fallbacks` and `llm_seconds` of a tenant, from the audit log.

    `llm_calls` counts calls to a model (offline template answers are not calls); `llm_fallbacks`
    counts roles whose answer came from the offline template because the model's failed or was
    unsafe (repairs that succeeded are not fallbacks); `llm_seconds` sums the models' latency.
    """
    from sqlalchemy import select

    from app.storage import get_db
    from app.storage.models import AuditLog

    calls = fallbacks = 0
    ms = 0
    with get_db(app).session() as s:
        rows = s.execute(select(AuditLog.detail).where(AuditLog.tenant_id == tenant_id,
                                                       AuditLog.event == "record.enriched")).scalars()
        for detail in rows:
            for usage in (detail or {}).get("llm_usage") or []:
                if usage.get("provider") != "offline" and not usage.get("cached"):
                    calls += 1
                    ms += int(usage.get("latency_ms") or 0)
            fallbacks += sum(1 for f in (detail or {}).get("fallbacks") or []
                             if not str(f.get("reason", "")).startswith("repaired after"))
    return {"llm_calls": calls, "llm_fallbacks": fallbacks, "llm_seconds": round(ms / 1000, 1)}
