"""Build the hubspot-api-client SDK once per tenant, pointed at the configured base URL.

The SDK's discovery properties (`sdk.crm.objects.basic_api` ...) build a fresh Configuration,
ApiClient and urllib3 PoolManager on *every* attribute access, so `SdkApis` builds each API object
once and keeps it: connections are reused and a refreshed token is set in one place.
"""

from __future__ import annotations

from typing import Any

from hubspot import HubSpot
from urllib3.util.retry import Retry

from integrations.hubspot import constants
from integrations.hubspot.fast_sdk import speed_up

RETRY_STATUSES = (500, 502, 503, 504)
"""Statuses urllib3 retries itself; 429 is left to the adapter, which honours HubSpot's window,
counts the retries and never gives up on a write silently."""

RETRY_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE", "PATCH"})
"""Verbs urllib3 may re-send on its own: never POST. A POST create whose response was lost (a
timeout, a 502 after the write) may have landed; re-sending it blindly made duplicate notes.
POST reads (batch/read, search) are retried by the session instead, and creates are looked up
by their marker before being sent again (writes.py)."""


def build_retry(total: int = constants.SDK_RETRIES, backoff_factor: float = constants.SDK_BACKOFF_FACTOR) -> Retry:
    """Return the urllib3 Retry the SDK uses: small, explicit, and never for POST.

    Connection failures before a request was sent are retried for every verb (nothing reached
    HubSpot); read timeouts and 5xx only for RETRY_METHODS. `raise_on_status=False` hands the
    last 5xx back to the SDK, which raises its ApiException with HubSpot's error body instead of
    urllib3's bare MaxRetryError.
    """
    return Retry(
        total=total,
        connect=total,
        read=total,
        status=total,
        backoff_factor=backoff_factor,
        status_forcelist=RETRY_STATUSES,
        allowed_methods=RETRY_METHODS,
        raise_on_status=False,
        respect_retry_after_header=True,
    )


def build_sdk(
    access_token: str,
    *,
    base_url: str = constants.API_BASE,
    retries: int = constants.SDK_RETRIES,
    backoff_factor: float = constants.SDK_BACKOFF_FACTOR,
    client_side_validation: bool = True,
    **extra: Any,
) -> HubSpot:
    """Create the SDK client for one installation.

    Args:
        access_token: the OAuth (or private-app) bearer token.
        base_url: the API root, e.g. `https://api.hubapi.com` or the sandbox's URL. Passed both as
            `host` (the generated urllib3 APIs) and `base_url` (`api_request`, which uses requests).
        retries: urllib3 retries on connection errors and 5xx.
        backoff_factor: urllib3's wait between its retries, in seconds (doubling each time).
        client_side_validation: validate models on (de)serialisation, as the issue asks.
        **extra: more Configuration attributes (e.g. `api_factory` in tests).

    Returns:
        A `hubspot.HubSpot` instance; wrap it in `SdkApis`.
    """
    base = base_url.rstrip("/")
    return HubSpot(
        access_token=access_token,
        host=base,
        base_url=base,
        retry=build_retry(retries, backoff_factor),
        client_side_validation=client_side_validation,
        **extra,
    )


class SdkApis:
    """The generated API objects the adapter uses, each built once from one SDK client."""

    def __init__(self, sdk: HubSpot) -> None:
        self.sdk = sdk
        self._cache: dict[str, Any] = {}

    def _api(self, name: str) -> Any:
        if name not in self._cache:
            crm = self.sdk.crm
            factories = {
                "objects": lambda: crm.objects.basic_api,
                "batch": lambda: crm.objects.batch_api,
                "search": lambda: crm.objects.search_api,
                "associations": lambda: crm.associations.v4.basic_api,
                "association_batch": lambda: crm.associations.v4.batch_api,
                "pipelines": lambda: crm.pipelines.pipelines_api,
                "owners": lambda: crm.owners.owners_api,
                "properties": lambda: crm.properties.core_api,
                "groups": lambda: crm.properties.groups_api,
                "property_batch": lambda: crm.properties.batch_api,
            }
            self._cache[name] = speed_up(factories[name]())
        return self._cache[name]

    @property
    def objects(self) -> Any:
        return self._api("objects")

    @property
    def batch(self) -> Any:
        return self._api("batch")

    @property
    def search(self) -> Any:
        return self._api("search")

    @property
    def associations(self) -> Any:
        return self._api("associations")

    @property
    def association_batch(self) -> Any:
        return self._api("association_batch")

    @property
    def pipelines(self) -> Any:
        return self._api("pipelines")

    @property
    def owners(self) -> Any:
        return self._api("owners")

    @property
    def properties(self) -> Any:
        return self._api("properties")

    @property
    def property_batch(self) -> Any:
        return self._api("property_batch")

    @property
    def groups(self) -> Any:
        return self._api("groups")

    def set_access_token(self, token: str) -> None:
        """Use a new bearer token for every later call, on built and yet-unbuilt APIs alike."""
        self.sdk.access_token = token
        for api in self._cache.values():
            client = getattr(api, "api_client", None)
            if client is not None:
                client.configuration.access_token = token
