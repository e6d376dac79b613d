"""`kill <pid>` (SIGTERM, what a process manager or a person sends) of `serve` or `demo` stops their
agent processes too: without the handler they outlived the app (observed: 12 orphans, ~67 MB each,
still running 40 minutes after their demos were ended)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APP_LIKE = textwrap.dedent("""
    import os, sys, time
    from app.cli.server import stop_on_sigterm
    from app.pipeline import agent_procs

    if __name__ == "__main__":
        stop_on_sigterm()  # as serve and demo do before they start serving
        print(agent_procs.pool(1).submit(os.getpid).result(timeout=120), flush=True)
        try:
            time.sleep(120)
        except KeyboardInterrupt:
            pass
""")


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat") as fh:  # a zombie is gone for our purpose
        return fh.read().split(")")[-1].split()[0] != "Z"


@pytest.mark.timeout(180)
def test_sigterm_to_the_app_process_ends_its_agent_processes(tmp_path):
    script = tmp_path / "app_like.py"
    script.write_text(APP_LIKE)
    proc = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True, cwd=ROOT,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    child = int(proc.stdout.readline())
    assert alive(child)
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=60)
    deadline = time.monotonic() + 20
    while alive(child) and time.monotonic() < deadline:
        time.sleep(0.2)
    still = alive(child)
    if still:
        os.kill(child, signal.SIGKILL)  # leave nothing behind either way
    assert not still, "the agent process outlived the app it served"
