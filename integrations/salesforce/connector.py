"""The Salesforce Connector (DESIGN.md v2): OAuth, clients, webhooks, card auth, mapping, fields.

Configuration keys it reads (from the app's config mapping): SALESFORCE_CLIENT_ID,
SALESFORCE_CLIENT_SECRET, SALESFORCE_LOGIN_URL (login.salesforce.com, test.salesforce.com, a My
Domain or the sandbox), SALESFORCE_CA_BUNDLE (a CA file to trust, e.g. the sandbox's),
SALESFORCE_API_VERSION, SALESFORCE_WEBHOOK_KEY (else SECRET_KEY) for per-installation secrets,
SALESFORCE_INSTANCE_DOMAINS (domains besides Salesforce's that may receive tokens: a government
or China cloud).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from integrations.base import (
    OPT_OUT_CANONICAL,
    CrmClient,
    Installation,
    OutputField,
    ScopeSpec,
    TokenSet,
    output_targets,
)
from integrations.salesforce import card_auth, constants, mapping
from integrations.salesforce.ids import to_18
from integrations.salesforce.instance_url import CONFIG_KEY as INSTANCE_DOMAINS_KEY
from integrations.salesforce.instance_url import configured_domains
from integrations.salesforce.oauth import DEFAULT_LOGIN_URL, SalesforceOAuth
from integrations.salesforce.webhook_secret import installation_secret, outbound_token

if TYPE_CHECKING:
    from integrations.salesforce.session import TimeoutSession

SCOPES = (
    ScopeSpec("api", required=True, why="read opportunities, leads, accounts, contacts; write output fields and tasks"),
    ScopeSpec("refresh_token", required=True, why="keep working after the session times out (offline access)"),
    ScopeSpec("id", required=False, why="name the installing user", degrades="the install log shows no user name"),
)


def _verify(config: Mapping[str, Any]) -> str | bool:
    return str(config.get("SALESFORCE_CA_BUNDLE") or "") or True


def http_session(config: Mapping[str, Any]) -> TimeoutSession:
    """A session with the configured connect/read timeouts (`CRM_*_TIMEOUT_SECONDS`, as HubSpot's), else Salesforce's."""
    # simple_salesforce (with zeep and httpx) loads here, not at import: every command reads this connector's
    # label and receiver module, and only one that talks to an org builds a session.
    from integrations.salesforce.session import TimeoutSession
    return TimeoutSession(timeout=(float(config.get("CRM_CONNECT_TIMEOUT_SECONDS") or constants.CONNECT_TIMEOUT),
                                   float(config.get("CRM_READ_TIMEOUT_SECONDS") or constants.READ_TIMEOUT)),
                          verify=_verify(config))


class SalesforceConnector:
    name = constants.CRM
    label = "Salesforce"
    account_word = "org"
    deal_words = ("opportunity", "opportunities")  # a Salesforce user looks for an Opportunities tab, not Deals
    object_labels = dict(constants.SOBJECTS)
    """The app's record types by the CRM's names for pages its admins read ("Opportunity", "Account")."""
    output_fields_package = "SFDX package"  # the REST API cannot create fields
    paced_calls = False
    """No Salesforce call takes from the shared limiter's per-window budget (integrations.limits): Salesforce's own
    limit is the org's daily API allocation, read from `Sforce-Limit-Info` (install health shows that instead)."""
    person_id = "user_id"

    @staticmethod
    def person_key(user: str) -> str:
        """How a person Salesforce's sign-in names is stored and compared: a User id by its 18-character
        case-safe form (a 15-character id is case-sensitive, so lower-casing it could merge two users),
        anything else (an e-mail typed by mistake) lower-cased.

        Raises:
            SalesforceIdError: a 15/18-character value whose case-safe suffix cannot be an id's.
        """
        who = user.strip()
        if len(who) in (15, 18) and who.isalnum():
            return to_18(who)
        return who.lower()
    layout_steps = (
        "Open any Opportunity, click the gear icon › Edit Page (Lightning App Builder).",
        "Drag the \"Agentic Sales\" custom component from the Custom section into the right-hand column.",
        "Save, then Activate the page (org default, or for the apps and profiles your reps use).",
    )
    """Where an admin adds the Lightning component after the install (shown on the install page)."""
    blueprint = "webhooks.salesforce.receiver"
    """The module whose import registers our routes on the shared `/webhooks` blueprint."""
    scopes = SCOPES
    enriched_object_types = ("deal", "lead")
    """Opportunities and Leads are enriched themselves (a Lead has no Opportunity until it is
    converted); a Contact or Account change re-schedules the Opportunities it is linked to."""
    field_word = "field"
    """What Salesforce calls a field (used in messages revenue ops read); what it calls an account is account_word."""

    def required_config(self) -> tuple[str, ...]:
        """Configuration names the OAuth flow needs (the app names any that is missing)."""
        return ("SALESFORCE_CLIENT_ID", "SALESFORCE_CLIENT_SECRET")

    def install_scopes(self, config: Mapping[str, Any]) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """(required, optional) OAuth scopes; SALESFORCE_SCOPES overrides (space-separated)."""
        configured = config.get("SALESFORCE_SCOPES")
        if configured:
            return (tuple(configured.split()) if isinstance(configured, str) else tuple(configured)), ()
        return (tuple(s.name for s in self.scopes if s.required), tuple(s.name for s in self.scopes if not s.required))

    def missing_optional_scopes(self, granted: Sequence[str]) -> list[ScopeSpec]:
        have = set(granted)
        return [s for s in self.scopes if not s.required and s.name not in have]

    def account_id_for(self, tenant_id: str) -> str | None:
        prefix = f"{constants.CRM}-"
        return tenant_id[len(prefix):] if tenant_id.startswith(prefix) else None

    def oauth(self, config: Mapping[str, Any]) -> SalesforceOAuth:
        return SalesforceOAuth(client_id=str(config.get("SALESFORCE_CLIENT_ID") or ""),
                               client_secret=str(config.get("SALESFORCE_CLIENT_SECRET") or ""),
                               login_url=str(config.get("SALESFORCE_LOGIN_URL") or DEFAULT_LOGIN_URL),
                               session=http_session(config),
                               instance_domains=configured_domains(config.get(INSTANCE_DOMAINS_KEY)))

    def client(self, installation: Installation, *, config: Mapping[str, Any],
               on_tokens: Callable[[TokenSet], None] | None = None) -> CrmClient:
        from integrations.salesforce.client import SalesforceClient
        from integrations.salesforce.session import Api
        oauth = self.oauth(config)
        tokens = installation.tokens
        if not tokens.instance_url and installation.api_base:
            from dataclasses import replace
            tokens = replace(tokens, instance_url=installation.api_base)
        oauth.check_instance(tokens.instance_url)  # a stored row is checked as the token answer was
        api = Api(tokens, session=http_session(config), refresh=oauth.refresh, on_tokens=on_tokens,
                  version=str(config.get("SALESFORCE_API_VERSION") or constants.API_VERSION),
                  stats=config.get("CRM_STATS"), on_dead_grant=config.get("CRM_ON_DEAD_GRANT"))
        opt_out = next((str(f) for o, c, f in installation.settings.get("field_mappings") or ()
                        if o == "contact" and c == OPT_OUT_CANONICAL), None)
        targets = {ot: output_targets(installation, ot) for ot in ("deal", "lead", "company")}
        rows = installation.settings.get("field_mappings") or ()
        deal_rows = {str(c): str(f) for o, c, f in rows if o == "deal"}
        company_rows = {str(c): str(f) for o, c, f in rows if o == "company"}
        # A Contact's and a Lead's own fields (an admin's custom language and time zone fields).
        person_rows = {sobject: {str(c): str(f) for o, c, f in rows if o == object_type and c != OPT_OUT_CANONICAL}
                       for sobject, object_type in (("Contact", "contact"), ("Lead", "lead"))}
        closing = installation.settings.get("lead_closed_statuses")
        return SalesforceClient(api, tenant_id=installation.tenant_id, revoke=oauth.revoke, opt_out_field=opt_out,
                                output_targets={ot: t for ot, t in targets.items() if t}, deal_mapping=deal_rows,
                                company_mapping=company_rows, person_mappings=person_rows,
                                lead_closed_statuses=tuple(str(v) for v in closing) if closing else None)

    def tenant_id_for(self, account_id: str) -> str:
        return f"{constants.CRM}-{account_id}"

    def verify_card_request(self, request: Any, *, config: Mapping[str, Any]) -> str:
        headers, method, url, body = card_auth.request_parts(request)
        base = str(config.get("PUBLIC_URL") or "").rstrip("/")
        if base:  # sign over the public URL the Named Credential called, not our internal host
            from urllib.parse import urlsplit
            parts = urlsplit(url)
            url = base + parts.path + (f"?{parts.query}" if parts.query else "")
        org_id = card_auth.verify_card(headers=headers, method=method, url=url, body=body,
                                       app_key=webhook_key(config))
        return self.tenant_id_for(org_id)

    def forget_account(self, account_id: str, *, config: Mapping[str, Any]) -> None:
        """Nothing: the Salesforce client keeps nothing in Redis, only (per process) the names of the
        optional fields an org lacks, which are no customer data."""

    def watched_fields(self, object_type: str) -> frozenset[str]:
        """None: the app's own writes carry its client id in the change origin (Sforce-Call-Options),
        so the receiver drops their echoes whatever field they wrote."""
        return frozenset()

    def default_mapping(self, object_type: str) -> Mapping[str, tuple[str, str]]:
        """Canonical feature → (field, label): Opportunity features for deals, the Account's churn
        label for companies, a person's own fields for contacts and leads (mapping.py holds the one
        default table of each; a person's language and time zone have no standard field to default to)."""
        return dict({"deal": mapping.DEFAULT_DEAL_MAPPING, "company": mapping.DEFAULT_ACCOUNT_MAPPING,
                     "contact": mapping.DEFAULT_PERSON_MAPPING, "lead": mapping.DEFAULT_PERSON_MAPPING}
                    .get(object_type, {}))

    def output_fields(self) -> tuple[OutputField, ...]:
        return mapping.output_fields()

    def push_webhook_secret(self, client: Any, org_id: str, *, config: Mapping[str, Any]) -> None:
        """Put the org's signing secret into the package (its protected custom setting) through the
        installing user's grant; SALESFORCE_PACKAGE_NAMESPACE names the managed package's namespace."""
        client.set_webhook_secret(installation_secret(webhook_key(config), org_id),
                                  namespace=str(config.get("SALESFORCE_PACKAGE_NAMESPACE") or ""))

    # Salesforce-specific helpers for the install page and the demo (no app/ code needs them).
    def webhook_urls(self, org_id: str, *, config: Mapping[str, Any],
                     secret_in_org: bool = False) -> dict[str, str]:
        """What the admin enters in the Outbound Message and the Named Credential; the callout secret
        only when the app could not put it into the package itself (`secret_in_org`)."""
        base = str(config.get("PUBLIC_URL") or "").rstrip("/")
        secret = installation_secret(webhook_key(config), org_id)
        token = outbound_token(webhook_key(config), org_id)
        urls = {"outbound_message_url": f"{base}/webhooks/salesforce/outbound/{org_id}/{token}",
                "callout_url": f"{base}/webhooks/salesforce/callout"}
        return urls if secret_in_org else {**urls, "callout_secret": secret}


def webhook_key(config: Mapping[str, Any]) -> str:
    return str(config.get("SALESFORCE_WEBHOOK_KEY") or config.get("SECRET_KEY") or "")


CONNECTOR = SalesforceConnector()
"""The registry entry (app/connectors): `"salesforce": "integrations.salesforce.connector:CONNECTOR"`."""
