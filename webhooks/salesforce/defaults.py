"""Tunable numbers of the Salesforce receivers (STYLE rule 5)."""

MAX_NOTIFICATIONS = 100
"""Most notifications in one Outbound Message (Salesforce sends at most 100); more is anomalous."""

MAX_OM_BODY_BYTES = 2_097_152
"""Largest Outbound Message body in bytes (100 notifications of ~20 fields are far below)."""

MAX_CALLOUT_EVENTS = 100
"""Most events in one callout (our Apex queueable sends at most 100)."""

MAX_CALLOUT_BODY_BYTES = 1_048_576
"""Largest callout body in bytes."""
