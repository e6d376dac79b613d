"""A lead's conversion and a deal's amount-weighted win are different rewards: each object type
has its own posterior. Deal choices are drawn exactly as before whatever the leads earn, and a
Lead's choice is drawn from the posterior its own outcomes taught."""

from __future__ import annotations

from datetime import UTC, datetime

import numpy as np
from sqlalchemy import select

from app.pipeline import posterior as posterior_store
from app.pipeline.strategy import ALL_ARMS, LearningSettings, StrategyInputs, fold_rewards, why
from app.storage import get_db
from app.storage.models import Action, LearningPosterior, Outcome, Reward
from learning.bandit import POLICY_NAME, make_context
from tests.learning.test_learning_in_the_pipeline import learning_app  # noqa: F401  (fixture)

CONTEXT = {**make_context("mid", "medium", "active", 0.3), "excluded": []}


def past_decisions(app, tid, object_type: str, winner: str, per_arm: int = 30) -> None:
    """Logged decisions of every arm with their outcomes and rewards: only `winner` won."""
    now = datetime.now(UTC)
    with get_db(app).session() as s:
        for j, arm in enumerate(ALL_ARMS):
            for i in range(per_arm):
                rid = f"{object_type}-{j}-{i}"
                a = Action(tenant_id=tid, object_type=object_type, record_id=rid, kind="strategy_choice",
                           payload={"arm": arm, "propensity": 1 / len(ALL_ARMS), "policy": POLICY_NAME,
                                    "holdout": False, "context": CONTEXT})
                o = Outcome(tenant_id=tid, crm="salesforce", deal_id=rid, object_type=object_type,
                            kind="won" if arm == winner else "lost", at=now)
                s.add_all([a, o])
                s.flush()
                s.add(Reward(tenant_id=tid, outcome_id=o.id, action_id=a.id, deal_id=rid, arm=arm,
                             propensity=1 / len(ALL_ARMS), policy=POLICY_NAME, context=CONTEXT,
                             reward=1.0 if arm == winner else 0.0))


def probabilities(app, tid, object_type: str) -> dict[str, float]:
    post = posterior_store.load(app, tid, ALL_ARMS, object_type=object_type)
    return dict(post.choose(CONTEXT, list(ALL_ARMS), rng=np.random.default_rng(0)).probabilities)


def test_deal_arm_probabilities_are_identical_with_and_without_a_batch_of_lead_rewards(learning_app):  # noqa: F811
    app, tid, _crm = learning_app
    past_decisions(app, tid, "deal", winner="social_proof")
    fold_rewards(app, tid)
    deal_before = probabilities(app, tid, "deal")
    with get_db(app).session() as s:
        state_before = s.get(LearningPosterior, (tid, "deal")).state

    past_decisions(app, tid, "lead", winner="education_nurture")
    folded = fold_rewards(app, tid)

    assert folded["rewards_folded"] == 30 * len(ALL_ARMS)  # the leads' rewards were folded...
    assert probabilities(app, tid, "deal") == deal_before  # ...but not into the deals' posterior
    with get_db(app).session() as s:
        assert s.get(LearningPosterior, (tid, "deal")).state == state_before
        assert s.get(LearningPosterior, (tid, "lead")).rewards == 30 * len(ALL_ARMS)
        assert not s.execute(select(Reward.id).where(Reward.folded.is_(False))).all()
    assert max(deal_before, key=deal_before.get) == "social_proof"


def test_a_leads_choice_is_drawn_from_the_posterior_its_own_outcomes_taught(learning_app):  # noqa: F811
    app, tid, _crm = learning_app
    cold = probabilities(app, tid, "lead")
    past_decisions(app, tid, "lead", winner="education_nurture")
    fold_rewards(app, tid)
    learned = probabilities(app, tid, "lead")
    assert learned["education_nurture"] > 0.8 > cold["education_nurture"]
    assert probabilities(app, tid, "deal") == cold  # deals learned nothing from the leads


def test_a_leads_card_says_why_in_words_about_leads_and_their_conversion(learning_app):  # noqa: F811
    app, tid, _crm = learning_app
    past_decisions(app, tid, "lead", winner="education_nurture")
    fold_rewards(app, tid)
    post = posterior_store.load(app, tid, ALL_ARMS, object_type="lead")
    choice = post.choose(CONTEXT, list(ALL_ARMS), rng=np.random.default_rng(0))
    logged = {"arm": choice.arm, "propensity": choice.propensity, "probabilities": dict(choice.probabilities),
              "policy": POLICY_NAME, "holdout": False, "context": CONTEXT}
    inputs = StrategyInputs(tenant_id=tid, settings=LearningSettings(0.0, ALL_ARMS), posterior=post, policy=None,
                            excluded=(), catalogue=(), max_discount=0.1, object_type="lead")
    text = why(inputs, logged)["text"]
    assert "comparable leads" in text and "leads' predicted conversion rate" in text
    assert "deal" not in text and "win rate" not in text
    held = why(inputs, {"holdout": True})["text"]
    assert "this lead is in the control group" in held and "deal" not in held
