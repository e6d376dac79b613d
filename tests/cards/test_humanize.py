"""Numbers, times and labels for people (the same cases as ui_extensions/hubspot/tests/format.test.ts)."""

from __future__ import annotations

from datetime import UTC, datetime

from app.cards.humanize import ago, due_text, model_text, money, percent, prose, words, writer_text

NOW = datetime(2026, 11, 25, 16, 0, tzinfo=UTC)


def test_percentages_and_money_round_half_up_without_decimals() -> None:
    assert percent(0.083) == "8%"
    assert percent(0.125) == "13%"  # Python's round() would say 12%
    assert percent(None) == "–"
    assert money(1234567.4) == "$1,234,567"
    assert money(950, "EUR") == "950 EUR"


def test_due_times_are_relative_in_the_owners_time_zone() -> None:
    assert due_text("2026-11-26T14:30:00Z", NOW, "America/New_York") == "tomorrow, 9:30 AM"
    assert due_text("2026-11-25T23:30:00Z", NOW, "America/Chicago") == "today, 5:30 PM"
    assert due_text("2026-11-26T00:30:00Z", NOW, "America/Chicago") == "today, 6:30 PM"
    assert due_text("2026-11-26T00:30:00Z", NOW, "UTC") == "tomorrow, 12:30 AM"
    assert due_text("2026-12-02T10:00:00-06:00", NOW, "America/Chicago") == "Wed 2 Dec, 10:00 AM"
    assert due_text("2027-01-04T10:00:00Z", NOW, "Not/AZone") == "Mon 4 Jan 2027, 10:00 AM"
    assert due_text("soon", NOW) == ""


def test_how_long_ago() -> None:
    assert ago("2026-11-25T15:59:30Z", NOW) == "just now"
    assert ago("2026-11-25T15:04:12Z", NOW) == "55 minutes ago"
    assert ago("2026-11-25T13:00:00Z", NOW) == "3 hours ago"
    assert ago("2026-11-23T16:00:00Z", NOW) == "2 days ago"
    assert ago("2026-10-01T16:00:00Z", NOW) == "on 1 Oct 2026"


def test_free_text_loses_internal_values_iso_dates_arrows_and_score_factor_prefixes() -> None:
    labels = {"presentationscheduled": "Presentation Scheduled"}
    assert prose("In stage presentationscheduled since 2026-11-02T10:00:00Z.", labels) == (
        "In stage Presentation Scheduled since 2 Nov 2026.")
    assert prose("Signal: Score factor: Stage changes: 3 ↓; FINANCIAL_SERVICES; computer_software") == (
        "Signal: Stage changes: 3; financial services; computer software")


def test_models_and_writers_in_words() -> None:
    assert words("executive_alignment") == "Executive alignment"
    assert model_text("conversion", "conversion-20261201T150909712275Z-4f5177") == "Conversion model of 1 Dec 2026"
    assert model_text("churn", "v3") == "Churn model"
    assert "built-in templates" in writer_text("offline-template")
    assert writer_text("openai:gpt-4o-mini") == "Written by gpt-4o-mini (OpenAI)"


def test_a_card_partly_written_by_the_local_model_names_it_and_does_not_say_no_model_is_configured() -> None:
    # `demo --once --llm local`: a role whose model answer was not used falls back to the templates,
    # and the enrichment's generated_by lists both writers.
    text = writer_text("offline-template,openai_compatible:qwen2.5-coder-0.5b-instruct-q4_k_m")
    assert text.startswith("Written by qwen2.5-coder-0.5b-instruct-q4_k_m (OpenAI-compatible server)")
    assert "built-in templates" in text and "no AI model is configured" not in text
    assert writer_text("offline-template,offline-template") == writer_text("offline-template")


def test_the_clv_model_is_named_in_capitals_as_the_rest_of_the_product_writes_it():
    # the rep's card said "Clv model of 4 Dec 2026" beside "Customer lifetime value" (wave 22's walk)
    assert model_text("clv", "clv-20261204T182458036837Z-d4feca") == "CLV model of 4 Dec 2026"
    assert model_text("clv", None) == "CLV model"
    assert model_text("lead_conversion", None) == "Lead conversion model"
