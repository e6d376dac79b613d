"""The sObjects the sandbox org has: fields (as describe reports them), key prefixes, relationships.

Custom fields end in `__c`. The app's output fields (DESIGN.md stems, e.g.
`AI_Conversion_Score__c`) exist only once the package is deployed (`Org.deploy_package`), so
the app's describe check can report exactly which ones are missing.
"""

from __future__ import annotations

import re
from typing import Any

from ..market import _money as market_money

KEY_PREFIXES = {
    "Account": "001", "Contact": "003", "Lead": "00Q", "Opportunity": "006", "Task": "00T",
    "Event": "00U", "User": "005", "OpportunityContactRole": "00K", "OpportunityHistory": "008",
    "EmailMessage": "02s", "Organization": "00D", "OpportunityStage": "01J", "LeadStatus": "01J",
    "CurrencyType": "02z",  # the sandbox's own prefix (nothing reads a CurrencyType id)
}

CURRENCY_FIELD = "CurrencyIsoCode"
"""On Account, Opportunity (and Lead, Contact) only in a multi-currency org: a single-currency org's
describe lacks it and a query naming it fails INVALID_FIELD, as does any query of CurrencyType."""
MULTI_CURRENCY_ONLY = frozenset({"CurrencyType"})
CURRENCY_RATES = market_money.RATES
"""The sandbox's CurrencyType rates (units per one unit of the corporate currency, `market_money.CORPORATE`):
the market's own table, not a copy, so an Opportunity's Amount converted back at them is the market's value."""

STAGES = (
    # (StageName, market stage, probability %, IsClosed, IsWon, ForecastCategory)
    ("Prospecting", "appointmentscheduled", 10, False, False, "Pipeline"),
    ("Qualification", "qualifiedtobuy", 20, False, False, "Pipeline"),
    ("Value Proposition", "presentationscheduled", 50, False, False, "Pipeline"),
    ("Id. Decision Makers", "decisionmakerboughtin", 60, False, False, "Pipeline"),
    ("Negotiation/Review", "contractsent", 90, False, False, "Commit"),
    ("Closed Won", "closedwon", 100, True, True, "Closed"),
    ("Closed Lost", "closedlost", 0, True, False, "Omitted"),
)
"""Salesforce's standard Opportunity stages, mapped onto the simulated market's stages."""

STAGE_BY_MARKET = {m: s for s, m, *_ in STAGES}
STAGE_INFO = {s: {"probability": p, "closed": c, "won": w, "forecast": f} for s, _, p, c, w, f in STAGES}

TASK_STATUSES = ("Not Started", "In Progress", "Completed", "Waiting on someone else", "Deferred")


def _f(name: str, type_: str = "string", *, label: str | None = None, length: int = 0,
       ref: str | None = None, rel: str | None = None, updateable: bool = True, nillable: bool = True,
       picklist: tuple[str, ...] = (), custom: bool | None = None, precision: int = 0, scale: int = 0,
       external_id: bool = False, filterable: bool | None = None) -> dict[str, Any]:
    return {
        "name": name, "label": label or name.removesuffix("__c").replace("_", " "), "type": type_,
        "length": length or (255 if type_ in ("string", "picklist", "url", "email", "phone") else
                             32000 if type_ == "textarea" else 18 if type_ in ("id", "reference") else 0),
        "precision": precision, "scale": scale,
        "custom": name.endswith("__c") if custom is None else custom, "nillable": nillable,
        "createable": updateable and type_ != "id", "updateable": updateable and type_ != "id",
        "filterable": (type_ != "textarea") if filterable is None else filterable,
        "sortable": type_ != "textarea", "groupable": type_ not in ("textarea", "double", "currency"),
        "externalId": external_id, "idLookup": name == "Id" or external_id, "calculated": False,
        "referenceTo": [ref] if ref else [], "relationshipName": rel,
        "picklistValues": [{"active": True, "defaultValue": False, "label": v, "validFor": None, "value": v}
                           for v in picklist],
        "soapType": {"id": "tns:ID", "reference": "tns:ID", "boolean": "xsd:boolean", "double": "xsd:double",
                     "currency": "xsd:double", "percent": "xsd:double", "int": "xsd:int", "date": "xsd:date",
                     "datetime": "xsd:dateTime"}.get(type_, "xsd:string"),
    }


def _system(ro: bool = False) -> list[dict[str, Any]]:
    return [
        _f("Id", "id", label="Record ID", nillable=False, updateable=False),
        _f("IsDeleted", "boolean", label="Deleted", updateable=False, nillable=False),
        _f("CreatedDate", "datetime", label="Created Date", updateable=False, nillable=False),
        _f("LastModifiedDate", "datetime", label="Last Modified Date", updateable=False, nillable=False),
        _f("LastModifiedById", "reference", label="Last Modified By ID", ref="User", rel="LastModifiedBy",
           updateable=False, nillable=False),
        _f("SystemModstamp", "datetime", label="System Modstamp", updateable=False, nillable=False),
    ]


OUTPUT_FIELDS: dict[str, tuple[str, str, int, int, int]] = {
    # stem: (API name, type, length, precision, scale)
    "ai_conversion_score": ("AI_Conversion_Score__c", "double", 0, 3, 0),
    "ai_conversion_probability": ("AI_Conversion_Probability__c", "double", 0, 6, 4),
    "ai_churn_risk": ("AI_Churn_Risk__c", "double", 0, 6, 4),
    "ai_clv": ("AI_CLV__c", "currency", 0, 16, 2),
    "ai_best_discount": ("AI_Best_Discount__c", "double", 0, 5, 4),
    "ai_strategy": ("AI_Strategy__c", "string", 80, 0, 0),
    "ai_next_best_action": ("AI_Next_Best_Action__c", "string", 255, 0, 0),
    "ai_summary": ("AI_Summary__c", "textarea", 32768, 0, 0),
    "ai_enriched_at": ("AI_Enriched_At__c", "datetime", 0, 0, 0),
    "ai_model_version": ("AI_Model_Version__c", "string", 80, 0, 0),
}
"""Output field stem → the Salesforce custom field the package deploys (same on each object)."""

OUTPUT_OBJECTS = ("Opportunity", "Lead", "Account")
"""Objects the package adds the output fields to."""

IDEMPOTENCY_FIELD = "AI_Idempotency_Key__c"
"""Custom Activity field (Task/Event) holding our enrichment id: the marker looked up after an
ambiguous create (long text fields like Description cannot be filtered in SOQL)."""


PACKAGE_FIELDS: dict[str, list[dict[str, Any]]] = {
    "Account": [_f("Churned__c", "boolean", label="Churned Customer", nillable=False),
                _f("Churned_On__c", "date", label="Churned On")],
}
"""Fields the package adds that the customer's team fills, not the app (the churn model's label)."""

CUSTOM_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*__c$")
"""A custom field's API name as Setup makes it (no double underscore before the `__c`)."""
CUSTOM_TYPES = frozenset({"string", "picklist", "textarea", "boolean", "double", "percent", "currency", "date",
                          "datetime", "email", "phone", "url"})
"""Custom field types the sandbox lets an admin add (describe's spelling of Setup's Text, Picklist, ...)."""


def output_field_specs() -> list[dict[str, Any]]:
    return [_f(api, t, length=ln, precision=p, scale=s, label=stem.replace("_", " ").upper())
            for stem, (api, t, ln, p, s) in OUTPUT_FIELDS.items()]


LEAD_STATUSES = (("Open - Not Contacted", False, True), ("Working - Contacted", False, False),
                 ("Closed - Converted", True, False), ("Closed - Not Converted", False, False))
"""The standard Lead Status picklist: (value, IsConverted, IsDefault), as the LeadStatus object
answers. LeadStatus has no "closed" flag: which unconverted values close a lead is the org's
convention (here, as in a new org, the "Closed - ..." values)."""

BASE_FIELDS: dict[str, list[dict[str, Any]]] = {
    "Organization": [_f("Id", "id", nillable=False, updateable=False), _f("Name"),
                     _f("OrganizationType", updateable=False), _f("DefaultLocaleSidKey"),
                     _f("DefaultCurrencyIsoCode", "picklist", updateable=False)],
    "CurrencyType": [_f("Id", "id", updateable=False), _f("IsoCode", "picklist", updateable=False),
                     _f("ConversionRate", "double", updateable=False), _f("DecimalPlaces", "int", updateable=False),
                     _f("IsActive", "boolean", updateable=False), _f("IsCorporate", "boolean", updateable=False)],
    "User": [*_system(), _f("Name", updateable=False), _f("FirstName"), _f("LastName"), _f("Email", "email"),
             _f("Title"), _f("TimeZoneSidKey", "picklist", label="Time Zone"), _f("IsActive", "boolean")],
    "Account": [*_system(), _f("Name", nillable=False), _f("Website", "url"), _f("Industry", "picklist"),
                _f("NumberOfEmployees", "int", label="Employees"), _f("AnnualRevenue", "currency"),
                _f("BillingCity"), _f("BillingCountry"), _f("CurrencyIsoCode", "picklist"),
                _f("Type", "picklist", picklist=("Prospect", "Customer - Direct", "Former Customer")),
                _f("OwnerId", "reference", ref="User", rel="Owner")],
    "Contact": [*_system(), _f("Name", updateable=False), _f("Salutation", "picklist",
                picklist=("Mr.", "Ms.", "Mrs.", "Dr.", "Prof.", "Mx.")), _f("FirstName"), _f("LastName", nillable=False),
                _f("Email", "email"), _f("Title"), _f("Phone", "phone"),
                _f("HasOptedOutOfEmail", "boolean", label="Email Opt Out"),
                _f("AccountId", "reference", ref="Account", rel="Account"),
                _f("OwnerId", "reference", ref="User", rel="Owner"), _f("MailingCountry"),
                _f("Page_Views__c", "double", precision=10), _f("Last_Visit__c", "datetime"),
                _f("Web_Sessions__c", "double", precision=10)],
    "Lead": [*_system(), _f("Name", updateable=False), _f("Salutation", "picklist",
             picklist=("Mr.", "Ms.", "Mrs.", "Dr.", "Prof.", "Mx.")), _f("FirstName"), _f("LastName", nillable=False),
             _f("Company", nillable=False), _f("Email", "email"), _f("Title"), _f("Industry", "picklist"),
             _f("HasOptedOutOfEmail", "boolean", label="Email Opt Out"),
             _f("NumberOfEmployees", "int"), _f("AnnualRevenue", "currency"), _f("Country"),
             _f("Status", "picklist", picklist=tuple(s[0] for s in LEAD_STATUSES)),
             _f("IsConverted", "boolean", updateable=False),
             _f("LeadSource", "picklist", picklist=("Web", "Webinar", "Trade Show", "Partner Referral",
                                                    "Employee Referral", "Purchased List", "Other")),
             _f("Rating", "picklist", picklist=("Hot", "Warm", "Cold")),
             _f("ConvertedDate", "date", updateable=False),
             _f("ConvertedAccountId", "reference", ref="Account", rel="ConvertedAccount", updateable=False),
             _f("ConvertedContactId", "reference", ref="Contact", rel="ConvertedContact", updateable=False),
             _f("ConvertedOpportunityId", "reference", ref="Opportunity", rel="ConvertedOpportunity",
                updateable=False),
             _f("OwnerId", "reference", ref="User", rel="Owner")],
    "LeadStatus": [_f("Id", "id", updateable=False), _f("ApiName", updateable=False),
                   _f("MasterLabel", updateable=False), _f("IsConverted", "boolean", updateable=False),
                   _f("IsDefault", "boolean", updateable=False), _f("SortOrder", "int", updateable=False)],
    "Opportunity": [*_system(), _f("Name", nillable=False), _f("Amount", "currency", precision=18, scale=2),
                    _f("CurrencyIsoCode", "picklist"),
                    _f("StageName", "picklist", label="Stage", nillable=False, picklist=tuple(s[0] for s in STAGES)),
                    _f("Probability", "percent"), _f("CloseDate", "date", nillable=False),
                    _f("Type", "picklist", picklist=("New Customer", "Existing Customer - Upgrade")),
                    _f("Description", "textarea"), _f("LeadSource", "picklist"), _f("NextStep", label="Next Step"),
                    _f("ForecastCategoryName", "picklist"), _f("IsClosed", "boolean", updateable=False),
                    _f("IsWon", "boolean", updateable=False),
                    _f("AccountId", "reference", ref="Account", rel="Account"),
                    _f("OwnerId", "reference", ref="User", rel="Owner"),
                    _f("Discount_Percent__c", "percent", precision=5, scale=2),
                    _f("Loss_Reason__c", "picklist")],
    "OpportunityContactRole": [*_system(), _f("OpportunityId", "reference", ref="Opportunity", rel="Opportunity"),
                               _f("ContactId", "reference", ref="Contact", rel="Contact"),
                               _f("Role", "picklist"), _f("IsPrimary", "boolean")],
    "OpportunityHistory": [_f("Id", "id", updateable=False), _f("CreatedDate", "datetime", updateable=False),
                           _f("SystemModstamp", "datetime", updateable=False),
                           _f("OpportunityId", "reference", ref="Opportunity", rel="Opportunity", updateable=False),
                           _f("StageName", "picklist", updateable=False), _f("Amount", "currency", updateable=False),
                           _f("CloseDate", "date", updateable=False), _f("Probability", "percent", updateable=False)],
    "Task": [*_system(), _f("Subject"), _f("Description", "textarea", label="Comments"),
             _f("Status", "picklist", picklist=TASK_STATUSES), _f("Priority", "picklist",
                                                                  picklist=("High", "Normal", "Low")),
             _f("ActivityDate", "date", label="Due Date Only"), _f("IsClosed", "boolean", updateable=False),
             _f("TaskSubtype", "picklist", picklist=("Task", "Email", "Call")),
             _f("CallType", "picklist", picklist=("Inbound", "Outbound")),
             _f("WhatId", "reference", ref="Opportunity", rel="What"),
             _f("WhoId", "reference", ref="Contact", rel="Who"),
             _f("OwnerId", "reference", ref="User", rel="Owner"),
             _f(IDEMPOTENCY_FIELD, "string", length=64, external_id=True)],
    "Event": [*_system(), _f("Subject"), _f("Description", "textarea"), _f("StartDateTime", "datetime"),
              _f("EndDateTime", "datetime"), _f("WhatId", "reference", ref="Opportunity", rel="What"),
              _f("WhoId", "reference", ref="Contact", rel="Who"), _f("OwnerId", "reference", ref="User", rel="Owner"),
              _f(IDEMPOTENCY_FIELD, "string", length=64, external_id=True)],
    "EmailMessage": [*_system(), _f("Subject"), _f("TextBody", "textarea"), _f("Incoming", "boolean"),
                     _f("MessageDate", "datetime"), _f("FromAddress", "email"), _f("ToAddress"),
                     _f("RelatedToId", "reference", ref="Opportunity", rel="RelatedTo")],
}

BASE_FIELDS["OpportunityStage"] = [
    _f("Id", "id", updateable=False), _f("ApiName", updateable=False), _f("MasterLabel", updateable=False),
    _f("IsActive", "boolean", updateable=False), _f("IsClosed", "boolean", updateable=False),
    _f("IsWon", "boolean", updateable=False), _f("DefaultProbability", "percent", updateable=False),
    _f("ForecastCategoryName", "picklist", updateable=False), _f("SortOrder", "int", updateable=False)]

PARENT_RELATIONSHIPS: dict[str, dict[str, tuple[str, str]]] = {
    t: {f["relationshipName"]: (f["name"], f["referenceTo"][0]) for f in fs if f.get("relationshipName")}
    for t, fs in BASE_FIELDS.items()
}
"""sObject → relationship name → (reference field, parent sObject)."""

CHILD_RELATIONSHIPS: dict[str, dict[str, tuple[str, str]]] = {
    "Opportunity": {"OpportunityContactRoles": ("OpportunityContactRole", "OpportunityId"),
                    "OpportunityHistories": ("OpportunityHistory", "OpportunityId"),
                    "Tasks": ("Task", "WhatId"), "Events": ("Event", "WhatId"),
                    "EmailMessages": ("EmailMessage", "RelatedToId")},
    "Account": {"Contacts": ("Contact", "AccountId"), "Opportunities": ("Opportunity", "AccountId"),
                "Tasks": ("Task", "WhatId"), "Events": ("Event", "WhatId")},
    "Contact": {"Tasks": ("Task", "WhoId"), "Events": ("Event", "WhoId")},
    "Lead": {"Tasks": ("Task", "WhoId"), "Events": ("Event", "WhoId")},
}
"""sObject → child relationship name → (child sObject, its reference field)."""
