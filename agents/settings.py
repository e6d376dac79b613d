"""Typed settings of one agents run: per-tenant policy and per-deployment tunables.

The app builds an :class:`AgentSettings` from its config and the tenant's row; the library never
reads globals. The constants below are the defaults, each documented with its unit (STYLE rule 5;
`agents/` may not import `app/`, so the LLM ones mirror `app/defaults.py`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from agents.catalogue import DEFAULT_CATALOGUE, StrategyArm
from agents.errors import ConfigurationError

ROLES: tuple[str, ...] = ("analyst", "strategist", "writer")
"""The three agent roles; each gets its own `provider:model`."""

DEFAULT_ROLE_SPEC = "offline:template-v1"
"""Provider of a role nobody configured: the offline templates (no keys, no network)."""

LLM_TIMEOUT_SECONDS = 30.0
"""Per-call LLM timeout in seconds (mirrors app.defaults.LLM_TIMEOUT_SECONDS)."""

LLM_ROLE_TIMEOUT_SECONDS: Mapping[str, float] = {}
"""Per-role per-call timeouts in seconds that differ from LLM_TIMEOUT_SECONDS (none by default;
`LLM_TIMEOUT_<ROLE>` in the config sets one, e.g. a longer writer timeout for a local model)."""

LLM_TEMPERATURE = 0.2
"""Sampling temperature sent with every vendor call: low, because outputs are structured facts
and drafts a rep should be able to predict."""

LOCAL_LLM_TIMEOUT_SECONDS: Mapping[str, float] = {"analyst": 60.0, "strategist": 40.0, "writer": 60.0}
"""Per-role timeouts in seconds for the local model (`--llm local`): ~15 tokens/s on one shared
core, so a 300-token structured answer takes ~20 s and a slow machine needs headroom."""

LOCAL_LLM_MAX_OUTPUT_TOKENS: Mapping[str, int] = {"analyst": 450, "strategist": 200, "writer": 450}
"""Per-role completion caps in tokens for the local model: what each role's schema needs, so the
prompt keeps the rest of a 4k context and a looping answer stops early."""

LOCAL_CONTEXT_BUDGET_TOKENS = 600
"""Estimated tokens of record context for the local model: prompt evaluation on one core costs
~5-10 ms per token and the writer's prompt measured 2,567 tokens with a budget of 900, so
the facts plus the most relevant few activities, not the whole history."""

PROMPT_OVERHEAD_TOKENS = 1600
"""Tokens of a role's prompt besides the record context (rules, task, schema, earlier roles'
answers; ~1,400 real tokens for the writer), subtracted from a server's context size when budgeting the record context."""

CONTEXT_SAFETY_FACTOR = 0.6
"""Share of the remaining server context the estimated record context may fill: the estimator
counts ~4 characters per token of a compact dict, but the prompt renders indented JSON and
Qwen-style tokenizers give ~3 characters per token on it (measured: 6.2k characters, 2,007 tokens)."""

LLM_MAX_RETRIES = 2
"""Retries of one provider on 429/5xx/timeout before falling to the next (mirrors app.defaults)."""

LLM_BACKOFF_SECONDS = 0.5
"""First backoff in seconds; doubles per retry, capped by LLM_BACKOFF_MAX_SECONDS."""

LLM_BACKOFF_MAX_SECONDS = 8.0
"""Longest single backoff in seconds, also the cap on a vendor's Retry-After hint."""

RUN_DEADLINE_SECONDS = 150.0
"""Wall-clock seconds one run may spend on vendor calls (all roles, retries and fallbacks) before
the remaining roles go offline; keeps a run well under the RQ job timeout (300 s)."""

LLM_MAX_OUTPUT_TOKENS = 1200
"""Most tokens one structured answer may use (Anthropic requires the number)."""

CONTEXT_BUDGET_TOKENS = 3000
"""Estimated tokens of record context (facts + activity) put into one prompt."""

CONCURRENCY_PER_PROCESS = 8
"""LLM calls in flight at once in one process."""

CONCURRENCY_PER_TENANT = 2
"""LLM calls in flight at once for one tenant in one process."""

CONCEPT_WINDOW_WORDS = 4
"""Most words between the two halves of a commitment found by concept ("no" ... "cost", "contract" ...
"signed"; agents.concepts): wider catches more phrasings and more innocent sentences."""

FREE_TEXT_CORROBORATION = 2
"""Distinct activities a name or plain count must appear in before an output may repeat it from free
text (agents.facts): one planted note cannot vouch for a company name or a figure on its own."""

SPELLED_NUMBER_FREE_MAX = 10
"""Largest number an output may write in words without the record vouching for it (agents.invariants):
"two waves", "three depots" are prose; "ninety days", "fifteen off" are figures."""

FOREIGN_SENTENCE_MIN_WORDS = 4
"""Words a sentence needs before its language is judged (agents.invariants); shorter ones are names or quotes."""

MAX_DISCOUNT = 0.10
"""Default discount cap as a fraction of list price (a tenant may lower or raise it)."""

CONTACT_FREQUENCY_CAP = 3
"""Most seller touches (outbound emails and calls) a record may have had in the last
CONTACT_FREQUENCY_WINDOW_DAYS before the app proposes another customer message; 0 turns it off."""

CONTACT_FREQUENCY_WINDOW_DAYS = 7
"""Days counted back from the proposed message's due time for the contact frequency cap."""

DRAFT_MIN_WORDS = 12
"""Fewest words in an email draft body, greeting and sign-off included. Wave 21b: 25 refused complete two-line replies
of 21-24 words (set 30's de/fr/es g5: "the proposal is in progress and reaches you on Friday"); the "too short" bad
drafts of every set run to 4-11 words, so 18 keeps a bare "Thanks, will do" failing. Wave 23b: 18 refused set 32's
es-g5, a complete two-sentence reply of 17 words ("Anotado. La propuesta sale el viernes 27 de noviembre, con Lucía en
copia."); across every quality set and the labelled corpus the good drafts run to 17 words or more and the bad drafts
the floor alone catches to 11 or fewer, with no draft of either label between 12 and 16. 14 (mid-gap) was tried and
refused a 13-word German reply of our own ("notiert: das Angebot geht am Donnerstag raus"); 12 is the lowest floor that
keeps every "too short" bad draft failing on length, and what a short draft says is left to the other checks."""

DRAFT_MAX_WORDS = 220
"""Most words in an email draft body; call scripts get 1.5x."""

SUBJECT_MAX_CHARS = 80
"""Longest subject line in characters."""

DEFAULT_PRICE = (5.0, 15.0)
"""USD per million (input, output) tokens charged for a model missing from the price table, so
that the spend cap still bites on an unknown model."""

PRICES_PER_MTOK: Mapping[str, tuple[float, float]] = {
    "openai:gpt-4o-mini": (0.15, 0.60),
    "openai:gpt-4o": (2.50, 10.00),
    "openai:gpt-4.1-mini": (0.40, 1.60),
    "openai:gpt-4.1": (2.00, 8.00),
    "openai:gpt-4.1-nano": (0.10, 0.40),
    "anthropic:claude-3-5-haiku-latest": (0.80, 4.00),
    "anthropic:claude-haiku-4-5": (1.00, 5.00),
    "anthropic:claude-sonnet-4-5": (3.00, 15.00),
    "anthropic:claude-sonnet-4-0": (3.00, 15.00),
    "anthropic:claude-3-7-sonnet-latest": (3.00, 15.00),
    "openai_compatible:*": (0.0, 0.0),
    "offline:*": (0.0, 0.0),
}
"""USD per million (input, output) tokens, keyed `provider:model` or `provider:*`: the vendors' list
prices for standard (not batch, not cached-input) calls as published on openai.com/api/pricing and
anthropic.com/pricing and last checked by the team in 2025; this repository cannot reach those pages,
so treat them as a starting point. An operator overrides or adds entries without a code change with
`AGENTIC_SALES_LLM_PRICES` (docs/costs.md). A call is booked at the table in force when it is made."""


SPEND_WARNING_SHARE = 0.8
"""Share of a spend cap at which the admin is warned (audit log entry, console banner), once per period."""


LEARNED_SCREEN = True
"""The learned second screen runs unless a tenant turns it off (agents/README.md has its leave-one-set-out figures)."""


@dataclass(frozen=True)
class AgentSettings:
    """Everything one run of the agents needs to know about the deployment and the tenant.

    Attributes:
        tenant_id: whose data this is; scopes the cache, spend and concurrency.
        roles: `provider:model` per role (analyst, strategist, writer).
        vendor_allowlist: providers the tenant allows; None allows any. `offline` is always allowed.
        monthly_spend_cap_usd: LLM spend per calendar month after which calls go offline.
        daily_spend_cap_usd: LLM spend per day after which calls go offline (None: no daily cap).
        budget_timezone: IANA zone whose midnight starts the tenant's budget day and month.
        spend_warning_share: share of a cap at which the admin is warned.
        redact_pii: replace emails, phone numbers and people's names before a vendor call.
        tone: `friendly` or `formal`.
        language: ISO code of the tenant's default draft language (en, de, fr, es); a contact's own
            language, else their company country's, wins.
        max_discount: discount cap as a fraction (0.10 = 10%).
        allowed_promises: phrases a draft may use that would otherwise read as a promise; also the
            capabilities the tenant sells that a record may not mention ("tyre-pressure monitoring":
            agents.capability_claims counts their words as on record).
        other_customer_names: names of the tenant's other customers (the app passes the tenant's
            companies other than this record's), never allowed in any output.
        link_allowlist: the only links an output may contain: domains (`brightlane.io`, subdomains
            included) or URL prefixes (`https://brightlane.io/security`). Empty: no links at all.
        catalogue: the tenant's strategy arms.
        prices: USD per million (input, output) tokens, keyed `provider:model`/`provider:*`.
        openai_base_url: base URL of the `openai_compatible` provider (vLLM, Ollama, LM Studio).
        timeout_seconds: per-call timeout of a role without its own in `role_timeouts`.
        role_timeouts: per-call timeout per role, in seconds.
        temperature: sent with every vendor call (None leaves the vendor's default).
        max_output_tokens_by_role: completion cap per role, else `max_output_tokens`.
        seed: sent to OpenAI-compatible servers for repeatable answers (None sends none).
        learned_screen: also refuse output sentences the learned screen reads as planted content
            (agents/learned_screen.py), on top of the pattern checks.
        writer_prompt: the writer's prompt (agents/prompts): `writer`, the full rules for capable models, or
            `writer_small`, short rules and the template's sentences as the facts to use, in the draft's language
            (a 0.5B model given the full rules wrote English to French buyers and echoed the buyer's email;
            the local model's preset picks it).
    """

    tenant_id: str = ""
    roles: Mapping[str, str] = field(default_factory=lambda: dict.fromkeys(ROLES, DEFAULT_ROLE_SPEC))
    vendor_allowlist: frozenset[str] | None = None
    monthly_spend_cap_usd: float | None = None
    daily_spend_cap_usd: float | None = None
    budget_timezone: str = "UTC"
    spend_warning_share: float = SPEND_WARNING_SHARE
    redact_pii: bool = False
    tone: str = "friendly"
    language: str = "en"
    max_discount: float = MAX_DISCOUNT
    allowed_promises: tuple[str, ...] = ()
    other_customer_names: tuple[str, ...] = ()
    link_allowlist: tuple[str, ...] = ()
    catalogue: tuple[StrategyArm, ...] = DEFAULT_CATALOGUE
    prices: Mapping[str, tuple[float, float]] = field(default_factory=lambda: dict(PRICES_PER_MTOK))
    timeout_seconds: float = LLM_TIMEOUT_SECONDS
    role_timeouts: Mapping[str, float] = field(default_factory=lambda: dict(LLM_ROLE_TIMEOUT_SECONDS))
    temperature: float | None = LLM_TEMPERATURE
    max_output_tokens_by_role: Mapping[str, int] = field(default_factory=dict)
    seed: int | None = None
    run_deadline_seconds: float = RUN_DEADLINE_SECONDS
    max_retries: int = LLM_MAX_RETRIES
    backoff_seconds: float = LLM_BACKOFF_SECONDS
    max_output_tokens: int = LLM_MAX_OUTPUT_TOKENS
    context_budget_tokens: int = CONTEXT_BUDGET_TOKENS
    concurrency_per_process: int = CONCURRENCY_PER_PROCESS
    concurrency_per_tenant: int = CONCURRENCY_PER_TENANT
    draft_min_words: int = DRAFT_MIN_WORDS
    draft_max_words: int = DRAFT_MAX_WORDS
    subject_max_chars: int = SUBJECT_MAX_CHARS
    openai_base_url: str | None = None
    learned_screen: bool = LEARNED_SCREEN
    writer_prompt: str = "writer"

    def timeout_for(self, role: str) -> float:
        """Return the per-call timeout of `role` in seconds (its own, else the common one)."""
        return float(self.role_timeouts.get(role) or self.timeout_seconds)

    def role_spec(self, role: str) -> str:
        """Return the `provider:model` string configured for `role` (offline when unset)."""
        return self.roles.get(role) or DEFAULT_ROLE_SPEC

    def allows(self, provider: str) -> bool:
        """Tell whether the tenant's allow-list lets a call go to `provider`."""
        return provider == "offline" or self.vendor_allowlist is None or provider in self.vendor_allowlist

    def with_overrides(self, **changes: Any) -> AgentSettings:
        """Return a copy with some fields changed (per-tenant overrides)."""
        return replace(self, **changes)

    @classmethod
    def from_mapping(cls, cfg: Mapping[str, Any], **tenant: Any) -> AgentSettings:
        """Build settings from the app's config keys plus per-tenant fields.

        Args:
            cfg: app config or environment; reads `LLM_ANALYST`/`_STRATEGIST`/`_WRITER`,
                `LLM_TIMEOUT_SECONDS`, `LLM_TIMEOUT_ANALYST`/`_STRATEGIST`/`_WRITER` (seconds),
                `LLM_TEMPERATURE`, `LLM_MAX_RETRIES`, `LLM_RUN_DEADLINE_SECONDS`, `LLM_PRICES` (JSON,
                merged over PRICES_PER_MTOK), their `AGENTIC_SALES_`-prefixed spellings, and `OPENAI_BASE_URL`.
            **tenant: AgentSettings fields taken from the tenant's row (they win).

        Returns:
            The settings.
        """
        def get(key: str) -> Any:
            return cfg.get(f"AGENTIC_SALES_{key}") or cfg.get(key)

        roles = {role: str(get(f"LLM_{role.upper()}") or DEFAULT_ROLE_SPEC) for role in ROLES}
        timeouts = {role: _seconds(get(f"LLM_TIMEOUT_{role.upper()}"), f"LLM_TIMEOUT_{role.upper()}")
                    for role in ROLES if get(f"LLM_TIMEOUT_{role.upper()}")}
        common: dict[str, Any] = {}
        if get("LLM_TIMEOUT_SECONDS"):
            common["timeout_seconds"] = _seconds(get("LLM_TIMEOUT_SECONDS"), "LLM_TIMEOUT_SECONDS")
        if get("LLM_RUN_DEADLINE_SECONDS"):
            common["run_deadline_seconds"] = _seconds(get("LLM_RUN_DEADLINE_SECONDS"), "LLM_RUN_DEADLINE_SECONDS")
        if get("LLM_MAX_RETRIES") not in (None, ""):
            common["max_retries"] = int(_number(get("LLM_MAX_RETRIES"), "LLM_MAX_RETRIES", low=0, high=10))
        if get("LLM_TEMPERATURE") not in (None, ""):
            common["temperature"] = _number(get("LLM_TEMPERATURE"), "LLM_TEMPERATURE", low=0.0, high=2.0)
        if get("LLM_PRICES"):
            common["prices"] = {**PRICES_PER_MTOK, **parse_prices(get("LLM_PRICES"))}
        base = cls(roles=roles, openai_base_url=cfg.get("OPENAI_BASE_URL") or None,
                   role_timeouts={**LLM_ROLE_TIMEOUT_SECONDS, **timeouts}, **common)
        if isinstance(tenant.get("vendor_allowlist"), list | tuple | set):
            tenant["vendor_allowlist"] = frozenset(tenant["vendor_allowlist"])

        return base.with_overrides(**tenant) if tenant else base


def parse_prices(value: Any, key: str = "LLM_PRICES") -> dict[str, tuple[float, float]]:
    """Parse a price table override: JSON `{"provider:model": [input, output], ...}` in USD per
    million tokens (`provider:*` for every model of a provider), or the same as a dict.

    Raises:
        ConfigurationError: not that shape; the message names the entry.
    """
    import json

    try:
        table = json.loads(value) if isinstance(value, str) else value
    except json.JSONDecodeError as exc:
        raise ConfigurationError(f"{key} is not JSON ({exc.msg}); expected "
                                 '{"openai:gpt-4o-mini": [0.15, 0.60]} in USD per million tokens') from None
    if not isinstance(table, Mapping):
        raise ConfigurationError(f'{key} must be a JSON object like {{"openai:gpt-4o-mini": [0.15, 0.60]}}')
    out: dict[str, tuple[float, float]] = {}
    for name, pair in table.items():
        provider, sep, model = str(name).partition(":")
        if not sep or not provider or not model:
            raise ConfigurationError(f"{key}: {name!r} must be provider:model or provider:*")
        if not isinstance(pair, list | tuple) or len(pair) != 2:
            raise ConfigurationError(f"{key}[{name!r}] must be [input, output] USD per million tokens, got {pair!r}")
        prices = tuple(_number(x, f"{key}[{name!r}]", low=0.0, high=10_000.0) for x in pair)
        out[str(name)] = (prices[0], prices[1])
    return out


def _number(value: Any, key: str, *, low: float, high: float) -> float:
    try:
        x = float(value)
    except (TypeError, ValueError):
        raise ConfigurationError(f"{key}={value!r} is not a number") from None
    if not low <= x <= high:
        raise ConfigurationError(f"{key}={value!r} must be between {low:g} and {high:g}")
    return x


def _seconds(value: Any, key: str) -> float:
    seconds = _number(value, key, low=0.0, high=3600.0)
    if seconds <= 0:
        raise ConfigurationError(f"{key}={value!r} must be a positive number of seconds")
    return seconds
