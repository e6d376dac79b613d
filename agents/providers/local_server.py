"""Start, find and stop the project's local OpenAI-compatible server (tools/local-llm/server.mjs).

The server is a Node process over node-llama-cpp's prebuilt CPU binaries; the pinned npm
packages are installed from tools/local-llm/package-lock.json on first use (`npm ci`, no
optional or install scripts: nothing compiles). It listens on 127.0.0.1 only, generates with one
thread by default, and prints its URL as the first line on stdout, which is how we learn the port.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

import httpx

from agents.errors import ConfigurationError
from agents.providers.local_model import QWEN_05B, ModelSpec, ensure_model
from agents.providers.throughput import Throughput, ThroughputError, role_timeouts
from agents.providers.throughput import measure as measure_speed
from agents.settings import (
    LOCAL_CONTEXT_BUDGET_TOKENS,
    LOCAL_LLM_MAX_OUTPUT_TOKENS,
    LOCAL_LLM_TIMEOUT_SECONDS,
    ROLES,
)

TOOL_DIR = Path(__file__).resolve().parents[2] / "tools" / "local-llm"
"""Where server.mjs, package.json and package-lock.json live."""

LOCAL_URL_ENV = "AGENTIC_SALES_LOCAL_LLM_URL"
"""Environment variable naming a running local server's base URL (`.../v1`); real-model tests
run only when it is set."""

START_TIMEOUT_SECONDS = 120.0
"""How long the server may take to load the model and listen (loading takes ~2 s; a busy shared
machine needs far more)."""

STOP_TIMEOUT_SECONDS = 10.0
"""How long the server gets to exit after SIGTERM before it is killed."""

HEALTH_TIMEOUT_SECONDS = 2.0
"""Timeout of one health probe."""

DEFAULT_THREADS = 1
"""Generation threads: one, because with two on a shared 2-core machine generation collapses
to ~1 token/s whenever anything else holds a core (tools/local-llm/README.md)."""

LOCAL_RUN_DEADLINE_SECONDS = 240.0
"""A run's budget for local-model calls, in seconds: three roles at up to a minute each, under
the job timeout (300 s)."""

DEFAULT_CONTEXT_TOKENS = 4096
"""Context size the server allocates per sequence, in tokens."""

DEFAULT_SEQUENCES = 4
"""Requests the server generates at once, each on its own context sequence (~50 MB of KV cache
each at 4k context); node-llama-cpp decodes their next tokens in one batch, and each sequence
keeps the prefix of the last system prompt it served, so one role's instructions are not
evaluated again on its next call."""


def local_preset(url: str, model: str) -> dict[str, Any]:
    """Return the AgentSettings overrides that run every role on the local server at `url`.

    Timeouts and completion caps fit a 0.5B model on one shared core; temperature 0 and a fixed
    seed make answers repeatable; no retries, because a timed-out generation would only time out
    again on the same busy server (the role falls back to offline with the reason instead).
    """
    return {
        "roles": dict.fromkeys(ROLES, f"openai_compatible:{model}"),
        "openai_base_url": url,
        "role_timeouts": dict(LOCAL_LLM_TIMEOUT_SECONDS),
        "max_output_tokens_by_role": dict(LOCAL_LLM_MAX_OUTPUT_TOKENS),
        "temperature": 0.0,
        "seed": 0,
        "max_retries": 0,
        "run_deadline_seconds": LOCAL_RUN_DEADLINE_SECONDS,
        "context_budget_tokens": LOCAL_CONTEXT_BUDGET_TOKENS,
        # the full writer rules are more than a 0.5B model follows (wave 20: 7 of 8 drafts refused)
        "writer_prompt": "writer_small",
    }


PROJECT_SERVER_OWNER = "agentic-sales-local-llm"
"""`owned_by` of the model tools/local-llm/server.mjs lists: how a client recognises it."""


def preset_for(url: str, model: str, *, keep_timeouts: bool = False,
               measure: Callable[[str, str], Throughput] | None = None) -> dict[str, Any]:
    """Return :func:`local_preset` without the role choice, for a run whose provider is already chosen.

    `agents try --provider openai_compatible` against the project's server gets the local model's
    timeouts, completion caps and context budget (the generic 30 s timeout and 3,000-token context
    make a 0.5B model on one core time out); `keep_timeouts` leaves timeouts the user configured.
    Otherwise the server's speed is measured first (two small calls, `measure`, default
    :func:`agents.providers.throughput.measure`) and each role gets at least the time its prompt and
    completion need at that speed: on a loaded machine the fixed preset times every call out.
    A server that cannot be measured keeps the preset's timeouts.
    """
    preset = {k: v for k, v in local_preset(url, model).items() if k not in ("roles", "openai_base_url")}
    if keep_timeouts:
        preset.pop("role_timeouts")
        return preset
    try:
        speed = (measure or measure_speed)(url, model)
    except ThroughputError:
        return preset
    return {**preset, **fitted_timeouts(preset["role_timeouts"], speed)}


def fitted_timeouts(base: dict[str, float], speed: Throughput) -> dict[str, Any]:
    """Return role_timeouts (each at least `base`'s) and a run deadline fitted to a measured speed."""
    derived = role_timeouts(speed, LOCAL_LLM_MAX_OUTPUT_TOKENS)
    timeouts = {r: max(base.get(r, 0.0), derived.get(r, 0.0)) for r in ROLES}
    return {"role_timeouts": timeouts,
            "run_deadline_seconds": max(LOCAL_RUN_DEADLINE_SECONDS, sum(timeouts.values()))}


class LocalServerError(ConfigurationError):
    """The local server could not be installed or started; the message says what to do."""


def is_up(url: str, *, timeout: float = HEALTH_TIMEOUT_SECONDS) -> bool:
    """Tell whether an OpenAI-compatible server answers `GET {url}/models` at `url` (`.../v1`)."""
    try:
        return httpx.get(url.rstrip("/") + "/models", timeout=timeout).status_code == 200
    except httpx.HTTPError:
        return False


def project_server_model(url: str, *, timeout: float = HEALTH_TIMEOUT_SECONDS) -> str | None:
    """Return the model id when the server at `url` is this project's local server, else None.

    tools/local-llm/server.mjs lists its model as owned by PROJECT_SERVER_OWNER; other
    OpenAI-compatible servers (vLLM, Ollama, a hosted API) keep their own timeouts and budgets.
    """
    try:
        data = httpx.get(url.rstrip("/") + "/models", timeout=timeout).json().get("data") or []
    except (httpx.HTTPError, ValueError, AttributeError):
        return None
    first = data[0] if data and isinstance(data[0], dict) else {}
    return str(first["id"]) if first.get("owned_by") == PROJECT_SERVER_OWNER and first.get("id") else None


def served_model(url: str, *, timeout: float = HEALTH_TIMEOUT_SECONDS) -> str | None:
    """Return the id of the first model a running server lists, or None."""
    try:
        data = httpx.get(url.rstrip("/") + "/models", timeout=timeout).json().get("data") or []
    except (httpx.HTTPError, ValueError, AttributeError):
        return None
    return str(data[0]["id"]) if data and isinstance(data[0], dict) and data[0].get("id") else None


def install_runtime(tool_dir: Path = TOOL_DIR, *, log: Callable[[str], None] = lambda _m: None) -> None:
    """Install the pinned node-llama-cpp from the lock file when it is not installed yet.

    Raises:
        LocalServerError: Node/npm missing, or `npm ci` failed (its last line is in the message).
    """
    if (tool_dir / "node_modules" / "node-llama-cpp" / "package.json").is_file():
        return
    npm = shutil.which("npm")
    if not npm or not shutil.which("node"):
        raise LocalServerError("the local LLM server needs Node.js >= 20 and npm on PATH")
    log("installing the pinned node-llama-cpp runtime (npm ci, CPU binaries only)")
    proc = subprocess.run(  # noqa: S603 - fixed argv
        [npm, "ci", "--omit=optional", "--ignore-scripts", "--no-audit", "--no-fund"],
        cwd=tool_dir, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        last = (proc.stderr or proc.stdout).strip().splitlines()[-1:] or ["no output"]
        raise LocalServerError(f"npm ci in {tool_dir} failed: {last[0]}")


@dataclass
class LocalServer:
    """One server process we started; `stop()` (or leaving the `with` block) ends it."""

    process: subprocess.Popen[str]
    url: str
    model: str
    context_size: int

    def stop(self, timeout: float = STOP_TIMEOUT_SECONDS) -> int:
        """Stop the server (SIGTERM, then SIGKILL after `timeout`); return its exit code."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        return int(self.process.returncode or 0)

    def __enter__(self) -> LocalServer:
        return self

    def __exit__(self, et: type[BaseException] | None, ev: BaseException | None, tb: TracebackType | None) -> None:
        self.stop()


def start(
    *, spec: ModelSpec = QWEN_05B, model_path: Path | None = None, port: int = 0,
    threads: int = DEFAULT_THREADS, context_tokens: int = DEFAULT_CONTEXT_TOKENS,
    sequences: int = DEFAULT_SEQUENCES, start_timeout: float = START_TIMEOUT_SECONDS, log: Callable[[str], None] = lambda _m: None,
) -> LocalServer:
    """Fetch and verify the model, install the runtime, start the server and wait until it listens.

    Args:
        spec: the pinned model (fetched into the user cache on first use).
        model_path: a model file to use instead; it is still verified against `spec`.
        port: TCP port on 127.0.0.1; 0 picks a free one.
        threads: generation threads.
        context_tokens: the server's context size per sequence.
        sequences: requests generated at once (batched decoding).
        start_timeout: seconds to wait for the server's first line.
        log: progress lines (the CLI sends them to stderr).

    Raises:
        ModelIntegrityError: the model file is not the pinned one.
        LocalServerError: the runtime or the server could not start.
    """
    from agents.providers.local_model import verify

    path = verify(model_path, spec) if model_path else ensure_model(spec, log=log)
    install_runtime(log=log)
    cmd = [shutil.which("node") or "node", str(TOOL_DIR / "server.mjs"), "--model", str(path),
           "--port", str(port), "--threads", str(threads), "--ctx", str(context_tokens), "--sequences", str(sequences), "--name", spec.name]
    log(f"starting the local LLM server ({spec.name}, {threads} thread(s), {sequences} sequence(s) "
        f"of context {context_tokens})")
    proc = subprocess.Popen(cmd, cwd=TOOL_DIR, stdout=subprocess.PIPE, stderr=subprocess.PIPE,  # noqa: S603
                            text=True, start_new_session=True)
    try:
        first = _first_line(proc, start_timeout)
    except BaseException:  # interrupted while waiting (Ctrl-C, SIGTERM): never leave the server behind
        proc.kill()
        proc.wait()
        raise
    if first is None:
        err = _drain(proc)
        proc.kill()
        proc.wait()
        raise LocalServerError(f"the local LLM server did not start within {start_timeout:g} s: {err or 'no output'}")
    try:
        info = json.loads(first)
    except json.JSONDecodeError:
        proc.kill()
        raise LocalServerError(f"the local LLM server printed {first!r} instead of its URL") from None
    threading.Thread(target=_forward_stderr, args=(proc,), daemon=True).start()
    return LocalServer(proc, info["url"], info["model"], int(info["context_size"]))


def _first_line(proc: subprocess.Popen[str], timeout: float) -> str | None:
    box: list[str] = []
    reader = threading.Thread(target=lambda: box.append(proc.stdout.readline() if proc.stdout else ""), daemon=True)
    reader.start()
    deadline = time.monotonic() + timeout
    while reader.is_alive() and time.monotonic() < deadline and proc.poll() is None:
        reader.join(0.1)
    return box[0].strip() if box and box[0].strip() else None


def _drain(proc: subprocess.Popen[str]) -> str:
    if proc.poll() is None or proc.stderr is None:
        return ""
    lines = [ln.strip() for ln in proc.stderr.read().splitlines() if ln.strip()]
    return lines[-1] if lines else f"exit code {proc.returncode}"


def _forward_stderr(proc: subprocess.Popen[str]) -> None:
    # The server's own log lines go to our stderr only when asked: llama.cpp is chatty.
    verbose = os.environ.get("AGENTIC_SALES_LLM_VERBOSE")
    for line in proc.stderr or ():
        if verbose:
            print(line.rstrip(), file=sys.stderr)
