"""One demo run for the session: sandbox + app over real HTTP, the same code `make demo` runs."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.demo import DEMO_MARKET, SMALL_MARKET_CLOSED_DEALS, Demo, DemoOptions

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

SHARES_THE_DEMO_RUN = pytest.mark.xdist_group("e2e-demo-run")
"""The mark of the modules reading `demo_run`: under `--dist loadgroup` (`make test-embedded`) one worker runs them
all, so the session's demo is run once, not once per worker."""


def run_demo(tmp: Path, *, changes: int = 30, before_changes=None,
             closed_deals: int = SMALL_MARKET_CLOSED_DEALS) -> tuple[Demo, dict]:
    demo = Demo(DemoOptions(changes=changes, seed=7, data_dir=tmp, timeout=240, closed_deals=closed_deals))
    demo.start()
    demo.install()
    demo.train()
    demo.backfill()
    demo.drain()
    if before_changes:
        before_changes(demo)
    demo.change(changes)
    latencies = demo.wait()
    return demo, demo.summary(latencies)


@pytest.fixture(scope="session")
def demo_run(tmp_path_factory):
    # One run for the console's and the end-to-end module's tests (~1-2 minutes of `make test` each):
    # they read it; the worker-kill test changes one deal that no test after it reads.
    # The market `make demo` runs: on the small one (400 closed deals) the conversion model trained on
    # calendar snapshots is rightly refused by its gate (worse than a logistic regression), and these
    # tests read the card's conversion score.
    demo, summary = run_demo(tmp_path_factory.mktemp("demo"), closed_deals=DEMO_MARKET["n_closed_deals"])
    yield demo, summary
    demo.stop()
