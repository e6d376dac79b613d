"""Which provider each agent role will really run on for a tenant, and why a role runs offline.

A role named `openai:gpt-4o` in a deployment without `OPENAI_API_KEY` never errs: every run falls back to
the offline templates with the reason on the run (agents/providers/resolve.py, `UnavailableProvider`).
The LLM page says so up front, from the same checks the runs make: the key a vendor needs
(`missing_setting`, with the app config's spellings merged as `agentic-sales serve` merges them) and the
budget in force (a reached cap answers every call offline).
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from agents.errors import ConfigurationError
from agents.providers.resolve import VENDOR_NEEDS, missing_setting, parse_spec

OFFLINE_SPEC = "offline:template"
"""What a role runs on when neither the tenant nor the deployment names a provider."""


@dataclass(frozen=True)
class RoleStatus:
    """One role: what is configured, where that comes from, and what will really run."""

    role: str
    spec: str
    source: str
    runs: str
    why_offline: str | None

    @property
    def offline_by_choice(self) -> bool:
        return self.why_offline is None and self.runs.startswith("offline")

    @property
    def falls_back(self) -> bool:
        """A vendor is configured but every call will be answered by the offline templates."""
        return self.why_offline is not None


def deployment_env(config: Mapping[str, Any], environ: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment the runs read keys from, with the app config's spellings of the same names."""
    env = dict(os.environ if environ is None else environ)
    for key in VENDOR_NEEDS.values():
        value = config.get(key) or config.get(f"AGENTIC_SALES_{key}")
        if value:
            env[key] = str(value)
    return env


def role_statuses(settings: Any, deployment: Mapping[str, str | None], env: Mapping[str, str],
                  budget_lines: Sequence[Any], roles: Sequence[str]) -> list[RoleStatus]:
    """Per role, what will run: the first provider of its chain that can be called, else offline and why.

    Args:
        settings: the tenant's settings (its `llm_roles` override the deployment's).
        deployment: role → the deployment's `provider:model` (chain) or None.
        env: `deployment_env(...)`.
        budget_lines: the budget in force (app/admin/usage.py `budget`); a capped line sends every
            vendor call offline.
    """
    capped = [b for b in budget_lines if getattr(b, "state", "") == "capped"]
    out = []
    for role in roles:
        own = (settings.llm_roles or {}).get(role)
        spec = own or deployment.get(role) or OFFLINE_SPEC
        source = "this account's setting" if own else ("deployment default" if deployment.get(role) else "default")
        try:
            pairs = parse_spec(spec)
        except ConfigurationError as exc:
            out.append(RoleStatus(role, spec, source, "offline templates", str(exc)))
            continue
        vendors = [(p, m) for p, m in pairs if p != "offline"]
        if not vendors:
            out.append(RoleStatus(role, spec, source, "offline templates", None))
            continue
        missing = []
        runnable = None
        for provider, model in vendors:
            need = missing_setting(provider, env)
            if need:
                missing.append(f"{need} is not set in this deployment (needed by {provider})")
            else:
                runnable = f"{provider}:{model}"
                break
        if runnable is None:
            out.append(RoleStatus(role, spec, source, "offline templates", "; ".join(missing)))
        elif capped:
            b = capped[0]
            period = "month" if b.kind == "monthly" else "day"
            out.append(RoleStatus(role, spec, source, "offline templates",
                                  f"the {b.kind} spend cap (${b.cap_usd:,.2f}) is reached until the next {period} "
                                  "or a higher cap"))
        else:
            out.append(RoleStatus(role, spec, source, runnable, None))
    return out
