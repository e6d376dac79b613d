"""Who may replace an account's live installation by consenting to the install again.

The installing user is the console's admin of the account and the app runs on their grant, so
an install callback for an account that already has a live installation is a change of owner.
A CRM lets more people consent than the account's admins (Salesforce: any user the connected
app's policy lets self-authorize; HubSpot: anyone with App Marketplace Access), so the consent
alone does not decide it. The new consent may replace the installation when:
- it comes from the installing user (a re-install to grant new scopes), or from a user an admin
  made admin of the account in the console;
- the browser is signed in as the operator;
- the stored grant is dead: the CRM refuses its refresh token (the app was uninstalled on the
  CRM's side, which HubSpot never tells us about);
- the installation does not record who installed it (installs from before that was recorded).
"""

from __future__ import annotations

import logging
from typing import Any

from flask import Flask
from sqlalchemy import select

from app.admin.access import GrantError, normal_user, same_user
from app.auth import is_admin
from app.storage import get_db
from app.storage.crypto import TokenKeyError
from app.storage.models import ConsoleGrant
from app.tenants import active_installation, load_installation, oauth_for, save_tokens
from integrations.base import TokenSet
from integrations.errors import CrmError

log = logging.getLogger(__name__)


class ReinstallRefused(Exception):
    """A user other than the account's owner tried to replace its live installation."""

    def __init__(self, owner: str, user: str | None) -> None:
        super().__init__(
            f"the app is already installed in this account by {owner}; only they, an admin of this account in "
            f"the Agentic Sales console, or the operator can install it again. Ask {owner} to re-install, or to "
            f"make {user or 'you'} an admin on the console's Access page.")
        self.owner, self.user = owner, user


def check_reinstall(app: Flask, crm: str, tenant_id: str, tokens: TokenSet) -> None:
    """Return when this consent may (re)install `tenant_id`; see the module docstring.

    Raises:
        ReinstallRefused: someone else owns the live installation and its grant still works.
    """
    with get_db(app).session() as s:
        inst = active_installation(s, tenant_id)
        owner = inst.installed_by if inst is not None else None
        if inst is None or not owner or (tokens.user and same_user(owner, str(tokens.user), crm)):
            return
        granted = s.execute(select(ConsoleGrant.role).where(
            ConsoleGrant.tenant_id == tenant_id,
            ConsoleGrant.user == _person(str(tokens.user or ""), crm))).scalar_one_or_none()
    if granted == "admin" or is_admin():
        return
    if _grant_is_dead(app, crm, tenant_id):
        log.info("re-install by another user over a refused grant", extra={"tenant_id": tenant_id})
        return
    log.warning("re-install by another user refused", extra={"tenant_id": tenant_id})
    raise ReinstallRefused(owner, str(tokens.user) if tokens.user else None)


def _person(user: str, crm: str) -> str:
    """The consenting user as grants store them (a value the CRM's form refuses matches no grant)."""
    try:
        return normal_user(user, crm)
    except GrantError:
        return ""


def _grant_is_dead(app: Flask, crm: str, tenant_id: str) -> bool:
    """Tell whether the CRM refuses the stored refresh token for good (an uninstall on its side)."""
    from app.dispatch.batch import is_refused_grant

    try:
        stored = load_installation(app, tenant_id).tokens
    except (CrmError, TokenKeyError):
        # Nothing usable is stored (e.g. the token key was lost: re-installing is the way back).
        return True
    try:
        fresh = oauth_for(crm, app).refresh(stored)
    except CrmError as exc:
        return is_refused_grant(exc) or (not exc.should_retry and exc.status in (400, 401))
    except Exception:  # unreachable CRM and the like: keep the owner's installation
        return False
    # Kept, not dropped: where the CRM rotates refresh tokens (a Salesforce connected app's
    # option) this refresh retired the stored one.
    save_tokens(app, tenant_id, fresh)
    return False


__all__: list[Any] = ["ReinstallRefused", "check_reinstall"]
