"""`agentic-sales demo [--once] [--changes N] [--seed S] [--crm hubspot]`."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import click


@click.command()
@click.option("--once", is_flag=True, help="Run the scripted changes, print the summary and exit.")
@click.option("--changes", default=None, type=click.IntRange(1, 400),
              help="Rep edits to make in the sandbox (default 30; 3 with --llm local).")
@click.option("--seed", default=7, show_default=True, type=int, help="Seed of the simulated market.")
@click.option("--crm", default="hubspot", show_default=True, type=click.Choice(["hubspot", "salesforce"]))
@click.option("--port", default=0, type=int, help="App port (default: a free one).")
@click.option("--data-dir", default=None, type=click.Path(file_okay=False),
              help="Where the demo keeps its secrets, database and models (default ~/.agentic-sales/demo).")
@click.option("--llm", "llm", default="offline", show_default=True, type=click.Choice(["offline", "local"]),
              help="Agents on the offline templates, or on the local model server (started if none runs).")
def demo(once: bool, changes: int | None, seed: int, crm: str, port: int, data_dir: str | None, llm: str) -> None:
    """Run everything on embedded defaults: sandbox HubSpot, app, models, agents, webhooks."""
    from tqdm import tqdm

    from app import logs
    from app.demo import Demo, DemoOptions

    if crm != "hubspot":
        click.echo("error: --crm salesforce: the Salesforce sandbox is not built yet; use --crm hubspot", err=True)
        sys.exit(2)
    from app.demo_llm import LOCAL_DEMO_CHANGES, LOCAL_WAIT_SECONDS_PER_RECORD, llm_summary, prepare

    logs.configure("WARNING")
    changes = changes or (LOCAL_DEMO_CHANGES if llm == "local" else 30)
    from agents.errors import ConfigurationError

    try:
        llm_setup = prepare(llm, log=lambda m: click.echo(m, err=True))
    except ConfigurationError as exc:
        click.echo(f"error: {' '.join(str(exc).split())}", err=True)
        sys.exit(2)
    opts = DemoOptions(changes=changes, seed=seed, crm=crm, port=port)
    if llm == "local":
        opts.timeout = max(opts.timeout, LOCAL_WAIT_SECONDS_PER_RECORD * changes)
    if data_dir:
        opts.data_dir = Path(data_dir)
    steps = tqdm(total=6, desc="demo", file=sys.stderr, unit="step", dynamic_ncols=True)

    def say(message: str) -> None:
        tqdm.write(message, file=sys.stderr)

    run = Demo(opts, progress=say)
    try:
        run.start()
        steps.update()
        run.install()
        steps.update()
        run.train()
        steps.update()
        run.backfill()
        bar = tqdm(total=run.backfilled, desc="backfill", file=sys.stderr, unit="deal", dynamic_ncols=True)

        def drained(done: int, total: int) -> None:
            bar.n = max(0, done)
            bar.refresh()

        run.drain(drained)
        bar.close()
        steps.update()
        # The backfill ran on the offline templates; the rep's edits run on the chosen LLM.
        run.app.config.update(llm_setup.config)
        run.change(changes)
        steps.update()
        bar = tqdm(total=len(run.changed), desc="enriched", file=sys.stderr, unit="deal", dynamic_ncols=True)

        def tick(done: int, total: int) -> None:
            bar.n = done
            bar.refresh()

        latencies = run.wait(tick)
        bar.close()
        steps.update()
        steps.close()
        summary = run.summary(latencies)
        summary.update(llm_summary(run.app, run.tenant_id))
        summary["llm"] = f"openai_compatible:{llm_setup.model}" if llm == "local" else "offline-template"
        say("card previews (open in a browser):")
        for url in run.preview_urls()[:5]:
            say(f"  {url}")
        click.echo(json.dumps(summary))
        ok = summary["records_enriched"] == summary["records_changed"] and summary["errors"] == 0
        if once:
            sys.exit(0 if ok else 1)
        say(f"serving the app on {run.url} and the sandbox on {run.sandbox.url}; Ctrl-C to stop")
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        say("stopping")
    except Exception as exc:  # one line, no traceback, for the person running the demo
        click.echo(f"error: demo failed: {type(exc).__name__}: {exc}".splitlines()[0], err=True)
        sys.exit(1)
    finally:
        run.stop()
        llm_setup.stop()


commands = [demo]
