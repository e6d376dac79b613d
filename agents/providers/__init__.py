"""LLM providers behind the LLMProvider interface of DESIGN.md, and the gateway that routes calls.

Vendor providers (openai, anthropic, openai_compatible) make one attempt and translate vendor
errors into agents.errors; the offline provider answers from templates; the gateway adds the
allow-list, spend cap, cache, redaction, concurrency limits, retries, repair and fallback.
"""

from agents.providers.base import LLMProvider, Message, PriceTable, Usage, strict_schema
from agents.providers.cache import CacheKey, LLMCache, MemoryCache, MemoryLedger, SpendLedger
from agents.providers.gateway import CallResult, Gateway
from agents.providers.limits import ConcurrencyLimiter
from agents.providers.offline import OfflineProvider
from agents.providers.resolve import make_provider, parse_spec, resolve_chains
from agents.providers.tokens import CharEstimator, Tokenizer

__all__ = [
    "CacheKey",
    "CallResult",
    "CharEstimator",
    "ConcurrencyLimiter",
    "Gateway",
    "LLMCache",
    "LLMProvider",
    "MemoryCache",
    "MemoryLedger",
    "Message",
    "OfflineProvider",
    "PriceTable",
    "SpendLedger",
    "Tokenizer",
    "Usage",
    "make_provider",
    "parse_spec",
    "resolve_chains",
    "strict_schema",
]
