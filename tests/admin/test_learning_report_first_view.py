"""A tenant's first learning report is computed on the job queue, not in the view that asks for it: revenue ops gets
the page at once with "computing since HH:MM", then the report; two first views (two web processes, or a view and
the scheduler's refresh) compute it once; a computation that fails shows its error on the page and can be retried."""

from __future__ import annotations

import re
import threading
import time
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from tests.admin.conftest import ADMIN_TOKEN, crm_session, operator_session
from tests.admin.test_learning_report_cache import report_of, settled, view
from tests.learning.logged import log_decisions

A = "hubspot-101"
PAGE = f"/admin/t/{A}/learning"


@pytest.fixture
def gate(monkeypatch: Any) -> Any:
    """Holds every learning report computation until the test opens the gate (a large tenant's seconds, on demand);
    counts the computations that started."""
    import learning.report

    real = learning.report.summarise
    opened = threading.Event()
    started: list[int] = []

    def held(rows: Any, **kw: Any) -> Any:
        started.append(len(rows))
        assert opened.wait(30), "the test never opened the gate"
        return real(rows, **kw)

    monkeypatch.setattr(learning.report, "summarise", held)
    opened.started = started  # type: ignore[attr-defined]
    yield opened
    opened.set()  # a computation still held must not outlive the test's database


def first_view(app: Any) -> tuple[str, float]:
    client = crm_session(app.test_client(), A, "ann@a.example")
    began = time.perf_counter()
    resp = client.get(PAGE)
    seconds = time.perf_counter() - began
    assert resp.status_code == 200
    return resp.get_data(as_text=True), seconds


def wait_for(check: Any, what: str, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.02)


def test_a_first_view_answers_at_once_says_since_when_it_computes_and_then_shows_the_report(console, gate):
    log_decisions(console, A, n=10)
    page, seconds = first_view(console)
    assert seconds < 1.0
    assert 'id="report-computing"' in page and "Computing this report since" in page
    since = re.search(r'Computing this report since\s*<time datetime="([^"]+)">(\d\d:\d\d) UTC</time>', page)
    assert since, page
    assert abs(datetime.fromisoformat(since.group(1)) - datetime.now(UTC)) < timedelta(minutes=1)
    assert "this page refreshes every" in page and 'data-computing="true"' in page
    assert 'class="learning"' not in page  # no report yet, and no empty one pretending to be it
    gate.set()
    done = view(console)
    assert 'id="report-fresh"' in done and "Computed just now" in done and "10 decisions" in done
    assert 'data-computing="false"' in done and "<script>" not in done  # nothing left to poll for
    assert gate.started == [10]


def test_two_first_views_at_once_and_the_schedulers_refresh_start_one_computation(console, app_factory, gate):
    from app.admin.learning_report import refresh

    log_decisions(console, A, n=10)
    other = app_factory(ADMIN_TOKEN=ADMIN_TOKEN)  # a second web process: nothing shared but the database
    pages: list[str] = []

    def look(app: Any) -> None:
        pages.append(first_view(app)[0])

    views = [threading.Thread(target=look, args=(app,)) for app in (console, other, console)]
    for t in views:
        t.start()
    for t in views:
        t.join(10)
    assert len(pages) == 3 and all('id="report-computing"' in p for p in pages)
    wait_for(lambda: gate.started, "the computation to start")
    assert refresh(console, A) == {"tenant": A, "computed": [], "up_to_date": [], "computing_elsewhere": ["deal"]}
    gate.set()
    assert "10 decisions" in view(other) and "10 decisions" in view(console)
    assert gate.started == [10]


def test_a_computation_under_way_is_shown_with_the_last_report_and_its_age(console, gate):
    from sqlalchemy import update

    from app.admin import report_jobs
    from app.admin.learning_report import cache_kind
    from app.storage import get_db
    from app.storage.models import ReportCache

    log_decisions(console, A, n=10)
    gate.set()
    before = report_of(view(console))
    with get_db(console).session() as s:
        s.execute(update(ReportCache).where(ReportCache.tenant_id == A)
                  .values(computed_at=datetime.now(UTC) - timedelta(hours=3, minutes=5)))
    log_decisions(console, A, n=1, outcomes=False)  # new data: the stored report is out of date
    assert report_jobs.take(console, A, cache_kind("deal")) is not None  # a worker's refresh is under way
    page, seconds = first_view(console)
    assert seconds < 1.0
    assert 'id="report-computing"' in page and "Computing a newer report since" in page
    assert "(3 hours ago)" in page and report_of(page).startswith(before.split("</div>", 1)[0])


def test_a_failing_computation_shows_its_error_on_the_page_and_the_retry_computes_it(console, monkeypatch):
    import learning.report

    real = learning.report.summarise
    calls: list[int] = []

    def broken(rows: Any, **kw: Any) -> Any:
        calls.append(len(rows))
        if len(calls) == 1:
            raise ValueError("propensities missing from 3 logged decisions")
        return real(rows, **kw)

    monkeypatch.setattr(learning.report, "summarise", broken)
    log_decisions(console, A, n=10)
    client = crm_session(console.test_client(), A, "ann@a.example")
    page = settled(client, PAGE)
    assert 'id="report-failed"' in page
    assert "ValueError: propensities missing from 3 logged decisions" in page
    assert "No report of this account has been computed yet" in page and 'id="report-retry"' in page
    assert settled(client, PAGE) and calls == [1 * 10]  # a reload shows the error again, never recomputes
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
    resp = client.post(f"{PAGE}/retry", data={"csrf_token": token, "object_type": "deal"})
    assert resp.status_code == 303 and resp.headers["Location"].endswith(f"{PAGE}?object_type=deal")
    page = settled(client, PAGE)
    assert 'id="report-fresh"' in page and "10 decisions" in page and "report-failed" not in page
    assert calls == [10, 10]


def test_a_retry_without_the_forms_token_changes_nothing(console, monkeypatch):
    import learning.report

    monkeypatch.setattr(learning.report, "summarise", lambda rows, **kw: (_ for _ in ()).throw(KeyError("arm")))
    log_decisions(console, A, n=10)
    client = crm_session(console.test_client(), A, "ann@a.example")
    assert "KeyError: &#39;arm&#39;" in settled(client, PAGE)
    assert client.post(f"{PAGE}/retry", data={"object_type": "deal"}).status_code == 400
    assert 'id="report-failed"' in settled(client, PAGE)


def test_new_data_after_a_failure_is_worth_another_try_without_pressing_retry(console, monkeypatch):
    import learning.report

    real = learning.report.summarise
    calls: list[int] = []

    def fails_once(rows: Any, **kw: Any) -> Any:
        calls.append(len(rows))
        if len(calls) == 1:
            raise RuntimeError("out of memory")
        return real(rows, **kw)

    monkeypatch.setattr(learning.report, "summarise", fails_once)
    log_decisions(console, A, n=10)
    assert 'id="report-failed"' in view(console)
    log_decisions(console, A, n=1, outcomes=False)
    page = view(console)
    assert 'id="report-fresh"' in page and calls == [10, 11]


def test_another_accounts_user_cannot_retry_this_accounts_report(console):
    client = crm_session(console.test_client(), "hubspot-202", "bob@b.example")
    page = client.get("/admin/t/hubspot-202/learning").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
    assert client.post(f"{PAGE}/retry", data={"csrf_token": token}).status_code in (403, 404)


def test_a_computation_whose_worker_died_is_started_again_once_its_lease_expires(console, computed):
    from app.admin import report_jobs
    from app.admin.learning_report import cache_kind

    log_decisions(console, A, n=10)
    long_ago = datetime.now(UTC) - timedelta(seconds=console.config.get("REPORT_COMPUTE_LEASE_SECONDS", 900) + 5)
    assert report_jobs.take(console, A, cache_kind("deal"), now=long_ago) is not None  # then the worker died
    assert "10 decisions" in view(console)
    assert computed == [10]


def test_a_live_lease_held_elsewhere_starts_nothing(console, computed):
    from app.admin import report_jobs
    from app.admin.learning_report import cache_kind

    log_decisions(console, A, n=10)
    held = report_jobs.take(console, A, cache_kind("deal"))
    assert held is not None
    page, _ = first_view(console)
    assert 'id="report-computing"' in page
    time.sleep(0.3)
    assert computed == []  # the holder computes it; this view only says so
    report_jobs.release(console, A, cache_kind("deal"), "not-the-holders-token")
    assert report_jobs.running(console, A, cache_kind("deal")) is not None  # only its holder gives it back
    report_jobs.release(console, A, cache_kind("deal"), held.token)
    assert "10 decisions" in view(console) and computed == [10]


def test_with_the_job_queue_down_the_first_view_says_so_instead_of_failing(app_factory, computed):
    from tests.admin.conftest import set_installer
    from tests.conftest import install_tenant

    app = app_factory(ADMIN_TOKEN=ADMIN_TOKEN, REDIS_URL="redis://127.0.0.1:1/0", START_WORKER=False)
    install_tenant(app, "101")
    set_installer(app, A, "ann@a.example")
    log_decisions(app, A, n=10)
    page = operator_session(app.test_client()).get(PAGE).get_data(as_text=True)
    assert 'id="report-failed"' in page and "the job queue did not accept the computation" in page
    assert "check that Redis and a worker" in page and computed == []


@pytest.mark.parametrize(("seconds", "words"), [(5, "just now"), (59, "just now"), (60, "1 minute ago"),
                                                (125, "2 minutes ago"), (3 * 3600 + 300, "3 hours ago"),
                                                (86400, "1 day ago"), (9 * 86400, "9 days ago")])
def test_an_age_reads_as_revenue_ops_says_it(seconds, words):
    from app.admin.learning_page import ago

    assert ago(seconds) == words


@pytest.mark.redis
@pytest.mark.postgres
def test_on_rq_the_first_view_queues_one_job_and_a_worker_computes_it(app_factory, computed):
    from rq import SimpleWorker
    from rq.serializers import JSONSerializer

    from app.dispatch import get_dispatcher
    from tests.admin.conftest import set_installer
    from tests.conftest import flush_test_redis, install_tenant, need, redis_url

    need("postgres")
    need("redis")
    flush_test_redis()
    app = app_factory(ADMIN_TOKEN=ADMIN_TOKEN, REDIS_URL=redis_url(), START_WORKER=False)
    install_tenant(app, "101")
    set_installer(app, A, "ann@a.example")
    log_decisions(app, A, n=10)
    queue = get_dispatcher(app).backend.queue
    for _ in range(3):  # three views (a reload, a colleague) before any worker took it
        page, seconds = first_view(app)
        assert seconds < 1.0 and 'id="report-computing"' in page
    jobs = [j for j in queue.get_jobs() if j.func_name == "app.admin.learning_report.run_job"]
    assert len(jobs) == 1 and jobs[0].args[:2] == [A, "deal"]
    with app.app_context():
        SimpleWorker([queue], connection=queue.connection, serializer=JSONSerializer).work(burst=True)
    assert computed == [10]
    page = view(app)
    assert 'id="report-fresh"' in page and "10 decisions" in page
