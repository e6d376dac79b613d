"""HubSpot properties → canonical Record, through a field mapping.

Pure functions over plain dicts (property name → string value, as HubSpot sends them); the
adapter converts SDK models to dicts before calling in here, so this module never sees an SDK
type and is unit-tested without HTTP.

The default deal mapping (canonical field ← HubSpot property) is:

    name ← dealname            amount ← amount            currency ← deal_currency_code
    stage ← dealstage          pipeline ← pipeline        close_date ← closedate
    created_at ← createdate    owner_id ← hubspot_owner_id

plus `extra` features (feature name ← property) in `DEFAULT_DEAL_EXTRA`. A tenant's mapping
overrides any of these (`FieldMapping.from_dict`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from integrations.base import (
    CLOSE_DATE_HISTORY_KEY,
    OPT_OUT_CANONICAL,
    OPT_OUT_KEY,
    PAGE_VIEW_HISTORY_KEY,
    SALUTATIONS_KEY,
    Activity,
    ClosedWonDeal,
    Company,
    Contact,
    History,
    Owner,
    Pipeline,
    Record,
    Stage,
    StageChange,
    is_opt_out,
)
from integrations.contact_locale import canonical_language, canonical_zone

DEFAULT_DEAL_FIELDS: Mapping[str, str] = {
    "name": "dealname",
    "amount": "amount",
    "currency": "deal_currency_code",
    "stage": "dealstage",
    "pipeline": "pipeline",
    "close_date": "closedate",
    "created_at": "createdate",
    "owner_id": "hubspot_owner_id",
}
"""Canonical deal field ← HubSpot default deal property."""

DEFAULT_DEAL_EXTRA: Mapping[str, str] = {
    "deal_type": "dealtype",
    "description": "description",
    "stage_probability": "hs_deal_stage_probability",
    "num_contacts": "num_associated_contacts",
    "num_notes": "num_notes",
    "last_contacted_at": "notes_last_contacted",
}
"""Extra features (Record.extra) ← HubSpot deal property; absent properties are skipped."""

DEFAULT_COMPANY_FIELDS: Mapping[str, str] = {
    "name": "name",
    "industry": "industry",
    "employees": "numberofemployees",
    "annual_revenue": "annualrevenue",
    "country": "country",
}

DEFAULT_COMPANY_EXTRA: Mapping[str, str] = {
    "churned": "churned",
    "churn_date": "churned_on",
}
"""Company-level labels copied into each deal's Record.extra (the churn model's label and its
date; custom company properties, skipped when the portal does not have them)."""

DEFAULT_CONTACT_FIELDS: Mapping[str, str] = {
    "first_name": "firstname",
    "last_name": "lastname",
    "email": "email",
    "title": "jobtitle",
    "created_at": "createdate",
    "page_views": "hs_analytics_num_page_views",
    "last_visit_at": "hs_analytics_last_visit_timestamp",
    "salutation": "salutation",
    "language": "hs_language",
    "timezone": "hs_timezone",
}

STANDARD_OPT_OUT_PROPERTIES: tuple[str, ...] = ("hs_email_optout",)
"""HubSpot's own "Unsubscribed from all email" contact flag (read-only, "true" when set): always
read and always honoured, whatever the tenant maps as its own opt-out field."""

DEFAULT_LABELS: Mapping[str, str] = {
    "dealname": "Deal Name", "amount": "Amount", "deal_currency_code": "Currency", "dealstage": "Deal Stage",
    "pipeline": "Pipeline", "closedate": "Close Date", "createdate": "Create Date", "hubspot_owner_id": "Owner",
    "dealtype": "Deal Type", "description": "Deal Description", "hs_deal_stage_probability": "Deal Stage Probability",
    "num_associated_contacts": "Number of Associated Contacts", "num_notes": "Number of Sales Activities",
    "notes_last_contacted": "Last Contacted", "name": "Name", "industry": "Industry",
    "numberofemployees": "Number of Employees", "annualrevenue": "Annual Revenue", "country": "Country/Region",
    "firstname": "First Name", "lastname": "Last Name", "email": "Email", "jobtitle": "Job Title",
    "salutation": "Salutation", "hs_language": "Preferred language", "hs_timezone": "Time Zone",
    "hs_analytics_num_page_views": "Number of Pageviews",
    "hs_analytics_last_visit_timestamp": "Time of Last Session",
    "churned": "Churned customer", "churned_on": "Churned on",
}
"""HubSpot's own labels of the default properties (what `describe` reports in a fresh portal)."""


def default_mapping(object_type: str) -> dict[str, tuple[str, str]]:
    """THE default mapping of an object type: canonical feature → (HubSpot property, its label).

    Deals include the extra features; company labels (churn) are company-level extras.
    """
    tables: dict[str, Mapping[str, str]] = {
        "deal": {**DEFAULT_DEAL_FIELDS, **DEFAULT_DEAL_EXTRA},
        "company": {**DEFAULT_COMPANY_FIELDS, **DEFAULT_COMPANY_EXTRA},
        "contact": DEFAULT_CONTACT_FIELDS,
    }
    return {canonical: (prop, DEFAULT_LABELS.get(prop, prop))
            for canonical, prop in tables.get(object_type, {}).items()}


ACTIVITY_TYPES: Mapping[str, str] = {
    "emails": "email",
    "calls": "call",
    "meetings": "meeting",
    "notes": "note",
    "tasks": "task",
}
"""HubSpot engagement object type → canonical activity type."""

ACTIVITY_PROPERTIES: Mapping[str, Mapping[str, str]] = {
    "emails": {"subject": "hs_email_subject", "body": "hs_email_text", "direction": "hs_email_direction"},
    "calls": {"subject": "hs_call_title", "body": "hs_call_body", "direction": "hs_call_direction"},
    "meetings": {"subject": "hs_meeting_title", "body": "hs_meeting_body"},
    "notes": {"body": "hs_note_body"},
    "tasks": {"subject": "hs_task_subject", "body": "hs_task_body"},
}
"""Canonical activity part ← engagement property; every engagement also has `hs_timestamp`."""

DIRECTIONS: Mapping[str, str] = {
    "EMAIL": "outbound",
    "FORWARDED_EMAIL": "outbound",
    "INCOMING_EMAIL": "inbound",
    "OUTBOUND": "outbound",
    "INBOUND": "inbound",
}
"""HubSpot email/call direction values → canonical direction."""

PRIMARY_LABEL = "primary"


@dataclass(frozen=True)
class FieldMapping:
    """A tenant's field mapping: canonical name ← HubSpot property, per object."""

    deal: Mapping[str, str] = field(default_factory=lambda: dict(DEFAULT_DEAL_FIELDS))
    extra: Mapping[str, str] = field(default_factory=lambda: dict(DEFAULT_DEAL_EXTRA))
    company: Mapping[str, str] = field(default_factory=lambda: dict(DEFAULT_COMPANY_FIELDS))
    contact: Mapping[str, str] = field(default_factory=lambda: dict(DEFAULT_CONTACT_FIELDS))
    company_extra: Mapping[str, str] = field(default_factory=lambda: dict(DEFAULT_COMPANY_EXTRA))

    @classmethod
    def from_dict(cls, d: Mapping[str, Any] | None) -> FieldMapping:
        """Overlay a stored mapping ({"deal": {...}, "extra": {...}, ...}) on the defaults."""
        d = d or {}
        return cls(
            deal={**DEFAULT_DEAL_FIELDS, **(d.get("deal") or {})},
            extra={**DEFAULT_DEAL_EXTRA, **(d.get("extra") or {})},
            company={**DEFAULT_COMPANY_FIELDS, **(d.get("company") or {})},
            contact={**DEFAULT_CONTACT_FIELDS, **(d.get("contact") or {})},
            company_extra={**DEFAULT_COMPANY_EXTRA, **(d.get("company_extra") or {})},
        )

    def deal_history_properties(self) -> list[str]:
        """Deal properties read with their history: the stage (stage changes) and the close date
        (the close a rep expected at any past moment; see `close_date_history`)."""
        return [self.deal["stage"], self.deal["close_date"]]

    def contact_properties(self) -> list[str]:
        """HubSpot contact properties to request for a Record (the mapping and the opt-out flags)."""
        return sorted({*self.contact.values(), *STANDARD_OPT_OUT_PROPERTIES})

    def opt_out_properties(self) -> tuple[str, ...]:
        """Contact properties any of which marks an opt-out: HubSpot's flag and the tenant's field."""
        own = self.contact.get(OPT_OUT_CANONICAL)
        return (*STANDARD_OPT_OUT_PROPERTIES, *((own,) if own else ()))

    def deal_properties(self) -> list[str]:
        """HubSpot deal properties to request for a Record."""
        return sorted({*self.deal.values(), *self.extra.values(), "hs_lastmodifieddate"})


def iso(value: Any) -> str | None:
    """Normalise a HubSpot timestamp (ISO string, epoch ms, datetime) to ISO-8601 UTC with `Z`."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        dt = value if value.tzinfo else value.replace(tzinfo=UTC)
    else:
        text = str(value).strip()
        if text.lstrip("-").isdigit():
            dt = datetime.fromtimestamp(int(text) / 1000.0, tz=UTC)  # HubSpot sends epoch *ms*
        else:
            try:
                dt = datetime.fromisoformat(text.replace("Z", "+00:00"))
            except ValueError:
                return None
            if dt.tzinfo is None:
                dt = dt.replace(tzinfo=UTC)
    return dt.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def to_ms(value: Any) -> int | None:
    """Return a HubSpot timestamp as epoch milliseconds (for comparisons and filters)."""
    text = iso(value)
    if text is None:
        return None
    return int(datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp() * 1000)


def day(value: Any) -> str | None:
    """Return a HubSpot date or datetime as `YYYY-MM-DD` (UTC)."""
    text = iso(value)
    return text[:10] if text else None


def number(value: Any) -> float | None:
    if value is None or value == "":
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def scalar(value: Any) -> Any:
    """Decode a HubSpot property string: numbers become int/float, anything else stays as is.

    HubSpot sends every value as a string; features like `num_contacts` should reach scoring as
    numbers, while ids, codes and free text must not (only plain decimal forms are converted).
    """
    if not isinstance(value, str):
        return value
    text = value.strip()
    if text.lstrip("-").isdigit():
        # 13+ digits are ids or epoch milliseconds: keep them as the strings HubSpot sent.
        return int(text) if len(text.lstrip("-")) < 13 else value
    try:
        if text and text.replace(".", "", 1).lstrip("-").isdigit():
            return float(text)
    except ValueError:
        pass
    return value


def integer(value: Any) -> int | None:
    n = number(value)
    return int(n) if n is not None else None


def stage_kind(metadata: Mapping[str, Any] | None) -> str:
    """Classify a pipeline stage from HubSpot's metadata (`isClosed` is the *string* "true")."""
    metadata = metadata or {}
    closed = str(metadata.get("isClosed", "false")).lower() == "true"
    if not closed:
        return "open"
    probability = number(metadata.get("probability"))
    return "won" if probability is not None and probability >= 1.0 else "lost"


def pipeline_from(data: Mapping[str, Any]) -> Pipeline:
    """Build a Pipeline from a pipelines-API result dict (SDK `to_dict()` keys)."""
    stages = tuple(
        Stage(id=str(s["id"]), label=str(s.get("label") or s["id"]), kind=stage_kind(s.get("metadata")),
              probability=number((s.get("metadata") or {}).get("probability")),
              display_order=int(s.get("display_order") or 0))
        for s in data.get("stages") or ()
    )
    return Pipeline(id=str(data["id"]), label=str(data.get("label") or data["id"]),
                    stages=tuple(sorted(stages, key=lambda s: s.display_order)))


def owner_from(data: Mapping[str, Any] | None) -> Owner | None:
    """Build an Owner from the owners API JSON (raw keys; `timezone` when the source has one)."""
    if not data:
        return None
    name = " ".join(p for p in (data.get("firstName"), data.get("lastName")) if p) or None
    tz = data.get("timezone") or data.get("timeZone")
    return Owner(id=str(data["id"]), name=name, email=data.get("email"), timezone=tz or None)


def company_from(obj_id: str, props: Mapping[str, Any], mapping: FieldMapping) -> Company:
    m = mapping.company
    return Company(
        id=str(obj_id),
        name=props.get(m["name"]) or None,
        industry=props.get(m["industry"]) or None,
        employees=integer(props.get(m["employees"])),
        annual_revenue=number(props.get(m["annual_revenue"])),
        country=props.get(m["country"]) or None,
    )


def contact_from(obj_id: str, props: Mapping[str, Any], mapping: FieldMapping, *, is_primary: bool) -> Contact:
    m = mapping.contact
    name = " ".join(p for p in (props.get(m["first_name"]), props.get(m["last_name"])) if p) or None
    # The contact's own language and zone decide the draft's language and meeting times before the
    # company's country does; a value that names neither is dropped (and logged) in contact_locale.
    language_field = m.get("language") or DEFAULT_CONTACT_FIELDS["language"]
    zone_field = m.get("timezone") or DEFAULT_CONTACT_FIELDS["timezone"]
    return Contact(id=str(obj_id), name=name, email=props.get(m["email"]) or None,
                   title=props.get(m["title"]) or None, is_primary=is_primary,
                   language=canonical_language(props.get(language_field), field=language_field,
                                               contact_id=str(obj_id), crm="hubspot"),
                   timezone=canonical_zone(props.get(zone_field), field=zone_field, contact_id=str(obj_id),
                                           crm="hubspot"),
                   added_at=iso(props.get(m.get("created_at") or "createdate")))


def is_primary_association(types: Iterable[Mapping[str, Any]], primary_type_ids: Iterable[int] = ()) -> bool:
    """Tell whether v4 association types mark the primary one (label "Primary" or a primary type id)."""
    ids = set(primary_type_ids)
    for t in types:
        if PRIMARY_LABEL in str(t.get("label") or "").lower():
            return True
        if t.get("type_id") in ids or t.get("typeId") in ids:
            return True
    return False


def activity_from(object_type: str, props: Mapping[str, Any], *, marker: str | None = None) -> Activity | None:
    """Build an Activity from an engagement's properties; None if it has no time or is ours."""
    at = iso(props.get("hs_timestamp") or props.get("hs_createdate") or props.get("createdate"))
    if at is None:
        return None
    parts = ACTIVITY_PROPERTIES.get(object_type, {})
    subject = props.get(parts["subject"]) if "subject" in parts else None
    body = props.get(parts["body"]) if "body" in parts else None
    if marker and object_type in ("notes", "tasks") and marker in f"{subject or ''} {body or ''}":
        return None  # the app's own task/note: feeding it back to the models would be an echo
    raw_dir = props.get(parts["direction"]) if "direction" in parts else None
    return Activity(type=ACTIVITY_TYPES[object_type], at=at, direction=DIRECTIONS.get(str(raw_dir or "").upper()),
                    subject=subject or None, body=body or None)


def page_view_activities(contacts: Iterable[tuple[str, Mapping[str, Any]]], mapping: FieldMapping) -> list[Activity]:
    """Turn contacts' analytics properties into `page_view` activities (one per last visit)."""
    out = []
    m = mapping.contact
    for _cid, props in contacts:
        at = iso(props.get(m["last_visit_at"]))
        views = integer(props.get(m["page_views"]))
        if at and views:
            out.append(Activity(type="page_view", at=at, subject=f"{views} page views"))
    return out


def page_view_history(histories: Iterable[Mapping[str, Any]], mapping: FieldMapping) -> list[list[Any]]:
    """The contacts' web sessions, `[[iso time, pages], ...]` oldest first, from their page-view histories.

    `histories` holds each contact's `propertiesWithHistory`. Every dated value of the count is
    a session whose pages are the rise since the value before, so views and the last visit can
    be rebuilt as of any past moment (a training snapshot), which the current count and the
    last-visit property cannot (see scoring.features, module docstring).
    """
    out = []
    for history in histories:
        rows = sorted(((at, integer(h.get("value")) or 0) for h in history.get(mapping.contact["page_views"]) or ()
                       if (at := iso(h.get("timestamp")))), key=lambda r: r[0])
        before = 0
        for at, total in rows:
            if total > before:
                out.append([at, total - before])
            before = max(before, total)
    return sorted(out)


def close_date_history(history: Iterable[Mapping[str, Any]]) -> list[list[str]]:
    """Every value the deal's close date held, `[[iso time set, iso date], ...]` oldest first, from
    `propertiesWithHistory.closedate` (rows without a readable time or value are left out)."""
    rows = [[at, value] for h in history if (at := iso(h.get("timestamp"))) and (value := iso(h.get("value")))]
    return sorted(rows)


def stage_changes(history: Iterable[Mapping[str, Any]]) -> tuple[StageChange, ...]:
    """Build the stage history, oldest first, from `propertiesWithHistory.dealstage`."""
    changes = [StageChange(stage=str(h["value"]), at=iso(h.get("timestamp")) or "")
               for h in history if h.get("value")]
    return tuple(sorted(changes, key=lambda c: c.at))


def won_deal(props: Mapping[str, Any], deal: Mapping[str, str]) -> ClosedWonDeal:
    """A won deal's date (close, else creation), amount and own currency from its HubSpot properties."""
    date = day(props.get(deal["close_date"])) or day(props.get(deal["created_at"])) or ""
    return ClosedWonDeal(date=date, amount=number(props.get(deal["amount"])) or 0.0,
                         currency=props.get(deal.get("currency") or "deal_currency_code") or None)


def closed_won_from(deals: Iterable[Mapping[str, Any]], mapping: FieldMapping,
                    stage_kinds: Mapping[str, str], *, exclude_id: str) -> tuple[ClosedWonDeal, ...]:
    """The company's other won deals as (date, amount), oldest first."""
    m = mapping.deal
    won = []
    for d in deals:
        props = d.get("properties") or {}
        if str(d.get("id")) == str(exclude_id) or stage_kinds.get(str(props.get(m["stage"]))) != "won":
            continue
        won.append(won_deal(props, m))
    return tuple(sorted(won, key=lambda w: w.date))


def record_from(
    *,
    tenant_id: str,
    deal_id: str,
    props: Mapping[str, Any],
    mapping: FieldMapping,
    stage_kinds: Mapping[str, str],
    owner: Owner | None,
    company: Company | None,
    contacts: Iterable[Contact],
    activities: Iterable[Activity],
    history: History,
    contact_props: Iterable[tuple[str, Mapping[str, Any]]] = (),
    company_props: Mapping[str, Any] | None = None,
    contact_histories: Iterable[Mapping[str, Any]] = (),
    close_date_changes: Iterable[Mapping[str, Any]] | None = None,
) -> Record:
    """Assemble the canonical deal Record from its parts."""
    m = mapping.deal
    extra: dict[str, Any] = {}
    for feature, prop in mapping.extra.items():
        if props.get(prop) not in (None, ""):
            extra[feature] = scalar(props[prop])
    company_values: Mapping[str, Any] = company_props or {}
    for feature, prop in mapping.company_extra.items():
        if company_values.get(prop) not in (None, ""):
            extra[feature] = scalar(company_values[prop])
    views = [integer(p.get(mapping.contact["page_views"])) or 0 for _c, p in contact_props]
    if views:
        extra["page_views"] = sum(views)
    visits = [t for _c, p in contact_props if (t := iso(p.get(mapping.contact["last_visit_at"])))]
    if visits:
        extra["last_visit_at"] = max(visits)
    histories = list(contact_histories)
    if histories:
        # Set even when empty: absent would read as "unknown", and whether a contact ever
        # visits (later) must not tell a past snapshot apart.
        extra[PAGE_VIEW_HISTORY_KEY] = page_view_history(histories, mapping)
    if close_date_changes is not None:
        # Set even when empty, as the page-view history: the close date's history was read.
        extra[CLOSE_DATE_HISTORY_KEY] = close_date_history(close_date_changes)
    salutation = mapping.contact.get("salutation") or DEFAULT_CONTACT_FIELDS["salutation"]
    salutations = {str(cid): said for cid, p in contact_props if (said := str(p.get(salutation) or "").strip())}
    if salutations:
        extra[SALUTATIONS_KEY] = salutations
    flags = mapping.opt_out_properties()
    opted_out = sorted({str(cid) for cid, p in contact_props if any(is_opt_out(p.get(f)) for f in flags)})
    if opted_out:
        extra[OPT_OUT_KEY] = opted_out
    stage = props.get(m["stage"]) or None
    return Record(
        crm="hubspot",
        tenant_id=tenant_id,
        object_type="deal",
        id=str(deal_id),
        name=props.get(m["name"]) or None,
        amount=number(props.get(m["amount"])),
        currency=props.get(m["currency"]) or None,
        stage=stage,
        stage_kind=stage_kinds.get(str(stage), "open"),
        pipeline=props.get(m["pipeline"]) or None,
        close_date=day(props.get(m["close_date"])),
        created_at=iso(props.get(m["created_at"])),
        owner=owner,
        company=company,
        contacts=tuple(sorted(contacts, key=lambda c: (not c.is_primary, c.id))),
        activities=tuple(sorted(activities, key=lambda a: a.at)),
        history=history,
        extra=extra,
    )
