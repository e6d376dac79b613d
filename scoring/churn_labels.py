"""Churn training rows: every customer described at the same kind of moment, labelled by what followed.

Describing churned customers as of their churn date and the others as of today leaks the label
through every time-dependent feature (days open, activity recency, the deal's age): on the demo
market that gave a holdout AUC of 1.0. Instead each customer is observed at regular moments
after it became one (its first closed-won deal), and each moment's label says whether it churned
within the next `horizon_days`. A moment whose horizon has not passed yet and that saw no churn is
censored (left out), and no moment after a churn is used, so both classes are described the same
way and the score means "P(churn within the horizon from now)".
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from .features import parse_time

TRUE_VALUES = frozenset({"true", "1", "yes", "y", "churned"})
FALSE_VALUES = frozenset({"false", "0", "no", "n", "active", ""})


@dataclass(frozen=True)
class ChurnObservation:
    """One customer at one moment: the deal that describes it, the moment, and the label."""

    record: Any
    at: datetime
    churned: int
    known_at: datetime
    company: str


def churn_flag(value: Any) -> bool | None:
    """A churn field's value as a boolean; None when it is not a yes/no value."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return bool(value) if value in (0, 1) else None
    text = str(value or "").strip().lower()
    if text in TRUE_VALUES:
        return True
    if text in FALSE_VALUES:
        return False
    return None


def dated_labels(records: Iterable[Any], flag_key: str, date_key: str) -> bool:
    """Whether the records carry yes/no churn flags with a date on every churned one (this module's input)."""
    seen = False
    for record in records:
        raw = record.extra.get(flag_key)
        if raw is None:
            continue
        flag = churn_flag(raw)
        if flag is None or (flag and parse_time(record.extra.get(date_key)) is None):
            return False
        seen = True
    return seen


def observations(records: Iterable[Any], *, flag_key: str, date_key: str, now: datetime, horizon_days: int,
                 step_days: int) -> Iterator[ChurnObservation]:
    """Yield each customer's observation moments with their horizon labels (see the module docstring)."""
    horizon, step = timedelta(days=horizon_days), timedelta(days=step_days)
    by_company: dict[str, list[Any]] = {}
    for record in records:
        if record.company and record.company.id and churn_flag(record.extra.get(flag_key)) is not None:
            by_company.setdefault(str(record.company.id), []).append(record)
    for company, deals in sorted(by_company.items()):
        won = [t for d in deals for t in (parse_time(w.date) for w in d.history.closed_won_deals) if t is not None]
        won += [t for d in deals if d.stage_kind == "won" for t in [parse_time(d.close_date)] if t is not None]
        if not won:
            continue
        churned_at = next((parse_time(d.extra.get(date_key)) for d in deals
                           if churn_flag(d.extra.get(flag_key))), None)
        at = min(won) + step
        while at < now and (churned_at is None or at < churned_at):
            label = int(churned_at is not None and churned_at <= at + horizon)
            if label or at + horizon <= now:
                record = _latest_before(deals, at)
                if record is not None:
                    known = churned_at if label and churned_at is not None else at + horizon
                    yield ChurnObservation(record, at, label, known, company)
            at += step


def _latest_before(deals: list[Any], at: datetime) -> Any:
    started = [(t, d) for d in deals if (t := parse_time(d.created_at)) is not None and t <= at]
    return max(started, key=lambda p: p[0])[1] if started else None


def horizon_of(mapping: Mapping[str, Any] | None, default: int) -> int:
    """The churn horizon in days from the mapping's `churn_horizon_days`, else `default`."""
    value = (mapping or {}).get("churn_horizon_days")
    return int(value) if isinstance(value, int) and value > 0 else default
