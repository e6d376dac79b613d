"""The tenant settings schema: one pydantic model, one documented default per field.

Every field carries its default, its allowed range or values and a description; the README's
settings reference table is generated from this model (`reference_rows`), and a test keeps the
two equal. Defaults shared with a library package come from that package's own constant
(agents' discount cap, learning's holdout share, scoring's minimum history), so each value has
exactly one home.

Errors are `SettingsError(key, value, allowed)` with one line naming all three, e.g.
`discount_cap=1.5 is out of range: allowed 0 to 0.5 (0% to 50%)`. Numbers in a message are written as a
person writes them (whole numbers without ".0", money with thousands separators, shares also as %), and
what an empty setting means is said in the words of where it is set: `null` on the CLI and the API,
"leave empty" on a console form (`SettingsError.form_message`).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Mapping
from typing import Any, Literal, get_args
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from agents.catalogue import DEFAULT_ARM_NAMES
from agents.phrases import LANGUAGES
from agents.settings import LEARNED_SCREEN, MAX_DISCOUNT, ROLES, SPEND_WARNING_SHARE
from integrations.money import CurrencyError, iso_code
from learning.defaults import HOLDOUT_SHARE

Autonomy = Literal["suggest", "approve", "auto"]
"""The decision engine's autonomy levels (agents/decision.py): `suggest` only suggests, `approve`
holds every action for a human, `auto` sends an email that needs no approval or escalation."""

Tone = Literal["friendly", "formal"]
"""The tones the writer really has (agents/writer.py); nothing else is stored."""

Provider = Literal["offline", "openai", "anthropic", "openai_compatible"]
"""LLM providers (DESIGN.md, LLMProvider)."""

Channel = Literal["email", "call", "meeting"]

Language = Literal["en", "de", "fr", "es"]
assert set(get_args(Language)) == set(LANGUAGES), "keep in step with agents.phrases.LANGUAGES"

Arm = Literal["value_reinforcement", "social_proof", "limited_time_incentive", "executive_alignment",
              "risk_reversal", "education_nurture", "re_engagement"]
assert get_args(Arm) == DEFAULT_ARM_NAMES, "keep in step with agents.catalogue.DEFAULT_CATALOGUE"

Task = Literal["conversion", "churn", "clv", "price", "lead_conversion"]
"""scoring.TASKS (not imported: `scoring` loads scikit-learn, seconds a CLI call should not pay;
tests/settings/test_reference.py keeps the two equal)."""

MIN_CLOSED_DEALS = 50
"""scoring.defaults.MIN_CLOSED_DEALS, the same number (kept equal by the same test)."""

Role = Literal["analyst", "strategist", "writer"]
assert set(get_args(Role)) == set(ROLES), "keep in step with agents.settings.ROLES"

MAX_DISCOUNT_CAP = 0.5
"""Highest discount cap a tenant may set (a fraction of list price)."""

MAX_HOLDOUT_SHARE = 0.5
"""Highest share of records a tenant may hold out of every AI action."""

MAX_LINK_ALLOWLIST = 20
"""Most entries in a tenant's link allow-list (a handful of the seller's own domains is the use)."""

MAX_LINK_ENTRY_CHARS = 200
"""Longest link allow-list entry (a domain or URL prefix)."""

MIN_LLM_TIMEOUT_SECONDS = 1.0
MAX_LLM_TIMEOUT_SECONDS = 600.0
"""Range of a per-role LLM call timeout (a local model on a small machine needs minutes; the run
deadline and the job timeout bound the total anyway)."""

_LINK_ENTRY = re.compile(r"^(?:https?://)?(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}"
                         r"(?::\d{1,5})?(?:/[\w./~%+-]*)?$")
"""A domain (`brightlane.io`, subdomains included) or a URL prefix (`https://brightlane.io/docs/`):
no wildcards, no user part, no query (a query would let any link through by prefix)."""

MAX_ROLE_SPEC_CHARS = 120

MAX_LEAD_STATUSES = 50
"""Most Lead Status values `lead_closed_statuses` may list (Salesforce allows about 100 per picklist)."""

MAX_LEAD_STATUS_CHARS = 255
"""Longest Lead Status value (a picklist value's API name is at most 255 characters)."""
"""Longest `provider:model` a role may name (model names are short; this bounds what is stored)."""


class SettingsError(ValueError):
    """A setting (or mapping) has a value outside what is allowed.

    Attributes:
        key: the setting, e.g. `discount_cap` or `llm_roles.writer`.
        value: the value that was given.
        allowed: what would have been accepted, in words ("0.0 to 0.5", "one of: a, b").
    """

    def __init__(self, key: str, value: Any, allowed: str, *, problem: str = "is out of range",
                 form_allowed: str | None = None) -> None:
        self.key, self.value, self.allowed, self.problem = key, value, allowed, problem
        self.form_allowed = form_allowed if form_allowed is not None else allowed
        super().__init__(f"{key}={_show(value)} {problem}: allowed {allowed}")

    @property
    def form_message(self) -> str:
        """The message as a console form shows it: "leave empty" where the CLI says `null`."""
        return f"{self.key}={_show(self.value)} {self.problem}: allowed {self.form_allowed}"


class TenantSettingsModel(BaseModel):
    """A tenant's settings (DESIGN.md, Settings). Immutable; change through `app.settings.update`."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=False, allow_inf_nan=False,
                              validate_default=True)

    autonomy: Autonomy = Field(
        default="suggest", description="What the app may do on its own: `suggest` (a rep reviews every draft), "
        "`approve` (every action waits for a human), `auto` (sends an email needing no approval or escalation).")
    discount_cap: float = Field(
        default=MAX_DISCOUNT, ge=0.0, le=MAX_DISCOUNT_CAP,
        description="Largest discount the app may propose, as a fraction of list price (0.10 = 10%).")
    approval_threshold: float = Field(
        default=0.05, ge=0.0, le=MAX_DISCOUNT_CAP,
        description="A proposed discount above this fraction needs a human's approval; at most `discount_cap`.")
    escalate_amount_over: float | None = Field(
        default=100_000.0, ge=0.0, le=1e12,
        description="Deals worth more than this go to a human: in the corporate currency where the account's "
        "rates convert the deal's (Salesforce's currencies, or `exchange_rates`), else in the deal's own currency.")
    escalate_churn_over: float | None = Field(
        default=0.8, ge=0.0, le=1.0, description="A churn risk above this probability goes to a human.")
    quiet_hours_start: int = Field(
        default=20, ge=0, le=23, description="Local hour (owner's time zone) from which nothing is due; equal to "
        "`quiet_hours_end` turns quiet hours off.")
    quiet_hours_end: int = Field(default=8, ge=0, le=23, description="Local hour at which quiet hours end.")
    allowed_channels: list[Channel] = Field(
        default=["email", "call", "meeting"], min_length=1,
        description="Channels the app may suggest; others become email (or nothing).")
    contact_frequency_cap: int = Field(
        default=3, ge=0, le=50, description="Most seller touches (outbound emails and calls) a record may have had in the 7 days "
        "before a new message; at the cap the action is `wait` (a task says why, no draft). 0 turns the cap off.")
    opt_out_field: str | None = Field(
        default=None, max_length=120, pattern=r"^[A-Za-z_][A-Za-z0-9_]*$",
        description="Your own contact checkbox or yes/no field that marks an opt-out (true/yes/1 means opted out). "
        "The CRM's own email opt-out (HubSpot's `hs_email_optout`, Salesforce's `HasOptedOutOfEmail`) is always "
        "honoured as well: no draft goes to an opted-out contact (another contact is chosen, or none).")
    strategy_catalogue: list[Arm] = Field(
        default=list(get_args(Arm)), min_length=1,
        description="Strategies the strategist and the bandit may choose (a subset of the default arms).")
    llm_allow_list: list[Provider] | None = Field(
        default=None, description="LLM providers this tenant's data may go to. `offline` is always allowed.")
    llm_roles: dict[Role, str] = Field(
        default={}, description="`provider:model` per role (analyst, strategist, writer), overriding the deployment's; "
        "each provider must be in `llm_allow_list` when that is set.")
    monthly_spend_cap_usd: float = Field(
        default=50.0, ge=0.0, le=1_000_000.0,
        description="Most USD of vendor LLM calls per month (in `budget_timezone`). Checked before every call against "
        "its worst case, across all workers; a call that does not fit is answered offline, with the reason on the "
        "card and in the audit log. 0 keeps every call offline (docs/costs.md).")
    daily_spend_cap_usd: float | None = Field(
        default=None, ge=0.0, le=1_000_000.0,
        description="Most USD of vendor LLM calls per day (in `budget_timezone`), so one backfill cannot spend the "
        "month in an afternoon.")
    budget_timezone: str = Field(
        default="UTC", max_length=64,
        description="IANA time zone (e.g. `Europe/Berlin`) whose midnight starts the budget's day and month.")
    spend_warning_share: float = Field(
        default=SPEND_WARNING_SHARE, ge=0.1, le=1.0,
        description="Share of a cap at which the admin is warned once per period (audit log `llm_budget_warning`, "
        "console banner).")
    llm_budget_retention_days: int = Field(
        default=90, ge=7, le=3650,
        description="Days we keep the LLM budget's counter of a day or month (`llm_budget`: spend committed, "
        "warning sent) after that period ended, then delete it (the daily retention job); the per-call usage "
        "that finance exports is kept for `llm_usage_retention_days`. At least 7, so no call still in flight books "
        "against a deleted period.")
    llm_usage_retention_days: int = Field(
        default=400, ge=31, le=3650,
        description="Days we keep the per-call LLM usage (`llm_usage`: tokens and cost of each vendor answer, what "
        "the console's LLM page, `agentic-sales costs` and the usage export read), rounded back to the start of "
        "that budget month, then delete it (the daily retention job): a month's export is whole or empty. At "
        "least 31, so the running and the previous month always stay whole (and with them the cost estimate's "
        "30 days); the default keeps a year and a month.")
    tone: Tone = Field(default="friendly", description="Tone of drafts: `friendly` or `formal` (the writer's two tones).")
    language: Language = Field(
        default="en", description="Default draft language; a contact's own language, else their country's, wins.")
    holdout_share: float = Field(
        default=HOLDOUT_SHARE, ge=0.0, le=MAX_HOLDOUT_SHARE,
        description="Share of records held out of every AI action to measure lift (stable by record id).")
    redact_pii: bool = Field(default=True, description="Replace emails, phone numbers and names before a vendor LLM call.")
    retention_days: int = Field(
        default=30, ge=7, le=3650,
        description="Days we keep raw webhook payloads, quarantined webhook bodies, cached LLM answers and the "
        "superseded enrichments of a record (older drafts and analyses; the latest is kept), then delete them "
        "(a daily job). At least 7: the CRMs redeliver a webhook for up to 3 days and a shorter window would "
        "process a late redelivery twice.")
    min_closed_deals: int = Field(
        default=MIN_CLOSED_DEALS, ge=10, le=100_000,
        description="Closed deals a task needs before it is trained (below: the card says not enough history).")
    card_hidden_scores: list[Task] = Field(
        default=[], description="Score tasks this tenant does not use; the card leaves them out.")
    link_allowlist: list[str] = Field(
        default=[], max_length=MAX_LINK_ALLOWLIST,
        description="Domains (`brightlane.io`, subdomains included) or URL prefixes (`https://brightlane.io/docs/`) "
        "a draft, summary or next step may link to; any other link is removed. Empty: no links at all.")
    learned_screen: bool = Field(
        default=LEARNED_SCREEN,
        description="Also refuse an LLM draft's sentences that the learned screen (agents/learned_screen.py) reads as "
        "planted content and whose figures, dates and links the record does not vouch for; off leaves only the "
        "pattern checks.")
    lead_closed_statuses: list[str] | None = Field(
        default=None, max_length=MAX_LEAD_STATUSES,
        description="Salesforce Lead Status values (API name or label) that close a lead unconverted, i.e. a lost "
        "lead for the lead-conversion model.")
    corporate_currency: str | None = Field(
        default=None,
        description="The currency past revenue and lifetime values are summed in (ISO code such as USD), with "
        "`exchange_rates` for the others. HubSpot only: a Salesforce org's own currencies and rates are read from it.")
    exchange_rates: dict[str, float] = Field(
        default={},
        description="Units of each currency per one unit of `corporate_currency` ({\"EUR\": 0.92}): amounts in a "
        "currency without a rate are never added to the others (HubSpot's API gives us no rates to read).")
    llm_timeouts: dict[Role, float] = Field(
        default={}, description="Per-call LLM timeout in seconds per role (analyst, strategist, writer), overriding "
        "the deployment's (`LLM_TIMEOUT_SECONDS`, `LLM_TIMEOUT_<ROLE>`); a call that takes longer falls back offline.")

    @field_validator("link_allowlist")
    @classmethod
    def _links(cls, value: list[str]) -> list[str]:
        out = []
        for entry in value:
            e = str(entry).strip().lower()
            if len(e) > MAX_LINK_ENTRY_CHARS or not _LINK_ENTRY.match(e):
                raise SettingsError("link_allowlist", entry, "domains like brightlane.io or URL prefixes like "
                                    "https://brightlane.io/docs/ (no wildcards, user part or query)",
                                    problem="is not a domain or URL prefix")
            out.append(e)
        return list(dict.fromkeys(out))

    @field_validator("lead_closed_statuses")
    @classmethod
    def _lead_statuses(cls, value: list[str] | None) -> list[str] | None:
        if value is None:
            return None
        out = []
        for entry in value:
            e = str(entry).strip()
            if not e or len(e) > MAX_LEAD_STATUS_CHARS or any(ord(c) < 32 for c in e):
                raise SettingsError("lead_closed_statuses", entry, f"Lead Status values of 1 to {MAX_LEAD_STATUS_CHARS} "
                                    "characters, as Setup shows them", problem="is not a Lead Status value")
            out.append(e)
        if not out:
            raise SettingsError("lead_closed_statuses", value, "at least one Lead Status value, or null for the default",
                                problem="is empty (no lead would ever count as lost)",
                                form_allowed="at least one Lead Status value, or leave it empty for the default")
        return list(dict.fromkeys(out))

    @field_validator("budget_timezone")
    @classmethod
    def _zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise SettingsError("budget_timezone", value, "an IANA time zone such as UTC, Europe/Berlin or "
                                "America/New_York", problem="is not a time zone") from None
        return value

    @field_validator("corporate_currency")
    @classmethod
    def _corporate(cls, value: str | None) -> str | None:
        if value is None:
            return None
        try:
            return iso_code(value)
        except CurrencyError:
            raise SettingsError("corporate_currency", value, "an ISO 4217 code such as USD or EUR",
                                problem="is not a currency code") from None

    @field_validator("exchange_rates", mode="before")
    @classmethod
    def _rates(cls, value: Any) -> Any:
        if not isinstance(value, Mapping):
            return value
        out: dict[str, float] = {}
        for code, rate in value.items():
            try:
                key = iso_code(code)
            except CurrencyError:
                raise SettingsError(f"exchange_rates.{code}", rate, "ISO 4217 codes such as EUR",
                                    problem="is not a currency code") from None
            if isinstance(rate, bool) or not isinstance(rate, int | float) or not math.isfinite(rate) or rate <= 0:
                raise SettingsError(f"exchange_rates.{key}", rate, "a positive number (units per one unit of "
                                    "corporate_currency)", problem="is not a conversion rate")
            out[key] = float(rate)
        return out

    @field_validator("llm_timeouts")
    @classmethod
    def _timeouts(cls, value: dict[str, float]) -> dict[str, float]:
        for role, seconds in value.items():
            if isinstance(seconds, bool) or not isinstance(seconds, int | float) or not math.isfinite(seconds) \
                    or not MIN_LLM_TIMEOUT_SECONDS <= seconds <= MAX_LLM_TIMEOUT_SECONDS:
                raise SettingsError(f"llm_timeouts.{role}", seconds,
                                    f"{MIN_LLM_TIMEOUT_SECONDS} to {MAX_LLM_TIMEOUT_SECONDS} seconds")
        return {role: float(seconds) for role, seconds in value.items()}

    @field_validator("allowed_channels", "strategy_catalogue", "card_hidden_scores", "llm_allow_list")
    @classmethod
    def _unique(cls, value: list[str] | None) -> list[str] | None:
        return None if value is None else list(dict.fromkeys(value))

    @field_validator("llm_roles")
    @classmethod
    def _role_specs(cls, value: dict[str, str]) -> dict[str, str]:
        providers = get_args(Provider)
        for role, spec in value.items():
            provider, sep, model = str(spec).partition(":")
            if not sep or provider not in providers or not model.strip() or len(str(spec)) > MAX_ROLE_SPEC_CHARS:
                raise SettingsError(f"llm_roles.{role}", spec,
                                    f"provider:model (at most {MAX_ROLE_SPEC_CHARS} characters) with provider one of: "
                                    f"{', '.join(providers)}",
                                    problem="is not a provider:model")
        return value

    @model_validator(mode="after")
    def _cross_field(self) -> TenantSettingsModel:
        if self.exchange_rates and self.corporate_currency is None:
            raise SettingsError("exchange_rates", self.exchange_rates, "rates once corporate_currency is set",
                                problem="has no corporate_currency to convert to")
        if self.corporate_currency and self.exchange_rates.get(self.corporate_currency, 1.0) != 1.0:
            raise SettingsError(f"exchange_rates.{self.corporate_currency}",
                                self.exchange_rates[self.corporate_currency],
                                "1 (the corporate currency converts to itself), or leave it out",
                                problem="is not 1")
        if self.approval_threshold > self.discount_cap:
            raise SettingsError("approval_threshold", self.approval_threshold,
                                f"0 to discount_cap (now {self.discount_cap:g}, {100 * self.discount_cap:g}%)",
                                problem="is above discount_cap")
        if self.llm_allow_list is not None:
            for role, spec in self.llm_roles.items():
                provider = spec.partition(":")[0]
                if provider != "offline" and provider not in self.llm_allow_list:
                    raise SettingsError(
                        f"llm_roles.{role}", spec, "a provider in llm_allow_list "
                        f"({', '.join(self.llm_allow_list) or 'empty'}); add {provider} to llm_allow_list",
                        problem=f"uses {provider}, which llm_allow_list does not allow")
        return self

    def quiet_hours(self) -> tuple[int, int] | None:
        """(start, end) local hours, or None when quiet hours are off."""
        return None if self.quiet_hours_start == self.quiet_hours_end else (self.quiet_hours_start,
                                                                             self.quiet_hours_end)


def check_deployment_roles(settings: TenantSettingsModel, deployment: Mapping[str, str]) -> None:
    """Refuse an allow-list that leaves out a provider the deployment runs a role on (one the
    tenant does not override): the role would silently stay offline.

    Args:
        deployment: role → `provider:model` as configured (AGENTIC_SALES_LLM_ANALYST ...).

    Raises:
        SettingsError: naming the allow-list, the role, its provider and the variable.
    """
    if settings.llm_allow_list is None:
        return
    for role in get_args(Role):
        if role in settings.llm_roles:
            continue  # the tenant's own choice, checked by the schema
        spec = str(deployment.get(role) or "offline:template")
        provider = spec.partition(":")[0]
        if provider != "offline" and provider not in settings.llm_allow_list:
            raise SettingsError(
                "llm_allow_list", settings.llm_allow_list,
                f"a list including {provider}, or llm_roles.{role} set to an allowed provider",
                problem=f"leaves out {provider}, which the {role} runs on (AGENTIC_SALES_LLM_{role.upper()}={spec})")


DEFAULTS = TenantSettingsModel()
"""The settings of a tenant nobody has configured."""

KEYS: tuple[str, ...] = tuple(TenantSettingsModel.model_fields)


def validate(data: Mapping[str, Any]) -> TenantSettingsModel:
    """Build settings from a plain mapping, turning pydantic's errors into one `SettingsError`.

    Raises:
        SettingsError: the first problem, naming the key, the value and what is allowed.
    """
    for key, value in data.items():
        if key not in TenantSettingsModel.model_fields:
            raise SettingsError(key, value, "one of: " + ", ".join(KEYS), problem="is not a setting")
        _reject_non_finite(key, value)
    try:
        return TenantSettingsModel.model_validate(dict(data))
    except SettingsError:
        raise
    except ValidationError as exc:
        raise _from_validation_error(exc, data) from None


def apply_changes(current: TenantSettingsModel, changes: Mapping[str, Any]) -> TenantSettingsModel:
    """Current settings with `changes` applied (dotted keys set one entry of a dict setting, e.g.
    `llm_roles.writer`); a value of None on a dotted key removes that entry.

    Raises:
        SettingsError: an unknown key or an invalid value.
    """
    if not changes:
        raise SettingsError("changes", {}, "at least one KEY=VALUE", problem="is empty")
    data = current.model_dump(mode="json")
    for key, value in changes.items():
        head, dot, entry = str(key).partition(".")
        if head not in TenantSettingsModel.model_fields:
            raise SettingsError(str(key), value, "one of: " + ", ".join(KEYS), problem="is not a setting")
        if dot:
            if not isinstance(data.get(head), dict) and head not in ("llm_roles", "llm_timeouts"):
                raise SettingsError(str(key), value, f"{head}=VALUE ({head} has no entries)",
                                    problem="is not a setting")
            if head in ("llm_roles", "llm_timeouts") and entry not in get_args(Role):
                raise SettingsError(str(key), value, f"{head}." + f" | {head}.".join(get_args(Role)),
                                    problem="is not a role")
            entries = dict(data.get(head) or {})
            if value is None:
                entries.pop(entry, None)
            else:
                entries[entry] = value
            data[head] = entries
        else:
            data[head] = value
    return validate(data)


def diff(old: TenantSettingsModel, new: TenantSettingsModel) -> dict[str, list[Any]]:
    """{key: [old, new]} for every setting that differs (JSON values)."""
    a, b = old.model_dump(mode="json"), new.model_dump(mode="json")
    return {k: [a[k], b[k]] for k in KEYS if a[k] != b[k]}


def parse_value(text: str) -> Any:
    """A CLI value: JSON when it parses (numbers, true/false, null, lists), else the string itself."""
    try:
        return json.loads(text)
    except ValueError:
        return text


SHARE_KEYS = frozenset({"discount_cap", "approval_threshold", "escalate_churn_over", "spend_warning_share",
                        "holdout_share"})
"""Settings that are a fraction of a whole: written "0.5 (50%)" in messages and help."""

MONEY_KEYS: Mapping[str, str] = {"escalate_amount_over": "", "monthly_spend_cap_usd": "$",
                                 "daily_spend_cap_usd": "$"}
"""Settings that are an amount of money, with the sign they are written with ("" for the deal's own
currency): thousands separated, no ".0"."""

WHEN_EMPTY: Mapping[str, str] = {
    "escalate_amount_over": "never",
    "escalate_churn_over": "never",
    "daily_spend_cap_usd": "no daily cap",
    "opt_out_field": "only the CRM's own opt-out",
    "llm_allow_list": "the providers the deployment configures per role (AGENTIC_SALES_LLM_*)",
    "lead_closed_statuses": "every unconverted status whose name says closed, unqualified, disqualified or not "
                            "converted",
    "corporate_currency": "each record's own currency (nothing converted)",
}
"""What a nullable setting means when it is not set (kept out of the descriptions, which both the CLI's
`null` and the console's empty field read)."""


def show_number(key: str, number: float) -> str:
    """A setting's number as a person writes it: `3`, `100,000`, `$50`, `0.1 (10%)`."""
    field = TenantSettingsModel.model_fields.get(key)
    whole = float(number).is_integer()
    if key in MONEY_KEYS:
        text = f"{number:,.0f}" if whole else f"{number:,.2f}"
        return MONEY_KEYS[key] + text
    text = f"{int(number):,}" if whole else f"{number:g}"
    if key in SHARE_KEYS:
        return f"{text} ({100 * number:g}%)"
    if field is not None and int in _flatten(field.annotation) and whole:
        return f"{int(number):,}"
    return text


def range_text(key: str, low: float, high: float) -> str:
    """A setting's bounds in words: "0 to 50", "0 to 0.5 (0% to 50%)", "$0 to $1,000,000"."""
    if key in SHARE_KEYS:
        return f"{show_number('', low)} to {show_number('', high)} ({100 * low:g}% to {100 * high:g}%)"
    return f"{show_number(key, low)} to {show_number(key, high)}"


def when_empty(key: str, *, form: bool = False) -> str:
    """How to leave a nullable setting unset and what that means: ", or null for never" (CLI and
    API), ", or leave empty for never" (a console form); "" for a setting that cannot be unset."""
    field = TenantSettingsModel.model_fields[key]
    if type(None) not in _flatten(field.annotation):
        return ""
    meaning = WHEN_EMPTY.get(key, "none")
    if form:
        if _is_list(field.annotation) and _choices(field.annotation):
            return f", or tick deployment default for {meaning}"
        return f", or leave empty for {meaning}"
    return f", or null for {meaning}"


def allowed_text(key: str, *, form: bool = False) -> str:
    """What a setting accepts, in words (for messages and the reference table); `form` says how to
    unset it on a console form ("leave empty") instead of on the CLI (`null`)."""
    field = TenantSettingsModel.model_fields[key]
    low = high = None
    for m in field.metadata:
        low = getattr(m, "ge", low) if getattr(m, "ge", None) is not None else low
        high = getattr(m, "le", high) if getattr(m, "le", None) is not None else high
    choices = _choices(field.annotation)
    if key == "approval_threshold":
        text = "0 to discount_cap"
    elif key == "llm_roles":
        text = "{role: provider:model} for roles " + ", ".join(get_args(Role))
    elif key == "llm_timeouts":
        text = (f"{{role: seconds}} ({MIN_LLM_TIMEOUT_SECONDS:g} to {MAX_LLM_TIMEOUT_SECONDS:g}) for roles "
                + ", ".join(get_args(Role)))
    elif key == "link_allowlist":
        text = f"up to {MAX_LINK_ALLOWLIST} domains or https URL prefixes"
    elif choices and _is_list(field.annotation):
        text = "a list of: " + ", ".join(choices)
    elif choices:
        text = "one of: " + ", ".join(choices)
    elif low is not None and high is not None:
        text = range_text(key, float(low), float(high))
    elif bool in _flatten(field.annotation):
        text = "true or false"
    elif key == "opt_out_field":
        text = "a CRM field name"
    elif key == "budget_timezone":
        text = "an IANA time zone"
    elif key == "lead_closed_statuses":
        text = f"up to {MAX_LEAD_STATUSES} Lead Status values"
    elif key == "corporate_currency":
        text = "an ISO 4217 code"
    elif key == "exchange_rates":
        text = "{ISO code: units per one unit of corporate_currency}, each above 0"
    else:
        return "any"
    return text + when_empty(key, form=form)


def reference_rows() -> list[tuple[str, str, str, str]]:
    """(key, default, allowed, description) per setting, in schema order (README's table)."""
    out = []
    for key, field in TenantSettingsModel.model_fields.items():
        default = json.dumps(getattr(DEFAULTS, key))
        out.append((key, default, allowed_text(key), field.description or ""))
    return out


def reference_table() -> str:
    """The settings reference as a Markdown table."""
    lines = ["| setting | default | allowed | meaning |", "|---|---|---|---|"]
    lines += [f"| `{k}` | `{d}` | {a} | {m} |" for k, d, a, m in reference_rows()]
    return "\n".join(lines)


def _reject_non_finite(key: str, value: Any) -> None:
    if isinstance(value, float) and not math.isfinite(value):
        raise SettingsError(key, value, allowed_text(key), problem="is not a finite number",
                            form_allowed=allowed_text(key, form=True))


def _from_validation_error(exc: ValidationError, data: Mapping[str, Any]) -> SettingsError:
    err = exc.errors()[0]
    loc = [str(p) for p in err.get("loc", ())]
    key = loc[0] if loc else "settings"
    ctx_error = (err.get("ctx") or {}).get("error")
    if isinstance(ctx_error, SettingsError):
        return ctx_error
    value = data.get(key, err.get("input"))
    if len(loc) > 1 and key == "llm_roles":
        key = f"llm_roles.{loc[1]}"
        value = (data.get("llm_roles") or {}).get(loc[1], err.get("input"))
    kind = str(err.get("type", ""))
    if key in TenantSettingsModel.model_fields:
        allowed, form_allowed = allowed_text(key), allowed_text(key, form=True)
    else:
        allowed = form_allowed = "one of: " + ", ".join(KEYS)
    return SettingsError(key, value, allowed, problem=_problem(kind), form_allowed=form_allowed)


def _problem(kind: str) -> str:
    """Pydantic's error type in the words of the person who typed the value."""
    if kind in ("greater_than_equal", "less_than_equal"):
        return "is out of range"
    if kind in ("too_short", "too_long"):
        return "has the wrong length"
    if kind == "finite_number":
        return "is not a finite number"
    if kind in ("int_from_float", "int_parsing", "int_type"):
        return "must be a whole number"
    if kind in ("float_parsing", "float_type"):
        return "must be a number"
    if kind in ("bool_parsing", "bool_type"):
        return "must be true or false"
    if kind in ("literal_error", "enum"):
        return "is not allowed"
    if kind == "string_pattern_mismatch":
        return "is not a field name"
    if kind.endswith(("_type", "_parsing", "_from_float")):
        return "has the wrong type"
    return "is invalid"


def _flatten(annotation: Any) -> list[Any]:
    args = get_args(annotation)
    if not args:
        return [annotation]
    return [a for arg in args for a in _flatten(arg)] if getattr(annotation, "__origin__", None) is not Literal \
        else [annotation]


def _choices(annotation: Any) -> list[str]:
    out: list[str] = []
    for part in _walk(annotation):
        if getattr(part, "__origin__", None) is Literal:
            out += [str(a) for a in get_args(part)]
    return out


def _walk(annotation: Any) -> Iterable[Any]:
    yield annotation
    if getattr(annotation, "__origin__", None) is not Literal:
        for arg in get_args(annotation):
            yield from _walk(arg)


def _is_list(annotation: Any) -> bool:
    return any(getattr(p, "__origin__", None) is list for p in _walk(annotation))


MAX_SHOWN_CHARS = 80
"""Longest value quoted in an error message (a pasted essay stays a one-line message)."""


def _show(value: Any) -> str:
    if isinstance(value, str):
        text = value
    else:
        try:
            text = json.dumps(value)
        except (TypeError, ValueError):
            text = repr(value)
    text = " ".join(text.split())
    return text if len(text) <= MAX_SHOWN_CHARS else text[:MAX_SHOWN_CHARS - 3] + "..."
