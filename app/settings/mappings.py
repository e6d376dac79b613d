"""Field mappings: canonical feature ← CRM field (inputs), our output → CRM field (outputs).

ONE default per CRM and object type comes from the tenant's connector (`default_mapping`); a
tenant's own entries overlay it and are versioned with its settings (app/settings/store). A new
entry is checked against the CRM's `describe()`: the field exists (and so is readable by our
installation: a CRM lists only what the grant can see), its type suits the feature, and an output
field is writable. A problem is a `MappingError` naming the field in the CRM's own words, e.g.
"deal property 'foo_bar' does not exist in this account".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from flask import Flask, current_app

from app.connectors import get_connector
from app.settings.schema import SettingsError
from app.settings.store import (
    State,
    Target,
    check_author,
    mapping_diff,
    read_state,
    session_for,
    state_at,
    write_version,
)
from integrations.base import OUTPUT_FIELDS, FieldSpec, is_output_field

Describe = Callable[[str], Sequence[FieldSpec]]
"""object_type → the CRM's fields of that object (CrmClient.describe)."""

Kind = Literal["number", "date", "text", "category", "code", "id", "flag", "any"]

FEATURE_KINDS: Mapping[str, Kind] = {
    "name": "text", "description": "text", "first_name": "text", "last_name": "text", "email": "text",
    "title": "text",
    "amount": "number", "stage_probability": "number", "num_contacts": "number", "num_notes": "number",
    "page_views": "number", "discount": "number", "employees": "number", "annual_revenue": "number",
    "close_date": "date", "created_at": "date", "last_modified": "date", "last_contacted_at": "date",
    "last_visit_at": "date", "churn_date": "date",
    "stage": "category", "pipeline": "category", "currency": "category", "deal_type": "category",
    "priority": "category", "lead_source": "category", "industry": "category", "country": "category",
    "owner_id": "id", "churned": "flag",
    # A person's language (es, es-MX) and IANA time zone: one value, typed or picked; values the
    # connector cannot read as one are dropped at read time with a log line (integrations/contact_locale.py).
    "language": "code", "timezone": "code",
}
"""What kind of value each canonical feature needs; a feature not listed (a tenant's own extra
feature, e.g. `segment`) takes any type: scoring treats it as a number or a category."""

CRM_TYPES: Mapping[Kind, frozenset[str]] = {
    "number": frozenset({"number", "double", "currency", "percent", "int", "integer", "long"}),
    "date": frozenset({"date", "datetime"}),
    "text": frozenset({"string", "textarea", "text", "html", "phonenumber", "phone", "email", "url",
                       "enumeration", "picklist", "combobox"}),
    "category": frozenset({"string", "enumeration", "picklist", "combobox", "multipicklist", "bool", "boolean",
                           "text"}),
    "code": frozenset({"string", "text", "enumeration", "picklist", "combobox"}),
    "id": frozenset({"string", "id", "reference", "enumeration", "picklist", "number"}),
    "flag": frozenset({"bool", "boolean", "enumeration", "picklist", "string", "number"}),
}
"""CRM field types (HubSpot's and Salesforce's spellings) that can carry each kind."""

OUTPUT_KINDS: Mapping[str, Kind] = {"number": "number", "currency": "number", "datetime": "date", "date": "date",
                                    "string": "text", "textarea": "text"}
"""An output field's declared type (Connector.output_fields) → the kind its target must carry."""

CANONICAL_NAME = re.compile(r"^[a-z][a-z0-9_]{0,79}$")
MAX_FIELD_CHARS = 120


class MappingError(SettingsError):
    """A mapping entry cannot be used; the message names the CRM field and why."""

    def __init__(self, key: str, value: Any, message: str, *, allowed: str = "a field the CRM has") -> None:
        super().__init__(key, value, allowed)
        self.args = (message,)
        self.message = message

    def __str__(self) -> str:
        return self.message


class CrmUnavailableError(RuntimeError):
    """The CRM (or the demo's sandbox) could not be asked for its fields; the message says which."""


@dataclass(frozen=True)
class MappingEntry:
    """Where one canonical feature (or output) lives in the tenant's CRM."""

    crm_field: str
    label: str
    source: Literal["default", "tenant"]

    def as_json(self) -> dict[str, str]:
        return {"crm_field": self.crm_field, "label": self.label, "source": self.source}


@dataclass(frozen=True)
class Problem:
    """A mapping entry that does not fit the CRM as it is now."""

    object_type: str
    canonical: str
    crm_field: str
    source: str
    message: str

    def as_json(self) -> dict[str, str]:
        return {"object": self.object_type, "feature": self.canonical, "crm_field": self.crm_field,
                "source": self.source, "message": self.message}


def object_types(target: Target, tenant_id: str) -> list[str]:
    """Object types the tenant's connector has a default mapping for (e.g. deal, company, contact)."""
    with session_for(target) as s:
        crm = read_state(s, tenant_id).crm
    connector = get_connector(crm, _app(target))
    return [t for t in ("deal", "company", "contact", "lead") if connector.default_mapping(t)]


def mappings(target: Target, tenant_id: str, object_type: str) -> dict[str, MappingEntry]:
    """The tenant's effective mapping of one object type: connector defaults + its own entries.

    Raises:
        UnknownTenantError: no such tenant.
        SettingsError: the object type has no mapping in this CRM.
    """
    with session_for(target) as s:
        state = read_state(s, tenant_id)
    return effective(state, object_type, _app(target))


def mappings_at(target: Target, tenant_id: str, object_type: str, version: int) -> dict[str, MappingEntry] | None:
    """The effective mapping of `object_type` as it was at settings `version`; None when no such version is stored
    (what a page opened at that version showed, for a save to tell its own changes from later ones).

    Raises:
        UnknownTenantError: no such tenant.
        SettingsError: the object type has no mapping in this CRM.
    """
    with session_for(target) as s:
        state = state_at(s, tenant_id, version)
    return None if state is None else effective(state, object_type, _app(target))


def effective(state: State, object_type: str, app: Flask) -> dict[str, MappingEntry]:
    """The mapping of `object_type` in one stored state (defaults overlaid with the tenant's)."""
    defaults = _defaults(state.crm, object_type, app)
    out = {c: MappingEntry(f, label, "default") for c, (f, label) in defaults.items()}
    for canonical, entry in (state.mappings.get(object_type) or {}).items():
        out[canonical] = MappingEntry(str(entry["field"]), str(entry.get("label") or entry["field"]), "tenant")
    return out


def set_mappings(target: Target, tenant_id: str, object_type: str, changes: Mapping[str, str | None], *,
                 author: str, describe: Describe | None = None) -> dict[str, MappingEntry]:
    """Check `changes` ({canonical: crm_field}; None returns a feature to its default) against the
    CRM's fields and store them as a new settings version.

    Args:
        describe: the CRM's fields per object type; by default the tenant's live CRM client's.

    Returns:
        The new effective mapping of `object_type`.

    Raises:
        MappingError: a field is missing, of the wrong type, or (for an output) not writable.
        SettingsError: a malformed feature name or an object type this CRM does not map.
        CrmUnavailableError: the CRM could not be asked for its fields.
        UnknownTenantError: no such tenant.
    """
    author = check_author(author)
    if not changes:
        raise SettingsError("mappings", {}, "at least one FEATURE=CRM_FIELD", problem="is empty")
    app = _app(target)
    with session_for(target) as s:
        state = read_state(s, tenant_id)
        defaults = _defaults(state.crm, object_type, app)
        fields = _fields(app, tenant_id, object_type, describe)
        words = _words(state.crm, app)
        outputs = _outputs(state.crm, object_type, app)
        overlay = {k: dict(v) for k, v in (state.mappings.get(object_type) or {}).items()}
        for canonical, crm_field in changes.items():
            _check_name(object_type, canonical)
            if crm_field is None or crm_field == "":
                overlay.pop(canonical, None)
                continue
            crm_field = str(crm_field).strip()
            problem = check_entry(object_type, canonical, crm_field, fields, words=words, outputs=outputs)
            if problem:
                raise MappingError(f"{object_type}.{canonical}", crm_field, problem)
            if canonical in defaults and defaults[canonical][0] == crm_field:
                overlay.pop(canonical, None)  # the same as the default: no tenant entry needed
            else:
                overlay[canonical] = {"field": crm_field, "label": fields[crm_field].label or crm_field}
        _check_outputs_apart(object_type, defaults, overlay, words[0],
                             get_connector(state.crm, app).watched_fields(object_type))
        new_mappings = {**state.mappings, object_type: overlay}
        if not overlay:
            new_mappings.pop(object_type)
        changed = mapping_diff(state.mappings, new_mappings)
        if changed:
            write_version(s, tenant_id, state, settings=state.settings, mappings=new_mappings, action="mappings",
                          author=author, changes=changed)
        new_state = State(state.version, state.settings, new_mappings, state.crm)
    return effective(new_state, object_type, app)


def _check_outputs_apart(object_type: str, defaults: Mapping[str, tuple[str, str]],
                         overlay: Mapping[str, Mapping[str, str]], field_word: str,
                         watched: frozenset[str] = frozenset()) -> None:
    """An output may not be written where the app reads an input, nor share a field with another
    output, nor land on a field whose change sends the app a webhook (`watched`): the app would
    read its own words back as the customer's, and each write would look like a rep's edit and
    start the pipeline again.

    Raises:
        MappingError: naming the output and the feature (or output) already on that field.
    """
    inputs = {f: c for c, (f, _label) in defaults.items() if c not in OUTPUT_FIELDS}
    inputs.update({e["field"]: c for c, e in overlay.items() if c not in OUTPUT_FIELDS})
    taken: dict[str, str] = {}
    for canonical, entry in sorted(overlay.items()):
        if canonical not in OUTPUT_FIELDS:
            continue
        crm_field = entry["field"]
        if crm_field in inputs:
            raise MappingError(f"{object_type}.{canonical}", crm_field,
                               f"{object_type} {field_word} '{crm_field}' is read as the feature {inputs[crm_field]}: "
                               f"output {canonical} needs a {field_word} the app does not read")
        if crm_field in watched:
            raise MappingError(f"{object_type}.{canonical}", crm_field,
                               _echo_problem(object_type, field_word, crm_field, canonical))
        if crm_field in taken:
            raise MappingError(f"{object_type}.{canonical}", crm_field,
                               f"{object_type} {field_word} '{crm_field}' already receives output {taken[crm_field]}")
        taken[crm_field] = canonical


def _echo_problem(object_type: str, field_word: str, crm_field: str, canonical: str) -> str:
    return (f"{object_type} {field_word} '{crm_field}' sends the app a webhook when it changes: output "
            f"{canonical} written there would start the pipeline again on every write; choose a {field_word} "
            f"the app is not subscribed to")


def validate_mappings(target: Target, tenant_id: str, object_type: str | None = None, *,
                      describe: Describe | None = None) -> list[Problem]:
    """Check the tenant's effective mappings against the CRM as it is now (a field deleted or
    retyped since it was mapped). A default the account lacks is reported too: its feature is
    simply absent from scores until mapped.

    Raises:
        CrmUnavailableError: the CRM could not be asked for the fields of any object type (one
            object type it refuses is reported as a problem of that object).
        SettingsError: `object_type` has no mapping in this CRM.
        UnknownTenantError: no such tenant.
    """
    app = _app(target)
    with session_for(target) as s:
        state = read_state(s, tenant_id)
    if object_type:
        _defaults(state.crm, object_type, app)  # an object type nothing maps is refused before asking the CRM
    kinds = [object_type] if object_type else object_types(target, tenant_id)
    words = _words(state.crm, app)
    problems = []
    unreadable: list[CrmUnavailableError] = []
    for ot in kinds:
        try:
            fields = _fields(app, tenant_id, ot, describe)
        except CrmUnavailableError as exc:
            # One object the grant cannot describe (a missing scope) is a finding, not the end.
            unreadable.append(exc)
            problems.append(Problem(ot, "*", "", "crm", str(exc)))
            continue
        outputs = _outputs(state.crm, ot, app)
        watched = get_connector(state.crm, app).watched_fields(ot)
        for canonical, entry in effective(state, ot, app).items():
            message = check_entry(ot, canonical, entry.crm_field, fields, words=words, outputs=outputs)
            if message is None and canonical in OUTPUT_FIELDS and entry.crm_field in watched:
                message = _echo_problem(ot, words[0], entry.crm_field, canonical)
            if message:
                problems.append(Problem(ot, canonical, entry.crm_field, entry.source, message))
    if unreadable and len(unreadable) == len(kinds):
        raise unreadable[0]  # nothing could be checked: the CRM is not answering
    return problems


def check_entry(object_type: str, canonical: str, crm_field: str, fields: Mapping[str, FieldSpec], *,
                words: tuple[str, str] = ("field", "account"), outputs: Mapping[str, str] | None = None) -> str | None:
    """Why `crm_field` cannot carry `canonical` (None when it can). Pure: `fields` is describe()'s."""
    field_word, account_word = words
    if len(crm_field) > MAX_FIELD_CHARS:
        return f"{object_type} {field_word} name '{crm_field[:40]}...' is longer than {MAX_FIELD_CHARS} characters"
    spec = fields.get(crm_field)
    if spec is None:
        return f"{object_type} {field_word} '{crm_field}' does not exist in this {account_word}"
    if canonical in OUTPUT_FIELDS:
        if spec.read_only:
            return (f"{object_type} {field_word} '{crm_field}' is read-only: output {canonical} needs a "
                    f"{field_word} the app can write")
        need = OUTPUT_KINDS.get((outputs or {}).get(canonical, "string"), "text")
        if spec.type not in CRM_TYPES[need]:
            return (f"{object_type} {field_word} '{crm_field}' is of type {spec.type}: output {canonical} "
                    f"needs {_kind_words(need)}")
        return None
    if is_output_field(crm_field):
        return (f"{object_type} {field_word} '{crm_field}' is one of the app's own output fields; "
                f"a feature cannot be read from it")
    kind = FEATURE_KINDS.get(canonical, "any")
    if kind != "any" and spec.type not in CRM_TYPES[kind]:
        return (f"{object_type} {field_word} '{crm_field}' is of type {spec.type}: {canonical} needs "
                f"{_kind_words(kind)}")
    return None


def _kind_words(kind: Kind) -> str:
    return {"number": "a number", "date": "a date or datetime", "text": "text", "category": "a text or picklist value",
            "code": "one text or picklist value (a code such as es or America/Los_Angeles)",
            "id": "an id or picklist", "flag": "a yes/no value", "any": "any value"}[kind] + \
        f" ({', '.join(sorted(CRM_TYPES.get(kind, ())))})"


def _check_name(object_type: str, canonical: str) -> None:
    if not isinstance(canonical, str) or not CANONICAL_NAME.match(canonical):
        raise SettingsError(f"{object_type}.{canonical}", canonical,
                            "a lower-case feature name (letters, digits, _; at most 80)",
                            problem="is not a feature name")


def _app(target: Target) -> Flask:
    if isinstance(target, Flask):
        return target
    return current_app._get_current_object()  # type: ignore[attr-defined, no-any-return]


def _defaults(crm: str, object_type: str, app: Flask) -> dict[str, tuple[str, str]]:
    connector = get_connector(crm, app)
    table = connector.default_mapping(object_type)
    if not table:
        known = [t for t in ("deal", "company", "contact", "lead") if connector.default_mapping(t)]
        raise SettingsError("object", object_type, "one of: " + ", ".join(known), problem="has no field mapping")
    out = {}
    for canonical, value in table.items():
        crm_field, label = (value, value) if isinstance(value, str) else (str(value[0]), str(value[1]))
        out[canonical] = (crm_field, label)
    return out


def _words(crm: str, app: Flask) -> tuple[str, str]:
    """How the CRM names a field and an account ("property"/"account", "field"/"org")."""
    connector = get_connector(crm, app)
    return (str(getattr(connector, "field_word", "field")), str(getattr(connector, "account_word", "account")))


def _outputs(crm: str, object_type: str, app: Flask) -> dict[str, str]:
    """Our output stems → their declared type, for outputs written on this object type."""
    out = {}
    for f in get_connector(crm, app).output_fields():
        if getattr(f, "object_type", "deal") == object_type:
            stem = f.name.lower().removesuffix("__c")
            if stem in OUTPUT_FIELDS:
                out[stem] = f.type
    return out


def _fields(app: Flask, tenant_id: str, object_type: str, describe: Describe | None) -> dict[str, FieldSpec]:
    if describe is None:
        from app.tenants import client_for

        def describe(ot: str) -> Sequence[FieldSpec]:
            return client_for(tenant_id, app).describe(ot)
    try:
        specs = describe(object_type)
    except (SettingsError, LookupError):
        raise
    except Exception as exc:  # connection refused, timeout, auth: one line, not a traceback
        raise CrmUnavailableError(f"cannot read the {object_type} fields of {tenant_id} from its CRM: "
                                  f"{_reason(app, tenant_id, exc)}") from exc
    return {f.name: f for f in specs}


REFUSED = ("Connection refused", "Failed to establish a new connection", "Name or service not known")
SANDBOX_CA_GONE = "Could not find a suitable TLS CA certificate bundle"
"""What requests says when the CA file is missing: a demo sandbox that speaks HTTPS keeps its CA in a
temporary folder removed when it stops, so in sandbox mode this means the sandbox is not running."""


def _reason(app: Flask, tenant_id: str, exc: Exception) -> str:
    """Why the CRM could not be asked, in one line (a sandbox that is not running said plainly)."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    gone = bool(app.config.get("SANDBOX_MODE")) and SANDBOX_CA_GONE in text
    if gone or isinstance(exc, ConnectionError) or any(marker in text for marker in REFUSED):
        from app.storage import get_db
        from app.tenants import active_installation

        with get_db(app).session() as s:
            inst = active_installation(s, tenant_id)
            where = (inst.api_base if inst is not None else None) or "its API"
        hint = " (is the demo's sandbox running? start `agentic-sales demo` again)" \
            if app.config.get("SANDBOX_MODE") else ""
        return f"nothing answers at {where}{hint}"
    return text[:200]
