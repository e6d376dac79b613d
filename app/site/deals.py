"""The enriched deals (and, in a Salesforce org, Leads) of a tenant, newest enrichment per record, for the
index page and the snapshot."""

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
    object_type: str = "deal"
    """`deal`, or `lead` for a Salesforce Lead (enriched like a deal, listed apart and labelled a lead)."""


def active_tenants(session: Session) -> list[Tenant]:
    return list(session.execute(select(Tenant).where(Tenant.status == "active").order_by(Tenant.created_at))
                .scalars())


def enriched_deals(session: Session, tenant: Tenant, object_types: tuple[str, ...] = ("deal", "lead"),
                   deal_word: str = "deal") -> list[EnrichedDeal]:
    """Every deal (then every lead) of the tenant with at least one enrichment, with its live card payload,
    by name: a Salesforce demo enriches its 37 Leads too, and an index of the 40 deals alone hid them."""
    out = []
    for kind in object_types:
        ids = session.execute(
            select(Enrichment.record_id).where(Enrichment.tenant_id == tenant.id, Enrichment.object_type == kind)
            .group_by(Enrichment.record_id).order_by(func.max(Enrichment.id).desc())
        ).scalars().all()
        of_kind = []
        for record_id in ids:
            payload = card_payload(session, tenant.id, kind, record_id, deal_word=deal_word)
            title = (payload.get("record") or {}).get("name") or f"{kind.title()} {record_id}"
            of_kind.append(EnrichedDeal(tenant.crm, tenant.external_id, record_id, str(title), payload, kind))
        out += sorted(of_kind, key=lambda d: d.title.lower())
    return out
