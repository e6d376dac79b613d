"""The replay window shared by every signed-webhook scheme: parse a timestamp header, check its age.

HubSpot v3 signs milliseconds, our Salesforce callouts sign seconds; both reject a request whose
timestamp is missing, malformed, or outside the tolerance in either direction.
"""

from __future__ import annotations

from collections.abc import Callable

from webhooks.errors import SignatureVerificationError


def parse_timestamp(raw: str | None, *, header: str) -> int:
    """Parse an integer timestamp header; raise naming `header` on a missing or malformed value."""
    if raw is None or raw == "":
        raise SignatureVerificationError(f"missing {header} header")
    try:
        return int(raw)
    except ValueError:
        raise SignatureVerificationError(f"malformed {header}: {raw[:20]!r}") from None


def check_age(signed_at: float, *, now: Callable[[], float], tolerance: float) -> None:
    """Reject a signing time (epoch seconds) older, or further in the future, than `tolerance` seconds."""
    skew = now() - signed_at
    if skew > tolerance:
        raise SignatureVerificationError(f"stale timestamp ({skew:.0f}s old, limit {tolerance:.0f}s)")
    if skew < -tolerance:
        raise SignatureVerificationError(f"timestamp {-skew:.0f}s in the future")
