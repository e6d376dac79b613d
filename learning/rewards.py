"""Reward attribution: turn a deal outcome into rewards for the decisions that preceded it.

Pure functions over frozen inputs (no I/O, no clock). The pipeline's outcome stage builds an
`Outcome` (DESIGN.md contract), loads the deal's logged decisions, calls `attribute` and stores
the returned rewards keyed by `Reward.key` with "insert if absent": because the keys are stable,
a duplicate or late outcome webhook produces the same keys and changes no reward twice.

Attribution rules (documented in learning/README.md):

- a decision earns from an outcome of the same tenant, CRM and deal that happened at or after
  the decision and at most `window_days` later (decisions after the outcome earn nothing from it,
  so an outcome delivered late never credits decisions made after it happened);
- `attribution="split"` (default): the decisions in the window share the outcome's value equally,
  so a deal never earns more than its outcome; `"last"`: only the latest decision earns;
  `"all"`: every decision in the window earns the full value;
- the value is the tenant's reward for the outcome kind (won 1, lost 0, stage advanced 0.2,
  stalled 0 by default) times the deal's amount weight (amount / reference amount, capped), when
  amount weighting is on and both amounts are known.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from datetime import datetime, timedelta
from typing import Any, Literal

from learning import defaults
from learning.errors import LearningConfigError

OutcomeKind = Literal["won", "lost", "stage_advanced", "stalled"]
OUTCOME_KINDS: tuple[str, ...] = ("won", "lost", "stage_advanced", "stalled")
Attribution = Literal["split", "last", "all"]
ATTRIBUTIONS: tuple[str, ...] = ("split", "last", "all")


@dataclass(frozen=True)
class Outcome:
    """What happened to a deal (DESIGN.md Outcome contract).

    `at` is when it happened in the CRM (the close date or the stage change time), not when the
    webhook arrived: that is what makes late deliveries attribute the same way as timely ones.
    """

    tenant_id: str
    crm: str
    deal_id: str
    kind: OutcomeKind
    at: datetime
    amount: float | None = None
    stage: str | None = None

    def __post_init__(self) -> None:
        if self.kind not in OUTCOME_KINDS:
            raise LearningConfigError(f"outcome kind {self.kind!r} is not one of {', '.join(OUTCOME_KINDS)}")
        if self.at.tzinfo is None:
            raise LearningConfigError("outcome time must be timezone-aware (UTC)")

    @property
    def key(self) -> str:
        """Stable identity of the outcome: the same event always has the same key.

        A deal is won or lost once (a reopened and re-won deal counts once); a stage advance is
        identified by the stage reached; a stall by its stage and the day it was detected.
        """
        if self.kind in ("won", "lost"):
            parts: tuple[str, ...] = (self.kind,)
        elif self.kind == "stage_advanced":
            parts = (self.kind, self.stage or "")
        else:
            parts = (self.kind, self.stage or "", self.at.date().isoformat())
        return _digest(self.tenant_id, self.crm, self.deal_id, *parts)


@dataclass(frozen=True)
class LoggedDecision:
    """A strategy choice as logged by the pipeline (with the policy's propensity)."""

    decision_id: str
    deal_id: str
    at: datetime
    arm: str
    propensity: float
    policy: str
    context: Mapping[str, Any] = field(default_factory=dict)
    tenant_id: str = ""
    crm: str = ""
    holdout: bool = False


@dataclass(frozen=True)
class Reward:
    """The reward one decision earns from one outcome; store it keyed by `key`, insert if absent."""

    decision_id: str
    outcome_key: str
    value: float
    tenant_id: str
    crm: str
    deal_id: str
    kind: str
    arm: str
    propensity: float
    policy: str
    context: Mapping[str, Any]
    decided_at: datetime
    outcome_at: datetime
    holdout: bool = False
    weight: float = 1.0
    """The deal's amount weight folded into `value` (value / weight is the unweighted credit)."""

    @property
    def key(self) -> str:
        """Stable identity: one reward per (outcome, decision), whatever the number of deliveries."""
        return _digest(self.outcome_key, self.decision_id)


@dataclass(frozen=True)
class RewardConfig:
    """A tenant's reward definition and attribution window (defaults in learning/defaults.py).

    The defaults are read when a config is built, not when this module is imported, so a
    benchmark's `--set WON_VALUE=...` reaches every config built after it.
    """

    window_days: float = field(default_factory=lambda: defaults.ATTRIBUTION_WINDOW_DAYS)
    won: float = field(default_factory=lambda: defaults.WON_VALUE)
    lost: float = field(default_factory=lambda: defaults.LOST_VALUE)
    stage_advanced: float = field(default_factory=lambda: defaults.STAGE_ADVANCED_VALUE)
    stalled: float = field(default_factory=lambda: defaults.STALLED_VALUE)
    stalled_after_days: float = field(default_factory=lambda: defaults.STALLED_AFTER_DAYS)
    amount_weighted: bool = True
    reference_amount: float | None = None
    """Amount worth weight 1 (e.g. the tenant's median deal); None turns weighting off."""
    max_amount_weight: float = field(default_factory=lambda: defaults.MAX_AMOUNT_WEIGHT)
    attribution: Attribution = "split"

    def __post_init__(self) -> None:
        if self.window_days <= 0:
            raise LearningConfigError(f"window_days must be > 0, got {self.window_days}")
        if self.stalled_after_days <= 0:
            raise LearningConfigError(f"stalled_after_days must be > 0, got {self.stalled_after_days}")
        if self.reference_amount is not None and self.reference_amount <= 0:
            raise LearningConfigError(f"reference_amount must be > 0 or null, got {self.reference_amount}")
        if self.max_amount_weight <= 0:
            raise LearningConfigError(f"max_amount_weight must be > 0, got {self.max_amount_weight}")
        if self.attribution not in ATTRIBUTIONS:
            raise LearningConfigError(
                f"attribution {self.attribution!r} is not one of {', '.join(ATTRIBUTIONS)}")

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any] | None) -> RewardConfig:
        """Build from a tenant's `learning.rewards` settings mapping; unknown keys are an error."""
        settings = dict(settings or {})
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(settings) - known)
        if unknown:
            raise LearningConfigError(
                f"unknown reward setting(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}")
        return cls(**settings)

    def value_of(self, kind: str) -> float:
        """Base reward of an outcome kind, before amount weighting."""
        return float({"won": self.won, "lost": self.lost, "stage_advanced": self.stage_advanced,
                      "stalled": self.stalled}[kind])

    def amount_weight(self, amount: float | None) -> float:
        """Weight of a deal's amount: amount / reference, capped; 1 when either is unknown."""
        if not self.amount_weighted or self.reference_amount is None or amount is None or amount <= 0:
            return 1.0
        return min(float(amount) / self.reference_amount, self.max_amount_weight)


def outcome_value(outcome: Outcome, config: RewardConfig) -> float:
    """The whole value of one outcome (shared among its decisions by `attribute`)."""
    return config.value_of(outcome.kind) * config.amount_weight(outcome.amount)


def attribute(outcome: Outcome, decisions: Iterable[LoggedDecision], *, config: RewardConfig) -> list[Reward]:
    """Return the rewards `outcome` earns the decisions that preceded it inside the window.

    Args:
        outcome: what happened to the deal.
        decisions: logged decisions; those of other tenants, CRMs or deals are ignored. A holdout
            record's logged "no action" decision earns like any other, so the holdout's lift is
            measured from the same rewards table. Repeated decision ids count once.
        config: the tenant's reward definition.

    Returns:
        One reward per credited decision, ordered by decision time; the same inputs always give
        the same rewards (same keys, same values).
    """
    window = timedelta(days=config.window_days)
    eligible = sorted(
        (d for d in decisions
         if d.deal_id == outcome.deal_id
         and (not d.tenant_id or d.tenant_id == outcome.tenant_id)
         and (not d.crm or d.crm == outcome.crm)
         and d.at <= outcome.at and outcome.at - d.at <= window),
        key=lambda d: (d.at, d.decision_id))
    unique = list({d.decision_id: d for d in eligible}.values())
    if not unique:
        return []
    if config.attribution == "last":
        unique = unique[-1:]
    weight = config.amount_weight(outcome.amount)
    total = config.value_of(outcome.kind) * weight
    each = total / len(unique) if config.attribution == "split" else total
    key = outcome.key
    return [Reward(decision_id=d.decision_id, outcome_key=key, value=each, tenant_id=outcome.tenant_id,
                   crm=outcome.crm, deal_id=outcome.deal_id, kind=outcome.kind, arm=d.arm,
                   propensity=d.propensity, policy=d.policy, context=dict(d.context), decided_at=d.at,
                   outcome_at=outcome.at, holdout=d.holdout, weight=weight)
            for d in unique]


def attribute_all(outcomes: Iterable[Outcome], decisions: Iterable[LoggedDecision], *,
                  config: RewardConfig, seen: Iterable[str] = ()) -> list[Reward]:
    """Attribute many outcomes at once, skipping rewards whose key is in `seen` (already stored).

    Duplicate outcomes in the input (same key) are attributed once.
    """
    decisions = list(decisions)
    by_deal: dict[str, list[LoggedDecision]] = {}
    for d in decisions:
        by_deal.setdefault(d.deal_id, []).append(d)
    done = set(seen)
    out: list[Reward] = []
    handled: set[str] = set()
    for outcome in outcomes:
        if outcome.key in handled:
            continue
        handled.add(outcome.key)
        for r in attribute(outcome, by_deal.get(outcome.deal_id, ()), config=config):
            if r.key not in done:
                done.add(r.key)
                out.append(r)
    return out


def is_stalled(last_stage_change_at: datetime, now: datetime, config: RewardConfig) -> bool:
    """Whether an open deal has gone `stalled_after_days` without a stage change."""
    return now - last_stage_change_at >= timedelta(days=config.stalled_after_days)


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:32]
