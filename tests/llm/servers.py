"""Tiny local HTTP servers that misbehave the way real OpenAI-compatible endpoints do."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from integrations.sandbox.serving import SHUTDOWN_POLL_SECONDS

Answer = Callable[[dict], tuple[int, str, bytes]]
"""Request body in; (status, content type, body bytes) out."""


def html_page(_body: dict) -> tuple[int, str, bytes]:
    """A proxy's login page, with status 200."""
    return 200, "text/html", b"<!doctype html><html><body><h1>Sign in to continue</h1></body></html>"


def no_choices(_body: dict) -> tuple[int, str, bytes]:
    """A 200 completion with an empty `choices` list."""
    return 200, "application/json", json.dumps({"id": "x", "object": "chat.completion", "choices": []}).encode()


def truncated_json(_body: dict) -> tuple[int, str, bytes]:
    """A completion whose content is JSON cut off mid-string (finish_reason says stop)."""
    content = '{"summary": "The buyer asked for a proposal and'
    doc = {"id": "x", "object": "chat.completion", "choices": [
        {"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": content}}],
        "usage": {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15}}
    return 200, "application/json", json.dumps(doc).encode()


def silent(seconds: float) -> Answer:
    """Answer nothing for `seconds`, then an HTML page (the client gave up long before)."""

    def answer(body: dict) -> tuple[int, str, bytes]:
        time.sleep(seconds)
        return html_page(body)

    return answer


def json_answer(content: dict) -> Answer:
    """A well-formed completion whose message is `content` as JSON."""

    def answer(_body: dict) -> tuple[int, str, bytes]:
        doc = {"id": "x", "object": "chat.completion", "model": "m", "choices": [
            {"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": json.dumps(content)}}],
            "usage": {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15}}
        return 200, "application/json", json.dumps(doc).encode()

    return answer


@contextmanager
def serving(answer: Answer, *, models: list[dict] | None = None) -> Iterator[tuple[str, list[dict]]]:
    """Run a server answering every chat completion with `answer` (and `GET /v1/models` with
    `models` when given, else 404); yield its /v1 URL and the bodies."""
    bodies: list[dict] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 - http.server's naming
            length = int(self.headers.get("content-length") or 0)
            body = json.loads(self.rfile.read(length) or b"{}")
            bodies.append(body)
            status, ctype, payload = answer(body)
            try:
                self.send_response(status)
                self.send_header("content-type", ctype)
                self.send_header("content-length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client timed out and left

        def do_GET(self) -> None:  # noqa: N802
            if models is None or not self.path.endswith("/models"):
                self.send_response(404)
                self.end_headers()
                return
            payload = json.dumps({"object": "list", "data": models}).encode()
            self.send_response(200)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, *_args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": SHUTDOWN_POLL_SECONDS}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/v1", bodies
    finally:
        server.shutdown()
        server.server_close()
