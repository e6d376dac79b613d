"""Settings of one sandbox server, with HubSpot's real numbers as defaults.

Tests shrink the numbers (token lifetime, rate limit, retry schedule) to exercise expiry,
429 storms and retries in seconds instead of hours.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

MANIFEST = Path(__file__).resolve().parents[3] / "manifests" / "hubspot" / "webhooks-hsmeta.json"
"""The app's webhook subscriptions template; the sandbox fires exactly what it subscribes to."""

RETRY_SCHEDULE_SECONDS = (60, 300, 900, 1800, 3600, 7200, 14400, 21600, 21600, 14400)
"""Delay before retry n (seconds): ten retries spread over ~24 h, as HubSpot documents."""

DEFAULT_SCOPES = (
    "oauth", "crm.objects.contacts.read", "crm.objects.contacts.write", "crm.objects.companies.read",
    "crm.objects.companies.write", "crm.objects.deals.read", "crm.objects.deals.write",
    "crm.objects.owners.read", "crm.schemas.deals.read", "crm.schemas.deals.write",
    "crm.schemas.contacts.read", "crm.schemas.contacts.write", "crm.schemas.companies.read",
    "crm.schemas.companies.write", "crm.objects.users.read", "sales-email-read",
)


@dataclass
class SandboxConfig:
    """Everything a sandbox server needs; every field has a working default."""

    seed: int = 7
    """Seed of the simulated market (same seed, same start -> same portal)."""
    start: datetime | None = None
    """Market 'today' (UTC); None means the current day at midnight UTC."""
    hub_ids: tuple[int, ...] = (62515,)
    """Portals to create; the first one is where tokens land unless authorize names another."""
    n_companies: int = 60
    n_owners: int = 6
    n_open_deals: int = 80
    n_closed_deals: int = 240
    """Size of the seeded market per portal (the history can be much larger on demand)."""
    locale: str | None = None
    """Buyer language of the market's people, companies and activity text (market._locales); None: the default."""
    drawn_effects: bool = False
    """The market's strategy effects drawn for its seed (`MarketConfig.drawn_effects`), not the fixed
    table: what a rep's execution of an app task does to a deal's odds (`simulate --path product
    --drawn-effects`)."""
    client_id: str = "sandbox-client-id"
    client_secret: str = "sandbox-client-secret"
    """Also the webhook signing secret, as in HubSpot."""
    app_id: int = 1160452
    private_app_token: str | None = None
    """Static token accepted as Bearer for the first portal, like a private app's."""
    access_token_ttl: int = 1800
    """Seconds an OAuth access token lives (HubSpot: 30 minutes)."""
    scopes: tuple[str, ...] = DEFAULT_SCOPES
    rate_limit: int = 110
    """Requests per rate window per portal (public OAuth apps: 110 / 10 s)."""
    rate_window_ms: int = 10_000
    search_per_second: int = 5
    """CRM search requests per second per portal."""
    webhook_url: str | None = None
    """Target URL; overrides the manifest's targetUrl."""
    public_url: str | None = None
    """Substituted for `{{PUBLIC_URL}}` in the manifest's targetUrl."""
    manifest_path: Path = MANIFEST
    webhooks_enabled: bool = True
    max_concurrent_requests: int | None = None
    """In-flight webhook POSTs per portal; None takes the manifest's maxConcurrentRequests."""
    webhook_max_attempts: int = 10
    """Deliveries of one batch before giving up (attemptNumber 0 .. max-1)."""
    retry_schedule: tuple[float, ...] = RETRY_SCHEDULE_SECONDS
    retry_scale: float = 1.0
    """Multiplies the retry schedule; tests use e.g. 0.001 to compress a day into seconds."""
    webhook_timeout: float = 5.0
    """Seconds HubSpot waits for a webhook response."""
    webhook_batch_window: float = 0.2
    """Seconds the sender waits to gather events into one batch."""
    webhook_batch_size: int = 100
    app_marker: str = "[agentic-sales]"
    """How the app marks its own tasks and notes (`<marker> ref <key>` carries a note's key):
    the control API counts duplicates by it, as an admin auditing the portal would."""
    control_token: str | None = None
    """If set, /_sandbox/* requires `X-Sandbox-Token`."""
    extra: dict[str, object] = field(default_factory=dict)
