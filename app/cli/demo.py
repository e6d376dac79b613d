"""`agentic-sales demo [--once] [--changes N] [--seed S] [--crm NAME]`."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click


@click.command()
@click.option("--llm", type=click.Choice(["offline", "local"]), default="offline", show_default=True,
              expose_value=False, callback=lambda ctx, _p, v: ctx.meta.__setitem__("demo_llm", v),
              help="Agents on the offline templates, or the rep's edits on the local model server (started if "
                   "none runs; --changes defaults to 3).")
@click.option("--once", is_flag=True, help="Run the scripted changes, print the summary and exit.")
@click.option("--changes", default=30, show_default=True, type=click.IntRange(1, 400),
              help="Rep edits to make in the sandbox.")
@click.option("--seed", default=7, show_default=True, type=int, help="Seed of the simulated market.")
@click.option("--crm", default=None, help="A registered connector (app/connectors); default: the first one, HubSpot.")
@click.option("--open-deals", "open_deals", default=40, show_default=True, type=click.IntRange(1, 20_000),
              help="Open deals in the demo market (the backfill enriches every one).")
@click.option("--faults", default="", help="Sandbox faults during the changes, comma-separated "
              "(e.g. ambiguous-writes,429-bursts,5xx).")
@click.option("--language", type=click.Choice(["de", "fr", "es"]), default=None,
              help="Seed a market whose buyers write this language (German, French or Spanish people, companies and "
                   "emails in their countries); default: the mostly English-speaking market.")
@click.option("--port", default=0, type=click.IntRange(0, 65535), help="App port (default: a free one).")
@click.option("--data-dir", default=None, type=click.Path(file_okay=False),
              help="Where the demo keeps its secrets, database and models (default ~/.agentic-sales/demo).")
def demo(once: bool, changes: int, seed: int, crm: str | None, open_deals: int, faults: str, language: str | None,
         port: int, data_dir: str | None) -> None:
    """Run everything on embedded defaults: a CRM sandbox, app, models, agents, webhooks."""
    from app.demo_llm import prepare_from_cli

    llm_setup, changes = prepare_from_cli(changes)
    from app import logs
    from app.cli.server import stop_on_sigterm
    from app.connectors import DEFAULT_REGISTRY
    from app.demo import Demo, DemoInputError, DemoOptions, driver_names
    from app.progress import Progress
    from app.site import DEMO_RECAP
    from app.site.recap import summary_sentences
    from app.site.snapshot import write_snapshot

    known = sorted(json.loads(DEFAULT_REGISTRY.read_text()))
    crm = crm or driver_names()[0]
    if crm not in known:
        click.echo(f"error: --crm {crm}: not a registered connector (known: {', '.join(known)})", err=True)
        sys.exit(2)
    logs.configure("WARNING")
    names = tuple(n.strip() for n in faults.split(",") if n.strip())
    unknown = _unknown_faults(names, crm)
    if unknown:
        click.echo(f"error: --faults: {unknown}", err=True)
        sys.exit(2)
    if port:
        from app.cli.server import unusable_address

        # Checked before the minutes of training: werkzeug would print two lines of its own and exit 1 after them.
        problem = unusable_address("127.0.0.1", port)
        if problem:
            click.echo(f"error: --port {port}: {problem} (choose another, or leave --port out for a free one)",
                       err=True)
            sys.exit(2)
    opts = DemoOptions(changes=changes, seed=seed, crm=crm, port=port, open_deals=open_deals, faults=names,
                       language=language)
    if data_dir:
        opts.data_dir = Path(data_dir)
    # Bigger books take longer to backfill at the CRM's rate limit; wait in proportion.
    opts.timeout = max(opts.timeout, 0.5 * open_deals + 2.0 * changes)
    progress = Progress(sys.stderr)  # bars on a terminal, a few plain lines in a log file or pipe
    stop_on_sigterm()  # `kill <pid>` stops the demo as Ctrl-C does: its servers and agent processes too
    run = Demo(opts, progress=progress.say)
    interrupted = False
    try:
        run.start()
        run.install()
        run.train()
        run.backfill()
        with progress.bar(f"scoring the {run.backfilled_kinds()}", total=run.backfilled, unit="record") as bar:
            run.drain(lambda done, total: bar.update(done))
        llm_setup.arm(run)  # the backfill ran on the offline templates; the rep's edits run on --llm
        run.arm()
        run.change(changes)
        one, many = run.deal_words()
        with progress.bar(f"enriching the edited {many}", total=len(run.changed), unit="record") as bar:
            latencies = run.wait(lambda done, total: bar.update(done))
        counted = run.counters()
        summary = run.summary(latencies, counted)
        summary.update(llm_setup.summary(run))
        recap = summary_sentences(summary, deal_words=(one, many))
        run.app.config[DEMO_RECAP] = recap
        snapshot = write_snapshot(run.app, opts.data_dir, recap=recap)
        summary["snapshot"] = str(snapshot)
        for line in recap:
            progress.say(line)
        ok = (summary["records_enriched"] == summary["records_changed"] and summary["errors"] == 0
              and not summary.get("duplicate_tasks") and not summary.get("duplicate_notes"))
        if once:
            progress.say(f"Every card, browsable offline: {snapshot}")
            click.echo(json.dumps(summary))
            sys.exit(0 if ok else 1)
        progress.say(f"Open {run.url}/ to see every {one} and its card (Ctrl-C to stop).")
        summary["console_url"] = console_hint(run.app, run.url, crm, progress.say, sandbox_url=run.sandbox_url)
        click.echo(json.dumps(summary))
        serve_until_interrupted()
    except DemoInputError as exc:
        click.echo(f"error: {exc}".splitlines()[0], err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        progress.say("stopping")
        interrupted = True
    except Exception as exc:  # one line, no traceback, for the person running the demo
        click.echo(f"error: demo failed: {type(exc).__name__}: {exc}".splitlines()[0], err=True)
        sys.exit(1)
    finally:
        from app import defaults

        # SIGTERM or Ctrl-C: a few seconds, not the minutes a batch or a chart may take (handed back, not lost).
        run.stop(wait=defaults.SHUTDOWN_WAIT_SECONDS if interrupted else None)
        llm_setup.stop()


def console_hint(app: Any, url: str, crm: str, say: Callable[[str], None], *, sandbox_url: str = "") -> str:
    """Tell the person running the demo where the admin console is and how to get in.

    A sandbox served over HTTPS (a CRM whose API only speaks HTTPS) signs its certificate with the
    demo's own throwaway CA, which no browser trusts: the sign-in stops on a certificate warning
    unless the person is told it is expected.
    """
    from app.connectors import get_connector

    connector = get_connector(crm, app)
    label = getattr(connector, "label", crm)
    account = getattr(connector, "account_word", "account")
    tls = ""
    if sandbox_url.startswith("https://"):
        tls = (f" Its sign-in page ({sandbox_url}) uses a certificate from the demo's own throwaway CA, so "
               f"your browser warns once: continue to that loopback address (nothing leaves this machine).")
    # One URL on stderr (the index, issue 12): the console is named by its path and linked from there.
    say(f"Admin console (install health, field mappings, guardrails, model cards): /admin/ on that address, "
        f"linked from that page; choose \"Sign in with {label}\" and the simulated {account} signs you in "
        f"as its installing user (admin).{tls}")
    return f"{url}/admin/"


def serve_until_interrupted() -> None:
    """Keep the demo's servers up (they run in daemon threads) until Ctrl-C."""
    while True:
        time.sleep(3600)


def _unknown_faults(names: tuple[str, ...], crm: str) -> str | None:
    """One line naming unknown fault names (the CRM sandbox's profile table), or None."""
    if not names:
        return None
    from app.demo import DemoInputError, sandbox_driver

    try:
        sandbox_driver(crm).check_faults(names)
    except (ValueError, DemoInputError) as exc:
        return str(exc)
    return None


commands = [demo]
