"""Shared state across workers: one scheduler leader, one reconcile per tenant per interval,
"run now" requests as rows, champions from a shared model store, settings versions."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update

from app import scheduler
from app.storage import get_db
from app.storage.models import LeaderLease, PeriodicRun
from tests.conftest import install_tenant


def three_workers(app_factory, **cfg):
    return [app_factory(RECONCILE_INTERVAL_SECONDS=1.0, RETRAIN_ENABLED=False, SCHEDULER_LEASE_SECONDS=2.0,
                        SCHEDULER_LEASE=True, **cfg)
            for _ in range(3)]


def test_three_schedulers_make_one_leader_and_one_reconcile_per_tenant_per_interval(app_factory):
    workers = three_workers(app_factory)
    tenants = [install_tenant(workers[0], p) for p in ("101", "102")]
    runs: list[tuple[str, str, float]] = []
    lock = threading.Lock()
    leaders: set[str] = set()

    def worker_loop(app) -> None:
        def record(tenant_id: str, name: str) -> None:
            with lock:
                runs.append((tenant_id, name, time.monotonic()))
        deadline = time.monotonic() + 3.6
        while time.monotonic() < deadline:
            if scheduler.tick(app, enqueue=record)["leader"]:
                with lock:
                    leaders.add(scheduler.holder_id(app))
            time.sleep(0.05)

    threads = [threading.Thread(target=worker_loop, args=(w,)) for w in workers]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(leaders) == 1  # the lease never changed hands while its holder kept ticking
    for tenant_id in tenants:
        times = sorted(t for tid, name, t in runs if tid == tenant_id and name == "reconcile")
        # First run one interval after the tenant was first seen, then one per interval: 3 in 3.6 s.
        assert 2 <= len(times) <= 3, times
        assert all(b - a >= 0.9 for a, b in zip(times, times[1:], strict=False)), times


def test_a_dead_leader_is_replaced_after_its_lease(app_factory):
    a, b, _ = three_workers(app_factory)
    assert scheduler.take_lead(a) and not scheduler.take_lead(b)
    with get_db(a).session() as s:  # a stops ticking: its lease runs out
        s.execute(update(LeaderLease).values(until=datetime.now(UTC) - timedelta(seconds=1)))
    assert scheduler.take_lead(b) and not scheduler.take_lead(a)


def test_a_retrain_request_from_any_worker_runs_once_at_the_leaders_next_tick(app_factory):
    leader, other, _ = [app_factory(RETRAIN_ENABLED=True, RECONCILE_ENABLED=False, SCHEDULER_LEASE=True)
                        for _ in range(3)]
    tid = install_tenant(leader, "103")
    ran: list[tuple[str, str]] = []
    assert scheduler.tick(leader, enqueue=lambda t, n: ran.append((t, n)))["leader"]
    assert ran == []  # nothing due yet: the daily retrain is a day away
    scheduler.request_run(other, tid, "retrain")  # e.g. a degraded champion seen by another worker
    scheduler.tick(other, enqueue=lambda t, n: ran.append(("other", n)))  # not the leader: does nothing
    scheduler.tick(leader, enqueue=lambda t, n: ran.append((t, n)))
    scheduler.tick(leader, enqueue=lambda t, n: ran.append((t, n)))
    assert ran == [(tid, "retrain")]
    with get_db(leader).session() as s:
        row = s.execute(select(PeriodicRun).where(PeriodicRun.tenant_id == tid,
                                               PeriodicRun.name == "retrain")).scalars().one()
    assert row.requested_at is None and row.runs == 1


def test_a_champion_trained_by_one_worker_is_used_by_a_worker_with_another_data_dir(app_factory, tmp_path):
    from app.pipeline import tenant as tenant_inputs
    from scoring import save_model, train_table
    from tests.scoring.data import deals

    store = tmp_path / "shared-models"
    trainer = app_factory(DATA_DIR=str(tmp_path / "worker-a"), MODEL_STORE=str(store))
    user = app_factory(DATA_DIR=str(tmp_path / "worker-b"), MODEL_STORE=str(store))
    tid = install_tenant(trainer, "104")
    assert tenant_inputs.champions(user, tid)["churn"] == {"no_model": {}}
    # Worker A trains and promotes through its registry (as its scheduled retrain does).
    # Enough rows for the promotion gate to have evidence (with 120 it rightly refused).
    model, meta, holdout = train_table("churn", deals(400, seed=4), "won", id_column="deal_id", fast=True)
    artefact = save_model(model, tmp_path / "worker-a" / "staging" / "churn", meta, holdout)
    result = tenant_inputs.registry(trainer).promote(tid, tenant_inputs.registry(trainer).add(tid, artefact))
    assert result["promoted"]
    # Worker B, another data directory, already holding a cached (empty) champions entry, uses it.
    assert tenant_inputs.champions(user, tid)["churn"].version == result["version"]
    assert not (tmp_path / "worker-b" / "models").exists()


def closed_deals(tenant_id: str, n: int) -> list:
    """Won and lost deals whose outcome depends on meetings and amount (something to learn)."""
    import numpy as np

    from integrations.base import Activity, Company, Record

    rng = np.random.default_rng(0)
    out = []
    for i in range(n):
        meetings = int(rng.integers(0, 6))
        amount = float(rng.integers(1000, 50000))
        won = rng.uniform() < (0.2 + 0.12 * meetings - amount / 200000)
        out.append(Record(
            crm="hubspot", tenant_id=tenant_id, object_type="deal", id=str(i), amount=amount,
            stage_kind="won" if won else "lost", close_date="2024-09-01", created_at="2024-06-01T00:00:00Z",
            company=Company(id=f"co{i % 40}", industry=str(rng.choice(["retail", "software"]))),
            activities=tuple(Activity(type="meeting", at=f"2024-08-{d:02d}T10:00:00Z", direction="outbound")
                             for d in range(1, 1 + meetings))))
    return out


def test_a_mapping_change_is_seen_by_a_worker_with_a_cached_client_at_its_next_batch(app_factory):
    from app import settings
    from app.tenants import client_for
    from integrations.base import FieldSpec

    built: list[int] = []
    a = app_factory()
    tid = install_tenant(a, "105")

    def connector_client(spec, *, config, on_tokens=None):
        built.append(len(spec.settings["field_mappings"]))
        return object()

    from app.connectors import get_connector

    connector = get_connector("hubspot", a)
    original = connector.client
    try:
        connector.client = connector_client  # type: ignore[method-assign]
        first = client_for(tid, a)
        assert client_for(tid, a) is first and built == [0]  # cached
        # revenue ops maps a field through the settings service (checked against the portal's fields)
        settings.set_mappings(a, tid, "deal", {"discount": "disc"}, author="revops@example.com",
                              describe=lambda _ot: [FieldSpec("disc", "Discount", "number")])
        assert client_for(tid, a) is not first and built == [0, 1]
    finally:
        connector.client = original  # type: ignore[method-assign]
