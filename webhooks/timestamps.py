"""The replay window shared by every signed-webhook scheme: parse a timestamp header, check its age.

HubSpot v3 signs milliseconds, our Salesforce callouts sign seconds; both reject a request whose
timestamp is missing, malformed, or outside the tolerance in either direction.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from webhooks.errors import SignatureVerificationError

TIMESTAMP = re.compile(r"[0-9]{1,16}")
"""An epoch timestamp as the CRMs write it: ASCII digits only, at most 16 (milliseconds until the year 318857).
Python's int() also takes '+5', ' 5 ', '1_000', Arabic-Indic digits and 4,300-digit numbers; the last
overflowed the float age check, a 500 for anyone who sent one, before any signature was looked at."""


def parse_timestamp(raw: str | None, *, header: str) -> int:
    """Parse an integer timestamp header; raise naming `header` on a missing or malformed value."""
    if raw is None or raw == "":
        raise SignatureVerificationError(f"missing {header} header")
    if not TIMESTAMP.fullmatch(raw):
        raise SignatureVerificationError(f"malformed {header}: {raw[:20]!r}")
    return int(raw)


def check_age(signed_at: float, *, now: Callable[[], float], tolerance: float) -> None:
    """Reject a signing time (epoch seconds) older, or further in the future, than `tolerance` seconds."""
    skew = now() - signed_at
    if skew > tolerance:
        raise SignatureVerificationError(f"stale timestamp ({skew:.0f}s old, limit {tolerance:.0f}s)")
    if skew < -tolerance:
        raise SignatureVerificationError(f"timestamp {-skew:.0f}s in the future")
