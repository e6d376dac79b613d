"""Signed callouts from our Apex: HMAC-SHA256 over timestamp + "." + body, 5-minute window."""

from __future__ import annotations

import json

import pytest

from tests.conftest import FIXTURES
from webhooks.errors import AnomalousPayloadError, SignatureVerificationError
from webhooks.salesforce import callouts, signature

BODY = (FIXTURES / "salesforce" / "callout_update.json").read_bytes()
SECRET = "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c"
NOW = 1_764_597_900.0


def headers(ts: int | str = int(NOW), secret: str = SECRET, body: bytes = BODY) -> dict[str, str]:
    return {signature.ORG_HEADER: "00D5g000004ABCDEAW", signature.TIMESTAMP_HEADER: str(ts),
            signature.SIGNATURE_HEADER: signature.sign(secret=secret, timestamp=str(ts), body=body)}


def verify(h: dict[str, str], body: bytes = BODY) -> None:
    signature.verify(headers=h, body=body, secret=SECRET, now=lambda: NOW, tolerance=300)


def test_a_valid_callout_verifies() -> None:
    verify(headers())


def test_a_tampered_body_is_rejected() -> None:
    tampered = BODY.replace(b'"Amount"', b'"Amounu"')
    with pytest.raises(SignatureVerificationError, match="mismatch"):
        verify(headers(), tampered)


def test_a_signature_made_with_another_installations_secret_is_rejected() -> None:
    with pytest.raises(SignatureVerificationError, match="mismatch"):
        verify(headers(secret="another-org-secret"))


def test_a_callout_older_than_five_minutes_is_rejected_as_stale() -> None:
    with pytest.raises(SignatureVerificationError, match="stale"):
        verify(headers(ts=int(NOW) - 301))


def test_a_callout_from_the_future_is_rejected() -> None:
    with pytest.raises(SignatureVerificationError, match="future"):
        verify(headers(ts=int(NOW) + 301))


def test_a_callout_four_minutes_old_still_verifies() -> None:
    verify(headers(ts=int(NOW) - 240))


@pytest.mark.parametrize("drop", [signature.SIGNATURE_HEADER, signature.TIMESTAMP_HEADER])
def test_missing_headers_are_named(drop: str) -> None:
    h = headers()
    del h[drop]
    with pytest.raises(SignatureVerificationError, match=drop):
        verify(h)


def test_a_signature_without_the_sha256_scheme_is_rejected() -> None:
    h = headers()
    h[signature.SIGNATURE_HEADER] = h[signature.SIGNATURE_HEADER].removeprefix("sha256=")
    with pytest.raises(SignatureVerificationError, match="scheme"):
        verify(h)


def test_the_fixture_parses_into_three_events_and_flags_our_own_write_as_an_echo() -> None:
    events = callouts.parse(json.loads(BODY), org_id="00D5g000004ABCDEAW", max_events=100)
    assert [e.is_echo for e in events] == [False, True, False]
    changes = [e.to_change("t1") for e in events if not e.is_echo]
    assert [(c.object_type, c.kind) for c in changes] == [("deal", "updated"), ("deal", "created")]


def test_a_change_to_output_fields_alone_is_an_echo_even_without_our_client_id() -> None:
    ev = json.loads(BODY)["events"][1]
    ev["changeOrigin"] = ""
    (parsed,) = callouts.parse({"organizationId": "00D1", "events": [ev]}, org_id="00D1", max_events=100)
    assert parsed.is_echo


def test_a_body_for_another_org_than_the_signed_one_is_anomalous() -> None:
    with pytest.raises(AnomalousPayloadError, match="organizationId"):
        callouts.parse(json.loads(BODY), org_id="00D5g000009ZZZZEAW", max_events=100)
