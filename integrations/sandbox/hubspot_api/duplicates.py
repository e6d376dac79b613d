"""What the demo's faults left behind: duplicate app tasks and notes in a portal (counters)."""

from __future__ import annotations

import re

from .store import Portal


def count(p: Portal, marker: str) -> tuple[int, int]:
    """(open app tasks beyond one per deal, app notes beyond one per idempotency key)."""
    ref = re.compile(re.escape(marker) + r"\s+ref\s+([A-Za-z0-9_.:-]+)")
    open_tasks: dict[str, int] = {}
    for obj in p.objects.get("tasks", {}).values():
        props = obj.properties
        if obj.archived or props.get("hs_task_status") == "COMPLETED":
            continue
        if marker not in f"{props.get('hs_task_subject') or ''} {props.get('hs_task_body') or ''}":
            continue
        for deal_id in p.associations("tasks", obj.id, "deals"):
            open_tasks[deal_id] = open_tasks.get(deal_id, 0) + 1
    keys: dict[str, int] = {}
    for obj in p.objects.get("notes", {}).values():
        if obj.archived:
            continue
        m = ref.search(obj.properties.get("hs_note_body") or "")
        if m:
            keys[m.group(1)] = keys.get(m.group(1), 0) + 1
    return (sum(n - 1 for n in open_tasks.values() if n > 1), sum(n - 1 for n in keys.values() if n > 1))
