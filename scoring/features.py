"""Features of a canonical :class:`integrations.base.Record`, as a flat dict.

CRM field names never appear here: the tenant's field mapping has already put mapped CRM
fields into ``record.extra`` under feature names, and may give labels for the explanations.

Mapping shape (all keys optional)::

    {"labels": {"days_since_last_meeting": "Days since last meeting"},
     "targets": {"churn": "churned", "discount": "discount"}}

``targets`` name the ``extra`` keys that hold a task's label (churn) or the discount (price);
``rollups`` (optional) adds ``extra`` keys the CRM only knows as current values.

Leak rules (why each exists):

- every target key (ours by default plus the mapping's) is hidden from the features of EVERY
  task: a churn flag exists only for customers, i.e. for won deals;
- rollups (page views, notes count, last contacted, stage probability...) are current values:
  for a deal closed last year they include everything after its close, so they never enter;
- ``page_view`` activities are not counted either: a CRM reports a contact's visits as a count and
  its LAST visit (HubSpot's analytics properties, which the adapter turns into one activity per
  contact at that date), so "a visit on or before the moment" really says "no visit since", a
  fact about the future. On the demo market that one column carried churn's time-split holdout
  AUC to 0.96 (0.80 without it; the hidden risk itself ranks the same holdout at 0.92): active
  customers' contacts kept visiting after every past moment, churned ones had stopped;
- the dated page-view history is different (``extra["page_view_history"]``: each dated value of a
  contact's page-view count in the CRM's property history, HubSpot ``propertiesWithHistory`` on
  ``hs_analytics_num_page_views``, as a session with its pages): each is an event at its own
  time, so page views and days since the last visit are rebuilt as of any moment (the market's
  truth weighs both; without them the product path's error floor was 0.070);
- contacts count from when they can first have been on the deal (``Contact.added_at``: the
  Salesforce contact role's creation, HubSpot's contact createdate): a buying group that grows
  towards a win would otherwise show its final size at every past moment;
- dates become durations before the moment described, and a date after it is unknown (NaN);
- the expected close date enters only from its dated history (``extra["close_date_history"]``,
  HubSpot ``propertiesWithHistory`` on ``closedate``), as the value it held at the moment: the
  current close date of a closed deal is its actual close, which would tell training rows exactly
  how long they had left, and the value the close itself writes (on the close day) is never read.
  The rest of a deal's life is what its eventual win probability averages over: on the market
  (seed 3, 5,000 closed / 3,000 open, fast training) the product's mean abs(p - p_true) went
  0.093 -> 0.086 with it, and the error floor of a learner fitted on p_true 0.061 -> 0.052;
- free text (descriptions) is not a category.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

from integrations.base import CLOSE_DATE_HISTORY_KEY, PAGE_VIEW_HISTORY_KEY, Record
from integrations.money import RATES_KEY, CurrencyError, MoneySum, RateTable, split_sum

ACTIVITY_WINDOWS = (30, 90)
"""Day windows in which activities are counted."""

FEATURE_LABELS: dict[str, str] = {
    "amount": "Deal amount",
    "days_open": "Days open",
    "days_to_close": "Days to expected close",
    "days_to_expected_close": "Days to expected close",
    "days_since_last_activity": "Days since last activity",
    "days_since_last_meeting": "Days since last meeting",
    "days_since_last_email": "Days since last email",
    "days_since_last_call": "Days since last call",
    "page_views": "Page views",
    "days_since_last_visit": "Days since last web visit",
    "emails_in_total": "Inbound emails (so far)",
    "emails_out_total": "Outbound emails (so far)",
    "calls_total": "Calls (so far)",
    "meetings_total": "Meetings (so far)",
    "notes_total": "Notes (so far)",
    "top_title_level": "Most senior contact",
    "company_employees": "Company size (employees)",
    "company_industry": "Industry",
    "company_annual_revenue": "Company annual revenue",
    "company_country": "Country",
    "n_contacts": "Contacts on the deal",
    "has_exec_contact": "Executive contact",
    "closed_won_count": "Past deals won",
    "closed_won_sum": "Past revenue won",
    "days_since_last_won": "Days since last deal won",
    "n_stage_changes": "Stage changes",
    "pipeline": "Pipeline",
    "owner": "Deal owner",
    "stage": "Deal stage",
    # A lead's own (scoring.leads)
    "lead_age_days": "Lead age (days)",
    "title_seniority": "Title seniority",
    "lead_source": "Lead source",
    "rating": "Rating",
}
"""Our labels; the tenant's mapping labels win over these."""

DEFAULT_TARGET_KEYS = {"churn": "churned", "discount": "discount"}
"""``extra`` keys holding labels or treatments unless the mapping names others."""

TARGET_LIKE_KEYS = frozenset({"churned", "churn", "churn_date", "churned_at", "is_churned", "won", "is_won",
                              "closed_won", "outcome", "discount", "renewed", "renewal_status",
                              # A lead's conversion, by any of the names its outcome fields go by:
                              # each is set by the conversion (or the closing) itself.
                              "converted", "is_converted", "converted_date", "converted_at",
                              "converted_opportunity_id", "converted_account_id", "converted_contact_id",
                              "lead_status", "status", "is_closed"})
"""``extra`` keys never used as features whatever the mapping says: outcomes by another name."""

ROLLUP_KEYS = frozenset({"page_views", "num_notes", "num_contacts", "num_contacted_notes", "last_contacted_at",
                         "last_visit_at", "last_activity_at", "last_modified", "stage_probability",
                         "forecast_probability", "days_to_close", "closed_lost_reason", "closed_won_reason",
                         "close_date", "description"})
"""``extra`` keys that are current values (or post-outcome fields) and cannot be rebuilt as of a
past moment (page-view activities are last visits, not events: see the module docstring)."""

MAX_CATEGORY_TEXT = 60
"""Longest string value kept as a category; longer values are free text."""

TITLE_LEVELS = ((3, ("chief", "ceo", "cfo", "cto", "coo", "cio", "cmo", "cro", "president", "founder")),
                (2, ("vp", "vice president", "head of")),
                (1, ("director",)))
"""Seniority a contact's title shows (first match wins), matched on whole words: executives differ
(a CFO signs, a director recommends), so one yes/no flag for "director or above" loses what the
title says."""

EXEC_TITLE_LEVEL = 2
"""Title level from which a contact counts as an executive (VP, head of, C-level): the
``has_exec_contact`` flag is this level read from :data:`TITLE_LEVELS`, not a second word list.
(A substring list made "Doctor" an executive because it contains "cto".)"""


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


def hidden_keys(mapping: Mapping[str, Any] | None) -> frozenset[str]:
    """``extra`` keys that never become features (targets and rollups, see the module docstring)."""
    mapping = mapping or {}
    targets = {**DEFAULT_TARGET_KEYS, **(mapping.get("targets") or {})}
    return frozenset(TARGET_LIKE_KEYS | ROLLUP_KEYS | set(targets.values()) | set(mapping.get("rollups") or ()))


def snapshot_times(record: Record, step: timedelta) -> list[datetime]:
    """Moments of a closed deal's life on a calendar grid to describe it for training.

    The grid starts at a phase in ``[0, step)`` drawn from the deal's id (reproducible), so the
    expected number of moments is the deal's life divided by ``step``: a deal that stayed open
    three times as long is met three times as often among open deals, and gives three times the
    rows. A deal without a usable creation date, or closed when created, is described once, as
    of its close.
    """
    created, closed = parse_time(record.created_at), parse_time(record.close_date)
    if closed is None:
        return []
    if created is None or closed <= created:
        return [closed]
    digest = hashlib.sha256(f"{record.crm}:{record.id}".encode()).digest()
    at = created + step * (int.from_bytes(digest[:8], "big") / 2.0**64)
    out = []
    while at < closed:
        out.append(at)
        at += step
    return out


def snapshot_step(records: Iterable[Record], per_deal: float) -> timedelta:
    """The calendar step giving ``per_deal`` rows per closed deal on average: mean life / per_deal."""
    lives = [(c - o).total_seconds() for r in records
             if (o := parse_time(r.created_at)) is not None and (c := parse_time(r.close_date)) is not None and c > o]
    mean = sum(lives) / len(lives) if lives else 86400.0
    return timedelta(seconds=max(mean / max(per_deal, 1e-9), 3600.0))


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
        # In the corporate currency where the CRM's rates convert (the deal's own where there are none), so
        # a EUR and a USD deal of the same value look alike; unknown when its currency has no rate.
        "amount": _or_nan(amount_in_corporate(record)),
        "days_open": _days(now, parse_time(record.created_at)),
        "pipeline": record.pipeline,
        # The deal owner as a category: reps differ in skill, not in any order of their ids.
        "owner": str(record.owner.id) if record.owner and record.owner.id else None,
    }
    last: dict[str, datetime] = {}
    counts = {f"{k}_{w}d": 0 for w in ACTIVITY_WINDOWS for k in ("emails_in", "emails_out", "calls", "meetings")}
    # Whole-life counts so far: a long deal's early meetings still say how engaged the buyer is,
    # and a 90-day window forgets them.
    totals = {f"{k}_total": 0 for k in ("emails_in", "emails_out", "calls", "meetings", "notes")}
    for act in record.activities:
        at = parse_time(act.at)
        if at is None or at > now:
            continue
        age = _days(now, at)
        kind = act.type
        if kind in ("email", "call", "meeting", "note"):
            if kind not in last or at > last[kind]:
                last[kind] = at
            if "any" not in last or at > last["any"]:
                last["any"] = at
        key = {"email": "emails_in" if act.direction == "inbound" else "emails_out",
               "call": "calls", "meeting": "meetings", "note": "notes"}.get(kind)
        if key is None:
            continue
        totals[f"{key}_total"] += 1
        if key == "notes":
            continue
        for w in ACTIVITY_WINDOWS:
            if age <= w:
                counts[f"{key}_{w}d"] += 1
    feats.update(totals)
    sessions = (record.extra or {}).get(PAGE_VIEW_HISTORY_KEY)
    if isinstance(sessions, list | tuple):
        # Only when the CRM gave the dated history: without it "no visit yet" cannot be told
        # from "not read", and a zero would be a guess.
        views, last_visit = 0.0, None
        for when, pages in _sessions(sessions):
            if when <= now:
                views += pages
                last_visit = when if last_visit is None or when > last_visit else last_visit
        feats["page_views"] = views
        feats["days_since_last_visit"] = _days(now, last_visit)
    changes = (record.extra or {}).get(CLOSE_DATE_HISTORY_KEY)
    if isinstance(changes, list | tuple):
        closed = parse_time(record.close_date) if record.stage_kind in ("won", "lost") else None
        feats["days_to_expected_close"] = _days(expected_close_at(changes, now, closed), now)
    feats["days_since_last_activity"] = _days(now, last.get("any"))
    feats["days_since_last_meeting"] = _days(now, last.get("meeting"))
    feats["days_since_last_email"] = _days(now, last.get("email"))
    feats["days_since_last_call"] = _days(now, last.get("call"))
    feats.update(counts)
    extra = dict(record.extra or {})
    company = record.company
    feats["company_employees"] = float(company.employees) if company and company.employees is not None else math.nan
    feats["company_industry"] = company.industry if company else None
    feats["company_annual_revenue"] = (
        float(company.annual_revenue) if company and company.annual_revenue is not None else math.nan
    )
    feats["company_country"] = company.country if company else None
    # Only the contacts the deal could have had then: one added later is a fact about the future
    # (the deals that go on to win gather more people).
    contacts = [c for c in record.contacts if (added := parse_time(c.added_at)) is None or added <= now]
    feats["n_contacts"] = float(len(contacts))
    top_level = max((_title_level(c.title) for c in contacts), default=0)
    feats["has_exec_contact"] = float(top_level >= EXEC_TITLE_LEVEL)
    feats["top_title_level"] = float(top_level)
    won = [(parse_time(d.date), d.amount) for d in record.history.closed_won_deals]
    won = [(t, a) for t, a in won if t is not None and t < now]
    feats["closed_won_count"] = float(len(won))
    # In the corporate currency where the CRM's rates convert, else the record's own; amounts that
    # cannot be converted are left out, never added as if in the same currency (past_revenue says which).
    feats["closed_won_sum"] = past_revenue(record, now).total
    feats["days_since_last_won"] = _days(now, max(t for t, _ in won)) if won else math.nan
    passed = sorted(((t, s.stage) for s in record.history.stage_changes if (t := parse_time(s.at)) is not None
                     and t <= now), key=lambda ts: ts[0])
    feats["n_stage_changes"] = float(len(passed))
    # The stage the deal was in at that moment (from the stage history), never the current one:
    # a closed deal's current stage is its outcome.
    stage_then = passed[-1][1] if passed else (record.stage if record.stage_kind == "open" else None)
    feats["stage"] = None if stage_then == record.stage and record.stage_kind != "open" else stage_then
    hidden = hidden_keys(mapping)
    for key, value in extra.items():
        if key in hidden or key in feats:
            continue
        when = parse_time(value) if isinstance(value, str | datetime) and _looks_like_date(value) else None
        if when is not None:
            feats[f"days_since_{key}"] = _days(now, when) if when <= now else math.nan
        elif isinstance(value, str) and len(value) > MAX_CATEGORY_TEXT:
            continue
        elif value is None or isinstance(value, str | int | float | bool):
            feats[key] = value
    return feats


def expected_close_at(changes: Iterable[Any], moment: datetime, closed: datetime | None = None) -> datetime | None:
    """The close date the deal's field held at ``moment``, from its history ``[[time set, date], ...]``.

    Values set after the moment are unknown then. ``closed`` (a closed deal's close day): a value
    naming that day, set on it or later, is the close writing the actual date (an outcome) and is
    never read; a rep's push made on the close day, before the close, is a value like any other.
    Unreadable rows are skipped; None when no value was set by then.
    """
    held: tuple[datetime, datetime] | None = None
    for row in changes:
        try:
            when, value = parse_time(row[0]), parse_time(row[1])
        except (TypeError, IndexError):
            continue
        if when is None or value is None or when > moment:
            continue
        if closed is not None and when >= closed and value.date() == closed.date():
            continue
        if held is None or when >= held[0]:
            held = (when, value)
    return held[1] if held else None


def _title_level(title: str | None) -> int:
    # "Vice president" is not a president.
    text = "".join(ch if ch.isalnum() else " " for ch in (title or "").lower())
    words = f" {' '.join(text.split()).replace('vice president', 'vp')} "
    for level, marks in TITLE_LEVELS:
        if any(f" {m} " in words or (" " in m and m in words) for m in marks):
            return level
    return 0


def _sessions(rows: Iterable[Any]) -> Iterable[tuple[datetime, float]]:
    """``(time, pages)`` of the readable rows of a page-view history (others are skipped)."""
    for row in rows:
        try:
            when, pages = parse_time(row[0]), float(row[1])
        except (TypeError, ValueError, IndexError):
            continue
        if when is not None and math.isfinite(pages) and pages >= 0:
            yield when, pages


def _looks_like_date(value: Any) -> bool:
    if isinstance(value, datetime):
        return True
    text = str(value)
    return len(text) >= 10 and text[4] == "-" and text[7] == "-" and text[:4].isdigit()


def rate_table(record: Record) -> RateTable | None:
    """The CRM's rate table the connector put on the record, None when it gave none or a malformed one
    (a malformed table converts nothing: amounts then count only in the record's own currency)."""
    try:
        return RateTable.from_dict((record.extra or {}).get(RATES_KEY))
    except CurrencyError:
        return None


def past_revenue(record: Record, as_of: datetime | None = None) -> MoneySum:
    """The account's revenue won before ``as_of`` (all of it when None) in the corporate currency where the
    record's rate table converts, else in the record's own currency; the rest per currency, with why."""
    deals = [d for d in record.history.closed_won_deals
             if (t := parse_time(d.date)) is not None and (as_of is None or t < as_of)]
    return split_sum(((d.currency, d.amount) for d in deals), table=rate_table(record), default=record.currency)


def closed_won_log(record: Record) -> list[tuple[datetime, float]]:
    """The account's closed-won deals as ``(date, amount)``, oldest first (the CLV log), every amount in the
    currency of `past_revenue` (corporate where rates exist): a deal that cannot be converted is left out."""
    out = []
    for d in record.history.closed_won_deals:
        t, amount = parse_time(d.date), won_amount(record, d)
        if t is not None and amount is not None:
            out.append((t, amount))
    return sorted(out)


def _or_nan(value: float | None) -> float:
    return math.nan if value is None else float(value)


def won_amount(record: Record, deal: Any) -> float | None:
    """One closed-won deal's amount in the currency of `past_revenue`, None when it cannot be converted."""
    one = split_sum([(deal.currency, deal.amount)], table=rate_table(record), default=record.currency)
    return None if one.unconverted else one.total


def amount_in_corporate(record: Record) -> float | None:
    """The record's own amount in the currency of `past_revenue`, None when it cannot be converted."""
    if record.amount is None:
        return None
    one = split_sum([(record.currency, record.amount)], table=rate_table(record), default=record.currency)
    return None if one.unconverted else one.total
