"""Uninstall: revoke the account's tokens at the CRM, then delete everything we hold for it.

Also the grace-period eraser for installations the CRM revoked on its side (a refused refresh,
`mark_revoked`): their data is kept for REVOKED_GRACE_SECONDS (a re-install within it resumes
with its history), then deleted exactly as an uninstall deletes it.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from flask import Flask, current_app
from sqlalchemy import delete, func, select

from app import defaults
from app.audit import write_audit
from app.connectors import get_connector
from app.logs import scrub
from app.storage import delete_tenant_data, get_cipher, get_db, rowcount
from app.storage.models import Installation, QuarantinedEvent, Tenant
from app.tenants import drop_cached_client, oauth_for
from integrations.base import TokenSet

log = logging.getLogger(__name__)


def uninstall(tenant_id: str, app: Flask | None = None, *, revoke: bool = True) -> dict[str, Any]:
    """Revoke a tenant's tokens and delete its data (tenant row included).

    Revocation is best effort: if the CRM cannot be reached the data is still deleted, because
    keeping an uninstalled customer's data is the worse failure; the result says what happened.

    Returns:
        `{"tenant", "found", "revoked", "revoke_errors", "rows_deleted": {table: n}}`.
    """
    a = app or current_app._get_current_object()  # type: ignore[attr-defined]
    db = get_db(a)
    revoked = 0
    revoke_errors: list[str] = []
    with db.session() as s:
        tenant = s.get(Tenant, tenant_id)
        account_id = tenant.external_id if tenant else None
        crm = tenant.crm if tenant else None
        installs = s.query(Installation).filter(Installation.tenant_id == tenant_id).all()
        refresh_tokens = [i.refresh_token_enc for i in installs if i.refresh_token_enc]
    if revoke and refresh_tokens and crm:
        cipher = get_cipher(a)
        for enc in refresh_tokens:
            try:
                oauth_for(crm, a).revoke(TokenSet(access_token="", refresh_token=cipher.decrypt(enc) or ""))
                revoked += 1
            except Exception as exc:  # see docstring: deletion must not depend on the CRM
                revoke_errors.append(scrub(f"{type(exc).__name__}: {exc}")[:300])  # answered and audited
                log.warning("token revocation failed; deleting data anyway", extra={"tenant_id": tenant_id})
    drop_cached_client(a, tenant_id)
    if account_id is not None and crm is not None:
        from app.inbox import tenant_cache

        tenant_cache(a).forget(crm, account_id)
        try:
            get_connector(crm, a).forget_account(account_id, config=a.config)
        except Exception:  # Redis away: the rows below must still go; its keys expire on their own
            log.warning("could not erase the account's shared CRM cache", extra={"tenant_id": tenant_id},
                        exc_info=True)
    if crm is not None:
        _forget_jobs(a, crm, tenant_id)
    files = erase_files(a, tenant_id)
    with db.session() as s:
        counts = delete_tenant_data(s, tenant_id)
        if crm is not None and account_id is not None:
            counts["quarantined_events"] = rowcount(s.execute(delete(QuarantinedEvent).where(
                QuarantinedEvent.crm == crm, QuarantinedEvent.account_hint == account_id)))
        # Tenant-less audit row: the tenant's own trail is gone with the rest of its data, and this
        # one names the account only by a one-way reference (erasure leaves no identifier).
        write_audit(s, "tenant.uninstalled", tenant_id=None,
                    detail={"crm": crm, "account_ref": _ref(crm, account_id), "tokens_revoked": revoked,
                            "revoke_errors": revoke_errors, "rows_deleted": counts})
    if crm is not None and account_id is not None:
        from app.site.snapshot import forget_account

        # After the rows: the snapshot is rewritten from what the database still holds.
        files += forget_account(a, Path(a.config["DATA_DIR"]), crm, account_id)
    return {"tenant": tenant_id, "found": account_id is not None, "revoked": revoked,
            "revoke_errors": revoke_errors, "rows_deleted": counts, "files_deleted": files}


def _forget_jobs(app: Flask, crm: str, tenant_id: str) -> None:
    """Delete the tenant's queued, scheduled and finished jobs from the queue (Redis keys named by the tenant);
    never raises: a queue that is down leaves them to their TTLs, and a job that runs finds no record."""
    from app.dispatch import get_dispatcher

    try:
        deleted = get_dispatcher(app).backend.forget_tenant(crm, tenant_id)
        log.info("deleted %d queued or finished job(s) of the tenant", deleted, extra={"tenant_id": tenant_id})
    except Exception:
        log.warning("could not delete the tenant's jobs from the queue", extra={"tenant_id": tenant_id}, exc_info=True)


def _ref(crm: str | None, account_id: str | None) -> str | None:
    if account_id is None:
        return None
    return hashlib.sha256(f"{crm}:{account_id}".encode()).hexdigest()[:16]


def erase_files(app: Flask, tenant_id: str) -> int:
    """Delete the tenant's files (model artefacts, training snapshots) and in-process caches.

    Every per-tenant directory is named after the tenant id, under the model store and the data
    directory; this removes each of them, wherever a module put one. Returns files deleted.
    """
    from app.pipeline.tenant import model_dir

    # The id is matched as a name, never as a pattern: `hubspot-*` (or `?`, `[...]`) named no tenant
    # and erased every tenant it matched, before the uninstall answered "no tenant".
    if not tenant_id or "/" in tenant_id or "\\" in tenant_id or tenant_id in (".", ".."):
        return 0
    roots = {Path(model_dir(app)), Path(app.config["DATA_DIR"])}
    doomed = {root / tenant_id for root in roots}
    for root in roots:
        for parent, dirs, _files in os.walk(root):
            doomed.update(Path(parent) / d for d in dirs if d == tenant_id)
    deleted = 0
    for path in sorted(doomed, key=lambda p: len(p.parts)):
        if path.is_dir():
            deleted += sum(1 for f in path.rglob("*") if f.is_file())
            shutil.rmtree(path, ignore_errors=True)
    for key in ("champions", "settings_cache", "clients"):
        cache = app.extensions.get(key)
        if isinstance(cache, dict):
            cache.pop(tenant_id, None)
    return deleted


def erase_revoked(app: Flask, *, now: datetime | None = None, grace: float | None = None) -> list[str]:
    """Delete the data of tenants whose every installation was revoked more than `grace` ago.

    Returns:
        The tenant ids erased.
    """
    at = now or datetime.now(UTC)
    wait = float(grace if grace is not None else app.config.get("REVOKED_GRACE_SECONDS",
                                                               defaults.REVOKED_GRACE_SECONDS))
    with get_db(app).session() as s:
        rows = s.execute(
            select(Installation.tenant_id)
            .join(Tenant, Tenant.id == Installation.tenant_id)
            .where(Tenant.status == "revoked")
            .group_by(Installation.tenant_id)
            .having(func.count(Installation.id) == func.count(Installation.revoked_at))
            .having(func.max(Installation.revoked_at) < at - timedelta(seconds=wait))
        ).all()
    erased = []
    for (tenant_id,) in rows:
        uninstall(tenant_id, app, revoke=False)
        erased.append(tenant_id)
    return erased
