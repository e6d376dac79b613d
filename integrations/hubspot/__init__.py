"""HubSpot adapter over hubspot-api-client: CrmClient implementation, OAuth, field mapping.

Typical use (the app builds one per tenant)::

    tokens = TokenSet(access_token=..., refresh_token=..., expires_at=...)
    oauth = OAuthClient(client_id, client_secret, base_url=api_base)
    crm = HubSpotClient.connect(tokens, tenant_id="t1", base_url=api_base, oauth=oauth,
                                on_tokens=save_encrypted)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from integrations.lazy_names import lazy_names

if TYPE_CHECKING:
    from integrations.hubspot.adapter import HubSpotClient, hubspot_type
    from integrations.hubspot.client import SdkApis, build_retry, build_sdk
    from integrations.hubspot.errors import map_exception
    from integrations.hubspot.mapping import DEFAULT_DEAL_EXTRA, DEFAULT_DEAL_FIELDS, FieldMapping
    from integrations.hubspot.oauth import DEFAULT_SCOPES, OAuthClient, TokenSaver, TokenSet
    from integrations.hubspot.schema import GROUP_NAME, OUTPUT_PROPERTIES
    from integrations.hubspot.session import ApiSession, CallStats

__all__ = [
    "ApiSession",
    "CallStats",
    "DEFAULT_DEAL_EXTRA",
    "DEFAULT_DEAL_FIELDS",
    "DEFAULT_SCOPES",
    "FieldMapping",
    "GROUP_NAME",
    "HubSpotClient",
    "OAuthClient",
    "OUTPUT_PROPERTIES",
    "SdkApis",
    "TokenSaver",
    "TokenSet",
    "build_retry",
    "build_sdk",
    "hubspot_type",
    "map_exception",
]

_HOMES = {"HubSpotClient": ".adapter", "hubspot_type": ".adapter",
          "SdkApis": ".client", "build_retry": ".client", "build_sdk": ".client",
          "map_exception": ".errors",
          "DEFAULT_DEAL_EXTRA": ".mapping", "DEFAULT_DEAL_FIELDS": ".mapping", "FieldMapping": ".mapping",
          "DEFAULT_SCOPES": ".oauth", "OAuthClient": ".oauth", "TokenSaver": ".oauth", "TokenSet": ".oauth",
          "GROUP_NAME": ".schema", "OUTPUT_PROPERTIES": ".schema",
          "ApiSession": ".session", "CallStats": ".session"}
"""Where each name lives, imported on first use (PEP 562): every `agentic-sales` command reads the HubSpot connector
(its label, its receiver's module) through `integrations.hubspot.connector`, and importing this package used to load
hubspot-api-client's generated APIs for it, though only a command that talks to a portal builds a client."""

__getattr__, __dir__ = lazy_names(__name__, _HOMES, __all__)
