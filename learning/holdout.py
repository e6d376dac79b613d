"""The global holdout: a stable share of records that gets no AI action, to measure lift.

Assignment hashes (tenant, CRM, object type, record id, salt): the same record is always in or
out, whatever the worker or the day, and changing the share only moves the records between the
old and new thresholds. The pipeline logs the assignment with every decision (`holdout=True`
decisions carry arm `HOLDOUT_ARM` and propensity 1) so lift is measured from the same tables.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from learning import defaults
from learning.errors import LearningConfigError

HOLDOUT_ARM = "holdout"
"""Arm logged for a holdout record's decision (no AI action)."""


@dataclass(frozen=True)
class HoldoutAssignment:
    """Whether a record is held out, and the hash bucket that decided it (logged)."""

    holdout: bool
    bucket: float
    share: float


def assign(tenant_id: str, crm: str, record_id: str, *, share: float | None = None,
           object_type: str = "deal", salt: str = "holdout-v1") -> HoldoutAssignment:
    """Return the record's stable holdout assignment.

    Raises:
        LearningConfigError: `share` is outside [0, 0.5].
    """
    # read at call time, not bound at import: a benchmark's `--set HOLDOUT_SHARE=` must reach it
    share = defaults.HOLDOUT_SHARE if share is None else share
    if not 0.0 <= share <= 0.5:
        raise LearningConfigError(f"holdout share must be between 0 and 0.5, got {share}")
    digest = hashlib.sha256(f"{salt}|{tenant_id}|{crm}|{object_type}|{record_id}".encode()).digest()
    bucket = int.from_bytes(digest[:8], "big") / 2.0 ** 64
    return HoldoutAssignment(holdout=bucket < share, bucket=bucket, share=share)
