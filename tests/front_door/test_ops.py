"""/healthz, /metrics, structured logs, and an idle server that writes nothing."""

from __future__ import annotations

import json
import logging
import time

import pytest

from app.logs import JsonFormatter
from tests.conftest import count_rows, deal_event, install_tenant


def test_healthz_is_200_with_database_and_queue_status(client):
    r = client.get("/healthz")
    assert r.status_code == 200
    assert r.json["status"] == "ok"
    assert r.json["checks"]["database"]["ok"] is True
    assert r.json["checks"]["queue"]["backend"] == "inprocess"


def test_healthz_is_503_naming_the_database_when_it_is_down(app_factory, tmp_path):
    app = app_factory(DATABASE_URL="postgresql+psycopg://nobody@127.0.0.1:1/none?connect_timeout=1")
    r = app.test_client().get("/healthz")
    assert r.status_code == 503
    assert r.json["down"] == ["database"]
    # anyone may ask /healthz: the driver's text (host, port, user, database) stays in the server log
    error = r.json["checks"]["database"]["error"]
    assert error.endswith("(details in the server log)")
    assert "127.0.0.1" not in r.get_data(as_text=True) and "nobody" not in r.get_data(as_text=True)


def test_healthz_is_503_naming_the_queue_when_redis_is_down(app_factory):
    app = app_factory(REDIS_URL="redis://127.0.0.1:1/0")
    r = app.test_client().get("/healthz")
    assert r.status_code == 503
    assert "queue" in r.json["down"]
    assert "127.0.0.1" not in r.get_data(as_text=True)


def test_metrics_expose_webhook_inbox_and_job_counters(app, webhook):
    install_tenant(app, "62515")
    webhook.post_events([deal_event(62515, 1, event_id=1)])
    from app.dispatch import get_dispatcher

    get_dispatcher(app).backend.run_due()
    text = app.test_client().get("/metrics").data.decode()
    for name in ("agentic_sales_webhook_requests_total", "agentic_sales_webhook_events_total",
                 "agentic_sales_inbox_rows_total", "agentic_sales_jobs_total",
                 "agentic_sales_webhook_ack_seconds_bucket", "agentic_sales_job_seconds_bucket"):
        assert name in text


def test_metrics_with_a_token_configured_answer_only_the_scraper_that_sends_it(app_factory):
    app = app_factory(METRICS_TOKEN="scrape-9f2c41d7e3")
    client = app.test_client()
    refused = [client.get("/metrics"),
               client.get("/metrics", headers={"Authorization": "Bearer scrape-wrong"}),
               client.get("/metrics", headers={"Authorization": "Basic scrape-9f2c41d7e3"}),
               client.get("/metrics?token=scrape-9f2c41d7e3")]
    for response in refused:
        assert response.status_code == 401
        assert response.get_json()["error"] == "metrics_token_required"
        assert "METRICS_TOKEN" in response.get_json()["message"]
        assert response.headers["WWW-Authenticate"].startswith("Bearer")
        assert b"agentic_sales_" not in response.data
    ok = client.get("/metrics", headers={"Authorization": "Bearer scrape-9f2c41d7e3"})
    assert ok.status_code == 200
    assert "agentic_sales_webhook_requests_total" in ok.data.decode()


def test_metrics_without_a_token_configured_stay_open_for_a_private_network(app_factory):
    response = app_factory().test_client().get("/metrics")
    assert response.status_code == 200
    assert "agentic_sales_jobs_total" in response.data.decode()


@pytest.mark.embedded
def test_an_idle_server_writes_no_rows(app_factory):
    app = app_factory(START_WORKER=True, SWEEP_INTERVAL_SECONDS=0.1)
    from app.dispatch import get_dispatcher

    get_dispatcher(app).backend.start()
    before = count_rows(app)
    time.sleep(0.8)  # several sweeper passes
    assert count_rows(app) == before
    assert get_dispatcher(app).backend.ping()["worker_alive"]


def test_logs_are_json_with_tenant_delivery_and_job_ids():
    rec = logging.LogRecord("x", logging.INFO, __file__, 1, "job completed", None, None)
    rec.tenant_id, rec.delivery_id, rec.job_id = "t1", "d1", "j1"
    out = json.loads(JsonFormatter().format(rec))
    assert (out["tenant_id"], out["delivery_id"], out["job_id"], out["msg"]) == ("t1", "d1", "j1", "job completed")
