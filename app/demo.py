"""`agentic-sales demo`: the whole product on embedded defaults, in one process, on loopback.

Starts a CRM sandbox (a seeded simulated market) and the app, installs the app through the
real OAuth flow, trains the first models from the sandbox's deal history, backfills the open
deals, then edits deals "as a rep" so signed webhooks flow, and waits until every changed deal
is enriched and written back. The summary (DESIGN.md "Demo summary") is read back from the
sandbox through the CRM's API, not from the app's own bookkeeping.

Every CRM plugs in a sandbox driver named in `app/connectors/sandboxes.json` (configuration
data: CRM name -> "module:attribute"; the first entry is the default CRM), an object with `start`,
`after_install`, `change`, `read_fields`, `read_back`, `control`, `stats`, `preview_path`, `stop`,
`url`, `account_id`, `verify`, `receipt_sources` and `check_faults`, and optionally
`new_credentials` (app keys kept in the data directory), `revops_settings` (settings revenue ops enters, e.g. a
HubSpot portal's exchange rates), `revops_mappings` (what revenue ops maps
after install) and `first_write_after` (the CRM's own timestamp of a write-back); see the driver
module of each sandbox in integrations/sandbox/.
"""

from __future__ import annotations

import json
import logging
import math
import os
import secrets
import statistics
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import requests
from werkzeug.serving import make_server

log = logging.getLogger(__name__)

DEMO_MARKET = {"n_companies": 600, "n_owners": 8, "n_open_deals": 40, "n_closed_deals": 2000}
"""A market small enough that install, training, backfill and the changes finish in minutes, and
large enough for every score to be judged. Churn is learned from customers observed every quarter
and labelled by churn within a year, so only customers old enough for a year to have passed, or
who churned, count: with 1,000 closed deals and 300 companies that was ~76 customers (164
customer-moments), and the same model passed or failed its gate by seed (out-of-fold AUC 0.75
on seed 7, 0.55 on seed 8; CLV's Gini vs past spend flipped too). At 2,000 deals and 600 companies
~150 customers are labelled and conversion, price, CLV and churn pass their gates on seed 7."""

SMALL_MARKET_CLOSED_DEALS = 400
"""Closed deals of the quick market tests use (`DemoOptions(closed_deals=...)`): install in seconds."""

SANDBOX_DRIVERS = Path(__file__).resolve().parent / "connectors" / "sandboxes.json"
"""CRM name -> "module:attribute" of its demo sandbox driver (configuration data)."""


def driver_names() -> list[str]:
    """CRMs the demo can run on, the default first (the order of the registry file)."""
    return list(json.loads(SANDBOX_DRIVERS.read_text()))


@dataclass
class DemoOptions:
    changes: int = 30
    seed: int = 7
    crm: str = field(default_factory=lambda: driver_names()[0])
    open_deals: int = DEMO_MARKET["n_open_deals"]
    """Size of the demo market's open book (the backfill reads every one)."""
    closed_deals: int = DEMO_MARKET["n_closed_deals"]
    """Closed deals of the market's history (what the models train on; companies scale with it)."""
    language: str | None = None
    """The buyers' language of the whole market ("de", "fr", "es": native people, companies and activity text, in
    their countries); None: the default market, mostly English-speaking."""
    drawn_effects: bool = False
    """The sandbox market's strategy effects drawn for its seed instead of the fixed table
    (`simulate --path product --drawn-effects`; the demo itself keeps the fixed table)."""
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


def sandbox_driver(crm: str) -> Any:
    """A new sandbox driver for `crm`; DemoInputError when no sandbox is registered for it."""
    from werkzeug.utils import import_string

    table = json.loads(SANDBOX_DRIVERS.read_text())
    if crm not in table:
        raise DemoInputError(f"--crm {crm}: no demo sandbox is registered for it (known: {', '.join(table)})")
    return import_string(table[crm].replace(":", "."))()


def demo_secrets(data_dir: Path, crm: str | None = None) -> dict[str, str]:
    """Generate the demo's secrets once and keep them in its data directory: the app's keys and
    the CRM app's credentials from its sandbox driver (a later run reuses them)."""
    from app.storage.crypto import generate_key

    path = data_dir / "secrets.json"
    data_dir.mkdir(parents=True, exist_ok=True)
    values = json.loads(path.read_text()) if path.exists() else {
        "TOKEN_KEY": generate_key(), "SECRET_KEY": secrets.token_urlsafe(32)}
    mint = getattr(sandbox_driver(crm or driver_names()[0]), "new_credentials", None)
    fresh = {k: v for k, v in (mint() if mint else {}).items() if k not in values}
    if path.exists() and not fresh:
        return values
    values.update(fresh)
    path.write_text(json.dumps(values, indent=2))
    path.chmod(0o600)
    return values


DEMO_DATABASE = "demo.db"
"""The demo's SQLite file in its data directory."""

DEMO_CRM_READ_TIMEOUT_SECONDS = 180.0
"""The demo's CRM read timeout unless AGENTIC_SALES_CRM_READ_TIMEOUT_SECONDS is set. The sandbox answers from
the same process as the app, its model training and the agents' processes: on a loaded 2-core machine (load
~12) its history query took over a minute and the Salesforce demo failed at the 60-s default, where a real
org answers on its own servers."""

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
    """Note where this demo's sandbox answers, for commands pointed at the data directory.

    With the app credentials of a sandbox that mints them per run (its client secret included): a
    command refreshing the account's token against the running sandbox needs them. Owner-only, as
    secrets.json is; they open nothing but that loopback sandbox, which dies with the demo.
    """
    plain = {k: v for k, v in config.items() if isinstance(v, str | int | float | bool)}
    path = data_dir / DEMO_SANDBOX_FILE
    path.touch(mode=0o600)
    path.chmod(0o600)  # before the secret is written
    path.write_text(json.dumps({"crm": crm, "url": url, "config": plain}, indent=2))


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
        self.driver: Any = sandbox_driver(options.crm)

    @property
    def account_id(self) -> str:
        return str(self.driver.account_id)

    @property
    def sandbox_url(self) -> str:
        """Where the CRM sandbox answers (its consent page is where "Sign in with ..." goes)."""
        return str(self.driver.url or "")

    # -- start -----------------------------------------------------------------------------
    def start(self) -> None:
        from app import create_app
        from app.storage import migrate

        data = self.opt.data_dir
        data.mkdir(parents=True, exist_ok=True)
        keys = demo_secrets(data, self.opt.crm)
        db_url = f"sqlite:///{data / DEMO_DATABASE}"
        migrate.upgrade(db_url)
        self.app = create_app({
            "DATABASE_URL": db_url, "REDIS_URL": None, "DATA_DIR": str(data), "MODEL_DIR": str(data / "models"),
            "SANDBOX_MODE": True, "START_WORKER": True, "BACKFILL_ON_INSTALL": False,
            "RECONCILE_ENABLED": False, "RETRAIN_ENABLED": False, **keys,
            # Plain http on loopback: a Secure session cookie would never come back.
            "SESSION_COOKIE_SECURE": False,
            # The demo shows what the app does on every deal; lift is measured by `simulate`.
            "HOLDOUT_SHARE_OVERRIDE": 0.0,
        })
        self.app.config.setdefault("CRM_READ_TIMEOUT_SECONDS", DEMO_CRM_READ_TIMEOUT_SECONDS)  # absent: not set
        self.server = make_server(self.opt.host, self.opt.port, self.app, threaded=True)
        self.url = f"http://{self.opt.host}:{self.server.server_port}"
        self.app.config["PUBLIC_URL"] = self.url
        threading.Thread(target=self.server.serve_forever, name="demo-app", daemon=True).start()
        driver_config = self.driver.start(seed=self.opt.seed, app_url=self.url, credentials=keys,
                                          market=self._market())
        self.app.config.update(driver_config)
        record_sandbox(data, self.opt.crm, self.driver.url, driver_config)
        self.sandbox = self.driver
        log.info("app on %s, %s sandbox on %s (seed %s)", self.url, self.opt.crm, self.driver.url, self.opt.seed)
        self.say(f"Started the app and a simulated {self._label()} {self.account_word()} (market seed {self.opt.seed}).")

    def _market(self) -> dict[str, Any]:
        """The sandbox market's size, and its buyers' language when one is asked for (the default demo names none)."""
        market: dict[str, Any] = dict(market_for(self.opt.open_deals, self.opt.closed_deals))
        if self.opt.language is not None:
            market["locale"] = self.opt.language
        if self.opt.drawn_effects:
            market["drawn_effects"] = True
        return market

    def _label(self) -> str:
        from app.connectors import get_connector

        return str(getattr(get_connector(self.opt.crm, self.app), "label", self.opt.crm))

    def deal_words(self) -> tuple[str, str]:
        """What the CRM calls a deal, one and many: the demo's lines say "opportunities" to a Salesforce admin."""
        from app.connectors import deal_words_of

        return deal_words_of(self.opt.crm, self.app)

    def account_word(self) -> str:
        """What the CRM calls an install in the demo's lines: a Salesforce admin reads "org", not "account"."""
        from app.connectors import get_connector

        return str(getattr(get_connector(self.opt.crm, self.app), "account_word", "account"))

    def stop(self, *, wait: float | None = None) -> None:
        """Stop the app, its worker and the sandbox. `wait`: the longest the background jobs (a model card's
        charts) and the worker's running batch are waited for (default: BACKGROUND_DRAIN_SECONDS for the jobs);
        a SIGTERM or Ctrl-C passes SHUTDOWN_WAIT_SECONDS: the batch hands its unwritten records back and the
        jobs' threads end with the process."""
        from app import defaults
        from app.background import drain
        from app.dispatch import get_dispatcher

        if self.app is not None:
            if late := drain(self.app, defaults.BACKGROUND_DRAIN_SECONDS if wait is None else wait):
                log.warning("stopping with background jobs still running: %s", ", ".join(late))
            backend = get_dispatcher(self.app).backend
            if wait is None:
                backend.stop()
            else:
                backend.stop(timeout=wait)
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
        verify = self.driver.verify  # the sandbox's own CA where it serves HTTPS
        resp = requests.get(f"{self.url}/oauth/{self.opt.crm}/install", timeout=60, allow_redirects=True,
                            headers={"Accept": "application/json"}, verify=verify)
        if resp.status_code != 200:
            raise RuntimeError(f"install failed: HTTP {resp.status_code} {resp.text[:300]}")
        body = resp.json()
        self.tenant_id = body["tenant"]
        self.driver.after_install(app_config=self.app.config)
        self._map_revops_fields()
        self.say(install_sentence(self.app, self.opt.crm, body))
        return self.tenant_id

    def _map_revops_fields(self) -> None:
        """What revenue ops does once: map the account's own fields (e.g. the negotiated discount)."""
        from app import settings

        # Through the settings service, like revenue ops would: checked against the sandbox
        # account's fields, versioned and audited.
        for object_type, fields in (getattr(self.driver, "revops_mappings", None) or {}).items():
            settings.set_mappings(self.app, self.tenant_id, object_type, dict(fields), author="demo (revenue ops)")
        if changes := getattr(self.driver, "revops_settings", None):
            # e.g. a HubSpot portal's currencies and rates, which its API does not give us
            settings.update(self.app, self.tenant_id, dict(changes), author="demo (revenue ops)")

    def train(self) -> dict[str, Any]:
        from app.pipeline.training import train_tenant
        from app.reports.figure_store import warm_after_training
        from app.site.recap import training_sentences

        results = train_tenant(self.app, self.tenant_id, fast=True, progress=lambda t: log.info("training %s", t))
        warm_after_training(self.app, self.tenant_id, results)  # the console's model cards, ready at a first view
        for sentence in training_sentences(results, self.account_word()):
            self.say(sentence)
        return results

    def backfill(self) -> int:
        from app.sync import backfill

        result = backfill(self.tenant_id, self.app)
        self.backfilled = int(result["records_backfilled"])
        self.backfilled_by_type = dict(result.get("by_type") or {"deal": self.backfilled})
        self.say(f"Scoring the {self.backfilled_kinds()} already in the {self.account_word()}.")
        return self.backfilled

    def backfilled_kinds(self) -> str:
        """What the backfill read, by kind: "40 open deals and 37 open leads" (a Salesforce org's Leads
        are enriched too; "77 deals" named 37 Leads deals)."""
        by_type = getattr(self, "backfilled_by_type", None) or {"deal": self.backfilled}
        one, many = self.deal_words()
        named = {"deal": (one, many)}
        parts = [f"{n} open {named.get(t, (t, t + 's'))[n != 1]}" for t, n in by_type.items() if n]
        if not parts:
            return f"0 open {many}"
        return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]

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
        started = time.time()
        picked = self.driver.change(n, seed=self.opt.seed)
        self.changed = {rid: started for rid in picked}
        self.changes_sent = n
        one, many = self.deal_words()
        self.say(f"Edited {len(picked)} {one if len(picked) == 1 else many} as a rep would ({n} changes); "
                 "notifications are flowing.")
        return list(picked)

    # -- read back ---------------------------------------------------------------------------
    def read_fields(self, ids: list[str] | None = None) -> dict[str, dict[str, Any]]:
        """The output fields of the changed deals, or of `ids` among them, through the CRM's API."""
        return self.driver.read_fields(sorted(self.changed) if ids is None else sorted(ids))  # type: ignore[no-any-return]

    def _first_write_after(self, deal_id: str, changed_at: float) -> float | None:
        """When the CRM stored the first write-back after a change (its own timestamp), or None when
        the CRM keeps no history for us (then the read-back time counts)."""
        first = getattr(self.driver, "first_write_after", None)
        return first(deal_id, changed_at) if first else None

    def read_back(self) -> dict[str, dict[str, Any]]:
        """Output fields, app tasks and notes of the changed deals, through the CRM's API."""
        return self.driver.read_back(sorted(self.changed))  # type: ignore[no-any-return]

    def wait(self, tick: Callable[[int, int], None] | None = None) -> dict[str, float]:
        """Wait until every changed deal shows output fields newer than its change; returns
        record id -> latency (webhook receipt -> write-back stored in the CRM, by the CRM's own
        property history; the read-back time for a CRM sandbox without one), in ms."""
        deadline = time.time() + self.opt.timeout
        latencies: dict[str, float] = {}
        receipts = {}
        while time.time() < deadline:
            receipts = self._receipts()
            pending = self._pending()
            # Only the deals still waiting: this reader shares the process (and its interpreter
            # lock) with the app it measures, and re-reading every written deal each second took
            # a third as much CPU as the pipeline itself. The latency is the CRM's own timestamp.
            seen = self.read_fields([d for d in self.changed if d not in latencies])
            now = time.time()
            for deal_id, fields in seen.items():
                at = fields.get("ai_enriched_at")
                if deal_id in latencies or not at:
                    continue
                # A write-back stamped after the change may be an older job's landing late (the
                # backfill's, retried behind a rate-limit storm): the edit counts once its own
                # events have been processed.
                if _epoch(at) >= self.changed[deal_id] and deal_id in receipts and deal_id not in pending:
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
                InboxEvent.change_source.in_(self.driver.receipt_sources),
            ).group_by(InboxEvent.record_id)).all()
        for rid, at in rows:
            if at is not None and at.timestamp() >= self.changed[rid] - 1:
                out[rid] = at.timestamp()
        return out

    def _pending(self) -> set[str]:
        """Changed deals with an event received after their change that no job has processed yet."""
        from sqlalchemy import select

        from app.storage import get_db
        from app.storage.models import InboxEvent

        with get_db(self.app).session() as s:
            rows = s.execute(select(InboxEvent.record_id, InboxEvent.received_at).where(
                InboxEvent.tenant_id == self.tenant_id, InboxEvent.object_type == "deal",
                InboxEvent.record_id.in_(list(self.changed)), InboxEvent.status == "pending",
                InboxEvent.change_source.in_(self.driver.receipt_sources),
            )).all()
        return {rid for rid, at in rows if at is not None and at.timestamp() >= self.changed[rid] - 1}

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
        return [self.url + self.driver.preview_path(i) for i in sorted(self.changed)]


def _epoch(value: str) -> float:
    """A CRM datetime field value (epoch ms or ISO-8601) as epoch seconds."""
    if value.isdigit():
        return int(value) / 1000.0
    return datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp()



def install_sentence(app: Any, crm: str, body: Mapping[str, Any]) -> str:
    """The demo's line about the install: the account by its name, and where the output fields came from.

    A Salesforce org gets the output fields with the SFDX package (the app cannot create fields through
    the REST API), so none are created at install: "0 output fields created" read as a failure."""
    from app.connectors import get_connector
    from app.storage import get_db
    from app.storage.models import Tenant

    with get_db(app).session() as s:
        tenant = s.get(Tenant, body.get("tenant"))
        name = tenant.name if tenant is not None else None
    account = str(body.get("account_id"))
    where = f"{name} ({account})" if name and name != account else account
    connector = get_connector(crm, app)
    word = getattr(connector, "account_word", "account")
    created = list(body.get("fields_created") or [])
    expected = len(connector.output_fields())
    if body.get("fields_error"):
        fields = f"the output fields are not ready yet: {body['fields_error']}"
    elif created:
        fields = f"{len(created)} output field{'' if len(created) == 1 else 's'} created"
    elif package := getattr(connector, "output_fields_package", None):
        fields = f"its {expected} output fields come with the {package} and are all there"
    else:
        fields = f"its {expected} output fields were already there"
    return f"Installed the app in {word} {where} through OAuth; {fields}."
