"""Serve a sandbox's WSGI app from a background thread on loopback (shared by every CRM sandbox)."""

from __future__ import annotations

import ssl
import threading
from dataclasses import dataclass
from typing import Any

from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler, make_server

SHUTDOWN_POLL_SECONDS = 0.05
"""How often a served thread looks for a shutdown request. socketserver's default, 0.5 s, is
what every `stop()` waited: half a second per sandbox stopped, tens of seconds over the tests."""


class QuietHandler(WSGIRequestHandler):
    """Request handler that does not log each request (tests would drown in access logs)."""

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        pass


def serve_in_thread(app: Any, *, host: str, port: int, name: str, quiet: bool = True,
                    ssl_context: ssl.SSLContext | None = None) -> tuple[BaseWSGIServer, threading.Thread]:
    """Start a threaded werkzeug server for `app` (port 0 picks a free one); it accepts requests on return."""
    server = make_server(host, port, app, threaded=True, request_handler=QuietHandler if quiet else None,
                         ssl_context=ssl_context)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": SHUTDOWN_POLL_SECONDS},
                              name=name, daemon=True)
    thread.start()
    return server, thread


@dataclass
class ServedSandbox:
    """A sandbox served from this process (any CRM's): its base URL, its state, the server and its thread; stops
    them all, usable in `with`."""

    url: str
    sandbox: Any
    server: BaseWSGIServer
    thread: threading.Thread

    @property
    def client_id(self) -> str:
        return str(self.sandbox.config.client_id)

    @property
    def client_secret(self) -> str:
        return str(self.sandbox.config.client_secret)

    def stop(self) -> None:
        """Shut the server and the sandbox's background senders down."""
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)
        self.sandbox.stop()

    def __enter__(self) -> Any:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
