"""CRM adapters behind one Protocol, resolved by name.

`resolve_adapter("hubspot")` returns the adapter class; the app builds one instance per tenant
(see each adapter's `connect`). Adapters are imported lazily so that importing `integrations`
does not import every vendor SDK.
"""

from __future__ import annotations

import importlib
from typing import Any

from integrations.base import CrmClient, FieldSpec, Pipeline, Record, Stage, TaskSpec, WriteResult
from integrations.errors import CrmError

ADAPTERS: dict[str, str] = {
    "hubspot": "integrations.hubspot.adapter:HubSpotClient",
}
"""CRM name → "module:Class" of its CrmClient implementation."""


def resolve_adapter(name: str) -> Any:
    """Return the adapter class registered under `name` (e.g. "hubspot").

    Raises:
        KeyError: no adapter is registered under that name.
    """
    try:
        target = ADAPTERS[name]
    except KeyError:
        raise KeyError(f"unknown CRM adapter {name!r}; known: {', '.join(sorted(ADAPTERS))}") from None
    module, _, attr = target.partition(":")
    return getattr(importlib.import_module(module), attr)


__all__ = [
    "ADAPTERS",
    "CrmClient",
    "CrmError",
    "FieldSpec",
    "Pipeline",
    "Record",
    "Stage",
    "TaskSpec",
    "WriteResult",
    "resolve_adapter",
]
