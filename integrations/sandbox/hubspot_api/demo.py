"""The HubSpot sandbox as the demo's CRM (`agentic-sales demo`, the default `--crm`).

app/demo.py drives any CRM through an object like this one, found by name in its sandbox
registry (configuration data), so the app holds no HubSpot code. It starts the sandbox portal
with its webhook subscription pointed at the app, names the field revenue ops maps once after
install (the negotiated discount), makes the scripted rep edits through the portal's UI, and reads
the results back through the CRM API with a private-app token (a separate tool, as an admin
would), so the summary comes from the CRM, not from the app's own bookkeeping.
"""

from __future__ import annotations

import math
import random
import secrets
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from integrations.base import OUTPUT_FIELDS
from integrations.hubspot.connector import NAME
from integrations.sandbox.demo_faults import check_fault_names

from .._process import ProcessSandboxHandle, run_in_process
from .._thread import SandboxHandle, run_in_thread
from ..market import _money as market_money
from .limits import FAULT_PROFILES

TOKEN_TTL_SECONDS = 30
"""Access-token lifetime in the demo: short, so the demo shows token refreshes."""

BATCH_READ_MAX = 100
"""HubSpot's largest batch read (inputs per request)."""

APP_MARKER = "[agentic-sales]"
"""What the app puts in the tasks and notes it writes (how the read-back tells them apart)."""

CLOSED_STAGES = ("closedwon", "closedlost")


class DemoSandbox:
    """One demo's HubSpot portal; `start`, `after_install`, `change`, `read_back`, `counters`."""

    crm = NAME
    receipt_sources: tuple[str, ...] = ("CRM_UI",)
    """changeSource of the webhook events a rep's edit produces (the latency clock starts there)."""
    revops_mappings: Mapping[str, Mapping[str, str]] = {"deal": {"discount": "discount_percent"}}
    """What revenue ops maps once after install: the portal's negotiated-discount property for pricing."""
    revops_settings: Mapping[str, Any] = {"corporate_currency": market_money.CORPORATE,
                                          "exchange_rates": dict(market_money.RATES)}
    """What revenue ops enters once after install: the portal's currencies and their rates (HubSpot's API has
    none to read), the same table the market's local amounts are expressed in, so past revenue and CLV sum
    every deal in the corporate currency as the Salesforce org's CurrencyType makes them."""

    def __init__(self, own_process: bool = True) -> None:
        self.own_process = own_process
        """Serve the portal from a child process (the default: a CRM is remote, and in the app's
        interpreter the emulator took CPU from the app it measures); False: a thread of this one."""
        self.handle: SandboxHandle | ProcessSandboxHandle | None = None
        self.read_token = "pat-demo-" + secrets.token_hex(12)
        """A private-app token for reading the portal back (a separate tool, as an admin would)."""
        self._written_at: dict[str, list[tuple[float, float]]] = {}
        self._session: Any = None

    @staticmethod
    def new_credentials() -> dict[str, str]:
        """The public app's client id and secret, generated once per demo data directory."""
        return {"HUBSPOT_CLIENT_ID": "demo-" + secrets.token_hex(8),
                "HUBSPOT_CLIENT_SECRET": secrets.token_urlsafe(24)}

    @staticmethod
    def check_faults(faults: Sequence[str]) -> None:
        """Raise ValueError naming an unknown fault (the CLI turns it into exit 2)."""
        check_fault_names(faults, FAULT_PROFILES)

    @property
    def _h(self) -> SandboxHandle | ProcessSandboxHandle:
        if self.handle is None:
            raise RuntimeError("the HubSpot sandbox is not started")
        return self.handle

    @property
    def url(self) -> str:
        return self.handle.url if self.handle else ""

    @property
    def hub_id(self) -> int:
        return self._h.hub_id

    @property
    def account_id(self) -> str:
        return str(self.hub_id)

    verify = True
    """Plain HTTP on loopback: nothing extra to trust for the install redirect."""

    def start(self, *, seed: int, app_url: str, market: Mapping[str, Any],
              credentials: Mapping[str, str] | None = None) -> dict[str, Any]:
        """Start the portal with its webhooks pointed at the app; return the app configuration
        that points the connector at it. Faults are switched on later, for the scripted changes."""
        keys = dict(credentials or self.new_credentials())
        sizes: dict[str, Any] = dict(market)
        run = run_in_process if self.own_process else run_in_thread
        self.handle = run(
            seed=seed, webhook_url=f"{app_url}/webhooks/{NAME}", client_id=keys["HUBSPOT_CLIENT_ID"],
            client_secret=keys["HUBSPOT_CLIENT_SECRET"], access_token_ttl=TOKEN_TTL_SECONDS,
            retry_scale=0.002, private_app_token=self.read_token, **sizes)
        return {"HUBSPOT_API_BASE": self.handle.url, "HUBSPOT_AUTHORIZE_URL": f"{self.handle.url}/oauth/authorize",
                **keys}

    def after_install(self, *, app_config: Mapping[str, Any]) -> None:
        """Nothing to point after install: the app's webhook subscription is part of the app."""

    # -- changes -----------------------------------------------------------------------------
    def change(self, n: int, *, seed: int) -> list[str]:
        """n rep edits, two per deal seconds apart (they coalesce): the amount up or down by a
        fifth, then the close date pushed out a month (an edit to the same value changes nothing)."""
        deals = self._h.store("deals")
        open_ids = sorted(str(d["id"]) for d in deals
                          if str((d.get("properties") or {}).get("dealstage")) not in CLOSED_STAGES)
        picked = random.Random(seed).sample(open_ids, min(len(open_ids), math.ceil(n / 2)))
        current = {str(d["id"]): d.get("properties") or {} for d in deals}
        for i in range(n):
            deal_id = picked[i % len(picked)]
            self._h.ui_change("deals", deal_id, _edit(current[deal_id], i % len(picked), i // len(picked)))
        return picked

    def ui_change(self, object_type: str, object_id: str | None, properties: dict[str, Any]) -> dict[str, Any]:
        """One edit as a rep in HubSpot's UI makes it (tests use it for their own edits)."""
        return self._h.ui_change(object_type, object_id, properties)

    def store(self, object_type: str, object_id: str | None = None) -> Any:
        """The portal's store, read directly (tests check what the CRM holds)."""
        return self._h.store(object_type, object_id)

    # -- read back ---------------------------------------------------------------------------
    def _sdk(self) -> Any:
        from hubspot import HubSpot
        from urllib3.util.retry import Retry

        # The demo shares the portal's 110 requests / 10 s with the app: wait out 429s politely.
        # It reads only (batch reads are POSTs), so it may also re-send on the sandbox's injected 5xx.
        retry = Retry(total=12, status_forcelist=(429, 500, 502, 503, 504), allowed_methods=None, backoff_factor=0.5,
                      respect_retry_after_header=True)
        return HubSpot(access_token=self.read_token, host=self._h.url, base_url=self._h.url, retry=retry)

    def _http(self) -> Any:
        """A plain HTTP session with the read token, waiting out 429s and 5xx like `_sdk`."""
        if self._session is None:
            import requests
            from requests.adapters import HTTPAdapter
            from urllib3.util.retry import Retry

            retry = Retry(total=12, status_forcelist=(429, 500, 502, 503, 504), allowed_methods=None,
                          backoff_factor=0.5, respect_retry_after_header=True)
            session = requests.Session()
            session.mount("http://", HTTPAdapter(max_retries=retry))
            session.mount("https://", HTTPAdapter(max_retries=retry))
            session.headers["Authorization"] = f"Bearer {self.read_token}"
            self._session = session
        return self._session

    def read_fields(self, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        """The output fields of the deals (batch reads), keeping when each ai_enriched_at was stored.

        Plain JSON rather than the SDK: the demo polls this every second while it measures, in the
        app's process, and the SDK's model deserialisation of 200 deals with property history
        took a tenth as much CPU as the pipeline it was measuring (sampling profiler)."""
        out: dict[str, dict[str, Any]] = {}
        for part in _chunks(list(ids), BATCH_READ_MAX):
            resp = self._http().post(f"{self._h.url}/crm/v3/objects/deals/batch/read", timeout=60, json={
                "inputs": [{"id": i} for i in part], "properties": list(OUTPUT_FIELDS),
                "propertiesWithHistory": ["ai_enriched_at"]})
            resp.raise_for_status()
            for obj in resp.json().get("results") or ():
                rid = str(obj["id"])
                out[rid] = {k: v for k, v in (obj.get("properties") or {}).items() if k in OUTPUT_FIELDS and v}
                history = (obj.get("propertiesWithHistory") or {}).get("ai_enriched_at") or []
                self._written_at[rid] = [(epoch(h["value"]), epoch(h["timestamp"])) for h in history
                                         if h.get("value") and h.get("timestamp")]
        return out

    def first_write_after(self, record_id: str, changed_at: float) -> float | None:
        """When the portal stored the first write-back after a change (its property history's own
        timestamp, from the last `read_fields`), or None when it has none yet."""
        times = [at for value, at in self._written_at.get(record_id, ()) if value >= changed_at]
        return min(times) if times else None

    def read_back(self, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        """Output fields, app tasks and notes of the deals, through the CRM API."""
        from hubspot.crm.objects import BatchReadInputSimplePublicObjectId, SimplePublicObjectId

        sdk = self._sdk()
        out: dict[str, dict[str, Any]] = {i: {"fields": {}, "tasks": [], "notes": []} for i in ids}
        for deal_id, fields in self.read_fields(ids).items():
            out[deal_id]["fields"] = fields
        for deal_id in ids:
            deal = sdk.crm.objects.basic_api.get_by_id("deals", deal_id, associations=["tasks", "notes"])
            assoc = deal.associations or {}
            for kind, prop in (("tasks", ["hs_task_subject", "hs_task_body", "hs_task_status"]),
                               ("notes", ["hs_note_body"])):
                found = assoc.get(kind)
                linked = [r.id for r in (found.results if found is not None else [])]
                rows = [r for part in _chunks(linked, BATCH_READ_MAX)
                        for r in sdk.crm.objects.batch_api.read(kind, BatchReadInputSimplePublicObjectId(
                            inputs=[SimplePublicObjectId(id=i) for i in part], properties=prop)).results or []]
                for r in rows:
                    p = r.properties or {}
                    if kind == "tasks" and APP_MARKER in (p.get("hs_task_body") or "") + (p.get("hs_task_subject") or ""):
                        out[deal_id]["tasks"].append({"id": r.id, "subject": p.get("hs_task_subject"),
                                                      "body": p.get("hs_task_body") or ""})
                    if kind == "notes" and APP_MARKER in (p.get("hs_note_body") or ""):
                        out[deal_id]["notes"].append(r.id)
        return out

    def control(self, method: str, path: str, **json: Any) -> Any:
        """The sandbox's control API (faults/profile, counters/mark, counters, ...)."""
        return self._h.control(method, path, **json)

    def stats(self) -> dict[str, Any]:
        return self._h.stats()

    def preview_path(self, record_id: str) -> str:
        return f"/card/preview/{NAME}/{self.account_id}/deal/{record_id}"

    def stop(self) -> None:
        if self.handle is not None:
            self.handle.stop()


def _edit(props: Mapping[str, Any], index: int, round_no: int) -> dict[str, str]:
    if round_no % 2 == 0:
        amount = float(props.get("amount") or 20_000)
        return {"amount": str(round(amount * (1.25 if index % 2 == 0 else 0.8), 2))}
    pushed = datetime.now(UTC).replace(microsecond=0) + timedelta(days=30 + index)
    return {"closedate": pushed.isoformat().replace("+00:00", "Z")}


def _chunks(items: list[str], size: int) -> list[list[str]]:
    return [items[i:i + size] for i in range(0, len(items), size)]


def epoch(value: str) -> float:
    """A HubSpot datetime property value (epoch ms or ISO-8601) as epoch seconds."""
    if value.isdigit():
        return int(value) / 1000.0
    return datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp()
