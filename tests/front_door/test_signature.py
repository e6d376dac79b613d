"""Signature checks against HubSpot's published vectors, one test per failure reason."""

from __future__ import annotations

import pytest

from tests.hubspot_signature_vectors import V1_BODY, V1_SECRET, V3_VECTORS
from webhooks.errors import SignatureVerificationError
from webhooks.hubspot.signature import (
    decode_uri,
    sign_v1,
    sign_v2,
    sign_v3,
    verify_legacy,
    verify_request,
    verify_v3,
)


def test_v1_official_vector_matches():
    assert sign_v1(body=V1_BODY, secret=V1_SECRET) == (
        "232db2615f3d666fe21a8ec971ac7b5402d33b9a925784df3ca654d05f4817de")
    verify_legacy(version="v1", method="POST", uri="x", body=V1_BODY,
                  signature="232db2615f3d666fe21a8ec971ac7b5402d33b9a925784df3ca654d05f4817de", secret=V1_SECRET)


def test_v2_official_get_vector_matches():
    assert sign_v2(method="GET", uri="https://www.example.com/webhook_uri", body=b"", secret=V1_SECRET) == (
        "eee2dddcc73c94d699f5e395f4b9d454a069a6855fbfa152e91e88823087200e")


def test_v2_maintainer_post_vector_matches():
    assert sign_v2(method="POST", uri="https://www.example.com/webhook_uri",
                   body=b'{"example_field":"example_value"}', secret=V1_SECRET) == (
        "9569219f8ba981ffa6f6f16aa0f48637d35d728c7e4d93d0d52efaa512af7900")


@pytest.mark.parametrize(("secret", "ts", "method", "uri", "body", "expected"), V3_VECTORS)
def test_v3_vectors_from_hubspot_signing_tests_match(secret, ts, method, uri, body, expected):
    assert sign_v3(method=method, uri=uri, body=body, timestamp=ts, secret=secret) == expected
    verify_v3(method=method, uri=uri, body=body, timestamp=ts, signature=expected, secret=secret,
              now=lambda: int(ts) / 1000 + 10)


def _signed(body=b'[{"x":1}]', uri="https://app.test/webhooks/hubspot", secret="s", ts_ms=1_700_000_000_000):
    return dict(method="POST", uri=uri, body=body, timestamp=str(ts_ms),
                signature=sign_v3(method="POST", uri=uri, body=body, timestamp=str(ts_ms), secret=secret),
                secret=secret, now=lambda: ts_ms / 1000 + 1)


def test_tampered_body_is_a_mismatch():
    args = _signed()
    args["body"] = b'[{"x":2}]'
    with pytest.raises(SignatureVerificationError, match="v3 signature mismatch"):
        verify_v3(**args)


def test_wrong_secret_is_a_mismatch():
    args = _signed()
    args["secret"] = "other"
    with pytest.raises(SignatureVerificationError, match="mismatch"):
        verify_v3(**args)


def test_stale_timestamp_is_rejected_after_five_minutes():
    args = _signed()
    args["now"] = lambda: 1_700_000_000 + 301
    with pytest.raises(SignatureVerificationError, match="stale timestamp"):
        verify_v3(**args)


def test_timestamp_just_inside_the_window_is_accepted():
    args = _signed()
    args["now"] = lambda: 1_700_000_000 + 299
    verify_v3(**args)


def test_future_timestamp_is_rejected():
    args = _signed()
    args["now"] = lambda: 1_700_000_000 - 301
    with pytest.raises(SignatureVerificationError, match="in the future"):
        verify_v3(**args)


def test_missing_signature_header_is_rejected():
    args = _signed()
    args["signature"] = None
    with pytest.raises(SignatureVerificationError, match="missing X-HubSpot-Signature-v3"):
        verify_v3(**args)


def test_missing_timestamp_header_is_rejected():
    args = _signed()
    args["timestamp"] = None
    with pytest.raises(SignatureVerificationError, match="missing X-HubSpot-Request-Timestamp"):
        verify_v3(**args)


def test_malformed_timestamp_is_rejected():
    args = _signed()
    args["timestamp"] = "yesterday"
    with pytest.raises(SignatureVerificationError, match="malformed"):
        verify_v3(**args)


def test_uri_escapes_in_hubspots_table_are_decoded_before_signing():
    assert decode_uri("https://a.test/p%3Fx?q=a%3Ab%2Fc%40d%21%24%27%28%29%2A%2C%3B") == (
        "https://a.test/p?x?q=a:b/c@d!$'()*,;")
    assert decode_uri("https://a.test/p?q=%3a") == "https://a.test/p?q=:"


def test_other_escapes_stay_encoded():
    assert decode_uri("https://a.test/p?q=a%20b%2Bc") == "https://a.test/p?q=a%20b%2Bc"


def test_request_signed_over_decoded_uri_verifies_with_the_escaped_uri():
    ts = 1_700_000_000_000
    decoded = "https://app.test/webhooks/hubspot?portal=1&cb=a:b/c"
    sig = sign_v3(method="POST", uri=decoded, body=b"[]", timestamp=str(ts), secret="s")
    verify_v3(method="POST", uri="https://app.test/webhooks/hubspot?portal=1&cb=a%3Ab%2Fc", body=b"[]",
              timestamp=str(ts), signature=sig, secret="s", now=lambda: ts / 1000)


def test_legacy_signatures_are_refused_unless_enabled():
    headers = {"X-HubSpot-Signature": sign_v1(body=V1_BODY, secret=V1_SECRET), "X-HubSpot-Signature-Version": "v1"}
    with pytest.raises(SignatureVerificationError, match="missing X-HubSpot-Signature-v3"):
        verify_request(headers=headers, method="POST", uri="u", body=V1_BODY, secret=V1_SECRET)
    assert verify_request(headers=headers, method="POST", uri="u", body=V1_BODY, secret=V1_SECRET,
                          allow_legacy=True) == "v1"


def test_legacy_v2_mismatch_is_rejected():
    headers = {"X-HubSpot-Signature": "0" * 64, "X-HubSpot-Signature-Version": "v2"}
    with pytest.raises(SignatureVerificationError, match="v2 signature mismatch"):
        verify_request(headers=headers, method="POST", uri="u", body=b"", secret="s", allow_legacy=True)


def test_no_configured_secret_rejects_everything():
    with pytest.raises(SignatureVerificationError, match="no client secret"):
        verify_request(headers={}, method="POST", uri="u", body=b"", secret="")
