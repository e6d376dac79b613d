"""HubSpot OAuth: authorize URL, code exchange, refresh, token info and revocation.

We call the token endpoints with `requests` ourselves rather than through the SDK's
`oauth.tokens_api`, so that the path (`/oauth/v1/token` today, `/oauth/v3/token` =
`/oauth/2026-03/token` before v1's deprecation on 2027-02-16) and the base URL (the real API or
the sandbox) are configuration, and timeouts are explicit.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import urlencode

import requests

from integrations.hubspot import constants
from integrations.hubspot.errors import CRM, from_response, map_exception

DEFAULT_SCOPES: tuple[str, ...] = (
    "oauth",
    "crm.objects.contacts.read",
    "crm.objects.contacts.write",
    "crm.objects.companies.read",
    "crm.objects.deals.read",
    "crm.objects.deals.write",
    "crm.objects.owners.read",
    "crm.schemas.deals.read",
    "crm.schemas.deals.write",
)
"""Required scopes, as in manifests/hubspot/app-hsmeta.json (HubSpot refuses an install URL whose
`scope` differs from the app's required scopes): deals read/write, contacts write (tasks and notes
need it, per the official spec), companies (read only: nothing writes companies), owners, and the deal
schema (our properties)."""

OPTIONAL_SCOPES: tuple[str, ...] = ("crm.objects.users.read",)
"""Nice to have: owners' time zones live on the `users` object; without it due dates use UTC."""


@dataclass(frozen=True)
class TokenSet:
    """One installation's tokens; `expires_at` is epoch seconds (None: never, e.g. private apps)."""

    access_token: str
    refresh_token: str | None = None
    expires_at: float | None = None
    hub_id: str | None = None
    scopes: tuple[str, ...] = field(default_factory=tuple)
    issued_at: float | None = None

    def refresh_margin(self, default: float) -> float:
        """Seconds before expiry to refresh: `default`, but at most a quarter of the token's life
        (so very short-lived tokens, as in tests, are not refreshed before every call)."""
        if self.expires_at is None or self.issued_at is None:
            return default
        return max(0.0, min(default, (self.expires_at - self.issued_at) / 4))

    def expires_within(self, seconds: float, now: float | None = None) -> bool:
        """Tell whether the access token is expired or will be within `seconds`."""
        if self.expires_at is None:
            return False
        return (time.time() if now is None else now) + seconds >= self.expires_at

    @classmethod
    def from_response(cls, data: dict[str, Any], *, now: float | None = None,
                      previous: TokenSet | None = None) -> TokenSet:
        """Build a TokenSet from HubSpot's token response JSON.

        A refresh response may omit the refresh token or hub id; the previous values are kept.
        """
        issued = time.time() if now is None else now
        expires_in = data.get("expires_in")
        hub_id = data.get("hub_id")
        scopes = data.get("scopes") or (previous.scopes if previous else ())
        return cls(
            access_token=str(data["access_token"]),
            refresh_token=data.get("refresh_token") or (previous.refresh_token if previous else None),
            expires_at=issued + float(expires_in) if expires_in is not None else None,
            hub_id=str(hub_id) if hub_id is not None else (previous.hub_id if previous else None),
            scopes=tuple(scopes),
            issued_at=issued,
        )


TokenSaver = Callable[[TokenSet], None]
"""Called with every newly issued TokenSet so the app can persist it (encrypted)."""


class OAuthClient:
    """The OAuth endpoints of one HubSpot app (client id + secret) at one base URL."""

    def __init__(
        self,
        client_id: str,
        client_secret: str,
        *,
        base_url: str = constants.API_BASE,
        authorize_url: str = constants.AUTHORIZE_URL,
        token_path: str = constants.TOKEN_PATH,
        session: requests.Session | None = None,
        timeout: tuple[float, float] = (constants.CONNECT_TIMEOUT_SECONDS, constants.READ_TIMEOUT_SECONDS),
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.client_id = client_id
        self.client_secret = client_secret
        self.base_url = base_url.rstrip("/")
        self.authorize_url = authorize_url
        self.token_path = token_path
        self.session = session or requests.Session()
        self.timeout = timeout
        self.clock = clock

    def authorize_url_for(self, *, redirect_uri: str, state: str,
                          scopes: Sequence[str] = DEFAULT_SCOPES,
                          optional_scopes: Sequence[str] = ()) -> str:
        """Return the install URL the user's browser is sent to."""
        params = {"client_id": self.client_id, "redirect_uri": redirect_uri,
                  "scope": " ".join(scopes), "state": state}
        if optional_scopes:
            # The SDK's get_auth_url spells it `optional_scope` (reference §2).
            params["optional_scope"] = " ".join(optional_scopes)
        return f"{self.authorize_url}?{urlencode(params)}"

    def exchange_code(self, code: str, redirect_uri: str) -> TokenSet:
        """Trade an authorization code for tokens.

        Raises:
            CrmError: the code is invalid/used (CrmRejected) or HubSpot is unreachable.
        """
        data = self._post_token({"grant_type": "authorization_code", "code": code,
                                 "redirect_uri": redirect_uri})
        return TokenSet.from_response(data, now=self.clock())

    def refresh(self, tokens: TokenSet) -> TokenSet:
        """Get a new access token with the refresh token, keeping what the response omits.

        Raises:
            CrmAuthExpired: there is no refresh token to use.
            CrmError: HubSpot refused (revoked: BAD_REFRESH_TOKEN) or is unreachable.
        """
        if not tokens.refresh_token:
            from integrations.errors import CrmAuthExpired

            raise CrmAuthExpired("no refresh token: re-install the app", crm=CRM, should_retry=False)
        data = self._post_token({"grant_type": "refresh_token", "refresh_token": tokens.refresh_token})
        return TokenSet.from_response(data, now=self.clock(), previous=tokens)

    def token_info(self, access_token: str) -> dict[str, Any]:
        """Return HubSpot's metadata for an access token (hub_id, user, scopes, ...)."""
        return self._request("GET", f"/oauth/v1/access-tokens/{access_token}", secret=access_token)

    def revoke(self, refresh_token: str) -> bool:
        """Revoke a refresh token (which also ends its access tokens' renewals).

        Returns:
            True if HubSpot revoked it, False if it was already unknown (404/400).

        Raises:
            CrmError: HubSpot is unreachable or answered another error.
        """
        try:
            self._request("DELETE", f"/oauth/v1/refresh-tokens/{refresh_token}", secret=refresh_token)
        except Exception as exc:
            err = map_exception(exc)
            if err.status in (400, 404):
                return False
            raise err from None  # the cause's text is the URL, with the token in its path
        return True

    def _post_token(self, form: dict[str, str]) -> dict[str, Any]:
        form = {**form, "client_id": self.client_id, "client_secret": self.client_secret}
        return self._request("POST", self.token_path, data=form)

    def _request(self, method: str, path: str, *, secret: str | None = None, **kwargs: Any) -> dict[str, Any]:
        """Call HubSpot's OAuth API; `secret` is a token in `path` (HubSpot's token-info and revoke
        URLs carry it), kept out of any error message: requests puts the URL in its connection
        errors, which reach logs, the uninstall's answer and its audit row."""
        try:
            resp = self.session.request(method, self.base_url + path, timeout=self.timeout, **kwargs)
        except requests.RequestException as exc:
            err = map_exception(exc)
            if secret:
                err = type(err)(str(err.message).replace(secret, "[redacted]"), crm=CRM, status=err.status,
                                should_retry=err.should_retry)
                raise err from None
            raise err from exc
        if resp.status_code >= 400:
            raise from_response(resp.status_code, resp.content, resp.headers)
        if not resp.content:
            return {}
        try:
            return dict(resp.json())
        except ValueError:
            return {}


def with_tokens(tokens: TokenSet, **changes: Any) -> TokenSet:
    """Return a copy of `tokens` with some fields changed (tests use it to force expiry)."""
    return replace(tokens, **changes)
