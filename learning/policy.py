"""The bandit at the strategist's policy seam (`agents.strategist.ArmPolicy`).

`bandit_policy(posterior, ...)` returns a callable the pipeline passes to `agents.run(...,
policy=...)`: it reads the decision context from the record, scores and analysis, removes the
arms the tenant's policy forbids, and returns Thompson sampling's choice with its propensity
and every allowed arm's probability, which the pipeline already logs (`strategy_choice`).
The context is also what the pipeline should log with the decision (`decision_context`), so
rewards can be attributed to the same cells later.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np

from agents.strategist import ArmChoice, PolicyInput
from learning import defaults
from learning.bandit import POLICY_NAME, Posterior, allowed_arms, make_context
from learning.rewards import RewardConfig


def segment_of(employees: int | None) -> str:
    """Segment of a company by head count (SEGMENT_EDGES), 'unknown' without one."""
    if employees is None:
        return "unknown"
    small, mid = defaults.SEGMENT_EDGES
    return "smb" if employees < small else "mid" if employees < mid else "ent"


def decision_context(record: Any, scores: Mapping[str, Any] | None, engagement_trend: str | None, *,
                     reference_amount: float | None = None) -> dict[str, Any]:
    """The bandit's context for one decision: segment, conversion band, engagement, baseline and,
    when the tenant has a `reference_amount` (the rewards' amount weighting, app/pipeline/
    outcome.py) and the record an amount, the deal's `amount_weight` (what a win of it is worth,
    `RewardConfig.amount_weight`): stake-aware exploration reads it (`Posterior.stake_scale`)."""
    conv = (scores or {}).get("conversion")
    conv = conv if isinstance(conv, Mapping) else {}
    prob = conv.get("probability")
    engagement = None if engagement_trend is None else (
        "quiet" if engagement_trend in defaults.QUIET_TRENDS else "active")
    ctx = make_context(segment_of(record.company.employees if record.company else None), conv.get("band"),
                       engagement, float(prob) if isinstance(prob, int | float) else None)
    amount = getattr(record, "amount", None)
    if reference_amount is not None and reference_amount > 0 and isinstance(amount, int | float) and amount > 0:
        ctx["amount_weight"] = round(RewardConfig(reference_amount=reference_amount).amount_weight(amount), 6)
    return ctx


def allowed_for(catalogue: Iterable[Any], scores: Mapping[str, Any] | None, *, max_discount: float,
                excluded: Iterable[str] = ()) -> list[str]:
    """The arms a tenant's policy allows for one record: `bandit.allowed_arms` with the discount
    a discount arm would need read from the record's price score (`best_discount`)."""
    raw = (scores or {}).get("price")
    price: Mapping[str, Any] = raw if isinstance(raw, Mapping) else {}
    best = price.get("best_discount")
    need = float(best) if isinstance(best, int | float) else None
    return allowed_arms(catalogue, max_discount=max_discount, required_discount=need, excluded=excluded)


def bandit_policy(posterior: Posterior, *, max_discount: float, excluded: Iterable[str] = (),
                  seed: int | None = None, reference_amount: float | None = None) -> Any:
    """An `ArmPolicy` drawing from `posterior` among the arms the tenant allows.

    Args:
        posterior: the tenant's posterior (loaded from the app's store).
        max_discount: the tenant's discount cap; discount arms whose needed discount (the price
            score's `best_discount`) is above it, or any discount arm when it is 0, are excluded.
        excluded: arms the tenant turned off.
        seed: fixes the draws (tests, simulations); by default each record and day draws afresh
            but reproducibly (hash of tenant, CRM, record and date), like the heuristic policy.
        reference_amount: the amount worth reward 1 for this tenant's deals (None for leads, or
            before the tenant has enough won deals): gives each decision its `amount_weight`
            (`decision_context`), which stake-aware exploration reads.

    Raises (when called):
        NoAllowedArmError: every arm is excluded; the pipeline should take no AI action.
    """
    off = tuple(excluded)

    def choose(inp: PolicyInput) -> ArmChoice:
        r = inp.ctx.record
        allowed = allowed_for(inp.catalogue, inp.ctx.scores, max_discount=max_discount, excluded=off)
        ctx = decision_context(r, inp.ctx.scores, inp.analysis.engagement_trend, reference_amount=reference_amount)
        if seed is None:
            key = f"{r.tenant_id}|{r.crm}|{r.id}|{inp.ctx.now.date()}".encode()
            rng = np.random.default_rng(int(hashlib.sha256(key).hexdigest()[:16], 16))
        else:
            rng = np.random.default_rng(seed)
        choice = posterior.choose(ctx, allowed, rng=rng)
        return ArmChoice(arm=choice.arm, propensity=round(choice.propensity, 6),
                         probabilities={a: round(p, 6) for a, p in choice.probabilities.items()}, policy=POLICY_NAME)

    return choose


OBJECT_NOUNS = {"deal": ("deal", "win"), "lead": ("lead", "conversion")}
"""The card's words for a record of each learned object type: what it is and what its outcome is."""


def describe_choice(posterior: Posterior, context: Mapping[str, Any], arm: str, *,
                    object_type: str = "deal") -> dict[str, Any]:
    """Why this strategy, in plain words, for the card: the arm's estimated edge and uncertainty.

    Args:
        object_type: whose posterior this is ("deal" or "lead", OBJECT_NOUNS): a lead's edge is
            over its predicted conversion rate, a deal's over its predicted win rate.

    Returns:
        {"arm", "estimate", "sd", "outcomes", "text"}: `estimate` is the posterior mean credit
        above the record's conversion baseline in comparable records (same segment, band, engagement).

    Raises:
        ValueError: an object type the learning loop has no posterior for.
    """
    if object_type not in OBJECT_NOUNS:
        raise ValueError(f"no card wording for object type {object_type!r}: expected one of {sorted(OBJECT_NOUNS)}")
    noun, rate = OBJECT_NOUNS[object_type]
    mean, sd = posterior.belief(context, arm)
    n = 0
    seg_key = f"segment={context.get('segment', 'unknown') or 'unknown'}"
    cell = posterior.stats.get(seg_key, {}).get(arm)
    if cell:
        n = int(cell[0])
    # The card names the strategy above this line in its own words; the arm's identifier and the segment's code
    # ("value reinforcement is being tried: no mid-market outcome") were the learning loop's words (wave 31).
    label = "This strategy"
    company = {"smb": "a small company's", "mid": "a mid-sized company's", "ent": "a large company's"}.get(
        str(context.get("segment")), "a comparable")
    kind = f"{company} {noun}"
    if n == 0:
        text = f"{label} is being tried: no outcome of {kind} has been recorded for it yet."
    else:
        plural = {"a small company's": "small companies'", "a mid-sized company's": "mid-sized companies'",
                  "a large company's": "large companies'"}.get(company, "comparable")
        text = (f"{label}: in {n} outcomes of {plural} {noun}s so far it did {abs(mean) * 100:.0f} points "
                f"{'better' if mean >= 0 else 'worse'} than the {noun}s' predicted {rate} rate (give or take "
                f"{2 * sd * 100:.0f}).")
    return {"arm": arm, "estimate": mean, "sd": sd, "outcomes": n, "text": text}
