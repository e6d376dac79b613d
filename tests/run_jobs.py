"""Run the in-process worker's due jobs, as `make demo` runs them, until a condition holds (tests on the product path)."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from app.dispatch import get_dispatcher


def run_until(app: Any, done: Callable[[], object], timeout: float = 90.0) -> None:
    """Run due jobs until `done()` holds; fail after `timeout` seconds."""
    end = time.time() + timeout
    while time.time() < end:
        get_dispatcher(app).backend.run_due()
        if done():
            return
        time.sleep(0.1)
    raise AssertionError("the pipeline did not get there in time")
