"""Stopping the `python -m app worker` processes a test started (each in its own session, so the signal reaches
its forked work-horses too)."""

from __future__ import annotations

import os
import signal
import subprocess


def stop_workers(workers: list[subprocess.Popen], *, grace: float = 20.0) -> None:
    """SIGTERM every worker still running (a warm shutdown: the job in hand finishes, the worker withdraws its
    report), wait `grace` seconds each, then SIGKILL one stuck on a blocking call."""
    for w in workers:
        if w.poll() is None:
            os.killpg(w.pid, signal.SIGTERM)
    for w in workers:
        try:
            w.wait(grace)
        except subprocess.TimeoutExpired:
            os.killpg(w.pid, signal.SIGKILL)
            w.wait(10)
