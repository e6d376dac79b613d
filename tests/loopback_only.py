"""No test reaches beyond this machine: a connection to anything but loopback is refused and
named, and the test that tried fails.

A CI box with internet access would otherwise send test tokens to the real HubSpot, Salesforce,
OpenAI or Anthropic whenever a fixture forgets to point a client at a sandbox; offline, the same
test only waits out its retries and passes, so nobody notices. Names under the reserved
top-level domains (RFC 2606/6761: .test, .example, .invalid, .localhost; .internal) fail to
resolve at once, as they would anywhere, and are not counted as an attempt.
"""

from __future__ import annotations

import ipaddress
import socket
from typing import Any

RESERVED_SUFFIXES = (".test", ".example", ".invalid", ".localhost", ".internal", ".local")

attempts: list[str] = []
"""Every refused destination, in order ("host:port"); the autouse fixture fails the test that adds one."""

_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex
_real_getaddrinfo = socket.getaddrinfo


def _is_loopback(host: str) -> bool:
    if host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host.split("%", 1)[0]).is_loopback
    except ValueError:
        return False


def _reserved(host: str) -> bool:
    name = host.rstrip(".").lower()
    return name.endswith(RESERVED_SUFFIXES) or name in {s[1:] for s in RESERVED_SUFFIXES}


def _check(sock: socket.socket, address: Any) -> None:
    if sock.family not in (socket.AF_INET, socket.AF_INET6) or not isinstance(address, tuple):
        return  # Unix sockets, socketpairs: local by construction
    host, port = str(address[0]), address[1]
    if not _is_loopback(host):
        attempts.append(f"{host}:{port}")
        raise ConnectionRefusedError(f"tests reach loopback only; refused a connection to {host}:{port} "
                                     "(point the client at a sandbox: tests/loopback_only.py)")


def _connect(self: socket.socket, address: Any) -> None:
    _check(self, address)
    _real_connect(self, address)


def _connect_ex(self: socket.socket, address: Any) -> int:
    _check(self, address)
    return _real_connect_ex(self, address)


def _getaddrinfo(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
    name = host.decode() if isinstance(host, bytes) else host
    if isinstance(name, str) and not _is_loopback(name):
        if _reserved(name):
            raise socket.gaierror(socket.EAI_NONAME, f"{name} is a reserved name and does not resolve")
        try:
            ipaddress.ip_address(name.split("%", 1)[0])
        except ValueError:  # a public name: resolving it is the first step out
            attempts.append(f"{name}:{port}")
            raise socket.gaierror(socket.EAI_NONAME,
                                  f"tests reach loopback only; refused to resolve {name} "
                                  "(point the client at a sandbox: tests/loopback_only.py)") from None
    return _real_getaddrinfo(host, port, *args, **kwargs)


def install() -> None:
    """Patch the socket module for the whole test session (idempotent)."""
    socket.socket.connect = _connect  # type: ignore[method-assign,assignment]
    socket.socket.connect_ex = _connect_ex  # type: ignore[method-assign,assignment]
    socket.getaddrinfo = _getaddrinfo
