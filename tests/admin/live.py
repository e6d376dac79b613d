"""A live console for browser journeys: the app served over real HTTP on loopback (threaded
werkzeug, as `serve` and the demo run it) with its in-process worker, a HubSpot sandbox sending
signed webhooks to it, the app installed through the sandbox's OAuth and models trained on the
sandbox's history, on the test database (PostgreSQL in CI, SQLite otherwise)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import requests

from app.demo import DEMO_MARKET
from integrations.sandbox.serving import SHUTDOWN_POLL_SECONDS
from tests.conftest import TEST_SECRET, base_config, database_url_for

PRIVATE_APP_TOKEN = "pat-console-journey-0123456789"
MARKET: dict[str, Any] = {**DEMO_MARKET, "n_owners": 4, "n_open_deals": 6}
"""The demo's closed history (on the consistent market a 400-deal history no longer gives a conversion
model that beats the logistic reference, and these journeys need one); few open deals (the backfill)."""
ADMIN_TOKEN = "op-" + "J8wq" * 8


@dataclass
class Live:
    app: Any
    url: str
    sandbox: Any
    tmp: Path

    @property
    def hub_id(self) -> int:
        return int(self.sandbox.hub_id)

    @property
    def tenant_id(self) -> str:
        return f"hubspot-{self.hub_id}"

    def crm(self, method: str, path: str, **kw: Any) -> Any:
        """Call the sandbox's HubSpot API as a separate tool would (a private-app token)."""
        r = requests.request(method, self.sandbox.url + path, timeout=30,
                             headers={"Authorization": f"Bearer {PRIVATE_APP_TOKEN}"}, **kw)
        r.raise_for_status()
        return r.json() if r.content else None

    def install(self) -> None:
        """Install through the OAuth flow (no browser) unless the tenant is installed already."""
        from app.storage import get_db
        from app.tenants import active_installation

        with get_db(self.app).session() as s:
            if active_installation(s, self.tenant_id) is not None:
                return
        r = requests.get(f"{self.url}/oauth/hubspot/install", headers={"Accept": "application/json"}, timeout=60)
        assert r.status_code == 200 and r.json()["tenant"] == self.tenant_id, r.text[:300]

    def open_deal_ids(self) -> list[str]:
        """Ids of the open deals, read from the sandbox's own store (sorted)."""
        store = self.sandbox.control("GET", "store/deals")
        deals = store if isinstance(store, list) else store.get("results") or store.get("objects") or []
        return sorted(str(d["id"]) for d in deals
                      if str((d.get("properties") or {}).get("dealstage")) not in ("closedwon", "closedlost"))

    def rep_edit(self, deal_id: str) -> None:
        """A rep pushes the deal's close date out in HubSpot's UI (a subscribed change: a webhook)."""
        from datetime import UTC, datetime, timedelta

        self.edits = getattr(self, "edits", 0) + 1
        when = datetime.now(UTC).replace(microsecond=0) + timedelta(days=30 + self.edits)
        self.sandbox.ui_change("deals", deal_id, {"closedate": when.isoformat().replace("+00:00", "Z")})

    def train(self, tasks: tuple[str, ...] = ("conversion",)) -> dict[str, Any]:
        from threadpoolctl import threadpool_limits

        from app.pipeline.training import train_tenant

        # One OpenMP thread: on a few hundred rows HistGradientBoosting's per-split parallel regions
        # cost more than they save, and on a loaded CI box (more runnable threads than cores) they
        # spin-wait for descheduled threads: ~4x slower training measured at load 9 on 2 cores.
        with threadpool_limits(limits=1, user_api="openmp"):
            return train_tenant(self.app, self.tenant_id, tasks=tasks, fast=True)

    def wait_for(self, check: Any, timeout: float = 45.0, what: str = "condition") -> Any:
        deadline = time.time() + timeout
        while time.time() < deadline:
            with self.app.app_context():
                value = check()
            if value:
                return value
            time.sleep(0.2)
        raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")


# Seed 3: on seed 7's draw of the merged market (stage pace following the odds, page views as of the
# moment) the fast-trained conversion model lost to the logistic reference in 96% of resamples (AUC 0.660
# vs 0.671) and the gate rightly refused it; seeds 3 and 5 pass it (0.675 vs 0.662, 0.660 vs 0.650). These
# journeys test the console, not the model, so they take a draw on which a model is promoted.
JOURNEY_SEED = 3
JOURNEY_RATE_LIMIT = 10_000
"""Requests per 10-s window the sandbox grants. At a public app's 110, training's history read (~350
calls for 2,000 deals) waited ~28 s in the limiter; these journeys test the console, and the pacing
to HubSpot's 110 is held by tests/platform/test_backfill_batches.py and tests/hubspot/test_batch_client.py."""


@contextmanager
def live_console(tmp: Path, *, seed: int = JOURNEY_SEED) -> Iterator[Live]:
    from werkzeug.serving import make_server

    from app import create_app
    from app.dispatch import get_dispatcher
    from app.storage import get_db
    from integrations.sandbox import run_in_thread

    url = database_url_for(tmp)
    app = create_app(base_config(
        url, START_WORKER=True, JOB_FUNCTION="app.pipeline.batch.process_batch", COALESCE_WINDOW_SECONDS=0.2,
        DATA_DIR=str(tmp), MODEL_DIR=str(tmp / "models"), BACKFILL_ON_INSTALL=False, RECONCILE_ENABLED=False,
        RETRAIN_ENABLED=False, ADMIN_TOKEN=ADMIN_TOKEN,
        SESSION_COOKIE_SECURE=False,  # plain http on loopback: a Secure cookie would never come back
    ))
    server = make_server("127.0.0.1", 0, app, threaded=True)
    base = f"http://127.0.0.1:{server.server_port}"
    app.config["PUBLIC_URL"] = base
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": SHUTDOWN_POLL_SECONDS},
                     name="console-app", daemon=True).start()
    sandbox = run_in_thread(seed=seed, webhook_url=f"{base}/webhooks/hubspot",
                            client_id=app.config["HUBSPOT_CLIENT_ID"], client_secret=TEST_SECRET,
                            private_app_token=PRIVATE_APP_TOKEN, retry_scale=0.002, rate_limit=JOURNEY_RATE_LIMIT,
                            **MARKET)
    app.config["HUBSPOT_API_BASE"] = sandbox.url
    app.config["HUBSPOT_AUTHORIZE_URL"] = f"{sandbox.url}/oauth/authorize"
    try:
        yield Live(app=app, url=base, sandbox=sandbox, tmp=tmp)
    finally:
        get_dispatcher(app).backend.stop()
        sandbox.stop()
        server.shutdown()
        get_db(app).engine.dispose()


@contextmanager
def signed_in_desktop(browser: Any, url: str) -> Iterator[Any]:
    """A desktop-wide window (1280x900) signed in with the operator token (sees every tab, may edit)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{url}/admin/login")
    page.fill("input[name=token]", ADMIN_TOKEN)
    with page.expect_navigation():
        page.press("input[name=token]", "Enter")
    try:
        yield page
    finally:
        context.close()
