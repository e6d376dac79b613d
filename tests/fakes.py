"""An in-memory CrmClient for fast unit tests of the pipeline (every path is also covered end to
end against the sandbox over real HTTP)."""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any

from integrations.base import FieldSpec, Pipeline, Record, Stage, TaskRef, TaskSpec, WriteResult, WriteSet
from integrations.errors import CrmNotFound


class FakeCrm:
    """Holds records, field values, tasks and notes in dicts; counts every write."""

    crm = "hubspot"

    def __init__(self, records: Sequence[Record] = ()) -> None:
        self.records = {r.id: r for r in records}
        self.fields: dict[str, dict[str, Any]] = {}
        self.tasks: dict[str, dict[str, Any]] = {}
        self.notes: list[dict[str, Any]] = []
        self.writes: list[tuple[str, Any]] = []
        self._ids = itertools.count(1000)
        self.reads: list[list[str]] = []
        self.applies = 0
        self.fail_records: set[str] = set()

    def get_records(self, object_type: str, ids: Sequence[str]) -> dict[str, Record]:
        """Batch read: missing ids are left out; our open task is attached as the real client does."""
        self.reads.append(list(ids))
        out = {}
        for i in ids:
            if i in self.records:
                task = self.tasks.get(i)
                ref = TaskRef(id=task["id"], status=task.get("status"), subject=task["subject"]) if task and \
                    task.get("status") != "COMPLETED" else None
                out[i] = replace(self.records[i], app_task=ref)
        return out

    def apply(self, writes: WriteSet) -> list[WriteResult]:
        """Apply a write set; `fail_records` makes every item of those records fail (transiently)."""
        self.applies += 1
        out: list[WriteResult] = []
        for f in writes.fields:
            if f.record_id in self.fail_records:
                out.append(WriteResult("failed", kind="fields", record_id=f.record_id, error="boom", should_retry=True))
                continue
            r = self.update_fields(f.object_type, [(f.record_id, f.fields)])[0]
            out.append(replace(r, kind="fields", record_id=f.record_id))
        for t in writes.tasks:
            rid = t.record.id
            if rid in self.fail_records:
                out.append(WriteResult("failed", kind="task", record_id=rid, error="boom", should_retry=True))
            elif t.complete:
                task = self.tasks.get(rid)
                if task is None or task.get("status") == "COMPLETED":
                    out.append(WriteResult("skipped", kind="task", record_id=rid))
                else:
                    task["status"] = "COMPLETED"
                    self.writes.append(("task_complete", rid))
                    out.append(WriteResult("completed", task["id"], kind="task", record_id=rid))
            else:
                r = self.upsert_task(t.record, t.task)
                out.append(replace(r, kind="task", record_id=rid))
        for n in writes.notes:
            if n.record.id in self.fail_records:
                out.append(WriteResult("failed", kind="note", record_id=n.record.id, error="boom", should_retry=True))
                continue
            r = self.add_note(n.record, n.text)
            out.append(replace(r, kind="note", record_id=n.record.id))
        return out

    def get_record(self, object_type: str, id: str) -> Record:
        if id not in self.records:
            raise CrmNotFound(f"deal {id} not found", status=404, crm="hubspot")
        return self.records[id]

    def search_modified_since(self, object_type: str, since: datetime) -> list[str]:
        return sorted(self.records)

    def describe(self, object_type: str) -> list[FieldSpec]:
        return [FieldSpec(name="amount", label="Amount", type="number")]

    def list_pipelines(self) -> list[Pipeline]:
        return [Pipeline(id="default", label="Sales", stages=(Stage("open1", "Open", "open"),
                                                              Stage("closedwon", "Won", "won")))]

    def update_fields(self, object_type: str, updates: Sequence[tuple[str, Mapping[str, Any]]]) -> list[WriteResult]:
        out = []
        for rid, values in updates:
            self.fields.setdefault(rid, {}).update(values)
            self.writes.append(("fields", (rid, dict(values))))
            out.append(WriteResult("updated", rid))
        return out

    def upsert_task(self, record: Record, task: TaskSpec) -> WriteResult:
        current = self.tasks.get(record.id)
        new = {"subject": task.subject, "body": task.body, "owner_id": task.owner_id}
        if current is not None:
            if {k: current[k] for k in new} == new:
                return WriteResult("unchanged", current["id"])
            current.update(new)
            self.writes.append(("task_update", record.id))
            return WriteResult("updated", current["id"])
        self.tasks[record.id] = {"id": str(next(self._ids)), **new}
        self.writes.append(("task_create", record.id))
        return WriteResult("created", self.tasks[record.id]["id"])

    def add_note(self, record: Record, text: str) -> WriteResult:
        note = {"id": str(next(self._ids)), "record_id": record.id, "text": text}
        self.notes.append(note)
        self.writes.append(("note", record.id))
        return WriteResult("created", note["id"])

    def ensure_output_fields(self) -> list[str]:
        return []

    def change(self, record_id: str, **changes: Any) -> None:
        self.records[record_id] = replace(self.records[record_id], **changes)
