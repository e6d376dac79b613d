"""Render records as the CRM v3 API does, and validate property writes as HubSpot does.

Rendering rules (hubspot-api-facts.md §3.1, §8): requested properties that are defined come
back (`null` when unset), undefined ones are omitted; with none requested the type's defaults
come back; every value is a string; timestamps are ISO-8601 with milliseconds and `Z`.
"""

from __future__ import annotations

import math
from datetime import UTC, datetime
from typing import Any

from . import errors, schema
from .store import Obj, Portal, iso

MAX_STRING = 65_536


def split_list(raw: str | list[str] | None) -> list[str]:
    """Split `a,b` query values (repeatable parameters are joined first)."""
    if raw is None:
        return []
    items = raw if isinstance(raw, list) else [raw]
    return [x.strip() for item in items for x in str(item).split(",") if x.strip()]


def wanted(portal: Portal, otype: str, requested: list[str]) -> list[str]:
    """Return the property names to render: requested ∩ defined, else the type's defaults."""
    defined = portal.properties[otype]
    if requested:
        return [n for n in dict.fromkeys(requested) if n in defined]
    return [n for n in schema.SEARCH_DEFAULT_PROPERTIES.get(otype, schema.GENERIC_DEFAULT_PROPERTIES)
            if n in defined]


REDACTED_EMAIL_PROPERTIES = ("hs_email_text", "hs_email_html", "hs_body_preview", "hs_body_preview_html",
                             "hs_email_headers")
"""Email content HubSpot withholds from an app without `sales-email-read` (the subject and the
metadata stay readable; the content comes back empty)."""


def _email_redacted() -> bool:
    from flask import g, has_request_context

    grant = getattr(g, "grant", None) if has_request_context() else None
    return grant is not None and "sales-email-read" not in grant.scopes


def render(portal: Portal, otype: str, obj: Obj, props: list[str], *, history: list[str] | None = None,
           assoc_types: list[str] | None = None) -> dict[str, Any]:
    """Return the JSON of one record (SimplePublicObject[WithAssociations])."""
    values = {n: obj.properties.get(n) for n in props}
    if otype == "emails" and _email_redacted():
        values.update({n: None for n in REDACTED_EMAIL_PROPERTIES if n in values})
    out: dict[str, Any] = {
        "id": obj.id,
        "properties": values,
        "createdAt": iso(obj.created_at),
        "updatedAt": iso(obj.updated_at),
        "archived": obj.archived,
    }
    if obj.archived_at is not None:
        out["archivedAt"] = iso(obj.archived_at)
    if history:
        defined = portal.properties[otype]
        out["propertiesWithHistory"] = {n: [dict(h) for h in obj.history_of(n)] for n in history if n in defined}
    if assoc_types:
        assoc: dict[str, Any] = {}
        for raw in assoc_types:
            to_type = schema.canonical_type(raw)
            if to_type is None:
                continue
            results = [
                {"id": tid, "type": schema.association_type_name(otype, to_type, type_id, cat)}
                for tid, types in portal.associations(otype, obj.id, to_type).items()
                for cat, type_id in types
            ]
            if results:
                assoc[raw] = {"results": results}
        if assoc:
            out["associations"] = assoc
    return out


def _number(value: str) -> bool:
    try:
        return math.isfinite(float(value))
    except ValueError:
        return False


def to_datetime(value: Any) -> datetime | None:
    """Parse epoch ms or ISO-8601 (date or datetime) into an aware UTC datetime."""
    s = str(value).strip()
    if s.lstrip("-").isdigit():
        return datetime.fromtimestamp(int(s) / 1000.0, UTC)
    try:
        dt = datetime.fromisoformat(s.replace("Z", "+00:00"))
    except ValueError:
        return None
    return dt if dt.tzinfo else dt.replace(tzinfo=UTC)


def normalise(portal: Portal, otype: str, props: dict[str, Any], *, creating: bool) -> dict[str, Any]:
    """Validate and normalise a property write; return the values to store.

    Raises:
        errors.ApiError: 400 VALIDATION_ERROR listing every invalid property.
    """
    if not isinstance(props, dict):
        raise errors.validation("Invalid input JSON on line 1: properties must be an object")
    defined = portal.properties[otype]
    problems: list[tuple[str, str, str]] = []
    out: dict[str, Any] = {}
    for name, raw in props.items():
        spec = defined.get(name)
        if spec is None:
            problems.append((name, "PROPERTY_DOESNT_EXIST", f'Property "{name}" does not exist'))
            continue
        if spec["modificationMetadata"]["readOnlyValue"]:
            problems.append((name, "READ_ONLY_VALUE", f'"{name}" is a read only property; its value cannot be set.'))
            continue
        value = None if raw is None else ("true" if raw is True else "false" if raw is False else str(raw))
        if value in (None, ""):
            out[name] = ""
            continue
        problem = _check(portal, otype, spec, value)
        if problem:
            problems.append((name, *problem))
            continue
        if spec["type"] in ("datetime", "date"):
            value = iso(to_datetime(value))  # type: ignore[arg-type]
        out[name] = value
    if creating and otype in schema.ENGAGEMENTS and "hs_timestamp" not in props:
        problems.append(("hs_timestamp", "REQUIRED", "hs_timestamp is required"))
    if problems:
        raise errors.property_errors(problems)
    return out


def _check(portal: Portal, otype: str, spec: dict[str, Any], value: str) -> tuple[str, str] | None:
    name, kind = spec["name"], spec["type"]
    if kind == "number" and not _number(value):
        return "INVALID_INTEGER", f"{value} was not a valid number."
    if kind in ("datetime", "date") and to_datetime(value) is None:
        return "INVALID_DATE", f"{value} was not a valid long. Use epoch milliseconds or ISO-8601."
    if kind == "bool" and value.lower() not in ("true", "false"):
        return "INVALID_BOOLEAN", f"{value} was not a valid boolean."
    if kind == "string" and len(value) > MAX_STRING:
        return "INVALID_STRING_LENGTH", f"value too long ({len(value)} > {MAX_STRING})"
    if kind == "enumeration":
        allowed = _options(portal, otype, name, spec)
        if allowed is not None:
            parts = value.split(";") if spec["fieldType"] == "checkbox" else [value]
            bad = [p for p in parts if p not in allowed]
            if bad:
                return "INVALID_OPTION", f"{bad[0]} was not one of the allowed options: {sorted(allowed)}"
    return None


def _options(portal: Portal, otype: str, name: str, spec: dict[str, Any]) -> set[str] | None:
    if otype == "deals" and name == "dealstage":
        return {s["id"] for p in portal.pipelines["deals"] for s in p["stages"]}
    if otype == "deals" and name == "pipeline":
        return {p["id"] for p in portal.pipelines["deals"]}
    if name == "hubspot_owner_id":
        return {o["id"] for o in portal.owners}
    opts = {o["value"] for o in spec["options"]}
    return opts or None
