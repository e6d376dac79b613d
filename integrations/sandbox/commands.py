"""The `agentic-sales sandbox ...` commands each CRM's sandbox adds beside HubSpot's `serve` (app/cli/sandbox.py)."""

from __future__ import annotations

import click


def sandbox_commands() -> list[click.Command]:
    """Commands to add to the `sandbox` group."""
    from integrations.sandbox.salesforce_api.cli import commands

    return list(commands)
