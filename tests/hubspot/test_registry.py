"""The adapter registry resolves HubSpot by name; package exports stay sorted (STYLE rule 24)."""

import pytest

import integrations
import integrations.hubspot
from integrations import CrmClient, resolve_adapter
from integrations.hubspot import HubSpotClient


def test_resolve_hubspot():
    assert resolve_adapter("hubspot") is HubSpotClient
    with pytest.raises(KeyError, match="unknown CRM adapter"):
        resolve_adapter("nope")


def test_hubspot_client_satisfies_protocol():
    for verb in ("get_record", "search_modified_since", "describe", "list_pipelines", "update_fields",
                 "upsert_task", "add_note", "ensure_output_fields"):
        assert callable(getattr(HubSpotClient, verb))
    assert HubSpotClient.crm == "hubspot" and CrmClient is integrations.CrmClient


@pytest.mark.parametrize("module", [integrations, integrations.hubspot])
def test_exports_sorted(module):
    assert module.__all__ == sorted(module.__all__)
    for name in module.__all__:
        assert hasattr(module, name)
