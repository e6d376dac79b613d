"""`agentic-sales manifests ...`: render and check the deployable CRM projects.

    agentic-sales manifests build --public-url https://sales.example.com --out build/hubspot
    agentic-sales manifests check build/hubspot [--public-url URL]

Both print one JSON line on stdout; problems go to stderr. Exit codes: 0 ok, 1 checks failed,
2 bad input (a non-https public URL that is not loopback, an unrelated output folder).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from app.manifests import (
    ManifestError,
    build_hubspot_project,
    check_hubspot_project,
    normalize_public_url,
    project_files,
)


def _fail_usage(message: str) -> None:
    click.echo(f"error: {message}", err=True)
    sys.exit(2)


def _report(problems: list[str]) -> None:
    for problem in problems:
        click.echo(f"check failed: {problem}", err=True)


@click.group()
def manifests() -> None:
    """Render and check the CRM app projects (HubSpot developer project)."""


@manifests.command("build")
@click.option("--public-url", required=True, help="The app's public base URL (https; http only on loopback).")
@click.option(
    "--out",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Project folder to create or refresh.",
)
@click.option("--crm", type=click.Choice(["hubspot"]), default="hubspot", show_default=True)
def build_command(public_url: str, out_dir: Path, crm: str) -> None:
    """Render the deployable HubSpot project with the public URL filled in, then check it."""
    try:
        url = normalize_public_url(public_url)
        out = build_hubspot_project(url, out_dir)
    except ManifestError as exc:
        _fail_usage(str(exc))
        return
    if url.startswith("http://"):
        click.echo(
            "note: HubSpot accepts only https URLs (never localhost) in permittedUrls.fetch; a loopback "
            "build is for offline checks and the demo. For `hs project dev`, build with the https URL and "
            "map it to the local server in src/app/local.json.",
            err=True,
        )
    problems = check_hubspot_project(out, url)
    _report(problems)
    click.echo(
        json.dumps(
            {
                "crm": crm,
                "out_dir": str(out),
                "public_url": url,
                "files": project_files(out),
                "checks_passed": not problems,
                "problems": problems,
            }
        )
    )
    sys.exit(1 if problems else 0)


@manifests.command("check")
@click.argument("project_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--public-url", default=None, help="URL the project must point at (default: the card's API_BASE)."
)
def check_command(project_dir: Path, public_url: str | None) -> None:
    """Check a rendered HubSpot project offline (hsmeta shape, uids, entry points, URLs)."""
    if public_url is not None:
        try:
            public_url = normalize_public_url(public_url)
        except ManifestError as exc:
            _fail_usage(str(exc))
            return
    problems = check_hubspot_project(project_dir, public_url)
    _report(problems)
    click.echo(
        json.dumps({"dir": str(project_dir.resolve()), "checks_passed": not problems, "problems": problems})
    )
    sys.exit(1 if problems else 0)


commands = [manifests]
