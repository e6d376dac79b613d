"""Salesforce connector: OAuth (web-server flow), the batch CrmClient over simple-salesforce,
mapping defaults, the webhook secrets and the card-request check. Never imports app/."""
