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
    thread.join(10)
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
