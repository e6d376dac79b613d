"""Fixtures: a running sandbox (real sockets), a webhook receiver, and SDK clients.

The sandbox is module-scoped (seeding takes about a second); tests that change faults or
limits reset them in `finally` blocks or use their own server.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
import requests
from werkzeug.serving import WSGIRequestHandler, make_server
from werkzeug.wrappers import Request, Response

from integrations.sandbox import SandboxHandle, run_in_thread
from integrations.sandbox.serving import SHUTDOWN_POLL_SECONDS

SMALL = {"n_companies": 25, "n_owners": 4, "n_open_deals": 30, "n_closed_deals": 60}
CLIENT_SECRET = "sandbox-test-secret"


class _Quiet(WSGIRequestHandler):
    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        pass


@dataclass
class Receiver:
    """A real HTTP endpoint that records webhook deliveries and answers with `status(n)`."""

    url: str = ""
    deliveries: list[dict[str, Any]] = field(default_factory=list)
    status: Callable[[int], int] = lambda n: 204
    lock: threading.Lock = field(default_factory=threading.Lock)

    def events(self) -> list[dict[str, Any]]:
        with self.lock:
            return [e for d in self.deliveries for e in json.loads(d["body"])]

    def wait(self, predicate: Callable[[Receiver], bool], timeout: float = 10.0) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if predicate(self):
                return True
            time.sleep(0.02)
        return predicate(self)


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    rec = Receiver()

    @Request.application
    def app(request: Request) -> Response:
        with rec.lock:
            n = len(rec.deliveries)
            rec.deliveries.append({"url": request.url, "headers": dict(request.headers),
                                   "body": request.get_data(), "method": request.method})
        return Response("", status=rec.status(n))

    server = make_server("127.0.0.1", 0, app, threaded=True, request_handler=_Quiet)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": SHUTDOWN_POLL_SECONDS}, daemon=True)
    thread.start()
    rec.url = f"http://127.0.0.1:{server.server_port}/webhooks/hubspot?app=1"
    yield rec
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def sandbox() -> Iterator[SandboxHandle]:
    handle = run_in_thread(seed=11, client_secret=CLIENT_SECRET, private_app_token="pat-na1-test", **SMALL)
    yield handle
    handle.stop()


@pytest.fixture
def token(sandbox: SandboxHandle) -> str:
    return sandbox.token()["access_token"]


@pytest.fixture
def api(sandbox: SandboxHandle, token: str) -> Callable[..., requests.Response]:
    """Call the sandbox's HubSpot API with a fresh OAuth token: api("GET", "/crm/v3/...")."""
    def call(method: str, path: str, **kw: Any) -> requests.Response:
        return requests.request(method, sandbox.url + path, headers={"Authorization": f"Bearer {token}"},
                                timeout=10, **kw)
    return call


@pytest.fixture
def hubspot(sandbox: SandboxHandle, token: str):
    """The real SDK, pointed at the sandbox, with client-side validation on in every model."""
    from hubspot import HubSpot

    return HubSpot(access_token=token, host=sandbox.url, base_url=sandbox.url, client_side_validation=True)
