"""The per-record job: fetch → score → agents → guardrails → write back → store (DESIGN.md).

Runs under the record's lease (app/dispatch/runner.py). Transient CRM/LLM failures propagate so
the queue retries them; permanent ones are recorded by the runner. Every write-back is an upsert
or compare-before-write, so re-running an unchanged record writes nothing new to the CRM.
"""

from __future__ import annotations

import logging
import time
from datetime import UTC, datetime
from typing import Any

from flask import current_app
from sqlalchemy import select

from agents import run as agents_run
from agents.decision import LlmResult, decide
from app.audit import write_audit
from app.dispatch.runner import JobContext
from app.pipeline import tenant as tenant_inputs
from app.pipeline.card import card_payload_from, crm_labels
from app.pipeline.companies import other_customers, tenant_companies
from app.pipeline.llm_store import DbCache, DbLedger
from app.pipeline.writeback import changed_fields, content_hash, note_text, output_fields, task_spec
from app.storage import get_db
from app.storage.models import Action, Enrichment, RecordLink
from integrations.errors import CrmNotFound
from scoring import score_record

log = logging.getLogger(__name__)


def crm_client(app: Any, tenant_id: str, crm: str) -> Any:
    """The tenant's CrmClient from its connector; `app.extensions["crm_factory"]` overrides."""
    factory = app.extensions.get("crm_factory")
    if factory is not None:
        return factory(tenant_id, crm)
    from app.tenants import client_for

    return client_for(tenant_id, app)


def process_record(ctx: JobContext) -> dict[str, Any]:
    """Enrich one record and write the results back; returns the audit summary."""
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    key = ctx.key
    kinds = sorted({c["kind"] for c in ctx.changes})
    if key.object_type != "deal":
        return _fan_out(app, ctx, kinds)
    if kinds and set(kinds) <= {"deleted"}:
        return {"kinds": kinds, "skipped": "deal deleted"}
    started = time.perf_counter()
    client = crm_client(app, key.tenant_id, key.crm)
    try:
        record = client.get_record("deal", key.record_id)
    except CrmNotFound:
        return {"kinds": kinds, "skipped": "deal not found in the CRM"}
    ctx.renew()
    t_fetch = time.perf_counter()
    row = tenant_inputs.tenant_settings(app, key.tenant_id)
    models = tenant_inputs.champions(app, key.tenant_id)
    scores = score_record(record, models, tenant_inputs.scoring_mapping(app, key.tenant_id, key.crm))
    t_score = time.perf_counter()
    now = datetime.now(UTC)
    settings = tenant_inputs.agent_settings(app, row).with_overrides(
        other_customer_names=other_customers(tenant_companies(app, key.tenant_id, [record]), record))
    run = agents_run.run_agents(record, scores, settings, cache=DbCache(app), ledger=DbLedger(app), now=now)
    decision = decide(record, scores, LlmResult.from_run(run), tenant_inputs.policy(row))
    t_agents = time.perf_counter()
    ctx.renew()

    written: dict[str, Any] = {"fields": 0, "task": None, "note": None}
    fields = output_fields(scores, run, decision, now=now)
    last = _last_action(app, key, "fields")
    fingerprint = content_hash(record.to_dict())
    if fingerprint != _last_fingerprint(app, key):
        # The deal itself changed (a rep's edit): write the re-evaluation even if every output is
        # the same, so the CRM shows when it was last assessed. Re-processing an unchanged deal
        # (a duplicate, a rescore, reconciliation) still writes only what changed.
        to_write = dict(fields)
    else:
        to_write = changed_fields(fields, (last or {}).get("fields"))
    if to_write:
        client.update_fields("deal", [(record.id, to_write)])
        written["fields"] = len(to_write)
    task_result = None
    if decision.action != "suppress":
        spec = task_spec(record, run, decision)
        task_result = client.upsert_task(record, spec)
        written["task"] = task_result.status
    note_hash = content_hash(fields_without_time(fields), run.draft.model_dump(), decision.action)
    last_note = _last_action(app, key, "note")
    note_result = None
    if not last_note or last_note.get("hash") != note_hash:
        note_result = client.add_note(record, note_text(record, scores, run, decision))
        written["note"] = note_result.status
    t_write = time.perf_counter()

    card = card_payload_from(record, scores, run, decision, task_result=task_result,
                             task_subject=(task_spec(record, run, decision).subject if task_result else None),
                             enriched_at=now, labels=crm_labels(client))
    usage = run.usage
    with get_db(app).session() as s:
        enrichment = Enrichment(
            tenant_id=key.tenant_id, object_type="deal", record_id=record.id, job_id=ctx.job_id,
            input_hash=fingerprint, scores=_jsonable(scores), analysis=run.analysis.model_dump(mode="json"),
            strategy=run.strategy.model_dump(mode="json"), draft=run.draft.model_dump(mode="json"), card=card,
            model_versions=card["model_versions"], generated_by=run.generated_by,
        )
        s.add(enrichment)
        s.flush()
        _link(s, key.tenant_id, record)
        if to_write or last is None:
            s.add(Action(tenant_id=key.tenant_id, object_type="deal", record_id=record.id,
                         enrichment_id=enrichment.id, kind="fields", payload={"fields": fields}))
        if task_result is not None:
            s.add(Action(tenant_id=key.tenant_id, object_type="deal", record_id=record.id,
                         enrichment_id=enrichment.id, kind="task", crm_id=task_result.id,
                         status=task_result.status, payload={"decision": decision.action}))
        if note_result is not None:
            s.add(Action(tenant_id=key.tenant_id, object_type="deal", record_id=record.id,
                         enrichment_id=enrichment.id, kind="note", crm_id=note_result.id,
                         payload={"hash": note_hash}))
        s.add(Action(tenant_id=key.tenant_id, object_type="deal", record_id=record.id,
                     enrichment_id=enrichment.id, kind="strategy_choice", status="logged",
                     payload={"arm": run.strategy.arm, "propensity": run.strategy.propensity,
                              "policy": run.strategy.policy, "probabilities": run.strategy.probabilities}))
        write_audit(s, "record.enriched", tenant_id=key.tenant_id, object_type="deal", record_id=record.id,
                    job_id=ctx.job_id, detail={
                        "enrichment_id": enrichment.id, "model_versions": card["model_versions"],
                        "llm_usage": usage, "llm_cost_usd": run.cost_usd, "generated_by": run.generated_by,
                        "fallbacks": [f.model_dump() for f in run.fallbacks], "decision": decision.action,
                        "decision_reasons": list(decision.reasons), "written": written,
                        "timings_ms": {"fetch": _ms(started, t_fetch), "score": _ms(t_fetch, t_score),
                                       "agents": _ms(t_score, t_agents), "write": _ms(t_agents, t_write)},
                    })
        for fb in run.fallbacks:
            write_audit(s, "llm.fallback", tenant_id=key.tenant_id, object_type="deal", record_id=record.id,
                        job_id=ctx.job_id, detail=fb.model_dump())
    return {"kinds": kinds, "enrichment_id": enrichment.id, "written": written, "decision": decision.action}


def fields_without_time(fields: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in fields.items() if k != "ai_enriched_at"}


def _ms(a: float, b: float) -> float:
    return round((b - a) * 1000, 1)


def _jsonable(scores: dict[str, Any]) -> dict[str, Any]:
    import json

    return json.loads(json.dumps(scores, default=float))


def _last_action(app: Any, key: Any, kind: str) -> dict[str, Any] | None:
    with get_db(app).session() as s:
        row = s.execute(
            select(Action.payload).where(Action.tenant_id == key.tenant_id, Action.object_type == key.object_type,
                                         Action.record_id == key.record_id, Action.kind == kind)
            .order_by(Action.id.desc()).limit(1)
        ).first()
        return dict(row[0]) if row else None


def _last_fingerprint(app: Any, key: Any) -> str | None:
    """The input fingerprint of the record's latest enrichment."""
    with get_db(app).session() as s:
        row = s.execute(
            select(Enrichment.input_hash).where(Enrichment.tenant_id == key.tenant_id,
                                                Enrichment.object_type == key.object_type,
                                                Enrichment.record_id == key.record_id)
            .order_by(Enrichment.id.desc()).limit(1)
        ).first()
        return row[0] if row else None


def _link(session: Any, tenant_id: str, record: Any) -> None:
    now = datetime.now(UTC)
    targets = [("contact", c.id) for c in record.contacts]
    if record.company:
        targets.append(("company", record.company.id))
    for object_type, object_id in targets:
        existing = session.execute(select(RecordLink).where(
            RecordLink.tenant_id == tenant_id, RecordLink.object_type == object_type,
            RecordLink.object_id == object_id, RecordLink.deal_id == record.id)).scalars().first()
        if existing:
            existing.updated_at = now
        else:
            session.add(RecordLink(tenant_id=tenant_id, object_type=object_type, object_id=object_id,
                                   deal_id=record.id, updated_at=now))


def _fan_out(app: Any, ctx: JobContext, kinds: list[str]) -> dict[str, Any]:
    """A contact or company change re-scores the deals it is linked to; privacy deletions erase."""
    from app.dispatch import get_dispatcher
    from app.dispatch.leases import RecordKey

    key = ctx.key
    if "privacy_deletion" in kinds:
        from app.pipeline.privacy import erase_contact

        return {"kinds": kinds, "erased": erase_contact(app, key.tenant_id, key.record_id)}
    with get_db(app).session() as s:
        deals = [r[0] for r in s.execute(select(RecordLink.deal_id).where(
            RecordLink.tenant_id == key.tenant_id, RecordLink.object_type == key.object_type,
            RecordLink.object_id == key.record_id)).all()]
    jobs = get_dispatcher(app).schedule([RecordKey(key.tenant_id, key.crm, "deal", d) for d in sorted(set(deals))])
    return {"kinds": kinds, "deals_rescheduled": len(jobs)}
