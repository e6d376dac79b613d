"""The sandbox signs exactly as HubSpot does: official vectors, and the SDK's own checker agrees."""

from __future__ import annotations

import pytest
from hubspot.utils.signature import Signature

from integrations.sandbox.hubspot_api.delivery import sign_v1, sign_v3, signing_uri
from tests.hubspot_signature_vectors import V1_BODY, V1_SECRET, V3_VECTORS


def test_v1_official_vector():
    assert sign_v1(V1_SECRET, V1_BODY) == "232db2615f3d666fe21a8ec971ac7b5402d33b9a925784df3ca654d05f4817de"


@pytest.mark.parametrize(("secret", "ts", "method", "uri", "body", "expected"), V3_VECTORS)
def test_v3_hubspot_vectors(secret, ts, method, uri, body, expected):
    assert sign_v3(secret, method, uri, body, ts) == expected
    assert Signature.get_signature(secret, body.decode(), "v3", uri, method, ts) == expected


def test_uri_decoding_table():
    assert signing_uri("https://x.test/hook?a=b%3Ac%2Fd%40e%2c") == "https://x.test/hook?a=b:c/d@e,"
    assert signing_uri("https://x.test/a%20b") == "https://x.test/a%20b"  # only the documented escapes
