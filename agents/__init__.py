"""LLM agents: analyst -> strategist -> writer on any provider, structured and injection-safe.

The pipeline calls :func:`run_agents` and then :func:`decide`; nothing here imports Flask or
`app/`. See DESIGN.md (LLMProvider, strategy catalogue) and issue 6.

The names below load on first use (PEP 562): `import agents.errors` or `from agents.catalogue
import ...` (the settings schema, every CLI command, the web app) no longer compiles every check's
regex tables (~1.2 CPU s, wave 22); a process that runs the agents imports agents.run, which
loads every check exactly as before.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from agents.catalogue import DEFAULT_CATALOGUE, StrategyArm
    from agents.decision import Decision, LlmResult, Policy, decide
    from agents.errors import AgentError
    from agents.models import OFFLINE_LABEL, AgentRun, Analysis, Draft, NextBestAction, Strategy
    from agents.providers.base import LLMProvider, Message, Usage
    from agents.providers.cache import CacheKey, LLMCache, MemoryCache, MemoryLedger, SpendLedger
    from agents.providers.limits import ConcurrencyLimiter
    from agents.run import run_agents
    from agents.settings import AgentSettings
    from agents.strategist import ArmChoice, ArmPolicy, PolicyInput, heuristic_policy

_EXPORTS = {
    "DEFAULT_CATALOGUE": "agents.catalogue",
    "StrategyArm": "agents.catalogue",
    "Decision": "agents.decision",
    "LlmResult": "agents.decision",
    "Policy": "agents.decision",
    "decide": "agents.decision",
    "AgentError": "agents.errors",
    "OFFLINE_LABEL": "agents.models",
    "AgentRun": "agents.models",
    "Analysis": "agents.models",
    "Draft": "agents.models",
    "NextBestAction": "agents.models",
    "Strategy": "agents.models",
    "LLMProvider": "agents.providers.base",
    "Message": "agents.providers.base",
    "Usage": "agents.providers.base",
    "CacheKey": "agents.providers.cache",
    "LLMCache": "agents.providers.cache",
    "MemoryCache": "agents.providers.cache",
    "MemoryLedger": "agents.providers.cache",
    "SpendLedger": "agents.providers.cache",
    "ConcurrencyLimiter": "agents.providers.limits",
    "run_agents": "agents.run",
    "AgentSettings": "agents.settings",
    "ArmChoice": "agents.strategist",
    "ArmPolicy": "agents.strategist",
    "PolicyInput": "agents.strategist",
    "heuristic_policy": "agents.strategist",
}
"""Public name -> the module that defines it."""


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'agents' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


__all__ = [
    "AgentError",
    "AgentRun",
    "AgentSettings",
    "Analysis",
    "ArmChoice",
    "ArmPolicy",
    "CacheKey",
    "ConcurrencyLimiter",
    "DEFAULT_CATALOGUE",
    "Decision",
    "Draft",
    "LLMCache",
    "LLMProvider",
    "LlmResult",
    "MemoryCache",
    "MemoryLedger",
    "Message",
    "NextBestAction",
    "OFFLINE_LABEL",
    "Policy",
    "PolicyInput",
    "SpendLedger",
    "Strategy",
    "StrategyArm",
    "Usage",
    "decide",
    "heuristic_policy",
    "run_agents",
]
