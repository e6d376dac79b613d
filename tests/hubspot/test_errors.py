"""Unit tests: SDK exceptions → our CrmError tree (STYLE rule 18)."""

import json

import pytest
import urllib3
from hubspot.crm.associations.v4.exceptions import ApiException as AssocApiException
from hubspot.crm.objects.exceptions import ApiException, NotFoundException, ServiceException

from integrations.errors import (
    CrmAuthExpired,
    CrmForbidden,
    CrmNotFound,
    CrmRateLimited,
    CrmRejected,
    CrmUnavailable,
)
from integrations.hubspot.errors import map_exception, retry_after_seconds


class FakeResp:
    """Stands in for the urllib3 response the generated ApiException reads."""

    def __init__(self, status, body, headers=None):
        self.status = status
        self.reason = "reason"
        self.data = json.dumps(body).encode() if not isinstance(body, bytes) else body
        self._headers = headers or {}

    def getheaders(self):
        return self._headers


RATE_429 = {"status": "error", "message": "You have reached your ten_secondly_rolling limit.",
            "errorType": "RATE_LIMIT", "correlationId": "c-429", "policyName": "TEN_SECONDLY_ROLLING",
            "groupName": "publicapi:oauth:62515"}


def test_429_maps_to_rate_limited_with_interval_wait():
    exc = ApiException(http_resp=FakeResp(429, RATE_429, {"X-HubSpot-RateLimit-Interval-Milliseconds": "10000"}))
    err = map_exception(exc)
    assert isinstance(err, CrmRateLimited)
    assert err.should_retry and err.retry_after == 10.0
    assert err.request_id == "c-429" and err.code == "RATE_LIMIT"
    assert str(err).startswith("Request c-429: [hubspot]")


def test_retry_after_header_wins_over_interval():
    assert retry_after_seconds({"Retry-After": "3", "X-HubSpot-RateLimit-Interval-Milliseconds": "10000"}) == 3.0
    assert retry_after_seconds({}) is None


def test_expired_token_is_retryable_but_invalid_is_not():
    body = {"status": "error", "message": "The OAuth token used to make this call expired 3 second(s) ago.",
            "correlationId": "c-401", "category": "EXPIRED_AUTHENTICATION"}
    err = map_exception(ApiException(http_resp=FakeResp(401, body)))
    assert isinstance(err, CrmAuthExpired) and err.should_retry and err.code == "EXPIRED_AUTHENTICATION"
    body["category"] = "INVALID_AUTHENTICATION"
    err = map_exception(ApiException(http_resp=FakeResp(401, body)))
    assert isinstance(err, CrmAuthExpired) and not err.should_retry


@pytest.mark.parametrize("status,cls,retry", [
    (400, CrmRejected, False), (403, CrmForbidden, False), (404, CrmNotFound, False),
    (423, CrmUnavailable, True), (502, CrmUnavailable, True),
])
def test_status_table(status, cls, retry):
    body = {"status": "error", "message": "m", "correlationId": "c", "category": "X"}
    exc_cls = {404: NotFoundException, 502: ServiceException}.get(status, ApiException)
    err = map_exception(exc_cls(http_resp=FakeResp(status, body)))
    assert type(err) is cls and err.should_retry is retry and err.status == status


def test_any_generated_package_exception_is_mapped():
    err = map_exception(AssocApiException(http_resp=FakeResp(404, b"not json")))
    assert isinstance(err, CrmNotFound) and err.request_id is None


def test_transport_errors_are_unavailable_and_retryable():
    err = map_exception(urllib3.exceptions.NewConnectionError(None, "refused"))
    assert isinstance(err, CrmUnavailable) and err.should_retry


def test_validation_errors_are_permanent():
    err = map_exception(ValueError("Invalid value for `id`, must not be `None`"))
    assert isinstance(err, CrmRejected) and not err.should_retry
