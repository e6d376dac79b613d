"""Show the simulated market as HubSpot records, and let it react to what the app writes.

`Bridge.seed()` loads the market into a portal without firing webhooks (it is the state the
portal was in before the app was installed). `Bridge.advance(days)` reads the app's actions
back from the portal (open app tasks, `ai_strategy`, `ai_best_discount`), advances the market
and writes every resulting change as the owning rep "in the UI" (changeSource CRM_UI), so the
app hears about it through webhooks exactly as it would from HubSpot.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any

from ..market import STAGE_LABELS, STAGE_PROBABILITY, STAGES, Market
from ..market._model import Activity, Contact, Deal
from . import schema
from .store import Portal, iso

PIPELINE_EPOCH = datetime.fromisoformat("2019-08-06T15:00:00+00:00")
OWNER_ID_BASE = 32_100_000
DIRECTIONS = {"email": {"inbound": "INCOMING_EMAIL", "outbound": "EMAIL"},
              "call": {"inbound": "INBOUND", "outbound": "OUTBOUND"}}
LOST_REASONS = ("Went with a competitor", "No budget", "Timing", "Price too high", "No decision")


def default_pipelines() -> list[dict[str, Any]]:
    """Return HubSpot's default sales pipeline plus a small custom renewals pipeline."""
    stamp = iso(PIPELINE_EPOCH)

    def stage(sid: str, label: str, order: int, prob: float) -> dict[str, Any]:
        closed = sid in ("closedwon", "closedlost") or prob in (0.0, 1.0) and order > 0
        return {"label": label, "displayOrder": order,
                "metadata": {"isClosed": "true" if closed else "false", "probability": str(prob)},
                "id": sid, "createdAt": stamp, "updatedAt": stamp, "archived": False,
                "writePermissions": "CRM_PERMISSIONS_ENFORCEMENT"}

    sales = [stage(s, STAGE_LABELS[s], i, STAGE_PROBABILITY[s]) for i, s in enumerate(STAGES)]
    renew = [stage("1147484", "Renewal due", 0, 0.5), stage("1147485", "Renewed", 1, 1.0),
             stage("1147486", "Churned", 2, 0.0)]
    return [
        {"label": "Sales Pipeline", "displayOrder": 0, "id": "default", "stages": sales,
         "createdAt": stamp, "updatedAt": stamp, "archived": False},
        {"label": "Renewals", "displayOrder": 1, "id": "1147483", "stages": renew,
         "createdAt": stamp, "updatedAt": stamp, "archived": False},
    ]


class Bridge:
    """Keeps market keys <-> HubSpot ids for one portal and applies market events to it."""

    def __init__(self, portal: Portal, market: Market) -> None:
        self.portal, self.market = portal, market
        self.ids: dict[str, dict[int, str]] = {t: {} for t in ("companies", "contacts", "deals", "owners", "acts")}
        self.deal_keys: dict[str, int] = {}

    # --- seeding ------------------------------------------------------------------------
    def seed(self) -> None:
        """Load the whole market into the portal (no webhooks)."""
        p, m = self.portal, self.market
        p.set_pipelines("deals", default_pipelines())
        for o in m.owners:
            oid = str(OWNER_ID_BASE + o.key)
            self.ids["owners"][o.key] = oid
            stamp = iso(m.start - timedelta(days=900))
            p.owners.append({"firstName": o.first, "lastName": o.last, "createdAt": stamp, "archived": False,
                             "teams": [{"id": "4410001", "name": "Sales", "primary": True}], "id": oid,
                             "userIdIncludingInactive": o.user_id, "type": "PERSON", "userId": o.user_id,
                             "email": o.email, "updatedAt": stamp})
            p.create("users", {"hs_internal_user_id": o.user_id, "hs_email": o.email, "hs_given_name": o.first,
                               "hs_family_name": o.last, "hs_standard_time_zone": o.timezone,
                               "hs_job_title": "Account Executive", "hubspot_owner_id": oid,
                               "hs_availability_status": "available",
                               "hs_working_hours": '[{"days":"MONDAY_TO_FRIDAY","startMinute":540,"endMinute":1020}]'},
                     source="CRM_UI", source_id=None, at=m.start - timedelta(days=900), emit=False)
        for c in m.companies:
            self.ids["companies"][c.key] = p.create("companies", {
                "name": c.name, "domain": c.domain, "industry": c.industry, "numberofemployees": c.employees,
                "annualrevenue": int(c.revenue), "country": c.country, "city": c.city, "lifecyclestage": "lead",
                "hubspot_owner_id": self.ids["owners"][c.owner], "createdate": iso(c.created_at),
            }, source="CRM_UI", source_id=None, at=c.created_at, emit=False).id
        for ct in m.contacts:
            self._seed_contact(ct)
        for d in m.deals:
            self._create_deal(d, emit=False)
        for a in m.activities:
            self._create_activity(a, emit=False)
        self._refresh_rollups()

    def _seed_contact(self, ct: Contact) -> None:
        p, m = self.portal, self.market
        comp = m.companies[ct.company]
        views, last, sessions = ct.page_views_at(m.now)
        obj = p.create("contacts", {
            "firstname": ct.first, "lastname": ct.last, "email": ct.email, "phone": ct.phone,
            "jobtitle": ct.title, "company": comp.name, "country": comp.country, "lifecyclestage": "lead",
            "hubspot_owner_id": self.ids["owners"][comp.owner], "associatedcompanyid": self.ids["companies"][comp.key],
            "hs_analytics_num_page_views": views, "hs_analytics_num_visits": sessions,
            "hs_analytics_last_visit_timestamp": iso(last) if last else None,
        }, source="CRM_UI", source_id=None, at=ct.created_at, emit=False)
        self.ids["contacts"][ct.key] = obj.id
        # Page-view history, newest first, so a trainer can see views as of any date.
        total, hist = 0, []
        for at, n in ct.visits:
            total += n
            hist.append({"value": str(total), "timestamp": iso(at), "sourceType": "ANALYTICS"})
        if hist:
            obj.history["hs_analytics_num_page_views"] = hist[::-1]
        cid = self.ids["companies"][comp.key]
        p.associate("contacts", obj.id, "companies", cid, [("HUBSPOT_DEFINED", 1), ("HUBSPOT_DEFINED", 279)],
                    emit=False)

    def _deal_props(self, d: Deal) -> dict[str, Any]:
        closed = d.closed_at is not None
        props: dict[str, Any] = {
            "dealname": d.name, "amount": f"{d.local_amount:.0f}", "deal_currency_code": d.currency,
            "dealstage": d.stage, "pipeline": "default", "closedate": iso(d.closed_at or d.expected_close),
            "createdate": iso(d.created_at), "description": d.description, "dealtype": d.dealtype,
            "hs_priority": d.priority, "hubspot_owner_id": self.ids["owners"][d.owner],
            "num_associated_contacts": len(d.contacts),
        }
        if d.discount:
            props["discount_percent"] = f"{d.discount * 100:g}"
        if closed:
            props["days_to_close"] = (d.closed_at - d.created_at).days
            if d.stage == "closedlost":
                props["closed_lost_reason"] = LOST_REASONS[d.key % len(LOST_REASONS)]
        return props

    def _create_deal(self, d: Deal, *, emit: bool) -> str:
        p = self.portal
        src = f"userId:{self.market.owners[d.owner].user_id}"
        props = self._deal_props(d)
        if emit:
            props.pop("createdate")
        obj = p.create("deals", props, source="CRM_UI", source_id=src, at=None if emit else d.created_at, emit=emit)
        if not emit:
            obj.history["dealstage"] = [{"value": s, "timestamp": iso(at), "sourceType": "CRM_UI", "sourceId": src}
                                        for s, at in reversed(d.stage_history)]
            # The close date a seeded deal held over its life (expected, pushed, then the close),
            # not today's value stamped at its creation.
            obj.history["closedate"] = [{"value": iso(v), "timestamp": iso(at), "sourceType": "CRM_UI", "sourceId": src}
                                        for at, v in reversed(d.close_date_history)]
            for s, at in d.stage_history:
                obj.properties[f"hs_v2_date_entered_{s}"] = iso(at)
            obj.updated_at = d.closed_at or d.stage_history[-1][1]
            obj.properties["hs_lastmodifieddate"] = iso(obj.updated_at)
        self.ids["deals"][d.key] = obj.id
        self.deal_keys[obj.id] = d.key
        cid = self.ids["companies"][d.company]
        p.associate("deals", obj.id, "companies", cid, [("HUBSPOT_DEFINED", 5), ("HUBSPOT_DEFINED", 341)],
                    source="CRM_UI", source_id=src, emit=emit)
        for c in d.contacts:
            types = [("HUBSPOT_DEFINED", 3)]
            if c == d.primary_contact:
                types.append(("USER_DEFINED", schema.USER_DEFINED_TYPES[("deals", "contacts")][0]))
            p.associate("deals", obj.id, "contacts", self.ids["contacts"][c], types, source="CRM_UI",
                        source_id=src, emit=emit)
        return obj.id

    def _create_activity(self, a: Activity, *, emit: bool) -> str:
        p, m = self.portal, self.market
        owner = self.ids["owners"][a.owner]
        base = {"hs_timestamp": iso(a.at), "hubspot_owner_id": owner}
        if a.kind == "email":
            ct = m.contacts[a.contact] if a.contact is not None else None
            rep = m.owners[a.owner]
            frm, to = (ct.email if ct else "", rep.email) if a.direction == "inbound" else (rep.email, ct.email if ct else "")
            props = {**base, "hs_email_direction": DIRECTIONS["email"][a.direction or "outbound"],
                     "hs_email_subject": a.subject, "hs_email_text": a.body, "hs_email_status": "SENT",
                     "hs_email_headers": json.dumps({"from": {"email": frm}, "to": [{"email": to}]})}
            otype = "emails"
        elif a.kind == "call":
            props = {**base, "hs_call_title": a.subject, "hs_call_body": a.body, "hs_call_status": "COMPLETED",
                     "hs_call_direction": DIRECTIONS["call"][a.direction or "outbound"],
                     "hs_call_duration": a.extra.get("duration_ms", "600000")}
            otype = "calls"
        elif a.kind == "meeting":
            props = {**base, "hs_meeting_title": a.subject, "hs_meeting_body": a.body,
                     "hs_meeting_start_time": iso(a.at), "hs_meeting_end_time": iso(a.at + timedelta(minutes=45)),
                     "hs_meeting_outcome": "COMPLETED"}
            otype = "meetings"
        else:
            props = {**base, "hs_note_body": a.body}
            otype = "notes"
        obj = p.create(otype, props, source="CRM_UI", source_id=f"userId:{m.owners[a.owner].user_id}",
                       at=None if emit else a.at, emit=emit)
        self.ids["acts"][a.key] = obj.id
        if a.deal is not None and a.deal in self.ids["deals"]:
            p.associate(otype, obj.id, "deals", self.ids["deals"][a.deal],
                        [("HUBSPOT_DEFINED", schema.ASSOCIATION_TYPES[(otype, "deals")][0])], emit=False)
        if a.contact is not None:
            p.associate(otype, obj.id, "contacts", self.ids["contacts"][a.contact],
                        [("HUBSPOT_DEFINED", schema.ASSOCIATION_TYPES[(otype, "contacts")][0])], emit=False)
        p.associate(otype, obj.id, "companies", self.ids["companies"][a.company],
                    [("HUBSPOT_DEFINED", schema.ASSOCIATION_TYPES[(otype, "companies")][0])], emit=False)
        return obj.id

    def _refresh_rollups(self) -> None:
        """Set calculated company/deal rollups the way HubSpot maintains them (no webhooks)."""
        p, m = self.portal, self.market
        for c in m.companies:
            obj = p.get("companies", self.ids["companies"][c.key])
            deals = [d for d in m.deals if d.company == c.key]
            won = [d for d in deals if d.stage == "closedwon"]
            props = obj.properties
            props["num_associated_deals"] = str(len(deals))
            props["hs_num_open_deals"] = str(sum(d.is_open for d in deals))
            props["total_revenue"] = f"{sum(d.local_amount for d in won):.0f}" if won else None
            props["recent_deal_close_date"] = iso(max(d.closed_at for d in won)) if won else None
            if c.churned_at is not None:
                props["lifecyclestage"] = "other"
            elif won:
                props["lifecyclestage"] = "customer"
            elif any(d.is_open for d in deals):
                props["lifecyclestage"] = "opportunity"
            # Customers carry the custom churn flag (the churn model's label); prospects none.
            props["churned"] = ("true" if c.churned_at is not None else "false") if won else None
            props["churned_on"] = c.churned_at.date().isoformat() if c.churned_at is not None else None
        counts: dict[int, int] = {}
        for a in m.activities:
            if a.deal is not None:
                counts[a.deal] = counts.get(a.deal, 0) + 1
        for d in m.deals:
            obj = p.get("deals", self.ids["deals"][d.key])
            if obj is not None:
                obj.properties["num_notes"] = str(counts.get(d.key, 0))
                if d.last_activity_at:
                    obj.properties["notes_last_updated"] = iso(d.last_activity_at)
