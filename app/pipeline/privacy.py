"""Erasure of one person (a contact or a lead) everywhere we hold them: DB rows and caches.

Triggered by the CRM (HubSpot `contact.privacyDeletion` or `contact.deletion`, a Salesforce
Contact or Lead DELETE) or by an admin acting on a subject's request (`agentic-sales privacy
erase`, app/subject_requests.py). The person's e-mail and name are found in what we stored about them
(drafts addressed to them, cards of their lead) and then scrubbed from every text and JSON column
of the tenant's tables: a list of "places we remember writing them" missed the written-back
fields (`ai_next_best_action` "Email Dana Whitfield ...") kept in `actions`.
"""

from __future__ import annotations

import hashlib
import html
import json
import logging
import re
from collections.abc import Iterable
from typing import Any

from flask import Flask
from sqlalchemy import JSON, String, Text, cast, delete, func, or_, select, update
from sqlalchemy.orm import Session

from app.audit import write_audit
from app.storage import get_db, rowcount
from app.storage.models import (
    TENANT_TABLES,
    Enrichment,
    InboxEvent,
    LlmCacheEntry,
    QuarantinedEvent,
    RecordJob,
    RecordLink,
    Tenant,
)

log = logging.getLogger(__name__)

PERSON_TYPES = frozenset({"contact", "lead"})
"""Canonical object types that are people: their deletion in the CRM erases them here."""

ERASED = "[erased]"
ERASED_SUMMARY = "Removed after a privacy deletion request."
_MIN_NEEDLE = 5
"""Shorter strings (a first name alone) would scrub other people's text: never used as needles."""


def erases(object_type: str, kinds: Iterable[str]) -> bool:
    """Whether a batch's change kinds of one record erase it: a person's privacy deletion always; a
    person's deletion unless a restore came with it (the CRM keeps deleted records restorable, and
    a restore rebuilds what is needed from the CRM)."""
    kinds = set(kinds)
    return object_type in PERSON_TYPES and (
        "privacy_deletion" in kinds or ("deleted" in kinds and "restored" not in kinds))


def erase_person(app: Flask, tenant_id: str, object_type: str, record_id: str,
                 *, identifiers: Iterable[str] = ()) -> dict[str, int]:
    """Erase one person of a tenant; idempotent (a second call counts zeros).

    Deletes their links, change payloads, the tenant's cached LLM answers (their inputs may have
    held the person) and, for a lead, its enrichments and jobs; empties the drafts and analyses of
    the deals they were on; then replaces their e-mail address and name (and `identifiers`) by
    "[erased]" in every other column of the tenant. Returns what was removed, per place.
    """
    counts: dict[str, int] = {}
    with get_db(app).session() as s:
        needles = _identifiers(s, tenant_id, record_id) | {i for i in identifiers if i}
        deals = {r[0] for r in s.execute(select(RecordLink.deal_id).where(
            RecordLink.tenant_id == tenant_id, RecordLink.object_type == object_type,
            RecordLink.object_id == record_id)).all()}
        counts["links"] = rowcount(s.execute(delete(RecordLink).where(
            RecordLink.tenant_id == tenant_id, RecordLink.object_type == object_type,
            RecordLink.object_id == record_id)))
        counts["inbox_payloads"] = rowcount(s.execute(update(InboxEvent).where(
            InboxEvent.tenant_id == tenant_id, InboxEvent.object_type == object_type,
            InboxEvent.record_id == record_id,
            cast(InboxEvent.properties, Text) != "{}").values(properties={})))
        counts["llm_cache"] = rowcount(s.execute(delete(LlmCacheEntry).where(LlmCacheEntry.tenant_id == tenant_id)))
        if object_type != "deal":
            # A lead is itself enriched: its drafts, card and jobs are about the person alone.
            counts["own_enrichments"] = rowcount(s.execute(delete(Enrichment).where(
                Enrichment.tenant_id == tenant_id, Enrichment.object_type == object_type,
                Enrichment.record_id == record_id)))
            counts["own_jobs"] = rowcount(s.execute(delete(RecordJob).where(
                RecordJob.tenant_id == tenant_id, RecordJob.object_type == object_type,
                RecordJob.record_id == record_id, RecordJob.state == "idle")))
        redacted = 0
        for e in s.execute(select(Enrichment).where(Enrichment.tenant_id == tenant_id)).scalars():
            if e.record_id in deals or _addressed_to(e.draft, record_id) or _addressed_to(
                    (e.card or {}).get("draft"), record_id):
                if e.draft or e.analysis or (e.card or {}).get("next_best_action") != {"summary": ERASED_SUMMARY}:
                    e.draft, e.analysis = {}, {}
                    card: dict[str, Any] = dict(e.card or {})
                    card["draft"], card["analysis"] = {}, {}
                    card["next_best_action"] = {"summary": ERASED_SUMMARY}
                    e.card = card
                    redacted += 1
        counts["enrichments_redacted"] = redacted
        s.flush()
        counts.update(scrub_tenant(s, tenant_id, needles))
        account = s.get(Tenant, tenant_id)
        if account is not None and needles:
            counts["quarantined_events"] = _scrub_quarantine(s, account.crm, account.external_id, needles)
        write_audit(s, "privacy.erased", tenant_id=tenant_id, object_type=object_type,
                    detail={"person_ref": person_ref(tenant_id, object_type, record_id), "removed": counts})
    if account is not None:
        _forget_cached_activity(app, account.crm, account.external_id)
    counts["snapshot_cards"] = _rewrite_snapshot(app, needles)
    return counts


def person_ref(tenant_id: str, object_type: str, record_id: str) -> str:
    """A one-way reference to an erased person: the audit trail proves an erasure without naming them."""
    return hashlib.sha256(f"{tenant_id}:{object_type}:{record_id}".encode()).hexdigest()[:16]


def _addressed_to(draft: Any, record_id: str) -> bool:
    return isinstance(draft, dict) and str((draft.get("to") or {}).get("contact_id") or "") == record_id


def _identifiers(s: Session, tenant_id: str, record_id: str) -> set[str]:
    """The person's e-mail address and full name, as our drafts and lead cards recorded them."""
    found: set[str] = set()
    for draft, card, object_type, rid in s.execute(select(
            Enrichment.draft, Enrichment.card, Enrichment.object_type, Enrichment.record_id)
            .where(Enrichment.tenant_id == tenant_id)).all():
        for d in (draft, (card or {}).get("draft")):
            if isinstance(d, dict) and _addressed_to(d, record_id):
                to = d["to"]
                found.update(str(to.get(k) or "") for k in ("email", "name"))
        if object_type != "deal" and rid == record_id:
            found.add(str(((card or {}).get("record") or {}).get("name") or ""))
    return {n for n in found if len(n.strip()) >= _MIN_NEEDLE}


def needle_pattern(needles: Iterable[str]) -> re.Pattern[str] | None:
    """One case-insensitive pattern for whole needles only: erasing p7@example.com or "Person
    Number7" must not touch p17@example.com, "Person Number70" or "Dana Whitfield-Jones"."""
    usable = sorted({n.strip() for n in needles if len(n.strip()) >= _MIN_NEEDLE}, key=len, reverse=True)
    if not usable:
        return None
    return re.compile("|".join(_whole(n) for n in usable), re.IGNORECASE)


def _whole(needle: str) -> str:
    if "@" in needle:  # an address: not inside a longer one (a sentence's full stop may follow)
        return rf"(?<![\w.+%-]){re.escape(needle)}(?![\w-]|\.\w)"
    return rf"(?<![\w-]){re.escape(needle)}(?![\w-])"


def _scrubbed(value: Any, pattern: re.Pattern[str]) -> Any:
    if isinstance(value, str):
        return pattern.sub(ERASED, value)
    if isinstance(value, dict):
        return {pattern.sub(ERASED, k) if isinstance(k, str) else k: _scrubbed(v, pattern) for k, v in value.items()}
    if isinstance(value, list):
        return [_scrubbed(v, pattern) for v in value]
    return value


def scrub_tenant(s: Session, tenant_id: str, needles: Iterable[str]) -> dict[str, int]:
    """Replace `needles` (case-insensitive) by "[erased]" in every text and JSON column of every
    table of the tenant; returns rows changed per table (tables with none left out)."""
    needles = [n.strip() for n in needles if len(n.strip()) >= _MIN_NEEDLE]
    pattern = needle_pattern(needles)
    if pattern is None:
        return {}
    # The database narrows the rows (a substring in the stored text, JSON escapes included), so an
    # erasure reads the few rows naming the person, not the tenant's whole history; the pattern
    # then decides on whole words.
    # SQLite's lower() folds ASCII only, and JSON keeps "Ł" as "\u0141": a name is looked for as
    # written and escaped, case-folded where the database can fold it.
    exact = {f for n in needles for f in (n, json.dumps(n)[1:-1])}
    folded = {f.lower() for f in exact} | {json.dumps(n.lower())[1:-1] for n in needles}
    changed: dict[str, int] = {}
    for model in TENANT_TABLES:
        columns = [c.key for c in model.__table__.columns
                   if isinstance(c.type, JSON | String | Text) and c.key != "tenant_id"]
        texts = [cast(getattr(model, c), Text) for c in columns]
        narrowed = or_(*(x.contains(f, autoescape=True) for x in texts for f in exact),
                       *(func.lower(x).contains(f, autoescape=True) for x in texts for f in folded))
        n = 0
        for row in s.execute(select(model).where(model.tenant_id == tenant_id, narrowed)).scalars():
            touched = False
            for col in columns:
                value = getattr(row, col)
                if value is None or isinstance(value, bool | int | float):
                    continue
                new = _scrubbed(value, pattern)
                if new != value:
                    setattr(row, col, new)
                    touched = True
            n += touched
        if n:
            changed[model.__tablename__] = n
    return changed


def _scrub_quarantine(s: Session, crm: str, account_id: str, needles: Iterable[str]) -> int:
    """Quarantined webhook bodies of the account that name the person are deleted (kept only for
    debugging a sender; a body cannot be scrubbed and still show what was wrong with it)."""
    pattern = needle_pattern(needles)
    if pattern is None:
        return 0
    doomed = [q.id for q in s.execute(select(QuarantinedEvent).where(
        QuarantinedEvent.crm == crm, QuarantinedEvent.account_hint == account_id)).scalars()
        if pattern.search(q.raw or "")]
    if not doomed:
        return 0
    return rowcount(s.execute(delete(QuarantinedEvent).where(QuarantinedEvent.id.in_(doomed))))


def _rewrite_snapshot(app: Flask, needles: Iterable[str]) -> int:
    """The demo's static snapshot (DATA_DIR/snapshot) holds card pages with drafts: when one names the
    person, it is written again from the erased rows. Returns the pages that named them."""
    from pathlib import Path

    from app.site.snapshot import SNAPSHOT_DIR, write_snapshot

    data_dir = Path(app.config["DATA_DIR"])
    pattern = needle_pattern(needles)
    pages = list((data_dir / SNAPSHOT_DIR).rglob("*.html")) if pattern is not None else []
    naming = [p for p in pages if pattern is not None and pattern.search(html.unescape(p.read_text(encoding="utf-8")))]
    if naming:
        write_snapshot(app, data_dir)
    return len(naming)


def _forget_cached_activity(app: Flask, crm: str, account_id: str) -> None:
    """The connector's shared cache keeps activity text (emails, meetings) for days: drop the
    account's, it refills from the CRM, which no longer has the person."""
    from app.connectors import get_connector

    try:
        get_connector(crm, app).forget_account(account_id, config=app.config)
    except Exception:  # the rows are erased; the cache's own expiry still bounds what is left
        log.warning("could not drop the account's cached CRM activity after an erasure",
                    extra={"crm": crm}, exc_info=True)
