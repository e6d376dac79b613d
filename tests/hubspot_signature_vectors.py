"""HubSpot's published webhook-signature vectors (developers.hubspot.com, "Validating requests"), one copy for
both sides that must agree with them: the app's verifier (tests/front_door/test_signature.py) and the sandbox's
signer (tests/sandbox/test_signing.py)."""

from __future__ import annotations

V1_SECRET = "yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy"
V1_BODY = (b'[{"eventId":1,"subscriptionId":12345,"portalId":62515,"occurredAt":1564113600000,'
           b'"subscriptionType":"contact.creation","attemptNumber":0,"objectId":123,"changeSource":"CRM",'
           b'"changeFlag":"NEW","appId":54321}]')

V3_VECTORS = [
    ("12345678-aaaa-bbbb-cccc-ddddeeeeffff", "1111111111", "GET", "https://hubspot.com/?appId=1&portalId=2&userId=3",
     b"", "zTfXjo07jfzGouo4wvyAj3qEMUTVJ0PPYPACrluQtQI="),
    ("12345678-aaaa-bbbb-cccc-ddddeeeeffff", "1111111111", "GET", "https://hubspot.com/?appId=1&portalId=2&userId=3",
     b'{"a":1,"b":2}', "aaknaCGCYJ4yqzuf1UKGqAWUfdcilJtm5nc/ZCudR9k="),
    ("f6e94c08-85d0-4608-bcc6-e1850176e7b8", "1632188626483", "POST", "https://www.hubspot.com/webhook",
     b"REQUEST_BODY", "jf872r5vscVcxCiDRHA4rGrqe/8BPLNVkdJSHdMnGTU="),
    ("f6e94c08-85d0-4608-bcc6-e1850176e7b8", "1632188626483", "POST", "https://www.hubspot.com/webhook",
     b"", "csXgk7UbrE9F8ZmMvbpuKBxqIvTSqU1EX9pI/SJtxSE="),
]
