"""A WSGI guard that caps how many request-body bytes any route can read, chunked or not.

Flask's MAX_CONTENT_LENGTH refuses a declared Content-Length that is too large and caps what
`request.get_data()` reads from a chunked body; this middleware is the second wall for anything
that reads `wsgi.input` another way (a library, a future route): the stream itself refuses to
hand out more than the limit, so a 200 MB chunked body never reaches memory.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any

from werkzeug.exceptions import RequestEntityTooLarge

WsgiApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


class CappedInput:
    """A read-only wrapper of `wsgi.input` that raises RequestEntityTooLarge past `limit` bytes."""

    def __init__(self, stream: Any, limit: int) -> None:
        self._stream = stream
        self._limit = limit
        self._read = 0

    def _count(self, data: bytes) -> bytes:
        self._read += len(data)
        if self._read > self._limit:
            raise RequestEntityTooLarge(f"request body over {self._limit} bytes")
        return data

    def read(self, size: int | None = -1) -> bytes:
        # Never ask the server for more than one byte past the limit in one call.
        room = self._limit - self._read + 1
        size = room if size is None or size < 0 else min(size, room)
        return self._count(self._stream.read(size))

    def readline(self, size: int | None = -1) -> bytes:
        room = self._limit - self._read + 1
        size = room if size is None or size < 0 else min(size, room)
        return self._count(self._stream.readline(size))

    def __iter__(self) -> Any:
        while True:
            line = self.readline(65_536)
            if not line:
                return
            yield line


class BodyLimit:
    """WSGI middleware: 413 with a JSON body for a declared length over `limit`, and a capped
    input stream for everything else."""

    def __init__(self, app: WsgiApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        declared = environ.get("CONTENT_LENGTH") or ""
        if declared.isdigit() and int(declared) > self.limit:
            body = json.dumps({"error": "payload_too_large",
                               "detail": f"request body over {self.limit} bytes"}).encode()
            start_response("413 Request Entity Too Large", [
                ("Content-Type", "application/json"), ("Content-Length", str(len(body))),
                ("Connection", "close")])
            return [body]
        if "wsgi.input" in environ:
            environ["wsgi.input"] = CappedInput(environ["wsgi.input"], self.limit)
        return self.app(environ, start_response)
