"""A tenant's bandit posteriors, persisted and folded from its stored rewards.

A tenant has one posterior per object type whose decisions earn rewards (deals, Salesforce
Leads): a lead's conversion and a deal's amount-weighted win are different rewards, so each
posterior folds only the rewards of its own type's outcomes (learning/README.md, Policy). Each
(learning.bandit.Posterior) lives in `learning_posteriors` as JSON with a `version`. `refresh` loads it, folds the rewards not folded yet (`rewards.folded` false) and, in
one transaction, saves it by compare-and-set on the version and marks those rewards folded:
when two workers refresh at once exactly one wins, the other reloads and folds what is left,
so every reward is folded exactly once whatever the number of workers. A flag rather than an
id watermark because reward ids are not committed in id order (a watermark could skip one).

The outcome stage calls `refresh` after storing new rewards and the pipeline calls it when it
loads the posterior for a batch, so the posterior follows the outcomes and survives restarts.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.exc import OperationalError

from app import defaults
from app.storage import get_db
from app.storage.models import Action, LearningPosterior, Reward
from app.storage.models import Outcome as OutcomeRow
from app.storage.upsert import insert_if_absent
from learning.bandit import Posterior
from learning.errors import LearningConfigError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class FoldedReward:
    """What the posterior reads of one stored reward (its decision's arm, context and holdout flag)."""

    arm: str
    reward: float
    context: dict[str, Any]
    holdout: bool
    weight: float = 1.0
    """The amount weight in `reward` (the posterior learns reward / weight)."""
    kind: str = ""
    """The outcome's kind: partial credit (stage_advanced) waits for its decision's won/lost."""
    decision_id: str = ""
    propensity: float | None = None
    """The logged probability of the decision's arm (its eligibility group weighs by 1 / it)."""


def _config(app: Any, name: str) -> Any:
    return app.config.get(name, getattr(defaults, name))


DEFAULT_OBJECT_TYPE = "deal"
LEARNED_OBJECT_TYPES = ("deal", "lead")
"""The object types whose decisions are rewarded, each with a posterior of its own."""


def load(app: Any, tenant_id: str, arms: tuple[str, ...], *, object_type: str = DEFAULT_OBJECT_TYPE) -> Posterior:
    """The tenant's stored posterior of `object_type` (without folding), a cold-start one when none is stored."""
    with get_db(app).session() as s:
        row = s.get(LearningPosterior, (tenant_id, object_type))
        text = row.state if row is not None else None
    return _parse(text, arms, tenant_id)


def refresh(app: Any, tenant_id: str, arms: tuple[str, ...], *, object_type: str = DEFAULT_OBJECT_TYPE,
            now: datetime | None = None) -> Posterior:
    """Fold the tenant's not-yet-folded rewards of `object_type`'s outcomes into its stored
    posterior of that type and save it.

    One transaction saves the posterior by compare-and-set on its version AND marks exactly the
    folded rewards (`rewards.folded`, only where still false): if another worker saved first,
    either check fails, the transaction rolls back and the refresh reloads and folds what is
    left. So each reward is folded exactly once, whatever the number of workers or the order in
    which their transactions commit.

    Returns the posterior as saved (or as loaded when nothing was new, or when every attempt
    lost the race: the winners folded those rewards, so the loaded one is at most a batch old).
    """
    now = now or datetime.now(UTC)
    db = get_db(app)
    posterior = Posterior(list(arms))
    with db.session() as s:  # its own transaction: an uncommitted insert would block other workers
        if s.get(LearningPosterior, (tenant_id, object_type)) is None:
            s.execute(insert_if_absent(s, LearningPosterior, ["tenant_id", "object_type"],
                                       tenant_id=tenant_id, object_type=object_type, version=0, rewards=0,
                                       state=posterior.to_json(), updated_at=now))
    for _attempt in range(int(_config(app, "POSTERIOR_CAS_ATTEMPTS"))):
        try:
            with db.session() as s:
                mine = (LearningPosterior.tenant_id == tenant_id, LearningPosterior.object_type == object_type)
                row = s.execute(select(LearningPosterior).where(*mine)).scalar_one()
                version, count = row.version, row.rewards
                posterior = _parse(row.state, arms, tenant_id)
                new = s.execute(
                    select(Reward.id, Reward.arm, Reward.reward, Reward.context, Reward.action_id, Action.payload,
                           OutcomeRow.kind)
                    .outerjoin(Action, Action.id == Reward.action_id)
                    .join(OutcomeRow, OutcomeRow.id == Reward.outcome_id)
                    .where(Reward.tenant_id == tenant_id, Reward.folded.is_(False),
                           OutcomeRow.object_type == object_type)
                    .order_by(Reward.id).limit(int(_config(app, "POSTERIOR_FOLD_LIMIT")))).all()
                if not new:
                    return posterior
                ids = [int(r.id) for r in new]
                posterior.update(_folded(r) for r in new)
                posterior.watermark = max(ids)
                marked = s.execute(update(Reward).where(Reward.id.in_(ids), Reward.folded.is_(False))
                                   .values(folded=True).execution_options(synchronize_session=False))
                saved = s.execute(
                    update(LearningPosterior)
                    .where(*mine, LearningPosterior.version == version)
                    .values(version=version + 1, rewards=count + len(new),
                            state=posterior.to_json(), updated_at=now)
                    .execution_options(synchronize_session=False))
                if marked.rowcount == len(ids) and saved.rowcount == 1:  # type: ignore[attr-defined]
                    return posterior
                s.rollback()  # another worker folded first: reload its posterior and fold what is left
        except OperationalError:
            # A concurrent writer (SQLite: another connection committed since this one read;
            # PostgreSQL: a lock timeout). Nothing was saved: reload and try again.
            log.info("posterior of %s: write conflict, retrying", tenant_id, extra={"tenant_id": tenant_id})
    log.warning("posterior of %s: every compare-and-set lost the race; using the loaded one", tenant_id,
                extra={"tenant_id": tenant_id})
    return posterior


def folded_count(app: Any, tenant_id: str, *, object_type: str = DEFAULT_OBJECT_TYPE) -> int:
    """Rewards folded into the tenant's stored posterior of `object_type` so far (0 before its first)."""
    with get_db(app).session() as s:
        row = s.get(LearningPosterior, (tenant_id, object_type))
        return int(row.rewards) if row is not None else 0


def _folded(row: Any) -> FoldedReward:
    payload = row.payload or {}
    context = dict(row.context or payload.get("context") or {})
    holdout = bool(payload.get("holdout") or context.get("holdout"))
    weight = context.get("amount_weight")
    propensity = payload.get("propensity")
    return FoldedReward(arm=str(row.arm or payload.get("arm")), reward=float(row.reward), context=context,
                        holdout=holdout, weight=float(weight) if isinstance(weight, int | float) and weight > 0 else 1.0,
                        kind=str(row.kind or ""), decision_id=str(row.action_id),
                        propensity=float(propensity) if isinstance(propensity, int | float) and propensity > 0 else None)


def _parse(text: str | None, arms: tuple[str, ...], tenant_id: str) -> Posterior:
    if not text:
        return Posterior(list(arms))
    try:
        return Posterior.from_json(text, arms=list(arms))
    except LearningConfigError:
        # A posterior of an older schema: start again from the prior rather than fail every
        # batch; the rewards stay stored and the report still reads them.
        log.error("stored posterior of %s is unreadable; starting from the prior", tenant_id,
                  extra={"tenant_id": tenant_id})
        return Posterior(list(arms))
