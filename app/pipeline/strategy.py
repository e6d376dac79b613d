"""The pipeline's strategy choice: holdout first, then the tenant's bandit among the allowed arms.

Per batch, `prepare` reads the tenant's learning settings (holdout share, enabled strategies)
and its posterior (folding the rewards stored since the last batch, app/pipeline/posterior.py).
Per record, before any agent runs, `holdout_of` decides whether the record is in the control
group: a held-out record gets no AI action (no agents, no task, no note; scores still written),
and its decision is logged with arm `holdout`, propensity 1. Otherwise the agents run with
`inputs.policy` (Thompson sampling, discount arms above the cap excluded before sampling) and
the decision is logged with its arm, propensity, policy and the bandit's context.

`why` is what the card says about the choice: the arm, its estimated edge and uncertainty,
its share of the choices in this context, and whether it was the best so far or an exploration.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from agents.catalogue import DEFAULT_CATALOGUE
from agents.decision import Decision
from agents.settings import AgentSettings
from app.pipeline import posterior as posterior_store
from app.pipeline.card import card_record, json_scores
from app.pipeline.writeback import model_versions
from app.storage import get_db
from integrations.base import Record
from learning import holdout
from learning.bandit import POLICY_NAME, Posterior
from learning.policy import allowed_for, bandit_policy, decision_context, describe_choice

log = logging.getLogger(__name__)

ALL_ARMS = tuple(a.name for a in DEFAULT_CATALOGUE)
"""Arms every tenant's posterior tracks, whatever its enabled strategies."""

HOLDOUT_REASON = "holdout: control group (no AI action on this deal, so the app's lift can be measured)"
NO_ARM_REASON = "no strategy allowed: every strategy is turned off or needs a discount above the cap"
HOLDOUT_LABEL = "No AI action (control group)"
NO_ACTION_LABEL = "No AI action"
NO_ARM_WHY = {"arm": None, "holdout": False, "mode": "no_allowed_strategy", "text": NO_ARM_REASON.capitalize() + "."}


@dataclass(frozen=True)
class LearningSettings:
    """The tenant's learning settings the strategy choice needs."""

    holdout_share: float
    enabled: tuple[str, ...]
    """Strategy names the tenant turned on (`strategy_catalogue`)."""


@dataclass(frozen=True)
class StrategyInputs:
    """What a batch's records share: settings, the posterior and the policy over it."""

    tenant_id: str
    settings: LearningSettings
    posterior: Posterior
    policy: Any
    excluded: tuple[str, ...]
    catalogue: tuple[Any, ...]
    """The tenant's strategy arms (agents' StrategyArm): what a held-out record could have had."""
    max_discount: float
    object_type: str = posterior_store.DEFAULT_OBJECT_TYPE
    """Whose posterior this is (deal, lead): a Lead's choice is drawn from the leads' posterior."""
    reference_amount: float | None = None
    """The amount worth reward 1 (the outcome stage's `reference_amount`; None for leads and before
    the tenant has enough won deals): each decision's context carries its deal's amount weight."""


def learning_settings(row: Any, *, share_override: float | None = None) -> LearningSettings:
    """The tenant's holdout share and enabled strategies from its settings (app/settings), or the
    deployment's holdout override (HOLDOUT_SHARE_OVERRIDE) when one is set."""
    settings = row.settings
    share = float(settings.holdout_share) if share_override is None else float(share_override)
    return LearningSettings(holdout_share=share, enabled=tuple(str(a) for a in settings.strategy_catalogue))


def prepare(app: Any, tenant_id: str, row: Any, agent_settings: AgentSettings, *,
            object_type: str = posterior_store.DEFAULT_OBJECT_TYPE) -> StrategyInputs:
    """Per batch (of one object type): the tenant's learning settings and its up-to-date
    posterior of that object type and the policy over it."""
    override = app.config.get("HOLDOUT_SHARE_OVERRIDE")
    settings = learning_settings(row, share_override=None if override is None else float(override))
    # The posterior keeps every default arm, so an arm turned off and on again keeps what it learned
    # (a reward of an arm missing from the posterior would be folded and dropped).
    arms = tuple(dict.fromkeys([*ALL_ARMS, *(a.name for a in agent_settings.catalogue)]))
    excluded = tuple(a for a in arms if a not in settings.enabled)
    posterior = posterior_store.refresh(app, tenant_id, arms, object_type=object_type)
    reference = None
    if object_type == "deal":  # a lead has no amount: its reward is never amount-weighted
        # imported here: the outcome stage imports this module (it refreshes the posterior)
        from app.pipeline.outcome import reference_amount

        with get_db(app).session() as s:
            reference = reference_amount(s, tenant_id)
    return StrategyInputs(tenant_id=tenant_id, settings=settings, posterior=posterior,
                          policy=bandit_policy(posterior, max_discount=agent_settings.max_discount, excluded=excluded,
                                               reference_amount=reference),
                          excluded=excluded, catalogue=tuple(agent_settings.catalogue),
                          max_discount=agent_settings.max_discount, object_type=object_type,
                          reference_amount=reference)


def refresh_posterior(app: Any, tenant_id: str, object_type: str = posterior_store.DEFAULT_OBJECT_TYPE) -> None:
    """Fold a tenant's new rewards into its posterior of `object_type` (after the outcome stage
    stored some).

    Never fails the outcome: the rewards are stored, and the next batch's `prepare` folds them.
    """
    try:
        posterior_store.refresh(app, tenant_id, ALL_ARMS, object_type=object_type)
    except Exception:  # noqa: BLE001 - see the docstring
        log.exception("could not fold new rewards into the posterior of %s", tenant_id, extra={"tenant_id": tenant_id})


def fold_rewards(app: Any, tenant_id: str) -> dict[str, Any]:
    """The scheduler's per-tenant learning job: fold every reward not folded yet into the posterior.

    `refresh` folds at most POSTERIOR_FOLD_LIMIT rewards per call, so this calls it until a call
    folds nothing more. Unlike `refresh_posterior` it raises: a failed periodic job is logged and
    retried at the next interval by the scheduler.
    """
    folded, total = 0, 0
    for object_type in posterior_store.LEARNED_OBJECT_TYPES:
        start = posterior_store.folded_count(app, tenant_id, object_type=object_type)
        count = start
        while True:
            posterior_store.refresh(app, tenant_id, ALL_ARMS, object_type=object_type)
            now = posterior_store.folded_count(app, tenant_id, object_type=object_type)
            if now == count:
                break
            count = now
        folded, total = folded + count - start, total + count
    return {"tenant": tenant_id, "rewards_folded": folded, "rewards_total": total}


def holdout_of(inputs: StrategyInputs, record: Record) -> holdout.HoldoutAssignment:
    """The record's stable holdout assignment (raises LearningConfigError on a bad share)."""
    return holdout.assign(record.tenant_id, record.crm, record.id, share=inputs.settings.holdout_share,
                          object_type=record.object_type)


def control_decision(reason: str = HOLDOUT_REASON) -> Decision:
    """The decision of a record that gets no AI action (holdout, or no allowed strategy)."""
    return Decision("suppress", None, None, None, False, False, (reason,))


def logged_choice(inputs: StrategyInputs, record: Record, scores: Mapping[str, Any], run: Any, *,
                  assignment: holdout.HoldoutAssignment) -> dict[str, Any]:
    """The `strategy_choice` payload: arm, propensity, policy, probabilities, holdout, context.

    The context is the bandit's (segment, band, engagement, baseline: what rewards are folded
    under) plus the deal's state when decided (stage, amount, industry, activities) for reports.
    """
    trend = run.analysis.engagement_trend if run is not None else None
    context: dict[str, Any] = {
        "stage": record.stage, "amount": record.amount,
        "industry": record.company.industry if record.company else None, "activities": len(record.activities),
        **decision_context(record, scores, trend, reference_amount=inputs.reference_amount),
        "holdout_bucket": round(assignment.bucket, 6),
    }
    # The arms policy left out of this decision (turned off, or a discount above the cap): the
    # bandit groups rewards by them (learning's ELIGIBILITY_CONTROL), since deals where the
    # discount arm is allowed differ from the others whatever the arm. A held-out record logs
    # the arms it would have had: its outcome measures its group's level with no arm chosen.
    if run is None:
        allowed = set(allowed_for(inputs.catalogue, scores, max_discount=inputs.max_discount,
                                  excluded=inputs.excluded))
        context["excluded"] = sorted(a for a in inputs.posterior.arms if a not in allowed)
        return {"arm": holdout.HOLDOUT_ARM, "propensity": 1.0, "policy": holdout.HOLDOUT_ARM,
                "probabilities": {holdout.HOLDOUT_ARM: 1.0}, "holdout": True, "context": {**context, "holdout": True}}
    context["excluded"] = sorted(a for a in inputs.posterior.arms if a not in run.strategy.probabilities)
    return {"arm": run.strategy.arm, "propensity": run.strategy.propensity, "policy": run.strategy.policy,
            "probabilities": run.strategy.probabilities, "holdout": False, "context": context}


def why(inputs: StrategyInputs, choice: Mapping[str, Any]) -> dict[str, Any]:
    """Why this strategy, for the card: plain words plus the numbers behind them."""
    noun = "leads" if inputs.object_type == "lead" else "deals"
    if choice.get("holdout"):
        return {"arm": holdout.HOLDOUT_ARM, "holdout": True, "mode": "holdout",
                "text": f"Holdout: this {noun[:-1]} is in the control group. The app takes no action on it, "
                        "so its results show what happens without the app."}
    arm = str(choice["arm"])
    context = choice.get("context") or {}
    probabilities = {str(a): float(p) for a, p in (choice.get("probabilities") or {}).items()}
    share = float(probabilities.get(arm, choice.get("propensity") or 0.0))
    if choice.get("policy") != POLICY_NAME:
        return {"arm": arm, "holdout": False, "mode": "heuristic", "share": share,
                "text": f"{arm.replace('_', ' ').capitalize()} was picked by the built-in playbook "
                        f"({share:.0%} of comparable {noun})."}
    described = describe_choice(inputs.posterior, context, arm, object_type=inputs.object_type)
    allowed = [a for a in probabilities if a in inputs.posterior.arms] or None
    best = inputs.posterior.greedy(context, allowed) == arm
    mode = "best_so_far" if best else "exploring"
    lead = (f"Best so far for {noun} like this" if best
            else "Exploring: another strategy looks better so far, this one is tried to keep learning")
    return {"arm": arm, "holdout": False, "mode": mode, "share": share, "estimate": described["estimate"],
            "sd": described["sd"], "outcomes": described["outcomes"], "segment": context.get("segment"),
            "text": f"{lead} (chosen for {share:.0%} of comparable {noun}). {described['text']}"}


def control_card(record: Record, scores: Mapping[str, Any], decision: Decision, why_text: Mapping[str, Any], *,
                 enriched_at: datetime, labels: Mapping[str, str] | None = None) -> dict[str, Any]:
    """The card of a record that got no AI action: its scores, no action or draft, and why."""
    return {
        "status": "enriched",
        "record": card_record(record, labels),
        "scores": json_scores(scores),
        "analysis": {}, "next_best_action": {}, "draft": {}, "checks": [],
        "strategy": {"arm": why_text.get("arm") or "none", "why": dict(why_text),
                     "label": HOLDOUT_LABEL if why_text.get("holdout") else NO_ACTION_LABEL},
        "decision": {"action": decision.action, "channel": None, "discount": None, "requires_approval": False,
                     "escalate": False, "reasons": list(decision.reasons)},
        "generated_by": None,
        "enriched_at": enriched_at.isoformat(timespec="seconds"),
        "model_versions": model_versions(scores),
        "actions": ["rescore"],
        "labels": dict(labels or {}),
    }
