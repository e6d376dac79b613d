"""HubSpot webhooks: signature checks (v3; v1/v2 when enabled), event parsing, the receiver."""
