"""The enriched deals of a tenant, newest enrichment per deal, for the index page and the snapshot."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.cards.payload import card_payload
from app.storage.models import Enrichment, Tenant


@dataclass(frozen=True)
class EnrichedDeal:
    crm: str
    account: str
    record_id: str
    title: str
    payload: dict[str, Any]


def active_tenants(session: Session) -> list[Tenant]:
    return list(session.execute(select(Tenant).where(Tenant.status == "active").order_by(Tenant.created_at))
                .scalars())


def enriched_deals(session: Session, tenant: Tenant) -> list[EnrichedDeal]:
    """Every deal of the tenant with at least one enrichment, with its live card payload, by name."""
    ids = session.execute(
        select(Enrichment.record_id).where(Enrichment.tenant_id == tenant.id, Enrichment.object_type == "deal")
        .group_by(Enrichment.record_id).order_by(func.max(Enrichment.id).desc())
    ).scalars().all()
    out = []
    for record_id in ids:
        payload = card_payload(session, tenant.id, "deal", record_id)
        title = (payload.get("record") or {}).get("name") or f"Deal {record_id}"
        out.append(EnrichedDeal(tenant.crm, tenant.external_id, record_id, str(title), payload))
    return sorted(out, key=lambda d: d.title.lower())
