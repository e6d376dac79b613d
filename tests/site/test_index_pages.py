"""`/` reads a page of records in a fixed number of SQL statements, 50 a page, with a count and
neighbour links; each row's payload is the one its card would show."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta

from sqlalchemy import event, select

from app.cards.payload import card_payload
from app.site.deals import PAGE_SIZE, active_tenants, deals_page
from app.storage import get_db
from app.storage.models import Action, Enrichment, InboxEvent, RecordJob, Tenant
from tests.pipeline.test_card_api import enriched  # noqa: F401 - the fixture: one enriched deal


def _add_records(app, n: int, *, kind: str = "deal", prefix: str = "9") -> list[str]:
    """`n` more enriched records, copies of the fixture's deal under new ids and names."""
    with get_db(app).session() as s:
        row = s.execute(select(Enrichment).order_by(Enrichment.id).limit(1)).scalars().one()
        ids = []
        for i in range(n):
            record_id = f"{prefix}{i:05d}"
            card = {
                **(row.card or {}),
                "record": {
                    **((row.card or {}).get("record") or {}),
                    "id": record_id,
                    "name": f"Acme {kind} {i:05d}",
                    "object_type": kind,
                },
            }
            s.add(
                Enrichment(
                    tenant_id=row.tenant_id,
                    object_type=kind,
                    record_id=record_id,
                    scores=row.scores,
                    analysis=row.analysis,
                    strategy=row.strategy,
                    draft=row.draft,
                    card=card,
                    model_versions=row.model_versions,
                    generated_by=row.generated_by,
                )
            )
            ids.append(record_id)
    return ids


@contextmanager
def counted(app) -> Iterator[list[str]]:
    statements: list[str] = []

    def count(conn, cursor, statement, parameters, context, executemany) -> None:  # noqa: ANN001 - SQLAlchemy's
        statements.append(statement)

    engine = get_db(app).engine
    event.listen(engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", count)


def _index_statements(app, page: int = 1) -> tuple[int, str]:
    client = app.test_client()
    with counted(app) as statements:
        response = client.get(f"/?page={page}")
    assert response.status_code == 200
    return len(statements), response.data.decode()


def test_the_index_reads_the_same_number_of_statements_for_10_records_as_for_200(enriched) -> None:  # noqa: F811
    # Wave 29: the index built a card per record, five statements each: 200 for the 40-deal demo.
    app, _, _ = enriched
    app.config["SANDBOX_MODE"] = True
    _add_records(app, 9)
    small, html = _index_statements(app)
    assert html.count('data-testid="deal-row"') == 10
    _add_records(app, 190, prefix="8")
    _add_records(app, 30, kind="lead", prefix="00Q")
    large, html = _index_statements(app)
    assert html.count('data-testid="deal-row"') == PAGE_SIZE
    assert large == small, f"{small} statements for 10 records, {large} for 230"
    last, html = _index_statements(app, page=5)
    assert last == small and html.count('data-testid="lead-row"') == 30


def test_the_index_pages_by_50_with_a_count_and_next_and_previous_links(enriched) -> None:  # noqa: F811
    app, _, _ = enriched
    app.config["SANDBOX_MODE"] = True
    _add_records(app, 119)
    _add_records(app, 3, kind="lead", prefix="00Q")
    client = app.test_client()
    first = client.get("/").data.decode()
    assert "1–50 of 123" in first and 'data-testid="pager-previous"' not in first
    assert "123 enriched" not in first and "120 enriched deals and 3 leads<" in first
    assert "Deals (120)" in first and 'data-testid="leads"' not in first  # the leads are on the last page
    following = re.search(r'href="([^"]+)" rel="next"', first)
    assert following and following.group(1) == "/?page=2"
    seen: list[str] = re.findall(r'data-testid="deal-link">([^<]+)<', first)
    second = client.get(following.group(1)).data.decode()
    assert (
        "51–100 of 123" in second and 'href="/?page=1" rel="prev"' in second and 'href="/?page=3"' in second
    )
    seen += re.findall(r'data-testid="deal-link">([^<]+)<', second)
    third = client.get("/?page=3").data.decode()
    assert "101–123 of 123" in third and 'rel="next"' not in third
    assert "Leads (3)" in third and third.count('data-testid="lead-row"') == 3
    assert 'data-testid="no-deals"' not in third
    seen += re.findall(r'data-testid="deal-link">([^<]+)<', third)
    assert len(seen) == len(set(seen)) == 120  # every deal once, none twice across the pages
    assert seen == sorted(seen, key=str.lower)
    # A page number past the end, or not a number, reads as the last page or the first; never a server error.
    assert "101–123 of 123" in client.get("/?page=99").data.decode()
    assert "1–50 of 123" in client.get("/?page=x").data.decode()
    assert "1–50 of 123" in client.get("/?page=-4").data.decode()


def test_a_list_that_fits_on_one_page_shows_no_pager(enriched) -> None:  # noqa: F811
    app, _, _ = enriched
    app.config["SANDBOX_MODE"] = True
    _add_records(app, PAGE_SIZE - 1)
    html = app.test_client().get("/").data.decode()
    assert html.count('data-testid="deal-row"') == PAGE_SIZE and 'data-testid="pager"' not in html


def test_each_rows_payload_is_its_cards_pending_stale_with_feedback_and_hidden_scores(enriched) -> None:  # noqa: F811
    # The list reads in bulk what a card reads one record at a time: any difference is a row that lies.
    from app import settings

    app, tid, _ = enriched
    ids = _add_records(app, 6)
    now = datetime.now(UTC)
    settings.update(app, tid, {"card_hidden_scores": ["churn"]}, author="revops@example.com")
    with get_db(app).session() as s:
        crm = s.get_one(Tenant, tid).crm
        newest = {r.record_id: r for r in s.execute(select(Enrichment)).scalars()}
        # An older enrichment inserted after the newest one: the newest by time still wins, as on the card.
        s.add(
            Enrichment(
                tenant_id=tid,
                object_type="deal",
                record_id=ids[0],
                card={"record": {"name": "Old"}},
                created_at=now - timedelta(days=30),
            )
        )
        newest[ids[1]].created_at = now - timedelta(days=8)  # stale
        s.add(RecordJob(tenant_id=tid, crm=crm, object_type="deal", record_id=ids[2], state="running"))
        s.add(RecordJob(tenant_id=tid, crm=crm, object_type="deal", record_id=ids[3], state="idle"))
        s.add(
            InboxEvent(
                tenant_id=tid,
                crm=crm,
                object_type="deal",
                record_id=ids[4],
                kind="update",
                occurred_at=now,
                delivery_key="k1",
            )
        )
        s.add(
            Action(
                tenant_id=tid,
                object_type="deal",
                record_id=ids[5],
                enrichment_id=newest[ids[5]].id,
                kind="feedback_dismiss",
                status="recorded",
                idempotency_key="x1",
                payload={"reason": "wrong_timing"},
            )
        )
        s.add(
            Action(
                tenant_id=tid,
                object_type="deal",
                record_id=ids[5],
                enrichment_id=newest[ids[5]].id,
                kind="task_done",
                status="recorded",
                idempotency_key="x2",
                payload={},
            )
        )
        # Another tenant's job on the same record id must not make this tenant's record pending.
        s.add(
            RecordJob(
                tenant_id=_other(s, tid), crm=crm, object_type="deal", record_id=ids[3], state="running"
            )
        )
    with get_db(app).session() as s:
        listing = deals_page(s, active_tenants(s), now=now, deal_word_of=lambda crm: "opportunity")
        for deal in listing.deals:
            one = card_payload(s, tid, "deal", deal.record_id, now=now, deal_word="opportunity")
            assert deal.payload == one, deal.record_id
    by_id = {d.record_id: d.payload for d in listing.deals}
    assert by_id[ids[0]]["record"]["name"] != "Old"
    assert by_id[ids[1]]["status"] == "stale" and by_id[ids[2]]["status"] == "pending"
    assert by_id[ids[3]]["status"] == "enriched" and by_id[ids[4]]["status"] == "pending"
    assert by_id[ids[5]]["feedback"] == {"action": "dismiss", "reason": "wrong_timing", "task_done": True}
    assert all(p["scores"]["churn"] == {"not_used": {}} for p in by_id.values())
    assert "opportunity" in str(by_id[ids[0]]["dismiss_reasons"])


def _other(session, tid: str) -> str:
    return next(t.id for t in session.execute(select(Tenant)).scalars() if t.id != tid)
