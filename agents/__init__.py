"""LLM agents: analyst -> strategist -> writer on any provider, structured and injection-safe.

The pipeline calls :func:`run_agents` and then :func:`decide`; nothing here imports Flask or
`app/`. See DESIGN.md (LLMProvider, strategy catalogue) and issue 6.
"""

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
