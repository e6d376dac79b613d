"""The Salesforce client's HTTP timeouts come from the app's configuration, as HubSpot's do (wave 20).

`AGENTIC_SALES_CRM_READ_TIMEOUT_SECONDS` was read by the HubSpot connector only: a Salesforce org answering a large
history query slowly (the sandbox on a loaded 2-core machine, over a minute) timed out at the hard-coded 60 s whatever
the operator had set.
"""

from __future__ import annotations

from integrations.salesforce import constants
from integrations.salesforce.connector import http_session


def test_the_configured_connect_and_read_timeouts_are_the_sessions():
    assert http_session({"CRM_CONNECT_TIMEOUT_SECONDS": "7", "CRM_READ_TIMEOUT_SECONDS": 180.0}).timeout == (7.0, 180.0)


def test_without_configured_timeouts_the_session_keeps_salesforces_defaults():
    assert http_session({}).timeout == (constants.CONNECT_TIMEOUT, constants.READ_TIMEOUT)
    assert http_session({"CRM_READ_TIMEOUT_SECONDS": ""}).timeout == (constants.CONNECT_TIMEOUT, constants.READ_TIMEOUT)
