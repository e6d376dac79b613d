"""Salesforce numbers and names the adapter relies on (tunable ones documented here, STYLE rule 5)."""

CRM = "salesforce"

API_VERSION = "66.0"
"""REST API version pinned explicitly (Spring '26); simple-salesforce would default to 59.0."""

CALL_OPTIONS_CLIENT = "agentic-sales"
"""Our `Sforce-Call-Options: client=` value: CDC's changeOrigin (and our callouts) carry it, so
the receivers recognise the app's own writes as echoes."""

COLLECTION_MAX = 200
"""Most records in one sObject Collections request (Salesforce's limit)."""

QUERY_IDS_MAX = 200
"""Most ids in one `Id IN (...)` SOQL filter (keeps the URL far below the 16 KB limit)."""

CONNECT_TIMEOUT = 5.0
"""Seconds to open a connection to the org."""

READ_TIMEOUT = 60.0
"""Seconds to wait for an answer (requests has no timeout by default: workers would hang)."""

LIMIT_RETRY_AFTER = 300.0
"""Seconds to hold a batch after 403 REQUEST_LIMIT_EXCEEDED when the org's daily allocation is
used up (Sforce-Limit-Info at its maximum): Salesforce sends no Retry-After and the allocation
is a rolling 24 h window, so minutes, not seconds."""

BUSY_LIMIT_RETRY_AFTER = 15.0
"""Seconds to hold a batch after 403 REQUEST_LIMIT_EXCEEDED while the daily allocation still has
room: the org's concurrent long-running request limit, which clears in seconds."""

DAILY_LIMIT_EXHAUSTED = 0.98
"""Share of the daily allocation (last Sforce-Limit-Info seen) from which a 403 is the daily limit."""

UNAVAILABLE_RETRY_AFTER = 30.0
"""Seconds before re-trying after a 5xx or a timeout."""

TASK_MARKER = "[agentic-sales]"
"""Subject prefix of the app's tasks (the idempotency key sits in AI_Idempotency_Key__c)."""

IDEMPOTENCY_FIELD = "AI_Idempotency_Key__c"
"""Activity custom field with our enrichment id: looked up after an ambiguous create."""

SOBJECTS = {"deal": "Opportunity", "company": "Account", "contact": "Contact", "lead": "Lead"}
"""Canonical object type -> sObject."""

OBJECT_TYPES = {v: k for k, v in SOBJECTS.items()}
"""sObject -> canonical object type (RecordChange.object_type)."""

OUTPUT_OBJECTS = ("Opportunity", "Lead", "Account")
"""Objects the package adds the output fields to."""

SECRET_RESOURCE = "agentic-sales/v1/secret"
"""The package's Apex REST resource (AgenticSalesSecretResource) that stores the org's signing
secret in its protected custom setting: /services/apexrest/[namespace/]agentic-sales/v1/secret."""
