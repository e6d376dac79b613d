"""One demo run per module: sandbox + app over real HTTP, the same code `make demo` runs."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.demo import SMALL_MARKET_CLOSED_DEALS, Demo, DemoOptions

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def run_demo(tmp: Path, *, changes: int = 30, before_changes=None) -> tuple[Demo, dict]:
    demo = Demo(DemoOptions(changes=changes, seed=7, data_dir=tmp, timeout=240, closed_deals=SMALL_MARKET_CLOSED_DEALS))
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


@pytest.fixture(scope="module")
def demo_run(tmp_path_factory):
    demo, summary = run_demo(tmp_path_factory.mktemp("demo"))
    yield demo, summary
    demo.stop()
