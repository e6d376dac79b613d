"""Which hosts may receive an org's tokens: the token answer's `instance_url`, checked.

Every API call carries the access token to `instance_url`, and an uninstall posts the refresh
token there to revoke it. The token endpoint is the operator's (SALESFORCE_LOGIN_URL), but the
AppExchange review (and a customer's security team) asks that a spoofed or tampered answer never
sends a token to a host of the attacker's choosing: so the host must be an https host under a
Salesforce domain (or one the operator adds for a government or China cloud), on the default port,
with nothing but a host in the URL. The configured login host itself is trusted on its own port
(a My Domain login, the local sandbox).
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlsplit

from integrations.errors import CrmRejected
from integrations.salesforce import constants

DEFAULT_INSTANCE_DOMAINS: tuple[str, ...] = ("salesforce.com", "force.com", "cloudforce.com")
"""Salesforce's API hosts: *.my.salesforce.com (My Domain, production and sandboxes), instance
hosts (na139.salesforce.com), *.force.com (Lightning, Experience Cloud)."""

CONFIG_KEY = "SALESFORCE_INSTANCE_DOMAINS"


def configured_domains(value: object) -> tuple[str, ...]:
    """The defaults plus the operator's extra domains (a comma- or space-separated string or a list)."""
    if isinstance(value, str):
        extra = value.replace(",", " ").split()
    elif isinstance(value, list | tuple):
        extra = [str(v).strip() for v in value]
    else:
        extra = []
    return (*DEFAULT_INSTANCE_DOMAINS, *(d.lstrip(".").lower() for d in extra if d))


def _refuse(url: str, why: str, domains: Iterable[str]) -> CrmRejected:
    return CrmRejected(f"Salesforce's token answer names instance_url {url!r}: {why}; no token was sent there "
                       f"(tokens go only to https hosts under {', '.join(domains)} or the SALESFORCE_LOGIN_URL "
                       f"host; a government or China cloud's domain is added with {CONFIG_KEY})",
                       crm=constants.CRM, code="untrusted_instance_url")


def check_instance_url(url: str | None, *, login_url: str,
                       domains: Iterable[str] = DEFAULT_INSTANCE_DOMAINS) -> str:
    """`url` normalised (scheme://host[:port], lower case) if a token may go there; else CrmRejected."""
    domains = tuple(domains)
    if not url:
        raise CrmRejected("Salesforce's token answer has no instance_url; no API host to call",
                          crm=constants.CRM, code="untrusted_instance_url")
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        raise _refuse(url, "not a URL", domains) from None
    host = (parts.hostname or "").lower()
    if "\\" in url or not host:
        raise _refuse(url, "not a Salesforce domain", domains)
    if parts.username is not None or parts.password is not None:
        raise _refuse(url, "a URL with user information", domains)
    if parts.path not in ("", "/") or parts.query or parts.fragment:
        raise _refuse(url, "a host is expected, not a path or query", domains)
    login = urlsplit(login_url)
    if host == (login.hostname or "").lower() and port == login.port and parts.scheme == login.scheme:
        return f"{parts.scheme}://{host}" + (f":{port}" if port else "")
    if parts.scheme != "https":
        raise _refuse(url, "not https", domains)
    if port not in (None, 443):
        raise _refuse(url, f"port {port}, not the https port", domains)
    if not any(host == d or host.endswith("." + d) for d in domains):
        raise _refuse(url, "not a Salesforce domain", domains)
    return f"https://{host}"
