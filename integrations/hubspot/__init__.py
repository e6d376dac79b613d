"""HubSpot adapter over hubspot-api-client: CrmClient implementation, OAuth, field mapping.

Typical use (the app builds one per tenant)::

    tokens = TokenSet(access_token=..., refresh_token=..., expires_at=...)
    oauth = OAuthClient(client_id, client_secret, base_url=api_base)
    crm = HubSpotClient.connect(tokens, tenant_id="t1", base_url=api_base, oauth=oauth,
                                on_tokens=save_encrypted)
"""

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
