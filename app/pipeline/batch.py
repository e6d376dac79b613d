"""The batch pipeline (DESIGN.md stages) over the due records of one tenant.

    1 fetch   client.get_records(ids): one call for the batch (the client batches the API)
    2 route   won/lost (a Lead: converted / closed unconverted) → outcome stage; deleted or gone → dropped; else on
    3 score   every open record with the tenant's champions, loaded once per batch
    4 agents  analyst → strategist → writer per record, AGENT_CONCURRENCY at a time
    5 decide  guardrails per record
    6 write   one client.apply(WriteSet) per chunk of finished records, results matched back
    7 store   enrichments, actions (strategy choices with propensities), audit, per chunk

Records are written back in chunks as their agents finish (WRITEBACK_CHUNK_RECORDS records or
WRITEBACK_CHUNK_SECONDS, whichever comes first; one write at the end when only backfill or
reconcile rows are in the batch), not once at the end of the batch: a record's
latency is change -> its write-back, and a batch of 100 written at its end made every record
wait for the slowest of the batch. A chunk still costs one call per kind of write.

A record's own failure (agents, a write item) fails that record alone; an error of the whole
call (fetch, apply raising) fails the records not yet written, and a rate limit re-queues them
with the CRM's delay (app/dispatch/batch.py); records of chunks already written keep their
results. Every write is compare-before-write or idempotent, so re-running a record writes
nothing new.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from concurrent.futures import BrokenExecutor, CancelledError, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from flask import current_app
from sqlalchemy import update

from agents import run as agents_run
from agents.decision import LlmResult, decide
from agents.settings import ROLES
from app import defaults
from app.connectors import enriched_object_types
from app.dispatch.batch import BatchContext, BatchInterrupted, stamp_done
from app.dispatch.timeouts import is_timeout
from app.pipeline import agent_procs
from app.pipeline import outcome as outcome_stage
from app.pipeline import strategy as strategy_choice
from app.pipeline import tenant as tenant_inputs
from app.pipeline.card import crm_labels
from app.pipeline.companies import other_customers, tenant_companies
from app.pipeline.crm import crm_client
from app.pipeline.fanout import fan_out
from app.pipeline.llm_store import DbCache, DbLedger
from app.pipeline.meeting_times import after_send_time
from app.pipeline.prior import Prior, priors
from app.pipeline.privacy import erases
from app.pipeline.store import prepare, store_batch
from app.pipeline.writeback import (
    changed_fields,
    content_hash,
    fields_without_time,
    note_text,
    output_fields,
    record_fingerprint,
    record_language,
    task_spec,
)
from app.storage import get_db
from app.storage.models import Installation
from integrations.base import FieldUpdate, NoteWrite, Record, TaskWrite, WriteResult, WriteSet
from integrations.errors import CrmError
from learning.errors import NoAllowedArmError
from scoring import score_record
from scoring import scores as scoring_scores

log = logging.getLogger(__name__)


class WriteFailedError(CrmError):
    """One of a record's write items failed; the record retries alone if the CRM said so."""


@dataclass
class Plan:
    """Everything decided for one open record before the batch's write."""

    item: Any
    record: Record
    scores: dict[str, Any]
    run: Any
    decision: Any
    fields: dict[str, str]
    to_write: dict[str, str]
    last_fields: dict[str, Any] | None
    fingerprint: str
    note_hash: str | None
    task_subject: str | None
    key_prefix: str
    timings: dict[str, float]
    choice: dict[str, Any] | None = None
    """The logged strategy choice (arm, propensity, policy, holdout, context); None: no decision."""
    why: dict[str, Any] | None = None
    """Why this strategy, for the card (app/pipeline/strategy.py)."""
    language: str | None = None
    """The record's language (writeback.record_language): the card speaks it (app/cards/catalogue.py)."""


def process_batch(batch: BatchContext) -> dict[str, Any]:
    """Run the stages over a batch; returns record id → summary dict, or the record's exception.

    A batch holds records of one object type. Deals, and the other types the CRM's connector
    enriches (Salesforce Leads), go through the stages; a change of any other type (a contact, a
    company) re-schedules the deals linked to it."""
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    results: dict[str, Any] = {}
    enriched = set(enriched_object_types(batch.crm, app))
    due = []
    for item in batch.items:
        kinds = sorted({c["kind"] for c in item.changes})
        if item.key.object_type not in enriched or erases(item.key.object_type, kinds):
            # A deleted lead is a person: it is erased (fan_out), not merely skipped.
            results[item.key.record_id] = _guard(lambda item=item, kinds=kinds: fan_out(app, item, kinds))
        elif kinds and set(kinds) <= {"deleted"}:
            results[item.key.record_id] = {"kinds": kinds, "skipped": f"{item.key.object_type} deleted"}
        else:
            due.append(item)
    stamp_done(results)
    if not due:
        return results
    object_type = due[0].key.object_type  # a batch claims records of one object type
    started = time.perf_counter()
    client = crm_client(app, batch.tenant_id, batch.crm)
    records = client.get_records(object_type, [i.key.record_id for i in due])
    batch.renew()
    t_fetch = time.perf_counter()
    open_items, closed = [], []
    for item in due:
        record = records.get(item.key.record_id)
        if record is None:
            results[item.key.record_id] = {"skipped": f"{object_type} not found in the CRM"}
        elif record.stage_kind == "open":
            open_items.append((item, record))
        else:
            # Won/lost (a Lead converted or closed unconverted): the outcome stage, never enriched
            # again (a converted lead's Contact and Opportunity carry the enrichment from now on).
            closed.append((item, record))
    stamp_done(results)
    closings = outcome_stage.plan(app, batch.tenant_id, closed)
    written_any = False
    labels: dict[str, str] | None = None
    try:
        for plans, failures in _plan(app, batch, open_items, fetch_ms=_ms(started, t_fetch)):
            results.update(failures)
            if not plans and not closings:
                continue
            if labels is None and plans:
                labels = crm_labels(client)  # stage id → label for the card (pipelines are cached)
            results.update(stamp_done(_write_and_store(app, batch, client, plans, closings, labels or {})))
            written_any, closings = True, []
    except Exception as exc:
        if not written_any:
            raise  # nothing written yet: the whole batch is handed back as one
        raise BatchInterrupted(results, exc) from exc
    if closings:  # no open record in the batch: the closed ones are written alone
        results.update(_write_and_store(app, batch, client, [], closings, {}))
    note_api_quota(app, batch.tenant_id, client)
    return stamp_done(results)  # the records not found in the CRM, the closed ones: done now


def note_api_quota(app: Any, tenant_id: str, client: Any) -> None:
    """Keep the CRM's daily API allocation as its last response reported it, for install health
    (a client or CRM that reports none leaves the last figure alone)."""
    probe = getattr(client, "api_quota", None)
    try:
        quota = probe() if callable(probe) else None
        if quota is None:
            return
        with get_db(app).session() as s:
            s.execute(update(Installation).where(Installation.tenant_id == tenant_id,
                                                 Installation.revoked_at.is_(None))
                      .values(api_used=quota.used, api_limit=quota.limit, api_quota_at=datetime.now(UTC)))
    except Exception:  # a figure for the admin page must never fail a batch
        log.exception("CRM API quota of tenant %s not recorded", tenant_id)


def _write_and_store(app: Any, batch: BatchContext, client: Any, plans: list[Plan], closings: list[Any],
                     labels: dict[str, str]) -> dict[str, Any]:
    """Write one chunk (ONE apply), match the results back per record and store the chunk."""
    results: dict[str, Any] = {}
    writes = _write_set(plans, closings)
    t_write0 = time.perf_counter()
    written = client.apply(writes) if writes else []
    write_ms = _ms(t_write0, time.perf_counter())
    by_record: dict[str, list[WriteResult]] = {}
    for r in written:
        by_record.setdefault(str(r.record_id), []).append(r)
    to_store = []
    for plan in plans:
        rid = plan.record.id
        mine = by_record.get(rid, [])
        failed = [r for r in mine if not r.ok]
        if failed:
            results[rid] = _write_error(failed)
            continue
        plan.timings["write"] = write_ms
        entry = _guard(lambda plan=plan, mine=mine: prepare(plan, mine, labels=labels))
        if isinstance(entry, BaseException):
            results[rid] = entry
        else:
            to_store.append(entry)
    results.update(store_batch(app, batch.tenant_id, to_store, batch.settle))
    try:  # partial credit of this chunk's open deals that moved to a later stage since a logged decision
        if plans and plans[0].record.object_type == "deal":
            outcome_stage.record_advances(app, batch.tenant_id, [plan.record for plan in plans], client.list_pipelines)
    except Exception:  # idempotent: the deal's next batch records them; its enrichment stands
        log.exception("stage advances of tenant %s not recorded", batch.tenant_id)
    for closing in closings:
        rid = closing.record.id
        mine = by_record.get(rid, [])
        failed = [r for r in mine if not r.ok]
        results[rid] = _write_error(failed) if failed else _guard(
            lambda closing=closing, mine=mine: outcome_stage.store(app, closing, mine))
    batch.renew()
    return results


process_batch.batch = True  # type: ignore[attr-defined]  # the runner hands it whole batches


def _ms(a: float, b: float) -> float:
    return round((b - a) * 1000, 1)


def _guard(fn: Any) -> Any:
    try:
        return fn()
    except Exception as exc:  # the record fails alone; the runner decides retry vs failed
        if is_timeout(exc):  # the job's timeout: the batch stops and hands its unwritten records back
            raise
        log.exception("record failed in its batch")
        return exc


def _write_error(failed: list[WriteResult]) -> WriteFailedError:
    first = failed[0]
    retry = all(r.should_retry for r in failed)
    delays = [r.retry_after for r in failed if r.retry_after is not None]
    return WriteFailedError(f"{len(failed)} write item(s) failed; first ({first.kind}): {first.error}",
                            should_retry=retry, retry_after=max(delays) if delays else None)


def _plan(app: Any, batch: BatchContext, items: list[tuple[Any, Record]], *,
          fetch_ms: float) -> Iterator[tuple[list[Plan], dict[str, Any]]]:
    """Score the open records, run their agents (bounded concurrency) and decide; yields the
    plans and failures in chunks as the records finish (see the module's doc), so that the
    caller writes each chunk back while the next one's agents run or wait."""
    if not items:
        return
    row = tenant_inputs.tenant_settings(app, batch.tenant_id)
    models = tenant_inputs.champions(app, batch.tenant_id)
    mapping = tenant_inputs.scoring_mapping(app, batch.tenant_id, batch.crm)
    settings = tenant_inputs.agent_settings(app, row)
    companies = tenant_companies(app, batch.tenant_id, [r for _i, r in items])
    policy = tenant_inputs.policy(row)
    strategy = strategy_choice.prepare(app, batch.tenant_id, row, settings, object_type=items[0][1].object_type)
    cache, ledger = DbCache(app), DbLedger(app)
    prior = priors(app, batch.tenant_id, items[0][1].object_type, [r.id for _i, r in items])

    t0 = time.perf_counter()
    batch_scores, score_failures = score_all([r for _i, r in items], models, mapping)
    score_ms = round(_ms(t0, time.perf_counter()) / max(1, len(items)), 1)

    def run_settings_of(record: Record) -> Any:
        return settings.with_overrides(other_customer_names=other_customers(companies, record))

    def one(pair: tuple[Any, Record]) -> Plan:
        item, record = pair
        scores = batch_scores[record.id]
        t1 = time.perf_counter()
        now = datetime.now(UTC)
        # The holdout is decided before any agent runs: a held-out record gets no AI action.
        assignment = strategy_choice.holdout_of(strategy, record)
        run, decision = None, strategy_choice.control_decision()
        if not assignment.holdout:
            try:
                sent = remote.pop(record.id, None)
                if sent is not None:  # its agents ran in a worker process (agent_procs)
                    run = _remote_run(sent, lambda: agents_run.run_agents(
                        record, scores, run_settings_of(record), cache=cache, ledger=ledger, now=now,
                        policy=strategy.policy))
                else:
                    run = agents_run.run_agents(record, scores, run_settings_of(record), cache=cache, ledger=ledger,
                                                now=now, policy=strategy.policy)
                decision = decide(record, scores, LlmResult.from_run(run), policy)
                # The decision may have moved the send time past the times the draft proposes.
                run = after_send_time(run, record, scores, decision, run_settings_of(record), now=now)
            except NoAllowedArmError:
                decision = strategy_choice.control_decision(strategy_choice.NO_ARM_REASON)
        choice = (strategy_choice.logged_choice(strategy, record, scores, run, assignment=assignment)
                  if run is not None or assignment.holdout else None)
        t2 = time.perf_counter()
        # The record's language for the next step's words (an escalation's draft is the owner's brief, in English).
        language = (record_language(record, run_settings_of(record).language, run.next_best_action.recipient.id)
                    if run is not None and run.draft.kind == "owner_brief" else None)
        fields = output_fields(scores, run, decision, now=now, language=language)
        before = prior.get(record.id) or Prior()
        last = before.fields
        fingerprint = record_fingerprint(record)
        if fingerprint != before.fingerprint:
            # The deal itself changed (a rep's edit): write the re-evaluation even if every output
            # is the same, so the CRM shows when it was last assessed.
            to_write = dict(fields)
        else:
            to_write = changed_fields(fields, (last or {}).get("fields"))
        note_hash = content_hash(fields_without_time(fields), run.draft.model_dump() if run else {}, decision.action)
        return Plan(item=item, record=record, scores=scores, run=run, decision=decision, fields=fields,
                    to_write=to_write, last_fields=last, fingerprint=fingerprint,
                    note_hash=None if run is None or before.note_hash == note_hash else note_hash,
                    task_subject=task_spec(record, run, decision).subject if decision.action != "suppress" else None,
                    key_prefix=f"{item.key.tenant_id}:{record.id}:{item.job_id}",
                    timings={"fetch": fetch_ms, "score_per_record": score_ms, "agents": _ms(t1, t2)},
                    choice=choice, why=strategy_choice.why(strategy, choice) if choice else strategy_choice.NO_ARM_WHY,
                    language=record_language(record, run_settings_of(record).language,
                                             run.next_best_action.recipient.id if run is not None else None))

    if score_failures:
        yield [], dict(score_failures)
    items = [(i, r) for i, r in items if r.id in batch_scores]
    workers = agent_workers(app, settings)
    # Offline agents are CPU-bound Python: on a multi-core machine they run in worker processes,
    # submitted all at once so the children work ahead while this thread writes chunks back.
    remote: dict[str, Any] = {}
    procs = agent_processes(app) if workers == 1 and len(items) > 1 else 0
    if procs:
        remote = _submit_agents(procs, items, batch_scores, strategy, settings, run_settings_of)

    def guarded(pair: tuple[Any, Record]) -> Plan | BaseException:
        batch.check_time()  # past the job's timeout no record starts: the batch hands the rest back
        with app.app_context():
            try:
                return one(pair)
            except Exception as exc:  # this record fails alone
                if is_timeout(exc) or batch.timed_out() or batch.stopping():
                    raise  # the job's timeout fired in this record (or some handler swallowed it), or the worker stops
                log.exception("record failed before writing", extra={"tenant_id": batch.tenant_id})
                return exc

    # Keep the batch's leases alive while its agents run (a big batch can outlast one lease).
    renew_every = float(app.config["LEASE_SECONDS"]) / 4
    chunk_records = max(1, int(app.config.get("WRITEBACK_CHUNK_RECORDS", defaults.WRITEBACK_CHUNK_RECORDS)))
    chunk_seconds = float(app.config.get("WRITEBACK_CHUNK_SECONDS", defaults.WRITEBACK_CHUNK_SECONDS))
    if not someone_waits(batch):
        # Only backfill/reconcile rows: no rep waits for these, so one write for the whole batch
        # (a chunked backfill made twice the calls per deal for no one's benefit).
        chunk_records, chunk_seconds = max(1, len(items)), float("inf")
    last_renew = chunk_started = time.monotonic()
    plans: list[Plan] = []
    failures: dict[str, Any] = {}
    if workers == 1 or len(items) <= 1:
        outs: Iterator[Plan | BaseException] = (guarded(pair) for pair in items)
        pool = None
    else:
        pool = ThreadPoolExecutor(max_workers=min(workers, len(items)), thread_name_prefix="agents")
        outs = pool.map(guarded, items)  # in order; later records run while a chunk is written
    try:
        for (item, _record), out in zip(items, outs, strict=True):
            if isinstance(out, BaseException):
                failures[item.key.record_id] = out
            else:
                plans.append(out)
            now = time.monotonic()
            if len(plans) >= chunk_records or (plans and now - chunk_started >= chunk_seconds):
                yield plans, failures
                plans, failures = [], {}
                last_renew = chunk_started = time.monotonic()  # a chunk's write renews the leases
            elif now - last_renew >= renew_every:
                batch.renew()
                last_renew = time.monotonic()
        if plans or failures:
            yield plans, failures
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
        for _executor, future in remote.values():  # records not reached (the batch stopped early)
            future.cancel()


def agent_processes(app: Any) -> int:
    """Worker processes for the offline agents (AGENT_PROCESSES; by default one per core in the
    embedded worker on 2+ cores, none on 1 core or under RQ: app/pipeline/agent_procs.py)."""
    from app.dispatch import get_dispatcher

    raw = app.config.get("AGENT_PROCESSES", defaults.AGENT_PROCESSES)
    try:
        configured = None if raw is None or raw == "" else int(raw)
    except ValueError:
        from app.config import ConfigError

        raise ConfigError(f"AGENTIC_SALES_AGENT_PROCESSES={raw!r} is not a whole number of processes") from None
    return agent_procs.processes_for(configured,
                                     backend=get_dispatcher(app).backend.name, cpus=agent_procs.available_cpus())


def _submit_agents(procs: int, items: list[tuple[Any, Record]], batch_scores: dict[str, Any], strategy: Any,
                   settings: Any, run_settings_of: Any) -> dict[str, Any]:
    """Send every non-held-out record's agents to the pool; record id -> (pool, future). Records
    not sent (holdout, or a pool that cannot start) run in the batch's thread as before."""
    spec = agent_procs.PolicySpec(posterior=strategy.posterior, max_discount=settings.max_discount,
                                  excluded=tuple(strategy.excluded))
    try:
        executor = agent_procs.pool(procs)
        sent: dict[str, Any] = {}
        for _item, record in items:
            if strategy_choice.holdout_of(strategy, record).holdout:
                continue
            job = agent_procs.AgentJob(record=record, scores=batch_scores[record.id],
                                       settings=run_settings_of(record), now=datetime.now(UTC), policy=spec)
            sent[record.id] = (executor, executor.submit(agent_procs.run_job, job))
        return sent
    except Exception:  # e.g. no process could be started: the thread runs every record
        log.exception("agent processes unavailable; running the agents in the batch's thread")
        return {}


def _remote_run(sent: tuple[Any, Any], local: Any) -> Any:
    """The AgentRun of a record sent to the pool; in this thread (`local`) if the pool broke."""
    executor, future = sent
    try:
        return agent_procs.result_of(future)
    except (BrokenExecutor, CancelledError):  # the pool broke (a child died), or was discarded since
        log.warning("agent process pool unusable; running the record in the batch's thread")
        agent_procs.discard(executor)
        return local()


def someone_waits(batch: BatchContext) -> bool:
    """Tell whether some record of the batch has a change a person made (a webhook), rather
    than only rows our own backfill or reconciliation wrote."""
    from app.sync import SYNC_SOURCES

    return any(c.get("change_source") not in SYNC_SOURCES for item in batch.items for c in item.changes) \
        or not any(item.changes for item in batch.items)


def agent_workers(app: Any, settings: Any) -> int:
    """How many records' agents run at once: AGENT_CONCURRENCY when some role calls an LLM over
    the network (threads overlap the waits), 1 when every role is the offline provider: that is
    pure Python under the GIL, where threads add only switching and take the CPU from the
    webhook receiver and the write-backs of the same process."""
    if all(settings.role_spec(role).split(":", 1)[0] == "offline" for role in ROLES):
        return 1
    return max(1, int(app.config.get("AGENT_CONCURRENCY", defaults.AGENT_CONCURRENCY)))


def score_all(records: list[Record], models: Any, mapping: Any) -> tuple[dict[str, Any], dict[str, Exception]]:
    """Scores of every record in one vectorised call; if that call fails, record by record so that
    only the records that cannot be scored fail."""
    batch_fn = getattr(scoring_scores, "score_batch", None)  # scoring's batch API, where present
    if batch_fn is not None:
        try:
            return dict(batch_fn(records, models, mapping)), {}
        except Exception:
            log.exception("batch scoring failed; scoring record by record")
    scores: dict[str, Any] = {}
    failed: dict[str, Exception] = {}
    for record in records:
        try:
            scores[record.id] = score_record(record, models, mapping)
        except Exception as exc:  # this record fails alone
            failed[record.id] = exc
    return scores, failed


def _write_set(plans: list[Plan], closings: list[Any]) -> WriteSet:
    fields, tasks, notes = [], [], []
    for p in plans:
        if p.to_write:
            fields.append(FieldUpdate(p.record.object_type, p.record.id, p.to_write))
        if p.decision.action != "suppress":
            tasks.append(TaskWrite(record=p.record, task=task_spec(p.record, p.run, p.decision),
                                   idempotency_key=f"{p.key_prefix}:task", existing=p.record.app_task))
        if p.note_hash is not None:
            notes.append(NoteWrite(record=p.record, text=note_text(p.record, p.scores, p.run, p.decision),
                                   idempotency_key=f"{p.record.tenant_id}:{p.record.id}:note:{p.note_hash[:24]}"))
    for c in closings:
        if c.task is not None:
            tasks.append(c.task)
    return WriteSet(fields=tuple(fields), tasks=tuple(tasks), notes=tuple(notes))
