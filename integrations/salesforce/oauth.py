"""Salesforce OAuth 2.0 web-server flow (External Client App): authorize URL, code exchange,
refresh, revoke.

Token responses have no `expires_in` (a session lives until the org's timeout; a dead one shows
as 401 INVALID_SESSION_ID), so `TokenSet.expires_at` stays None and the client refreshes on 401.
`instance_url` is the API host of the org; `id` is the identity URL .../id/<org id>/<user id>.
A refresh answer carries no refresh token unless rotation is on: we keep the old one.
Every answer's `instance_url` is checked (instance_url.py) before a token goes there.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any
from urllib.parse import urlencode, urlsplit

import requests

from integrations.base import AccountNames, TokenSet
from integrations.errors import CrmAuthExpired, CrmRejected, CrmUnavailable
from integrations.salesforce import constants
from integrations.salesforce.instance_url import DEFAULT_INSTANCE_DOMAINS, check_instance_url

DEFAULT_LOGIN_URL = "https://login.salesforce.com"


def parse_token_response(body: Mapping[str, Any], previous: TokenSet | None = None) -> TokenSet:
    """TokenSet from a token endpoint answer (org id and user id from the identity URL)."""
    ident = str(body.get("id") or "")
    parts = ident.rstrip("/").split("/")
    org_id = parts[-2] if len(parts) >= 2 and "/id/" in ident else (previous.account_id if previous else None)
    user = parts[-1] if len(parts) >= 2 and "/id/" in ident else (previous.user if previous else None)
    issued = body.get("issued_at")
    instance = str(body.get("instance_url") or (previous.instance_url if previous else "")) or None
    return TokenSet(
        access_token=str(body["access_token"]),
        refresh_token=str(body.get("refresh_token") or (previous.refresh_token if previous else "") or "") or None,
        expires_at=None,
        account_id=org_id,
        scopes=tuple(str(body.get("scope") or "").split()),
        issued_at=int(issued) / 1000 if issued else None,
        instance_url=instance,
        user=user,
        account_name=urlsplit(instance).hostname if instance else None,
    )


class SalesforceOAuth:
    """OAuthProvider for Salesforce; `login_url` is login/test.salesforce.com, a My Domain or the sandbox."""

    def __init__(self, *, client_id: str, client_secret: str, login_url: str = DEFAULT_LOGIN_URL,
                 session: requests.Session | None = None,
                 timeout: tuple[float, float] = (constants.CONNECT_TIMEOUT, constants.READ_TIMEOUT),
                 instance_domains: Sequence[str] = DEFAULT_INSTANCE_DOMAINS) -> None:
        if not client_id or not client_secret:
            raise ValueError("SALESFORCE_CLIENT_ID and SALESFORCE_CLIENT_SECRET are required")
        self.client_id, self.client_secret = client_id, client_secret
        self.login_url = login_url.rstrip("/")
        self.instance_domains = tuple(instance_domains)
        self.http = session or requests.Session()
        self.timeout = timeout

    supports_pkce = True
    """The External Client App requires PKCE (isPkceRequired): the app sends an S256 challenge."""

    def authorize_url(self, *, redirect_uri: str, state: str, scopes: Sequence[str],
                      optional_scopes: Sequence[str] = (), code_challenge: str | None = None) -> str:
        q = {"response_type": "code", "client_id": self.client_id, "redirect_uri": redirect_uri, "state": state,
             "scope": " ".join([*scopes, *optional_scopes]), "prompt": "consent"}
        if code_challenge:
            q.update(code_challenge=code_challenge, code_challenge_method="S256")
        return f"{self.login_url}/services/oauth2/authorize?{urlencode(q)}"

    def _token(self, form: dict[str, str], previous: TokenSet | None = None) -> TokenSet:
        form = {**form, "client_id": self.client_id, "client_secret": self.client_secret}
        try:
            r = self.http.post(f"{self.login_url}/services/oauth2/token", data=form, timeout=self.timeout)
        except requests.RequestException as exc:
            raise CrmUnavailable(f"Salesforce token endpoint unreachable: {exc}", crm=constants.CRM) from None
        try:
            body = r.json()
        except ValueError:
            body = {"error": "invalid_response", "error_description": r.text[:200]}
        if r.status_code >= 500:
            raise CrmUnavailable(f"token endpoint answered {r.status_code}", status=r.status_code, crm=constants.CRM)
        if r.status_code != 200 or "access_token" not in body:
            err = str(body.get("error") or "error")
            msg = f"{err}: {body.get('error_description') or ''}".strip()
            cls = CrmAuthExpired if err == "invalid_grant" else CrmRejected
            raise cls(f"Salesforce refused the token request ({msg})", status=r.status_code, crm=constants.CRM,
                      code=err)
        tokens = parse_token_response(body, previous)
        self.check_instance(tokens.instance_url)
        return tokens

    def check_instance(self, url: str | None) -> str:
        """`url` normalised if the org's tokens may go there (CrmRejected otherwise)."""
        return check_instance_url(url, login_url=self.login_url, domains=self.instance_domains)

    def exchange(self, code: str, *, redirect_uri: str, code_verifier: str | None = None) -> TokenSet:
        form = {"grant_type": "authorization_code", "code": code, "redirect_uri": redirect_uri}
        tokens = self._token({**form, "code_verifier": code_verifier} if code_verifier else form)
        names = self.account_names(tokens)
        return replace(tokens, account_name=names.account or tokens.account_name, user_name=names.user)

    def account_names(self, tokens: TokenSet) -> AccountNames:
        """The org's name and the token's user's name (two SOQL queries), None where unreadable: the token
        answer names only the instance host and a User id, which no person knows their org or colleague by."""
        return AccountNames(account=self.org_name(tokens), user=self.user_name(tokens))

    def user_name(self, tokens: TokenSet) -> str | None:
        """The Name of the token's User (`SELECT Name FROM User WHERE Id = ...`), or None."""
        uid = str(tokens.user or "")
        if not re.fullmatch(r"005[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?", uid):
            return None
        return self._one_name(tokens, f"SELECT Name FROM User WHERE Id = '{uid}'")

    def org_name(self, tokens: TokenSet) -> str | None:
        """The org's name (`SELECT Name FROM Organization`), or None when it cannot be read: the token
        answer names only the instance host, which is no name a person knows their org by."""
        return self._one_name(tokens, "SELECT Name FROM Organization")

    def _one_name(self, tokens: TokenSet, soql: str) -> str | None:
        try:
            base = self.check_instance(tokens.instance_url)
            r = self.http.get(f"{base}/services/data/v{constants.API_VERSION}/query",
                              params={"q": soql},
                              headers={"Authorization": f"Bearer {tokens.access_token}"}, timeout=self.timeout)
            rows = r.json().get("records") if r.status_code == 200 else None
        except (requests.RequestException, ValueError, CrmRejected, AttributeError):
            return None
        name = str((rows or [{}])[0].get("Name") or "").strip() if isinstance(rows, list) else ""
        return name[:255] or None

    def refresh(self, tokens: TokenSet) -> TokenSet:
        if not tokens.refresh_token:
            raise CrmAuthExpired("the session expired and no refresh token is stored to renew it: install the app "
                                 "again", status=401, crm=constants.CRM, code="NO_REFRESH_TOKEN")
        return self._token({"grant_type": "refresh_token", "refresh_token": tokens.refresh_token}, tokens)

    def revoke(self, tokens: TokenSet) -> None:
        """Revoke the refresh token (and with it its access tokens); never raises."""
        token = tokens.refresh_token or tokens.access_token
        try:
            base = self.check_instance(tokens.instance_url)
        except CrmRejected:
            base = self.login_url  # the login host revokes any token of its orgs
        try:
            self.http.post(f"{base}/services/oauth2/revoke", data={"token": token}, timeout=self.timeout)
        except requests.RequestException:
            pass
