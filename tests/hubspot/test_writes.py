"""Unit tests of batch updates (207 multi-status) and the task upsert, over a fake session."""

import json
from types import SimpleNamespace

import pytest

from integrations.base import Owner, Record, TaskSpec
from integrations.errors import CrmNotFound, CrmUnavailable
from integrations.hubspot import writes
from integrations.hubspot.session import CallStats


class Model(SimpleNamespace):
    def to_dict(self):
        return dict(self.__dict__)


class FakeSession:
    """Plays the SDK's batch.update: fails the ids in `transient` once, `missing` always."""

    def __init__(self, transient=(), missing=()):
        self.transient, self.missing = set(transient), set(missing)
        self.batches = []
        self.stats = CallStats()
        self.apis = SimpleNamespace(batch=SimpleNamespace(update=self._update))

    def call(self, fn, *args, search=False, idempotent=True, **kwargs):
        return fn(*args, **kwargs)

    def _update(self, object_type, body):
        ids = [i.id for i in body.inputs]
        assert len(ids) <= 100
        self.batches.append(ids)
        errors = []
        retry = [i for i in ids if i in self.transient]
        self.transient -= set(retry)
        if retry:
            errors.append(Model(status="500", category="INTERNAL_ERROR", message="boom", context={"ids": retry}))
        gone = [i for i in ids if i in self.missing]
        if gone:
            errors.append(Model(status="404", category="OBJECT_NOT_FOUND", message="gone", context={"ids": gone}))
        return SimpleNamespace(errors=errors, results=[])


def test_250_updates_go_in_batches_of_100():
    s = FakeSession()
    out = writes.update_fields(s, "deals", [(str(i), {"ai_conversion_score": i}) for i in range(250)], lambda _: None)
    assert [len(b) for b in s.batches] == [100, 100, 50] and len(out) == 250


def test_transient_items_are_resent_and_permanent_ones_raise_after_the_rest():
    s = FakeSession(transient={"3", "150"}, missing={"7"})
    with pytest.raises(CrmNotFound, match="OBJECT_NOT_FOUND") as info:
        writes.update_fields(s, "deals", [(str(i), {"x": 1}) for i in range(200)], lambda _: None)
    assert not info.value.should_retry
    assert ["3"] in s.batches and ["150"] in s.batches  # only the failed items were re-sent


def test_items_failing_forever_raise_retryable():
    s = FakeSession()
    s._update_orig = s._update

    def always(object_type, body):
        return SimpleNamespace(errors=[Model(status="503", category="X", message="m", context={"ids": ["1"]})])

    s.apis.batch.update = always
    with pytest.raises(CrmUnavailable) as info:
        writes.update_fields(s, "deals", [("1", {"x": 1})], lambda _: None)
    assert info.value.should_retry


class TaskSession(FakeSession):
    """Fakes associations + batch read + create/update for tasks."""

    def __init__(self, existing=None):
        super().__init__()
        self.existing = existing
        self.created, self.updated = [], []
        page = SimpleNamespace(results=[Model(to_object_id="9", association_types=[])] if existing else [],
                               paging=None)
        self.apis = SimpleNamespace(
            associations=SimpleNamespace(get_page=lambda *a, **k: page),
            # The raw JSON body, as the SDK hands it over with _preload_content=False (reads.batch_read).
            batch=SimpleNamespace(read=lambda ot, body, **k: SimpleNamespace(data=json.dumps(
                {"results": [{"id": "9", "properties": dict(self.existing)}]}).encode())),
            objects=SimpleNamespace(create=lambda ot, body: self.created.append(body) or SimpleNamespace(id="10"),
                                    update=lambda ot, oid, body: self.updated.append((oid, body.properties))),
        )


def test_upsert_task_creates_then_is_unchanged_then_updates():
    from datetime import UTC, datetime

    rec = Record(crm="hubspot", tenant_id="t", object_type="deal", id="1", owner=Owner(id="7", timezone="UTC"))
    spec = TaskSpec(subject="Call the CFO", body="Ask about budget")
    now = datetime(2026, 11, 25, 12, tzinfo=UTC)
    s = TaskSession()
    assert writes.upsert_task(s, rec, spec, now).status == "created"
    props = s.created[0].properties
    assert s.created[0].associations[0].types[0].association_type_id == 216
    same = TaskSession(existing=props)
    assert writes.upsert_task(same, rec, spec, now).status == "unchanged"
    changed = TaskSession(existing=props)
    r = writes.upsert_task(changed, rec, TaskSpec(subject="Call the CEO", body="Ask about budget"), now)
    assert (r.status, r.id) == ("updated", "9") and changed.updated == [("9", {"hs_task_subject": "Call the CEO"})]
    done = TaskSession(existing={**props, "hs_task_status": "COMPLETED"})
    assert writes.upsert_task(done, rec, spec, now).status == "created"  # a completed task is not reopened


def test_task_create_that_landed_before_a_5xx_is_not_duplicated():
    from datetime import UTC, datetime

    rec = Record(crm="hubspot", tenant_id="t", object_type="deal", id="1", owner=Owner(id="7"))
    spec = TaskSpec(subject="Call", body="Now")
    s = TaskSession()
    props = {}

    def create_then_fail(ot, body):
        props.update(body.properties)  # HubSpot stored it, then the response was lost
        s.existing = props
        s.apis.associations.get_page = lambda *a, **k: SimpleNamespace(
            results=[Model(to_object_id="9", association_types=[])], paging=None)
        raise CrmUnavailable("gateway timeout", status=504, should_retry=True)

    s.apis.objects.create = create_then_fail
    assert writes.upsert_task(s, rec, spec, datetime(2026, 11, 25, tzinfo=UTC)) == \
        writes.WriteResult("created", "9")
