"""`agentic-sales agents try`: run analyst -> strategist -> writer on one canonical Record file.

Prints one JSON document (analysis, strategy, next_best_action, draft, checks, usage, decision)
on stdout; logs go to stderr. Works with no database, secrets, models or known tenant: the
offline provider answers, and the output says which inputs could not be used. Errors are one
line naming the problem, with a non-zero exit code and never a traceback.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import click

EXIT_INPUT = 2
"""Exit code of an unreadable or malformed record file, or a bad option."""

EXIT_CONFIG = 3
"""Exit code of an unusable LLM configuration (unknown provider, bad provider:model)."""

EXIT_BUG = 1
"""Exit code of an unexpected failure (a bug worth reporting)."""

log = logging.getLogger("agentic_sales.cli.agents")


def _fail(message: str, code: int) -> None:
    click.echo(f"error: {' '.join(str(message).split())}", err=True)
    sys.exit(code)


def _champion_scores(record: Any, registry: str | None) -> tuple[dict[str, Any] | None, str]:
    """Score with the tenant's champion models when a registry holds any; else say why not."""
    data_dir = os.environ.get("AGENTIC_SALES_DATA_DIR") or os.path.expanduser("~/.agentic-sales")
    root = Path(registry) if registry else Path(data_dir) / "models"
    if not record.tenant_id or not (root / record.tenant_id).is_dir():
        return None, f"no scores in the input and no champion models for tenant {record.tenant_id or '(none)'!r}"
    try:
        from scoring import ModelRegistry, score_record

        models = ModelRegistry(root).load_champions(record.tenant_id)
        return score_record(record, models), f"scored with the champion models in {root}"
    except Exception as exc:  # scoring failures must not stop the agents; they run without scores
        return None, f"champion models could not score the record ({type(exc).__name__}: {exc})"


def local_server_fit(settings: Any, url: str) -> Any:
    """The local model's timeouts and budgets when `url` is the project's own server (tools/local-llm)."""
    from agents.providers.local_server import preset_for, project_server_model

    model = project_server_model(url)
    if model is None:
        return settings
    configured = any(k.startswith(("LLM_TIMEOUT", "AGENTIC_SALES_LLM_TIMEOUT")) for k in os.environ)
    return settings.with_overrides(**preset_for(url, model, keep_timeouts=configured))


@click.group("agents")
def agents() -> None:
    """Run the LLM agents (analyst, strategist, writer) outside the pipeline."""


@agents.command("try")
@click.option("--record-json", "record_json", required=True, type=click.Path(dir_okay=False),
              help="A canonical Record (DESIGN.md) as JSON; may include `scores`.")
@click.option("--provider", default=None,
              help="provider[:model] for every role: offline, openai, anthropic, openai_compatible "
                   "(default: AGENTIC_SALES_LLM_* or offline).")
@click.option("--llm", "llm", type=click.Choice(["local"]), default=None,
              help="Every role on the local model server (tools/local-llm), started for this run if none runs.")
@click.option("--tone", type=click.Choice(["friendly", "formal"]), default="friendly")
@click.option("--max-discount", type=click.FloatRange(0, 1), default=None, help="Discount cap as a fraction.")
@click.option("--allow", "allow", multiple=True, help="Vendor allow-list entry (repeatable); default any.")
@click.option("--redact-pii/--no-redact-pii", default=True, show_default=True,
              help="Redact people's names, emails and phones before vendor calls (a tenant's default too).")
@click.option("--now", "now_iso", default=None, help="The run's clock, ISO-8601 (default: now).")
@click.option("--registry", default=None, help="Model registry root for champion scores.")
def try_cmd(record_json: str, provider: str | None, llm: str | None, tone: str, max_discount: float | None, allow: tuple[str, ...],
            redact_pii: bool, now_iso: str | None, registry: str | None) -> None:
    """Print the agents' output for one record as one JSON document."""
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr, format="%(levelname)s %(name)s: %(message)s")
    from agents import (
        AgentError,
        AgentSettings,
        LlmResult,
        MemoryCache,
        MemoryLedger,
        Policy,
        decide,
        run_agents,
    )
    from app.pipeline.meeting_times import after_send_time
    from integrations.base import Record

    try:
        raw = json.loads(Path(record_json).read_text(encoding="utf-8"))
    except FileNotFoundError:
        _fail(f"{record_json}: no such file", EXIT_INPUT)
    except (OSError, UnicodeDecodeError) as exc:
        _fail(f"{record_json}: cannot read ({exc})", EXIT_INPUT)
    except json.JSONDecodeError as exc:
        _fail(f"{record_json}: not valid JSON ({exc.msg} at line {exc.lineno})", EXIT_INPUT)
    except (RecursionError, ValueError) as exc:  # nesting too deep, a 5,000-digit number ...
        _fail(f"{record_json}: JSON not acceptable ({type(exc).__name__}: {str(exc)[:80]})", EXIT_INPUT)
    if not isinstance(raw, dict):
        _fail(f"{record_json}: expected a JSON object (a canonical Record)", EXIT_INPUT)
    try:
        record = Record.from_dict(raw)
        now = datetime.fromisoformat(now_iso.replace("Z", "+00:00")) if now_iso else datetime.now(UTC)
    except (ValueError, TypeError, KeyError) as exc:
        _fail(f"{record_json}: {exc}", EXIT_INPUT)
    scores = raw.get("scores")
    note = "scores taken from the input"
    if scores is None:
        scores, note = _champion_scores(record, registry)
    elif not isinstance(scores, dict):
        _fail(f"{record_json}: `scores` must be an object", EXIT_INPUT)
    tenant: dict[str, Any] = {"tenant_id": record.tenant_id or "cli", "tone": tone, "redact_pii": redact_pii}
    if max_discount is not None:
        tenant["max_discount"] = max_discount
    if allow:
        tenant["vendor_allowlist"] = frozenset(allow)
    if llm and provider:
        _fail("--llm and --provider both choose the provider: give one", EXIT_INPUT)
    local = None
    try:
        settings = AgentSettings.from_mapping(os.environ, **tenant)
        if llm == "local":
            from app.demo_llm import prepare

            local = prepare("local", log=lambda m: click.echo(m, err=True))
            settings = settings.with_overrides(**local.config["AGENT_SETTINGS_OVERRIDES"])
        elif provider and provider.split(":")[0] == "openai_compatible" and settings.openai_base_url:
            settings = local_server_fit(settings, settings.openai_base_url)
        run = run_agents(record, scores, settings, cache=MemoryCache(), ledger=MemoryLedger(), now=now,
                         provider_override=provider)
    except AgentError as exc:
        _fail(str(exc), EXIT_CONFIG)
    except Exception as exc:  # a bug: still one line (the CLI contract), naming the type to report
        _fail(f"unexpected {type(exc).__name__}: {exc}", EXIT_BUG)
    finally:
        if local is not None:
            local.stop()
    decision = decide(record, scores, LlmResult.from_run(run), Policy(max_discount=settings.max_discount))
    run = after_send_time(run, record, scores, decision, settings, now=now)
    doc = run.model_dump(mode="json")
    doc["scores_source"] = note
    doc["decision"] = {"action": decision.action, "channel": decision.channel,
                       "due_at": decision.due_at.isoformat() if decision.due_at else None,
                       "discount": decision.discount, "requires_approval": decision.requires_approval,
                       "escalate": decision.escalate, "reasons": list(decision.reasons)}
    click.echo(json.dumps(doc, ensure_ascii=False))


commands = [agents]
