"""Authentication, scopes, rate limits and injected faults for every HubSpot API call.

Runs as the API blueprints' `before_request`: resolves the Bearer token to a portal, checks
the scope the call needs, counts the call against the portal's limits, and leaves the portal,
grant and rate-limit headers on `flask.g` for the view and `after_request`.
"""

from __future__ import annotations

import time

from flask import Response, g, jsonify, request

from . import errors, schema
from .state import current

SCOPE_OBJECTS = {
    "contacts": "contacts", "companies": "companies", "deals": "deals", "tickets": "tickets",
    "tasks": "contacts", "notes": "contacts", "emails": "contacts", "calls": "contacts", "meetings": "contacts",
    "users": "users",
}
"""Object type -> the `crm.objects.<x>` scope family HubSpot requires (engagements: contacts)."""


def required_scope(path: str, method: str) -> str | None:
    """Return the scope a call needs, or None when any valid token may call it."""
    parts = path.strip("/").split("/")
    write = method not in ("GET", "HEAD") and not path.endswith(("/search", "/batch/read"))
    if len(parts) >= 4 and parts[0] == "crm" and parts[2] == "objects":
        otype = schema.canonical_type(parts[3])
        fam = SCOPE_OBJECTS.get(otype or "", "contacts")
        return f"crm.objects.{fam}.{'write' if write else 'read'}"
    if len(parts) >= 3 and parts[:3] == ["crm", "v3", "owners"]:
        return "crm.objects.owners.read"
    if len(parts) >= 4 and parts[:3] == ["crm", "v3", "properties"]:
        otype = schema.canonical_type(parts[3]) or "contacts"
        if otype in ("contacts", "companies", "deals"):
            return f"crm.schemas.{otype}.{'write' if write else 'read'}"
    return None


def authenticate() -> None:
    """Resolve the token, check scope and limits (before_request of the API blueprints).

    Raises:
        errors.ApiError: 401, 403, 429 or an injected 500.
    """
    sb = current()
    header = request.headers.get("Authorization", "")
    token = header[7:].strip() if header.lower().startswith("bearer ") else ""
    grant, expired_ago = sb.tokens.check(token) if token else (None, 0)
    if grant is None:
        raise errors.expired_auth(expired_ago) if expired_ago else errors.invalid_auth()
    portal = sb.portals.get(grant.hub_id)
    if portal is None:
        raise errors.invalid_auth()
    scope = required_scope(request.path, request.method)
    if scope and scope not in grant.scopes:
        raise errors.missing_scopes([scope])
    private = token == sb.config.private_app_token
    g.private = private
    g.rate_headers = sb.limiter.admit(grant.hub_id, search=request.path.endswith("/search"), private=private)
    g.portal, g.grant = portal, grant
    # Who the change comes from, as property history and webhooks report it.
    g.source_id = str(sb.config.app_id) if not private else f"private-app:{sb.config.app_id}"


def add_rate_headers(resp: Response) -> Response:
    """Attach the X-HubSpot-RateLimit-* headers computed for this call."""
    for k, v in (getattr(g, "rate_headers", None) or {}).items():
        resp.headers[k] = v
    if request.blueprint != "hs_control" and "X-HubSpot-Correlation-Id" not in resp.headers:
        resp.headers["X-HubSpot-Correlation-Id"] = errors.correlation_id()
    return resp


READ_SUFFIXES = ("/search", "/batch/read")
"""POSTs that only read: never subject to the after-write faults."""


def is_write(method: str, path: str) -> bool:
    """Tell whether an API call changes the store (creates, updates, archives, associates)."""
    return method in ("POST", "PATCH", "PUT", "DELETE") and not path.endswith(READ_SUFFIXES)


def after_write_fault(resp: Response) -> Response:
    """A committed write answered 502 (lost response) or 504 (timeout), when that fault is on.

    The store already holds the write, exactly as behind a real gateway that gave up on the
    response: the client must look the object up before creating it again.
    """
    if resp.status_code >= 300 or not is_write(request.method, request.path) or getattr(g, "private", True):
        return resp
    fault = current().limiter.after_write()
    if fault is None:
        return resp
    kind, delay = fault
    if delay:
        time.sleep(delay)
    status = 502 if kind == "502" else 504
    message = "Bad gateway" if status == 502 else "The request timed out"
    out = jsonify(errors.error_body(message, "BAD_GATEWAY" if status == 502 else "TIMEOUT"))
    out.status_code = status
    return out
