"""Settings messages as a person reads them (wave 23: a new admin met "(or null)", "0.0 to 1000000000000.0"
and "has the wrong type" for 2.5 contacts): numbers as people write them, the form's words for an empty
field, and a whole number asked for as one. The CLI keeps its `null` and every message names the field."""

from __future__ import annotations

import pytest

from app.settings.schema import SettingsError, allowed_text, reference_table, show_number, validate


def refusal(data: dict) -> SettingsError:
    with pytest.raises(SettingsError) as caught:
        validate(data)
    return caught.value


def test_a_fractional_contact_cap_is_asked_for_as_a_whole_number():
    err = refusal({"contact_frequency_cap": 2.5})
    assert str(err) == "contact_frequency_cap=2.5 must be a whole number: allowed 0 to 50"
    assert err.key == "contact_frequency_cap"


def test_an_amount_bound_has_thousands_separators_and_no_trailing_zero():
    err = refusal({"escalate_amount_over": -1})
    assert "0 to 1,000,000,000,000" in str(err)
    assert ".0" not in str(err)


@pytest.mark.parametrize("key, text", [
    ("discount_cap", "0 to 0.5 (0% to 50%)"),
    ("escalate_churn_over", "0 to 1 (0% to 100%), or null for never"),
    ("monthly_spend_cap_usd", "$0 to $1,000,000"),
    ("daily_spend_cap_usd", "$0 to $1,000,000, or null for no daily cap"),
    ("retention_days", "7 to 3,650"),
    ("quiet_hours_start", "0 to 23"),
])
def test_bounds_read_as_the_field_s_kind_of_number(key, text):
    assert allowed_text(key) == text


def test_the_form_says_leave_empty_where_the_cli_says_null():
    err = refusal({"escalate_amount_over": -5})
    assert str(err).endswith("or null for never")
    assert err.form_message == "escalate_amount_over=-5 is out of range: allowed 0 to 1,000,000,000,000, or leave " \
                               "empty for never"
    assert "null" not in err.form_message


def test_no_message_or_reference_row_says_or_null_in_brackets_or_prints_a_float_bound():
    table = reference_table()
    assert "(or null)" not in table and "null: never" not in table
    assert "1000000000000.0" not in table and " 0.0 to" not in table


@pytest.mark.parametrize("key, number, shown", [
    ("escalate_amount_over", 100000.0, "100,000"),
    ("escalate_amount_over", 2500.5, "2,500.50"),
    ("monthly_spend_cap_usd", 50.0, "$50"),
    ("holdout_share", 0.1, "0.1 (10%)"),
    ("min_closed_deals", 1000, "1,000"),
])
def test_a_number_is_shown_as_a_person_writes_it(key, number, shown):
    assert show_number(key, number) == shown


def test_a_wrong_kind_of_value_names_what_is_wanted_for_each_kind():
    assert "redact_pii=perhaps must be true or false" in str(refusal({"redact_pii": "perhaps"}))
    assert "discount_cap=abc must be a number" in str(refusal({"discount_cap": "abc"}))
    assert "opt_out_field=a b is not a field name" in str(refusal({"opt_out_field": "a b"}))
