"""Uninstall erases a tenant everywhere we hold it: every table, the model store, the data
directory and in-process caches — checked by walking them all, not by a list of what we wrote."""

from __future__ import annotations

import json

from sqlalchemy import select

from app.pipeline.tenant import model_dir
from app.storage import get_db
from app.storage.models import Base
from app.tenants.uninstall import uninstall
from tests.conftest import WebhookSender, deal_event, install_tenant
from tests.pipeline.test_card_api import enriched  # noqa: F401 - the fixture: one enriched deal

ACCOUNT = "73911"


def leftovers_in_tables(app, needles):
    found = []
    with get_db(app).session() as s:
        for table in Base.metadata.sorted_tables:
            for row in s.execute(select(table)).mappings():
                text = json.dumps({k: v for k, v in row.items()}, default=str)
                if any(n in text for n in needles):
                    found.append((table.name, text[:120]))
    return found


def test_after_uninstall_no_file_or_row_of_the_tenant_remains(app):
    tid = install_tenant(app, ACCOUNT)
    other = install_tenant(app, "55555")
    sender = WebhookSender(app.test_client())
    sender.post_events([deal_event(int(ACCOUNT), 1, event_id=1), {**deal_event(int(ACCOUNT), 2, event_id=2),
                                                                 "objectId": "not-an-id"}])
    sender.post_events([deal_event(55555, 9, event_id=9)])
    for root in (model_dir(app) / tid / "conversion" / "v1", app.config["DATA_DIR"] + f"/snapshots/{tid}"):
        from pathlib import Path

        Path(root).mkdir(parents=True, exist_ok=True)
        (Path(root) / "model.skops").write_bytes(b"artefact")
    app.extensions.setdefault("champions", {})[tid] = ((0,), {})

    result = uninstall(tid, app, revoke=False)

    assert result["found"] and result["files_deleted"] >= 2
    assert leftovers_in_tables(app, [tid, f'"{ACCOUNT}"', f"portalId\\\": {ACCOUNT}"]) == []
    from pathlib import Path

    data_dir = Path(app.config["DATA_DIR"])
    left = [p for p in list(data_dir.rglob("*")) + list(Path(model_dir(app)).rglob("*"))
            if tid in str(p) or ACCOUNT in p.name]
    assert left == []
    assert tid not in app.extensions["champions"]
    # The other tenant is untouched.
    assert leftovers_in_tables(app, [other])


def test_after_uninstall_the_demo_snapshot_keeps_no_card_or_deal_of_the_tenant(enriched):  # noqa: F811
    # A demo's data directory holds the `demo --once` snapshot: a card file per enriched deal, named
    # after its account, and an index listing each deal. Uninstalling that account must take them too.
    from pathlib import Path

    from app.site.snapshot import write_snapshot

    app, tid, other = enriched
    data_dir = Path(app.config["DATA_DIR"])
    index = write_snapshot(app, data_dir, recap=["You edited 1 deal in the HubSpot sandbox."])
    assert [p.name for p in (data_dir / "snapshot" / "cards").iterdir()] == [f"{tid}-8807.html"]
    assert "8807" in index.read_text()

    uninstall(tid, app, revoke=False)

    assert [str(p) for p in data_dir.rglob("*") if tid in p.name] == []
    assert "8807" not in index.read_text()
    assert leftovers_in_tables(app, [other])  # the other tenant is untouched
