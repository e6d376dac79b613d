"""`agentic-sales manifests ...`: render and check the deployable CRM projects.

    agentic-sales manifests build --public-url https://sales.example.com --out build/hubspot [--crm NAME]
    agentic-sales manifests check build/hubspot [--public-url URL] [--crm NAME]

The project builder of each CRM is a module named in `app/connectors/projects.json` (configuration
data: CRM name -> module with `build_project`, `check_project`, `normalize_public_url`,
`project_files`, `ManifestError` and `LOOPBACK_NOTE`); the first entry is the default.

Both print one JSON line on stdout; problems go to stderr. Exit codes: 0 ok, 1 checks failed,
2 bad input (a non-https public URL that is not loopback, an unrelated output folder).
"""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path
from types import ModuleType

import click

PROJECTS = Path(__file__).resolve().parents[1] / "connectors" / "projects.json"
"""CRM name -> module that renders and checks its deployable project (configuration data)."""


def project_names() -> list[str]:
    return list(json.loads(PROJECTS.read_text()))


def project_module(crm: str) -> ModuleType:
    return importlib.import_module(json.loads(PROJECTS.read_text())[crm])


CRM_OPTION = click.option("--crm", type=click.Choice(project_names()), default=project_names()[0], show_default=True,
                          help="Whose project to render (CRMs with a deployable project).")


def _fail_usage(message: str) -> None:
    click.echo(f"error: {message}", err=True)
    sys.exit(2)


def _report(problems: list[str]) -> None:
    for problem in problems:
        click.echo(f"check failed: {problem}", err=True)


@click.group()
def manifests() -> None:
    """Render and check the CRM app projects (e.g. the HubSpot developer project)."""


@manifests.command("build")
@click.option("--public-url", required=True, help="The app's public base URL (https; http only on loopback).")
@click.option(
    "--out",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Project folder to create or refresh.",
)
@CRM_OPTION
def build_command(public_url: str, out_dir: Path, crm: str) -> None:
    """Render the CRM's deployable project with the public URL filled in, then check it."""
    project = project_module(crm)
    try:
        url = project.normalize_public_url(public_url)
        out = project.build_project(url, out_dir)
    except project.ManifestError as exc:
        _fail_usage(str(exc))
        return
    if url.startswith("http://"):
        click.echo(f"note: {project.LOOPBACK_NOTE}", err=True)
    problems = project.check_project(out, url)
    _report(problems)
    click.echo(
        json.dumps(
            {
                "crm": crm,
                "out_dir": str(out),
                "public_url": url,
                "files": project.project_files(out),
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
@CRM_OPTION
def check_command(project_dir: Path, public_url: str | None, crm: str) -> None:
    """Check a rendered project offline (HubSpot: hsmeta shape, uids, entry points, URLs)."""
    project = project_module(crm)
    if public_url is not None:
        try:
            public_url = project.normalize_public_url(public_url)
        except project.ManifestError as exc:
            _fail_usage(str(exc))
            return
    problems = project.check_project(project_dir, public_url)
    _report(problems)
    click.echo(
        json.dumps({"dir": str(project_dir.resolve()), "checks_passed": not problems, "problems": problems})
    )
    sys.exit(1 if problems else 0)


commands = [manifests]
