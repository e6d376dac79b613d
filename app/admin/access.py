"""Who is looking at the console, and what they may do in one tenant.

Two ways in, one session each (both signed, timestamped, expiring after ADMIN_SESSION_SECONDS):
- the operator's admin token (`/admin/login`, app/auth.py): `session["admin"]`; an operator is
  admin in every tenant and sees the tenants list;
- "Sign in with <CRM>" (app/admin/signin.py): `session["console"] = {"method": "crm", "crm",
  "tenant", "user", "at"}`; the person is scoped to the ONE tenant whose portal/org they signed
  in from. Their role is read from the database on every request (a grant or a revocation
  applies at once): the installing user is admin; others have their `console_grants` row's role,
  else viewer.

Roles, weakest first: viewer (reads), revops (edits mappings, guardrails, LLM settings), admin
(everything: re-sync, backfill, access grants).
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from typing import Any

from flask import session
from sqlalchemy import select
from sqlalchemy.orm import Session

from app import defaults
from app.auth import is_admin
from app.storage.models import ConsoleGrant, Installation, Tenant

ROLES: tuple[str, ...] = ("viewer", "revops", "admin")
"""Console roles, weakest first; a role may do everything the ones before it may."""

OPERATOR = "operator"
"""The user name shown for an admin-token session (the token names no person)."""


@dataclass(frozen=True)
class Identity:
    """The signed-in person: an operator (every tenant) or a CRM user of one tenant."""

    user: str
    operator: bool
    tenant: str | None = None
    crm: str | None = None


def at_least(role: str | None, needed: str) -> bool:
    """True if `role` may do what `needed` may (None: no access at all)."""
    return role in ROLES and ROLES.index(role) >= ROLES.index(needed)


def _fresh(at: Any) -> bool:
    return isinstance(at, int | float) and 0 <= time.time() - at <= defaults.ADMIN_SESSION_SECONDS


def current_identity() -> Identity | None:
    """The identity of this request's session, or None when nobody (or an expired sign-in) is."""
    if is_admin():
        return Identity(user=OPERATOR, operator=True)
    login = session.get("console")
    if not isinstance(login, dict) or login.get("method") != "crm" or not _fresh(login.get("at")):
        return None
    tenant, user = login.get("tenant"), login.get("user")
    if not isinstance(tenant, str) or not isinstance(user, str) or not tenant or not user:
        return None
    return Identity(user=user, operator=False, tenant=tenant, crm=str(login.get("crm") or ""))


def sign_in_crm_user(*, crm: str, tenant_id: str, user: str) -> None:
    """Start a console session for a CRM user of one tenant (after the CRM vouched for them)."""
    session.clear()
    session["console"] = {"method": "crm", "crm": crm, "tenant": tenant_id, "user": user, "at": int(time.time())}


def role_in(s: Session, identity: Identity, tenant_id: str) -> str | None:
    """The identity's role in a tenant, or None if it may not see that tenant at all."""
    if identity.operator:
        return "admin"
    if identity.tenant != tenant_id:
        return None
    tenant = s.get(Tenant, tenant_id)
    if tenant is None or tenant.status != "active":
        return None
    installer = s.execute(select(Installation.installed_by).where(
        Installation.tenant_id == tenant_id, Installation.revoked_at.is_(None))
        .order_by(Installation.id.desc())).scalars().first()
    if installer and same_user(installer, identity.user, identity.crm):
        return "admin"
    try:
        who = normal_user(identity.user, identity.crm)
    except GrantError:  # the CRM vouched for this identity; an unreadable one has no grant
        return "viewer"
    grant = s.execute(select(ConsoleGrant.role).where(
        ConsoleGrant.tenant_id == tenant_id, ConsoleGrant.user == who)).scalar_one_or_none()
    return grant if grant in ROLES else "viewer"


def normal_user(user: str, crm: str | None = None) -> str:
    """How a CRM identity is stored and compared, in the words of the tenant's CRM (its connector's
    `person_key`): an e-mail lower-cased (case-insensitive), a Salesforce User id in its 18-character
    case-safe form (a 15-character id is case-sensitive: lower-casing it could give two users one grant).
    Without a CRM (or with one whose connector says nothing), lower-cased.

    Raises:
        GrantError: the CRM says the value cannot be one of its people (an id with an impossible suffix).
    """
    key = getattr(_connector(crm), "person_key", None)
    if key is None:
        return user.strip().lower()
    try:
        return str(key(user))
    except ValueError as exc:
        raise GrantError(str(exc)) from exc


def same_user(a: str, b: str, crm: str | None = None) -> bool:
    try:
        return normal_user(a, crm) == normal_user(b, crm)
    except GrantError:
        return False


class GrantError(ValueError):
    """A grant the console refuses, with the reason shown on the form."""


EMAIL = re.compile(r"^[^@\s<>\"'(),;:\[\]\\]+@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")
"""An e-mail address as HubSpot's sign-in names its user (`token_info`'s `user`): one @, a domain with a
dot, no spaces or markup."""

SALESFORCE_USER_ID = re.compile(r"^005[A-Za-z0-9]{12}(?:[A-Za-z0-5]{3})?$")
"""A Salesforce User id (15 or 18 characters, key prefix 005): what Salesforce's sign-in names (the
identity URL's last part, integrations/salesforce/oauth.py); `normal_user` stores its 18-character form."""


def _connector(crm: str | None) -> Any:
    """The tenant's connector (None when the CRM is unknown or not registered)."""
    if not crm:
        return None
    import json

    from flask import current_app, has_app_context
    from werkzeug.utils import import_string

    from app.connectors import DEFAULT_REGISTRY, get_connector

    if has_app_context():
        try:
            return get_connector(crm, current_app)
        except LookupError:  # an unregistered CRM name: accept either form
            return None
    # Outside a request (the CLI, a script): the shipped registry names the connector class.
    target = json.loads(DEFAULT_REGISTRY.read_text()).get(crm)
    return import_string(target) if target else None


def person_id_kind(crm: str | None) -> str | None:
    """What the tenant's CRM sign-in names a person by ("email", "user_id"), from its connector; None when unknown."""
    return getattr(_connector(crm), "person_id", None)


def check_person(crm: str | None, user: str) -> str:
    """The person as stored, if the CRM's sign-in can ever name them so.

    Sign-in matches the identity the CRM vouches for: HubSpot's is the user's e-mail, Salesforce's the
    User id. Anything else would be granted a role nobody ever signs in as.

    Raises:
        GrantError: naming the field and the value, and what the CRM's sign-in names instead.
    """
    shown = " ".join(user.split())[:80]
    who = normal_user(user, crm)
    if not who:
        raise GrantError("Person is empty: give the person's CRM sign-in (their e-mail address or user id)")
    kind = person_id_kind(crm)
    if kind == "user_id":
        if not SALESFORCE_USER_ID.match(who):
            raise GrantError(f"Person {shown!r} is not a Salesforce User id: sign-in from Salesforce names a person "
                             "by the id of their User record (15 or 18 characters starting 005, the end of the "
                             "user's page URL in Setup → Users), not by name or e-mail")
    elif kind == "email":
        who = who.lower()
        if len(who) > 254 or not EMAIL.match(who):
            raise GrantError(f"Person {shown!r} is not an e-mail address: sign-in from HubSpot names a person by "
                             "their HubSpot login e-mail, like ana@brightlane.io")
    elif len(who) > 255 or not (EMAIL.match(who.lower()) or SALESFORCE_USER_ID.match(who)):
        raise GrantError(f"Person {shown!r} is neither an e-mail address nor a Salesforce User id")
    return who


def grant(s: Session, tenant_id: str, user: str, role: str, *, by: str, crm: str | None = None) -> None:
    """Give `user` a role in a tenant (replacing any earlier one); "none" removes the grant.

    `crm` (the tenant's) says what its sign-in names a person by (`check_person`); a removal takes any
    stored name, so a grant stored before the check can still be removed.

    Raises:
        GrantError: unknown role, or a person the CRM's sign-in could never name.
    """
    if role not in (*ROLES, "none"):
        raise GrantError(f"role {role!r} is not one of {', '.join(ROLES)} or none")
    if role == "none":
        names = _removal_keys(user, crm)
        if not names or any(len(n) > 255 for n in names):
            raise GrantError("give the person's CRM sign-in (their e-mail address or user id)")
        for old in s.execute(select(ConsoleGrant).where(ConsoleGrant.tenant_id == tenant_id,
                                                        ConsoleGrant.user.in_(names))).scalars():
            s.delete(old)
        return
    who = check_person(crm, user)
    row = s.execute(select(ConsoleGrant).where(ConsoleGrant.tenant_id == tenant_id, ConsoleGrant.user == who)
                    ).scalar_one_or_none()
    if row is None:
        s.add(ConsoleGrant(tenant_id=tenant_id, user=who, role=role, granted_by=by))
    else:
        row.role, row.granted_by = role, by


def _removal_keys(user: str, crm: str | None) -> list[str]:
    """The stored names a removal looks for: the canonical form, and the value as typed and lower-cased, so a
    grant stored before the check, or a 15-character id stored lower-cased before wave 24 (its case is lost:
    no 18-character form can be derived from it), can still be removed."""
    typed = user.strip()
    out = [n for n in {typed, typed.lower()} if n]
    try:
        out.append(normal_user(user, crm))
    except GrantError:
        pass
    return sorted(set(out))


def grants(s: Session, tenant_id: str) -> list[ConsoleGrant]:
    return list(s.execute(select(ConsoleGrant).where(ConsoleGrant.tenant_id == tenant_id)
                          .order_by(ConsoleGrant.user)).scalars())
