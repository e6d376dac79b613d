"""The sandbox's SOQL subqueries answer each parent row with its own live children, in the order they were created.

Wave 34 grouped a query's child rows by parent once per query (integrations/sandbox/salesforce_api/org.py,
`Org._children`) instead of scanning every child row for each parent row: these tests hold the answer to what the scan
gave, on interleaved children, deleted ones, parents without any and a child pointing at no parent.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from integrations.sandbox.salesforce_api import soql
from integrations.sandbox.salesforce_api.org import Org

BASE = "https://sandbox.example/services/data/v60.0"
QUERY = ("SELECT Id, Name, (SELECT Id, Subject FROM Tasks), (SELECT Id, Subject FROM Events), "
         "(SELECT StageName, CloseDate FROM OpportunityHistories ORDER BY CreatedDate) FROM Opportunity ORDER BY Id")


def org_with_interleaved_children() -> tuple[Org, list[str]]:
    org = Org(org_id="00D000000000001EAA", name="t")
    at = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
    opps = [org.create("Opportunity", {"Name": f"Deal {n}", "StageName": "Prospecting", "CloseDate": "2026-12-31"},
                       at=at, emit=False) for n in range(3)]
    for n in range(12):  # tasks and events of the first two deals interleaved; the third deal gets none
        what = opps[n % 2]
        org.create("Task", {"Subject": f"Task {n}", "WhatId": what, "Status": "Open"}, at=at + timedelta(hours=n),
                   emit=False)
        org.create("Event", {"Subject": f"Event {n}", "WhatId": what}, at=at + timedelta(hours=n), emit=False)
    org.create("Task", {"Subject": "Orphan", "WhatId": None, "Status": "Open"}, at=at, emit=False)
    deleted = next(t for t in org.records["Task"].values() if t["Subject"] == "Task 4")
    deleted["IsDeleted"] = True
    org.update("Opportunity", opps[1], {"StageName": "Qualification"}, at=at + timedelta(days=1), emit=False)
    return org, opps


def scanned(org: Org, child_type: str, fk: str, parent_id: str, fields: tuple[str, ...]) -> list[dict[str, Any]]:
    """What the subquery answered before wave 34: a scan of every child row for the parent."""
    return [{f: r.get(f) for f in fields} for r in org.records[child_type].values()
            if r.get(fk) == parent_id and not r.get("IsDeleted")]


def children(row: dict[str, Any], relation: str, fields: tuple[str, ...]) -> list[dict[str, Any]]:
    got = row[relation]
    return [] if got is None else [{f: r.get(f) for f in fields} for r in got["records"]]


def test_each_deal_gets_its_own_live_tasks_events_and_history_in_the_order_they_were_created() -> None:
    org, opps = org_with_interleaved_children()
    rows = {r["Id"]: r for r in org.query(soql.parse(QUERY), BASE)}
    assert sorted(rows) == sorted(opps)
    for opp in opps:
        assert children(rows[opp], "Tasks", ("Id", "Subject")) == scanned(org, "Task", "WhatId", opp,
                                                                         ("Id", "Subject"))
        assert children(rows[opp], "Events", ("Id", "Subject")) == scanned(org, "Event", "WhatId", opp,
                                                                           ("Id", "Subject"))
    first, second, third = (rows[o] for o in opps)
    assert [t["Subject"] for t in first["Tasks"]["records"]] == ["Task 0", "Task 2", "Task 6", "Task 8", "Task 10"]
    assert [t["Subject"] for t in second["Tasks"]["records"]] == ["Task 1", "Task 3", "Task 5", "Task 7", "Task 9",
                                                                  "Task 11"]
    assert third["Tasks"] is None and third["Events"] is None  # no children: null, as Salesforce answers
    assert [h["StageName"] for h in second["OpportunityHistories"]["records"]] == ["Prospecting", "Qualification"]
    assert [h["StageName"] for h in first["OpportunityHistories"]["records"]] == ["Prospecting"]


def test_a_child_added_or_deleted_between_two_queries_is_seen_by_the_second() -> None:
    org, opps = org_with_interleaved_children()
    query = soql.parse(QUERY)
    before = {r["Id"]: r for r in org.query(query, BASE)}
    assert before[opps[2]]["Tasks"] is None
    org.create("Task", {"Subject": "Late", "WhatId": opps[2], "Status": "Open"}, emit=False)
    gone = next(t for t in org.records["Task"].values() if t["Subject"] == "Task 0")
    gone["IsDeleted"] = True
    after = {r["Id"]: r for r in org.query(query, BASE)}
    assert [t["Subject"] for t in after[opps[2]]["Tasks"]["records"]] == ["Late"]
    assert "Task 0" not in [t["Subject"] for t in after[opps[0]]["Tasks"]["records"]]
