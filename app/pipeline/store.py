"""Stage 7, store: the enrichments, actions (strategy choices with propensities) and audit rows
of a whole batch in ONE transaction, after the batch's writes.

Stored one record at a time, this stage was a transaction per record plus a query per linked
contact; now it is one transaction (one flush for the enrichments, one for the rest) and one
query for the existing links. A record whose rows cannot even be built fails alone; if the
batch's transaction fails, every record is stored again in its own transaction, so one bad
record still fails alone.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.audit import write_audit
from app.pipeline import strategy as strategy_choice
from app.pipeline.card import card_payload_from
from app.storage import get_db
from app.storage.models import Action, Enrichment, RecordLink
from integrations.base import Record, WriteResult

log = logging.getLogger(__name__)


@dataclass
class Stored:
    """What one record's store needs beyond its plan: its write results and its card."""

    plan: Any
    results: list[WriteResult]
    card: dict[str, Any]
    written: dict[str, Any]


def jsonable(scores: Mapping[str, Any]) -> dict[str, Any]:
    """Scores with numpy numbers turned into floats (JSON columns)."""
    return dict(json.loads(json.dumps(scores, default=float)))


def prepare(plan: Any, results: list[WriteResult], *, labels: Mapping[str, str] | None) -> Stored:
    """The card and write summary of one record (pure: no database)."""
    record, run, decision = plan.record, plan.run, plan.decision
    task_result = next((r for r in results if r.kind == "task"), None)
    note_result = next((r for r in results if r.kind == "note"), None)
    written = {"fields": len(plan.to_write), "task": task_result.status if task_result else None,
               "note": note_result.status if note_result else None}
    now = datetime.now(UTC)
    if run is None:  # no AI action (holdout, or no allowed strategy): scores and why only
        card = strategy_choice.control_card(record, plan.scores, decision, plan.why or {}, enriched_at=now,
                                            labels=labels)
    else:
        card = card_payload_from(record, plan.scores, run, decision, task_result=task_result,
                                 task_subject=plan.task_subject if task_result else None, enriched_at=now,
                                 labels=labels)
        card["strategy"]["why"] = plan.why
    # The card's own words follow the record's language, the one its drafts are written in (app/cards/catalogue.py).
    card["language"] = getattr(plan, "language", None) or "en"
    return Stored(plan=plan, results=results, card=card, written=written)


def store_batch(app: Any, tenant_id: str, entries: Sequence[Stored],
                settle: Callable[[Session, dict[str, Any]], None] = lambda _s, _o: None) -> dict[str, Any]:
    """Store every entry; returns record id → summary dict, or the record's exception.

    `settle` finishes the stored records in the same transaction (BatchContext.settle): an enrichment is stored
    together with its record's inbox rows marked processed, or neither is."""
    if not entries:
        return {}
    try:
        with get_db(app).session() as s:
            out = _store(s, tenant_id, entries)
            settle(s, out)
        return out
    except Exception:
        log.exception("storing the batch failed; storing record by record", extra={"tenant_id": tenant_id})
    out = {}
    for entry in entries:
        try:
            with get_db(app).session() as s:
                one = _store(s, tenant_id, [entry])
                settle(s, one)
            out.update(one)
        except Exception as exc:  # this record fails alone
            log.exception("storing a record failed", extra={"tenant_id": tenant_id})
            out[entry.plan.record.id] = exc
    return out


def _store(s: Session, tenant_id: str, entries: Sequence[Stored]) -> dict[str, Any]:
    enrichments = []
    for e in entries:
        plan, run = e.plan, e.plan.run
        row = Enrichment(
            tenant_id=tenant_id, object_type=plan.record.object_type, record_id=plan.record.id, job_id=plan.item.job_id,
            input_hash=plan.fingerprint, scores=jsonable(plan.scores),
            analysis=run.analysis.model_dump(mode="json") if run else {},
            strategy=run.strategy.model_dump(mode="json") if run else e.card["strategy"],
            draft=run.draft.model_dump(mode="json") if run else {}, card=e.card,
            model_versions=e.card["model_versions"], generated_by=run.generated_by if run else None,
        )
        s.add(row)
        enrichments.append(row)
    s.flush()  # one round of INSERTs: the enrichment ids the actions and audit rows point to
    link_records(s, tenant_id, [e.plan.record for e in entries if e.plan.record.object_type == "deal"])
    out: dict[str, Any] = {}
    for e, enrichment in zip(entries, enrichments, strict=True):
        _actions(s, tenant_id, e, enrichment.id)
        kinds = sorted({c["kind"] for c in e.plan.item.changes})
        out[e.plan.record.id] = {"kinds": kinds, "enrichment_id": enrichment.id, "written": e.written,
                                 "decision": e.plan.decision.action}
    return out


def _actions(s: Session, tenant_id: str, e: Stored, enrichment_id: int) -> None:
    plan, record, run, decision = e.plan, e.plan.record, e.plan.run, e.plan.decision
    task_result = next((r for r in e.results if r.kind == "task"), None)
    note_result = next((r for r in e.results if r.kind == "note"), None)
    common = {"tenant_id": tenant_id, "object_type": record.object_type, "record_id": record.id,
              "enrichment_id": enrichment_id}
    if plan.to_write or plan.last_fields is None:
        s.add(Action(**common, kind="fields", payload={"fields": plan.fields}))
    if task_result is not None:
        s.add(Action(**common, kind="task", crm_id=task_result.id, status=task_result.status,
                     payload={"decision": decision.action}))
    if note_result is not None:
        s.add(Action(**common, kind="note", crm_id=note_result.id, payload={"hash": plan.note_hash}))
    if plan.choice is not None:
        s.add(Action(**common, kind="strategy_choice", status="logged", payload=plan.choice))
    write_audit(s, "record.enriched", tenant_id=tenant_id, object_type=record.object_type, record_id=record.id,
                job_id=plan.item.job_id, detail={
                    "enrichment_id": enrichment_id, "model_versions": e.card["model_versions"],
                    "llm_usage": run.usage if run else [], "llm_cost_usd": run.cost_usd if run else 0.0,
                    "generated_by": run.generated_by if run else None,
                    "fallbacks": [f.model_dump() for f in run.fallbacks] if run else [],
                    "decision": decision.action, "holdout": bool((plan.choice or {}).get("holdout")),
                    "decision_reasons": list(decision.reasons), "written": e.written,
                    "timings_ms": plan.timings,
                })
    for fb in run.fallbacks if run else []:
        write_audit(s, "llm.fallback", tenant_id=tenant_id, object_type=record.object_type, record_id=record.id,
                    job_id=plan.item.job_id, detail=fb.model_dump())


def link_records(s: Session, tenant_id: str, records: Sequence[Record]) -> None:
    """Link each deal's contacts and company to it (so their cards can show the deal): existing
    links are touched, new ones added; one query for the existing links of the whole batch."""
    now = datetime.now(UTC)
    wanted = {(kind, oid, r.id) for r in records
              for kind, oid in [*(("contact", c.id) for c in r.contacts),
                                *((("company", r.company.id),) if r.company else ())]}
    if not wanted:
        return
    object_ids = sorted({oid for _k, oid, _d in wanted})
    deal_ids = sorted({d for _k, _o, d in wanted})
    existing: dict[tuple[str, str, str], RecordLink] = {}
    for i in range(0, len(object_ids), 500):
        for link in s.execute(select(RecordLink).where(
                RecordLink.tenant_id == tenant_id, RecordLink.object_type.in_(("contact", "company")),
                RecordLink.object_id.in_(object_ids[i:i + 500]), RecordLink.deal_id.in_(deal_ids))).scalars():
            existing[(link.object_type, link.object_id, link.deal_id)] = link
    for kind, oid, deal_id in sorted(wanted):
        found = existing.get((kind, oid, deal_id))
        if found is not None:
            found.updated_at = now
        else:
            s.add(RecordLink(tenant_id=tenant_id, object_type=kind, object_id=oid, deal_id=deal_id, updated_at=now))
