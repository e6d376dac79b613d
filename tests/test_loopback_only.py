"""The suite's own guard (tests/loopback_only.py) refuses what it says it refuses."""

from __future__ import annotations

import socket

import pytest
import requests

from tests import loopback_only


def _take_attempts(before: int) -> list[str]:
    taken = loopback_only.attempts[before:]
    del loopback_only.attempts[before:]  # this test's own attempts are the point, not a failure
    return taken


def test_a_public_address_is_refused_and_recorded():
    before = len(loopback_only.attempts)
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock, pytest.raises(ConnectionRefusedError,
                                                                                    match="loopback only"):
        sock.connect(("192.0.2.10", 443))
    assert _take_attempts(before) == ["192.0.2.10:443"]


def test_a_public_name_is_not_resolved_and_an_sdk_call_to_it_fails_fast():
    before = len(loopback_only.attempts)
    with pytest.raises(requests.ConnectionError):
        requests.get("https://api.hubapi.com/crm/v3/objects/deals", timeout=2)
    assert _take_attempts(before) == ["api.hubapi.com:443"]


def test_reserved_names_fail_to_resolve_without_counting_as_an_attempt():
    before = len(loopback_only.attempts)
    with pytest.raises(socket.gaierror):
        socket.getaddrinfo("api.hubapi.invalid", 443)
    assert loopback_only.attempts[before:] == []


def test_loopback_still_connects():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        with socket.create_connection(server.getsockname(), timeout=2):
            pass
