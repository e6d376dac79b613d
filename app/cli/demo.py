"""`agentic-sales demo [--once] [--changes N] [--seed S] [--crm hubspot]`."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

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
@click.option("--crm", default="hubspot", show_default=True, type=click.Choice(["hubspot", "salesforce"]))
@click.option("--port", default=0, type=int, help="App port (default: a free one).")
@click.option("--data-dir", default=None, type=click.Path(file_okay=False),
              help="Where the demo keeps its secrets, database and models (default ~/.agentic-sales/demo).")
def demo(once: bool, changes: int, seed: int, crm: str, port: int, data_dir: str | None) -> None:
    """Run everything on embedded defaults: sandbox HubSpot, app, models, agents, webhooks."""
    from app.demo_llm import prepare_from_cli

    llm_setup, changes = prepare_from_cli(changes)
    from tqdm import tqdm

    from app import logs
    from app.demo import Demo, DemoOptions

    if crm != "hubspot":
        click.echo("error: --crm salesforce: the Salesforce sandbox is not built yet; use --crm hubspot", err=True)
        sys.exit(2)
    logs.configure("WARNING")
    opts = DemoOptions(changes=changes, seed=seed, crm=crm, port=port)
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
        llm_setup.arm(run)  # the backfill ran on the offline templates; the rep's edits run on --llm
        bar.close()
        steps.update()
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
        say("card previews (open in a browser):")
        for url in run.preview_urls()[:5]:
            say(f"  {url}")
        summary.update(llm_setup.summary(run))
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
