"""The tenant's CRM client as the pipeline and the card API get it."""

from __future__ import annotations

from typing import Any


def crm_client(app: Any, tenant_id: str, crm: str) -> Any:
    """The tenant's CrmClient from its connector; `app.extensions["crm_factory"]` overrides."""
    factory = app.extensions.get("crm_factory")
    if factory is not None:
        return factory(tenant_id, crm)
    from app.tenants import client_for

    return client_for(tenant_id, app)
