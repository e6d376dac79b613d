"""Salesforce REST JSON (SOQL rows) -> canonical Record, as pure functions.

Lead and Contact are people, Account an account (Company), Opportunity a deal. The default
deal mapping (canonical ← Opportunity field) is in DEFAULT_DEAL_MAPPING; a tenant's own mapping
rows overlay it (`deal_sources`), and every feature that is not a Record attribute goes to `extra`. Dates come as `2026-05-20T20:49:32.000+0000`; we hand ISO-8601 with `+00:00`
to the rest of the app.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from integrations.base import (
    CLOSE_DATE_HISTORY_KEY,
    OPT_OUT_KEY,
    OUTPUT_FIELDS,
    SALUTATIONS_KEY,
    Activity,
    ClosedWonDeal,
    Company,
    Contact,
    History,
    OutputField,
    Owner,
    Record,
    StageChange,
    TaskRef,
    is_opt_out,
)
from integrations.contact_locale import canonical_language, canonical_zone
from integrations.money import RATES_KEY, RateTable
from integrations.salesforce import constants

DEFAULT_DEAL_MAPPING: dict[str, tuple[str, str]] = {
    "name": ("Name", "Opportunity name"),
    "amount": ("Amount", "Amount"),
    "currency": ("CurrencyIsoCode", "Currency"),
    "stage": ("StageName", "Stage"),
    "close_date": ("CloseDate", "Close date"),
    "created_at": ("CreatedDate", "Created date"),
    "owner_id": ("OwnerId", "Opportunity owner"),
    "description": ("Description", "Description"),
    "deal_type": ("Type", "Opportunity type"),
    "stage_probability": ("Probability", "Probability (%)"),
    "lead_source": ("LeadSource", "Lead source"),
    "last_modified": ("LastModifiedDate", "Last modified date"),
}
"""Canonical field ← Opportunity field (with the label Salesforce shows), the default mapping."""

DEFAULT_ACCOUNT_MAPPING: dict[str, tuple[str, str]] = {
    "churned": ("Churned__c", "Churned Customer"),
    "churn_date": ("Churned_On__c", "Churned On"),
}
"""Canonical label ← Account field, the default company mapping: the churn model's label and its
date (checkbox and date the package adds; the customer's team fills them when a customer leaves).
Copied into each Opportunity's Record.extra under the canonical names, which scoring keeps out
of the features (scoring/features.py TARGET_LIKE_KEYS), as HubSpot's company churn properties."""

DEFAULT_PERSON_MAPPING: dict[str, tuple[str, str]] = {
    "name": ("Name", "Full Name"),
    "email": ("Email", "Email"),
    "title": ("Title", "Title"),
    "salutation": ("Salutation", "Salutation"),
}
"""Canonical person feature ← Contact (and Lead) field, the default mapping of both objects. Salesforce
has no standard field for a person's language or time zone: an admin maps their own custom fields
(`language ← Preferred_Language__c`, `timezone ← Time_Zone__c`) on each object (docs/admin.md)."""

PERSON_FEATURES = frozenset({*DEFAULT_PERSON_MAPPING, "language", "timezone"})
"""The person features a Contact or Lead mapping can move (other mapped names are not read)."""

OPTIONAL_DEAL_FIELDS: dict[str, str] = {"discount": "Discount_Percent__c"}
"""Features from fields many orgs have but some lack (a missing one is dropped, not an error)."""

DEAL_FIELDS = ("Id", "Name", "Amount", "StageName", "Probability", "CloseDate", "CreatedDate",
               "LastModifiedDate", "Type", "Description", "LeadSource", "IsClosed", "IsWon", "AccountId", "OwnerId")
ACCOUNT_FIELDS = ("Id", "Name", "Industry", "NumberOfEmployees", "AnnualRevenue", "BillingCountry")
OWNER_FIELDS = ("Id", "Name", "Email", "TimeZoneSidKey")
STANDARD_OPT_OUT_FIELD = "HasOptedOutOfEmail"
"""Salesforce's own "Email Opt Out" checkbox on Contact and Lead: always read, always honoured."""
CONTACT_FIELDS = ("Id", "Name", "Salutation", "Email", "Title", STANDARD_OPT_OUT_FIELD)
OPTIONAL_CONTACT_FIELDS = {"page_views": "Page_Views__c"}
TASK_FIELDS = ("Id", "Subject", "Description", "Status", "TaskSubtype", "CallType", "ActivityDate", "CreatedDate",
               "IsClosed", constants.IDEMPOTENCY_FIELD)
EVENT_FIELDS = ("Subject", "Description", "StartDateTime")
EMAIL_FIELDS = ("Subject", "TextBody", "Incoming", "MessageDate")

OUTPUT_LABELS = {
    "ai_conversion_score": ("AI Conversion Score", "number"),
    "ai_conversion_probability": ("AI Conversion Probability", "number"),
    "ai_churn_risk": ("AI Churn Risk", "number"),
    "ai_clv": ("AI Customer Lifetime Value", "currency"),
    "ai_best_discount": ("AI Best Discount", "number"),
    "ai_strategy": ("AI Strategy", "string"),
    "ai_next_best_action": ("AI Next Best Action", "string"),
    "ai_summary": ("AI Summary", "textarea"),
    "ai_enriched_at": ("AI Enriched At", "datetime"),
    "ai_model_version": ("AI Model Version", "string"),
}


OUTPUT_LENGTHS = {"ai_strategy": 80, "ai_next_best_action": 255, "ai_summary": 32768, "ai_model_version": 80}
"""Text lengths of the packaged output fields (longer values are cut, not refused)."""


def output_value(stem: str, value: Any) -> Any:
    """A pipeline value (HubSpot-style strings: numbers, epoch-ms datetimes) as the SF field type."""
    kind = OUTPUT_LABELS.get(stem, ("", "string"))[1]
    if value is None or value == "":
        return None
    if kind in ("number", "currency"):
        return _num(value)
    if kind == "datetime":
        t: datetime | None
        if isinstance(value, datetime):
            t = value
        elif str(value).isdigit():
            t = datetime.fromtimestamp(int(value) / 1000.0, UTC)
        else:
            parsed = iso(value)
            t = datetime.fromisoformat(parsed) if parsed else None
        return t.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond // 1000:03d}Z" if t else None
    text = str(value)
    limit = OUTPUT_LENGTHS.get(stem)
    return text[:limit] if limit else text


def api_name(stem: str) -> str:
    """`ai_conversion_score` -> `AI_Conversion_Score__c` (DESIGN: same stem, Salesforce spelling)."""
    parts = stem.split("_")
    words = ["AI" if p == "ai" else "CLV" if p == "clv" else p.capitalize() for p in parts]
    return "_".join(words) + "__c"


def output_fields() -> tuple[OutputField, ...]:
    return tuple(OutputField(api_name(stem), OUTPUT_LABELS[stem][0], OUTPUT_LABELS[stem][1],
                             object_type=obj)
                 for obj in ("deal", "lead", "company") for stem in OUTPUT_FIELDS)


def output_field_names() -> tuple[str, ...]:
    return tuple(api_name(s) for s in OUTPUT_FIELDS)


_TZ = re.compile(r"([+-]\d{2})(\d{2})$")


def iso(value: Any) -> str | None:
    """Salesforce datetime/date -> ISO-8601 (UTC offset with a colon); None stays None."""
    if value in (None, ""):
        return None
    s = str(value)
    if "T" not in s:
        return s
    s = _TZ.sub(r"\1:\2", s.replace("Z", "+00:00"))
    try:
        return datetime.fromisoformat(s).astimezone(UTC).isoformat()
    except ValueError:
        return s


def _num(v: Any) -> float | None:
    try:
        return None if v in (None, "") else float(v)
    except (TypeError, ValueError):
        return None


def _rows(rel: Any) -> list[Mapping[str, Any]]:
    """Rows of a child sub-query (None when empty, as Salesforce answers)."""
    return list((rel or {}).get("records") or [])


def stage_kind(row: Mapping[str, Any]) -> str:
    if not row.get("IsClosed"):
        return "open"
    return "won" if row.get("IsWon") else "lost"


def activities(row: Mapping[str, Any]) -> list[Activity]:
    out: list[Activity] = []
    for t in _rows(row.get("Tasks")):
        if t.get(constants.IDEMPOTENCY_FIELD):
            continue  # our own task is not the customer's activity
        subtype = t.get("TaskSubtype")
        kind = "call" if subtype == "Call" else "email" if subtype == "Email" else (
            "note" if (t.get("Subject") or "").lower().startswith("note") else "task")
        direction = {"Inbound": "inbound", "Outbound": "outbound"}.get(t.get("CallType") or "")
        at = iso(t.get("CreatedDate")) or iso(t.get("ActivityDate"))
        out.append(Activity(kind, at or "", direction, t.get("Subject"), t.get("Description")))
    for e in _rows(row.get("Events")):
        out.append(Activity("meeting", iso(e.get("StartDateTime")) or "", None, e.get("Subject"), e.get("Description")))
    for m in _rows(row.get("EmailMessages")):
        out.append(Activity("email", iso(m.get("MessageDate")) or "", "inbound" if m.get("Incoming") else "outbound",
                            m.get("Subject"), m.get("TextBody")))
    out.sort(key=lambda a: a.at)
    return out


def app_task(row: Mapping[str, Any]) -> TaskRef | None:
    """Our one open task on the record (the newest if a past failure left several)."""
    ours = [t for t in _rows(row.get("Tasks")) if t.get(constants.IDEMPOTENCY_FIELD) and not t.get("IsClosed")]
    if not ours:
        return None
    t = max(ours, key=lambda x: str(x.get("CreatedDate") or ""))
    return TaskRef(id=str(t["Id"]), status=t.get("Status"), subject=t.get("Subject"), body=t.get("Description"))


def stage_changes(row: Mapping[str, Any]) -> tuple[StageChange, ...]:
    out: list[StageChange] = []
    for h in sorted(_rows(row.get("OpportunityHistories")), key=lambda h: str(h.get("CreatedDate"))):
        if out and out[-1].stage == h.get("StageName"):
            continue  # amount/close-date edits also write a history row
        out.append(StageChange(str(h.get("StageName")), iso(h.get("CreatedDate")) or ""))
    return tuple(out)


def close_date_history(row: Mapping[str, Any]) -> list[list[str]] | None:
    """Every value the Opportunity's close date held, `[[iso time set, date], ...]` oldest first,
    from its OpportunityHistory rows (each change of stage, amount or close date writes one, with
    the close date then in force); None when the rows were not read or carry no CloseDate."""
    rows = _rows(row.get("OpportunityHistories"))
    if "OpportunityHistories" not in row or any("CloseDate" not in h for h in rows):
        return None
    out: list[list[str]] = []
    for h in sorted(rows, key=lambda h: str(h.get("CreatedDate"))):
        at, value = iso(h.get("CreatedDate")), iso(h.get("CloseDate"))
        if at and value and (not out or out[-1][1] != value):
            out.append([at, value])
    return out


def person_sources(tenant_rows: Mapping[str, str] | None = None) -> dict[str, str]:
    """Canonical person feature → Contact or Lead field: the defaults with the tenant's rows over them.

    Raises:
        ValueError: a mapped field is not a field API name (stored settings were edited by hand).
    """
    return _sources(DEFAULT_PERSON_MAPPING, PERSON_FEATURES, tenant_rows, what="person")


def person(pid: str, c: Mapping[str, Any], fields: Mapping[str, str] | None = None, *, is_primary: bool,
           added_at: str | None = None) -> Contact:
    """A Contact or Lead row as the canonical Contact, read through the person mapping (`person_sources`).

    A mapped language or time zone the value of which names none is left out, with a log line
    (integrations/contact_locale.py): the agents then go by the company's country."""
    f = fields or person_sources()
    pid = str(pid)

    def locale(canonical: str) -> str | None:
        fld = f.get(canonical)
        if not fld:
            return None
        read = canonical_language if canonical == "language" else canonical_zone
        return read(c.get(fld), field=fld, contact_id=pid, crm=constants.CRM)

    return Contact(id=pid, name=c.get(f["name"]), email=c.get(f["email"]), title=c.get(f["title"]),
                   is_primary=is_primary, language=locale("language"), timezone=locale("timezone"),
                   added_at=added_at)


def contacts(row: Mapping[str, Any], fields: Mapping[str, str] | None = None) -> tuple[Contact, ...]:
    out = []
    for r in _rows(row.get("OpportunityContactRoles")):
        c = r.get("Contact") or {}
        if not c:
            continue
        out.append(person(str(r.get("ContactId") or c.get("Id") or ""), c, fields, is_primary=bool(r.get("IsPrimary")),
                          added_at=iso(r.get("CreatedDate"))))  # the contact's role on this deal
    return tuple(out)


def salutations(row: Mapping[str, Any], fields: Mapping[str, str] | None = None) -> dict[str, str]:
    """{contact id: the contact's salutation} of an Opportunity's contacts that have one."""
    fld = (fields or {}).get("salutation") or "Salutation"
    out = {}
    for r in _rows(row.get("OpportunityContactRoles")):
        c = r.get("Contact") or {}
        if said := str(c.get(fld) or "").strip():
            out[str(r.get("ContactId") or c.get("Id") or "")] = said
    return out


def opted_out_contacts(row: Mapping[str, Any], opt_out_fields: Sequence[str] = ()) -> list[str]:
    """Ids of an Opportunity's contacts whose opt-out checkbox (ours or the tenant's) is set."""
    fields = (STANDARD_OPT_OUT_FIELD, *opt_out_fields)
    out = set()
    for r in _rows(row.get("OpportunityContactRoles")):
        c = r.get("Contact") or {}
        if any(is_opt_out(c.get(f)) for f in fields):
            out.add(str(r.get("ContactId") or c.get("Id") or ""))
    return sorted(out - {""})


def page_views(row: Mapping[str, Any]) -> float | None:
    views = [(_num((r.get("Contact") or {}).get("Page_Views__c"))) for r in _rows(row.get("OpportunityContactRoles"))]
    got = [v for v in views if v is not None]
    return sum(got) if got else None


RECORD_FIELDS = frozenset({"name", "amount", "currency", "stage", "close_date", "created_at", "owner_id",
                           "last_modified"})
"""Canonical deal features that are Record attributes; every other mapped feature goes to `extra`."""

PERCENT_FEATURES = frozenset({"stage_probability", "discount"})
"""Features the app holds as fractions that Salesforce keeps as percent fields (0-100)."""


def deal_sources(tenant_rows: Mapping[str, str] | None = None) -> dict[str, str]:
    """Canonical deal feature → Opportunity field: the defaults, the packaged optional fields and the
    tenant's own mapping over both (a tenant row wins)."""
    base = {canonical: fld for canonical, (fld, _label) in DEFAULT_DEAL_MAPPING.items()}
    return {**base, **OPTIONAL_DEAL_FIELDS, **(tenant_rows or {})}


API_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]{0,79}$")
"""A Salesforce field API name (what the mapping check accepted from describe): nothing else is
ever spliced into a SOQL field list."""


def mapped_deal_fields(tenant_rows: Mapping[str, str] | None) -> dict[str, str]:
    """The tenant's mapped Opportunity fields the default query does not read: feature → field.

    Raises:
        ValueError: a mapped field is not a field API name (stored settings were edited by hand).
    """
    read = {*DEAL_FIELDS, *OPTIONAL_DEAL_FIELDS.values()}
    bad = sorted(f for f in (tenant_rows or {}).values() if not API_NAME.match(f))
    if bad:
        raise ValueError(f"deal field mapping names {bad[0]!r}, which is not a Salesforce field API name")
    return {c: f for c, f in (tenant_rows or {}).items() if f not in read}


def account_sources(tenant_rows: Mapping[str, str] | None = None) -> dict[str, str]:
    """Canonical company label → Account field: the defaults with the tenant's own rows over them.

    Raises:
        ValueError: a mapped field is not a field API name (stored settings were edited by hand).
    """
    return _sources(DEFAULT_ACCOUNT_MAPPING, DEFAULT_ACCOUNT_MAPPING, tenant_rows, what="company")


def _sources(defaults: Mapping[str, tuple[str, str]], allowed: Collection[str],
             tenant_rows: Mapping[str, str] | None, *, what: str) -> dict[str, str]:
    """The default fields with the tenant's rows for `allowed` features over them, every one an API name."""
    out = {canonical: fld for canonical, (fld, _label) in defaults.items()}
    out.update({c: f for c, f in (tenant_rows or {}).items() if c in allowed})
    bad = sorted(f for f in out.values() if not API_NAME.match(f))
    if bad:
        raise ValueError(f"{what} field mapping names {bad[0]!r}, which is not a Salesforce field API name")
    return out


WonRow = tuple[str, float, str] | tuple[str, float, str, str | None]
"""A closed-won Opportunity of an account: (close date, amount, id[, currency])."""


def opportunity_to_record(row: Mapping[str, Any], *, tenant_id: str,
                          won_by_account: Mapping[str, Iterable[WonRow]] | None = None,
                          deal_mapping: Mapping[str, str] | None = None,
                          opt_out_fields: Sequence[str] = (),
                          account_labels: Mapping[str, str] | None = None,
                          contact_fields: Mapping[str, str] | None = None,
                          default_currency: str | None = None, rates: RateTable | None = None) -> Record:
    """Canonical Record of one Opportunity row (with its parent and child relationships).

    `deal_mapping` is the tenant's own canonical feature → Opportunity field rows (revenue ops'
    field mappings); a mapped field the row lacks (the org dropped it) leaves the feature missing.
    `account_labels` (canonical → Account field, `account_sources`) copies the account's churn
    label onto the deal, as HubSpot's company properties are. `contact_fields` (`person_sources`)
    says where each contact's name, email, title, salutation, language and time zone are.
    `default_currency` (a single-currency org's, or the corporate one) is the currency of amounts
    without their own; `rates` (the org's rate table) travels in `extra[RATES_KEY]` for scoring.
    """
    acc = row.get("Account") or None
    owner = row.get("Owner") or None
    won = [(w[0], w[1], w[3] if len(w) > 3 else None)  # type: ignore[misc]
           for w in (won_by_account or {}).get(str(row.get("AccountId")), ()) if w[2] != row.get("Id")]
    src = deal_sources(deal_mapping)

    def value(canonical: str) -> Any:
        return row.get(src[canonical]) if canonical in src else None

    extra: dict[str, Any] = {}
    for feat in src.keys() - RECORD_FIELDS:
        v = value(feat)
        if v is None or v == "":
            continue
        if feat in PERCENT_FEATURES:
            num = _num(v)
            if num is not None:
                extra[feat] = num / 100.0
        else:
            extra[feat] = v
    views = page_views(row)
    if views is not None:
        extra["page_views"] = views
    if opted_out := opted_out_contacts(row, opt_out_fields):
        extra[OPT_OUT_KEY] = opted_out
    if said := salutations(row, contact_fields):
        extra[SALUTATIONS_KEY] = said
    if (changes := close_date_history(row)) is not None:
        extra[CLOSE_DATE_HISTORY_KEY] = changes
    for canonical, fld in (account_labels or {}).items():
        if acc and acc.get(fld) is not None:
            extra[canonical] = acc[fld]
    if rates is not None:
        extra[RATES_KEY] = rates.to_dict()
    owner_id = value("owner_id")
    return Record(
        crm=constants.CRM, tenant_id=tenant_id, object_type="deal", id=str(row["Id"]), name=value("name"),
        amount=_num(value("amount")), currency=value("currency") or default_currency, stage=value("stage"),
        stage_kind=stage_kind(row), pipeline="sales", close_date=value("close_date"),
        created_at=iso(value("created_at")),
        owner=Owner(id=str(owner.get("Id") or owner_id), name=owner.get("Name"), email=owner.get("Email"),
                    timezone=owner.get("TimeZoneSidKey")) if owner and src["owner_id"] == "OwnerId" else (
            Owner(id=str(owner_id)) if owner_id else None),
        company=Company(id=str(acc.get("Id") or row.get("AccountId")), name=acc.get("Name"),
                        industry=acc.get("Industry"),
                        employees=int(acc["NumberOfEmployees"]) if acc.get("NumberOfEmployees") is not None else None,
                        annual_revenue=_num(acc.get("AnnualRevenue")), country=acc.get("BillingCountry"))
        if acc else None,
        contacts=contacts(row, contact_fields), activities=tuple(activities(row)),
        history=History(closed_won_deals=tuple(ClosedWonDeal(d, a, c) for d, a, c in
                                               sorted(won, key=lambda w: (w[0], w[1], w[2] or ""))),
                        stage_changes=stage_changes(row)),
        extra=extra, app_task=app_task(row),
    )


CLOSING_STATUS_WORDS = ("closed", "unqualified", "disqualified", "not converted")
"""Words of an unconverted Lead Status value that closes the lead. The LeadStatus object flags
only IsConverted (and IsDefault): whether "Closed - Not Converted" or "Unqualified" ends a lead
is the org's convention, read here from the value's name."""


def closed_lead_statuses(rows: Sequence[Mapping[str, Any]], *,
                         chosen: Sequence[str] | None = None) -> frozenset[str]:
    """The unconverted Lead Status values (API name and label) that close a lead, from LeadStatus rows.

    Args:
        chosen: the tenant's own list (API names or labels, any case); None reads the names
            (CLOSING_STATUS_WORDS). A chosen value that is a converted status never closes a lead
            unconverted, and one the org does not have matches nothing."""
    wanted = {c.strip().lower() for c in chosen} if chosen else None
    out: set[str] = set()
    for r in rows:
        names = [str(v) for v in (r.get("ApiName"), r.get("MasterLabel")) if v]
        if r.get("IsConverted"):
            continue
        if wanted is not None:
            closes = any(n.lower() in wanted for n in names)
        else:
            closes = any(w in n.lower() for n in names for w in CLOSING_STATUS_WORDS)
        if closes:
            out.update(names)
    return frozenset(out)


def lead_outcome(row: Mapping[str, Any], closed_statuses: frozenset[str]) -> tuple[str, str | None]:
    """``(stage_kind, close date)`` of a Lead: ``won`` when converted (on ConvertedDate), ``lost``
    when its Status is a closing unconverted value (on its last modification: the closing is a
    closed lead's last change in the CRM's own record; Lead field history is not assumed), else
    ``open`` with no close date."""
    if row.get("IsConverted"):
        return "won", iso(row.get("ConvertedDate")) or iso(row.get("LastModifiedDate"))
    if row.get("Status") in closed_statuses:
        return "lost", iso(row.get("LastModifiedDate"))
    return "open", None


def person_to_record(sobject: str, row: Mapping[str, Any], *, tenant_id: str,
                     opt_out_fields: Sequence[str] = (), closed_statuses: frozenset[str] = frozenset(),
                     fields: Mapping[str, str] | None = None) -> Record:
    """A Lead or Contact as a canonical person record (object_type lead/contact).

    A Lead's outcome is its ``stage_kind`` and ``close_date`` (:func:`lead_outcome`), never a
    feature: its Status, conversion date and converted ids are not put in ``extra``. `fields`
    (`person_sources` of the object's mapping) says where the person's own fields are."""
    fields = fields or person_sources()
    owner = row.get("Owner") or None
    company = Company(id=str(row.get("AccountId") or row.get("Id")), name=row.get("Company") or
                      (row.get("Account") or {}).get("Name"), industry=row.get("Industry"),
                      employees=row.get("NumberOfEmployees"), annual_revenue=_num(row.get("AnnualRevenue")),
                      country=row.get("Country") or row.get("MailingCountry"))
    me = person(str(row["Id"]), row, fields, is_primary=True)
    kind, closed_at = lead_outcome(row, closed_statuses) if sobject == "Lead" else ("open", None)
    return Record(crm=constants.CRM, tenant_id=tenant_id, object_type=constants.OBJECT_TYPES[sobject],
                  id=str(row["Id"]), name=me.name, stage=row.get("Status"), stage_kind=kind,
                  close_date=closed_at, created_at=iso(row.get("CreatedDate")),
                  owner=Owner(id=str(owner.get("Id")), name=owner.get("Name"), email=owner.get("Email"),
                              timezone=owner.get("TimeZoneSidKey")) if owner else None,
                  company=company, contacts=(me,), activities=tuple(activities(row)),
                  # The canonical feature the deal mapping reads from Opportunity.LeadSource, so the
                  # tenant's models see a Lead's source the way they saw its deals'.
                  extra={**({"lead_source": row["LeadSource"]} if row.get("LeadSource") is not None else {}),
                         # A rep's Hot/Warm/Cold, a feature of the lead score (absent when unset).
                         **({"rating": row["Rating"]} if row.get("Rating") else {}),
                         **({OPT_OUT_KEY: [me.id]} if any(is_opt_out(row.get(f)) for f in
                                                          (STANDARD_OPT_OUT_FIELD, *opt_out_fields)) else {}),
                         # The person's own salutation, as a deal's contacts carry theirs (drafts' address).
                         **({SALUTATIONS_KEY: {me.id: said}} if (said := str(row.get(fields["salutation"]) or "")
                                                                             .strip()) else {})},
                  app_task=app_task(row))


def account_to_record(row: Mapping[str, Any], *, tenant_id: str) -> Record:
    owner = row.get("Owner") or None
    comp = Company(id=str(row["Id"]), name=row.get("Name"), industry=row.get("Industry"),
                   employees=row.get("NumberOfEmployees"), annual_revenue=_num(row.get("AnnualRevenue")),
                   country=row.get("BillingCountry"))
    return Record(crm=constants.CRM, tenant_id=tenant_id, object_type="company", id=str(row["Id"]),
                  name=row.get("Name"), created_at=iso(row.get("CreatedDate")), company=comp,
                  owner=Owner(id=str(owner.get("Id")), name=owner.get("Name"), email=owner.get("Email"),
                              timezone=owner.get("TimeZoneSidKey")) if owner else None,
                  activities=tuple(activities(row)), extra={"account_type": row.get("Type")}, app_task=app_task(row))
