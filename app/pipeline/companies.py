"""The tenant's own companies: names a draft to one customer must never mention (issue 11).

Names come from the records this tenant's pipeline has enriched (their stored card payloads) and
from each batch's records as they arrive, so the list stays fresh without a CRM call. The agents
refuse them (agents.facts: in full, or by a distinctive first word the record itself does not
use); the record's own company is never on its list.
"""

from __future__ import annotations

import time
from collections.abc import Iterable

from flask import Flask
from sqlalchemy import select

from app import defaults
from app.storage import get_db
from app.storage.models import Enrichment
from integrations.base import Record

MIN_NAME_CHARS = 4
"""Shorter names ("Co", "AB") are left out: refused as words they would block ordinary text."""


def tenant_companies(app: Flask, tenant_id: str, records: Iterable[Record] = ()) -> frozenset[str]:
    """Return the names of the tenant's companies (cached per process, refreshed after a TTL)."""
    cache: dict[str, tuple[float, frozenset[str]]] = app.extensions.setdefault("tenant_companies", {})
    ttl = float(app.config.get("COMPANY_NAMES_TTL_SECONDS", defaults.COMPANY_NAMES_TTL_SECONDS))
    now = time.monotonic()
    loaded_at, names = cache.get(tenant_id, (0.0, frozenset()))
    if not loaded_at or now - loaded_at > ttl:
        loaded_at, names = now, _stored_names(app, tenant_id)
    names = names | {r.company.name.strip() for r in records if r.company and r.company.name}
    cache[tenant_id] = (loaded_at, names)
    return names


def other_customers(names: Iterable[str], record: Record) -> tuple[str, ...]:
    """The tenant's company names other than `record`'s own, long enough to refuse safely."""
    own = (record.company.name or "").strip().lower() if record.company else ""
    return tuple(sorted({n for n in names if len(n) >= MIN_NAME_CHARS and any(ch.isalpha() for ch in n)
                         and n.lower() != own}))


def _stored_names(app: Flask, tenant_id: str) -> frozenset[str]:
    limit = int(app.config.get("COMPANY_NAMES_SCAN", defaults.COMPANY_NAMES_SCAN))
    with get_db(app).session() as s:
        cards = s.execute(select(Enrichment.card).where(Enrichment.tenant_id == tenant_id)
                          .order_by(Enrichment.id.desc()).limit(limit)).scalars()
        found = {((c or {}).get("record") or {}).get("company") for c in cards if isinstance(c, dict)}
    return frozenset(n.strip() for n in found if isinstance(n, str) and n.strip())
