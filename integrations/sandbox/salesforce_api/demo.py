"""The Salesforce sandbox as the demo's CRM (`agentic-sales demo --crm salesforce`).

app/demo.py drives any CRM through an object like this one, found by name in its sandbox
registry (configuration data), so the app holds no Salesforce code. It starts the HTTPS sandbox,
tells the app where "Salesforce" is (login URL, the sandbox CA), points the org's Outbound
Message at the app with this installation's secret (what the admin does after install), makes the
scripted rep edits, and reads the results back through the REST API with its own token (a
separate tool, as an admin would), so the summary comes from the CRM, not the app's bookkeeping.
"""

from __future__ import annotations

import random
import secrets
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

import requests

from integrations.base import OUTPUT_FIELDS
from integrations.salesforce import constants, mapping
from integrations.salesforce.connector import CONNECTOR
from integrations.sandbox.demo_faults import check_fault_names

from .handle import SalesforceSandboxHandle, run_salesforce_sandbox
from .state import FAULT_PROFILES

SESSION_TTL_SECONDS = 30.0
"""Session lifetime in the demo: short, so the demo shows refreshes on 401 INVALID_SESSION_ID."""


class DemoSandbox:
    """One demo's Salesforce org; `start`, `after_install`, `change`, `read_back`, `counters`."""

    crm = constants.CRM
    receipt_sources: tuple[str, ...] = ("outbound_message",)
    """change_source of the inbox rows a rep's edit produces (the latency clock starts there)."""

    def __init__(self) -> None:
        self.handle: SalesforceSandboxHandle | None = None
        self._http: requests.Session | None = None
        self._token: str = ""

    @staticmethod
    def check_faults(faults: Sequence[str]) -> None:
        """Raise ValueError naming an unknown fault (the CLI turns it into exit 2)."""
        check_fault_names(faults, FAULT_PROFILES)

    @property
    def url(self) -> str:
        return self.handle.url if self.handle else ""

    @property
    def account_id(self) -> str:
        return self.handle.org_id if self.handle else ""

    @property
    def verify(self) -> str:
        """What an HTTP client must trust to follow the install redirect to this sandbox."""
        return str(self.handle.ca_file) if self.handle else ""

    def start(self, *, seed: int, app_url: str, market: Mapping[str, Any],
              credentials: Mapping[str, str] | None = None) -> dict[str, Any]:
        """Start the org; return the app configuration that points the connector at it. Faults are
        switched on later, for the scripted changes (control `faults/profile`). `credentials` is not
        used: the connected app's keys are minted per run (the org is new every run)."""
        client_id = "3MVG9demo." + secrets.token_hex(12)
        client_secret = secrets.token_hex(24)
        self.handle = run_salesforce_sandbox(
            seed=seed, client_id=client_id, client_secret=client_secret, session_ttl=SESSION_TTL_SECONDS,
            retry_scale=0.002, n_companies=market.get("n_companies", 60),
            n_open_deals=market.get("n_open_deals", 40), n_closed_deals=market.get("n_closed_deals", 240),
            locale=market.get("locale"), drawn_effects=bool(market.get("drawn_effects", False)))
        self._http = requests.Session()
        self._http.trust_env = False
        self._http.verify = str(self.handle.ca_file)
        self._token = self.handle.token()["access_token"]
        return {"SALESFORCE_CLIENT_ID": client_id, "SALESFORCE_CLIENT_SECRET": client_secret,
                "SALESFORCE_LOGIN_URL": self.handle.url, "SALESFORCE_CA_BUNDLE": str(self.handle.ca_file)}

    def after_install(self, *, app_config: Mapping[str, Any]) -> None:
        """What the admin does after the install page: the Outbound Message URL with this org's secret."""
        assert self.handle is not None
        urls = CONNECTOR.webhook_urls(self.account_id, config=app_config)
        self.handle.endpoints(outbound_url=urls["outbound_message_url"])

    # -- changes -----------------------------------------------------------------------------
    def open_ids(self) -> list[str]:
        return sorted(r["Id"] for r in self._query("SELECT Id FROM Opportunity WHERE IsClosed = false"))

    def change(self, n: int, *, seed: int) -> list[str]:
        """n rep edits, two per opportunity: the amount by a fifth, then the close date a month out."""
        assert self.handle is not None
        ids = self.open_ids()
        rng = random.Random(seed)
        picked = rng.sample(ids, min(len(ids), -(-n // 2)))
        current = {r["Id"]: r for r in self._query(
            "SELECT Id, Amount, CloseDate FROM Opportunity WHERE Id IN (" + ",".join(f"'{i}'" for i in picked) + ")")}
        for i in range(n):
            rid = picked[i % len(picked)]
            round_no = i // len(picked)
            if round_no % 2 == 0:
                amount = float(current[rid].get("Amount") or 20_000)
                edit: dict[str, Any] = {"Amount": round(amount * (1.25 if (i % len(picked)) % 2 == 0 else 0.8), 2)}
            else:
                edit = {"CloseDate": (datetime.now(UTC) + timedelta(days=30 + i % len(picked))).date().isoformat()}
            self.handle.ui_change("Opportunity", rid, edit)
        return picked

    # -- read back ---------------------------------------------------------------------------
    def _query(self, soql: str) -> list[dict[str, Any]]:
        assert self._http is not None and self.handle is not None
        url = f"{self.handle.url}/services/data/v{constants.API_VERSION}/query"
        rows: list[dict[str, Any]] = []
        params: dict[str, str] | None = {"q": soql}
        while True:
            for _attempt in range(20):  # the demo's reader shares the org's faults: try again
                r = self._http.get(url, params=params, headers={"Authorization": f"Bearer {self._token}"},
                                   timeout=60)
                if r.status_code == 401:
                    self._token = self.handle.token()["access_token"]
                    continue
                if r.status_code in (403, 502, 503):
                    continue
                r.raise_for_status()
                break
            else:
                r.raise_for_status()
            page = r.json()
            rows += page["records"]
            if page.get("done", True):
                return rows
            url, params = self.handle.url + page["nextRecordsUrl"], None

    def read_fields(self, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        """Output fields (by stem) of the opportunities, through the REST API."""
        names = [mapping.api_name(s) for s in OUTPUT_FIELDS]
        out: dict[str, dict[str, Any]] = {}
        for i in range(0, len(ids), 200):
            part = ids[i:i + 200]
            rows = self._query(f"SELECT Id, {', '.join(names)} FROM Opportunity WHERE Id IN ("
                               + ",".join(f"'{x}'" for x in part) + ")")
            for r in rows:
                out[r["Id"]] = {s: r[mapping.api_name(s)] for s in OUTPUT_FIELDS
                                if r.get(mapping.api_name(s)) not in (None, "")}
        return out

    def read_back(self, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        """Output fields, open app tasks and notes of the opportunities, through the REST API."""
        fields = self.read_fields(ids)
        out: dict[str, dict[str, Any]] = {i: {"fields": fields.get(i, {}), "tasks": [], "notes": []} for i in ids}
        for k in range(0, len(ids), 200):
            part = ids[k:k + 200]
            rows = self._query(f"SELECT Id, WhatId, Subject, Status, {constants.IDEMPOTENCY_FIELD} FROM Task "
                               f"WHERE WhatId IN (" + ",".join(f"'{x}'" for x in part) + ") AND "
                               f"{constants.IDEMPOTENCY_FIELD} != null")
            for r in rows:
                note = str(r.get("Subject") or "").startswith(f"{constants.TASK_MARKER} Note:")
                if note:
                    out[r["WhatId"]]["notes"].append(r["Id"])
                elif r.get("Status") != "Completed":
                    out[r["WhatId"]]["tasks"].append({"id": r["Id"], "subject": r.get("Subject")})
        return out

    def control(self, method: str, path: str, **json: Any) -> Any:
        """The sandbox's control API (faults/profile, counters/mark, counters, ...)."""
        assert self.handle is not None
        return self.handle.control(method, path, **json)

    def stats(self) -> dict[str, Any]:
        assert self.handle is not None
        return self.handle.stats()

    def preview_path(self, record_id: str) -> str:
        return f"/card/preview/{self.crm}/{self.account_id}/deal/{record_id}"

    def fault_report(self) -> str:
        """One line of what the sandbox's faults did (for the demo's stderr)."""
        st = self.stats()
        return (f"sandbox faults served: {st['ambiguous_writes']} ambiguous writes, {st['limit_exceeded']} "
                f"403 REQUEST_LIMIT_EXCEEDED, {st['errors_5xx']} 5xx; {st['token_refreshes']} token refreshes")

    def stop(self) -> None:
        if self.handle is not None:
            import sys

            print(self.fault_report(), file=sys.stderr)
            self.handle.stop()
