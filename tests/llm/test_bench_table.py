"""The llm_local benchmark's README table states the conditions it was measured under (issue 17)."""

from __future__ import annotations

from benchmarks.llm_local import ROLES, table


def _doc(**extra: object) -> dict:
    role = {"runs": 3, "timeouts": 1, "latency_ms_p50": 9000, "latency_ms_p95": 61000, "prompt_tokens_mean": 1500,
            "completion_tokens_mean": 110, "schema_valid_share": 1.0, "accepted_share": 0.667,
            "fallback_reasons": {"ProviderTimeout": 1}}
    return {"measured_at": "2026-12-02T01:00:00Z", "machine": "x86_64, 2 cores (shared)", "model": "qwen",
            "threads": 1, "context_size": 4096, "records": 3,
            "providers": {p: {"roles": dict.fromkeys(ROLES, role)} for p in ("offline", "local")}, **extra}


def test_the_table_names_the_load_and_the_measured_speed_the_timeouts_came_from():
    text = table(_doc(throughput={"prompt_tokens_per_second": 12.5, "completion_tokens_per_second": 3.1,
                                  "probe_seconds": 40.0},
                      role_timeouts={"analyst": 250.0}, load_average={"start": [14.2, 15.0, 12.1], "end": [9.0, 11.0, 12.0]}))
    assert "[14.2, 15.0, 12.1] at the start" in text and "12.5 prompt and 3.1 completion tokens/s" in text
    assert "| writer | local | 9000 | 61000 | 1500 | 110 | 100% | 67% | ProviderTimeout 1 |" in text


def test_an_older_result_without_conditions_still_renders():
    assert "| analyst | offline |" in table(_doc())
