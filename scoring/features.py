"""Features of a canonical :class:`integrations.base.Record`, as a flat dict.

CRM field names never appear here: the tenant's field mapping has already put mapped CRM
fields into ``record.extra`` under feature names, and may give labels for the explanations.

Mapping shape (all keys optional)::

    {"labels": {"days_since_last_meeting": "Days since last meeting"},
     "targets": {"churn": "churned", "discount": "discount"}}

``targets`` name the ``extra`` keys that hold a task's label (churn) or the discount (price).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from integrations.base import Record

EXEC_TITLE_WORDS = ("chief", "ceo", "cfo", "cto", "coo", "cio", "cmo", "cro", "president", "vp",
                    "vice president", "head of", "director", "founder", "owner", "partner")
"""Words in a contact's title that mark an executive."""

ACTIVITY_WINDOWS = (30, 90)
"""Day windows in which activities are counted."""

FEATURE_LABELS: dict[str, str] = {
    "amount": "Deal amount",
    "days_open": "Days open",
    "days_to_close": "Days to expected close",
    "days_since_last_activity": "Days since last activity",
    "days_since_last_meeting": "Days since last meeting",
    "days_since_last_email": "Days since last email",
    "days_since_last_call": "Days since last call",
    "page_views": "Page views",
    "company_employees": "Company size (employees)",
    "company_industry": "Industry",
    "company_annual_revenue": "Company annual revenue",
    "company_country": "Country",
    "stage_probability": "Stage probability",
    "n_contacts": "Contacts on the deal",
    "has_exec_contact": "Executive contact",
    "closed_won_count": "Past deals won",
    "closed_won_sum": "Past revenue won",
    "days_since_last_won": "Days since last deal won",
    "n_stage_changes": "Stage changes",
    "pipeline": "Pipeline",
}
"""Our labels; the tenant's mapping labels win over these."""

for _w in ACTIVITY_WINDOWS:
    for _kind, _text in (("emails_in", "Inbound emails"), ("emails_out", "Outbound emails"),
                         ("calls", "Calls"), ("meetings", "Meetings")):
        FEATURE_LABELS[f"{_kind}_{_w}d"] = f"{_text} (last {_w} days)"


def parse_time(value: Any) -> datetime | None:
    """Parse an ISO-8601 date or datetime into an aware UTC datetime (None if unparsable)."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        dt = value
    else:
        try:
            dt = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
        except ValueError:
            return None
    return dt if dt.tzinfo else dt.replace(tzinfo=UTC)


def _days(later: datetime | None, earlier: datetime | None) -> float:
    if later is None or earlier is None:
        return math.nan
    return (later - earlier).total_seconds() / 86400.0


def reference_time(record: Record, as_of: datetime | None = None) -> datetime:
    """The moment features describe: ``as_of``, else a closed deal's close date, else now.

    A closed deal is described as of its close so that activity after the outcome (the
    thank-you email, the onboarding call) cannot leak into training.
    """
    if as_of is not None:
        return as_of if as_of.tzinfo else as_of.replace(tzinfo=UTC)
    if record.stage_kind in ("won", "lost"):
        closed = parse_time(record.close_date)
        if closed is not None:
            return closed
    return datetime.now(UTC)


def record_features(record: Record, mapping: Mapping[str, Any] | None = None,
                    as_of: datetime | None = None) -> dict[str, Any]:
    """Turn a canonical Record into a flat feature dict.

    Args:
        record: the canonical record.
        mapping: the tenant's field mapping (see module docstring); only ``targets`` is used
            here, to keep label fields out of the features.
        as_of: the moment to describe (see :func:`reference_time`).

    Returns:
        Feature name → value (floats, strings for categories, ``nan`` where unknown).
    """
    now = reference_time(record, as_of)
    feats: dict[str, Any] = {
        "amount": record.amount if record.amount is not None else math.nan,
        "days_open": _days(now, parse_time(record.created_at)),
        "days_to_close": _days(parse_time(record.close_date), now) if record.stage_kind == "open" else math.nan,
        "pipeline": record.pipeline,
    }
    last: dict[str, datetime] = {}
    counts = {f"{k}_{w}d": 0 for w in ACTIVITY_WINDOWS for k in ("emails_in", "emails_out", "calls", "meetings")}
    page_views = 0
    for act in record.activities:
        at = parse_time(act.at)
        if at is None or at > now:
            continue
        age = _days(now, at)
        kind = act.type
        if kind == "page_view":
            page_views += 1
            continue
        if kind in ("email", "call", "meeting"):
            if kind not in last or at > last[kind]:
                last[kind] = at
            if "any" not in last or at > last["any"]:
                last["any"] = at
        key = {"email": "emails_in" if act.direction == "inbound" else "emails_out",
               "call": "calls", "meeting": "meetings"}.get(kind)
        if key is None:
            continue
        for w in ACTIVITY_WINDOWS:
            if age <= w:
                counts[f"{key}_{w}d"] += 1
    feats["days_since_last_activity"] = _days(now, last.get("any"))
    feats["days_since_last_meeting"] = _days(now, last.get("meeting"))
    feats["days_since_last_email"] = _days(now, last.get("email"))
    feats["days_since_last_call"] = _days(now, last.get("call"))
    feats.update(counts)
    extra = dict(record.extra or {})
    # CRM analytics properties (mapped into extra) are the page-view source when present.
    feats["page_views"] = float(extra.pop("page_views", page_views) or 0)
    company = record.company
    feats["company_employees"] = float(company.employees) if company and company.employees is not None else math.nan
    feats["company_industry"] = company.industry if company else None
    feats["company_annual_revenue"] = (
        float(company.annual_revenue) if company and company.annual_revenue is not None else math.nan
    )
    feats["company_country"] = company.country if company else None
    stage_probability = extra.pop("stage_probability", None)
    # A closed deal's stage probability is its outcome (1 or 0): never a feature for it.
    feats["stage_probability"] = (
        float(stage_probability) if stage_probability is not None and record.stage_kind == "open" else math.nan
    )
    feats["n_contacts"] = float(len(record.contacts))
    feats["has_exec_contact"] = float(any(
        c.title and any(w in c.title.lower() for w in EXEC_TITLE_WORDS) for c in record.contacts
    ))
    won = [(parse_time(d.date), d.amount) for d in record.history.closed_won_deals]
    won = [(t, a) for t, a in won if t is not None and t < now]
    feats["closed_won_count"] = float(len(won))
    feats["closed_won_sum"] = float(sum(a for _, a in won))
    feats["days_since_last_won"] = _days(now, max(t for t, _ in won)) if won else math.nan
    feats["n_stage_changes"] = float(sum(
        1 for s in record.history.stage_changes if (parse_time(s.at) or now) <= now
    ))
    hidden = set((mapping or {}).get("targets", {}).values())
    for key, value in extra.items():
        if key in hidden or key in feats:
            continue
        if value is None or isinstance(value, str | int | float | bool):
            feats[key] = value
    return feats


def closed_won_log(record: Record) -> list[tuple[datetime, float]]:
    """The account's closed-won deals as ``(date, amount)``, oldest first (the CLV log)."""
    rows = [(parse_time(d.date), float(d.amount)) for d in record.history.closed_won_deals]
    return sorted((t, a) for t, a in rows if t is not None)
