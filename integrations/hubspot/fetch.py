"""Read deals as canonical Records in bulk: a fixed number of calls per batch, not per deal.

For a batch of up to 100 deals (`read_records`):

    1  batch read of the deals (properties + stage and close-date history)
    7  v4 association batch reads (≤1,000 ids each): companies, contacts, 5 engagement types
    1  batch read of the primary companies
    1+ batch read of the contacts (≤100 each)
    ≤5 batch reads of the engagements not already cached (≤100 each)
    0-2 companies' closed-won history, only for companies not cached (v4 batch + deal batch read)

Pipelines, owners and users (time zones) come from the portal's metadata cache. Our own open
task is found among the task rows already read (Record.app_task), so writing needs no second
read. A single deal (`read_one`) takes the cheaper v3 path: one GET of the deal returns its
association ids of every type, and one GET of the company returns its deal ids.

Engagement rows other than tasks are cached per portal by id: emails, calls, meetings and notes
are not edited in practice, while tasks are always re-read (a rep completes or edits them).
"""

from __future__ import annotations

import math
import statistics
import threading
from collections import defaultdict, deque
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from integrations.base import History, Owner, Record, TaskRef
from integrations.errors import CrmNotFound
from integrations.hubspot import constants, mapping, reads
from integrations.hubspot.metadata import MetadataCache
from integrations.hubspot.session import ApiSession

ENGAGEMENT_TYPES = tuple(mapping.ACTIVITY_TYPES)
ENGAGEMENT_PROPERTIES = ("hs_timestamp", "hs_createdate", "hs_task_status", *sorted(
    {p for parts in mapping.ACTIVITY_PROPERTIES.values() for p in parts.values()}))
CACHED_ENGAGEMENTS = frozenset({"emails", "calls", "meetings", "notes"})
"""Engagement types whose rows are cached by id (tasks change state and are always re-read)."""

MAX_APP_TASK_SCAN = 200
"""Task ids per deal read to find our task (more than MAX_ACTIVITIES, fewer than unbounded)."""

ENGAGEMENT_CACHE_SIZE = 50_000
"""Engagement rows kept per process before the cache is emptied and refilled."""

PRIMARY_COMPANY_TYPE_IDS = (5,)
"""deal → company association type id that marks the primary company."""

HISTORY_PROPERTIES = ("stage", "amount", "currency", "close_date", "created_at")
"""Canonical deal fields read for a company's other deals (closed-won history)."""

COMPLETED = "COMPLETED"

READ_COST_MEMORY = 8
"""Recent batch reads per portal whose cost sizes the next reservation (read_budget)."""

FIRST_READ_VARIABLE = 30
"""Variable calls per 100 deals assumed before a portal's first batch read in this process: the
first (cold-cache) 100-deal read of the benchmark's book made 37 calls, 9 fixed + 28 (contacts,
five engagement types, company history); later reads use what this portal's reads cost."""

READ_ONE_CALLS = 3
"""Calls reserved for one deal on the v3 path (its GET, then the batch reads of what is not cached:
~3 with warm caches, the N=1 benchmark's reads); any more go through the budget one by one."""

READ_SLACK = 1
"""Calls reserved above the estimate (a metadata refresh inside the read)."""


@dataclass
class ReadContext:
    """What a read needs from the client: session, mapping, caches, our marker."""

    session: ApiSession
    mapping: mapping.FieldMapping
    cache: MetadataCache
    cache_key: str
    tenant_id: str
    marker: str
    engagements: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)
    note_keys: dict[str, dict[str, str]] = field(default_factory=dict)
    """record id -> {idempotency key: note id} of our notes seen when the record was last read,
    so that a job retry re-sending a note that already landed creates nothing (no extra call)."""
    lock: threading.Lock = field(default_factory=threading.Lock)
    read_costs: deque[tuple[int, int]] = field(default_factory=lambda: deque(maxlen=READ_COST_MEMORY))
    """(deals asked, default-lane calls made) of this portal's recent batch reads (read_budget)."""

    def stage_kinds(self) -> dict[str, str]:
        return {s.id: s.kind for p in self.cache.pipelines(self.session, self.cache_key) for s in p.stages}


Links = Mapping[str, Mapping[str, list[dict[str, Any]]]]
"""to type -> deal id -> [{"id", "types"}] (v4 shape; v3 links are converted to it)."""


def fixed_calls(n: int) -> int:
    """Calls every batch read of `n` deals makes whatever they hold: the deal batch reads, the
    seven association batch reads and the primary companies' batch read."""
    if n <= 0:
        return 0
    return 2 * math.ceil(n / constants.BATCH_SIZE) + 7 * math.ceil(n / reads.ASSOCIATION_BATCH_SIZE)


def read_budget(ctx: ReadContext, n: int) -> int:
    """Calls to hold before a batch read of `n` deals (`ApiSession.prepaid`).

    The fixed calls, plus the per-deal variable part (contacts, engagements not cached, company
    history) of this portal's recent reads, their median, scaled to `n`, or FIRST_READ_VARIABLE
    per 100 deals before any read. The median, not the costliest: the first read of a portal
    fills the caches (37 calls where the next ones make ~26), and a hold that large kept the next
    read from starting for its first eight successors (the budget idle meanwhile). A read that
    needs more than it holds is not handed back: its extra calls wait for their slots.
    """
    if n <= 0:
        return 0
    variable = sorted(max(0, calls - fixed_calls(asked)) / asked for asked, calls in list(ctx.read_costs) if asked > 0)
    per_deal = statistics.median(variable) if variable else FIRST_READ_VARIABLE / constants.BATCH_SIZE
    return fixed_calls(n) + math.ceil(per_deal * n) + READ_SLACK


def read_records(ctx: ReadContext, ids: Sequence[str]) -> dict[str, Record]:
    """Read many deals with everything a Record carries; missing or archived ids are left out."""
    unique = list(dict.fromkeys(str(i) for i in ids))
    if not unique:
        return {}
    m = ctx.mapping
    deals = reads.batch_read(ctx.session, "deals", unique, m.deal_properties(), history=m.deal_history_properties())
    if not deals:
        return {}
    deal_ids = [d["id"] for d in deals]
    links = {to: reads.association_batch(ctx.session, "deals", to, deal_ids)
             for to in ("companies", "contacts", *ENGAGEMENT_TYPES)}
    return _assemble(ctx, deals, links, company_rows=None)


def read_one(ctx: ReadContext, deal_id: str) -> Record:
    """Read one deal on the cheapest path (see module docstring).

    Raises:
        CrmNotFound: the deal does not exist (or was archived).
    """
    s, m = ctx.session, ctx.mapping
    deal = reads.object_dict(s.call(
        s.apis.objects.get_by_id, "deals", str(deal_id), properties=m.deal_properties(),
        properties_with_history=m.deal_history_properties(), associations=["companies", "contacts", *ENGAGEMENT_TYPES],
        archived=False))
    links: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for to in ("companies", "contacts", *ENGAGEMENT_TYPES):
        if to in deal["associations_paged"]:
            # More links than one v3 page: read this type through v4 instead.
            links[to] = reads.association_batch(s, "deals", to, [deal["id"]])
        else:
            links[to] = {deal["id"]: [{"id": i, "types": _v3_types(t)} for i, t in _v3_links(deal, to)]}
    company_rows = None
    primary = _primary_company(links["companies"].get(deal["id"]) or [])
    if primary is not None and ctx.cache.company_history(ctx.cache_key, primary) is None:
        # One GET gives the company and its deal ids: the history then costs one batch read.
        try:
            row = reads.object_dict(s.call(s.apis.objects.get_by_id, "companies", primary,
                                           properties=sorted(m.company.values()), associations=["deals"],
                                           archived=False))
            company_rows = {row["id"]: {**row, "asked_deals": True}}
        except CrmNotFound:
            company_rows = {}
    records = _assemble(ctx, [deal], links, company_rows=company_rows)
    if deal["id"] not in records:
        raise CrmNotFound(f"deal {deal_id} not found", crm="hubspot", status=404)
    return records[deal["id"]]


def _v3_links(deal: Mapping[str, Any], to: str) -> list[tuple[str, list[str]]]:
    by_id: dict[str, list[str]] = defaultdict(list)
    for rid, t in deal["association_types"].get(to) or ():
        by_id[rid].append(t)
    return list(by_id.items())


def _v3_types(names: Iterable[str]) -> list[dict[str, Any]]:
    # v3 names the primary company link plainly (`deal_to_company`) and others `_unlabeled`;
    # a user label ("primary") shows as its own name.
    out = []
    for n in names:
        primary = n == "deal_to_company" or "primary" in n.lower()
        out.append({"label": "Primary" if primary else None, "name": n})
    return out


def _primary_company(links: list[dict[str, Any]]) -> str | None:
    for a in links:
        if mapping.is_primary_association(a["types"], PRIMARY_COMPANY_TYPE_IDS):
            return str(a["id"])
    return str(links[0]["id"]) if links else None


def _assemble(ctx: ReadContext, deals: list[dict[str, Any]], links: Links,
              company_rows: dict[str, dict[str, Any]] | None) -> dict[str, Record]:
    s, m = ctx.session, ctx.mapping
    kinds = ctx.stage_kinds()
    owners = ctx.cache.owners(s, ctx.cache_key)

    primary = {d["id"]: _primary_company(links["companies"].get(d["id"]) or []) for d in deals}
    company_ids = sorted({c for c in primary.values() if c})
    if company_rows is None:
        company_rows = {r["id"]: r for r in reads.batch_read(s, "companies", company_ids, sorted(m.company.values()))}
    won = _company_history(ctx, company_ids, company_rows, deals, kinds)

    contact_links = links["contacts"]
    contact_ids = sorted({a["id"] for d in deals for a in contact_links.get(d["id"]) or ()})
    contact_rows = {r["id"]: r for r in reads.batch_read(s, "contacts", contact_ids, m.contact_properties(),
                                                         history=[m.contact["page_views"]])}

    engagement_ids: dict[str, dict[str, list[str]]] = {}
    for otype in ENGAGEMENT_TYPES:
        keep = MAX_APP_TASK_SCAN if otype == "tasks" else constants.MAX_ACTIVITIES
        engagement_ids[otype] = {
            d["id"]: sorted((a["id"] for a in links[otype].get(d["id"]) or ()), key=_numeric)[-keep:] for d in deals}
    rows = _engagement_rows(ctx, engagement_ids)

    out: dict[str, Record] = {}
    for d in deals:
        did, props = d["id"], d["properties"]
        cid = primary[did]
        contacts, contact_props = [], []
        for a in contact_links.get(did) or ():
            row = contact_rows.get(a["id"])
            if row is None:
                continue
            contacts.append(mapping.contact_from(a["id"], row["properties"], m,
                                                 is_primary=mapping.is_primary_association(a["types"])))
            contact_props.append((a["id"], row["properties"]))
        if contacts and not any(c.is_primary for c in contacts):
            contacts[0] = replace(contacts[0], is_primary=True)
        activities = []
        app_task: TaskRef | None = None
        for otype in ENGAGEMENT_TYPES:
            ids = engagement_ids[otype][did]
            for i in ids[-constants.MAX_ACTIVITIES:]:
                row = rows.get((otype, i))
                if row is not None and (act := mapping.activity_from(otype, row, marker=ctx.marker)) is not None:
                    activities.append(act)
            if otype == "tasks":
                app_task = _app_task(ids, rows, ctx.marker)
            if otype == "notes":
                _remember_note_keys(ctx, did, ids, rows)
        activities += mapping.page_view_activities(contact_props, m)
        owner_id = props.get(m.deal["owner_id"])
        owner = _owner(ctx, owners, str(owner_id)) if owner_id else None
        history = History(
            closed_won_deals=tuple(w for deal_id, w in won.get(cid or "", ()) if deal_id != did),
            stage_changes=mapping.stage_changes(d["history"].get(m.deal["stage"]) or ()))
        company_row = company_rows.get(cid or "")
        company = mapping.company_from(company_row["id"], company_row["properties"], m) if company_row else None
        record = mapping.record_from(
            tenant_id=ctx.tenant_id, deal_id=did, props=props, mapping=m, stage_kinds=kinds, owner=owner,
            company=company, contacts=contacts, activities=activities, history=history,
            contact_props=contact_props,
            contact_histories=[contact_rows[c].get("history") or {} for c, _p in contact_props],
            close_date_changes=d["history"].get(m.deal["close_date"]) or ())
        out[did] = replace(record, app_task=app_task)
    return out


def _numeric(i: str) -> int:
    return int(i) if i.isdigit() else 0


def _owner(ctx: ReadContext, owners: dict[str, Owner], owner_id: str) -> Owner | None:
    owner = owners.get(owner_id)
    if owner is not None:
        return owner
    # A new owner since the cache was filled: bare id now; the next TTL refresh names it.
    return Owner(id=owner_id)


def _remember_note_keys(ctx: ReadContext, deal_id: str, ids: list[str],
                       rows: Mapping[tuple[str, str], dict[str, Any]]) -> None:
    from integrations.hubspot.apply import key_in

    keys = {k: i for i in ids if (k := key_in((rows.get(("notes", i)) or {}).get("hs_note_body"), ctx.marker))}
    with ctx.lock:
        if len(ctx.note_keys) > ENGAGEMENT_CACHE_SIZE:
            ctx.note_keys.clear()
        ctx.note_keys[deal_id] = keys


def _app_task(ids: list[str], rows: Mapping[tuple[str, str], dict[str, Any]], marker: str) -> TaskRef | None:
    """Our one open task among the deal's tasks (the oldest, if a duplicate slipped through)."""
    for i in ids:
        p = rows.get(("tasks", i))
        if p is None:
            continue
        text = f"{p.get('hs_task_subject') or ''} {p.get('hs_task_body') or ''}"
        if marker in text and (p.get("hs_task_status") or "") != COMPLETED:
            return TaskRef(id=i, status=p.get("hs_task_status"), subject=p.get("hs_task_subject"),
                           body=p.get("hs_task_body"))
    return None


def _engagement_rows(ctx: ReadContext, ids: Mapping[str, Mapping[str, list[str]]]) -> dict[tuple[str, str], dict[str, Any]]:
    """Engagement properties by (type, id): cached types from this process's cache, then from the
    shared one (Redis, every worker's reads), and only the rest from HubSpot."""
    out: dict[tuple[str, str], dict[str, Any]] = {}
    missing: dict[str, list[str]] = {}
    for otype, per_deal in ids.items():
        wanted = sorted({i for lst in per_deal.values() for i in lst}, key=_numeric)
        missing[otype] = []
        with ctx.lock:
            for i in wanted:
                hit = ctx.engagements.get((otype, i)) if otype in CACHED_ENGAGEMENTS else None
                if hit is None:
                    missing[otype].append(i)
                else:
                    out[(otype, i)] = hit
    shared = ctx.cache.engagement_rows(
        ctx.cache_key, [(t, i) for t, lst in missing.items() if t in CACHED_ENGAGEMENTS for i in lst])
    if shared:
        out.update(shared)
        missing = {t: [i for i in lst if (t, i) not in shared] for t, lst in missing.items()}
        _keep(ctx, shared)
    fetched_rows: dict[tuple[str, str], dict[str, Any]] = {}
    for otype, todo in missing.items():
        for row in reads.batch_read(ctx.session, otype, todo, ENGAGEMENT_PROPERTIES) if todo else []:
            out[(otype, row["id"])] = row["properties"]
            if otype in CACHED_ENGAGEMENTS:
                fetched_rows[(otype, row["id"])] = row["properties"]
    _keep(ctx, fetched_rows)
    ctx.cache.remember_engagement_rows(ctx.cache_key, fetched_rows, cap=ENGAGEMENT_CACHE_SIZE)
    return out


def _keep(ctx: ReadContext, rows: Mapping[tuple[str, str], dict[str, Any]]) -> None:
    with ctx.lock:
        if len(ctx.engagements) + len(rows) > ENGAGEMENT_CACHE_SIZE:
            ctx.engagements.clear()
        ctx.engagements.update(rows)


def _company_history(ctx: ReadContext, company_ids: list[str], company_rows: Mapping[str, dict[str, Any]],
                     deals: list[dict[str, Any]], kinds: Mapping[str, str]) -> dict[str, tuple[Any, ...]]:
    """company id -> ((deal id, ClosedWonDeal), ...), from the cache or two bulk calls."""
    out: dict[str, tuple[Any, ...]] = dict(ctx.cache.company_histories(ctx.cache_key, company_ids))
    missing = [cid for cid in company_ids if cid not in out]
    if not missing:
        return out
    deal_ids: dict[str, list[str]] = {}
    need_v4 = []
    for cid in missing:
        row = company_rows.get(cid)
        if row is not None and row.get("asked_deals") and "deals" not in row["associations_paged"]:
            # v3 omits `associations` entirely for a company without deals.
            deal_ids[cid] = list(row["associations"].get("deals") or ())
        else:
            need_v4.append(cid)
    if need_v4:
        for cid, lst in reads.association_batch(ctx.session, "companies", "deals", need_v4).items():
            deal_ids[cid] = [a["id"] for a in lst]
    m = ctx.mapping
    known = {d["id"]: d for d in deals}
    other = sorted({i for lst in deal_ids.values() for i in lst if i not in known}, key=_numeric)
    fields = [m.deal[f] for f in HISTORY_PROPERTIES if f in m.deal]
    for row in reads.batch_read(ctx.session, "deals", other, fields) if other else []:
        known[row["id"]] = row
    for cid in missing:
        won = []
        for i in deal_ids.get(cid, ()):
            row = known.get(i)
            if row is None:
                continue
            props = row["properties"]
            if kinds.get(str(props.get(m.deal["stage"]))) != "won":
                continue
            won.append((i, mapping.won_deal(props, m.deal)))
        out[cid] = tuple(sorted(won, key=lambda w: w[1].date))
    ctx.cache.remember_company_histories(ctx.cache_key, {cid: out[cid] for cid in missing})
    return out
