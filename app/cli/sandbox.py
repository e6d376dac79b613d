"""`agentic-sales sandbox serve`: the offline HubSpot API on a simulated market (the other CRMs' sandbox commands
come from integrations/sandbox/commands.py).

Prints one JSON line on stdout (`url`, `hub_ids`, `client_id`, `webhook_url`) once the server
answers; access logs and progress go to stderr. Needs no environment: every setting has a
default, and the seeded market is ready in a few seconds.
"""

from __future__ import annotations

import json
import signal
import sys
import time

import click

from app import defaults
from integrations.sandbox.commands import sandbox_commands
from integrations.sandbox.control_client import ca_file_option as _ca
from integrations.sandbox.control_client import control as _control


@click.group()
def sandbox() -> None:
    """Offline CRM sandboxes (HubSpot API and a Salesforce org emulated over a simulated market)."""


@sandbox.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=defaults.SANDBOX_PORT, show_default=True, type=click.IntRange(0, 65535),
              help="Port (0 = any free port).")
@click.option("--seed", default=7, show_default=True, type=int, help="Seed of the simulated market.")
@click.option("--private-app-token", default=None, help="Static token accepted as Bearer (first portal).")
@click.option("--client-id", default="sandbox-client-id", show_default=True, help="OAuth client id of the app.")
@click.option("--client-secret", default="sandbox-client-secret", show_default=True,
              help="OAuth client secret; also signs webhooks.")
@click.option("--app-id", default=1160452, show_default=True, type=int, help="App id reported in webhooks.")
@click.option("--webhook-url", default=None, help="Webhook target URL (overrides the manifest's).")
@click.option("--public-url", default=None, help="Value for {{PUBLIC_URL}} in the manifest's targetUrl.")
@click.option("--portal", "portals", multiple=True, type=int, help="Hub id of a portal (repeatable).")
@click.option("--access-token-ttl", default=1800, show_default=True, type=int, help="Access token lifetime (s).")
@click.option("--rate-limit", default=110, show_default=True, type=int, help="Requests per window per portal.")
@click.option("--retry-scale", default=1.0, show_default=True, type=float,
              help="Multiplier of the webhook retry schedule (e.g. 0.001 for demos).")
@click.option("--open-deals", default=80, show_default=True, type=int, help="Open deals per portal.")
@click.option("--closed-deals", default=240, show_default=True, type=int, help="Closed deals of history per portal.")
@click.option("--companies", default=60, show_default=True, type=int, help="Companies per portal.")
def serve(host: str, port: int, seed: int, private_app_token: str | None, client_id: str, client_secret: str,
          app_id: int, webhook_url: str | None, public_url: str | None, portals: tuple[int, ...],
          access_token_ttl: int, rate_limit: int, retry_scale: float, open_deals: int, closed_deals: int,
          companies: int) -> None:
    """Serve the HubSpot sandbox until interrupted."""
    from werkzeug.serving import make_server

    from integrations.sandbox import EXTENSION, SandboxConfig, create_sandbox_app

    started = time.monotonic()
    click.echo(f"seeding market (seed {seed}) ...", err=True)
    cfg = SandboxConfig(
        seed=seed, private_app_token=private_app_token, client_id=client_id, client_secret=client_secret,
        app_id=app_id, webhook_url=webhook_url, public_url=public_url, hub_ids=portals or (62515,),
        access_token_ttl=access_token_ttl, rate_limit=rate_limit, retry_scale=retry_scale,
        n_open_deals=open_deals, n_closed_deals=closed_deals, n_companies=companies)
    app = create_sandbox_app(cfg)
    server = make_server(host, port, app, threaded=True)
    url = f"http://{host}:{server.server_port}"
    state = app.extensions[EXTENSION]
    click.echo(f"ready in {time.monotonic() - started:.1f}s", err=True)
    click.echo(json.dumps({"url": url, "hub_ids": list(cfg.hub_ids), "client_id": client_id,
                           "webhook_url": state.webhooks.subs.target_url, "control": f"{url}/_sandbox/health"}))
    sys.stdout.flush()

    def _stop(signum: int, frame: object) -> None:  # pragma: no cover - signal path
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, _stop)
    try:
        server.serve_forever()  # werkzeug returns on KeyboardInterrupt (Ctrl-C or our SIGTERM)
    finally:
        click.echo("stopping", err=True)
        server.server_close()
        state.stop()


_url = click.option("--url", default=f"http://127.0.0.1:{defaults.SANDBOX_PORT}", show_default=True,
                    help="Base URL of a running sandbox.")


@sandbox.command()
@_url
@_ca
@click.option("--days", default=1, show_default=True, type=int, help="Simulated days to advance.")
def advance(url: str, ca_file: str | None, days: int) -> None:
    """Advance a running sandbox's market; its changes go out as webhooks. Prints event counts."""
    click.echo(json.dumps(_control(url, "POST", "advance", {"days": days}, ca_file=ca_file)))


@sandbox.command("rep-changes")
@_url
@_ca
@click.option("--count", default=5, show_default=True, type=int, help="How many deal edits.")
def rep_changes(url: str, ca_file: str | None, count: int) -> None:
    """Make realistic edits to open deals as their reps would in the CRM's UI. Prints them."""
    click.echo(json.dumps(_control(url, "POST", "rep-changes", {"count": count}, ca_file=ca_file)))


@sandbox.command()
@_url
@_ca
def stats(url: str, ca_file: str | None) -> None:
    """Print a running sandbox's counters (requests, 429s, token refreshes, webhooks)."""
    click.echo(json.dumps(_control(url, "GET", "stats", ca_file=ca_file)))


for _command in sandbox_commands():
    sandbox.add_command(_command)  # the other CRMs' sandboxes (`serve-salesforce`, `outbound-url`)

commands = [sandbox]
