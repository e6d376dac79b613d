"""Default field mappings: canonical feature -> (CRM field, the CRM's label).

Revenue ops can override any row per tenant in `field_mappings`; the labels appear in score
factors ("Days since last meeting: 41"). The HubSpot deal defaults use HubSpot's own default
deal properties, so a fresh portal works without configuration.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.storage.models import FieldMapping

DEFAULT_HUBSPOT_DEAL_MAPPING: dict[str, tuple[str, str]] = {
    "name": ("dealname", "Deal name"),
    "amount": ("amount", "Amount"),
    "currency": ("deal_currency_code", "Currency"),
    "stage": ("dealstage", "Deal stage"),
    "pipeline": ("pipeline", "Pipeline"),
    "close_date": ("closedate", "Close date"),
    "created_at": ("createdate", "Create date"),
    "owner_id": ("hubspot_owner_id", "Deal owner"),
    "description": ("description", "Deal description"),
    "priority": ("hs_priority", "Priority"),
    "deal_type": ("dealtype", "Deal type"),
    "forecast_probability": ("hs_deal_stage_probability", "Deal probability"),
    "last_modified": ("hs_lastmodifieddate", "Last modified date"),
}
"""The documented default mapping for HubSpot deals (see README, "Field mappings")."""

DEFAULTS = {("hubspot", "deal"): DEFAULT_HUBSPOT_DEAL_MAPPING}


def mapping_for(session: Session, tenant_id: str, crm: str, object_type: str) -> dict[str, tuple[str, str]]:
    """The tenant's mapping for an object type: defaults overlaid with the tenant's rows."""
    out = dict(DEFAULTS.get((crm, object_type), {}))
    rows = session.execute(
        select(FieldMapping).where(FieldMapping.tenant_id == tenant_id, FieldMapping.object_type == object_type)
    ).scalars()
    for row in rows:
        out[row.canonical] = (row.crm_field, row.label or row.crm_field)
    return out
