"""The wave-22 walk's form defects, met again in Debian's chromium as a new admin meets them (wave 23): the
guardrails page writes numbers as people do and says "leave empty" rather than "null"; a fractional contact
cap is asked for as a whole number; the LLM page says which roles will run offline and links docs/costs.md;
the access page refuses a person HubSpot's sign-in could never name."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.timeout(240)


def test_the_guardrails_page_writes_bounds_and_amounts_as_people_do_and_never_says_null(live, admin_page):
    admin_page.goto(f"{live.url}/admin/t/{live.tenant_id}/guardrails")
    text = admin_page.locator("main").inner_text()
    assert "null" not in text.lower()
    assert "1000000000000.0" not in text and "0.0 to" not in text
    help_amount = admin_page.locator("#help-escalate_amount_over").inner_text()
    assert help_amount.startswith("0 to 1,000,000,000,000, or leave empty for never.")
    assert admin_page.locator("#in-escalate_amount_over").input_value() == "100000"
    assert admin_page.locator("#help-discount_cap").inner_text().startswith("0 to 0.5 (0% to 50%).")


def test_a_contact_cap_of_2_5_is_refused_as_not_a_whole_number_naming_the_field(live, admin_page):
    admin_page.goto(f"{live.url}/admin/t/{live.tenant_id}/guardrails")
    # What a user whose browser does not enforce step=1 (or a pasted value) sends.
    admin_page.evaluate("document.querySelector('#settings-form').noValidate = true")
    admin_page.fill("#in-contact_frequency_cap", "2.5")
    with admin_page.expect_navigation():
        admin_page.click("#save")
    alert = admin_page.locator("#form-error").inner_text()
    assert "contact_frequency_cap=2.5 must be a whole number: allowed 0 to 50" in alert
    assert "wrong type" not in alert
    assert admin_page.locator("#in-contact_frequency_cap").get_attribute("aria-invalid") == "true"


def test_emptying_the_escalation_amount_saves_never_and_a_negative_one_says_leave_empty(live, admin_page):
    admin_page.goto(f"{live.url}/admin/t/{live.tenant_id}/guardrails")
    admin_page.evaluate("document.querySelector('#settings-form').noValidate = true")
    admin_page.fill("#in-escalate_amount_over", "-5")
    with admin_page.expect_navigation():
        admin_page.click("#save")
    alert = admin_page.locator("#form-error").inner_text()
    assert "escalate_amount_over=-5 is out of range: allowed 0 to 1,000,000,000,000, or leave empty for never" in alert
    admin_page.evaluate("document.querySelector('#settings-form').noValidate = true")
    admin_page.fill("#in-escalate_amount_over", "")
    with admin_page.expect_navigation():
        admin_page.click("#save")
    assert admin_page.locator("#saved").count() == 1
    assert admin_page.locator("#in-escalate_amount_over").input_value() == ""


def test_the_llm_page_warns_that_a_keyless_vendor_role_runs_offline_and_links_the_costs_guide(live, admin_page):
    if live.app.config.get("OPENAI_API_KEY"):
        pytest.skip("this deployment has an OpenAI key")
    admin_page.goto(f"{live.url}/admin/t/{live.tenant_id}/llm")
    admin_page.fill("#in-llm_roles-writer", "openai:gpt-4o")
    with admin_page.expect_navigation():
        admin_page.click("#save")
    warning = admin_page.locator("#offline-roles").inner_text()
    assert warning.startswith("Saved, but the writer (openai:gpt-4o) will run offline: OPENAI_API_KEY is not set")
    assert "offline templates" in admin_page.locator("#role-writer").inner_text()
    with admin_page.expect_navigation():
        admin_page.click("#costs-doc")
    assert admin_page.url.endswith("/admin/docs/costs.md")
    assert "docs/costs.md" in admin_page.locator("main").inner_text()


def test_the_access_page_refuses_text_that_is_no_e_mail_and_grants_nobody(live, admin_page):
    admin_page.goto(f"{live.url}/admin/t/{live.tenant_id}/access")
    admin_page.evaluate("document.querySelector('main form').noValidate = true")
    admin_page.fill("#user", "not an email at all <script>")
    with admin_page.expect_navigation():
        admin_page.click("main form button[type=submit]")
    error = admin_page.locator("#grant-error").inner_text()
    assert error.startswith("Person 'not an email at all <script>' is not an e-mail address")
    assert admin_page.locator("#grants").inner_text().count("viewer") == 0
    assert admin_page.locator("#user").input_value() == "not an email at all <script>"
