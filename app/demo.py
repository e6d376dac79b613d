"""`agentic-sales demo`: the whole product on embedded defaults, in one process, on loopback.

Starts a CRM sandbox (a seeded simulated market) and the app, installs the app through the
real OAuth flow, trains the first models from the sandbox's deal history, backfills the open
deals, then edits deals "as a rep" so signed webhooks flow, and waits until every changed deal
is enriched and written back. The summary (DESIGN.md "Demo summary") is read back from the
sandbox through the CRM's API, not from the app's own bookkeeping.

The HubSpot sandbox is built in; other CRMs plug in a sandbox driver named in
`app/connectors/sandboxes.json` (configuration data: CRM name -> "module:attribute"), an object
with `start`, `after_install`, `change`, `read_fields`, `read_back`, `control`, `stats`,
`preview_path`, `stop`, `url`, `account_id`, `verify`, `receipt_sources` and `check_faults`
(see the driver module of each sandbox in integrations/sandbox/).
"""

from __future__ import annotations

import json
import logging
import math
import os
import random
import secrets
import statistics
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, cast

import requests
from werkzeug.serving import make_server

from integrations.base import OUTPUT_FIELDS

log = logging.getLogger(__name__)

DEMO_MARKET = {"n_companies": 300, "n_owners": 8, "n_open_deals": 40, "n_closed_deals": 1000}
"""A market small enough that install, training, backfill and the changes finish in minutes, and
large enough for the scores to learn something: with 400 closed deals and 120 companies the churn
model (customers observed every quarter, labelled by churn within a year) had 50 customers and
ranked no better than its prior; at this size conversion, price and churn pass their training
gates on seed 7 (CLV stays absent when it ranks no better than chance)."""

SMALL_MARKET_CLOSED_DEALS = 400
"""Closed deals of the quick market tests use (`DemoOptions(closed_deals=...)`): install in seconds."""

DEMO_TOKEN_TTL_SECONDS = 30
"""Access-token lifetime in the demo sandbox: short, so the demo shows token refreshes."""

APP_TASK_MARKER = "[agentic-sales]"


@dataclass
class DemoOptions:
    changes: int = 30
    seed: int = 7
    crm: str = "hubspot"
    open_deals: int = DEMO_MARKET["n_open_deals"]
    """Size of the demo market's open book (the backfill reads every one)."""
    closed_deals: int = DEMO_MARKET["n_closed_deals"]
    """Closed deals of the market's history (what the models train on; companies scale with it)."""
    faults: tuple[str, ...] = ()
    """Sandbox fault profiles switched on for the scripted changes (e.g. ambiguous-writes)."""
    data_dir: Path = field(default_factory=lambda: Path(os.environ.get("AGENTIC_SALES_DATA_DIR")
                                                        or Path.home() / ".agentic-sales" / "demo"))
    host: str = "127.0.0.1"
    port: int = 0
    timeout: float = 240.0


def market_for(open_deals: int, closed_deals: int = DEMO_MARKET["n_closed_deals"]) -> dict[str, int]:
    """The demo market with `open_deals` open deals and `closed_deals` of history (companies grow with both)."""
    per_company = DEMO_MARKET["n_closed_deals"] / DEMO_MARKET["n_companies"]
    return {**DEMO_MARKET, "n_open_deals": open_deals, "n_closed_deals": closed_deals,
            "n_companies": max(int(closed_deals / per_company), open_deals // 4, 10)}


class DemoInputError(ValueError):
    """A demo option the sandbox cannot honour (e.g. an unknown fault name); exit code 2."""


SANDBOX_DRIVERS = Path(__file__).resolve().parent / "connectors" / "sandboxes.json"
"""CRM name -> "module:attribute" of its demo sandbox driver (configuration data)."""


def sandbox_driver(crm: str) -> Any:
    """A new sandbox driver for `crm`, or None for the built-in HubSpot sandbox."""
    from werkzeug.utils import import_string

    table = json.loads(SANDBOX_DRIVERS.read_text()) if SANDBOX_DRIVERS.exists() else {}
    if crm not in table:
        return None
    return import_string(table[crm].replace(":", "."))()


def demo_secrets(data_dir: Path) -> dict[str, str]:
    """Generate the demo's secrets once and keep them in its data directory."""
    from app.storage.crypto import generate_key

    path = data_dir / "secrets.json"
    data_dir.mkdir(parents=True, exist_ok=True)
    if path.exists():
        return json.loads(path.read_text())
    values = {"TOKEN_KEY": generate_key(), "SECRET_KEY": secrets.token_urlsafe(32),
              "HUBSPOT_CLIENT_ID": "demo-" + secrets.token_hex(8),
              "HUBSPOT_CLIENT_SECRET": secrets.token_urlsafe(24)}
    path.write_text(json.dumps(values, indent=2))
    path.chmod(0o600)
    return values


DEMO_DATABASE = "demo.db"
"""The demo's SQLite file in its data directory."""

DEMO_SANDBOX_FILE = "sandbox.json"
"""Where the running demo's sandbox answers (written at start; stale once the demo stops)."""


def demo_config(data_dir: Path) -> dict[str, Any]:
    """Configuration that points a command at a demo's data directory (its database and the
    secrets it generated), or {} when `data_dir` holds no demo. Lets `AGENTIC_SALES_DATA_DIR`
    alone aim the CLI at a demo's tenants."""
    db, keys, sandbox = data_dir / DEMO_DATABASE, data_dir / "secrets.json", data_dir / DEMO_SANDBOX_FILE
    if not db.exists() or not keys.exists():
        return {}
    out = {"DATABASE_URL": f"sqlite:///{db}", "SANDBOX_MODE": True, "DATA_DIR": str(data_dir),
           "MODEL_DIR": str(data_dir / "models"), **json.loads(keys.read_text())}
    if sandbox.exists():  # where the (last) demo's sandbox answers: token refreshes go there too
        out.update(json.loads(sandbox.read_text()).get("config") or {})
    return out


def record_sandbox(data_dir: Path, crm: str, url: str, config: Mapping[str, Any]) -> None:
    """Note where this demo's sandbox answers, for commands pointed at the data directory."""
    plain = {k: v for k, v in config.items() if isinstance(v, str | int | float | bool) and "SECRET" not in k}
    (data_dir / DEMO_SANDBOX_FILE).write_text(json.dumps({"crm": crm, "url": url, "config": plain}, indent=2))


class Demo:
    """One demo run; `start`, `install`, `train`, `backfill`, `change`, `wait`, `summary`."""

    def __init__(self, options: DemoOptions, progress: Callable[[str], None] | None = None) -> None:
        self.opt = options
        self.say = progress or (lambda msg: log.info(msg))
        self.app: Any = None
        self.server: Any = None
        self.sandbox: Any = None
        self.url = ""
        self.tenant_id = ""
        self.backfilled = 0
        self.changed: dict[str, float] = {}
        self.changes_sent = 0
        self.read_token = "pat-demo-" + secrets.token_hex(12)
        """A private-app token for reading the sandbox back (a separate tool, as an admin would)."""
        self.driver: Any = sandbox_driver(options.crm)

    @property
    def account_id(self) -> str:
        return str(self.driver.account_id if self.driver is not None else self.sandbox.hub_id)

    # -- start -----------------------------------------------------------------------------
    def start(self) -> None:
        from app import create_app
        from app.storage import migrate
        from integrations.sandbox import run_in_thread

        data = self.opt.data_dir
        data.mkdir(parents=True, exist_ok=True)
        keys = demo_secrets(data)
        db_url = f"sqlite:///{data / DEMO_DATABASE}"
        migrate.upgrade(db_url)
        self.app = create_app({
            "DATABASE_URL": db_url, "REDIS_URL": None, "DATA_DIR": str(data), "MODEL_DIR": str(data / "models"),
            "SANDBOX_MODE": True, "START_WORKER": True, "HUBSPOT_BACKFILL_ON_INSTALL": False,
            "RECONCILE_ENABLED": False, "RETRAIN_ENABLED": False, **keys,
            # Plain http on loopback: a Secure session cookie would never come back.
            "SESSION_COOKIE_SECURE": False,
            # The demo shows what the app does on every deal; lift is measured by `simulate`.
            "HOLDOUT_SHARE_OVERRIDE": 0.0,
        })
        self.server = make_server(self.opt.host, self.opt.port, self.app, threaded=True)
        self.url = f"http://{self.opt.host}:{self.server.server_port}"
        self.app.config["PUBLIC_URL"] = self.url
        threading.Thread(target=self.server.serve_forever, name="demo-app", daemon=True).start()
        if self.driver is not None:
            driver_config = self.driver.start(seed=self.opt.seed, app_url=self.url,
                                              market=market_for(self.opt.open_deals, self.opt.closed_deals))
            self.app.config.update(driver_config)
            record_sandbox(data, self.opt.crm, self.driver.url, driver_config)
            self.sandbox = self.driver
            log.info("app on %s, %s sandbox on %s (seed %s)", self.url, self.opt.crm, self.driver.url, self.opt.seed)
            self.say(f"Started the app and a simulated {self.opt.crm.title()} account (market seed {self.opt.seed}).")
            return
        self.sandbox = run_in_thread(
            seed=self.opt.seed, webhook_url=f"{self.url}/webhooks/hubspot", client_id=keys["HUBSPOT_CLIENT_ID"],
            client_secret=keys["HUBSPOT_CLIENT_SECRET"], access_token_ttl=DEMO_TOKEN_TTL_SECONDS,
            retry_scale=0.002, private_app_token=self.read_token, **cast(Any, market_for(self.opt.open_deals, self.opt.closed_deals)))
        self.app.config["HUBSPOT_API_BASE"] = self.sandbox.url
        self.app.config["HUBSPOT_AUTHORIZE_URL"] = f"{self.sandbox.url}/oauth/authorize"
        record_sandbox(data, "hubspot", self.sandbox.url, {"HUBSPOT_API_BASE": self.sandbox.url,
                                                           "HUBSPOT_AUTHORIZE_URL": f"{self.sandbox.url}/oauth/authorize"})
        log.info("app on %s, sandbox on %s (seed %s)", self.url, self.sandbox.url, self.opt.seed)
        self.say(f"Started the app and a simulated HubSpot account (market seed {self.opt.seed}).")

    def stop(self) -> None:
        from app.dispatch import get_dispatcher

        if self.app is not None:
            get_dispatcher(self.app).backend.stop()
        if self.sandbox is not None:
            self.sandbox.stop()
        if self.server is not None:
            self.server.shutdown()

    # -- install -----------------------------------------------------------------------------
    def install(self) -> str:
        """Install through the real OAuth flow: our install URL -> sandbox consent -> callback."""
        from app.tenants import tenant_id_for
        from app.tenants.uninstall import uninstall

        stale = tenant_id_for(self.opt.crm, self.account_id, self.app)
        try:
            uninstall(stale, self.app, revoke=False)  # a previous run's tenant, against an old sandbox
        except Exception:  # nothing to remove on a first run
            pass
        import shutil

        shutil.rmtree(Path(self.app.config["MODEL_DIR"]) / stale, ignore_errors=True)
        verify = self.driver.verify if self.driver is not None else True  # the sandbox's own CA
        resp = requests.get(f"{self.url}/oauth/{self.opt.crm}/install", timeout=60, allow_redirects=True,
                            headers={"Accept": "application/json"}, verify=verify)
        if resp.status_code != 200:
            raise RuntimeError(f"install failed: HTTP {resp.status_code} {resp.text[:300]}")
        body = resp.json()
        self.tenant_id = body["tenant"]
        if self.driver is not None:
            self.driver.after_install(app_config=self.app.config)
        else:
            self._map_discount_field()
        self.say(f"Installed the app in account {body['account_id']} through OAuth; "
                 f"{len(body.get('fields_created') or [])} output fields created.")
        return self.tenant_id

    def _map_discount_field(self) -> None:
        """What revenue ops does once: map the portal's negotiated-discount field for pricing."""
        from app import settings

        # Through the settings service, like revenue ops would: checked against the sandbox
        # portal's properties, versioned and audited.
        settings.set_mappings(self.app, self.tenant_id, "deal", {"discount": "discount_percent"},
                              author="demo (revenue ops)")

    def train(self) -> dict[str, Any]:
        from app.pipeline.training import train_tenant
        from app.site.recap import training_sentences

        results = train_tenant(self.app, self.tenant_id, fast=True, progress=lambda t: log.info("training %s", t))
        for sentence in training_sentences(results):
            self.say(sentence)
        return results

    def backfill(self) -> int:
        from app.sync import backfill

        result = backfill(self.tenant_id, self.app)
        self.backfilled = int(result["records_backfilled"])
        self.say(f"Scoring the {self.backfilled} open deals already in the account.")
        return self.backfilled

    def drain(self, tick: Callable[[int, int], None] | None = None) -> None:
        """Wait until the backfill's jobs are done, so the changes' latency is their own."""
        from sqlalchemy import func, select

        from app.storage import get_db
        from app.storage.models import RecordJob

        deadline = time.time() + self.opt.timeout
        while time.time() < deadline:
            with get_db(self.app).session() as s:
                busy = s.execute(select(func.count()).select_from(RecordJob).where(
                    RecordJob.tenant_id == self.tenant_id, RecordJob.state != "idle")).scalar_one()
            if tick:
                tick(self.backfilled - busy, self.backfilled)
            if busy == 0:
                return
            time.sleep(0.5)

    # -- changes -------------------------------------------------------------------------------
    def arm(self) -> None:
        """Switch on the requested faults and mark the sandbox's request counter: what the app
        asks of the CRM from here on is what `crm_requests` reports."""
        if self.opt.faults:
            try:
                self.sandbox.control("POST", "faults/profile", faults=list(self.opt.faults))
            except Exception as exc:
                raise DemoInputError(f"--faults {','.join(self.opt.faults)}: the sandbox refused: {exc}") from None
            self.say(f"sandbox faults on: {', '.join(self.opt.faults)}")
        try:
            self.sandbox.control("POST", "counters/mark")
            self.counting = True
        except Exception:  # an older sandbox without request counters: crm_requests is null
            self.counting = False

    def counters(self) -> dict[str, Any]:
        """The sandbox's own counts (requests by the app since the mark, duplicates it holds)."""
        if not getattr(self, "counting", False):
            return {}
        try:
            return dict(self.sandbox.control("GET", "counters"))
        except Exception:
            return {}

    def change(self, n: int) -> list[str]:
        """Edit open deals as a rep would: two edits per deal, seconds apart (they coalesce)."""
        if self.driver is not None:
            started = time.time()
            picked = self.driver.change(n, seed=self.opt.seed)
            self.changed = {rid: started for rid in picked}
            self.changes_sent = n
            self.say(f"Edited {len(picked)} deals as a rep would ({n} changes); notifications are flowing.")
            return list(picked)
        store = self.sandbox.control("GET", "store/deals")
        deals = store if isinstance(store, list) else store.get("results") or store.get("objects") or []
        open_ids = sorted(str(d["id"]) for d in deals
                          if str((d.get("properties") or {}).get("dealstage")) not in ("closedwon", "closedlost"))
        rng = random.Random(self.opt.seed)
        per_deal = 2
        picked = rng.sample(open_ids, min(len(open_ids), math.ceil(n / per_deal)))
        current = {str(d["id"]): d.get("properties") or {} for d in deals}
        sent = 0
        for i in range(n):
            deal_id = picked[i % len(picked)]
            props = self._edit(current[deal_id], i % len(picked), i // len(picked))
            self.changed.setdefault(deal_id, time.time())
            self.sandbox.ui_change("deals", deal_id, props)
            sent += 1
        self.changes_sent = sent
        self.say(f"Edited {len(picked)} deals as a rep would ({sent} changes); signed webhooks are flowing.")
        return picked

    def _edit(self, props: dict[str, Any], index: int, round_no: int) -> dict[str, str]:
        """A rep's edit that really changes the deal: the amount up or down by a fifth, then the
        close date pushed out a month (an edit to the same value would rightly change nothing)."""
        if round_no % 2 == 0:
            amount = float(props.get("amount") or 20_000)
            return {"amount": str(round(amount * (1.25 if index % 2 == 0 else 0.8), 2))}
        pushed = datetime.now(UTC).replace(microsecond=0) + timedelta(days=30 + index)
        return {"closedate": pushed.isoformat().replace("+00:00", "Z")}

    # -- read back ---------------------------------------------------------------------------
    def _sdk(self) -> Any:
        from hubspot import HubSpot
        from urllib3.util.retry import Retry

        # The demo shares the portal's 110 requests / 10 s with the app: wait out 429s politely.
        # It reads only (batch reads are POSTs), so it may also re-send on the sandbox's injected 5xx.
        retry = Retry(total=12, status_forcelist=(429, 500, 502, 503, 504), allowed_methods=None, backoff_factor=0.5,
                      respect_retry_after_header=True)
        return HubSpot(access_token=self.read_token, host=self.sandbox.url, base_url=self.sandbox.url, retry=retry)

    def read_fields(self, ids: list[str] | None = None) -> dict[str, dict[str, Any]]:
        """The output fields of the changed deals, or of `ids` among them (one batch read per 100)."""
        wanted = sorted(self.changed) if ids is None else sorted(ids)
        if self.driver is not None:
            return self.driver.read_fields(wanted)  # type: ignore[no-any-return]
        from hubspot.crm.objects import BatchReadInputSimplePublicObjectId, SimplePublicObjectId

        sdk = self._sdk()
        out: dict[str, dict[str, Any]] = {}
        self.written_at = getattr(self, "written_at", {})
        for part in _chunks(wanted, BATCH_READ_MAX):
            body = BatchReadInputSimplePublicObjectId(inputs=[SimplePublicObjectId(id=i) for i in part],
                                                      properties=list(OUTPUT_FIELDS),
                                                      properties_with_history=["ai_enriched_at"])
            for obj in sdk.crm.objects.batch_api.read("deals", body).results or ():
                out[obj.id] = {k: v for k, v in (obj.properties or {}).items() if k in OUTPUT_FIELDS and v}
                history = (obj.properties_with_history or {}).get("ai_enriched_at") or []
                self.written_at[obj.id] = [(_epoch(h.value), h.timestamp.timestamp()) for h in history
                                           if h.value and h.timestamp is not None]
        return out

    def _first_write_after(self, deal_id: str, changed_at: float) -> float | None:
        """When the CRM stored the first write-back after a change (its property history's own
        timestamp), or None when the CRM keeps no history for us (then the read-back time counts)."""
        times = [at for value, at in getattr(self, "written_at", {}).get(deal_id, ()) if value >= changed_at]
        return min(times) if times else None

    def read_back(self) -> dict[str, dict[str, Any]]:
        """Output fields, app tasks and notes of the changed deals, through the CRM's API."""
        if self.driver is not None:
            return self.driver.read_back(sorted(self.changed))  # type: ignore[no-any-return]
        from hubspot.crm.objects import BatchReadInputSimplePublicObjectId, SimplePublicObjectId

        sdk = self._sdk()
        ids = sorted(self.changed)
        out: dict[str, dict[str, Any]] = {i: {"fields": {}, "tasks": [], "notes": []} for i in ids}
        for deal_id, fields in self.read_fields().items():
            out[deal_id]["fields"] = fields
        for deal_id in ids:
            deal = sdk.crm.objects.basic_api.get_by_id("deals", deal_id, associations=["tasks", "notes"])
            assoc = deal.associations or {}
            for kind, prop in (("tasks", ["hs_task_subject", "hs_task_body", "hs_task_status"]),
                               ("notes", ["hs_note_body"])):
                found = assoc.get(kind)
                linked = [r.id for r in (found.results if found is not None else [])]
                if not linked:
                    continue
                rows = [r for part in _chunks(linked, BATCH_READ_MAX)
                        for r in sdk.crm.objects.batch_api.read(kind, BatchReadInputSimplePublicObjectId(
                            inputs=[SimplePublicObjectId(id=i) for i in part], properties=prop)).results or []]
                for r in rows:
                    p = r.properties or {}
                    if kind == "tasks" and APP_TASK_MARKER in (p.get("hs_task_body") or "") + (
                            p.get("hs_task_subject") or ""):
                        out[deal_id]["tasks"].append({"id": r.id, "subject": p.get("hs_task_subject"),
                                                      "body": p.get("hs_task_body") or ""})
                    if kind == "notes" and APP_TASK_MARKER in (p.get("hs_note_body") or ""):
                        out[deal_id]["notes"].append(r.id)
        return out

    def wait(self, tick: Callable[[int, int], None] | None = None) -> dict[str, float]:
        """Wait until every changed deal shows output fields newer than its change; returns
        record id -> latency (webhook receipt -> write-back stored in the CRM, by the CRM's own
        property history; the read-back time for a CRM sandbox without one), in ms."""
        deadline = time.time() + self.opt.timeout
        latencies: dict[str, float] = {}
        receipts = {}
        while time.time() < deadline:
            receipts = self._receipts()
            # Only the deals still waiting: this reader shares the process (and its interpreter
            # lock) with the app it measures, and re-reading every written deal each second took
            # a third as much CPU as the pipeline itself. The latency is the CRM's own timestamp.
            seen = self.read_fields([d for d in self.changed if d not in latencies])
            now = time.time()
            for deal_id, fields in seen.items():
                at = fields.get("ai_enriched_at")
                if deal_id in latencies or not at:
                    continue
                if _epoch(at) >= self.changed[deal_id] and deal_id in receipts:
                    # Webhook receipt -> write-back: the CRM's timestamp of our write where it keeps
                    # one (polling once a second would add up to a second that is the demo's own).
                    written = self._first_write_after(deal_id, self.changed[deal_id]) or now
                    latencies[deal_id] = max(0.0, (min(written, now) - receipts[deal_id]) * 1000.0)
            if tick:
                tick(len(latencies), len(self.changed))
            if len(latencies) == len(self.changed):
                break
            time.sleep(1.0)
        return latencies

    def _receipts(self) -> dict[str, float]:
        """First webhook receipt after each deal's change (from the inbox)."""
        from sqlalchemy import func, select

        from app.storage import get_db
        from app.storage.models import InboxEvent

        out = {}
        with get_db(self.app).session() as s:
            rows = s.execute(select(InboxEvent.record_id, func.min(InboxEvent.received_at)).where(
                InboxEvent.tenant_id == self.tenant_id, InboxEvent.object_type == "deal",
                InboxEvent.record_id.in_(list(self.changed)),
                InboxEvent.change_source.in_(self.driver.receipt_sources if self.driver is not None else ("CRM_UI",)),
            ).group_by(InboxEvent.record_id)).all()
        for rid, at in rows:
            if at is not None and at.timestamp() >= self.changed[rid] - 1:
                out[rid] = at.timestamp()
        return out

    # -- summary -------------------------------------------------------------------------------
    def scores_present(self, record_ids: list[str]) -> list[str]:
        """Score tasks present (not absent) on the latest card of every one of these deals."""
        from sqlalchemy import select

        from app.storage import get_db
        from app.storage.models import Enrichment

        present: set[str] | None = None
        with get_db(self.app).session() as s:
            for rid in record_ids:
                card = s.execute(select(Enrichment.card).where(
                    Enrichment.tenant_id == self.tenant_id, Enrichment.record_id == rid)
                    .order_by(Enrichment.id.desc()).limit(1)).scalar_one_or_none() or {}
                tasks = {t for t, v in (card.get("scores") or {}).items()
                         if isinstance(v, dict) and ("probability" in v or "value" in v)}
                present = tasks if present is None else present & tasks
        return sorted(present or ())

    def summary(self, latencies: dict[str, float], counted: dict[str, Any] | None = None) -> dict[str, Any]:
        from prometheus_client import REGISTRY
        from sqlalchemy import func, select

        from app.storage import get_db
        from app.storage.models import AuditLog
        from app.tenants import crm_stats

        seen = self.read_back()
        enriched = [i for i, got in seen.items() if i in latencies and got["fields"] and got["tasks"]]

        def metric(name: str, **labels: str) -> int:
            return int(REGISTRY.get_sample_value(name, labels) or 0)

        crm = self.opt.crm
        events = {o: metric("agentic_sales_webhook_events_total", crm=crm, outcome=o)
                  for o in ("accepted", "duplicate", "echo", "unsupported", "unknown_tenant")}
        deliveries = sum(metric("agentic_sales_webhook_requests_total", crm=crm, status=str(c))
                         for c in (200, 400, 401, 500))
        with get_db(self.app).session() as s:
            failed = s.execute(select(func.count()).select_from(AuditLog).where(
                AuditLog.tenant_id == self.tenant_id, AuditLog.event == "job.failed")).scalar_one()
        server_errors = metric("agentic_sales_webhook_requests_total", crm=crm, status="500")
        stats = crm_stats(self.app).as_dict()
        sandbox_stats = self.sandbox.stats()
        lat = sorted(latencies[i] for i in enriched)
        counted = counted if counted is not None else self.counters()
        after = self.counters()  # duplicates as the sandbox holds them at the very end
        return {
            "crm": self.opt.crm,
            "changes_sent": self.changes_sent,
            "records_changed": len(self.changed),
            "records_enriched": len(enriched),
            "record_ids": sorted(self.changed),
            "records_backfilled": self.backfilled,
            "deliveries_received": deliveries,
            "events_received": sum(events.values()),
            "events_deduped": events["duplicate"],
            "echoes_suppressed": events["echo"],
            "fields_written": sum(len(got["fields"]) for got in seen.values()),
            "tasks_written": sum(len(got["tasks"]) for got in seen.values()),
            "notes_written": sum(len(got["notes"]) for got in seen.values()),
            "token_refreshes": int(sandbox_stats.get("token_refreshes", stats.get("token_refreshes", 0))),
            "rate_limited_retries": int(stats.get("rate_limited_retries", 0)),
            "errors": int(failed) + server_errors + (len(self.changed) - len(enriched)),
            "latency_ms": {"p50": round(statistics.median(lat)) if lat else None,
                           "p95": round(lat[min(len(lat) - 1, math.ceil(0.95 * len(lat)) - 1)]) if lat else None},
            "crm_requests": counted.get("app_requests_since_mark"),
            "duplicate_tasks": after.get("duplicate_tasks"),
            "duplicate_notes": after.get("duplicate_notes"),
            "scores_present": self.scores_present(enriched),
            "open_deals": self.opt.open_deals,
            "faults": list(self.opt.faults),
        }

    def preview_urls(self) -> list[str]:
        if self.driver is not None:
            return [self.url + self.driver.preview_path(i) for i in sorted(self.changed)]
        return [f"{self.url}/card/preview/hubspot/{self.sandbox.hub_id}/deal/{i}" for i in sorted(self.changed)]


BATCH_READ_MAX = 100
"""HubSpot's largest batch read (inputs per request)."""


def _chunks(items: list[str], size: int) -> list[list[str]]:
    return [items[i:i + size] for i in range(0, len(items), size)]


def _epoch(value: str) -> float:
    """A HubSpot datetime property value (epoch ms or ISO-8601) as epoch seconds."""
    if value.isdigit():
        return int(value) / 1000.0
    return datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp()

