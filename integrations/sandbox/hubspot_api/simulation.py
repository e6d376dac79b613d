"""Advance a portal's market: read the app's actions back, step the market, write the changes.

Market changes are written as the deal owner "in the UI" (changeSource CRM_UI, sourceId
`userId:<id>`); page-view updates come from ANALYTICS. Modification stamps use the wall clock
(what reconciliation searches on), business dates (activity times, close dates) market time.
"""

from __future__ import annotations

from typing import Any

from .bridge import Bridge
from .store import iso

APP_SOURCES = frozenset({"API", "INTEGRATION"})


def read_actions(b: Bridge) -> dict[int, dict[str, Any]]:
    """Return market deal key -> the app's current actions on that deal, read from the portal."""
    p = b.portal
    out: dict[int, dict[str, Any]] = {}
    for d in b.market.open_deals():
        hs_id = b.ids["deals"].get(d.key)
        obj = p.get("deals", hs_id) if hs_id else None
        if obj is None:
            continue
        tasks = []
        for tid in p.associations("deals", obj.id, "tasks"):
            t = p.get("tasks", tid)
            if t and t.properties.get("hs_task_status") != "COMPLETED" and t.source in APP_SOURCES:
                tasks.append(tid)
        discount = _fraction(obj.properties.get("ai_best_discount"))
        strategy = obj.properties.get("ai_strategy")
        if tasks or discount or strategy:
            out[d.key] = {"open_tasks": tasks, "discount": discount, "strategy": strategy}
    return out


def _fraction(raw: str | None) -> float | None:
    # DESIGN stores ai_best_discount as a fraction; tolerate a percentage too.
    try:
        value = float(raw) if raw not in (None, "") else None
    except ValueError:
        return None
    if value is None:
        return None
    return value / 100.0 if value > 1 else value


def advance(b: Bridge, days: int) -> dict[str, int]:
    """Advance the market `days` days and apply its events to the portal; return event counts."""
    with b.portal.lock:  # the app may be writing tasks while we read them back and apply a day
        return _advance_locked(b, days)


def _advance_locked(b: Bridge, days: int) -> dict[str, int]:
    m, p = b.market, b.portal
    events = m.advance(days, read_actions(b))
    counts: dict[str, int] = {}
    for ev in events:
        counts[ev["type"]] = counts.get(ev["type"], 0) + 1
        kind = ev["type"]
        if kind == "deal_created":
            b._create_deal(m.deals[ev["deal"]], emit=True)
        elif kind == "activity":
            a = m.activities[ev["activity"]]
            if a.deal is None or a.deal in b.ids["deals"]:
                b._create_activity(a, emit=True)
        elif kind == "visits":
            ct = m.contacts[ev["contact"]]
            views, last, sessions = ct.page_views_at(m.now)
            p.write("contacts", b.ids["contacts"][ct.key], {
                "hs_analytics_num_page_views": views, "hs_analytics_num_visits": sessions,
                "hs_analytics_last_visit_timestamp": iso(last) if last else None}, source="ANALYTICS", source_id=None)
        elif kind in ("stage", "closed", "discount", "rep_edit"):
            _write_deal(b, ev)
        elif kind == "task_completed":
            src = _rep(b, ev["deal"])
            p.write("tasks", ev["task"], {"hs_task_status": "COMPLETED", "hs_task_completion_date": iso(m.now)},
                    source="CRM_UI", source_id=src)
        elif kind == "churned":
            _churn(b, ev["company"])
    b._refresh_rollups()
    return counts


def _churn(b: Bridge, company_key: int) -> None:
    """Show a churned customer as a rep would record it: lifecycle 'other' plus a note."""
    m, p = b.market, b.portal
    comp = m.companies[company_key]
    cid = b.ids["companies"][company_key]
    owner = m.owners[comp.owner]
    src = f"userId:{owner.user_id}"
    p.write("companies", cid, {"lifecyclestage": "other", "churned": "true",
                               "churned_on": m.now.date().isoformat()}, source="CRM_UI", source_id=src)
    note = p.create("notes", {"hs_timestamp": iso(m.now), "hubspot_owner_id": b.ids["owners"][comp.owner],
                              "hs_note_body": f"{comp.name} told us they will not renew; account closed."},
                    source="CRM_UI", source_id=src)
    p.associate("notes", note.id, "companies", cid, [("HUBSPOT_DEFINED", 190)], emit=False)


def _rep(b: Bridge, deal_key: int) -> str:
    return f"userId:{b.market.owners[b.market.deals[deal_key].owner].user_id}"


def _write_deal(b: Bridge, ev: dict[str, Any]) -> None:
    m, p = b.market, b.portal
    d = m.deals[ev["deal"]]
    hs_id = b.ids["deals"].get(d.key)
    if hs_id is None or p.get("deals", hs_id) is None:
        return  # the app (or a test) deleted it
    kind = ev["type"]
    if kind == "stage":
        props: dict[str, Any] = {"dealstage": ev["stage"]}
    elif kind == "closed":
        props = {"dealstage": d.stage, "closedate": iso(d.closed_at), "days_to_close": (d.closed_at - d.created_at).days}
        if d.stage == "closedlost":
            props["closed_lost_reason"] = "Went with a competitor" if d.key % 2 else "No decision"
        else:
            props["closed_won_reason"] = "Strong fit and champion support"
    elif kind == "discount":
        props = {"discount_percent": f"{d.discount * 100:g}"}
    else:
        props = {k: iso(v) if hasattr(v, "tzinfo") else v for k, v in ev["properties"].items()}
    p.write("deals", hs_id, props, source="CRM_UI", source_id=_rep(b, d.key))


def rep_changes(b: Bridge, count: int) -> list[dict[str, Any]]:
    """Make `count` realistic edits to open deals as their owners would in the UI.

    Edits: move to the next open stage, revise the amount, or push the close date. The market
    is updated too, so the truth stays consistent with what the CRM shows.
    """
    from datetime import timedelta

    from ..market import OPEN_STAGES

    m, p = b.market, b.portal
    rng = m.rng
    open_deals = [d for d in m.open_deals() if d.key in b.ids["deals"] and p.get("deals", b.ids["deals"][d.key])]
    out: list[dict[str, Any]] = []
    for _ in range(max(count, 0)):
        if not open_deals:
            break
        d = open_deals[int(rng.integers(len(open_deals)))]
        kind = int(rng.integers(3))
        if kind == 0 and d.stage in OPEN_STAGES[:-1]:
            d.stage = OPEN_STAGES[OPEN_STAGES.index(d.stage) + 1]
            d.stage_history.append((d.stage, m.now))
            props: dict[str, Any] = {"dealstage": d.stage}
        elif kind == 1:
            d.amount = float(max(500.0, round(d.amount * rng.uniform(0.85, 1.15), -2)))
            props = {"amount": f"{d.local_amount:.0f}"}
        else:
            d.expected_close = d.expected_close + timedelta(days=int(rng.integers(7, 30)))
            d.close_date_history.append((m.now, d.expected_close))
            props = {"closedate": iso(d.expected_close)}
        hs_id = b.ids["deals"][d.key]
        p.write("deals", hs_id, props, source="CRM_UI", source_id=_rep(b, d.key))
        out.append({"objectType": "deals", "id": hs_id, "properties": props})
    return out
