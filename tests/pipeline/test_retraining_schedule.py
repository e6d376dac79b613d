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
