"""Uninstall: revoke the portal's tokens at HubSpot, then delete everything we hold for it."""

from __future__ import annotations

import logging
from typing import Any

from flask import Flask, current_app

from app.audit import write_audit
from app.oauth.tenants import CRM, drop_cached_client, oauth_client
from app.storage import delete_tenant_data, get_cipher, get_db
from app.storage.models import Installation, Tenant

log = logging.getLogger(__name__)


def uninstall(tenant_id: str, app: Flask | None = None, *, revoke: bool = True) -> dict[str, Any]:
    """Revoke a tenant's HubSpot tokens and delete its data (tenant row included).

    Revocation is best effort: if HubSpot cannot be reached the data is still deleted, because
    keeping an uninstalled customer's data is the worse failure; the result says what happened.

    Returns:
        `{"tenant", "found", "revoked", "rows_deleted": {table: n}}`.
    """
    a = app or current_app._get_current_object()  # type: ignore[attr-defined]
    db = get_db(a)
    revoked = 0
    revoke_errors: list[str] = []
    with db.session() as s:
        tenant = s.get(Tenant, tenant_id)
        hub_id = tenant.external_id if tenant else None
        installs = s.query(Installation).filter(Installation.tenant_id == tenant_id).all()
        refresh_tokens = [i.refresh_token_enc for i in installs if i.refresh_token_enc]
    if revoke and refresh_tokens:
        cipher = get_cipher(a)
        client = oauth_client(a)
        for enc in refresh_tokens:
            try:
                if client.revoke(cipher.decrypt(enc) or ""):
                    revoked += 1
            except Exception as exc:  # see docstring: deletion must not depend on HubSpot
                revoke_errors.append(f"{type(exc).__name__}: {exc}"[:300])
                log.warning("token revocation failed; deleting data anyway", extra={"tenant_id": tenant_id})
    drop_cached_client(a, tenant_id)
    if hub_id is not None:
        from app.inbox import tenant_cache

        tenant_cache(a).forget(CRM, hub_id)
    with db.session() as s:
        counts = delete_tenant_data(s, tenant_id)
        # Tenant-less audit row: the tenant's own trail is gone with the rest of its data.
        write_audit(s, "tenant.uninstalled", tenant_id=None,
                    detail={"crm": CRM, "hub_id": hub_id, "tokens_revoked": revoked,
                            "revoke_errors": revoke_errors, "rows_deleted": counts})
    return {"tenant": tenant_id, "found": hub_id is not None, "revoked": revoked,
            "revoke_errors": revoke_errors, "rows_deleted": counts}
