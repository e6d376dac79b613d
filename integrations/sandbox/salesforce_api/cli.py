"""`agentic-sales sandbox serve-salesforce` and `sandbox outbound-url`: the Salesforce sandbox org stand-alone.

`serve-salesforce` serves the simulated org over HTTPS with a CA it generates (Salesforce's API is HTTPS only) and
prints one JSON line on stdout once it answers: `url`, `org_ids`, `ca_file` and the `env` that points the app at it;
progress goes to stderr. `outbound-url` does what an admin does in Setup after the install: points an org's Outbound
Message at the URL the app's install page shows.
"""

from __future__ import annotations

import json
import signal
import sys
import threading
import time
from pathlib import Path
from typing import Any

import click

from integrations.sandbox.control_client import ca_file_option, control

PORT = 8091
"""Default port: beside the HubSpot sandbox's 8090."""


@click.command("serve-salesforce")
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=PORT, show_default=True, type=click.IntRange(0, 65535),
              help="Port (0 = any free port).")
@click.option("--seed", default=7, show_default=True, type=int, help="Seed of the simulated market.")
@click.option("--org", "orgs", multiple=True, help="18-character org id of an org (repeatable).")
@click.option("--client-id", default="3MVG9sandbox.agentic.sales.consumer.key", show_default=True,
              help="Consumer key of the connected app (External Client App).")
@click.option("--client-secret", default="sandbox-consumer-secret", show_default=True, help="Its consumer secret.")
@click.option("--cert-dir", type=click.Path(file_okay=False, writable=True), default=None,
              help="Where the sandbox's CA and server certificate are written (default: a temporary folder "
                   "removed at exit). The app must trust the CA: AGENTIC_SALES_SALESFORCE_CA_BUNDLE.")
@click.option("--outbound-url", default=None,
              help="Outbound Message URL of the first org (copy it from the app's install page; also settable "
                   "later with `sandbox outbound-url`).")
@click.option("--retry-scale", default=1.0, show_default=True, type=float,
              help="Multiplier of the Outbound Message retry schedule (e.g. 0.002 for demos).")
@click.option("--open-deals", default=80, show_default=True, type=int, help="Open opportunities per org.")
@click.option("--closed-deals", default=240, show_default=True, type=int, help="Closed opportunities of history.")
@click.option("--companies", default=60, show_default=True, type=int, help="Accounts per org.")
@click.option("--locale", type=click.Choice(["en", "de", "fr", "es"]), default=None,
              help="Language of the market's people and activity text (default: English).")
def serve_salesforce(host: str, port: int, seed: int, orgs: tuple[str, ...], client_id: str, client_secret: str,
                     cert_dir: str | None, outbound_url: str | None, retry_scale: float, open_deals: int,
                     closed_deals: int, companies: int, locale: str | None) -> None:
    """Serve the Salesforce sandbox (HTTPS, its own CA) until interrupted."""
    bad = [o for o in orgs if len(o) != 18 or not o.isalnum() or not o.startswith("00D")]
    if bad:
        raise click.BadParameter(f"{bad[0]!r} is not an 18-character org id beginning with 00D", param_hint="'--org'")
    # Imported here, not at every `agentic-sales` start: the org's server, its TLS and market.
    from integrations.sandbox.salesforce_api.handle import run_salesforce_sandbox

    started = time.monotonic()
    click.echo(f"seeding market (seed {seed}) ...", err=True)
    overrides: dict[str, Any] = {"org_ids": tuple(orgs)} if orgs else {}
    handle = run_salesforce_sandbox(
        host=host, port=port, cert_dir=Path(cert_dir).resolve() if cert_dir else None, seed=seed, client_id=client_id,
        client_secret=client_secret, retry_scale=retry_scale, n_open_deals=open_deals, n_closed_deals=closed_deals,
        n_companies=companies, locale=locale, **overrides)
    try:
        if outbound_url:
            handle.endpoints(outbound_url=outbound_url)
        click.echo(f"ready in {time.monotonic() - started:.1f}s", err=True)
        env = {"SALESFORCE_CLIENT_ID": client_id, "SALESFORCE_CLIENT_SECRET": client_secret,
               "AGENTIC_SALES_SALESFORCE_LOGIN_URL": handle.url,
               "AGENTIC_SALES_SALESFORCE_CA_BUNDLE": str(handle.ca_file)}
        click.echo(json.dumps({"url": handle.url, "org_ids": list(handle.config.org_ids), "client_id": client_id,
                               "ca_file": str(handle.ca_file), "env": env,
                               "control": f"{handle.url}/_sandbox/health"}))
        sys.stdout.flush()
        stop = threading.Event()
        signal.signal(signal.SIGTERM, lambda *_: stop.set())
        try:
            while not stop.wait(0.5):
                pass
        except KeyboardInterrupt:
            pass
    finally:
        click.echo("stopping", err=True)
        handle.stop()


@click.command("outbound-url")
@click.option("--url", required=True, help="Base URL of the running org (`serve-salesforce` prints it).")
@ca_file_option
@click.option("--org", required=True, help="Org id (`serve-salesforce` prints them as org_ids).")
@click.argument("outbound_url")
def outbound_url_command(url: str, ca_file: str | None, org: str, outbound_url: str) -> None:
    """Point a Salesforce sandbox org's Outbound Message at OUTBOUND_URL (the install page's URL), as an admin
    does in Setup."""
    if not outbound_url.startswith(("http://", "https://")):
        raise click.BadParameter(f"{outbound_url!r} is not a URL: copy the Outbound Message URL from the app's "
                                 "install page", param_hint="'OUTBOUND_URL'")
    health = control(url, "GET", "health", ca_file=ca_file)
    known = health.get("orgs")
    if isinstance(known, list) and org not in known:
        raise click.BadParameter(f"the sandbox hosts {', '.join(map(str, known))}, not {org}", param_hint="'--org'")
    click.echo(json.dumps(control(url, "POST", f"orgs/{org}/endpoints", {"outbound_url": outbound_url},
                                   ca_file=ca_file)))


commands = [serve_salesforce, outbound_url_command]
