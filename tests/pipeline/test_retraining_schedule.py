"""Scheduled retraining: due by interval, or at once when a champion could not be loaded."""

from __future__ import annotations

import threading

from app.pipeline.schedule import maybe_retrain
from tests.conftest import install_tenant


def test_nothing_runs_before_the_interval(app_factory):
    app = app_factory(RETRAIN_INTERVAL_SECONDS=3600)
    assert maybe_retrain(app, train=lambda a, t: None) is None


def test_a_due_run_trains_every_installed_tenant_once(app_factory):
    app = app_factory(RETRAIN_INTERVAL_SECONDS=0)
    install_tenant(app, "1001")
    install_tenant(app, "2002")
    seen: list[str] = []
    done = threading.Event()

    def train(a, tenant_id):
        seen.append(tenant_id)
        if len(seen) == 2:
            done.set()

    thread = maybe_retrain(app, train=train)
    assert thread is not None
    thread.join(60)  # returns when the run ends: 10 s was too short beside a clean-clone CI (wave 29)
    assert sorted(seen) == ["hubspot-1001", "hubspot-2002"]


def test_a_degraded_model_triggers_a_retrain_of_that_tenant_only(app_factory):
    app = app_factory(RETRAIN_INTERVAL_SECONDS=3600)
    install_tenant(app, "1001")
    install_tenant(app, "2002")
    app.extensions["retrain_requests"] = {("hubspot-2002", "conversion")}
    seen: list[str] = []
    thread = maybe_retrain(app, train=lambda a, t: seen.append(t))
    thread.join(10)
    assert seen == ["hubspot-2002"]
    assert maybe_retrain(app, train=lambda a, t: seen.append(t)) is None


def test_a_failing_tenant_does_not_stop_the_others(app_factory):
    app = app_factory(RETRAIN_INTERVAL_SECONDS=0)
    install_tenant(app, "1001")
    install_tenant(app, "2002")
    seen: list[str] = []

    def train(a, tenant_id):
        if tenant_id.endswith("1001"):
            raise RuntimeError("CRM down")
        seen.append(tenant_id)

    maybe_retrain(app, train=train).join(10)
    assert seen == ["hubspot-2002"]


def test_a_training_run_uses_no_more_threads_than_configured(app_factory, monkeypatch):
    """One worker's training must not spin a thread per core against the other workers on the host."""
    import numpy  # noqa: F401  (loads the BLAS pool threadpoolctl reports)
    from threadpoolctl import threadpool_info

    import app.pipeline.training as training

    app = app_factory(TRAINING_THREADS=1)
    install_tenant(app, "1001")
    seen: list[list[int]] = []

    def record_threads(*args, **kwargs):
        seen.append([pool["num_threads"] for pool in threadpool_info()])
        return {}

    monkeypatch.setattr(training, "retrain_tenant", record_threads)
    monkeypatch.setattr(training, "history_records", lambda a, t: [])
    training.train_tenant(app, "hubspot-1001")
    assert seen and seen[0], "no thread pool was visible to limit"
    assert max(seen[0]) == 1


def test_the_audit_of_a_training_run_says_which_model_serves_and_why(app_factory, monkeypatch):
    """A churn run that serves the logistic regression (scoring.promotion.choose_served) says so in the audit trail the
    console and `model report` read, not only in the model card."""
    from sqlalchemy import select

    import app.pipeline.training as training
    from app.storage import get_db
    from app.storage.models import AuditLog

    app = app_factory()
    install_tenant(app, "1001")
    served = {"model": "logistic_regression", "reason": "the model was not shown better than a logistic regression"}
    monkeypatch.setattr(training, "retrain_tenant", lambda *a, **k: {
        "churn": {"promoted": True, "version": "v1", "served": served, "comparison": {"big": "evidence"}}})
    monkeypatch.setattr(training, "history_records", lambda a, t: [])
    training.train_tenant(app, "hubspot-1001", tasks=["churn"])
    with get_db(app).session() as s:
        detail = s.execute(select(AuditLog.detail).where(AuditLog.event == "models.trained")).scalars().one()
    assert detail["results"]["churn"]["served"] == served
    assert "comparison" not in detail["results"]["churn"]  # the bootstrap evidence stays in the model's metadata
