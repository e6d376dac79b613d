"""The market behind the API: the app's tasks and discounts change the truth; time moves deals."""

from __future__ import annotations

import requests

from integrations.sandbox import run_in_thread

from .conftest import SMALL


def test_app_actions_through_the_api_reach_the_market():
    with run_in_thread(seed=31, **SMALL) as sb:
        tok = sb.token()["access_token"]
        s = requests.Session()
        s.headers["Authorization"] = f"Bearer {tok}"
        u = sb.url
        s.post(f"{u}/crm/v3/properties/deals/groups", json={"name": "agentic_sales", "label": "Agentic sales"})
        for name, typ, field in (("ai_strategy", "string", "text"), ("ai_best_discount", "number", "number")):
            r = s.post(f"{u}/crm/v3/properties/deals", json={"name": name, "label": name, "type": typ,
                                                              "fieldType": field, "groupName": "agentic_sales"})
            assert r.status_code == 201
        truths = s.get(f"{u}/_sandbox/truth/deals?open=true").json()["deals"]
        # Several deals get the app's advice: a deal may be decided before its rep gets to the task
        # (open deals are met at any point of their lives), and what matters is the one that is worked.
        tasks = {}
        for did in list(truths)[:5]:
            r = s.patch(f"{u}/crm/v3/objects/deals/{did}",
                        json={"properties": {"ai_strategy": "executive_alignment", "ai_best_discount": "0.1"}})
            assert r.status_code == 200
            tasks[did] = s.post(f"{u}/crm/v3/objects/tasks", json={
                "properties": {"hs_timestamp": "2026-12-01T09:00:00Z", "hs_task_subject": "Align with the CFO",
                               "hs_task_status": "NOT_STARTED"},
                "associations": [{"to": {"id": did}, "types": [{"associationCategory": "HUBSPOT_DEFINED",
                                                                 "associationTypeId": 216}]}]}).json()["id"]

        def worked() -> str | None:
            return next((d for d, t in tasks.items()
                         if sb.store("tasks", t)["properties"]["hs_task_status"] == "COMPLETED"), None)

        for _ in range(40):
            sb.advance(1)
            if worked():
                break
        did = worked()
        assert did is not None, "no rep completed any of the app's five tasks in 40 days"
        done = sb.store("tasks", tasks[did])
        assert done["history"]["hs_task_status"][0]["sourceType"] == "CRM_UI"
        truth = sb.truth(did)
        assert truth["strategies_applied"] == ["executive_alignment"] and truth["discount"] == 0.1
        assert sb.store("deals", did)["properties"]["discount_percent"] == "10"
        # Time closes deals: half a year later nearly all of the original open deals are decided
        # (enterprise cycles can run longer), and the CRM shows each decision as a closed stage.
        sb.advance(150)
        after = s.get(f"{u}/_sandbox/truth/deals").json()["deals"]
        decided = [k for k in truths if after[k]["outcome"] in ("won", "lost")]
        assert len(decided) >= 0.8 * len(truths)
        stage = {d["id"]: d["properties"]["dealstage"] for d in sb.store("deals")}
        assert all(stage[k] == "closed" + after[k]["outcome"] for k in decided)
