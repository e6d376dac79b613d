"""Fault names a demo may switch on, checked before the sandbox starts (shared by every CRM's demo driver)."""

from __future__ import annotations

from collections.abc import Collection, Sequence


def check_fault_names(faults: Sequence[str], known: Collection[str]) -> None:
    """Raise ValueError naming the unknown faults and the known ones (the CLI turns it into exit 2)."""
    unknown = [f for f in faults if f not in known]
    if unknown:
        raise ValueError(f"unknown fault(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}")
