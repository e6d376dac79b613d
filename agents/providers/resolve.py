"""Resolve `provider:model` strings (per role, per tenant) into provider chains.

A role's spec may list several providers, tried in order: `anthropic:claude-sonnet-4-5,
openai:gpt-4o-mini`. The chain always ends in offline. A vendor whose key is missing resolves to
an :class:`UnavailableProvider` that fails without a network call, so the run falls back with a
reason instead of crashing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import httpx

from agents.errors import ConfigurationError, ProviderRejected
from agents.providers.base import LLMProvider, Message, PriceTable, T, Usage
from agents.providers.offline import OfflineProvider
from agents.settings import DEFAULT_PRICE, AgentSettings

PROVIDER_NAMES: tuple[str, ...] = ("offline", "openai", "anthropic", "openai_compatible")
"""Providers a spec may name."""

DEFAULT_MODELS: Mapping[str, str] = {"offline": "template-v1", "openai": "gpt-4o-mini",
                                     "anthropic": "claude-haiku-4-5", "openai_compatible": "auto"}
"""Model used when a spec names only the provider (e.g. the CLI's `--provider openai`); `auto`
means the first model an OpenAI-compatible server lists, so `generated_by` names the real model."""

LOCAL_API_KEY = "not-needed"
"""API key sent to an OpenAI-compatible server that needs none (the SDK insists on one)."""


def parse_spec(spec: str) -> list[tuple[str, str]]:
    """Split `provider:model[,provider:model...]` into pairs.

    Raises:
        ConfigurationError: an entry lacks the colon or names an unknown provider.
    """
    out = []
    for part in (p.strip() for p in spec.split(",") if p.strip()):
        provider, sep, model = part.partition(":")
        if not sep and provider in DEFAULT_MODELS:
            model, sep = DEFAULT_MODELS[provider], ":"
        if provider not in PROVIDER_NAMES:
            raise ConfigurationError(f"unknown LLM provider {provider!r} in {part!r} "
                                     f"(known: {', '.join(PROVIDER_NAMES)})")
        if not sep or not model:
            raise ConfigurationError(f"LLM spec {part!r} must look like provider:model")
        out.append((provider, model))
    return out


VENDOR_NEEDS: Mapping[str, str] = {"openai": "OPENAI_API_KEY", "anthropic": "ANTHROPIC_API_KEY",
                                    "openai_compatible": "OPENAI_BASE_URL"}
"""The setting each vendor cannot be called without (the offline provider needs none)."""


def missing_setting(provider: str, env: Mapping[str, str], *, base_url: str | None = None) -> str | None:
    """The setting `provider` needs that `env` lacks (OPENAI_BASE_URL may also come from settings), or None."""
    need = VENDOR_NEEDS.get(provider)
    if need is None or env.get(need) or (need == "OPENAI_BASE_URL" and base_url):
        return None
    return need


class UnavailableProvider:
    """Stands in for a vendor that cannot be called (missing key); fails without network."""

    def __init__(self, name: str, model: str, why: str) -> None:
        self.name = name
        self.model = model
        self.why = why

    def structured(
        self, messages: Sequence[Message], schema: type[T], *, role: str, timeout: float
    ) -> tuple[T, Usage]:
        """Raise ProviderRejected naming what is missing."""
        raise ProviderRejected(self.why, provider=self.name, model=self.model, should_retry=False)


def make_provider(
    provider: str, model: str, *, settings: AgentSettings, env: Mapping[str, str],
    http_client: httpx.Client | None = None,
) -> LLMProvider:
    """Build one provider.

    Args:
        provider: one of PROVIDER_NAMES.
        model: the vendor's model name.
        settings: prices, timeouts and the compatible server's base URL.
        env: where keys come from (OPENAI_API_KEY, ANTHROPIC_API_KEY, OPENAI_BASE_URL).
        http_client: injected transport for the SDKs.
    """
    prices = PriceTable(settings.prices, DEFAULT_PRICE)
    longest = max([settings.timeout_seconds, *settings.role_timeouts.values()])
    common: dict[str, Any] = {"prices": prices, "max_output_tokens": settings.max_output_tokens,
                              "max_output_tokens_by_role": settings.max_output_tokens_by_role}
    if provider == "offline":
        return OfflineProvider(model)
    if provider == "openai":
        from agents.providers.openai import OpenAIProvider, make_openai_client

        if missing_setting(provider, env):
            return UnavailableProvider(provider, model, "OPENAI_API_KEY is not set")
        client = make_openai_client(api_key=env["OPENAI_API_KEY"], base_url=env.get("OPENAI_BASE_URL") or None,
                                    http_client=http_client, timeout=longest)
        return OpenAIProvider(client, model, temperature=settings.temperature, **common)
    if provider == "anthropic":
        from agents.providers.anthropic import AnthropicProvider, make_anthropic_client

        if missing_setting(provider, env):
            return UnavailableProvider(provider, model, "ANTHROPIC_API_KEY is not set")
        client = make_anthropic_client(api_key=env["ANTHROPIC_API_KEY"], http_client=http_client, timeout=longest)
        return AnthropicProvider(client, model, temperature=settings.temperature, **common)
    if provider == "openai_compatible":
        from agents.providers.openai import make_openai_client
        from agents.providers.openai_compatible import OpenAICompatibleProvider

        if missing_setting(provider, env, base_url=settings.openai_base_url):
            return UnavailableProvider(provider, model, "OPENAI_BASE_URL is not set for openai_compatible")
        base = settings.openai_base_url or env["OPENAI_BASE_URL"]
        if model == "auto":
            from agents.providers.local_server import served_model

            model = served_model(base) or model
        client = make_openai_client(api_key=env.get("OPENAI_API_KEY") or LOCAL_API_KEY, base_url=base,
                                    http_client=http_client, timeout=longest)
        return OpenAICompatibleProvider(client, model, temperature=settings.temperature, seed=settings.seed,
                                        probe_context=True, **common)
    raise ConfigurationError(f"unknown LLM provider {provider!r}")


ProviderFactory = Callable[[str, str], LLMProvider]


def resolve_chains(
    settings: AgentSettings, *, env: Mapping[str, str], http_client: httpx.Client | None = None,
    override: str | None = None,
) -> dict[str, list[LLMProvider]]:
    """Return each role's provider chain, always ending in offline.

    Args:
        settings: roles and per-tenant settings.
        env: keys and base URLs.
        http_client: injected transport for every SDK client.
        override: one spec for every role (the CLI's `--provider`).
    """
    chains: dict[str, list[LLMProvider]] = {}
    for role, spec in settings.roles.items():
        pairs = parse_spec(override or spec)
        chain = [make_provider(p, m, settings=settings, env=env, http_client=http_client) for p, m in pairs]
        if not chain or chain[-1].name != "offline":
            chain.append(OfflineProvider())
        chains[role] = chain
    return chains
