"""Concurrency limits: calls in flight per process and per tenant.

One limiter is shared by every run in a process (the app keeps it in `app.extensions`); the
per-tenant cap stops one busy tenant from taking every slot.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from agents.errors import ConcurrencyLimited


class ConcurrencyLimiter:
    """Bounded semaphores: one for the process, one per tenant (created on first use)."""

    def __init__(self, per_process: int = 8, per_tenant: int = 2) -> None:
        self.per_process = per_process
        self.per_tenant = per_tenant
        self._process = threading.BoundedSemaphore(per_process)
        self._tenants: dict[str, threading.BoundedSemaphore] = {}
        self._lock = threading.Lock()

    def _tenant(self, tenant_id: str) -> threading.BoundedSemaphore:
        with self._lock:
            sem = self._tenants.get(tenant_id)
            if sem is None:
                sem = self._tenants[tenant_id] = threading.BoundedSemaphore(self.per_tenant)
            return sem

    @contextmanager
    def slot(self, tenant_id: str, *, timeout: float) -> Iterator[None]:
        """Hold one tenant slot and one process slot for the duration of a call.

        Raises:
            ConcurrencyLimited: no slot freed up within `timeout` seconds.
        """
        tenant = self._tenant(tenant_id)
        # Tenant first: a tenant at its cap waits without holding a process slot others could use.
        if not tenant.acquire(timeout=timeout):
            raise ConcurrencyLimited(f"tenant {tenant_id!r} already has {self.per_tenant} calls in flight")
        try:
            if not self._process.acquire(timeout=timeout):
                raise ConcurrencyLimited(f"process already has {self.per_process} calls in flight")
            try:
                yield
            finally:
                self._process.release()
        finally:
            tenant.release()


_DEFAULT: ConcurrencyLimiter | None = None
_DEFAULT_LOCK = threading.Lock()


def process_limiter(per_process: int = 8, per_tenant: int = 2) -> ConcurrencyLimiter:
    """Return this process's shared limiter, creating it with these sizes on first use."""
    global _DEFAULT
    with _DEFAULT_LOCK:
        if _DEFAULT is None:
            _DEFAULT = ConcurrencyLimiter(per_process, per_tenant)
        return _DEFAULT
