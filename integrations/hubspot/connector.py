"""HubSpot as a Connector (integrations/base.py): OAuth, client, card auth, mappings, scopes.

The app knows HubSpot only through this object, registered by name in its configuration
(`app/connectors`). Everything HubSpot-specific the app used to spell out itself (the tenant id
scheme, the OAuth client, the field-mapping defaults, the v3 signature of card requests, the
scopes and what degrades without them) lives here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, cast

from integrations.base import (
    OUTPUT_FIELDS,
    CrmClient,
    Installation,
    OutputField,
    ScopeSpec,
    output_targets,
)
from integrations.base import TokenSet as BaseTokenSet
from integrations.hubspot import constants
from integrations.hubspot import oauth as hs_oauth
from integrations.hubspot.mapping import (
    DEFAULT_COMPANY_FIELDS,
    DEFAULT_DEAL_FIELDS,
    FieldMapping,
    default_mapping,
)
from integrations.money import CurrencyError, RateTable, setting_rate_table

log = logging.getLogger(__name__)

NAME = "hubspot"

LABEL = "HubSpot"
"""How people spell the CRM (sign-in buttons, the install page)."""

MANIFEST = Path(__file__).resolve().parents[2] / "manifests" / "hubspot" / "app-hsmeta.json"
"""The app registration template; its scope lists are what HubSpot will accept at install."""

TENANT_PREFIX = "hubspot-"
"""Our tenant id for a portal is this prefix + the hub id (stable across re-installs)."""

REQUIRED_SCOPE_REASONS: dict[str, str] = {
    "oauth": "the OAuth grant itself: refresh tokens, and uninstalling the app from the account through the "
             "app-uninstalls API",
    "crm.objects.deals.read": "read deals (amount, stage, pipeline, dates, owner) and search deals modified since "
                              "the last sync (reconciliation)",
    "crm.objects.deals.write": "write the output fields (`ai_conversion_score`, `ai_best_discount`, ...) on deals",
    "crm.objects.contacts.read": "read a deal's contacts (titles, time zones) and their emails, calls and meetings; "
                                 "HubSpot requires it for CRM webhook subscriptions",
    "crm.objects.contacts.write": "create and update our task and note: HubSpot's tasks and notes APIs require the "
                                  "contacts write scope",
    "crm.objects.companies.read": "a deal's company (industry, size, revenue) and its closed-won history (the CLV "
                                  "model and churn labels)",
    "crm.objects.owners.read": "owners' names and emails: tasks are assigned to the deal owner, drafts are signed "
                               "by them",
    "crm.schemas.deals.read": "read property definitions (`describe`): field-mapping validation and the CRM's own "
                              "labels on factors",
    "crm.schemas.deals.write": "create the `agentic_sales` property group and the output properties at install",
}
"""Why each required scope is asked for (the console's install health and docs/admin.md show these)."""

SCOPES: tuple[ScopeSpec, ...] = (
    *(ScopeSpec(s, required=True, why=REQUIRED_SCOPE_REASONS[s]) for s in hs_oauth.DEFAULT_SCOPES),
    ScopeSpec("crm.objects.users.read", required=False,
              why="owners' time zones live on the users object",
              degrades="task due dates and quiet hours use UTC instead of the owner's time zone"),
    ScopeSpec("sales-email-read", required=False,
              why="HubSpot redacts the bodies of one-to-one emails without it",
              degrades="email bodies are empty: the analyst sees subjects and timing only, and the card "
                       "says email content was not available"),
    ScopeSpec("crm.schemas.contacts.read", required=False,
              why="read contact property definitions: mapping a contact field (validation, the CRM's labels)",
              degrades="contact fields cannot be mapped or validated; the default contact fields are still read"),
    ScopeSpec("crm.schemas.companies.read", required=False,
              why="read company property definitions: mapping a company field (validation, the CRM's labels)",
              degrades="company fields cannot be mapped or validated; the default company fields are still read"),
)
"""Required and optional scopes; the optional ones say what is lost without them."""

OUTPUT_FIELD_SPECS: tuple[OutputField, ...] = (
    OutputField("ai_conversion_score", "AI conversion score (1-99)", "number"),
    OutputField("ai_conversion_probability", "AI conversion probability", "number"),
    OutputField("ai_churn_risk", "AI churn risk", "number"),
    OutputField("ai_clv", "AI customer lifetime value", "number"),
    OutputField("ai_best_discount", "AI best discount", "number"),
    OutputField("ai_strategy", "AI strategy", "string"),
    OutputField("ai_next_best_action", "AI next best action", "string"),
    OutputField("ai_summary", "AI summary", "string"),
    OutputField("ai_enriched_at", "AI enriched at", "datetime"),
    OutputField("ai_model_version", "AI model version", "string"),
)
assert tuple(f.name for f in OUTPUT_FIELD_SPECS) == OUTPUT_FIELDS  # one list, two spellings


def tenant_id_for(account_id: str | int) -> str:
    """Our tenant id for a HubSpot portal (hub id)."""
    return f"{TENANT_PREFIX}{account_id}"


def field_mapping_from_rows(rows: Sequence[tuple[str, str, str]]) -> FieldMapping:
    """The adapter's FieldMapping from (object_type, canonical, crm_field) rows over the defaults."""
    overlay: dict[str, dict[str, str]] = {"deal": {}, "extra": {}, "company": {}, "contact": {},
                                          "company_extra": {}}
    for object_type, canonical, crm_field in rows:
        if object_type == "deal":
            overlay["deal" if canonical in DEFAULT_DEAL_FIELDS else "extra"][canonical] = crm_field
        elif object_type == "company":
            overlay["company" if canonical in DEFAULT_COMPANY_FIELDS else "company_extra"][canonical] = crm_field
        elif object_type == "contact":
            overlay[object_type][canonical] = crm_field
    return FieldMapping.from_dict(overlay)


class HubSpotOAuth:
    """HubSpot's OAuth flow behind the base OAuthProvider protocol (base TokenSets in and out)."""

    def __init__(self, client: hs_oauth.OAuthClient) -> None:
        self.client = client

    @property
    def base_url(self) -> str:
        return self.client.base_url

    def authorize_url(self, *, redirect_uri: str, state: str, scopes: Sequence[str],
                      optional_scopes: Sequence[str] = ()) -> str:
        return self.client.authorize_url_for(redirect_uri=redirect_uri, state=state, scopes=scopes,
                                             optional_scopes=optional_scopes)

    def exchange(self, code: str, *, redirect_uri: str) -> BaseTokenSet:
        tokens = self.client.exchange_code(code, redirect_uri)
        # The token answer names no person: token info says who consented (the installing user,
        # or who signs in to the console) and, where the answer lacked it, which portal.
        info = self.client.token_info(tokens.access_token)
        if not tokens.hub_id:
            tokens = hs_oauth.with_tokens(tokens, hub_id=str(info.get("hub_id")))
        user, domain = info.get("user"), info.get("hub_domain")
        return replace(to_base(tokens), user=str(user) if user else None, account_name=str(domain) if domain else None)

    def refresh(self, tokens: BaseTokenSet) -> BaseTokenSet:
        return to_base(self.client.refresh(from_base(tokens)))

    def revoke(self, tokens: BaseTokenSet) -> None:
        if tokens.refresh_token:
            self.client.revoke(tokens.refresh_token)


def to_base(t: hs_oauth.TokenSet) -> BaseTokenSet:
    return BaseTokenSet(access_token=t.access_token, refresh_token=t.refresh_token, expires_at=t.expires_at,
                        account_id=t.hub_id, scopes=tuple(t.scopes), issued_at=t.issued_at)


def from_base(t: BaseTokenSet) -> hs_oauth.TokenSet:
    return hs_oauth.TokenSet(access_token=t.access_token, refresh_token=t.refresh_token, expires_at=t.expires_at,
                             hub_id=t.account_id, scopes=tuple(t.scopes), issued_at=t.issued_at)


class HubSpotConnector:
    """The HubSpot connector; `config` is the app's configuration mapping (HUBSPOT_* keys)."""

    name = NAME
    label = LABEL
    account_word = "account"
    """What an install is called in the CRM's own words ("Installed the app in account ...")."""
    deal_words = ("deal", "deals")
    """What the CRM calls a deal, one and many, for pages its users read ("40 enriched deals")."""
    output_fields_package: str | None = None
    paced_calls = True
    """Its calls take from the shared limiter's per-portal 10-s window and search rate (install health shows both)."""
    """The package the admin installs that brings the output fields (None: the app creates them)."""
    person_id = "email"
    """What the CRM's sign-in names a person by: its login e-mail ("email") or a user record id ("user_id")."""

    @staticmethod
    def person_key(user: str) -> str:
        """How a person is stored and compared: a login e-mail, case-insensitive."""
        return user.strip().lower()
    layout_steps = (
        "In HubSpot, open Settings › Objects › Deals › Record customization.",
        "Open the default view (or the view your team uses) and choose Customize the right sidebar.",
        "Add cards › Card library › Card types: Apps, then add \"Agentic Sales\" and Save.",
        "HubSpot does not place an app card on record layouts by itself: until this is done, reps see "
        "the scores in the deal's properties but not the card.",
    )
    """Where an admin adds the app card after the install (shown on the install page)."""
    blueprint = "webhooks.hubspot.receiver"
    scopes = SCOPES
    enriched_object_types = ("deal",)
    """A contact or company change re-schedules its deals (HubSpot's leads are contacts)."""
    field_word = "property"
    """What HubSpot calls a field (used in messages revenue ops read); what it calls an account is account_word."""

    def oauth(self, config: Mapping[str, Any]) -> HubSpotOAuth:
        """The OAuth client of the configured HubSpot app.

        Raises:
            KeyError: HUBSPOT_CLIENT_ID or HUBSPOT_CLIENT_SECRET is not configured (the app turns
                it into a ConfigError naming the variable before calling).
        """
        return HubSpotOAuth(hs_oauth.OAuthClient(
            config["HUBSPOT_CLIENT_ID"], config["HUBSPOT_CLIENT_SECRET"],
            base_url=config.get("HUBSPOT_API_BASE") or constants.API_BASE,
            authorize_url=config.get("HUBSPOT_AUTHORIZE_URL") or constants.AUTHORIZE_URL,
            token_path=config.get("HUBSPOT_TOKEN_PATH") or constants.TOKEN_PATH,
            timeout=(float(config.get("CRM_CONNECT_TIMEOUT_SECONDS") or constants.CONNECT_TIMEOUT_SECONDS),
                     float(config.get("CRM_READ_TIMEOUT_SECONDS") or constants.READ_TIMEOUT_SECONDS)),
        ))

    def required_config(self) -> tuple[str, ...]:
        """Configuration names the OAuth flow needs (the app checks them and names what is missing)."""
        return ("HUBSPOT_CLIENT_ID", "HUBSPOT_CLIENT_SECRET")

    def client(self, installation: Installation, *, config: Mapping[str, Any],
               on_tokens: Callable[[BaseTokenSet], None] | None = None) -> CrmClient:
        """The HubSpot adapter of one installed portal.

        `installation.settings["field_mappings"]` holds the tenant's (object_type, canonical,
        crm_field) rows; `config["CRM_STATS"]` an optional shared CallStats.
        """
        from integrations.hubspot.adapter import HubSpotClient
        from integrations.hubspot.metadata import metadata_for
        from integrations.limits import limiter_for

        tokens = from_base(installation.tokens)
        oauth = self.oauth(config).client if tokens.refresh_token and config.get("HUBSPOT_CLIENT_ID") else None
        saver = (lambda new: on_tokens(to_base(new))) if on_tokens else None
        kwargs: dict[str, Any] = {}
        if config.get("CRM_STATS") is not None:
            kwargs["stats"] = config["CRM_STATS"]
        # A portal whose access cannot be renewed is marked for reconnecting by whichever call meets it.
        kwargs["on_dead_grant"] = config.get("CRM_ON_DEAD_GRANT")
        # One rate budget per installation for every worker: Redis when the app has it.
        kwargs["limiter"] = limiter_for(config.get("REDIS_URL"))
        # One metadata cache per portal for every worker too (owners, pipelines, companies' won deals).
        kwargs["metadata"] = metadata_for(config.get("REDIS_URL"))
        client = HubSpotClient.connect(
            tokens, tenant_id=installation.tenant_id,
            base_url=installation.api_base or config.get("HUBSPOT_API_BASE") or constants.API_BASE,
            oauth=oauth, on_tokens=saver,
            retries=int(config.get("CRM_SDK_RETRIES", constants.SDK_RETRIES)),
            # Tests of a CRM that stops answering make every retry without sleeping through the back-off.
            retry_scale=float(config.get("CRM_RETRY_SCALE", 1.0)),
            timeout=(float(config.get("CRM_CONNECT_TIMEOUT_SECONDS") or constants.CONNECT_TIMEOUT_SECONDS),
                     float(config.get("CRM_READ_TIMEOUT_SECONDS") or constants.READ_TIMEOUT_SECONDS)),
            field_mapping=field_mapping_from_rows(installation.settings.get("field_mappings") or ()),
            output_targets=output_targets(installation, "deal"),
            rates=installation_rates(installation),
            **kwargs,
        )
        return cast(CrmClient, client)

    def tenant_id_for(self, account_id: str) -> str:
        return tenant_id_for(account_id)

    def account_id_for(self, tenant_id: str) -> str | None:
        """The hub id of one of our tenant ids, or None if it is not a HubSpot tenant id."""
        return tenant_id[len(TENANT_PREFIX):] if tenant_id.startswith(TENANT_PREFIX) else None

    def verify_card_request(self, request: Any, *, config: Mapping[str, Any]) -> str:
        """Check HubSpot's v3 signature of a card request (hubspot.fetch); return the tenant id.

        The portal comes only from the query HubSpot appends, after the signature check; a request
        naming two portals is refused.

        Raises:
            PermissionError: unsigned/forged request, or no single portal named.
        """
        from webhooks.errors import SignatureVerificationError
        from webhooks.hubspot.signature import verify_request

        try:
            verify_request(headers=request.headers, method=request.method, uri=public_uri(request, config),
                           body=request.get_data(), secret=config.get("HUBSPOT_CLIENT_SECRET") or "",
                           tolerance=float(config.get("WEBHOOK_TOLERANCE_SECONDS") or 300))
        except SignatureVerificationError as exc:
            raise PermissionError(f"invalid_signature: {exc.reason}") from None
        portals = set(request.args.getlist("portalId"))
        if len(portals) > 1:
            raise PermissionError("portal_ambiguous: the signed request names more than one portal")
        if not portals:
            raise PermissionError("portal_missing: the signed request does not name the portal (portalId)")
        return tenant_id_for(portals.pop())

    def forget_account(self, account_id: str, *, config: Mapping[str, Any]) -> None:
        """Drop the portal's metadata and activity rows (email and meeting text) from the metadata
        cache, Redis's included (an uninstall otherwise left them there for up to 7 days), and its
        rate-limit windows (keys named by the hub id)."""
        from integrations.hubspot.errors import CRM
        from integrations.hubspot.metadata import metadata_for
        from integrations.limits import limiter_for

        metadata_for(config.get("REDIS_URL")).forget(str(account_id))
        limiter_for(config.get("REDIS_URL")).forget(f"{CRM}:{account_id}")  # its rate windows and learned limits

    def watched_fields(self, object_type: str) -> frozenset[str]:
        """The deployed webhook subscriptions' properties: HubSpot sends no marker on the app's own
        writes (hubspot-api-facts 7), so an output there would echo back as a change."""
        from integrations.hubspot.manifests import watched_properties

        return watched_properties(object_type)

    def default_mapping(self, object_type: str) -> Mapping[str, tuple[str, str]]:
        """Canonical feature → (HubSpot property, label) for deals (incl. extra features), companies,
        contacts: the one default table (integrations/hubspot/mapping.py)."""
        return default_mapping(object_type)

    def output_fields(self) -> tuple[OutputField, ...]:
        return OUTPUT_FIELD_SPECS

    def install_scopes(self, config: Mapping[str, Any]) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """(required, optional) scopes: HUBSPOT_SCOPES if configured, else the app manifest's (HubSpot
        refuses an install URL whose scopes differ from the registered app's), else SCOPES."""
        import json

        configured = config.get("HUBSPOT_SCOPES")
        if configured:
            return (tuple(configured.split()) if isinstance(configured, str) else tuple(configured)), ()
        try:
            auth = json.loads(MANIFEST.read_text())["config"]["auth"]
            return tuple(auth["requiredScopes"]), tuple(auth.get("optionalScopes") or ())
        except (OSError, ValueError, KeyError, TypeError):
            return (tuple(s.name for s in self.scopes if s.required),
                    tuple(s.name for s in self.scopes if not s.required))

    def missing_optional_scopes(self, granted: Sequence[str]) -> list[ScopeSpec]:
        """Optional scopes not granted, each with what degrades (shown on the install page)."""
        have = set(granted)
        return [s for s in self.scopes if not s.required and s.name not in have]


def public_uri(request: Any, config: Mapping[str, Any]) -> str:
    """The URI HubSpot signed: the configured public base URL + the raw path and query."""
    environ = getattr(request, "environ", {}) or {}
    raw = environ.get("RAW_URI") or environ.get("REQUEST_URI")
    if not raw:
        qs = request.query_string.decode("latin-1")
        raw = request.path + (f"?{qs}" if qs else "")
    base = config.get("PUBLIC_URL") or request.host_url
    return str(base).rstrip("/") + raw


CONNECTOR = HubSpotConnector()
"""The registered instance (app/connectors: "hubspot" → this)."""


def installation_rates(installation: Installation) -> RateTable | None:
    """The tenant's exchange rates setting as a rate table; None when unset or (edited by hand) unusable:
    amounts then only count in their record's own currency, and the reads go on."""
    try:
        return setting_rate_table(installation.settings.get("exchange_rates"))
    except CurrencyError as err:
        log.warning("hubspot tenant %s: exchange_rates setting unusable, amounts are not converted: %s",
                    installation.tenant_id, err)
        return None
