"""CRM_RETRY_SCALE: a test of a HubSpot that stops answering makes every retry without sleeping through the back-off.

tests/admin/test_crm_not_answering.py spent 36 s of its 38 s asleep between the retries of six reads of a stopped
sandbox (urllib3's back-off and the session's whole-call retries); the scale (as RETRY_SCALE for jobs) keeps the
retries and drops the waits. The product's default keeps HubSpot's back-off, which the guard below holds.
"""

from __future__ import annotations

import socket
import time

import pytest

from integrations.base import Installation, TokenSet
from integrations.errors import CrmUnavailable
from integrations.hubspot.adapter import HubSpotClient
from integrations.hubspot.connector import CONNECTOR


def closed_loopback_url() -> str:
    """A loopback port nothing listens on: each connection is refused at once."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def read_a_stopped_hubspot(monkeypatch, **config):
    """Describe deals on a HubSpot nothing answers for; the sleeps asked for are recorded, not slept."""
    asked: list[float] = []
    monkeypatch.setattr(time, "sleep", asked.append)  # urllib3's back-off
    # the session's whole-call retries sleep through the adapter's default, bound when it was defined
    monkeypatch.setitem(HubSpotClient.__init__.__kwdefaults__, "sleep", asked.append)
    installation = Installation(tenant_id="hubspot-4141", crm="hubspot", account_id="4141",
                                tokens=TokenSet(access_token="pat-na1-x", account_id="4141"))
    client = CONNECTOR.client(installation, config={"HUBSPOT_API_BASE": closed_loopback_url(), **config})
    with pytest.raises(CrmUnavailable):
        client.describe("deal")
    return client, [s for s in asked if s > 0]


def test_a_retry_scale_of_zero_makes_every_retry_of_a_stopped_hubspot_without_waiting(monkeypatch):
    client, waited = read_a_stopped_hubspot(monkeypatch, CRM_RETRY_SCALE=0.0)
    assert waited == []
    # the same whole-call attempts as without the scale: the first and TRANSIENT_RETRIES more
    assert (client.stats.calls, client.stats.transient_retries) == (3, 2)


def test_a_retry_scale_of_a_tenth_waits_a_tenth_of_each_back_off(monkeypatch):
    _, full = read_a_stopped_hubspot(monkeypatch)
    _, tenth = read_a_stopped_hubspot(monkeypatch, CRM_RETRY_SCALE=0.1)
    assert len(tenth) == len(full) and tenth == pytest.approx([s / 10 for s in full])


def test_without_the_setting_a_stopped_hubspot_is_retried_with_its_back_off(monkeypatch):
    """Guard: the product's default is unchanged (urllib3's back-off, then the session's 1 s and 2 s)."""
    client, waited = read_a_stopped_hubspot(monkeypatch)
    assert (client.stats.calls, client.stats.transient_retries) == (3, 2)
    assert max(waited) == 2.0 and sum(waited) == pytest.approx(6.0), waited
