"""The record-context budget that fits every model a run may call.

A hosted model's window is far larger than the configured budget, but a local server may have a
4k context: the record context, the role's rules and schema, and the answer must all fit, or the
server refuses the call (and the role falls back). Providers that know their server's context
size say so through `context_tokens()`; the budget shrinks to fit the smallest.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from agents.providers.base import LLMProvider
from agents.settings import CONTEXT_SAFETY_FACTOR, PROMPT_OVERHEAD_TOKENS, AgentSettings

MIN_CONTEXT_BUDGET_TOKENS = 400
"""Smallest record-context budget in estimated tokens: below it the facts alone do not fit and
the call is better left to fail (and fall back) than to run on a context with no record in it."""


def context_budget(settings: AgentSettings, chains: Mapping[str, Sequence[LLMProvider]]) -> int:
    """Return the estimated-token budget of the record context for this run.

    Args:
        settings: the configured budget, per-role completion caps.
        chains: each role's providers; those with a `context_tokens()` method report their window.

    Returns:
        The configured budget, or less when a provider's context cannot hold it next to the
        prompt's fixed part and the role's answer.
    """
    budget = settings.context_budget_tokens
    for role, chain in chains.items():
        answer = settings.max_output_tokens_by_role.get(role, settings.max_output_tokens)
        for provider in chain:
            probe = getattr(provider, "context_tokens", None)
            window = probe() if callable(probe) else None
            if window:
                fits = int((window - answer - PROMPT_OVERHEAD_TOKENS) * CONTEXT_SAFETY_FACTOR)
                budget = min(budget, max(fits, MIN_CONTEXT_BUDGET_TOKENS))
    return budget
