"""Per-call timeouts follow the local server's measured speed (issue 17): a loaded machine gets
longer timeouts instead of timing every call out, a quiet one keeps the preset's."""

from __future__ import annotations

import json
import time

import pytest

from agents.providers.local_server import PROJECT_SERVER_OWNER, fitted_timeouts, preset_for
from agents.providers.throughput import (
    MAX_TIMEOUT_SECONDS,
    MIN_TIMEOUT_SECONDS,
    PROBE_COMPLETION_TOKENS,
    Throughput,
    ThroughputError,
    measure,
    role_seconds,
    role_timeouts,
    roles_that_fit,
)
from agents.settings import LOCAL_LLM_MAX_OUTPUT_TOKENS, LOCAL_LLM_TIMEOUT_SECONDS
from tests.llm import servers

MODEL = "qwen2.5-coder-0.5b-instruct-q4_k_m"
OURS = [{"id": MODEL, "object": "model", "owned_by": PROJECT_SERVER_OWNER, "context_length": 4096}]


def usage_answer(prompt_tokens: int, completion_tokens: int, delay: float = 0.0) -> servers.Answer:
    """A completion reporting the given usage after `delay` seconds (completion = max_tokens when 1)."""

    def answer(body: dict) -> tuple[int, str, bytes]:
        time.sleep(delay)
        done = 1 if body.get("max_tokens") == 1 else completion_tokens
        doc = {"id": "x", "object": "chat.completion", "choices": [
            {"index": 0, "finish_reason": "length", "message": {"role": "assistant", "content": "1, 2, 3"}}],
            "usage": {"prompt_tokens": prompt_tokens, "completion_tokens": done,
                      "total_tokens": prompt_tokens + done}}
        return 200, "application/json", json.dumps(doc).encode()

    return answer


def test_a_slower_server_gets_proportionally_longer_timeouts_within_the_bounds():
    quiet = role_timeouts(Throughput(50.0, 15.0, 1.0), LOCAL_LLM_MAX_OUTPUT_TOKENS)
    loaded = role_timeouts(Throughput(25.0, 7.5, 1.0), LOCAL_LLM_MAX_OUTPUT_TOKENS)
    # writer: 1.5 * (1950 / 50 + 450 / 15) = 103.5 s on the quiet machine, twice that when loaded
    assert quiet["writer"] == pytest.approx(103.5)
    assert loaded["writer"] == pytest.approx(207.0)
    assert quiet["strategist"] < quiet["writer"]  # a 200-token cap, not 450
    crawling = role_timeouts(Throughput(0.5, 0.1, 1.0), LOCAL_LLM_MAX_OUTPUT_TOKENS)
    assert set(crawling.values()) == {MAX_TIMEOUT_SECONDS}
    instant = role_timeouts(Throughput(1e6, 1e6, 1.0), LOCAL_LLM_MAX_OUTPUT_TOKENS)
    assert set(instant.values()) == {MIN_TIMEOUT_SECONDS}


def test_a_zero_speed_does_not_divide_by_zero_but_gives_the_longest_timeout():
    assert role_timeouts(Throughput(0.0, 0.0, 0.0), {"writer": 10})["writer"] == MAX_TIMEOUT_SECONDS


def test_the_probe_measures_prompt_speed_from_a_one_token_call_and_generation_from_a_cached_one():
    with servers.serving(usage_answer(400, 24, delay=0.2)) as (url, bodies):
        speed = measure(url, MODEL)
    assert [b["max_tokens"] for b in bodies] == [1, PROBE_COMPLETION_TOKENS]
    assert bodies[0]["messages"] == bodies[1]["messages"]  # the second call reuses the evaluated prompt
    assert 400 / 0.2 * 0.5 < speed.prompt_tokens_per_second <= 400 / 0.2
    assert 24 / 0.2 * 0.5 < speed.completion_tokens_per_second <= 24 / 0.2


def test_two_probes_never_share_a_cached_prompt():
    with servers.serving(usage_answer(400, 40)) as (url, bodies):
        measure(url, MODEL)
        measure(url, MODEL)
    assert bodies[0]["messages"] != bodies[2]["messages"]


@pytest.mark.parametrize("answer", [servers.no_choices, servers.html_page])
def test_a_server_that_reports_no_usage_or_no_json_is_a_throughput_error_naming_the_url(answer):
    with servers.serving(answer) as (url, _), pytest.raises(ThroughputError, match="127.0.0.1"):
        measure(url, MODEL)


def test_on_a_slow_projects_server_agents_try_waits_longer_than_the_fixed_preset():
    slow = Throughput(10.0, 2.0, 3.0)
    with servers.serving(servers.no_choices, models=OURS) as (url, _):
        fitted = preset_for(url, MODEL, measure=lambda _u, _m: slow)
    assert all(fitted["role_timeouts"][r] > LOCAL_LLM_TIMEOUT_SECONDS[r] for r in LOCAL_LLM_TIMEOUT_SECONDS)
    assert fitted["run_deadline_seconds"] >= sum(fitted["role_timeouts"].values())


def test_a_fast_server_never_gets_less_than_the_presets_timeouts():
    fitted = fitted_timeouts(dict(LOCAL_LLM_TIMEOUT_SECONDS), Throughput(1e6, 1e6, 0.1))
    assert fitted["role_timeouts"] == dict(LOCAL_LLM_TIMEOUT_SECONDS)


def test_a_server_that_cannot_be_measured_keeps_the_presets_timeouts():
    def broken(_u: str, _m: str) -> Throughput:
        raise ThroughputError("calibration call failed")

    assert preset_for("http://127.0.0.1:1/v1", MODEL, measure=broken)["role_timeouts"] == dict(LOCAL_LLM_TIMEOUT_SECONDS)


def test_user_configured_timeouts_skip_the_measurement():
    def must_not_run(_u: str, _m: str) -> Throughput:
        raise AssertionError("measured although the user configured timeouts")

    assert "role_timeouts" not in preset_for("http://127.0.0.1:1/v1", MODEL, keep_timeouts=True, measure=must_not_run)


def test_roles_go_to_the_model_in_priority_order_while_their_typical_calls_fit_the_run_deadline():
    # quiet one-thread speeds measured here: 1.5 x (prompt / 45 + completion / 14) per role
    assert roles_that_fit(Throughput(45.0, 14.0, 1.0), 240.0) == ("analyst", "writer", "strategist")
    assert roles_that_fit(Throughput(30.0, 10.0, 1.0), 240.0) == ("analyst", "writer")
    # so slow that not even the analyst fits: it still goes (and falls back with a reason if it must)
    assert roles_that_fit(Throughput(10.0, 3.0, 1.0), 240.0) == ("analyst",)
    assert roles_that_fit(Throughput(0.0, 0.0, 0.0), 240.0) == ("analyst",)


def test_a_typical_call_costs_its_whole_prompt_cold_and_a_typical_answer():
    from agents.providers.throughput import EXPECTED_COMPLETION_TOKENS, EXPECTED_PROMPT_TOKENS

    speed = Throughput(50.0, 10.0, 1.0)
    want = EXPECTED_PROMPT_TOKENS["writer"] / 50 + EXPECTED_COMPLETION_TOKENS["writer"] / 10
    assert role_seconds(speed, "writer") == pytest.approx(want)
