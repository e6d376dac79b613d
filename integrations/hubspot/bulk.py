"""Bulk reads: every deal of a portal as canonical Records in a few dozen API calls.

`get_record` costs about ten calls per deal, fine for one webhook but ~4 minutes for 250 closed
deals at 110 requests / 10 s. Training and reports need the whole book, so this module lists
deals 50 at a time with their v3 association ids, then batch-reads companies, contacts and
engagements 100 at a time, and derives each company's closed-won history from the same listing.
Primary contacts are not labelled on v3 links (that needs a v4 call per deal): the first
contact stands in, which is what scoring and training use it for.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from typing import Any

from integrations.base import ClosedWonDeal, History, Record
from integrations.hubspot import constants, mapping, reads

LIST_PAGE_WITH_HISTORY = 50
"""HubSpot caps list pages at 50 when propertiesWithHistory is requested."""


def list_deals(client: Any) -> list[dict[str, Any]]:
    """Every (non-archived) deal as an object dict with properties, stage history and links."""
    s = client.session
    m = client.mapping
    from integrations.hubspot.adapter import ENGAGEMENT_TYPES

    out: list[dict[str, Any]] = []
    after = None
    while True:
        page = s.call(s.apis.objects.get_page, "deals", limit=LIST_PAGE_WITH_HISTORY, after=after,
                      properties=m.deal_properties(), properties_with_history=m.deal_history_properties(),
                      associations=["companies", "contacts", *ENGAGEMENT_TYPES], archived=False)
        out.extend(reads.object_dict(obj) for obj in page.results or ())
        nxt = page.paging.next if page.paging else None
        if not nxt or not nxt.after:
            return out
        after = nxt.after


def iter_deal_records(client: Any, *, kinds: Sequence[str] = ("open", "won", "lost"),
                      limit: int | None = None) -> Iterator[Record]:
    """Yield deals whose stage kind is in `kinds` as canonical Records (see module docstring)."""
    from integrations.hubspot.adapter import ENGAGEMENT_PROPERTIES, ENGAGEMENT_TYPES

    m = client.mapping
    stage_kinds = client.stage_kinds()
    deals = list_deals(client)
    chosen = [d for d in deals if stage_kinds.get(str(d["properties"].get(m.deal["stage"])), "open") in kinds]
    if limit is not None:
        chosen = chosen[:limit]

    def primary_company(d: dict[str, Any]) -> str | None:
        links = d["association_types"].get("companies") or []
        return next((cid for cid, t in links if t == "deal_to_company"), links[0][0] if links else None)

    won_by_company: dict[str, list[ClosedWonDeal]] = defaultdict(list)
    for d in deals:
        company_id = primary_company(d)
        props = d["properties"]
        if company_id and stage_kinds.get(str(props.get(m.deal["stage"]))) == "won":
            won_by_company[company_id].append((d["id"], mapping.won_deal(props, m.deal)))  # type: ignore[arg-type]

    company_ids = {c for d in chosen if (c := primary_company(d))}
    company_rows = {r["id"]: r["properties"] for r in reads.batch_read(
        client.session, "companies", sorted(company_ids), sorted({*m.company.values(), *m.company_extra.values()}))}
    companies = {cid: mapping.company_from(cid, props, m) for cid, props in company_rows.items()}
    contact_ids = {c for d in chosen for c in d["associations"].get("contacts") or ()}
    contact_rows = {r["id"]: r for r in reads.batch_read(client.session, "contacts", sorted(contact_ids),
                                                         m.contact_properties(), history=[m.contact["page_views"]])}
    activities: dict[str, Any] = {}
    for otype in ENGAGEMENT_TYPES:
        ids = [i for d in chosen for i in (d["associations"].get(otype) or ())[-constants.MAX_ACTIVITIES:]]
        for row in reads.batch_read(client.session, otype, ids, ENGAGEMENT_PROPERTIES):
            activities[(otype, row["id"])] = mapping.activity_from(otype, row["properties"], marker=client.marker)

    for d in chosen:
        props = d["properties"]
        company_id = primary_company(d)
        links = [c for c in d["associations"].get("contacts") or () if c in contact_rows]
        contacts = [mapping.contact_from(c, contact_rows[c]["properties"], m, is_primary=i == 0)
                    for i, c in enumerate(links)]
        contact_props = [(c, contact_rows[c]["properties"]) for c in links]
        acts = [a for otype in ENGAGEMENT_TYPES for i in (d["associations"].get(otype) or ())
                if (a := activities.get((otype, i))) is not None]
        acts += mapping.page_view_activities(contact_props, m)
        owner_id = props.get(m.deal["owner_id"])
        won = [w for deal_id, w in won_by_company.get(company_id or "", []) if deal_id != d["id"]]
        history = History(closed_won_deals=tuple(sorted(won, key=lambda w: w.date)),
                          stage_changes=mapping.stage_changes(d["history"].get(m.deal["stage"]) or ()))
        yield mapping.record_from(
            tenant_id=client.tenant_id, deal_id=d["id"], props=props, mapping=m, stage_kinds=stage_kinds,
            owner=client._owner(str(owner_id)) if owner_id else None,
            company=companies.get(company_id or ""), contacts=contacts, activities=acts, history=history,
            contact_props=contact_props, company_props=company_rows.get(company_id or ""),
            contact_histories=[contact_rows[c].get("history") or {} for c in links],
            close_date_changes=d["history"].get(m.deal["close_date"]) or ())
