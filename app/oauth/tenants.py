"""Tenants and installations of HubSpot portals, and the adapter built from them.

`hubspot_client_for(tenant_id)` is how the app gets a CrmClient for a tenant: it decrypts the
stored tokens, and hands the adapter a callback that encrypts and persists every refreshed token.
"""

from __future__ import annotations

import logging
import threading
from datetime import UTC, datetime
from typing import Any

from flask import Flask, current_app
from sqlalchemy import select
from sqlalchemy.orm import Session

from app import defaults
from app.config import require
from app.storage import get_cipher, get_db
from app.storage.models import FieldMapping as FieldMappingRow
from app.storage.models import Installation, Tenant
from integrations.errors import CrmAuthExpired
from integrations.hubspot import CallStats, FieldMapping, HubSpotClient, OAuthClient, TokenSet
from integrations.hubspot import constants as hs_constants

log = logging.getLogger(__name__)

CRM = "hubspot"


def tenant_id_for(hub_id: str | int) -> str:
    """Our tenant id for a HubSpot portal (stable across re-installs)."""
    return f"hubspot-{hub_id}"


def oauth_client(app: Flask | None = None) -> OAuthClient:
    """The app's HubSpot OAuth client (client id/secret and URLs from configuration).

    Raises:
        ConfigError: HUBSPOT_CLIENT_ID or HUBSPOT_CLIENT_SECRET is not set.
    """
    cfg = (app or current_app).config
    require(cfg, "HUBSPOT_CLIENT_ID", "HUBSPOT_CLIENT_SECRET")
    return OAuthClient(
        cfg["HUBSPOT_CLIENT_ID"], cfg["HUBSPOT_CLIENT_SECRET"],
        base_url=cfg.get("HUBSPOT_API_BASE") or hs_constants.API_BASE,
        authorize_url=cfg.get("HUBSPOT_AUTHORIZE_URL") or hs_constants.AUTHORIZE_URL,
        token_path=cfg.get("HUBSPOT_TOKEN_PATH") or hs_constants.TOKEN_PATH,
        timeout=(defaults.CRM_CONNECT_TIMEOUT_SECONDS, defaults.CRM_READ_TIMEOUT_SECONDS),
    )


def hubspot_stats(app: Flask | None = None) -> CallStats:
    """Counters shared by every HubSpot adapter this app builds (token refreshes, 429 retries)."""
    a = app or current_app
    return a.extensions.setdefault("hubspot_stats", CallStats())


def active_installation(session: Session, tenant_id: str) -> Installation | None:
    """The tenant's live (not revoked) HubSpot installation, newest first."""
    return session.execute(
        select(Installation)
        .where(Installation.tenant_id == tenant_id, Installation.crm == CRM, Installation.revoked_at.is_(None))
        .order_by(Installation.id.desc())
        .limit(1)
    ).scalars().first()


def save_install(app: Flask, tokens: TokenSet, *, api_base: str, installed_by: str | None = None) -> str:
    """Create or update the tenant and its installation for a portal; tokens stored encrypted.

    Returns:
        The tenant id.
    """
    if not tokens.hub_id:
        raise ValueError("token response carried no hub_id")
    cipher = get_cipher(app)
    tenant_id = tenant_id_for(tokens.hub_id)
    with get_db(app).session() as s:
        tenant = s.get(Tenant, tenant_id)
        if tenant is None:
            s.add(Tenant(id=tenant_id, crm=CRM, external_id=str(tokens.hub_id), status="active"))
            s.flush()
        else:
            tenant.status = "active"
        inst = active_installation(s, tenant_id)
        if inst is None:
            inst = Installation(tenant_id=tenant_id, crm=CRM)
            s.add(inst)
        inst.access_token_enc = cipher.encrypt(tokens.access_token)
        inst.refresh_token_enc = cipher.encrypt(tokens.refresh_token)
        inst.expires_at = _dt(tokens.expires_at)
        inst.scopes = list(tokens.scopes)
        inst.api_base = api_base
        inst.installed_by = installed_by
        inst.installed_at = datetime.now(UTC)
    drop_cached_client(app, tenant_id)
    return tenant_id


def save_tokens(app: Flask, tenant_id: str, tokens: TokenSet) -> None:
    """Persist refreshed tokens (encrypted). Never raises: the refresh token did not change, so a
    failed save costs one more refresh later, not the installation."""
    try:
        cipher = get_cipher(app)
        with get_db(app).session() as s:
            inst = active_installation(s, tenant_id)
            if inst is None:
                return
            inst.access_token_enc = cipher.encrypt(tokens.access_token)
            if tokens.refresh_token:
                inst.refresh_token_enc = cipher.encrypt(tokens.refresh_token)
            inst.expires_at = _dt(tokens.expires_at)
    except Exception:
        log.exception("could not persist refreshed HubSpot tokens", extra={"tenant_id": tenant_id})


def load_tokens(app: Flask, tenant_id: str) -> tuple[TokenSet, str | None]:
    """Decrypt a tenant's tokens; returns (tokens, api_base).

    Raises:
        CrmAuthExpired: the tenant has no live installation (uninstalled or never installed).
    """
    with get_db(app).session() as s:
        inst = active_installation(s, tenant_id)
        tenant = s.get(Tenant, tenant_id)
        if inst is None or tenant is None or not inst.access_token_enc:
            raise CrmAuthExpired(f"tenant {tenant_id} has no live HubSpot installation", crm=CRM,
                                 should_retry=False)
        cipher = get_cipher(app)
        tokens = TokenSet(
            access_token=cipher.decrypt(inst.access_token_enc) or "",
            refresh_token=cipher.decrypt(inst.refresh_token_enc),
            expires_at=_epoch(inst.expires_at),
            hub_id=tenant.external_id,
            scopes=tuple(inst.scopes or ()),
        )
        return tokens, inst.api_base


def field_mapping_for(app: Flask, tenant_id: str) -> FieldMapping:
    """The tenant's field mapping: stored rows (object_type "deal") over the documented defaults."""
    from integrations.hubspot.mapping import DEFAULT_DEAL_FIELDS

    with get_db(app).session() as s:
        rows = s.execute(select(FieldMappingRow).where(FieldMappingRow.tenant_id == tenant_id)).scalars().all()
    overlay: dict[str, dict[str, str]] = {"deal": {}, "extra": {}, "company": {}, "contact": {}}
    for r in rows:
        if r.object_type == "deal":
            overlay["deal" if r.canonical in DEFAULT_DEAL_FIELDS else "extra"][r.canonical] = r.crm_field
        elif r.object_type in ("company", "contact"):
            overlay[r.object_type][r.canonical] = r.crm_field
    return FieldMapping.from_dict(overlay)


_cache_lock = threading.Lock()


def hubspot_client_for(tenant_id: str, app: Flask | None = None, *, fresh: bool = False) -> HubSpotClient:
    """The HubSpot adapter of a tenant, cached per app process.

    Args:
        tenant_id: our tenant id (`hubspot-<hub id>`).
        app: the Flask app (current_app when None).
        fresh: build a new adapter even if one is cached.

    Raises:
        CrmAuthExpired: the tenant has no live installation.
    """
    a = app or current_app._get_current_object()  # type: ignore[attr-defined]
    cache: dict[str, HubSpotClient] = a.extensions.setdefault("hubspot_clients", {})
    with _cache_lock:
        if not fresh and tenant_id in cache:
            return cache[tenant_id]
    tokens, api_base = load_tokens(a, tenant_id)
    client = HubSpotClient.connect(
        tokens,
        tenant_id=tenant_id,
        base_url=api_base or a.config.get("HUBSPOT_API_BASE") or hs_constants.API_BASE,
        oauth=oauth_client(a) if tokens.refresh_token else None,
        on_tokens=lambda new: save_tokens(a, tenant_id, new),
        retries=defaults.CRM_SDK_RETRIES,
        timeout=(defaults.CRM_CONNECT_TIMEOUT_SECONDS, defaults.CRM_READ_TIMEOUT_SECONDS),
        field_mapping=field_mapping_for(a, tenant_id),
        stats=hubspot_stats(a),
    )
    with _cache_lock:
        cache[tenant_id] = client
    return client


def drop_cached_client(app: Flask, tenant_id: str) -> None:
    """Forget a cached adapter (after re-install or uninstall)."""
    with _cache_lock:
        app.extensions.get("hubspot_clients", {}).pop(tenant_id, None)


def installed_tenants(app: Flask) -> list[str]:
    """Ids of tenants with a live HubSpot installation."""
    with get_db(app).session() as s:
        rows = s.execute(
            select(Installation.tenant_id).where(Installation.crm == CRM, Installation.revoked_at.is_(None))
            .distinct()
        ).all()
    return sorted(r[0] for r in rows)


def _epoch(dt: datetime | None) -> float | None:
    if dt is None:
        return None
    # SQLite hands back naive datetimes; they were stored as UTC, never local time.
    return (dt if dt.tzinfo else dt.replace(tzinfo=UTC)).timestamp()


def _dt(epoch: float | None) -> datetime | None:
    return datetime.fromtimestamp(epoch, tz=UTC) if epoch is not None else None


def describe_install(tokens: TokenSet) -> dict[str, Any]:
    """A loggable summary of a grant (no secrets)."""
    return {"hub_id": tokens.hub_id, "scopes": list(tokens.scopes), "expires_at": tokens.expires_at}
