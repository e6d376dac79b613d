"""People as the console shows them: a Salesforce sign-in names a User by id ("0050W00000002bJQAQ"), which
no admin recognises; the console shows the User's Name from the org, and keeps the id where a grant needs it.

Names are read from the CRM (`SELECT Id, Name FROM User`) once per process and tenant for NAME_TTL_SECONDS;
a CRM that cannot be read leaves the id shown (the page still renders, a minute later it asks again).
HubSpot's sign-in names people by e-mail, which is shown as it is.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable
from typing import Any

NAME_TTL_SECONDS = 600.0
"""How long a looked-up name (or a failed lookup, for a tenth of it) is reused."""

_cache: dict[tuple[str, str], tuple[str | None, float]] = {}
_lock = threading.Lock()


def names(app: Any, tenant_id: str, crm: str, users: Iterable[str | None]) -> dict[str, str]:
    """{user: display name} for the users the CRM can name (its sign-in names people by a User id, as Salesforce's
    does); others are left out."""
    from app.admin.access import person_id_kind

    if person_id_kind(crm) != "user_id":
        return {}
    now = time.monotonic()
    wanted = sorted({u for u in users if u})
    out: dict[str, str] = {}
    missing = []
    with _lock:
        for u in wanted:
            hit = _cache.get((tenant_id, u))
            if hit and hit[1] > now:
                if hit[0]:
                    out[u] = hit[0]
            else:
                missing.append(u)
    if not missing:
        return out
    from app.tenants import client_for

    try:
        found = client_for(tenant_id, app).user_names(missing)  # type: ignore[attr-defined]
        ttl = NAME_TTL_SECONDS
    except Exception:  # a CRM that cannot be reached must not take the console page down with it
        found, ttl = {}, NAME_TTL_SECONDS / 10
    with _lock:
        for u in missing:
            _cache[(tenant_id, u)] = (found.get(u), now + ttl)
    out.update({u: n for u, n in found.items() if n})
    return out


def forget() -> None:
    """Drop every cached name (tests; a renamed user shows at the latest after NAME_TTL_SECONDS)."""
    with _lock:
        _cache.clear()
