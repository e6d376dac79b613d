"""The `agentic-sales` command line.

Every command prints its result on stdout (one JSON document or line where there is a result),
logs and progress on stderr, exits 0 only on success, and works from any working directory.
Each command group lives in its own module below and is registered in COMMAND_MODULES.
"""

from __future__ import annotations

import importlib
import sys

import click

COMMAND_MODULES: tuple[str, ...] = (
    "app.cli.server",
    "app.cli.db",
    "app.cli.demo",
    "app.cli.llm",
    "app.cli.manifests",
    "app.cli.crm",
    "app.cli.scoring",
    "app.cli.agents",
    "app.cli.sandbox",
    "app.cli.learning",
    "app.cli.settings",
    "app.cli.costs",
    "app.cli.privacy",
)
"""Modules that each expose `commands`: a list of click commands or groups to add."""


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def cli() -> None:
    """Agentic sales for HubSpot and Salesforce."""


def register_commands() -> None:
    for name in COMMAND_MODULES:
        module = importlib.import_module(name)
        for command in module.commands:
            cli.add_command(command)


def main(argv: list[str] | None = None) -> None:
    """Entry point of the console script."""
    from sqlalchemy.exc import SQLAlchemyError

    from app.cli.target import EXIT_DATABASE, command_database_error
    from app.config import ConfigError

    register_commands()
    try:
        cli.main(args=argv, prog_name="agentic-sales", standalone_mode=True)
    except ConfigError as exc:
        # Any command: a configuration error is one line naming the setting, never a traceback.
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    except SQLAlchemyError as exc:
        # Any command, at any stage (the first connection, or a table read after the tenant check):
        # one line naming the database and what to check, never a traceback.
        click.echo(f"error: {command_database_error(exc)}", err=True)
        sys.exit(EXIT_DATABASE)
    except KeyboardInterrupt:  # pragma: no cover - interactive only
        click.echo("interrupted", err=True)
        sys.exit(130)
