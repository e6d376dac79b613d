"""Show the simulated market as Salesforce records, and let it react to what the app writes.

The same `Market` as the HubSpot sandbox (integrations/sandbox/market): companies become Accounts, contacts Contacts
(with OpportunityContactRoles), deals Opportunities with their OpportunityHistory, emails EmailMessages, calls and notes
Tasks, meetings Events. Leads come from the market's lead funnel (`market.leads`): converted ones (IsConverted,
ConvertedDate, Status "Closed - Converted"), ones closed unconverted ("Closed - Not Converted", last modified when
closed) and open ones, each with its calls, emails (Tasks) and meetings (Events) on WhoId; each lead's hidden conversion
chance stays in the bridge (`lead_truth`, the control API's /lead-truth), never in a field the app can read.
`advance(days)` reads the app's open tasks, `AI_Strategy__c` and `AI_Best_Discount__c` back, steps the market and writes
what happened as the owning rep (no client id), so it reaches the app as Outbound Messages and callouts.

Leads live on: `advance` converts or closes each open lead on its decision day, as its hidden fate (drawn from its
chance, by seed) says. `convert_lead` is Salesforce's convertLead: the Account of the lead's company is linked when one
exists (same name) or created, a Contact and (unless asked not to) an Opportunity with the contact's primary role are
created, the lead's activities move to the contact (WhatId: the opportunity, else the account), and the Lead gets
IsConverted, ConvertedDate, the converted Status and its Converted*Id fields, which is the change the package's trigger
sends. The API refuses any later update of it (CANNOT_UPDATE_CONVERTED_LEAD).

Seed-time converted leads are linked to the market's own records (the account, primary contact and opportunity of the
deal created nearest after the conversion) rather than to new ones, and keep their activities on the lead: new records
would change the seeded accounts, contacts and opportunities every figure of the sandbox is measured on, and the lead
score is trained on the converted leads' activities as read from the Lead.
"""

from __future__ import annotations

import bisect
import random
from datetime import UTC, datetime, timedelta
from itertools import islice
from typing import Any

from ..market import Market
from ..market._model import Activity, Deal
from ..market.leads import Lead, generate_leads
from . import schema
from .org import Change, Org, sf_date, sf_datetime

LOST_REASONS = ("Lost to Competitor", "No Budget", "No Decision / Non-Responsive", "Price")
CONVERTED_STATUS = "Closed - Converted"
UNCONVERTED_STATUS = "Closed - Not Converted"
CONVERTED_OPPORTUNITY_DAYS = 90
"""Close date of an Opportunity created by a conversion, in days after it (an org's default)."""


LEAD_ACTIVITY_SUBJECTS = {
    "en": {"meeting": "Intro meeting", "call": "Call", "email": "Email"},
    "de": {"meeting": "Erstgespräch", "call": "Anruf", "email": "E-Mail"},
    "fr": {"meeting": "Premier rendez-vous", "call": "Appel", "email": "E-mail"},
    "es": {"meeting": "Primera reunión", "call": "Llamada", "email": "Correo"},
}
"""Subjects a rep of the market's language gives a lead's logged meetings, calls and emails."""


class LeadConversionError(ValueError):
    """A lead that cannot be converted or closed (already converted, or not a lead)."""


class Bridge:
    """Market keys <-> Salesforce ids for one org."""

    def __init__(self, org: Org, market: Market, *, n_leads: int = 800) -> None:
        self.org, self.market, self.n_leads = org, market, n_leads
        self.ids: dict[str, dict[int, str]] = {t: {} for t in ("User", "Account", "Contact", "Opportunity")}
        self.deal_keys: dict[str, int] = {}
        self.lead_truth: dict[str, float] = {}
        """Lead id -> its hidden chance to convert (what an open lead's score is measured against)."""
        self.leads: dict[str, Lead] = {}
        """Lead id -> the market's lead (its decision day and hidden fate, for `advance`)."""

    def seed(self) -> None:
        o, m = self.org, self.market
        o.api_user_id = o.create("User", {"FirstName": "Integration", "LastName": "User", "IsActive": True,
                                          "Email": "integration@agentic-sales.example", "TimeZoneSidKey": "GMT",
                                          "Title": "API"}, emit=False, at=m.start - timedelta(days=900))
        for i, (name, _, prob, closed, won, forecast) in enumerate(schema.STAGES):
            sid = o.new_id("OpportunityStage")
            o.records["OpportunityStage"][sid] = {
                "Id": sid, "ApiName": name, "MasterLabel": name, "IsActive": True, "IsClosed": closed, "IsWon": won,
                "DefaultProbability": prob, "ForecastCategoryName": forecast, "SortOrder": i + 1}
        for ow in m.owners:
            self.ids["User"][ow.key] = o.create("User", {
                "FirstName": ow.first, "LastName": ow.last, "Email": ow.email, "TimeZoneSidKey": ow.timezone,
                "Title": "Account Executive", "IsActive": True}, emit=False, at=m.start - timedelta(days=900))
        for c in m.companies:
            self.ids["Account"][c.key] = o.create("Account", {
                "Name": c.name, "Website": f"https://{c.domain}", "Industry": c.industry,
                "NumberOfEmployees": c.employees, "AnnualRevenue": round(c.revenue, 2), "BillingCity": c.city,
                "BillingCountry": c.country, **self.currency_of(c.currency), "Type": "Prospect",
                "OwnerId": self.ids["User"][c.owner]}, emit=False, at=c.created_at, user_id=self.ids["User"][c.owner])
        for value, converted, default in schema.LEAD_STATUSES:
            lsid = o.new_id("LeadStatus")
            o.records["LeadStatus"][lsid] = {"Id": lsid, "ApiName": value, "MasterLabel": value,
                                             "IsConverted": converted, "IsDefault": default,
                                             "SortOrder": len(o.records["LeadStatus"]) + 1}
        for ct in m.contacts:
            comp = m.companies[ct.company]
            views, last, sessions = ct.page_views_at(m.now)
            owner = self.ids["User"][comp.owner]
            self.ids["Contact"][ct.key] = o.create("Contact", {
                "FirstName": ct.first, "LastName": ct.last, "Email": ct.email, "Title": ct.title, "Phone": ct.phone,
                "AccountId": self.ids["Account"][comp.key], "OwnerId": owner, "MailingCountry": comp.country,
                "Page_Views__c": views, "Web_Sessions__c": sessions, "Last_Visit__c": sf_datetime(last)},
                emit=False, at=ct.created_at, user_id=owner)
        for d in m.deals:
            self.create_deal(d, emit=False)
        for a in m.activities:
            self.create_activity(a, emit=False)
        for lead in generate_leads(self.n_leads, seed=m.config.seed, now=m.now, n_owners=len(m.owners),
                                   locale=m.config.locale):
            self.create_lead(lead)
        self._link_seeded_conversions()
        self._mark_customers()

    def create_lead(self, lead: Lead) -> str:
        o = self.org
        owner = self.ids["User"][lead.owner]
        status = (CONVERTED_STATUS if lead.converted else UNCONVERTED_STATUS if lead.converted is False
                  else "Working - Contacted" if lead.activities else "Open - Not Contacted")
        lid = o.create("Lead", {
            "FirstName": lead.first, "LastName": lead.last, "Company": lead.company, "Email": lead.email,
            "Title": lead.title, "Industry": lead.industry, "NumberOfEmployees": lead.employees,
            "AnnualRevenue": lead.revenue, "Country": lead.country, "LeadSource": lead.source,
            "Rating": lead.rating, "Status": status, "IsConverted": bool(lead.converted),
            "ConvertedDate": sf_date(lead.decided_at) if lead.converted else None, "OwnerId": owner},
            emit=False, at=lead.created_at, user_id=owner)
        self.lead_truth[lid] = lead.p_convert
        self.leads[lid] = lead
        said = LEAD_ACTIVITY_SUBJECTS.get(self.market.config.locale or "en", LEAD_ACTIVITY_SUBJECTS["en"])
        for act in lead.activities:
            kw: dict[str, Any] = {"emit": False, "at": act.at, "user_id": owner}
            if act.kind == "meeting":
                o.create("Event", {"Subject": said["meeting"], "StartDateTime": sf_datetime(act.at),
                                   "EndDateTime": sf_datetime(act.at + timedelta(minutes=30)), "WhoId": lid,
                                   "OwnerId": owner}, **kw)
            else:
                o.create("Task", {"Subject": said[act.kind], "Status": "Completed",
                                  "Priority": "Normal", "ActivityDate": sf_date(act.at),
                                  "TaskSubtype": "Call" if act.kind == "call" else "Email",
                                  "CallType": {"inbound": "Inbound", "outbound": "Outbound"}.get(act.direction or "")
                                  if act.kind == "call" else None, "WhoId": lid, "OwnerId": owner}, **kw)
        closed = lead.closed_at
        if closed is not None:  # closing (or converting) the lead was its last change
            rec = o.records["Lead"][lid]
            rec["LastModifiedDate"] = rec["SystemModstamp"] = sf_datetime(closed)
        return lid

    def _link_seeded_conversions(self) -> None:
        """Converted{Account,Contact,Opportunity}Id of the leads converted before the sandbox
        started: the market deal created nearest at or after the conversion (each deal used once
        while there are unused ones), its account and primary contact (see the module's doc)."""
        deals = sorted((d.created_at, d.key) for d in self.market.deals)
        if not deals:
            return
        starts = [at for at, _ in deals]
        used: set[int] = set()
        converted = sorted((lead.decided_at, lid) for lid, lead in self.leads.items() if lead.converted)
        for decided, lid in converted:
            i = min(bisect.bisect_left(starts, decided), len(deals) - 1)
            j = next((k for k in range(i, len(deals)) if deals[k][1] not in used), i)
            used.add(deals[j][1])
            d = self.market.deals[deals[j][1]]
            self.org.records["Lead"][lid].update({
                "ConvertedAccountId": self.ids["Account"][d.company],
                "ConvertedContactId": self.ids["Contact"][d.primary_contact],
                "ConvertedOpportunityId": self.ids["Opportunity"][d.key]})

    def convert_lead(self, lid: str, *, at: datetime | None = None, opportunity: bool = True,
                     emit: bool = True) -> dict[str, str | None]:
        """Convert a lead as Salesforce's convertLead does (see the module's doc); returns the
        Converted*Id values.

        Raises:
            LeadConversionError: no such lead, or it is converted already.
        """
        o = self.org
        with o.lock:
            rec = o.get("Lead", lid)
            if rec is None:
                raise LeadConversionError(f"no lead {lid}")
            if rec.get("IsConverted"):
                raise LeadConversionError(f"lead {lid} is already converted")
            at = at or o.clock()
            owner = rec.get("OwnerId")
            kw: dict[str, Any] = {"at": at, "user_id": owner, "emit": emit}
            account = next((aid for aid, a in o.records["Account"].items()
                            if not a.get("IsDeleted") and rec.get("Company") and a.get("Name") == rec["Company"]), None)
            if account is None:
                account = o.create("Account", {
                    "Name": rec.get("Company") or rec.get("Name"), "Industry": rec.get("Industry"),
                    "NumberOfEmployees": rec.get("NumberOfEmployees"), "AnnualRevenue": rec.get("AnnualRevenue"),
                    "BillingCountry": rec.get("Country"), "Type": "Prospect", "OwnerId": owner}, **kw)
            contact = o.create("Contact", {
                "FirstName": rec.get("FirstName"), "LastName": rec.get("LastName"), "Salutation": rec.get("Salutation"),
                "Email": rec.get("Email"), "Title": rec.get("Title"), "AccountId": account, "OwnerId": owner,
                "MailingCountry": rec.get("Country"), "HasOptedOutOfEmail": bool(rec.get("HasOptedOutOfEmail"))}, **kw)
            opp = None
            if opportunity:
                first = schema.STAGES[0][0]
                opp = o.create("Opportunity", {
                    "Name": f"{rec.get('Company') or rec.get('Name')}-", "StageName": first,
                    "Probability": schema.STAGE_INFO[first]["probability"],
                    "CloseDate": sf_date(at + timedelta(days=CONVERTED_OPPORTUNITY_DAYS)), "AccountId": account,
                    "OwnerId": owner, "LeadSource": rec.get("LeadSource"), "Type": "New Customer"}, **kw)
                o.create("OpportunityContactRole", {"OpportunityId": opp, "ContactId": contact, "IsPrimary": True,
                                                    "Role": "Decision Maker"}, **kw)
            for sobject in ("Task", "Event"):
                for aid in [a for a, r in o.records[sobject].items() if r.get("WhoId") == lid and not r.get("IsDeleted")]:
                    o.update(sobject, aid, {"WhoId": contact, "WhatId": opp or account}, **kw)
            o.update("Lead", lid, {"IsConverted": True, "ConvertedDate": sf_date(at), "Status": CONVERTED_STATUS,
                                   "ConvertedAccountId": account, "ConvertedContactId": contact,
                                   "ConvertedOpportunityId": opp}, **kw)
        return {"ConvertedAccountId": account, "ConvertedContactId": contact, "ConvertedOpportunityId": opp}

    def close_lead(self, lid: str, *, at: datetime | None = None, status: str = UNCONVERTED_STATUS) -> None:
        """Close a lead unconverted (a rep sets a closing Status), which the trigger sends.

        Raises:
            LeadConversionError: no such lead, it is converted (a converted lead cannot change), or
                `status` is not one of the org's unconverted Lead Status values.
        """
        rec = self.org.get("Lead", lid)
        if rec is None:
            raise LeadConversionError(f"no lead {lid}")
        if rec.get("IsConverted"):
            raise LeadConversionError(f"lead {lid} is converted and can no longer change")
        statuses = {r["ApiName"]: r["IsConverted"] for r in self.org.records["LeadStatus"].values()}
        if status not in statuses or statuses[status]:
            raise LeadConversionError(f"{status!r} is not an unconverted Lead Status of this org")
        self.org.update("Lead", lid, {"Status": status}, at=at, user_id=rec.get("OwnerId"))

    def decide_leads(self) -> dict[str, int]:
        """Convert or close the open leads whose decision day has come (their hidden fate)."""
        counts = {"lead_converted": 0, "lead_closed": 0}
        now = self.market.now
        for lid, lead in sorted(self.leads.items(), key=lambda kv: (kv[1].decided_at, kv[0])):
            rec = self.org.get("Lead", lid)
            if rec is None or lead.decided_at > now or rec.get("IsConverted") or rec.get("Status") == UNCONVERTED_STATUS:
                continue
            if lead.fate:
                self.convert_lead(lid, at=lead.decided_at)
                counts["lead_converted"] += 1
            else:
                self.close_lead(lid, at=lead.decided_at)
                counts["lead_closed"] += 1
        return counts

    def _mark_customers(self) -> None:
        """Customers' Type, and the churn label a rep records on the package's Account fields when
        a customer leaves (Churned__c, Churned_On__c); accounts that never bought carry no label."""
        won = {d.company for d in self.market.deals if d.stage == "closedwon"}
        for c in self.market.companies:
            rec = self.org.records["Account"][self.ids["Account"][c.key]]
            if self.market.is_customer(c.key, self.market.now):
                rec["Type"] = "Customer - Direct"
            rec["Churned__c"] = c.key in won and c.churned_at is not None
            rec["Churned_On__c"] = sf_date(c.churned_at) if c.key in won and c.churned_at is not None else None

    def currency_of(self, code: str) -> dict[str, Any]:
        """CurrencyIsoCode, in a multi-currency org only (its Amounts are `local_amount`s; a single-currency org's USD)."""
        return {schema.CURRENCY_FIELD: code} if self.org.multi_currency else {}

    def opp_values(self, d: Deal) -> dict[str, Any]:
        stage = schema.STAGE_BY_MARKET[d.stage]
        vals: dict[str, Any] = {
            "Name": d.name, "Amount": d.local_amount if self.org.multi_currency else round(float(d.amount), 2),
            **self.currency_of(d.currency), "StageName": stage,
            "Probability": schema.STAGE_INFO[stage]["probability"],
            "CloseDate": sf_date(d.closed_at or d.expected_close), "Description": d.description,
            "Type": "Existing Customer - Upgrade" if d.dealtype == "existingbusiness" else "New Customer",
            "AccountId": self.ids["Account"][d.company], "OwnerId": self.ids["User"][d.owner],
            "Discount_Percent__c": round(d.discount * 100, 2) if d.discount else None, "LeadSource": "Web",
        }
        if d.closed_at and d.stage == "closedlost":
            vals["Loss_Reason__c"] = LOST_REASONS[d.key % len(LOST_REASONS)]
        return vals

    def create_deal(self, d: Deal, *, emit: bool) -> str:
        o = self.org
        owner = self.ids["User"][d.owner]
        hist = o.records["OpportunityHistory"]
        with o.lock:  # no history row comes or goes between the count and the scan
            known = len(hist)
            oid = o.create("Opportunity", self.opp_values(d), emit=False, at=d.created_at, user_id=owner)
            # Replace the creation-time history row with the deal's real stage history; it is among the rows `create`
            # just added (scanning every row was O(deals^2), 3 s of seeding 2,060 deals: wave 34's vendor-replay profile).
            for hid in [h for h in islice(reversed(hist), len(hist) - known) if hist[h]["OpportunityId"] == oid]:
                del hist[hid]
        rec = o.records["Opportunity"][oid]
        # One row per change of stage or close date, each with the stage and close date then in
        # force (a closed deal's rows before its close show the close its rep expected).
        changes: list[tuple[datetime, str | None, datetime | None]] = sorted(
            [(at, s, None) for s, at in d.stage_history] + [(at, None, c) for at, c in d.close_date_history],
            key=lambda c: (c[0], c[1] is None))
        stage, close = d.stage_history[0][0], d.close_date_history[0][1] if d.close_date_history else d.expected_close
        for at, new_stage, new_close in changes:
            stage, close = new_stage or stage, new_close or close
            hid = o.new_id("OpportunityHistory")
            name = schema.STAGE_BY_MARKET[stage]
            hist[hid] = {"Id": hid, "OpportunityId": oid, "StageName": name, "Amount": rec["Amount"],
                         "CloseDate": sf_date(close), "Probability": schema.STAGE_INFO[name]["probability"],
                         "CreatedDate": sf_datetime(at), "SystemModstamp": sf_datetime(at)}
        last = d.closed_at or (d.stage_history[-1][1] if d.stage_history else d.created_at)
        rec["LastModifiedDate"] = rec["SystemModstamp"] = sf_datetime(max(last, d.created_at))
        self.ids["Opportunity"][d.key] = oid
        self.deal_keys[oid] = d.key
        for ck in d.contacts:
            o.create("OpportunityContactRole", {"OpportunityId": oid, "ContactId": self.ids["Contact"][ck],
                                                "Role": "Decision Maker" if ck == d.primary_contact else "Influencer",
                                                "IsPrimary": ck == d.primary_contact},
                     emit=False, at=d.created_at, user_id=owner)
        if emit:
            o._emit(Change("Opportunity", oid, "created", tuple(rec), None, d.created_at))
        return oid

    def create_activity(self, a: Activity, *, emit: bool) -> None:
        o = self.org
        what = self.ids["Opportunity"].get(a.deal) if a.deal is not None else None
        what = what or self.ids["Account"][a.company]
        who = self.ids["Contact"].get(a.contact) if a.contact is not None else None
        owner = self.ids["User"][a.owner]
        kw: dict[str, Any] = {"emit": False, "at": a.at, "user_id": owner}
        if a.kind == "email":
            o.create("EmailMessage", {"Subject": a.subject, "TextBody": a.body, "Incoming": a.direction == "inbound",
                                      "MessageDate": sf_datetime(a.at), "RelatedToId": what,
                                      "FromAddress": a.extra.get("from")}, **kw)
        elif a.kind == "meeting":
            o.create("Event", {"Subject": a.subject or "Meeting", "Description": a.body,
                               "StartDateTime": sf_datetime(a.at), "EndDateTime": sf_datetime(a.at + timedelta(hours=1)),
                               "WhatId": what, "WhoId": who, "OwnerId": owner}, **kw)
        else:
            o.create("Task", {"Subject": a.subject or ("Call" if a.kind == "call" else "Note"), "Description": a.body,
                              "Status": "Completed", "Priority": "Normal", "ActivityDate": sf_date(a.at),
                              "TaskSubtype": "Call" if a.kind == "call" else "Task",
                              "CallType": {"inbound": "Inbound", "outbound": "Outbound"}.get(a.direction or ""),
                              "WhatId": what, "WhoId": who, "OwnerId": owner}, **kw)
        if emit and what.startswith(schema.KEY_PREFIXES["Opportunity"]):
            o.update("Opportunity", what, {"LastModifiedDate": sf_datetime(a.at)}, at=a.at, user_id=owner)

    # --- the app's effect on the market ------------------------------------------------------
    def app_actions(self) -> dict[int, dict[str, Any]]:
        o = self.org
        out: dict[int, dict[str, Any]] = {}
        open_tasks: dict[str, list[str]] = {}
        for t in o.records["Task"].values():
            if t.get(schema.IDEMPOTENCY_FIELD) and not t.get("IsClosed") and not t.get("IsDeleted"):
                open_tasks.setdefault(str(t.get("WhatId")), []).append(t["Id"])
        for oid, key in self.deal_keys.items():
            rec = o.records["Opportunity"][oid]
            disc = rec.get("AI_Best_Discount__c")
            act = {"strategy": rec.get("AI_Strategy__c"), "discount": float(disc) if disc not in (None, "") else None,
                   "open_tasks": open_tasks.get(oid, [])}
            if act["strategy"] or act["discount"] is not None or act["open_tasks"]:
                out[key] = act
        return out

    def advance(self, days: int) -> dict[str, int]:
        m, o = self.market, self.org
        events = m.advance(days, self.app_actions())
        counts: dict[str, int] = {}
        for ev in events:
            counts[ev["type"]] = counts.get(ev["type"], 0) + 1
            t = ev["type"]
            if t == "deal_created":
                self.create_deal(m.deals[ev["deal"]], emit=True)
            elif t in ("stage", "closed", "rep_edit", "discount"):
                d = m.deals[ev["deal"]]
                oid = self.ids["Opportunity"][d.key]
                vals = self.opp_values(d)
                cur = o.records["Opportunity"][oid]
                o.update("Opportunity", oid, {k: v for k, v in vals.items() if cur.get(k) != v},
                         at=m.now, user_id=self.ids["User"][d.owner])
            elif t == "activity":
                self.create_activity(m.activities[ev["activity"]], emit=True)
            elif t == "task_completed":
                tid = ev["task"]
                if o.get("Task", tid):
                    o.update("Task", tid, {"Status": "Completed"}, at=m.now,
                             user_id=self.ids["User"][m.deals[ev["deal"]].owner])
        for kind, n in self.decide_leads().items():
            if n:
                counts[kind] = n
        self._mark_customers()
        return counts

    def rep_changes(self, count: int, seed: int) -> list[str]:
        """Realistic rep edits to open opportunities: the amount moves by a fifth, the close
        date is pushed out a week or two. Returns the Opportunity ids edited."""
        rng = random.Random(seed)
        open_ids = sorted(oid for oid, r in self.org.records["Opportunity"].items() if not r.get("IsClosed"))
        picked = rng.sample(open_ids, min(count, len(open_ids)))
        now = datetime.now(UTC)
        for oid in picked:
            rec = self.org.records["Opportunity"][oid]
            amount = round(float(rec.get("Amount") or 1000) * rng.choice((0.8, 1.2)), 2)
            close = datetime.fromisoformat(str(rec["CloseDate"])) + timedelta(days=rng.randint(7, 21))
            self.org.update("Opportunity", oid, {"Amount": amount, "CloseDate": sf_date(close)}, at=now,
                            user_id=rec.get("OwnerId"))
        return picked
