"""SalesforceClient's write bookkeeping and error mapping, with the transport replaced."""

from __future__ import annotations

import json
from typing import Any

import pytest
import requests
from simple_salesforce import exceptions as sfx

from integrations.base import FieldUpdate, TokenSet, WriteSet
from integrations.errors import CrmAuthExpired, CrmForbidden, CrmNotFound, CrmRateLimited, CrmUnavailable
from integrations.salesforce import mapping
from integrations.salesforce.client import SalesforceClient, idempotency_value
from integrations.salesforce.errors import from_sdk
from integrations.salesforce.session import Api
from tests.conftest import FIXTURES

SF = FIXTURES / "salesforce"


class FakeApi:
    """Answers every call with the next scripted value (or raises it)."""

    def __init__(self, *answers: Any) -> None:
        self.answers = list(answers)
        self.tokens = TokenSet("t", account_id="00D5g000004ABCDEAW", instance_url="https://x")
        self.calls = 0

    def bump(self, name: str, n: int = 1) -> None:
        pass

    def call(self, fn: Any, *, what: str = "") -> Any:
        self.calls += 1
        a = self.answers.pop(0)
        if isinstance(a, Exception):
            raise a
        return a


def sdk_error(cls: type, status: int, name: str) -> Exception:
    return cls("https://x/services/data", status, "composite", json.loads((SF / name).read_text()))


def test_a_collection_answer_maps_back_to_each_record_in_order() -> None:
    answer = json.loads((SF / "composite_partial_failure.json").read_text())
    c = SalesforceClient(FakeApi(answer), tenant_id="t")  # type: ignore[arg-type]
    res = c.apply(WriteSet(fields=(FieldUpdate("deal", "0065g00000AbCdEAAV", {"ai_strategy": "social_proof"}),
                                   FieldUpdate("deal", "006000000000000AAA", {"ai_strategy": "x"}),
                                   FieldUpdate("deal", "0065g00000AbCdGAAV", {"ai_strategy": "y"}))))
    assert [r.status for r in res] == ["updated", "failed", "failed"]
    assert [r.record_id for r in res] == ["0065g00000AbCdEAAV", "006000000000000AAA", "0065g00000AbCdGAAV"]
    assert not res[1].should_retry and "MALFORMED_ID" in (res[1].error or "")
    assert res[2].should_retry and "UNABLE_TO_LOCK_ROW" in (res[2].error or "")  # locked: try again later


def test_request_limit_exceeded_with_the_daily_allocation_used_up_waits_minutes() -> None:
    from simple_salesforce.api import Usage

    err = from_sdk(sdk_error(sfx.SalesforceRefusedRequest, 403, "error_request_limit.json"),
                   usage=Usage(99_990, 100_000))
    assert isinstance(err, CrmRateLimited) and err.should_retry and err.status == 403
    assert err.retry_after == 300.0 and "used up" in str(err)


def test_request_limit_exceeded_with_room_left_is_a_busy_org_and_waits_seconds() -> None:
    from simple_salesforce.api import Usage

    err = from_sdk(sdk_error(sfx.SalesforceRefusedRequest, 403, "error_request_limit.json"), usage=Usage(120, 100_000))
    assert isinstance(err, CrmRateLimited) and err.retry_after == 15.0 and "busy" in str(err)


def test_other_403s_are_forbidden_and_not_retried() -> None:
    err = from_sdk(sfx.SalesforceRefusedRequest("u", 403, "r", [{"message": "no", "errorCode": "INSUFFICIENT_ACCESS"}]))
    assert isinstance(err, CrmForbidden) and not err.should_retry


@pytest.mark.parametrize("exc,cls", [
    (sfx.SalesforceResourceNotFound("u", 404, "r", [{"errorCode": "NOT_FOUND", "message": "gone"}]), CrmNotFound),
    (sfx.SalesforceGeneralError("u", 503, "r", "<html>down</html>"), CrmUnavailable),
    (requests.ReadTimeout("slow"), CrmUnavailable),
    (requests.ConnectionError("reset"), CrmUnavailable),
])
def test_sdk_and_network_errors_map_to_our_types(exc: Exception, cls: type) -> None:
    assert isinstance(from_sdk(exc), cls)


def test_a_second_401_after_the_refresh_is_an_expired_installation() -> None:
    refreshed: list[TokenSet] = []

    def refresh(t: TokenSet) -> TokenSet:
        return TokenSet("new", refresh_token="r", account_id=t.account_id, instance_url=t.instance_url)

    api = Api(TokenSet("old", refresh_token="r", instance_url="https://x.my.salesforce.com"),
              session=requests.Session(), refresh=refresh, on_tokens=refreshed.append)
    dead = sdk_error(sfx.SalesforceExpiredSession, 401, "error_invalid_session.json")

    def always_dead(_sf: Any) -> Any:
        raise dead

    with pytest.raises(CrmAuthExpired):
        api.call(always_dead)
    assert api.refreshes == 1 and [t.access_token for t in refreshed] == ["new"]


def test_output_values_take_the_salesforce_field_types() -> None:
    assert mapping.output_value("ai_conversion_score", "62") == 62.0
    assert mapping.output_value("ai_enriched_at", "1764597802000") == "2025-12-01T14:03:22.000Z"
    assert len(mapping.output_value("ai_model_version", "x" * 250)) == 80
    assert mapping.output_value("ai_summary", "") is None


def test_long_idempotency_keys_are_hashed_to_fit_the_field_and_stay_stable() -> None:
    key = "salesforce-00D5g000004ABCDEAW:0065g00000AbCdEAAV:note:0123456789abcdef01234567"
    assert len(idempotency_value(key)) == 64 and idempotency_value(key) == idempotency_value(key)
    assert idempotency_value("short-key") == "short-key"


def test_api_names_follow_the_design_stems() -> None:
    assert mapping.api_name("ai_clv") == "AI_CLV__c"
    assert mapping.api_name("ai_next_best_action") == "AI_Next_Best_Action__c"
