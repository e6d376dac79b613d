"""A Salesforce sandbox per test module (HTTPS, small market) and a client builder over it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from integrations.base import Installation
from integrations.salesforce.connector import CONNECTOR
from integrations.salesforce.oauth import parse_token_response
from integrations.sandbox.salesforce_api import SalesforceSandboxHandle, run_salesforce_sandbox

ORGS = ("00D5g000004ABCDEAW", "00D5g000009ZZZZEAW")


@pytest.fixture(scope="module")
def sfsb() -> Iterator[SalesforceSandboxHandle]:
    with run_salesforce_sandbox(seed=5, org_ids=ORGS, n_companies=20, n_open_deals=30, n_closed_deals=60,
                                retry_scale=0.0005) as sb:
        yield sb


@pytest.fixture(autouse=False)
def clean_faults(sfsb: SalesforceSandboxHandle) -> Iterator[None]:
    sfsb.faults(latency_ms=0, error_5xx_rate=0.0, ambiguous_write_rate=0.0, ambiguous_next=0, limit_storm=0,
                limit_403_rate=0.0, duplicate_rate=0.0, expire_at_request=0)
    yield
    sfsb.faults(latency_ms=0, error_5xx_rate=0.0, ambiguous_write_rate=0.0, ambiguous_next=0, limit_storm=0,
                limit_403_rate=0.0, duplicate_rate=0.0, expire_at_request=0)


def sf_config(sb: SalesforceSandboxHandle, **extra: Any) -> dict[str, Any]:
    return {"SALESFORCE_CLIENT_ID": sb.client_id, "SALESFORCE_CLIENT_SECRET": sb.client_secret,
            "SALESFORCE_LOGIN_URL": sb.url, "SALESFORCE_CA_BUNDLE": str(sb.ca_file), "SECRET_KEY": "k", **extra}


@pytest.fixture
def make_client(sfsb: SalesforceSandboxHandle, clean_faults: None) -> Any:
    def make(org_id: str = ORGS[0], saved: list[Any] | None = None, settings: dict[str, Any] | None = None) -> Any:
        """A client for the org; `settings` as the app passes an installation's (mappings ...)."""
        tok = parse_token_response(sfsb.token(org_id))
        inst = Installation(tenant_id=CONNECTOR.tenant_id_for(org_id), crm="salesforce", account_id=org_id,
                            tokens=tok, settings=settings or {})
        return CONNECTOR.client(inst, config=sf_config(sfsb),
                                on_tokens=saved.append if saved is not None else None)
    return make
