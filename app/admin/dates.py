"""The console's one way of writing a moment: "2026-12-04 18:25 UTC".

Every page, table and message of the console writes times through `when` (the template filter of
the same name), whether the moment is a datetime from the database or an ISO-8601 string from an
audit row's detail ("2026-12-04T18:23:02.478471Z" was printed raw on the re-sync's status page).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any


def when(value: Any, *, seconds: bool = False, zone: bool = True) -> str:
    """A moment in UTC as "2026-12-04 18:25 UTC" ("–" when absent; text that is no time unchanged).

    Args:
        value: an aware or naive-UTC datetime, or an ISO-8601 string.
        seconds: add the seconds ("18:25:02"), for tables of events that follow each other closely.
        zone: end with " UTC" (a table whose column heading says "When (UTC)" leaves it out).
    """
    if value is None or value == "":
        return "–"
    at = value
    if isinstance(value, str):
        try:
            at = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return value
    if not isinstance(at, datetime):
        return str(value)
    at = at.astimezone(UTC) if at.tzinfo else at  # naive times are the database's UTC
    text = at.strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")
    return f"{text} UTC" if zone else text
