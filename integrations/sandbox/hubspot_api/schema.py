"""HubSpot's object types, default property definitions and association type ids.

Data, plus pure helpers that shape it: the names, labels, types and ids a portal starts with,
as HubSpot ships them (reference: hubspot-api-facts.md §3; association ids from the SDK's
`hubspot/crm/association_type.py`). The store copies these into each portal so a tenant's
custom properties never leak into another portal.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from integrations.sandbox.hubspot_api.zone_options import timezone_options

OBJECT_TYPE_IDS: dict[str, str] = {
    "contacts": "0-1",
    "companies": "0-2",
    "deals": "0-3",
    "tickets": "0-5",
    "calls": "0-48",
    "emails": "0-49",
    "meetings": "0-47",
    "notes": "0-46",
    "tasks": "0-27",
    "users": "0-115",
}
"""Canonical plural name -> HubSpot object type id (`/crm/v3/objects/0-3` == `.../deals`)."""

SINGULAR: dict[str, str] = {
    "contacts": "contact",
    "companies": "company",
    "deals": "deal",
    "tickets": "ticket",
    "calls": "call",
    "emails": "email",
    "meetings": "meeting",
    "notes": "note",
    "tasks": "task",
    "users": "user",
}

ENGAGEMENTS = ("calls", "emails", "meetings", "notes", "tasks")


def canonical_type(name: str) -> str | None:
    """Return the plural object name for a path segment (`deals`, `deal`, `0-3`, `DEALS`)."""
    low = name.lower()
    if low in OBJECT_TYPE_IDS:
        return low
    for plural, singular in SINGULAR.items():
        if low == singular or low == OBJECT_TYPE_IDS[plural]:
            return plural
    return None


# (from, to) -> (unlabeled type id, primary type id or None). HUBSPOT_DEFINED.
ASSOCIATION_TYPES: dict[tuple[str, str], tuple[int, int | None]] = {
    ("contacts", "companies"): (279, 1),
    ("companies", "contacts"): (280, 2),
    ("deals", "contacts"): (3, None),
    ("contacts", "deals"): (4, None),
    ("deals", "companies"): (341, 5),
    ("companies", "deals"): (342, 6),
    ("tasks", "contacts"): (204, None),
    ("contacts", "tasks"): (203, None),
    ("tasks", "deals"): (216, None),
    ("deals", "tasks"): (215, None),
    ("tasks", "companies"): (192, None),
    ("companies", "tasks"): (191, None),
    ("notes", "contacts"): (202, None),
    ("contacts", "notes"): (201, None),
    ("notes", "deals"): (214, None),
    ("deals", "notes"): (213, None),
    ("notes", "companies"): (190, None),
    ("companies", "notes"): (189, None),
    ("emails", "contacts"): (198, None),
    ("contacts", "emails"): (197, None),
    ("emails", "deals"): (210, None),
    ("deals", "emails"): (209, None),
    ("emails", "companies"): (186, None),
    ("companies", "emails"): (185, None),
    ("calls", "contacts"): (194, None),
    ("contacts", "calls"): (193, None),
    ("calls", "deals"): (206, None),
    ("deals", "calls"): (205, None),
    ("calls", "companies"): (182, None),
    ("companies", "calls"): (181, None),
    ("meetings", "contacts"): (200, None),
    ("contacts", "meetings"): (199, None),
    ("meetings", "deals"): (212, None),
    ("deals", "meetings"): (211, None),
    ("meetings", "companies"): (188, None),
    ("companies", "meetings"): (187, None),
}

PRIMARY_CONTACT_LABEL = "Primary contact"
"""USER_DEFINED deal<->contact label the seeded portal uses to mark each deal's primary contact.

HubSpot has no built-in primary deal contact; portals that track one define a label like this.
"""

USER_DEFINED_TYPES: dict[tuple[str, str], tuple[int, str]] = {
    ("deals", "contacts"): (71, PRIMARY_CONTACT_LABEL),
    ("contacts", "deals"): (72, PRIMARY_CONTACT_LABEL),
}
"""(from, to) -> (USER_DEFINED type id, label) of the seeded labelled associations."""


def association_type_name(from_type: str, to_type: str, type_id: int, category: str) -> str:
    """Return the v3 `type` string of an association (`deal_to_company`, `..._unlabeled`)."""
    base = f"{SINGULAR[from_type]}_to_{SINGULAR[to_type]}"
    unlabeled, primary = ASSOCIATION_TYPES.get((from_type, to_type), (None, None))
    if category == "HUBSPOT_DEFINED" and primary is not None:
        # HubSpot names the primary link plainly and the plain link "_unlabeled".
        return base if type_id == primary else f"{base}_unlabeled"
    if category == "USER_DEFINED":
        label = USER_DEFINED_TYPES.get((from_type, to_type), (0, "label"))[1]
        return label.lower().replace(" ", "_")
    return base


def association_label(from_type: str, to_type: str, type_id: int, category: str) -> str | None:
    """Return the v4 label of an association type (`Primary`, a user label, or None)."""
    primary = ASSOCIATION_TYPES.get((from_type, to_type), (None, None))[1]
    if category == "HUBSPOT_DEFINED" and type_id == primary:
        return "Primary"
    if category == "USER_DEFINED":
        return USER_DEFINED_TYPES.get((from_type, to_type), (0, None))[1]
    return None


def _p(name: str, label: str, type_: str = "string", field: str = "text", group: str = "",
       read_only: bool = False, options: list[tuple[str, str]] | None = None,
       hubspot: bool = True) -> dict[str, Any]:
    return {
        "name": name, "label": label, "type": type_, "fieldType": field, "groupName": group,
        "readOnly": read_only, "options": options or [], "hubspotDefined": hubspot,
    }


_BASE = [
    _p("hs_object_id", "Record ID", "number", "number", read_only=True),
    _p("hs_lastmodifieddate", "Last Modified Date", "datetime", "date", read_only=True),
    _p("hubspot_owner_id", "Owner", "enumeration", "select"),
]
_ENGAGEMENT = [
    _p("hs_timestamp", "Activity date", "datetime", "date", "engagement"),
    _p("hs_createdate", "Create date", "datetime", "date", "engagement", read_only=True),
    _p("hs_attachment_ids", "Attachment IDs", "enumeration", "checkbox", "engagement"),
]

LIFECYCLE = [(v, v.replace("marketingqualifiedlead", "Marketing Qualified Lead").title()) for v in (
    "subscriber", "lead", "marketingqualifiedlead", "salesqualifiedlead", "opportunity", "customer",
    "evangelist", "other")]
INDUSTRIES = [
    "COMPUTER_SOFTWARE", "FINANCIAL_SERVICES", "HOSPITAL_HEALTH_CARE", "RETAIL", "MANUFACTURING",
    "LOGISTICS_AND_SUPPLY_CHAIN", "EDUCATION_MANAGEMENT", "MARKETING_AND_ADVERTISING",
]

LANGUAGE_OPTIONS = [
    ("en", "English"), ("en-gb", "English - United Kingdom"), ("de", "German"), ("de-at", "German - Austria"),
    ("de-ch", "German - Switzerland"), ("fr", "French"), ("fr-ca", "French - Canada"), ("es", "Spanish"),
    ("es-mx", "Spanish - Mexico"), ("it", "Italian"), ("nl", "Dutch"), ("pt-br", "Portuguese - Brazil"),
]
"""A part of HubSpot's "Preferred language" (hs_language) options: locale codes, the label their language."""

DEFAULT_PROPERTIES: dict[str, list[dict[str, Any]]] = {
    "contacts": _BASE + [
        _p("createdate", "Create Date", "datetime", "date", "contactinformation", True),
        _p("lastmodifieddate", "Last Modified Date", "datetime", "date", "contactinformation", True),
        _p("firstname", "First Name", group="contactinformation"),
        _p("lastname", "Last Name", group="contactinformation"),
        _p("email", "Email", group="contactinformation"),
        _p("phone", "Phone Number", "string", "phonenumber", "contactinformation"),
        _p("salutation", "Salutation", group="contactinformation"),
        _p("hs_language", "Preferred language", "enumeration", "select", "contactinformation",
           options=LANGUAGE_OPTIONS),
        _p("hs_timezone", "Time Zone", "enumeration", "select", "contactinformation", options=timezone_options()),
        _p("jobtitle", "Job Title", group="contactinformation"),
        _p("company", "Company Name", group="contactinformation"),
        _p("country", "Country/Region", group="contactinformation"),
        _p("lifecyclestage", "Lifecycle Stage", "enumeration", "radio", "contactinformation",
           options=LIFECYCLE),
        _p("hs_analytics_num_page_views", "Number of Pageviews", "number", "number", "analyticsinformation", True),
        _p("hs_analytics_num_visits", "Number of Sessions", "number", "number", "analyticsinformation", True),
        _p("hs_analytics_last_visit_timestamp", "Time of Last Session", "datetime", "date",
           "analyticsinformation", True),
        _p("notes_last_contacted", "Last Contacted", "datetime", "date", "contactinformation", True),
        _p("associatedcompanyid", "Primary Associated Company ID", "number", "number", "contactinformation"),
        # Set when the contact unsubscribes from all email; apps can read it but never write it.
        _p("hs_email_optout", "Unsubscribed from all email", "enumeration", "booleancheckbox", "emailinformation",
           True, options=[("true", "Yes"), ("false", "No")]),
    ],
    "companies": _BASE + [
        _p("createdate", "Create Date", "datetime", "date", "companyinformation", True),
        _p("name", "Name", group="companyinformation"),
        _p("domain", "Company Domain Name", group="companyinformation"),
        _p("industry", "Industry", "enumeration", "select", "companyinformation",
           options=[(v, v.replace("_", " ").title()) for v in INDUSTRIES]),
        _p("numberofemployees", "Number of Employees", "number", "number", "companyinformation"),
        _p("annualrevenue", "Annual Revenue", "number", "number", "companyinformation"),
        _p("country", "Country/Region", group="companyinformation"),
        _p("city", "City", group="companyinformation"),
        _p("lifecyclestage", "Lifecycle Stage", "enumeration", "radio", "companyinformation",
           options=LIFECYCLE),
        _p("total_revenue", "Total Revenue", "number", "number", "companyinformation", True),
        _p("num_associated_deals", "Number of Associated Deals", "number", "number", "companyinformation", True),
        _p("hs_num_open_deals", "Number of open deals", "number", "number", "companyinformation", True),
        _p("recent_deal_close_date", "Recent Deal Close Date", "datetime", "date", "companyinformation", True),
        # Custom (tenant-defined) fields: how portals commonly record a customer who left.
        _p("churned", "Churned customer", "bool", "booleancheckbox", "companyinformation", hubspot=False,
           options=[("true", "Yes"), ("false", "No")]),
        _p("churned_on", "Churned on", "date", "date", "companyinformation", hubspot=False),
    ],
    "deals": _BASE + [
        _p("dealname", "Deal Name", group="dealinformation"),
        _p("amount", "Amount", "number", "number", "dealinformation"),
        _p("deal_currency_code", "Currency", "enumeration", "select", "dealinformation",
           options=[("USD", "US Dollar"), ("EUR", "Euro"), ("GBP", "British Pound")]),
        _p("dealstage", "Deal Stage", "enumeration", "radio", "dealinformation"),
        _p("pipeline", "Pipeline", "enumeration", "select", "dealinformation"),
        _p("closedate", "Close Date", "datetime", "date", "dealinformation"),
        _p("createdate", "Create Date", "datetime", "date", "dealinformation"),
        _p("description", "Deal Description", "string", "textarea", "dealinformation"),
        _p("dealtype", "Deal Type", "enumeration", "radio", "dealinformation",
           options=[("newbusiness", "New Business"), ("existingbusiness", "Existing Business")]),
        _p("hs_priority", "Priority", "enumeration", "select", "dealinformation",
           options=[("low", "Low"), ("medium", "Medium"), ("high", "High")]),
        _p("hs_deal_stage_probability", "Deal Stage Probability", "number", "number", "dealinformation", True),
        _p("hs_is_closed", "Is Deal Closed?", "bool", "booleancheckbox", "dealinformation", True,
           options=[("true", "Yes"), ("false", "No")]),
        _p("hs_is_closed_won", "Is Closed Won", "bool", "booleancheckbox", "dealinformation", True,
           options=[("true", "Yes"), ("false", "No")]),
        _p("hs_closed_amount", "Closed amount", "number", "number", "dealinformation", True),
        _p("days_to_close", "Days to close", "number", "number", "dealinformation", True),
        _p("closed_lost_reason", "Closed Lost Reason", "string", "textarea", "dealinformation"),
        _p("closed_won_reason", "Closed Won Reason", "string", "textarea", "dealinformation"),
        _p("num_associated_contacts", "Number of Associated Contacts", "number", "number", "dealinformation", True),
        _p("num_notes", "Number of Sales Activities", "number", "number", "dealinformation", True),
        _p("notes_last_contacted", "Last Contacted", "datetime", "date", "dealinformation", True),
        _p("notes_last_updated", "Last Activity Date", "datetime", "date", "dealinformation", True),
        _p("hs_pinned_engagement_id", "Pinned Engagement ID", "number", "number", "dealinformation"),
        # A custom (tenant-defined) field: how portals commonly record a negotiated discount.
        _p("discount_percent", "Discount (%)", "number", "number", "dealinformation", hubspot=False),
    ],
    "tickets": _BASE + [
        _p("createdate", "Create date", "datetime", "date", "ticketinformation", True),
        _p("subject", "Ticket name", group="ticketinformation"),
        _p("content", "Ticket description", "string", "textarea", "ticketinformation"),
        _p("hs_pipeline", "Pipeline", "enumeration", "select", "ticketinformation"),
        _p("hs_pipeline_stage", "Ticket status", "enumeration", "select", "ticketinformation"),
    ],
    "tasks": _BASE + _ENGAGEMENT + [
        _p("hs_task_subject", "Task Title", group="task"),
        _p("hs_task_body", "Notes", "string", "html", "task"),
        _p("hs_task_status", "Task Status", "enumeration", "select", "task", options=[
            ("NOT_STARTED", "Not started"), ("IN_PROGRESS", "In progress"), ("WAITING", "Waiting"),
            ("COMPLETED", "Completed"), ("DEFERRED", "Deferred")]),
        _p("hs_task_priority", "Priority", "enumeration", "select", "task",
           options=[("NONE", "None"), ("LOW", "Low"), ("MEDIUM", "Medium"), ("HIGH", "High")]),
        _p("hs_task_type", "Task Type", "enumeration", "select", "task",
           options=[("EMAIL", "Email"), ("CALL", "Call"), ("TODO", "To-do"), ("LINKED_IN", "LinkedIn")]),
        _p("hs_task_reminders", "Reminder", "enumeration", "checkbox", "task"),
        _p("hs_task_completion_date", "Completed at", "datetime", "date", "task", True),
    ],
    "notes": _BASE + _ENGAGEMENT + [
        _p("hs_note_body", "Note body", "string", "html", "note"),
    ],
    "emails": _BASE + _ENGAGEMENT + [
        _p("hs_email_direction", "Email direction", "enumeration", "select", "email", options=[
            ("EMAIL", "Sent"), ("INCOMING_EMAIL", "Received"), ("FORWARDED_EMAIL", "Forwarded")]),
        _p("hs_email_subject", "Email subject", group="email"),
        _p("hs_email_text", "Email text", "string", "textarea", "email"),
        _p("hs_email_html", "Email HTML", "string", "html", "email"),
        _p("hs_email_status", "Email status", "enumeration", "select", "email", options=[
            (v, v.title()) for v in ("BOUNCED", "FAILED", "SCHEDULED", "SENDING", "SENT")]),
        _p("hs_email_headers", "Email headers", "string", "textarea", "email"),
    ],
    "calls": _BASE + _ENGAGEMENT + [
        _p("hs_call_title", "Call title", group="call"),
        _p("hs_call_body", "Call notes", "string", "html", "call"),
        _p("hs_call_direction", "Call direction", "enumeration", "select", "call",
           options=[("INBOUND", "Inbound"), ("OUTBOUND", "Outbound")]),
        _p("hs_call_duration", "Call duration", "number", "number", "call"),
        _p("hs_call_status", "Call status", "enumeration", "select", "call", options=[
            (v, v.title()) for v in ("BUSY", "CALLING_CRM_USER", "CANCELED", "COMPLETED", "CONNECTING",
                                     "FAILED", "IN_PROGRESS", "NO_ANSWER", "QUEUED", "RINGING")]),
        _p("hs_call_disposition", "Call outcome", group="call"),
    ],
    "meetings": _BASE + _ENGAGEMENT + [
        _p("hs_meeting_title", "Meeting name", group="meeting"),
        _p("hs_meeting_body", "Meeting description", "string", "html", "meeting"),
        _p("hs_meeting_start_time", "Start time", "datetime", "date", "meeting"),
        _p("hs_meeting_end_time", "End time", "datetime", "date", "meeting"),
        _p("hs_meeting_outcome", "Meeting outcome", "enumeration", "select", "meeting", options=[
            (v, v.title()) for v in ("SCHEDULED", "COMPLETED", "RESCHEDULED", "NO_SHOW", "CANCELED")]),
        _p("hs_internal_meeting_notes", "Internal notes", "string", "html", "meeting"),
    ],
    "users": [
        _p("hs_object_id", "Record ID", "number", "number", read_only=True),
        _p("hs_lastmodifieddate", "Last Modified Date", "datetime", "date", read_only=True),
        _p("hs_createdate", "Create date", "datetime", "date", "userinformation", True),
        _p("hs_internal_user_id", "User ID", "number", "number", "userinformation", True),
        _p("hs_email", "Email", group="userinformation"),
        _p("hs_given_name", "First name", group="userinformation"),
        _p("hs_family_name", "Last name", group="userinformation"),
        _p("hs_job_title", "Job title", group="userinformation"),
        _p("hs_standard_time_zone", "Time zone", group="userinformation"),
        _p("hs_working_hours", "Working hours", "string", "textarea", "userinformation"),
        _p("hs_availability_status", "Availability status", "enumeration", "select", "userinformation",
           options=[("available", "Available"), ("away", "Away")]),
        _p("hubspot_owner_id", "Owner ID", "enumeration", "select", "userinformation", True),
    ],
}

DEFAULT_GROUPS: dict[str, list[tuple[str, str]]] = {
    "contacts": [("contactinformation", "Contact information"), ("analyticsinformation", "Web analytics history")],
    "companies": [("companyinformation", "Company information")],
    "deals": [("dealinformation", "Deal information")],
    "tickets": [("ticketinformation", "Ticket information")],
    "tasks": [("task", "Task information"), ("engagement", "Engagement")],
    "notes": [("note", "Note information"), ("engagement", "Engagement")],
    "emails": [("email", "Email information"), ("engagement", "Engagement")],
    "calls": [("call", "Call information"), ("engagement", "Engagement")],
    "meetings": [("meeting", "Meeting information"), ("engagement", "Engagement")],
    "users": [("userinformation", "User information")],
}

SEARCH_DEFAULT_PROPERTIES: dict[str, tuple[str, ...]] = {
    "contacts": ("createdate", "email", "firstname", "hs_object_id", "lastmodifieddate", "lastname"),
    "companies": ("createdate", "domain", "hs_lastmodifieddate", "hs_object_id", "name"),
    "deals": ("amount", "closedate", "createdate", "dealname", "dealstage", "hs_lastmodifieddate",
              "hs_object_id", "pipeline"),
}
"""Properties a get/list/search returns when the caller names none (HubSpot's defaults)."""

GENERIC_DEFAULT_PROPERTIES = ("hs_createdate", "hs_lastmodifieddate", "hs_object_id")

LAST_MODIFIED = {"contacts": "lastmodifieddate"}
"""Contacts keep `lastmodifieddate`; every other type uses `hs_lastmodifieddate` (both are set)."""

UNSUBSCRIBABLE = frozenset({"num_unique_conversion_events", "hs_lastmodifieddate", "lastmodifieddate"})


def reverse_types(from_type: str, to_type: str, types: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Return the association types of the other direction (primary maps to primary)."""
    fwd = ASSOCIATION_TYPES.get((from_type, to_type))
    back = ASSOCIATION_TYPES.get((to_type, from_type))
    ufwd = USER_DEFINED_TYPES.get((from_type, to_type))
    uback = USER_DEFINED_TYPES.get((to_type, from_type))
    out: list[tuple[str, int]] = []
    for cat, tid in types:
        if fwd and back and cat == "HUBSPOT_DEFINED":
            out.append((cat, back[1] if tid == fwd[1] and back[1] else back[0]))
        elif ufwd and uback and cat == "USER_DEFINED" and tid == ufwd[0]:
            out.append((cat, uback[0]))
        elif back:
            out.append(("HUBSPOT_DEFINED", back[0]))
    return out


def property_definition(spec: dict[str, Any], order: int, at: datetime) -> dict[str, Any]:
    """Return a property as `/crm/v3/properties` shows it (fields of the SDK's Property model)."""
    options = [
        o if isinstance(o, dict) else {"label": o[1], "value": o[0], "displayOrder": i, "hidden": False}
        for i, o in enumerate(spec.get("options") or [])
    ]
    hub = bool(spec.get("hubspotDefined", False))
    d: dict[str, Any] = {
        "updatedAt": _iso(at), "createdAt": _iso(at), "name": spec["name"], "label": spec["label"],
        "type": spec["type"], "fieldType": spec["fieldType"], "description": spec.get("description", ""),
        "groupName": spec["groupName"], "options": options, "displayOrder": order,
        "calculated": False, "externalOptions": False, "hasUniqueValue": bool(spec.get("hasUniqueValue", False)),
        "hidden": bool(spec.get("hidden", False)), "hubspotDefined": hub,
        "modificationMetadata": {"archivable": not hub, "readOnlyDefinition": hub,
                                 "readOnlyValue": bool(spec.get("readOnly", False))},
        "formField": bool(spec.get("formField", False)),
    }
    if not hub:
        d["createdUserId"] = d["updatedUserId"] = "0"
    return d


def _iso(ts: datetime) -> str:
    return ts.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="milliseconds") + "Z"
