"""A production install gets its first models within minutes, not a day later, and its open deals are
scored again once they exist (the wave-31 docs walk: on PostgreSQL + Redis with two RQ workers, 80 deals
were enriched right after the install with every score `no_model`, and the model cards page said only
"No model has been trained for this account yet.": the scheduler's first retraining of a tenant comes one
`RETRAIN_INTERVAL_SECONDS` (a day) after it first sees it)."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlparse

import pytest
from sqlalchemy import select

from app.storage import get_db
from app.storage.models import InboxEvent, PeriodicRun
from tests.hubspot import sandbox_helpers as sb

pytestmark = pytest.mark.timeout(600)

ADMIN = "docswalk-operator-token-0123456789"


@pytest.fixture(scope="module")
def sandbox():
    handle = sb.start(n_open_deals=4, n_closed_deals=120, n_companies=12, seed=11)
    yield handle
    handle.stop()


def _app(app_factory, sandbox, **overrides):
    return app_factory(**sb.app_config(sandbox, **{"BACKFILL_ON_INSTALL": False, "ADMIN_TOKEN": ADMIN, **overrides}))


def _install(app, accept: str = "application/json"):
    client = app.test_client()
    resp = client.get("/oauth/hubspot/install")
    callback = urlparse(sb.consent(resp.headers["Location"]))
    body = client.get(callback.path, query_string=parse_qs(callback.query), headers={"Accept": accept})
    assert body.status_code == 200, body.get_data(as_text=True)
    return body


FIRST_TRAINING = "the first training has started on the app's workers"
PIPELINE = "app.pipeline.batch.process_batch"
"""The real batch pipeline (the suite's default job function is a stub)."""


def _retrain_row(app, tid):
    with get_db(app).session() as s:
        return s.execute(select(PeriodicRun).where(PeriodicRun.tenant_id == tid, PeriodicRun.name == "retrain")
                         ).scalars().one_or_none()


def _models_page(app, tid) -> str:
    page = app.test_client().get(f"/admin/t/{tid}/models", headers={"X-Admin-Token": ADMIN})
    assert page.status_code == 200
    return page.get_data(as_text=True)


def test_an_install_without_models_has_its_training_run_at_the_schedulers_next_tick_and_then_scores_every_open_deal(
        app_factory, sandbox):
    from app.scheduler import claim_due, run_periodic

    app = _app(app_factory, sandbox)
    page = " ".join(_install(app, "text/html").get_data(as_text=True).split())
    assert FIRST_TRAINING in page and "until it is done the cards show no scores" in page
    tid = f"hubspot-{sandbox.hub_id}"
    row = _retrain_row(app, tid)
    assert row is not None and row.requested_at is not None  # asked for at the install
    html = _models_page(app, tid)
    assert "No model has been trained for this account yet." in html
    assert "The first training was asked for at" in html
    assert f"agentic-sales model train-from-crm --tenant {tid} --task conversion" in html

    # The leader's very next tick claims it: not a day after the install.
    assert (tid, "retrain") in claim_due(app, now=datetime.now(UTC) + timedelta(seconds=1))
    with app.app_context():
        result = run_periodic(tid, "retrain")
    assert set(result["rescored"]["first_models"]) <= set(result["tasks"]) and result["rescored"]["first_models"], result
    assert result["rescored"]["records_backfilled"] == 4  # the sandbox's open deals
    with get_db(app).session() as s:
        sources = s.execute(select(InboxEvent.change_source).where(InboxEvent.tenant_id == tid)).scalars().all()
    assert sources.count("BACKFILL") == result["rescored"]["records_backfilled"]
    after = _models_page(app, tid)
    assert after.count("No model has been trained") < html.count("No model has been trained")

    # A later training puts no task in use for the first time: nothing is queued again (checked on the
    # models now in use rather than by training a second time, which takes minutes on a loaded machine).
    from app.pipeline.first_training import rescore_if_first_models, tasks_in_use

    with app.app_context():
        in_use = tasks_in_use(app, tid, result["tasks"])
        assert in_use == set(result["rescored"]["first_models"])
        assert rescore_if_first_models(app, tid, in_use, {task: {} for task in result["tasks"]}) is None

    # Installing again (e.g. to grant a new scope) keeps the models and asks for no training.
    again_body = _install(app).get_json()
    assert again_body["first_training"] is None and _retrain_row(app, tid).requested_at is None


def test_with_scheduled_retraining_off_the_install_asks_for_nothing_and_the_page_says_how_to_train(
        app_factory, sandbox):
    app = _app(app_factory, sandbox, RETRAIN_ENABLED=False)
    body = _install(app).get_json()
    tid = body["tenant"]
    assert body["first_training"] is None and _retrain_row(app, tid) is None
    html = _models_page(app, tid)
    assert "Scheduled retraining is off in this deployment (AGENTIC_SALES_RETRAIN_ENABLED)" in html
    assert f"agentic-sales model train-from-crm --tenant {tid} --task price" in html


def _count_agent_runs(monkeypatch) -> tuple[Counter[str], list[str]]:
    """Count each record's agent runs and every call the LLM provider gets (the offline one here: a vendor's
    bill counts the same calls)."""
    import agents.run
    from agents.providers.offline import OfflineProvider

    runs: Counter[str] = Counter()
    calls: list[str] = []
    real_run, real_structured = agents.run.run_agents, OfflineProvider.structured

    def run_agents(record, *args, **kwargs):
        runs[record.id] += 1
        return real_run(record, *args, **kwargs)

    def structured(self, *args, **kwargs):
        calls.append(str(kwargs.get("role")))
        return real_structured(self, *args, **kwargs)

    monkeypatch.setattr(agents.run, "run_agents", run_agents)
    monkeypatch.setattr(OfflineProvider, "structured", structured)
    return runs, calls


def _enriched(app, tid) -> Counter[str]:
    from app.storage.models import Enrichment

    with get_db(app).session() as s:
        return Counter(s.execute(select(Enrichment.record_id).where(Enrichment.tenant_id == tid)).scalars())


def test_on_day_one_the_llm_agents_run_once_per_open_deal_the_install_backfill_waiting_for_the_first_models(
        app_factory, sandbox, monkeypatch):
    # The install's backfill used to enrich every open deal at once (no model yet) and again when the first models
    # landed: each deal's analyst, strategist and writer twice, twice the vendor's bill on day one.
    from app.scheduler import run_periodic
    from tests.run_jobs import run_until

    runs, calls = _count_agent_runs(monkeypatch)
    app = _app(app_factory, sandbox, BACKFILL_ON_INSTALL=True, INSTALL_BACKFILL_AFTER_FIRST_TRAINING=True,
               START_WORKER=False, AGENT_PROCESSES=0, JOB_FUNCTION=PIPELINE,
               HOLDOUT_SHARE_OVERRIDE=0.0)
    body = _install(app).get_json()
    tid = body["tenant"]
    assert body["first_training"] == "requested" and body["backfill"] == "after_first_training", body
    page = " ".join(_install_page_text(app).split())
    assert "enriched, once" in page
    from app.dispatch import get_dispatcher

    get_dispatcher(app).backend.run_due()
    assert not runs and not _enriched(app, tid)  # nothing is enriched before the models exist

    with app.app_context():
        result = run_periodic(tid, "retrain")  # the leader's next tick
    assert result["rescored"]["first_models"] and result["rescored"]["records_backfilled"] == 4, result
    run_until(app, lambda: len(_enriched(app, tid)) == 4, timeout=300)

    enriched = _enriched(app, tid)
    assert set(enriched.values()) == {1} and set(runs) == set(enriched), (enriched, runs)
    assert set(runs.values()) == {1}, runs  # each open deal's agents ran once
    assert calls and len(calls) <= 3 * len(enriched), calls  # at most one call per role per deal
    with get_db(app).session() as s:
        from app.storage.models import Enrichment

        scores = s.execute(select(Enrichment.scores).where(Enrichment.tenant_id == tid)).scalars().all()
    assert all(any("model_version" in (v or {}) for v in sc.values() if isinstance(v, dict)) for sc in scores), scores


def test_a_first_training_that_yields_no_model_still_lets_the_waiting_install_backfill_run_once(
        app_factory, monkeypatch):
    # Not enough closed deals for any model: the install's open deals must not wait for ever.
    from app.scheduler import run_periodic
    from tests.run_jobs import run_until

    small = sb.start(n_open_deals=3, n_closed_deals=4, n_companies=3, seed=12)
    try:
        runs, _calls = _count_agent_runs(monkeypatch)
        app = _app(app_factory, small, BACKFILL_ON_INSTALL=True, INSTALL_BACKFILL_AFTER_FIRST_TRAINING=True,
               START_WORKER=False, AGENT_PROCESSES=0, JOB_FUNCTION=PIPELINE,
                   HOLDOUT_SHARE_OVERRIDE=0.0)
        tid = _install(app).get_json()["tenant"]
        with app.app_context():
            result = run_periodic(tid, "retrain")
        assert result["rescored"] == {"first_models": [], "records_backfilled": 3}, result
        run_until(app, lambda: len(_enriched(app, tid)) == 3, timeout=300)
        assert set(runs.values()) == {1}, runs
        with app.app_context():
            assert run_periodic(tid, "retrain").get("rescored") is None  # the next day's training queues nothing
    finally:
        small.stop()


def test_a_training_of_an_install_that_did_not_hold_its_backfill_queues_nothing(app_factory):
    # Installed with BACKFILL_ON_INSTALL off (nothing queued), then the deployment turns backfills on: a first
    # training with no model must not take the empty tenant for a waiting install and read the whole CRM (the
    # first wave-32 code inferred "waiting" from a tenant with nothing enriched).
    from app.scheduler import run_periodic

    small = sb.start(n_open_deals=3, n_closed_deals=4, n_companies=3, seed=13)
    try:
        app = _app(app_factory, small, INSTALL_BACKFILL_AFTER_FIRST_TRAINING=True, START_WORKER=False)
        tid = _install(app).get_json()["tenant"]
        app.config["BACKFILL_ON_INSTALL"] = True
        with app.app_context():
            assert run_periodic(tid, "retrain").get("rescored") is None
        with get_db(app).session() as s:
            assert s.execute(select(InboxEvent).where(InboxEvent.tenant_id == tid)).first() is None
    finally:
        small.stop()


def _install_page_text(app) -> str:
    from app.admin.install_page import installed_html  # noqa: F401 - the page the admin's browser gets

    client = app.test_client()
    resp = client.get("/oauth/hubspot/install")
    callback = urlparse(sb.consent(resp.headers["Location"]))
    return client.get(callback.path, query_string=parse_qs(callback.query), headers={"Accept": "text/html"}).get_data(
        as_text=True)
