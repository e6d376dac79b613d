"""Lead conversion: will this lead convert (to an account, a contact and usually an opportunity)?

A lead's question is not a deal's: the deal model asks "will this opportunity be closed won?"
and, read on a lead, gave nearly every lead the same ~1%. The ``lead_conversion`` task learns
from the tenant's own closed leads:

- a **training row** is a closed lead: converted (the positive class, ``converted``) or closed
  without conversion (``not converted``); open leads are never labelled (their outcome is unknown);
- each closed lead is described at moments of its life on the same calendar grid as deals
  (:func:`scoring.features.snapshot_times`: durations, never absolute dates), from its creation to
  the day it was converted or closed, so rows look like the open leads they will score;
- what its outcome wrote never reaches the features: the conversion date and ids, the converted
  flag and the Status itself (a closed lead's Status IS its outcome) are not read here, their
  ``extra`` names are in :data:`scoring.features.TARGET_LIKE_KEYS`, and the leakage screen drops
  any other column that alone predicts the outcome.

Features are what a Lead has: its source, industry, size, revenue, rating, country, the seniority
of its title, its activity (Tasks and Events on the lead) so far, its age and the days since its
last activity. Missing values stay missing (NaN / no category), the encoder imputes them and the
explanation says so; nothing is guessed here.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from integrations.base import Record

from .features import _title_level, record_features

TASK = "lead_conversion"
"""The task name in the registry (its champion is separate from the deal's ``conversion``)."""

OBJECT_TYPE = "lead"
"""The canonical object type whose records this task trains on and scores."""

POSITIVE = "converted"
NEGATIVE = "not converted"
"""The label values: the positive class is named, never guessed (see ``coerce_binary_target``)."""

UNIT = "closed leads (converted or closed unconverted)"
"""What the task's minimum data counts."""

DEAL_ONLY_FEATURES = ("amount", "pipeline", "stage", "n_stage_changes", "closed_won_count", "closed_won_sum",
                      "days_since_last_won", "n_contacts", "has_exec_contact", "days_to_expected_close",
                      "days_open", "top_title_level")
"""Deal features a lead does not have (or has under its own name below): a lead has no amount, no
stage history, one person; its Status is its outcome once closed, so "stage" never enters."""

NOT_FOR_LEADS = {
    "churn": "a lead is not a customer yet: churn risk applies to the account once the lead converts",
    "price": "a lead has no quote yet: the best discount is scored on the opportunity once the lead converts",
}
"""Deal-model tasks a Lead is not scored by, with the reason the card shows. Those models were trained
on deals' features; a Lead has none of them (no amount, stage or account history), so their number
for a Lead was the models' answer to missing values, and a churn figure above the escalation
threshold could send a lead to a human for a risk it cannot have."""


def is_lead(record: Any) -> bool:
    return getattr(record, "object_type", None) == OBJECT_TYPE


def label(record: Record) -> str | None:
    """``converted`` / ``not converted`` for a closed lead; None for an open one (not a training row).

    The connector sets ``stage_kind``: ``won`` for a converted lead, ``lost`` for a lead whose
    Status is a closed, unconverted value; anything else is open.
    """
    if record.stage_kind == "won":
        return POSITIVE
    if record.stage_kind == "lost":
        return NEGATIVE
    return None


def lead_features(record: Record, mapping: Mapping[str, Any] | None = None,
                  as_of: datetime | None = None) -> dict[str, Any]:
    """A lead's features as of a moment (default: now, or a closed lead's close).

    Built on :func:`scoring.features.record_features` (activity counts and recency, company fields,
    owner, mapped ``extra`` such as ``lead_source`` and ``rating`` with outcome keys hidden), with
    the deal-only features removed and the lead's age and title seniority under their own names.
    """
    feats = record_features(record, mapping, as_of)
    age = feats.get("days_open", math.nan)
    person = record.contacts[0] if record.contacts else None
    for key in DEAL_ONLY_FEATURES:
        feats.pop(key, None)
    feats["lead_age_days"] = age
    # A missing title is unknown, not "junior": NaN lets the encoder say "missing".
    feats["title_seniority"] = float(_title_level(person.title)) if person and person.title else math.nan
    return feats
