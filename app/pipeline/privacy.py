"""Privacy deletion: erase a contact's data everywhere we hold it (DB rows and caches)."""

from __future__ import annotations

from typing import Any

from flask import Flask
from sqlalchemy import delete, select, update

from app.storage import get_db, rowcount
from app.storage.models import Enrichment, InboxEvent, LlmCacheEntry, RecordLink


def erase_contact(app: Flask, tenant_id: str, contact_id: str) -> dict[str, int]:
    """Delete the contact's links, change payloads and cached LLM answers; redact enrichments.

    Cached LLM answers are dropped for the whole tenant: their inputs may have held the contact.
    """
    counts: dict[str, int] = {}
    with get_db(app).session() as s:
        deals = [r[0] for r in s.execute(select(RecordLink.deal_id).where(
            RecordLink.tenant_id == tenant_id, RecordLink.object_type == "contact",
            RecordLink.object_id == contact_id)).all()]
        counts["links"] = rowcount(s.execute(delete(RecordLink).where(
            RecordLink.tenant_id == tenant_id, RecordLink.object_type == "contact",
            RecordLink.object_id == contact_id)))
        counts["inbox_payloads"] = rowcount(s.execute(update(InboxEvent).where(
            InboxEvent.tenant_id == tenant_id, InboxEvent.object_type == "contact",
            InboxEvent.record_id == contact_id).values(properties={})))
        counts["llm_cache"] = rowcount(s.execute(delete(LlmCacheEntry).where(
            LlmCacheEntry.tenant_id == tenant_id)))
        redacted = 0
        for e in s.execute(select(Enrichment).where(Enrichment.tenant_id == tenant_id,
                                                    Enrichment.record_id.in_(deals or ["-"]))).scalars():
            e.draft, e.analysis = {}, {}
            card: dict[str, Any] = dict(e.card or {})
            card["draft"], card["analysis"] = {}, {}
            card["next_best_action"] = {"summary": "Removed after a privacy deletion request."}
            e.card = card
            redacted += 1
        counts["enrichments_redacted"] = redacted
    return counts
