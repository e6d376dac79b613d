"""The command line's client of a running sandbox's control API (`/_sandbox/...`), HTTP or HTTPS."""

from __future__ import annotations

import sys
from typing import Any

import click


def control(url: str, method: str, path: str, body: dict | None = None, ca_file: str | None = None) -> Any:
    """Call a running sandbox's control API; exit 1 with one line on stderr on failure."""
    import requests

    try:
        resp = requests.request(method, f"{url.rstrip('/')}/_sandbox/{path}", json=body, timeout=120,
                                verify=ca_file or True)
        resp.raise_for_status()
        return resp.json()
    except requests.RequestException as exc:
        hint = (" (an https sandbox: pass --ca-file, the `ca_file` that `sandbox serve-salesforce` printed)"
                if isinstance(exc, requests.exceptions.SSLError) and not ca_file else "")
        click.echo(f"error: sandbox at {url}: {exc}{hint}", err=True)
        sys.exit(1)


ca_file_option = click.option("--ca-file", type=click.Path(exists=True, dir_okay=False), default=None,
                              help="CA file of an https sandbox (`serve-salesforce` prints it as ca_file).")
