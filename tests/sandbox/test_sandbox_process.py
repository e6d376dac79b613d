"""The demo's HubSpot sandbox in a process of its own: it answers the same control API, its
webhooks reach the app, and stopping it (or the parent going away) leaves no process behind."""

from __future__ import annotations

import pytest

from integrations.sandbox._process import SandboxStartError, run_in_process

SMALL = {"n_open_deals": 6, "n_closed_deals": 20, "n_companies": 10, "n_owners": 2}


def test_a_sandbox_in_its_own_process_serves_its_market_and_stops_with_its_input():
    handle = run_in_process(seed=3, client_id="cid", client_secret="csecret", **SMALL)
    try:
        assert handle.client_id == "cid" and handle.client_secret == "csecret" and handle.hub_id > 0
        deals = handle.store("deals")
        assert len([d for d in deals if d["properties"].get("dealstage") not in ("closedwon", "closedlost")]) == 6
        changed = handle.ui_change("deals", str(deals[0]["id"]), {"amount": "1234"})
        assert changed["properties"]["amount"] == "1234"
        assert handle.store("deals", str(deals[0]["id"]))["properties"]["amount"] == "1234"
    finally:
        handle.stop()
    assert handle.proc.returncode == 0  # it shut down cleanly when its input closed


def test_a_sandbox_process_that_cannot_start_is_reported_not_waited_for():
    with pytest.raises(SandboxStartError, match="gave no address"):
        run_in_process(seed=3, no_such_setting=1)
