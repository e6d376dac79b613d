"""Tenants and installations of CRM accounts, and the CrmClient built from them (any CRM).

`client_for(tenant_id)` is how the app gets a CrmClient for a tenant: it decrypts the stored
tokens, asks the tenant's connector (app/connectors) for a client and hands it a callback that
encrypts and persists every refreshed token. Clients are cached per process and rebuilt when the
tenant's settings version changes (a mapping row edited by revenue ops), so every worker sees the
change within one batch.
"""

from __future__ import annotations

import logging
import threading
from datetime import UTC, datetime
from typing import Any

from flask import Flask, current_app
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app import defaults
from app.config import require
from app.connectors import get_connector
from app.storage import get_cipher, get_db, rowcount
from app.storage.models import Installation, Tenant
from integrations.base import OPT_OUT_CANONICAL, OUTPUT_FIELDS, CrmClient, TokenSet
from integrations.base import Installation as InstallationSpec
from integrations.errors import CrmAuthExpired

log = logging.getLogger(__name__)


class CallStats:
    """Counters shared by every client this app builds (calls, token refreshes, 429 retries...).

    Clients call `bump(name, n)` with whatever counter names they keep; `as_dict()` reads them
    back (demo summary, /metrics). Thread-safe: the in-process worker and web threads share one.
    """

    def __init__(self) -> None:
        self._counts: dict[str, int] = {}
        self._lock = threading.Lock()

    def bump(self, name: str, n: int = 1) -> None:
        with self._lock:
            self._counts[name] = self._counts.get(name, 0) + n

    def __getattr__(self, name: str) -> int:
        if name.startswith("_"):
            raise AttributeError(name)
        return self._counts.get(name, 0)

    def as_dict(self) -> dict[str, int]:
        with self._lock:
            return dict(self._counts)


def crm_stats(app: Flask | None = None) -> CallStats:
    """The call counters passed to every client of this app (one object per process)."""
    a = app or current_app
    stats: CallStats = a.extensions.setdefault("crm_stats", CallStats())
    return stats


def tenant_id_for(crm: str, account_id: str | int, app: Flask | None = None) -> str:
    """Our tenant id for a CRM account (stable across re-installs; the connector's scheme)."""
    return get_connector(crm, app).tenant_id_for(str(account_id))


def oauth_for(crm: str, app: Flask | None = None) -> Any:
    """The CRM's OAuth provider with this app's client id/secret.

    Raises:
        ConfigError: a setting the connector needs (e.g. the client secret) is not set.
    """
    a = app or current_app
    connector = get_connector(crm, a)
    needs = getattr(connector, "required_config", lambda: ())()
    require(a.config, *needs)
    return connector.oauth(a.config)


def active_installation(session: Session, tenant_id: str) -> Installation | None:
    """The tenant's live (not revoked) installation, newest first."""
    return session.execute(
        select(Installation)
        .where(Installation.tenant_id == tenant_id, Installation.revoked_at.is_(None))
        .order_by(Installation.id.desc())
        .limit(1)
    ).scalars().first()


def save_install(app: Flask, crm: str, tokens: TokenSet, *, api_base: str | None,
                 installed_by: str | None = None) -> str:
    """Create or update the tenant and its installation for an account; tokens stored encrypted.

    Returns:
        The tenant id.
    """
    if not tokens.account_id:
        raise ValueError("token response carried no account id")
    cipher = get_cipher(app)
    tenant_id = tenant_id_for(crm, tokens.account_id, app)
    with get_db(app).session() as s:
        tenant = s.get(Tenant, tenant_id)
        if tenant is None:
            tenant = Tenant(id=tenant_id, crm=crm, external_id=str(tokens.account_id), status="active")
            s.add(tenant)
            s.flush()
        else:
            tenant.status = "active"
        if tokens.account_name:
            tenant.name = tokens.account_name[:255]
        inst = active_installation(s, tenant_id)
        if inst is None:
            inst = Installation(tenant_id=tenant_id, crm=crm)
            s.add(inst)
        inst.access_token_enc = cipher.encrypt(tokens.access_token)
        inst.refresh_token_enc = cipher.encrypt(tokens.refresh_token)
        inst.expires_at = _dt(tokens.expires_at)
        inst.scopes = list(tokens.scopes)
        inst.api_base = tokens.instance_url or api_base
        inst.installed_by = installed_by
        inst.installed_at = datetime.now(UTC)
        inst.installed_by_name = tokens.user_name[:255] if tokens.user_name else None
        # Named now only where the CRM's exchange read names (an OAuth provider with `account_names`).
        inst.names_at = inst.installed_at if tokens.user_name or _reads_names(app, crm) else None
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
            stale = _names_stale(inst, datetime.now(UTC))
    except Exception:
        log.exception("could not persist refreshed tokens", extra={"tenant_id": tenant_id})
        return
    if stale:
        refresh_names(app, tenant_id, tokens)


def _reads_names(app: Flask, crm: str) -> bool:
    try:
        return hasattr(oauth_for(crm, app), "account_names")
    except Exception:  # a connector without its client id configured reads nothing
        return False


def _names_stale(inst: Installation, now: datetime) -> bool:
    """Whether a token refresh should read the account's and installer's names again."""
    if inst.names_at is None:
        return True
    return (now - inst.names_at).total_seconds() > defaults.ACCOUNT_NAMES_TTL_SECONDS


def refresh_names(app: Flask, tenant_id: str, tokens: TokenSet) -> bool:
    """Read the account's and the installer's names with `tokens` and store them (the tenant's name, the
    installation's `installed_by_name`), stamping `names_at` whatever the answer so a CRM that cannot answer
    is asked again only a day later. Never raises.

    Called after a token refresh (at most once per ACCOUNT_NAMES_TTL_SECONDS per tenant) and by the console's
    first view of a tenant installed before names were stored: a tenant keeps the host name an older
    install stored until then.

    Returns:
        True when a name was read.
    """
    try:
        with get_db(app).session() as s:
            tenant = s.get(Tenant, tenant_id)
            crm = tenant.crm if tenant is not None else None
        reader = getattr(oauth_for(crm, app), "account_names", None) if crm else None
        if reader is None:
            return False
        names = reader(tokens)
        with get_db(app).session() as s:
            tenant, inst = s.get(Tenant, tenant_id), active_installation(s, tenant_id)
            if tenant is None or inst is None:
                return False
            if names.account:
                tenant.name = names.account[:255]
            if names.user:
                inst.installed_by_name = names.user[:255]
            inst.names_at = datetime.now(UTC)
        return bool(names.account or names.user)
    except Exception:
        log.exception("could not read the account's names", extra={"tenant_id": tenant_id})
        return False


def load_installation(app: Flask, tenant_id: str) -> InstallationSpec:
    """Decrypt a tenant's installation (tokens, API base, field-mapping rows) for its connector.

    Raises:
        CrmAuthExpired: the tenant has no live installation (uninstalled or never installed).
    """
    with get_db(app).session() as s:
        inst = active_installation(s, tenant_id)
        tenant = s.get(Tenant, tenant_id)
        if inst is None or tenant is None or not inst.access_token_enc:
            raise CrmAuthExpired(f"tenant {tenant_id} has no live installation", crm=tenant.crm if tenant else None,
                                 should_retry=False)
        cipher = get_cipher(app)
        tokens = TokenSet(
            access_token=cipher.decrypt(inst.access_token_enc) or "",
            refresh_token=cipher.decrypt(inst.refresh_token_enc),
            expires_at=_epoch(inst.expires_at),
            account_id=tenant.external_id,
            scopes=tuple(inst.scopes or ()),
        )
        from app.settings.store import read_state

        state = read_state(s, tenant_id)  # the tenant's own field mappings, over the connector's defaults
        # Input features only: an output's target field (validated and stored) is never read back as
        # a feature of the record it describes.
        rows = [(object_type, canonical, str(entry["field"]))
                for object_type, entries in sorted(state.mappings.items())
                for canonical, entry in sorted(entries.items()) if canonical not in OUTPUT_FIELDS]
        if state.settings.opt_out_field:
            # The tenant's own opt-out checkbox, read with every contact (the CRM's own flag is
            # read anyway); last, so that it wins over a mapping row of the same canonical name.
            rows.append(("contact", OPT_OUT_CANONICAL, state.settings.opt_out_field))
        # Outputs the tenant sends to its own fields instead of ours: the connector writes there.
        outputs = [(object_type, canonical, str(entry["field"]))
                   for object_type, entries in sorted(state.mappings.items())
                   for canonical, entry in sorted(entries.items()) if canonical in OUTPUT_FIELDS]
        return InstallationSpec(tenant_id=tenant_id, crm=tenant.crm, account_id=tenant.external_id, tokens=tokens,
                                api_base=inst.api_base,
                                settings={"field_mappings": rows, "output_mappings": outputs,
                                          "lead_closed_statuses": state.settings.lead_closed_statuses,
                                          # HubSpot's rates (a Salesforce org's are read from the org).
                                          "exchange_rates": {"corporate": state.settings.corporate_currency,
                                                             "rates": dict(state.settings.exchange_rates)}
                                          if state.settings.corporate_currency else None,
                                          "settings_version": state.version})


def tenant_crm(app: Flask, tenant_id: str) -> str:
    """The CRM name of a tenant.

    Raises:
        CrmAuthExpired: no such tenant.
    """
    with get_db(app).session() as s:
        tenant = s.get(Tenant, tenant_id)
        if tenant is None:
            raise CrmAuthExpired(f"no tenant {tenant_id}", should_retry=False)
        return tenant.crm


def settings_version(app: Flask, tenant_id: str) -> int:
    """The tenant's settings version (bumped by every settings or mapping change); -1 if unknown."""
    with get_db(app).session() as s:
        v = s.execute(select(Tenant.settings_version).where(Tenant.id == tenant_id)).scalar_one_or_none()
    return -1 if v is None else int(v)


def bump_settings_version(session: Session, tenant_id: str) -> None:
    """Mark a tenant's settings changed; every worker rebuilds its cached client on its next batch."""
    session.execute(update(Tenant).where(Tenant.id == tenant_id)
                    .values(settings_version=Tenant.settings_version + 1))


_cache_lock = threading.Lock()


def client_for(tenant_id: str, app: Flask | None = None, *, fresh: bool = False) -> CrmClient:
    """The tenant's CrmClient, cached per process and per settings version.

    Args:
        tenant_id: our tenant id.
        app: the Flask app (current_app when None).
        fresh: build a new client even if one is cached.

    Raises:
        CrmAuthExpired: the tenant has no live installation.
    """
    a = app or current_app._get_current_object()  # type: ignore[attr-defined]
    factory = a.extensions.get("crm_factory")
    if factory is not None:  # tests inject a fake CRM
        return factory(tenant_id, tenant_crm(a, tenant_id))
    cache: dict[str, tuple[tuple[Any, ...], CrmClient]] = a.extensions.setdefault("crm_clients", {})
    version = _client_stamp(a, tenant_id)
    with _cache_lock:
        hit = cache.get(tenant_id)
        if not fresh and hit is not None and hit[0] == version:
            return hit[1]
    spec = load_installation(a, tenant_id)
    connector = get_connector(spec.crm, a)
    config = {**a.config, "CRM_STATS": crm_stats(a), "CRM_ON_DEAD_GRANT": lambda exc: _dead_grant(a, tenant_id, exc)}
    client = connector.client(spec, config=config, on_tokens=lambda new: save_tokens(a, tenant_id, new))
    with _cache_lock:
        cache[tenant_id] = (version, client)
    return client


def _dead_grant(app: Flask, tenant_id: str, exc: Exception) -> None:
    """A call met a dead session that cannot be renewed (no refresh token, or the CRM refused it): mark the
    installation as needing to be connected again, wherever the call came from (a job, the console, a card).

    Salesforce gives no token expiry, so only a call finds the session dead; the console read "Connected" and
    every call failed for good until then. A failure to record it must not hide the call's own error.
    """
    try:
        if mark_revoked(app, tenant_id, f"{type(exc).__name__}: {exc}"):
            log.warning("the CRM session cannot be renewed; installation marked for reconnecting",
                        extra={"tenant_id": tenant_id})
    except Exception:
        log.exception("could not mark the installation for reconnecting", extra={"tenant_id": tenant_id})


def _client_stamp(app: Flask, tenant_id: str) -> tuple[Any, ...]:
    """What a cached client must still match: the settings version and the live installation (its
    id and install time). The version alone starts again after an uninstall, and a re-install keeps
    it, so a worker kept the tokens of a grant the CRM had revoked: its next refresh was refused and
    revoked the new installation. Only the process that handled the install could drop its copy."""
    with get_db(app).session() as s:
        row = s.execute(
            select(Tenant.settings_version, Installation.id, Installation.installed_at)
            .outerjoin(Installation, (Installation.tenant_id == Tenant.id) & Installation.revoked_at.is_(None))
            .where(Tenant.id == tenant_id)
            .order_by(Installation.id.desc())
            .limit(1)
        ).first()
    return tuple(row) if row is not None else (-1,)


def drop_cached_client(app: Flask, tenant_id: str) -> None:
    """Forget a cached client (after re-install or uninstall)."""
    with _cache_lock:
        app.extensions.get("crm_clients", {}).pop(tenant_id, None)


def installed_tenants(app: Flask, crm: str | None = None) -> list[str]:
    """Ids of tenants with a live installation (of one CRM, or of any)."""
    stmt = select(Installation.tenant_id).where(Installation.revoked_at.is_(None))
    if crm:
        stmt = stmt.where(Installation.crm == crm)
    with get_db(app).session() as s:
        rows = s.execute(stmt.distinct()).all()
    return sorted(r[0] for r in rows)


def mark_revoked(app: Flask, tenant_id: str, reason: str) -> bool:
    """The CRM refused our refresh token (uninstalled on its side): revoke the installation now.

    Its jobs stop (no live installation → no client), its data stays until the grace period of
    `erase_revoked` ends. Returns True if a live installation was revoked by this call.
    """
    from app.audit import write_audit

    if _stored_grant_works(app, tenant_id):
        drop_cached_client(app, tenant_id)
        log.warning("a refused refresh came from a superseded grant; the installation's own works and stays",
                    extra={"tenant_id": tenant_id})
        return False
    now = datetime.now(UTC)
    with get_db(app).session() as s:
        result = s.execute(update(Installation).where(Installation.tenant_id == tenant_id,
                                                      Installation.revoked_at.is_(None))
                           .values(revoked_at=now))
        s.execute(update(Tenant).where(Tenant.id == tenant_id).values(status="revoked"))
        done = rowcount(result) > 0
        if done:
            write_audit(s, "tenant.revoked", tenant_id=tenant_id, detail={"reason": reason[:500]})
    drop_cached_client(app, tenant_id)
    return done


def _stored_grant_works(app: Flask, tenant_id: str) -> bool:
    """Whether the live installation's own refresh token is accepted (the new tokens are saved).

    A batch that began before a re-install holds the previous grant; its refusal must not revoke
    the installation that replaced it. Any failure here (refused, no token, CRM away) is False:
    the refusal then stands, as before.
    """
    try:
        spec = load_installation(app, tenant_id)
        if not spec.tokens.refresh_token:
            return False
        fresh = oauth_for(spec.crm, app).refresh(spec.tokens)
    except Exception:
        return False
    save_tokens(app, tenant_id, fresh)
    return True


def _epoch(dt: datetime | None) -> float | None:
    if dt is None:
        return None
    # SQLite hands back naive datetimes; they were stored as UTC, never local time.
    return (dt if dt.tzinfo else dt.replace(tzinfo=UTC)).timestamp()


def _dt(epoch: float | None) -> datetime | None:
    return datetime.fromtimestamp(epoch, tz=UTC) if epoch is not None else None


def describe_install(tokens: TokenSet) -> dict[str, Any]:
    """A loggable summary of a grant (no secrets)."""
    return {"account_id": tokens.account_id, "scopes": list(tokens.scopes), "expires_at": tokens.expires_at}
