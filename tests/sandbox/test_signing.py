"""The sandbox signs exactly as HubSpot does: official vectors, and the SDK's own checker agrees."""

from __future__ import annotations

import pytest
from hubspot.utils.signature import Signature

from integrations.sandbox.hubspot_api.delivery import sign_v1, sign_v3, signing_uri

V1_SECRET = "yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy"
V1_BODY = (b'[{"eventId":1,"subscriptionId":12345,"portalId":62515,"occurredAt":1564113600000,'
           b'"subscriptionType":"contact.creation","attemptNumber":0,"objectId":123,"changeSource":"CRM",'
           b'"changeFlag":"NEW","appId":54321}]')


def test_v1_official_vector():
    assert sign_v1(V1_SECRET, V1_BODY) == "232db2615f3d666fe21a8ec971ac7b5402d33b9a925784df3ca654d05f4817de"


@pytest.mark.parametrize(("secret", "ts", "method", "uri", "body", "expected"), [
    ("12345678-aaaa-bbbb-cccc-ddddeeeeffff", "1111111111", "GET", "https://hubspot.com/?appId=1&portalId=2&userId=3",
     b"", "zTfXjo07jfzGouo4wvyAj3qEMUTVJ0PPYPACrluQtQI="),
    ("12345678-aaaa-bbbb-cccc-ddddeeeeffff", "1111111111", "GET", "https://hubspot.com/?appId=1&portalId=2&userId=3",
     b'{"a":1,"b":2}', "aaknaCGCYJ4yqzuf1UKGqAWUfdcilJtm5nc/ZCudR9k="),
    ("f6e94c08-85d0-4608-bcc6-e1850176e7b8", "1632188626483", "POST", "https://www.hubspot.com/webhook",
     b"REQUEST_BODY", "jf872r5vscVcxCiDRHA4rGrqe/8BPLNVkdJSHdMnGTU="),
    ("f6e94c08-85d0-4608-bcc6-e1850176e7b8", "1632188626483", "POST", "https://www.hubspot.com/webhook",
     b"", "csXgk7UbrE9F8ZmMvbpuKBxqIvTSqU1EX9pI/SJtxSE="),
])
def test_v3_hubspot_vectors(secret, ts, method, uri, body, expected):
    assert sign_v3(secret, method, uri, body, ts) == expected
    assert Signature.get_signature(secret, body.decode(), "v3", uri, method, ts) == expected


def test_uri_decoding_table():
    assert signing_uri("https://x.test/hook?a=b%3Ac%2Fd%40e%2c") == "https://x.test/hook?a=b:c/d@e,"
    assert signing_uri("https://x.test/a%20b") == "https://x.test/a%20b"  # only the documented escapes
