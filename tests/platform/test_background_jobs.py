"""The embedded worker's background jobs (app.background): a caller that is about to remove the app's data waits for
them first. Wave 27's vendor replay failed when the model cards' charts, drawn in the background after the demo's
training, were still being written into a data directory the benchmark was deleting."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

from app.background import drain, enqueue

RELEASE = threading.Event()


def write_after(path: str, seconds: float) -> None:
    time.sleep(seconds)
    Path(path).write_text("drawn", encoding="utf-8")


def wait_for_release(path: str) -> None:
    RELEASE.wait(30)
    Path(path).write_text("late", encoding="utf-8")


def embedded(app_factory: Any) -> Any:
    # REDIS_URL unset: the job runs in a thread of this process, whatever the suite's services are.
    return app_factory(REDIS_URL=None)


def test_a_stop_waits_for_a_job_still_writing_into_the_data_directory(app_factory: Any, tmp_path: Path) -> None:
    app = embedded(app_factory)
    assert getattr(app.extensions["dispatcher"].backend, "name", "") != "rq"
    target = tmp_path / "chart.json"
    enqueue(app, "tests.platform.test_background_jobs.write_after", [str(target), 0.5], "model card charts t1")
    assert not target.exists()  # the caller did not wait for it
    assert drain(app, timeout=10) == []
    assert target.read_text(encoding="utf-8") == "drawn"


def test_a_job_that_outlives_the_deadline_is_named_rather_than_waited_for_forever(app_factory: Any,
                                                                                   tmp_path: Path) -> None:
    app = embedded(app_factory)
    RELEASE.clear()
    target = tmp_path / "report.json"
    enqueue(app, "tests.platform.test_background_jobs.wait_for_release", [str(target)], "learning report t2")
    started = time.monotonic()
    try:
        assert drain(app, timeout=0.3) == ["learning report t2"]
        assert time.monotonic() - started < 5
    finally:
        RELEASE.set()
    assert drain(app, timeout=10) == []
    assert target.read_text(encoding="utf-8") == "late"


def test_periodic_jobs_go_through_the_same_queue_and_are_drained_too(app_factory: Any, tmp_path: Path,
                                                                      monkeypatch: Any) -> None:
    from app import scheduler

    app = embedded(app_factory)
    ran: list[tuple[str, str]] = []

    def slow_periodic(tenant_id: str, name: str) -> None:
        time.sleep(0.3)
        ran.append((tenant_id, name))

    monkeypatch.setattr(scheduler, "run_periodic", slow_periodic)
    scheduler._enqueue_default(app)("t3", "retrain")
    assert drain(app, timeout=10) == [] and ran == [("t3", "retrain")]
