"""Run the HubSpot sandbox in a process of its own (the demo): a remote CRM, as the real one is.

In the app's own interpreter the emulator's request handling and webhook sender took turns with
the app's worker under one interpreter lock; measured with a sampling profiler on the 400-change
demo, about a fifth of the worker's CPU again. A real CRM runs elsewhere, so a separate process is
the more faithful setup, and on a multi-core machine it runs beside the app.

The child (`python -m integrations.sandbox._process '<json settings>'`) prints one JSON line
(`url`, `hub_id`, `client_id`, `client_secret`) once it answers, then serves until its standard
input closes: the parent's `stop()`, or the parent's death (no orphan is left behind).
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from typing import IO, Any

from ._thread import SandboxControl

STARTUP_SECONDS = 600.0
"""Longest wait for the child's first line (seeding a large market under load takes minutes)."""

STOP_SECONDS = 10.0
"""How long `stop()` waits for the child to exit after closing its input, before killing it."""


class SandboxStartError(RuntimeError):
    """The sandbox process exited or stayed silent before answering; its stderr says why."""


class ProcessSandboxHandle(SandboxControl):
    """A sandbox served by a child process: its URL, first portal and app credentials, the control
    API helpers, and `stop()`."""

    def __init__(self, proc: subprocess.Popen[str], info: dict[str, Any]) -> None:
        self.proc = proc
        self.url = str(info["url"])
        self.hub_id = int(info["hub_id"])
        self.client_id = str(info["client_id"])
        self.client_secret = str(info["client_secret"])

    def stop(self) -> None:
        """Close the child's input (it shuts its server and senders down), then wait; kill if stuck."""
        if self.proc.poll() is not None:
            return
        try:
            if self.proc.stdin is not None:
                self.proc.stdin.close()
            self.proc.wait(STOP_SECONDS)
        except (subprocess.TimeoutExpired, OSError):
            self.proc.kill()
            self.proc.wait(STOP_SECONDS)

    def __enter__(self) -> ProcessSandboxHandle:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def run_in_process(*, host: str = "127.0.0.1", port: int = 0, startup_seconds: float = STARTUP_SECONDS,
                   **overrides: Any) -> ProcessSandboxHandle:
    """Start a sandbox in a child process and return once it accepts requests.

    Args:
        host, port: where the child listens (port 0: a free port).
        startup_seconds: how long to wait for it to answer.
        overrides: SandboxConfig fields, JSON values (e.g. `seed=7`, `webhook_url=...`).

    Raises:
        SandboxStartError: the child exited or did not answer in time.
    """
    settings = json.dumps({"host": host, "port": port, "overrides": overrides})
    proc = subprocess.Popen([sys.executable, "-m", __name__, settings], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=None, text=True)
    line = _first_line(proc.stdout, startup_seconds)
    if not line:
        proc.kill()
        proc.wait(STOP_SECONDS)
        raise SandboxStartError(f"the sandbox process (exit {proc.returncode}) gave no address within "
                                f"{startup_seconds:g} s; its error output is above")
    return ProcessSandboxHandle(proc, json.loads(line))


def _first_line(stream: IO[str] | None, timeout: float) -> str:
    """The child's first stdout line, or "" if it exits or stays silent for `timeout` seconds."""
    if stream is None:
        return ""
    got: list[str] = []
    reader = threading.Thread(target=lambda: got.append(stream.readline()), daemon=True)
    reader.start()
    reader.join(timeout)
    return got[0].strip() if got else ""


def main(argv: list[str]) -> int:
    """The child: serve a sandbox, print where, serve until standard input closes."""
    from ._thread import run_in_thread

    settings = json.loads(argv[0])
    started = time.monotonic()
    handle = run_in_thread(host=settings["host"], port=int(settings["port"]), **settings["overrides"])
    cfg = handle.config
    print(json.dumps({"url": handle.url, "hub_id": handle.hub_id, "client_id": cfg.client_id,
                      "client_secret": cfg.client_secret, "seconds": round(time.monotonic() - started, 1)}),
          flush=True)
    try:
        sys.stdin.read()  # returns at EOF: the parent closed our input or died
    finally:
        handle.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
