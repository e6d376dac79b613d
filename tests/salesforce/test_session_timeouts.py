"""The Salesforce client's HTTP timeouts come from the app's configuration, as HubSpot's do (wave 20).

`AGENTIC_SALES_CRM_READ_TIMEOUT_SECONDS` was read by the HubSpot connector only: a Salesforce org answering a large
history query slowly (the sandbox on a loaded 2-core machine, over a minute) timed out at the hard-coded 60 s whatever
the operator had set.
"""

from __future__ import annotations

import pytest
import requests

from integrations.base import TokenSet
from integrations.errors import CrmUnavailable
from integrations.salesforce import constants
from integrations.salesforce.connector import http_session
from integrations.salesforce.session import Api, TimeoutSession


def test_the_configured_connect_and_read_timeouts_are_the_sessions():
    assert http_session({"CRM_CONNECT_TIMEOUT_SECONDS": "7", "CRM_READ_TIMEOUT_SECONDS": 180.0}).timeout == (7.0, 180.0)


def test_without_configured_timeouts_the_session_keeps_salesforces_defaults():
    assert http_session({}).timeout == (constants.CONNECT_TIMEOUT, constants.READ_TIMEOUT)
    assert http_session({"CRM_READ_TIMEOUT_SECONDS": ""}).timeout == (constants.CONNECT_TIMEOUT, constants.READ_TIMEOUT)


class _SlowOrg(TimeoutSession):
    """An org that never answers within the read timeout (as the sandbox's history query on a loaded machine)."""

    def request(self, method, url, *args, **kwargs):  # type: ignore[no-untyped-def, override]
        raise requests.ReadTimeout(f"HTTPSConnectionPool: Read timed out. (read timeout={self.timeout[1]})")


class _UnreachableOrg(TimeoutSession):
    def request(self, method, url, *args, **kwargs):  # type: ignore[no-untyped-def, override]
        raise requests.ConnectTimeout("HTTPSConnectionPool: Max retries exceeded (connect timeout=5)")


def _api(session: TimeoutSession) -> Api:
    return Api(TokenSet(access_token="00Dx!token", instance_url="https://example.my.salesforce.com"), session=session)


def test_a_query_that_outlasts_the_read_timeout_says_how_long_was_waited_and_which_setting_waits_longer():
    with pytest.raises(CrmUnavailable) as err:
        _api(_SlowOrg(timeout=(5.0, 60.0))).call(lambda sf: sf.query("SELECT Id FROM Opportunity"), what="read history")
    assert str(err.value) == ("[salesforce] read history: Salesforce did not answer within 60 s (ReadTimeout); a large org or a "
                              "busy machine may need longer: set AGENTIC_SALES_CRM_READ_TIMEOUT_SECONDS (e.g. 180)")


def test_the_message_names_the_timeout_actually_configured_not_salesforces_default():
    session = http_session({"CRM_READ_TIMEOUT_SECONDS": "180"})
    slow = _SlowOrg(timeout=session.timeout)
    with pytest.raises(CrmUnavailable, match=r"did not answer within 180 s \(ReadTimeout\)") as err:
        _api(slow).call(lambda sf: sf.describe(), what="describe")
    # Never the value that just ran out (the demo's own 180 s, wave 31): a longer one.
    assert str(err.value).endswith("set AGENTIC_SALES_CRM_READ_TIMEOUT_SECONDS (e.g. 360)")


def test_an_org_that_does_not_accept_the_connection_is_not_told_to_raise_the_read_timeout():
    with pytest.raises(CrmUnavailable) as err:
        _api(_UnreachableOrg(timeout=(5.0, 60.0))).call(lambda sf: sf.describe(), what="describe")
    assert str(err.value).startswith("[salesforce] describe: Salesforce did not accept the connection within 5 s (ConnectTimeout)")
    assert "READ_TIMEOUT" not in str(err.value)
