"""Settings of the Salesforce sandbox (all overridable per test)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from defusedxml import ElementTree

PACKAGE_CHANNEL_MEMBERS = (Path(__file__).resolve().parents[3] / "manifests" / "salesforce" / "force-app" / "main"
                           / "default" / "platformEventChannelMembers")
"""The package's change-event subscriptions; its Apex posts a callout for exactly these objects."""


def packaged_change_event_objects(folder: Path = PACKAGE_CHANNEL_MEMBERS) -> tuple[str, ...]:
    """The sObjects whose change events the deployed package's triggers turn into callouts."""
    md = "{http://soap.sforce.com/2006/04/metadata}"
    entities = (ElementTree.parse(p).getroot().findtext(f"{md}selectedEntity") or ""
                for p in sorted(folder.glob("*.platformEventChannelMember-meta.xml")))
    return tuple(sorted(e.removesuffix("ChangeEvent") for e in entities if e.endswith("ChangeEvent")))


@dataclass
class SfSandboxConfig:
    seed: int = 7
    org_ids: tuple[str, ...] = ("00D5g000004ABCDEAW",)
    """Orgs the sandbox hosts (18-char ids); every org gets its own copy of the seeded market."""
    client_id: str = "3MVG9sandbox.agentic.sales.consumer.key"
    client_secret: str = "sandbox-consumer-secret"
    api_versions: tuple[str, ...] = ("62.0", "63.0", "64.0", "65.0", "66.0", "67.0")
    session_ttl: float | None = 7200.0
    """Seconds an access token lives (Salesforce: the session timeout; the token response has no
    expires_in, a dead token shows as 401 INVALID_SESSION_ID)."""
    daily_api_limit: int = 100_000
    """DailyApiRequests of each org (Sforce-Limit-Info api-usage=N/M; over it: 403)."""
    rotate_refresh_tokens: bool = False
    require_pkce: bool = True
    """The External Client App's "Require PKCE" (isPkceRequired, as the package ships it): an
    authorize request without an S256 code_challenge is refused, and a code exchange must carry the
    matching code_verifier."""
    package_deployed: bool = True
    """Whether the output custom fields exist (the app's describe check reports missing ones)."""
    multi_currency: bool = True
    """Every org a multi-currency one (CurrencyIsoCode on records, rates in CurrencyType, USD corporate);
    False: single-currency orgs (no such field; Organization.DefaultCurrencyIsoCode is USD)."""
    custom_fields: tuple[tuple[str, str, str, tuple[str, ...]], ...] = ()
    """Custom fields every org's admin has added: (sObject, API name, type, picklist values), e.g.
    ("Contact", "Preferred_Language__c", "picklist", ("en", "es")); more through /_sandbox/orgs/<org>/fields."""
    n_companies: int = 60
    n_open_deals: int = 80
    n_closed_deals: int = 240
    locale: str | None = None
    """Buyer language of the market's people, companies and activity text (market._locales); None: the default."""
    drawn_effects: bool = False
    """The market's strategy effects drawn for its seed (`MarketConfig.drawn_effects`), not the fixed
    table: what a rep's execution of an app task does to a deal's odds (`simulate --path product
    --drawn-effects`)."""
    n_leads: int = 800
    """Leads over the market's two years (integrations.sandbox.market.leads): ~93% decided
    (converted or closed unconverted, ~21% converted), the rest (~40) open."""
    outbound_url: str | None = None
    """Outbound Message endpoint for every org (per org: /_sandbox/orgs/<id>/endpoints)."""
    callout_url: str | None = None
    callout_secret: str | None = None
    callout_objects: tuple[str, ...] = field(default_factory=packaged_change_event_objects)
    """sObjects whose changes post a callout: the package's change-event triggers, read from the package."""
    retry_scale: float = 1.0
    """Multiplies Outbound Message retry delays (tests use 0.001)."""
    om_max_age: float = 86_400.0
    """Seconds after which an unacknowledged notification is dropped (Salesforce: 24 h)."""
    om_fields: dict[str, tuple[str, ...]] = field(default_factory=lambda: {
        "Opportunity": ("Id", "Name", "StageName", "Amount", "CloseDate", "AccountId", "OwnerId", "IsClosed",
                        "IsWon", "LastModifiedDate", "SystemModstamp"),
        "Account": ("Id", "Name", "Industry", "NumberOfEmployees", "LastModifiedDate"),
        "Lead": ("Id", "Company", "Status", "Email", "LastModifiedDate"),
        "Contact": ("Id", "AccountId", "Email", "Title", "LastModifiedDate"),
    })
    """Fields each Outbound Message carries (chosen by the admin in setup)."""
    max_notifications: int = 100
    """Most notifications in one SOAP message (Salesforce: 100)."""
    faults_seed: int = 11
