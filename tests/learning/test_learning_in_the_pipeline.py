"""The learning loop inside the product: the batch pipeline holds records out before any agent
runs, chooses strategies with the tenant's bandit among the allowed arms, logs every decision
with its propensity and context, and folds outcomes into a persisted posterior exactly once."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from app.cards.payload import card_payload
from app.cards.render import render_card_html
from app.pipeline import posterior as posterior_store
from app.storage import get_db
from app.storage.models import Action, Enrichment, LearningPosterior, Outcome, Reward
from learning import holdout
from learning.bandit import POLICY_NAME, Posterior
from tests.conftest import install_tenant
from tests.fakes import FakeCrm
from tests.pipeline.test_batch_and_outcome import run_all, send
from tests.pipeline.test_pipeline_on_fake_crm import sample_record

DEALS = [str(8800 + i) for i in range(12)]
ARMS = ("value_reinforcement", "social_proof", "limited_time_incentive", "executive_alignment", "risk_reversal",
        "education_nurture", "re_engagement")


@pytest.fixture
def learning_app(app_factory):
    # The tenant's own holdout share applies (the other tests' apps hold no deal out).
    app = app_factory(JOB_FUNCTION="app.pipeline.batch.process_batch", PIPELINE_BATCH_SIZE=20,
                      HOLDOUT_SHARE_OVERRIDE=None)
    tid = install_tenant(app, "62515")
    crm = FakeCrm([sample_record(tid, d) for d in DEALS])
    app.extensions["crm_factory"] = lambda tenant_id, name: crm
    return app, tid, crm


def set_extra(app, tid, **values) -> None:
    """Change the tenant's settings through the settings service (what the CLI and console do)."""
    from app import settings as settings_service

    settings_service.update(app, tid, values, author="test")


def choices(app) -> dict[str, dict]:
    with get_db(app).session() as s:
        return {a.record_id: a.payload for a in s.execute(
            select(Action).where(Action.kind == "strategy_choice").order_by(Action.id)).scalars()}


def cards(app) -> dict[str, dict]:
    with get_db(app).session() as s:
        return {e.record_id: e.card for e in s.execute(select(Enrichment).order_by(Enrichment.id)).scalars()}


def rendered_card(app, tid, deal_id) -> str:
    """The card the rep sees, from the card API's payload."""
    with get_db(app).session() as s:
        payload = card_payload(s, tid, "deal", deal_id)
    return render_card_html(payload, title="card", object_type="deal")


def test_held_out_deals_get_no_ai_action_and_their_decision_is_logged_with_propensity_one(learning_app):
    app, tid, crm = learning_app
    set_extra(app, tid, holdout_share=0.5)
    held = {d for d in DEALS if holdout.assign(tid, "hubspot", d, share=0.5).holdout}
    assert 0 < len(held) < len(DEALS)  # the fixture's ids give both groups
    send(app, DEALS)
    run_all(app)
    logged = choices(app)
    assert set(logged) == set(DEALS)  # every deal's decision is logged, held out or not
    assert set(crm.tasks) == set(DEALS) - held and {n["record_id"] for n in crm.notes} == set(DEALS) - held
    assert set(crm.fields) == set(DEALS)  # scores are still written: they are not an action
    for d in held:
        assert "ai_strategy" not in crm.fields[d] and "ai_next_best_action" not in crm.fields[d]
        p = logged[d]
        assert (p["arm"], p["propensity"], p["policy"], p["holdout"]) == ("holdout", 1.0, "holdout", True)
        assert p["context"]["holdout"] is True and p["context"]["segment"] in ("smb", "mid", "ent", "unknown")
        card = cards(app)[d]
        assert card["draft"] == {} and card["next_best_action"] == {}
        assert card["strategy"]["why"]["mode"] == "holdout" and "control group" in card["strategy"]["why"]["text"]
        assert "holdout" in card["decision"]["reasons"][0]
        html = rendered_card(app, tid, d)
        assert 'data-testid="no-action-why"' in html and "control group" in html
        assert 'data-testid="btn-accept"' not in html and 'data-testid="draft"' not in html
    for d in set(DEALS) - held:
        p = logged[d]
        assert p["policy"] == POLICY_NAME and p["holdout"] is False
        assert p["propensity"] == pytest.approx(p["probabilities"][p["arm"]])
        assert sum(p["probabilities"].values()) == pytest.approx(1.0, abs=1e-4)
        assert {"segment", "band", "engagement", "stage", "amount"} <= set(p["context"])
        why = cards(app)[d]["strategy"]["why"]
        assert why["arm"] == p["arm"] and why["mode"] in ("best_so_far", "exploring")
        assert why["text"] and why["share"] == pytest.approx(p["propensity"])
        html = rendered_card(app, tid, d)
        assert 'data-testid="strategy-why"' in html and 'data-testid="no-action-why"' not in html


def test_the_holdout_is_stable_when_the_same_deals_change_again(learning_app):
    app, tid, crm = learning_app
    set_extra(app, tid, holdout_share=0.5)
    send(app, DEALS)
    run_all(app)
    first = {d for d, p in choices(app).items() if p["holdout"]}
    for d in DEALS:
        crm.records[d] = replace(crm.records[d], amount=(crm.records[d].amount or 0) + 1000)
    send(app, DEALS, first_event_id=100)
    run_all(app)
    with get_db(app).session() as s:
        again = [a.payload for a in s.execute(select(Action).where(Action.kind == "strategy_choice")
                                              .order_by(Action.id)).scalars()][len(DEALS):]
    assert len(again) == len(DEALS)
    assert {a for a, p in zip(DEALS, again, strict=True) if p["holdout"]} == first


def test_a_discount_strategy_is_never_offered_when_the_tenant_allows_no_discount(learning_app):
    app, tid, _crm = learning_app
    set_extra(app, tid, discount_cap=0.0, approval_threshold=0.0, holdout_share=0.0)
    send(app, DEALS)
    run_all(app)
    logged = choices(app)
    assert len(logged) == len(DEALS)
    for p in logged.values():
        assert "limited_time_incentive" not in p["probabilities"] and p["arm"] != "limited_time_incentive"
        # logged with the decision, so the bandit compares arms within the deals that could use the
        # same arms (learning's eligibility control)
        assert "limited_time_incentive" in p["context"]["excluded"]
        assert not set(p["context"]["excluded"]) & set(p["probabilities"])


def test_a_held_out_deal_logs_the_arms_policy_would_have_excluded_for_it(learning_app):
    # its outcome measures its eligibility group's level with no arm chosen (learning's
    # ELIGIBILITY_CONTROL 2), so it must name the same group as a treated deal of that kind
    app, tid, _crm = learning_app
    set_extra(app, tid, discount_cap=0.0, approval_threshold=0.0, holdout_share=0.5,
              strategy_catalogue=[a for a in ARMS if a != "social_proof"])
    send(app, DEALS)
    run_all(app)
    logged = choices(app)
    held = [p for p in logged.values() if p["holdout"]]
    treated = [p for p in logged.values() if not p["holdout"]]
    assert held and treated
    for p in held:
        assert p["context"]["excluded"] == ["limited_time_incentive", "social_proof"]
    for p in treated:
        assert p["context"]["excluded"] == ["limited_time_incentive", "social_proof"]


def test_a_folded_reward_carries_its_decisions_logged_propensity():
    from types import SimpleNamespace

    row = SimpleNamespace(payload={"propensity": 0.25, "arm": "social_proof"}, context={"segment": "smb"},
                          arm="social_proof", reward=1.0, kind="won", action_id=7)
    assert posterior_store._folded(row).propensity == 0.25
    unlogged = SimpleNamespace(payload={}, context={}, arm="social_proof", reward=0.0, kind="lost", action_id=8)
    assert posterior_store._folded(unlogged).propensity is None  # weighed as 1 by the posterior


def test_strategies_turned_off_by_the_tenant_are_never_chosen(learning_app):
    app, tid, crm = learning_app
    set_extra(app, tid, strategy_catalogue=["social_proof", "risk_reversal"], holdout_share=0.0)
    send(app, DEALS)
    run_all(app)
    logged = choices(app)
    assert {p["arm"] for p in logged.values()} <= {"social_proof", "risk_reversal"}
    assert all(set(p["probabilities"]) == {"social_proof", "risk_reversal"} for p in logged.values())


def test_with_every_strategy_turned_off_a_deal_gets_no_action_and_no_logged_decision(learning_app):
    app, tid, crm = learning_app
    set_extra(app, tid, strategy_catalogue=["limited_time_incentive"], discount_cap=0.0, approval_threshold=0.0,
              holdout_share=0.0)
    send(app, DEALS[:3])
    run_all(app)
    assert choices(app) == {} and crm.tasks == {} and crm.notes == []
    card = cards(app)[DEALS[0]]
    assert card["strategy"]["why"]["mode"] == "no_allowed_strategy" and card["draft"] == {}


def stored_posterior(app, tid):
    with get_db(app).session() as s:
        row = s.get(LearningPosterior, (tid, "deal"))
        return (row.version, row.rewards, Posterior.from_json(row.state)) if row else None


def test_a_won_deal_updates_the_posterior_once_even_when_outcome_webhooks_repeat_or_come_late(learning_app,
                                                                                            app_factory):
    app, tid, crm = learning_app
    set_extra(app, tid, holdout_share=0.0)
    send(app, ["8800"])
    run_all(app)
    arm = choices(app)["8800"]["arm"]
    crm.records["8800"] = replace(crm.records["8800"], stage="closedwon", stage_kind="won")
    send(app, ["8800"], first_event_id=50, prop="dealstage", value="closedwon")
    run_all(app)
    version, folded, post = stored_posterior(app, tid)
    assert folded == 1 and post.stats["*"][arm][0] == 1.0
    for event_id in (51, 52, 53):  # duplicate deliveries, then a late one of another property
        send(app, ["8800"], first_event_id=event_id, prop="dealstage" if event_id < 53 else "amount",
             value="closedwon" if event_id < 53 else "99")
        run_all(app)
    with get_db(app).session() as s:
        assert s.execute(select(Reward)).scalars().all().__len__() == 1
        assert len(s.execute(select(Outcome)).scalars().all()) == 1
    again = stored_posterior(app, tid)
    assert again[0] == version and again[1] == 1 and again[2].stats == post.stats
    # Survives a restart: another app (another worker process) on the same database reads it.
    other = app_factory(JOB_FUNCTION="app.pipeline.batch.process_batch")
    assert posterior_store.load(other, tid, ARMS).stats == post.stats


def test_a_holdout_reward_is_stored_for_lift_but_never_folded_into_an_arm(learning_app):
    app, tid, crm = learning_app
    set_extra(app, tid, holdout_share=0.5)
    held = next(d for d in DEALS if holdout.assign(tid, "hubspot", d, share=0.5).holdout)
    send(app, [held])
    run_all(app)
    crm.records[held] = replace(crm.records[held], stage="closedwon", stage_kind="won")
    send(app, [held], first_event_id=50, prop="dealstage", value="closedwon")
    run_all(app)
    with get_db(app).session() as s:
        rewards = s.execute(select(Reward)).scalars().all()
    assert [(r.arm, r.reward > 0, r.folded) for r in rewards] == [("holdout", True, True)]
    _version, folded, post = stored_posterior(app, tid)
    assert folded == 1 and post.stats == {} and post.n_updates == 0


def add_rewards(app, tid, n: int) -> None:
    """n decided-and-won deals of arm social_proof, stored like the outcome stage stores them."""
    now = datetime.now(UTC)
    with get_db(app).session() as s:
        for i in range(n):
            a = Action(tenant_id=tid, object_type="deal", record_id=f"r{i}", kind="strategy_choice",
                       payload={"arm": "social_proof", "propensity": 0.2, "policy": POLICY_NAME, "holdout": False,
                                "context": {"segment": "smb", "band": "high", "engagement": "active"}})
            o = Outcome(tenant_id=tid, crm="hubspot", deal_id=f"r{i}", kind="won", at=now)
            s.add_all([a, o])
            s.flush()
            s.add(Reward(tenant_id=tid, outcome_id=o.id, action_id=a.id, deal_id=f"r{i}", arm="social_proof",
                         propensity=0.2, policy=POLICY_NAME, context=a.payload["context"], reward=1.0))


def test_a_worker_that_loses_the_race_reloads_and_folds_nothing_twice(learning_app, monkeypatch):
    app, tid, _crm = learning_app
    add_rewards(app, tid, 5)
    real_update = Posterior.update
    raced = []

    def update_while_another_worker_saves(self, rewards):
        rewards = list(rewards)
        if not raced:  # the first worker is between its read and its write: another one refreshes
            raced.append(True)
            posterior_store.refresh(app, tid, ARMS)
        return real_update(self, rewards)

    monkeypatch.setattr(Posterior, "update", update_while_another_worker_saves)
    posterior_store.refresh(app, tid, ARMS)
    version, folded, post = stored_posterior(app, tid)
    assert raced and folded == 5 and post.stats["*"]["social_proof"][0] == 5.0
    assert version == 1  # the other worker's save; the first one's was refused and found nothing left


def test_concurrent_refreshes_fold_every_reward_exactly_once(learning_app):
    app, tid, _crm = learning_app
    add_rewards(app, tid, 40)
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            posterior_store.refresh(app, tid, ARMS)
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    posterior_store.refresh(app, tid, ARMS)  # whatever a refused worker left
    assert errors == []
    _version, folded, post = stored_posterior(app, tid)
    assert folded == 40 and post.stats["*"]["social_proof"][0] == 40.0
    with get_db(app).session() as s:
        assert all(r.folded for r in s.execute(select(Reward)).scalars())


def test_the_export_and_report_read_the_products_decisions_outcomes_rewards_and_dismiss_reasons(learning_app):
    from app.cards.actions import record_feedback
    from app.cli.learning import rows_from_db
    from learning.report import render_html, summarise

    app, tid, crm = learning_app
    set_extra(app, tid, holdout_share=0.5)
    send(app, DEALS)
    run_all(app)
    acted = [d for d, p in choices(app).items() if not p["holdout"]]
    with get_db(app).session() as s:
        by_deal = {e.record_id: e for e in s.execute(select(Enrichment)).scalars()}
        record_feedback(s, by_deal[acted[0]], "dismiss", reason="wrong_timing", user_id="u1")
        record_feedback(s, by_deal[acted[1]], "accept", reason=None, user_id="u1")
    for d in DEALS[:4]:  # outcomes through the outcome stage, one of them delivered twice
        crm.records[d] = replace(crm.records[d], stage="closedwon", stage_kind="won")
    send(app, DEALS[:4], first_event_id=200, prop="dealstage", value="closedwon")
    send(app, DEALS[:1], first_event_id=300, prop="dealstage", value="closedwon")
    run_all(app)
    rows = rows_from_db(app, tid)
    assert len(rows) == len(DEALS)
    won = {r["deal_id"]: r for r in rows if r["outcome_kind"] == "won"}
    assert set(won) == set(DEALS[:4]) and all(r["reward"] == pytest.approx(1.0) for r in won.values())
    logged = choices(app)
    for r in rows:
        assert r["arm"] == logged[r["deal_id"]]["arm"] and r["propensity"] == logged[r["deal_id"]]["propensity"]
        assert r["holdout"] is logged[r["deal_id"]]["holdout"]
    dismissed = next(r for r in rows if r["deal_id"] == acted[0])
    assert (dismissed["feedback"], dismissed["dismiss_reason"]) == ("dismiss", "wrong_timing")
    summary = summarise(rows, resamples=50)
    assert summary["feedback"]["dismiss_reasons"] == {"wrong_timing": 1} and summary["feedback"]["accepted"] == 1
    assert summary["feedback"]["dismiss_reasons_by_arm"] == {dismissed["arm"]: {"wrong_timing": 1}}
    assert "wrong_timing" in render_html(rows, summary, title="t")


def test_outcomes_change_the_next_choices_and_the_card_says_best_so_far(learning_app):
    """The loop closes: rewards stored for one arm move the tenant's posterior, and the next
    decisions in the same context choose that arm far more often, with its true propensity."""
    app, tid, crm = learning_app
    set_extra(app, tid, holdout_share=0.0)
    send(app, DEALS)
    run_all(app)
    first = choices(app)
    context = first[DEALS[0]]["context"]
    assert all(p["context"]["segment"] == context["segment"] for p in first.values())
    before = sum(p["probabilities"]["social_proof"] for p in first.values()) / len(first)
    now = datetime.now(UTC)
    with get_db(app).session() as s:  # 40 past decisions per arm in this context: only social proof won
        for j, arm in enumerate(ARMS):
            for i in range(40):
                deal = f"past-{j}-{i}"
                a = Action(tenant_id=tid, object_type="deal", record_id=deal, kind="strategy_choice",
                           payload={"arm": arm, "propensity": 1 / 7, "policy": POLICY_NAME, "holdout": False,
                                    "context": context})
                o = Outcome(tenant_id=tid, crm="hubspot", deal_id=deal,
                            kind="won" if arm == "social_proof" else "lost", at=now)
                s.add_all([a, o])
                s.flush()
                s.add(Reward(tenant_id=tid, outcome_id=o.id, action_id=a.id, deal_id=deal, arm=arm,
                             propensity=1 / 7, policy=POLICY_NAME, context=context,
                             reward=1.0 if arm == "social_proof" else 0.0))
    for d in DEALS:
        crm.records[d] = replace(crm.records[d], amount=(crm.records[d].amount or 0) + 500)
    send(app, DEALS, first_event_id=400)
    run_all(app)
    with get_db(app).session() as s:
        later = [a.payload for a in s.execute(select(Action).where(Action.kind == "strategy_choice")
                                              .order_by(Action.id)).scalars() if not a.record_id.startswith("past-")]
    later = later[len(DEALS):]
    assert len(later) == len(DEALS)
    after = sum(p["probabilities"]["social_proof"] for p in later) / len(later)
    assert before < 0.3 and after > 0.8
    assert sum(p["arm"] == "social_proof" for p in later) >= 8
    why = cards(app)[next(d for d, p in zip(DEALS, later, strict=True) if p["arm"] == "social_proof")]
    assert why["strategy"]["why"]["mode"] == "best_so_far" and "better" in why["strategy"]["why"]["text"]
    with get_db(app).session() as s:
        assert s.get(LearningPosterior, (tid, "deal")).rewards == 40 * len(ARMS)


def test_won_rewards_are_amount_weighted_once_a_tenant_has_won_deals_and_the_bandit_divides_it_out(learning_app):
    app, tid, crm = learning_app
    set_extra(app, tid, holdout_share=0.0)
    deals = DEALS[:7]
    send(app, deals)
    run_all(app)
    for k, d in enumerate(deals):  # amounts 10k..70k: the median moves as they are won
        crm.records[d] = replace(crm.records[d], stage="closedwon", stage_kind="won", amount=10_000.0 * (k + 1))
        send(app, [d], first_event_id=500 + k, prop="dealstage", value="closedwon")
        run_all(app)
    with get_db(app).session() as s:
        rewards = {r.deal_id: r for r in s.execute(select(Reward)).scalars()}
    assert set(rewards) == set(deals)
    # Fewer than 5 won deals: worth 1. The 5th (50k) has median 30k, the 7th (70k) median 40k.
    assert [rewards[d].reward for d in deals[:4]] == [1.0] * 4
    assert rewards[deals[4]].reward == pytest.approx(50 / 30) and rewards[deals[6]].reward == pytest.approx(70 / 40)
    assert all(r.reward == pytest.approx(r.context["amount_weight"]) for r in rewards.values())
    _version, folded, post = stored_posterior(app, tid)
    credit = sum(cell[1] for cell in post.stats["*"].values())
    baseline = sum(r.context.get("baseline", 0.3) for r in rewards.values())  # 0.3: no score (cold start)
    assert folded == 7 and credit == pytest.approx(7.0 - baseline)  # each won deal counts 1, whatever its amount


def test_an_arm_turned_off_keeps_what_it_learned_for_when_it_is_turned_on_again(learning_app):
    app, tid, _crm = learning_app
    add_rewards(app, tid, 5)  # five won social_proof decisions
    set_extra(app, tid, strategy_catalogue=["value_reinforcement", "risk_reversal"], holdout_share=0.0)
    send(app, DEALS[:2])
    run_all(app)  # the batch folds the rewards while social_proof is off
    assert all(p["arm"] != "social_proof" for d, p in choices(app).items() if d in DEALS)
    _version, folded, post = stored_posterior(app, tid)
    assert folded == 5 and post.stats["*"]["social_proof"][0] == 5.0


HUBSPOT_STAGES = ("appointmentscheduled", "qualifiedtobuy", "presentationscheduled", "decisionmakerboughtin",
                  "contractsent")


def with_hubspot_pipeline(crm) -> None:
    from integrations.base import Pipeline, Stage

    # listed out of order on purpose: "later" is the CRM's display order, not the list's
    stages = [Stage(s, s.title(), "open", display_order=i) for i, s in enumerate(HUBSPOT_STAGES)]
    crm.list_pipelines = lambda: [Pipeline("default", "Sales", tuple(reversed(stages)) + (
        Stage("closedwon", "Won", "won", display_order=9), Stage("closedlost", "Lost", "lost", display_order=10)))]


def moved(record, *stages_at):
    from integrations.base import History, StageChange

    changes = record.history.stage_changes + tuple(StageChange(s, at) for s, at in stages_at)
    return replace(record, stage=changes[-1].stage, history=History(record.history.closed_won_deals, changes))


def outcomes_and_rewards(app):
    with get_db(app).session() as s:
        outcomes = [(o.kind, o.stage) for o in s.execute(select(Outcome).order_by(Outcome.id)).scalars()]
        rewards = [(r.outcome_id, r.action_id, round(r.reward, 6), r.folded) for r in
                   s.execute(select(Reward).order_by(Reward.id)).scalars()]
    return outcomes, rewards


def test_a_deal_moving_to_later_stages_after_a_decision_earns_partial_credit_once_per_stage(learning_app):
    app, tid, crm = learning_app
    set_extra(app, tid, holdout_share=0.0)
    with_hubspot_pipeline(crm)
    send(app, ["8800"])
    run_all(app)  # decided now, at the fixture's stage (presentationscheduled, reached in November)
    assert outcomes_and_rewards(app) == ([], [])  # history before the decision earns nothing
    later = datetime.now(UTC).isoformat()
    crm.records["8800"] = moved(crm.records["8800"], ("decisionmakerboughtin", later), ("contractsent", later))
    for event_id in (50, 51, 52):  # the stage change, a duplicate delivery, a late other-property change
        send(app, ["8800"], first_event_id=event_id, prop="dealstage" if event_id < 52 else "amount",
             value="contractsent" if event_id < 52 else "99")
        run_all(app)
    outcomes, rewards = outcomes_and_rewards(app)
    assert outcomes == [("stage_advanced", "decisionmakerboughtin"), ("stage_advanced", "contractsent")]
    assert len(rewards) == 2 and {r[2] for r in rewards} == {0.2} and all(r[3] for r in rewards)
    _version, folded, post = stored_posterior(app, tid)
    # partial credit waits for the deal's close: no arm has an observation yet
    assert folded == 2 and post.stats == {} and len(post.pending) == 1
    # it moves back and forward again: the same stage reached, no new credit
    crm.records["8800"] = moved(crm.records["8800"], ("presentationscheduled", later), ("contractsent", later))
    send(app, ["8800"], first_event_id=60, prop="dealstage", value="contractsent")
    run_all(app)
    assert outcomes_and_rewards(app)[0] == outcomes
    # the close folds the decision once, with its partial credit
    crm.records["8800"] = replace(crm.records["8800"], stage="closedwon", stage_kind="won")
    send(app, ["8800"], first_event_id=70, prop="dealstage", value="closedwon")
    run_all(app)
    _version, folded, post = stored_posterior(app, tid)
    outcomes, rewards = outcomes_and_rewards(app)
    assert [k for k, _s in outcomes] == ["stage_advanced", "stage_advanced", "won"]
    won = [r for r in rewards if r[0] == max(r[0] for r in rewards)]  # the won outcome's (each change re-decided)
    assert folded == len(rewards) == 2 + len(won) and post.pending == {}
    # one observation per decision credited by the close, the first one's carrying the partial credit
    assert sum(cell[0] for cell in post.stats["*"].values()) == len(won)


def test_a_deal_moving_back_a_stage_or_without_a_logged_decision_earns_nothing(learning_app):
    app, tid, crm = learning_app
    set_extra(app, tid, holdout_share=0.0)
    with_hubspot_pipeline(crm)
    send(app, ["8800"])
    run_all(app)
    later = datetime.now(UTC).isoformat()
    crm.records["8800"] = moved(crm.records["8800"], ("qualifiedtobuy", later))
    crm.records["8801"] = moved(crm.records["8801"], ("contractsent", later))  # never decided on
    # 8801's change arrives with no strategy allowed: enriched, but no decision logged
    set_extra(app, tid, strategy_catalogue=["limited_time_incentive"], discount_cap=0.0, approval_threshold=0.0)
    send(app, ["8800", "8801"], first_event_id=50, prop="dealstage", value="x")
    run_all(app)
    assert outcomes_and_rewards(app) == ([], [])


def test_the_schedulers_learning_job_folds_the_rewards_that_failed_folds_left_behind(learning_app, monkeypatch):
    from app import scheduler

    app, tid, crm = learning_app
    set_extra(app, tid, holdout_share=0.0)
    send(app, DEALS[:3])
    run_all(app)
    real_refresh = posterior_store.refresh
    # Every fold fails while the deals close (e.g. the database was briefly unreachable for it).
    monkeypatch.setattr(posterior_store, "refresh", lambda *a, **k: (_ for _ in ()).throw(RuntimeError("db down")))
    for k, d in enumerate(DEALS[:3]):
        crm.records[d] = replace(crm.records[d], stage="closedwon" if k else "closedlost",
                                 stage_kind="won" if k else "lost")
    send(app, DEALS[:3], first_event_id=50, prop="dealstage", value="closedwon")
    run_all(app)
    with get_db(app).session() as s:
        stored = s.execute(select(Reward)).scalars().all()
    assert len(stored) == 3 and not any(r.folded for r in stored)
    monkeypatch.setattr(posterior_store, "refresh", real_refresh)
    ran: list[tuple[str, str]] = []
    scheduler.request_run(app, tid, "learning")
    assert scheduler.tick(app, enqueue=lambda t, n: ran.append((t, n)))["leader"]
    assert ran == [(tid, "learning")]  # the learning report's refresh the outcomes asked for is due within a minute
    with app.app_context():
        result = scheduler.run_periodic(tid, "learning")
    assert result == {"tenant": tid, "rewards_folded": 3, "rewards_total": 3}
    _version, folded, post = stored_posterior(app, tid)
    assert folded == 3 and sum(cell[0] for cell in post.stats["*"].values()) == 3.0
    with app.app_context():  # a second run finds nothing new and folds nothing twice
        assert scheduler.run_periodic(tid, "learning")["rewards_folded"] == 0
    assert stored_posterior(app, tid)[1] == 3


def test_a_deals_amount_weight_reaches_the_bandit_and_its_log_once_the_tenant_has_a_reference(learning_app,
                                                                                              monkeypatch):
    app, tid, crm = learning_app
    set_extra(app, tid, holdout_share=0.0)
    seen: list[dict] = []
    real = Posterior.probabilities

    def spy(self, context, *args, **kwargs):
        seen.append(dict(context))
        return real(self, context, *args, **kwargs)

    monkeypatch.setattr(Posterior, "probabilities", spy)
    deals, later = DEALS[:7], DEALS[7:9]
    send(app, deals)
    run_all(app)
    # no won deal yet: no reference amount, so no weight (every win is worth 1)
    assert seen and all("amount_weight" not in c for c in seen)
    assert all("amount_weight" not in choices(app)[d]["context"] for d in deals)
    for k, d in enumerate(deals):  # 7 won deals of 10k..70k: the reference is their median, 40k
        crm.records[d] = replace(crm.records[d], stage="closedwon", stage_kind="won", amount=10_000.0 * (k + 1))
        send(app, [d], first_event_id=700 + k, prop="dealstage", value="closedwon")
        run_all(app)
    for d, amount in zip(later, (20_000.0, 1_000_000.0), strict=True):
        crm.records[d] = replace(crm.records[d], amount=amount)
    seen.clear()
    send(app, later, first_event_id=800)
    run_all(app)
    logged = choices(app)
    # 20k / 40k = 0.5; 1M / 40k = 25, capped at MAX_AMOUNT_WEIGHT like the reward's weight
    assert [logged[d]["context"]["amount_weight"] for d in later] == [0.5, 10.0]
    assert sorted(c.get("amount_weight") for c in seen) == [0.5, 10.0]  # the policy drew with them
