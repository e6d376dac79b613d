"""Salesforce test helpers: install an org as a tenant, sign callouts like the package's Apex."""

from __future__ import annotations

import json
import time
from typing import Any

from integrations.salesforce.webhook_secret import installation_secret
from tests.conftest import TEST_SECRET_KEY
from webhooks.salesforce import signature

ORG = "00D5g000004ABCDEAW"
OTHER_ORG = "00D5g000009ZZZZEAW"


def install_org(application: Any, org_id: str = ORG) -> str:
    """An active Salesforce tenant with an installation (tokens encrypted)."""
    from app.storage import get_cipher, get_db
    from app.storage.models import Installation, Tenant

    tid = f"salesforce-{org_id}"
    cipher = get_cipher(application)
    with get_db(application).session() as s:
        s.add(Tenant(id=tid, crm="salesforce", external_id=org_id, name=f"Org {org_id}"))
        s.flush()
        s.add(Installation(tenant_id=tid, crm="salesforce", access_token_enc=cipher.encrypt("00D!access"),
                           refresh_token_enc=cipher.encrypt("5Aep861refresh"), scopes=["api", "refresh_token"]))
    return tid


def secret_for(org_id: str = ORG, key: str = TEST_SECRET_KEY) -> str:
    return installation_secret(key, org_id)


def outbound_path(org_id: str = ORG, secret: str | None = None) -> str:
    return f"/webhooks/salesforce/outbound/{org_id}/{secret if secret is not None else secret_for(org_id)}"


def callout_headers(body: bytes, org_id: str = ORG, *, ts: int | None = None, secret: str | None = None
                    ) -> dict[str, str]:
    stamp = str(int(time.time()) if ts is None else ts)
    return {"Content-Type": "application/json", signature.ORG_HEADER: org_id, signature.TIMESTAMP_HEADER: stamp,
            signature.SIGNATURE_HEADER: signature.sign(secret=secret or secret_for(org_id), timestamp=stamp,
                                                       body=body)}


def callout_body(org_id: str = ORG, events: list[dict[str, Any]] | None = None) -> bytes:
    from tests.conftest import FIXTURES

    payload = json.loads((FIXTURES / "salesforce" / "callout_update.json").read_text())
    payload["organizationId"] = org_id
    if events is not None:
        payload["events"] = events
    return json.dumps(payload, separators=(",", ":")).encode()


def inbox_rows(application: Any) -> list[Any]:
    from sqlalchemy import select

    from app.storage import get_db
    from app.storage.models import InboxEvent

    with get_db(application).session() as s:
        return list(s.execute(select(InboxEvent)).scalars())
