"""The enriched deals (and, in a Salesforce org, Leads) of a tenant, newest enrichment per record, for the
index page and the snapshot.

A list is read a page at a time in a fixed number of statements, whatever the size of the book: one for the
page's newest enrichments (ranked per record in SQL), then one each for the page's pending jobs, waiting
changes and feedback, and each tenant's hidden scores. Reading a card per record cost five statements a
record: 200 for a 40-deal demo, tens of thousands for a real book.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.cards.actions import feedback_by_enrichment
from app.cards.payload import enriched_payload, hidden_scores, pending_records
from app.storage.models import Enrichment, Tenant

PAGE_SIZE = 50
"""Records on one page of the index."""

KINDS = ("deal", "lead")
"""What the index lists, in this order: deals, then (a Salesforce org's) Leads."""


@dataclass(frozen=True)
class EnrichedDeal:
    crm: str
    account: str
    record_id: str
    title: str
    payload: dict[str, Any]
    object_type: str = "deal"
    """`deal`, or `lead` for a Salesforce Lead (enriched like a deal, listed apart and labelled a lead)."""


@dataclass(frozen=True)
class DealsPage:
    """One page of the index: its records (deals first, then leads) and the totals of the whole list."""

    deals: list[EnrichedDeal]
    counts: dict[str, int]
    """Records of each kind in the whole list (`deal`, `lead`), not only on this page."""
    crms: frozenset[str]
    """The CRMs of the tenants with a record in the list (the page's words for a deal follow them)."""
    page: int
    pages: int
    first: int
    """1-based position of the page's first record in the whole list (0 for an empty list)."""

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def active_tenants(session: Session) -> list[Tenant]:
    return list(session.execute(select(Tenant).where(Tenant.status == "active").order_by(Tenant.created_at))
                .scalars())


def _newest_per_record(tenant_ids: Sequence[str], kinds: Sequence[str]) -> Any:
    """The id of each record's newest enrichment (the order app.cards.payload.latest_enrichment reads)."""
    rank = func.row_number().over(
        partition_by=(Enrichment.tenant_id, Enrichment.object_type, Enrichment.record_id),
        order_by=(Enrichment.created_at.desc(), Enrichment.id.desc()))
    ranked = (select(Enrichment.id, rank.label("rank"))
              .where(Enrichment.tenant_id.in_(tenant_ids), Enrichment.object_type.in_(kinds)).subquery())
    return select(ranked.c.id).where(ranked.c.rank == 1)


def title_key(title: str) -> tuple[str, str]:
    """How the list orders titles: as a reader would look them up, by letters whatever their case or accents
    ("Émile" beside "Emile", "straße" as "strasse"), then as written so that equal keys keep one order.

    Sorted here, not by the database: PostgreSQL orders text by the database's collation (C, en_US.UTF-8, ...:
    "Polar Supply – Enterprise plan" before or after "Polar Supply Ltd – Premium support" depending on the server),
    and SQLite's lower() folds ASCII only ("Émile" after "Zeta"); the same book listed in different orders on the
    demo and in production, and on two production databases."""
    folded = unicodedata.normalize("NFKD", title.casefold())
    return "".join(c for c in folded if not unicodedata.combining(c)), title


def _display_title(name: Any, object_type: str, record_id: str) -> str:
    return str(name) if name else f"{object_type.title()} {record_id}"


def deals_page(session: Session, tenants: Sequence[Tenant], *, page: int = 1, per_page: int | None = PAGE_SIZE,
               deal_word_of: Any = None, kinds: Sequence[str] = KINDS, now: datetime | None = None) -> DealsPage:
    """Page `page` (from 1; a page past the end reads as the last) of the tenants' enriched records, deals then
    leads, each by tenant then title, with their live card payloads; `per_page=None` reads them all.
    `deal_word_of(crm)` is the CRM's word for a deal, for the payloads' text."""
    now = now or datetime.now(UTC)
    by_id = {t.id: t for t in tenants}
    if not by_id:
        return DealsPage([], {}, frozenset(), 1, 1, 0)
    newest = _newest_per_record(list(by_id), kinds)
    # One light read of every listed record (ids and names, no payloads) to order and count them; then the page's
    # rows in full. The titles are ordered here (title_key), the same on every database.
    listed = session.execute(
        select(Enrichment.id, Enrichment.tenant_id, Enrichment.object_type, Enrichment.record_id,
               Enrichment.card["record"]["name"].as_string())
        .where(Enrichment.id.in_(newest))).all()
    counts_by: dict[tuple[str, str], int] = {}
    for _id, tid, kind, _rid, _name in listed:
        counts_by[(str(tid), str(kind))] = counts_by.get((str(tid), str(kind)), 0) + 1
    total = len(listed)
    pages = max(1, -(-total // per_page)) if per_page else 1
    page = min(max(1, page), pages)
    kind_order = {kind: i for i, kind in enumerate(kinds)}
    tenant_order = {t.id: i for i, t in enumerate(sorted(by_id.values(), key=lambda t: (t.created_at, t.id)))}
    ordered = sorted(listed, key=lambda r: (kind_order.get(r[2], len(kinds)), tenant_order[r[1]],
                                            title_key(_display_title(r[4], r[2], r[3])), -int(r[0])))
    chosen = [int(r[0]) for r in (ordered[(page - 1) * per_page:page * per_page] if per_page else ordered)]
    by_row = {e.id: e for e in session.execute(select(Enrichment).where(Enrichment.id.in_(chosen))).scalars()} \
        if chosen else {}
    rows = [by_row[i] for i in chosen if i in by_row]
    deals = _with_payloads(session, rows, by_id, now=now, deal_word_of=deal_word_of or (lambda crm: "deal"))
    counts = {kind: sum(n for (_, k), n in counts_by.items() if k == kind) for kind in kinds}
    crms = frozenset(by_id[tid].crm for tid, _ in counts_by)
    return DealsPage(deals, {k: n for k, n in counts.items() if n}, crms, page, pages,
                     (page - 1) * (per_page or 0) + 1 if total else 0)


def _with_payloads(session: Session, rows: list[Enrichment], tenants: dict[str, Tenant], *, now: datetime,
                   deal_word_of: Any) -> list[EnrichedDeal]:
    """The rows' card payloads, with what app.cards.payload.card_payload reads one record at a time read for
    all the rows in one statement each."""
    if not rows:
        return []
    keys = {(r.tenant_id, r.object_type, r.record_id) for r in rows}
    tenant_ids = {r.tenant_id for r in rows}
    pending = pending_records(session, keys)
    feedback = feedback_by_enrichment(session, tenant_ids, [r.id for r in rows])
    hidden = {tid: hidden_scores(session, tid) for tid in sorted(tenant_ids)}
    out = []
    for row in rows:
        tenant = tenants[row.tenant_id]
        payload = enriched_payload(row, pending=(row.tenant_id, row.object_type, row.record_id) in pending,
                                   feedback=feedback.get(row.id, {}), hidden=hidden[row.tenant_id], now=now,
                                   deal_word=deal_word_of(tenant.crm))
        title = _display_title((payload.get("record") or {}).get("name"), row.object_type, row.record_id)
        out.append(EnrichedDeal(tenant.crm, tenant.external_id, row.record_id, title, payload, row.object_type))
    return out


def enriched_deals(session: Session, tenant: Tenant, object_types: tuple[str, ...] = KINDS,
                   deal_word: str = "deal") -> list[EnrichedDeal]:
    """Every deal (then every lead) of the tenant with at least one enrichment, with its live card payload,
    by name: a Salesforce demo enriches its 37 Leads too, and an index of the 40 deals alone hid them."""
    return deals_page(session, [tenant], per_page=None, kinds=object_types,
                      deal_word_of=lambda crm: deal_word).deals
