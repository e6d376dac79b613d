"""The LLM budget as a finance reviewer would attack it: caps enforced before the call, races
for the last cents, period boundaries in the tenant's time zone, and every call booked the way
the vendor bills it (a repair is two calls, a cache hit is free, a 429 is not billed, a reply
without token counts is estimated rather than booked as free)."""

from __future__ import annotations

import json
import threading
from datetime import UTC, datetime

import pytest

from agents import AgentSettings, MemoryCache, MemoryLedger
from agents.context import build_context
from agents.errors import ConfigurationError
from agents.models import AnalysisOut
from agents.prompts import load_prompt
from agents.providers.base import Message
from agents.providers.gateway import Gateway
from agents.providers.resolve import resolve_chains
from agents.providers.spend import day_bounds, month_bounds, spend_periods
from agents.settings import PRICES_PER_MTOK, parse_prices
from agents.untrusted import fence
from tests.agents.conftest import Vendor, error_response, load_record, openai_body
from tests.agents.replies import GOOD_ANALYSIS


def _analyst_prompt() -> list[Message]:
    # The analyst's real prompt on the captured HubSpot deal: what a vendor would be sent.
    record, scores = load_record()
    ctx = build_context(record, scores, now=datetime(2026, 11, 25, 15, 0, tzinfo=UTC))
    values = {"today": ctx.data["today"], "limitations": "none", "data": fence(ctx.data)}
    return load_prompt("analyst").render(values, {"task": "analysis", "ctx": ctx})


MESSAGES = _analyst_prompt()
MINI = PRICES_PER_MTOK["openai:gpt-4o-mini"]
BILLED = (900 * MINI[0] + 150 * MINI[1]) / 1e6
"""What one openai_body() answer costs at gpt-4o-mini's list price (900 in, 150 out)."""


def _gateway(vendor: Vendor, ledger: MemoryLedger, *, now: datetime, cache: MemoryCache | None = None,
             **settings) -> Gateway:
    s = AgentSettings(tenant_id="t1", roles={"analyst": "openai:gpt-4o-mini"}, **settings)
    chains = resolve_chains(s, env={"OPENAI_API_KEY": "sk-test"}, http_client=vendor.client())
    return Gateway(s, chains, now=now, ledger=ledger, cache=cache, sleep=lambda _s: None, record_id="deal-7")


def _analysis(vendor: Vendor, ledger: MemoryLedger, now: datetime, **kw):
    return _gateway(vendor, ledger, now=now, **kw).call(MESSAGES, AnalysisOut, role="analyst", prompt_version="v1")


def _good() -> dict:
    return openai_body(json.dumps(GOOD_ANALYSIS))


NOV = datetime(2026, 11, 25, 15, 0, tzinfo=UTC)


def test_a_call_whose_worst_case_does_not_fit_under_the_cap_never_reaches_the_vendor():
    # $0.0009 left of a $0.001 cap: the answer would bill $0.00023, but the call may use its whole
    # completion cap, so it is refused before it is made rather than discovered on the bill.
    ledger = MemoryLedger({("t1", "2026-11"): 0.0001})
    vendor = Vendor(_good())
    result = _analysis(vendor, ledger, NOV, monthly_spend_cap_usd=0.001)
    assert vendor.requests == [] and result.provider == "offline"
    assert "spend_cap_reached" in result.fallback_reason and "monthly" in result.fallback_reason
    assert ledger.spent("t1", "2026-11") == pytest.approx(0.0001)


def test_two_workers_racing_for_the_last_cents_cannot_both_spend_them():
    # Room for exactly one worst-case call: eight threads start at once; one reaches the vendor,
    # the others go offline, and the month ends within its cap.
    gate = threading.Barrier(8)
    ledger = MemoryLedger()
    cap = 0.0012  # one worst case (~$0.0011) fits; after it is billed ($0.000225) another does not
    vendor = Vendor(*[_good() for _ in range(8)])
    results = []

    def worker() -> None:
        gateway = _gateway(vendor, ledger, now=NOV, monthly_spend_cap_usd=cap)
        gate.wait()
        results.append(gateway.call(MESSAGES, AnalysisOut, role="analyst", prompt_version="v1"))

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(vendor.requests) == 1
    assert sorted(r.provider for r in results) == ["offline"] * 7 + ["openai"]
    assert ledger.spent("t1", "2026-11") == pytest.approx(BILLED) and BILLED <= cap


def test_the_budget_month_turns_at_midnight_in_the_tenants_time_zone_not_utc():
    # November's cap is used up. At 23:59 on 30 November in Berlin (22:59 UTC) calls stay offline;
    # one minute later it is December in Berlin (still November in UTC) and the vendor answers.
    ledger = MemoryLedger({("t1", "2026-11"): 5.0})
    before, after = datetime(2026, 11, 30, 22, 59, tzinfo=UTC), datetime(2026, 11, 30, 23, 0, tzinfo=UTC)
    vendor = Vendor(_good())
    assert _analysis(vendor, ledger, before, monthly_spend_cap_usd=5.0,
                     budget_timezone="Europe/Berlin").provider == "offline"
    assert _analysis(vendor, ledger, after, monthly_spend_cap_usd=5.0,
                     budget_timezone="Europe/Berlin").provider == "openai"
    assert ledger.spent("t1", "2026-12") == pytest.approx(BILLED)
    assert month_bounds(after, "Europe/Berlin") == ("2026-12", after, datetime(2026, 12, 31, 23, 0, tzinfo=UTC))


def test_a_daily_cap_stops_calls_for_the_rest_of_the_day_while_the_month_has_room():
    ledger = MemoryLedger({("t1", "2026-11-25"): 0.5})
    vendor = Vendor(_good())
    result = _analysis(vendor, ledger, NOV, monthly_spend_cap_usd=50.0, daily_spend_cap_usd=0.5)
    assert vendor.requests == [] and "daily LLM budget of $0.500000 for 2026-11-25" in result.fallback_reason
    next_day = datetime(2026, 11, 26, 0, 1, tzinfo=UTC)
    assert _analysis(vendor, ledger, next_day, monthly_spend_cap_usd=50.0, daily_spend_cap_usd=0.5).provider == "openai"


def test_a_day_with_a_clock_change_is_twenty_five_hours_long():
    key, start, end = day_bounds(datetime(2026, 10, 25, 12, 0, tzinfo=UTC), "Europe/Berlin")
    assert key == "2026-10-25" and (end - start).total_seconds() == 25 * 3600


def test_a_repaired_answer_is_booked_as_the_two_calls_the_vendor_billed_for_the_record():
    ledger = MemoryLedger()
    vendor = Vendor(openai_body("not json"), _good())
    result = _analysis(vendor, ledger, NOV, monthly_spend_cap_usd=10.0)
    assert result.provider == "openai" and result.repaired
    booked = [u for _t, u, rec in ledger.calls if rec == "deal-7"]
    assert [u.provider for u in booked] == ["openai", "openai"]
    assert ledger.spent("t1", "2026-11") == pytest.approx(2 * BILLED)


def test_a_cache_hit_is_free_booked_as_cached_and_served_even_at_the_cap():
    ledger, cache = MemoryLedger(), MemoryCache()
    first = _analysis(Vendor(_good()), ledger, NOV, cache=cache, monthly_spend_cap_usd=0.0016)
    assert first.provider == "openai"
    ledger.reserve("t1", spend_periods(NOV, tz="UTC", monthly_cap_usd=None, daily_cap_usd=None), 0.0016 - BILLED)
    vendor = Vendor()  # any request would fail the test
    second = _analysis(vendor, ledger, NOV, cache=cache, monthly_spend_cap_usd=0.0016)
    assert second.provider == "openai" and second.usages[0].cached and vendor.requests == []
    cached = ledger.calls[-1][1]
    assert cached.cached and cached.cost_usd == 0.0


def test_a_rate_limited_attempt_is_not_billed_and_its_reservation_is_released():
    ledger = MemoryLedger()
    vendor = Vendor(error_response(429, "slow down"), _good())
    result = _analysis(vendor, ledger, NOV, monthly_spend_cap_usd=10.0)
    assert result.provider == "openai" and len(vendor.requests) == 2
    assert [u.cost_usd for _t, u, _r in ledger.calls] == [pytest.approx(BILLED)]
    assert ledger.spent("t1", "2026-11") == pytest.approx(BILLED)


def test_a_fallback_is_booked_at_no_cost_with_its_reason_so_the_usage_page_counts_it():
    ledger = MemoryLedger({("t1", "2026-11"): 1.0})
    _analysis(Vendor(), ledger, NOV, monthly_spend_cap_usd=1.0)
    (tenant, usage, record), = ledger.calls
    assert usage.provider == "offline" and usage.cost_usd == 0 and "spend_cap_reached" in usage.fallback_reason
    assert record == "deal-7"


def test_a_vendor_reply_without_usage_fields_is_estimated_from_the_text_not_booked_as_free():
    body = _good()
    del body["usage"]
    ledger = MemoryLedger()
    result = _analysis(Vendor(body), ledger, NOV, monthly_spend_cap_usd=10.0)
    usage = result.usages[0]
    sent_chars = sum(len(m.content) for m in MESSAGES)
    assert usage.estimated and usage.input_tokens >= sent_chars / 3 and usage.output_tokens > 0
    assert usage.cost_usd > 0 and ledger.spent("t1", "2026-11") == pytest.approx(usage.cost_usd)


def test_a_reply_with_its_usage_block_is_not_marked_estimated():
    result = _analysis(Vendor(_good()), MemoryLedger(), NOV)
    assert not result.usages[0].estimated and result.usages[0].input_tokens == 900


def test_an_operator_overrides_a_price_without_a_code_change():
    settings = AgentSettings.from_mapping({"AGENTIC_SALES_LLM_PRICES": '{"openai:gpt-4o-mini": [0.3, 1.2]}'})
    assert settings.prices["openai:gpt-4o-mini"] == (0.3, 1.2)
    assert settings.prices["anthropic:claude-haiku-4-5"] == PRICES_PER_MTOK["anthropic:claude-haiku-4-5"]
    ledger = MemoryLedger()
    settings = settings.with_overrides(tenant_id="t1", roles={"analyst": "openai:gpt-4o-mini"})
    chains = resolve_chains(settings, env={"OPENAI_API_KEY": "sk-test"}, http_client=Vendor(_good()).client())
    result = Gateway(settings, chains, now=NOV, ledger=ledger).call(MESSAGES, AnalysisOut, role="analyst",
                                                                   prompt_version="v1")
    assert result.usages[0].cost_usd == pytest.approx(2 * BILLED)


@pytest.mark.parametrize(("raw", "named"), [
    ("{not json", "LLM_PRICES is not JSON"),
    ('{"gpt-4o": [1, 2]}', "'gpt-4o' must be provider:model"),
    ('{"openai:gpt-4o": [1]}', "must be [input, output] USD per million tokens"),
    ('{"openai:gpt-4o": [-1, 2]}', "must be between 0 and 10000"),
])
def test_a_malformed_price_override_is_refused_naming_the_entry(raw, named):
    with pytest.raises(ConfigurationError) as err:
        parse_prices(raw)
    assert named in str(err.value)


def test_an_unknown_time_zone_is_refused_naming_the_setting():
    with pytest.raises(ConfigurationError, match="budget_timezone='Mars/Olympus'"):
        spend_periods(NOV, tz="Mars/Olympus", monthly_cap_usd=1.0, daily_cap_usd=None)
