"""OAuth codes, access tokens and refresh tokens, each bound to one portal (hub id).

Tokens look like HubSpot's (opaque, variable length, refresh tokens prefixed `na1-`) and are
checked on every API call: unknown -> INVALID_AUTHENTICATION, past expiry ->
EXPIRED_AUTHENTICATION with the number of seconds since expiry.
"""

from __future__ import annotations

import secrets
import threading
import time
import uuid
from dataclasses import dataclass


@dataclass
class Grant:
    """What a token stands for: the portal, the user who installed, and the scopes."""

    hub_id: int
    user_id: int
    user: str
    scopes: tuple[str, ...]
    expires_at: float | None = None  # None: never (private-app token, refresh token)
    refresh_token: str | None = None
    revoked: bool = False


class TokenStore:
    """Issue and check OAuth artefacts; thread-safe, counts refreshes for the control API."""

    CODE_TTL = 300.0

    def __init__(self, clock=time.time) -> None:
        self.clock = clock
        self.lock = threading.Lock()
        self.codes: dict[str, tuple[Grant, str, float]] = {}
        self.access: dict[str, Grant] = {}
        self.refresh: dict[str, Grant] = {}
        self.refreshes = 0
        self.exchanges = 0

    def issue_code(self, grant: Grant, redirect_uri: str) -> str:
        """Return a single-use authorization code for a consented grant."""
        code = str(uuid.uuid4())
        with self.lock:
            self.codes[code] = (grant, redirect_uri, self.clock() + self.CODE_TTL)
        return code

    def redeem_code(self, code: str, redirect_uri: str | None) -> Grant | None:
        """Consume a code; None when unknown, used, expired or for another redirect_uri."""
        with self.lock:
            entry = self.codes.pop(code, None)
        if entry is None:
            return None
        grant, uri, expires = entry
        if expires < self.clock() or (redirect_uri is not None and redirect_uri != uri):
            return None
        return grant

    def mint(self, grant: Grant, ttl: int, *, refresh_token: str | None = None) -> tuple[str, str]:
        """Create an access token (and a refresh token unless one is reused)."""
        access = "C" + secrets.token_urlsafe(96).replace("-", "").replace("_", "")[: 80 + secrets.randbelow(60)]
        rt = refresh_token or f"na1-{uuid.uuid4().hex[:4]}-{uuid.uuid4()}"
        with self.lock:
            self.access[access] = Grant(grant.hub_id, grant.user_id, grant.user, grant.scopes,
                                        self.clock() + ttl, rt)
            if rt not in self.refresh:
                self.refresh[rt] = Grant(grant.hub_id, grant.user_id, grant.user, grant.scopes)
        return access, rt

    def add_static(self, token: str, grant: Grant) -> None:
        """Register a never-expiring token (private app)."""
        with self.lock:
            self.access[token] = grant

    def check(self, token: str) -> tuple[Grant | None, int]:
        """Return (grant, 0) when valid, (None, 0) when unknown, (None, n) when expired n s ago."""
        with self.lock:
            grant = self.access.get(token)
        if grant is None or grant.revoked:
            return None, 0
        if grant.refresh_token and self.refresh.get(grant.refresh_token, grant).revoked:
            return None, 0
        if grant.expires_at is not None and grant.expires_at <= self.clock():
            return None, int(self.clock() - grant.expires_at) + 1
        return grant, 0

    def revoke_refresh(self, token: str) -> bool:
        """Revoke a refresh token and every access token minted from it."""
        with self.lock:
            grant = self.refresh.get(token)
            if grant is None:
                return False
            grant.revoked = True
            for g in self.access.values():
                if g.refresh_token == token:
                    g.revoked = True
            return True

    def revoke_portal(self, hub_id: int) -> None:
        """Revoke everything issued for a portal (the app was uninstalled)."""
        with self.lock:
            for g in list(self.access.values()) + list(self.refresh.values()):
                if g.hub_id == hub_id:
                    g.revoked = True
