"""The guardrails form's controls (pure: no request): an amount shown as 100000, not 100000.0, and help that
says what leaving a field empty means in a form's words."""

from __future__ import annotations

from app.admin.forms import field_views
from app.settings.schema import DEFAULTS, TenantSettingsModel


def view(key: str):
    return field_views(TenantSettingsModel, DEFAULTS, [key])[0]


def test_an_amount_is_shown_in_its_input_without_a_trailing_zero():
    v = view("escalate_amount_over")
    assert v.shown == "100000"
    assert (v.attr_low, v.attr_high) == ("0", "1000000000000")


def test_a_nullable_amount_s_help_says_leave_empty_for_never():
    assert view("escalate_amount_over").allowed == "0 to 1,000,000,000,000, or leave empty for never"


def test_a_nullable_text_field_says_what_empty_means_and_a_plain_one_says_nothing():
    assert view("opt_out_field").allowed == "Leave empty for only the CRM's own opt-out"
    assert view("tone").allowed == ""


def test_a_share_s_input_keeps_its_fraction():
    v = view("holdout_share")
    assert v.shown == str(DEFAULTS.holdout_share)
    assert "%" in v.allowed
