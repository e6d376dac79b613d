"""Assemble a record's card payload (DESIGN.md "Card payload") from what the pipeline stored.

The pipeline stores the enriched payload on the Enrichment row; this module adds the live
status: `pending` while a job for the record is scheduled or running or changes wait in the
inbox, `stale` when the enrichment is older than CARD_STALE_SECONDS, `not_enriched` before the
first enrichment. Contacts and companies show their most recently enriched related deal.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.cards.actions import feedback_of
from app.cards.view import dismiss_reasons
from app.storage.models import Enrichment, InboxEvent, RecordJob, RecordLink

CARD_STALE_SECONDS = 7 * 86_400
"""Seconds after which an enrichment is shown as stale (a record nobody touched for a week)."""

OBJECT_TYPES = {
    "0-1": "contact", "contact": "contact", "contacts": "contact",
    "0-2": "company", "company": "company", "companies": "company",
    "0-3": "deal", "deal": "deal", "deals": "deal",
    "lead": "lead", "leads": "lead",
}
"""HubSpot's object type ids and names (and Salesforce's Lead, enriched itself) → our canonical
singular name."""

ACTIONS = ["accept", "dismiss", "rescore"]

HIDDEN_SCORES_SETTING = "card_hidden_scores"
"""The tenant setting (app/settings) listing the score tasks a tenant does not use."""


def canonical_object_type(raw: str | None) -> str | None:
    """Map `0-3`, `DEAL`, `deals` ... to `deal`; None for types cards do not support."""
    return OBJECT_TYPES.get((raw or "").strip().lower())


def related_deal(session: Session, tenant_id: str, object_type: str, object_id: str) -> str | None:
    """The most recently enriched deal linked to a contact or company, if any."""
    row = session.execute(
        select(RecordLink.deal_id)
        .where(RecordLink.tenant_id == tenant_id, RecordLink.object_type == object_type,
               RecordLink.object_id == object_id)
        .order_by(RecordLink.updated_at.desc())
        .limit(1)
    ).first()
    return row[0] if row else None


def latest_enrichment(session: Session, tenant_id: str, object_type: str, record_id: str) -> Enrichment | None:
    return session.execute(
        select(Enrichment)
        .where(Enrichment.tenant_id == tenant_id, Enrichment.object_type == object_type,
               Enrichment.record_id == record_id)
        .order_by(Enrichment.created_at.desc(), Enrichment.id.desc())
        .limit(1)
    ).scalars().first()


def is_pending(session: Session, tenant_id: str, object_type: str, record_id: str) -> bool:
    """A job is scheduled or running for the record, or changes wait in the inbox."""
    key = (tenant_id, object_type, record_id)
    return key in pending_records(session, {key})


def pending_records(session: Session, keys: set[tuple[str, str, str]]) -> set[tuple[str, str, str]]:
    """Which of `keys` (tenant, object type, record id) have a job scheduled or running, or changes waiting in the
    inbox: two statements for any number of records (the index reads a page of them at once)."""
    if not keys:
        return set()
    tenant_ids, kinds, record_ids = ({k[i] for k in keys} for i in range(3))
    # The statements filter on each column apart (portable, unlike a tuple IN); the exact keys are kept here.
    running = {(str(t), str(o), str(r)) for t, o, r in session.execute(
        select(RecordJob.tenant_id, RecordJob.object_type, RecordJob.record_id)
        .where(RecordJob.tenant_id.in_(tenant_ids), RecordJob.object_type.in_(kinds),
               RecordJob.record_id.in_(record_ids), RecordJob.state.in_(("scheduled", "running")))).all()}
    waiting = {(str(t), str(o), str(r)) for t, o, r in session.execute(
        select(InboxEvent.tenant_id, InboxEvent.object_type, InboxEvent.record_id).distinct()
        .where(InboxEvent.tenant_id.in_(tenant_ids), InboxEvent.object_type.in_(kinds),
               InboxEvent.record_id.in_(record_ids), InboxEvent.status == "pending")).all()}
    return (running | waiting) & keys


def card_payload(session: Session, tenant_id: str, object_type: str, object_id: str, *,
                 now: datetime | None = None, deal_word: str = "deal") -> dict[str, Any]:
    """The card payload of one record for one tenant (never another tenant's rows); `deal_word` is the tenant's
    CRM's word for a deal, in the text the payload carries (app.connectors.deal_words_of)."""
    now = now or datetime.now(UTC)
    shown_type, shown_id = object_type, object_id
    related: dict[str, str] | None = None
    if object_type in ("contact", "company"):
        deal_id = related_deal(session, tenant_id, object_type, object_id)
        if deal_id is not None:
            related = {"object_type": object_type, "id": object_id}
            shown_type, shown_id = "deal", deal_id
    enrichment = latest_enrichment(session, tenant_id, shown_type, shown_id)
    pending = is_pending(session, tenant_id, shown_type, shown_id)
    if enrichment is None:
        return not_enriched_payload(shown_type, shown_id, pending=pending, related=related)
    return enriched_payload(enrichment, pending=pending, feedback=feedback_of(session, tenant_id, enrichment.id),
                            hidden=hidden_scores(session, tenant_id), now=now, deal_word=deal_word, related=related)


def not_enriched_payload(object_type: str, record_id: str, *, pending: bool,
                         related: dict[str, str] | None = None) -> dict[str, Any]:
    """The payload of a record never enriched: only "Score now" (or pending while its first run waits)."""
    return {
        "status": "pending" if pending else "not_enriched",
        "record": {"id": record_id, "name": None, "object_type": object_type},
        "scores": {}, "analysis": {}, "strategy": {}, "next_best_action": {}, "draft": {},
        "generated_by": None, "enriched_at": None, "actions": ["rescore"], "related_to": related,
    }


def enriched_payload(enrichment: Enrichment, *, pending: bool, feedback: dict[str, Any], hidden: list[str],
                     now: datetime, deal_word: str = "deal", related: dict[str, str] | None = None) -> dict[str, Any]:
    """The payload of a record from its latest enrichment and what was read about it (pure, no database): one
    card reads them one by one, a list of records reads them for a page at once (app.site.deals)."""
    shown_type, shown_id = enrichment.object_type, enrichment.record_id
    payload = dict(enrichment.card or {})
    created = enrichment.created_at
    if pending:
        status = "pending"
    elif created < now - timedelta(seconds=CARD_STALE_SECONDS):
        status = "stale"
    else:
        status = "enriched"
    payload.update({
        "status": status,
        "enrichment_id": enrichment.id,
        "enriched_at": payload.get("enriched_at") or created.isoformat(),
        # No action was taken on a held-out deal: nothing to accept or dismiss (the pipeline's `actions`).
        "actions": (["rescore"] if not payload.get("next_best_action") and payload.get("actions") == ["rescore"]
                    else ACTIONS + (["task_done"] if ((payload.get("next_best_action") or {}).get("task")
                                                       or {}).get("id") else [])),
        "related_to": related,
        "dismiss_reasons": dismiss_reasons(shown_type, deal_word),
        "feedback": feedback,
    })
    payload.setdefault("record", {"id": shown_id, "name": None, "object_type": shown_type})
    if hidden and isinstance(payload.get("scores"), dict):
        # A lead's conversion tile is the lead model's: hidden by "lead_conversion", a deal's by "conversion".
        on_lead = (payload.get("record") or {}).get("object_type") == "lead"
        unused = {"conversion" if task == "lead_conversion" else task for task in hidden
                  if task not in ("conversion", "lead_conversion") or (task == "lead_conversion") == on_lead}
        payload["scores"] = {**payload["scores"], **{task: {"not_used": {}} for task in unused}}
    return payload


def hidden_scores(session: Session, tenant_id: str) -> list[str]:
    """Score tasks this tenant does not use (tenant setting `card_hidden_scores`, e.g. ["churn"]
    for a team without renewals): the card leaves them out instead of saying why they are absent."""
    from app.settings.store import UnknownTenantError, read_state

    try:
        return list(read_state(session, tenant_id).settings.card_hidden_scores)
    except UnknownTenantError:
        return []


def tenant_language(session: Session, tenant_id: str) -> str:
    """The tenant's default draft language (setting `language`): what a card speaks before its record has one."""
    from app.settings.store import UnknownTenantError, read_state

    try:
        return str(read_state(session, tenant_id).settings.language or "en")
    except UnknownTenantError:
        return "en"
