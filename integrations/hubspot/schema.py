"""Object metadata: describe a HubSpot object, list pipelines, ensure our output properties exist."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from hubspot.crm.properties import PropertyCreate, PropertyGroupCreate

from integrations.base import OUTPUT_FIELDS, FieldSpec, Pipeline
from integrations.errors import CrmConflict, CrmNotFound
from integrations.hubspot.mapping import pipeline_from
from integrations.hubspot.session import ApiSession

GROUP_NAME = "agentic_sales"
"""HubSpot property group holding every output field (DESIGN.md, Output fields)."""

GROUP_LABEL = "Agentic sales (AI)"

OUTPUT_PROPERTIES: Mapping[str, Mapping[str, Any]] = {
    "ai_conversion_score": {"label": "AI conversion score (1-99)", "type": "number", "field_type": "number"},
    "ai_conversion_probability": {"label": "AI conversion probability", "type": "number",
                                  "field_type": "number"},
    "ai_churn_risk": {"label": "AI churn risk", "type": "number", "field_type": "number"},
    "ai_clv": {"label": "AI customer lifetime value", "type": "number", "field_type": "number"},
    "ai_best_discount": {"label": "AI best discount", "type": "number", "field_type": "number"},
    # Free text rather than an enumeration: tenants edit the strategy catalogue, and an option
    # missing from a HubSpot enumeration would make every later write fail validation.
    "ai_strategy": {"label": "AI strategy", "type": "string", "field_type": "text"},
    "ai_next_best_action": {"label": "AI next best action", "type": "string", "field_type": "textarea"},
    "ai_summary": {"label": "AI summary", "type": "string", "field_type": "textarea"},
    "ai_enriched_at": {"label": "AI enriched at", "type": "datetime", "field_type": "date"},
    "ai_model_version": {"label": "AI model version", "type": "string", "field_type": "text"},
}
"""HubSpot definition of each output field (valid type/fieldType pairs per reference §3.2).

hubspot-api-client 12's PropertyCreate has no `numberDisplayHint`, so probabilities are plain
numbers in 0..1 and the score is 1..99, as DESIGN.md defines them."""

assert tuple(OUTPUT_PROPERTIES) == OUTPUT_FIELDS, "keep in step with integrations.base.OUTPUT_FIELDS"


def describe(session: ApiSession, object_type: str) -> list[FieldSpec]:
    """List an object's properties as FieldSpecs (read-only when HubSpot says so)."""
    resp = session.call(session.apis.properties.get_all, object_type, archived=False)
    out = []
    for p in resp.results or ():
        d = p.to_dict()
        meta = d.get("modification_metadata") or {}
        shown = [o for o in d.get("options") or () if not o.get("hidden")]
        out.append(FieldSpec(
            name=d["name"], label=d.get("label") or d["name"], type=d.get("type") or "string",
            group=d.get("group_name"),
            options=tuple(str(o.get("value")) for o in shown),
            read_only=bool(meta.get("read_only_value") or d.get("calculated")),
            option_labels=tuple((str(o.get("value")), str(o.get("label") or o.get("value"))) for o in shown),
        ))
    return out


def list_pipelines(session: ApiSession, object_type: str = "deals") -> list[Pipeline]:
    """Return the object's pipelines with each stage's kind (open/won/lost)."""
    resp = session.call(session.apis.pipelines.get_all, object_type)
    return [pipeline_from(p.to_dict()) for p in resp.results or () if not p.archived]


def ensure_output_fields(session: ApiSession, object_type: str = "deals") -> list[str]:
    """Create the `agentic_sales` group and any missing output property; safe to repeat.

    Returns:
        The names of the properties created by this call (empty when all existed).
    """
    try:
        session.call(session.apis.groups.get_by_name, object_type, GROUP_NAME)
    except CrmNotFound:
        try:
            session.call(session.apis.groups.create, object_type,
                         PropertyGroupCreate(name=GROUP_NAME, label=GROUP_LABEL, display_order=-1))
        except CrmConflict:
            pass  # another worker created it between our read and write
    existing = {p.name for p in describe(session, object_type)}
    created = []
    for order, (name, spec) in enumerate(OUTPUT_PROPERTIES.items()):
        if name in existing:
            continue
        body = PropertyCreate(name=name, group_name=GROUP_NAME, display_order=order,
                              description="Written by the agentic sales app; edits are overwritten.",
                              **spec)
        try:
            session.call(session.apis.properties.create, object_type, body)
        except CrmConflict:
            continue
        created.append(name)
    return created
