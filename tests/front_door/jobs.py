"""Job functions the dispatch tests plug in as JOB_FUNCTION."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

from app.dispatch.runner import JobContext

_posted: set[str] = set()


class BadMapping(Exception):
    should_retry = False


def post_another_change(ctx: JobContext) -> dict[str, Any]:
    """While the first job runs, a new change for the same record arrives."""
    if ctx.job_id not in _posted and not _posted:
        _posted.add(ctx.job_id)
        from flask import current_app

        from tests.conftest import WebhookSender, deal_event

        WebhookSender(current_app.test_client()).post_events([deal_event(62515, 5, event_id=2)])
    return {}


def fail_permanently(ctx: JobContext) -> dict[str, Any]:
    raise BadMapping("bad mapping for field amount")


def block_until_released(ctx: JobContext) -> dict[str, Any]:
    """Block until the file named by CRASH_TEST_RELEASE exists (the crash test kills us first)."""
    marker = Path(os.environ["CRASH_TEST_DIR"])
    (marker / f"started-{ctx.job_id}").write_text(json.dumps({"pid": os.getpid()}))
    while not (marker / "release").exists():
        time.sleep(0.05)
    return {"released": True}


HOLDING: dict[str, Any] = {}
"""hold_with_a_peer's hand-shake with its test: `peer` (a job id), `started` and `release` (threading.Events)."""


def hold_with_a_peer(ctx: JobContext) -> dict[str, Any]:
    """As a batch does: tell the queue it took a peer's job over, then run until the test releases it."""
    from flask import current_app

    from app.dispatch import get_dispatcher

    get_dispatcher(current_app).backend.taken([HOLDING["peer"]])
    HOLDING["started"].set()
    HOLDING["release"].wait(30)
    return {}
