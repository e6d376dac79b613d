"""What the demo tells the person about its admin console, per CRM sandbox."""

from __future__ import annotations

from app.cli.demo import console_hint


def test_the_console_line_warns_of_the_certificate_prompt_when_the_sandbox_speaks_https(app):
    said: list[str] = []
    url = console_hint(app, "http://127.0.0.1:5000", "salesforce", said.append, sandbox_url="https://127.0.0.1:46829")
    assert url == "http://127.0.0.1:5000/admin/" and len(said) == 1
    assert 'choose "Sign in with Salesforce"' in said[0]
    assert "https://127.0.0.1:46829" in said[0] and "certificate" in said[0] and "browser warns" in said[0]


def test_a_plain_http_sandbox_gets_no_certificate_warning(app):
    said: list[str] = []
    console_hint(app, "http://127.0.0.1:5000", "hubspot", said.append, sandbox_url="http://127.0.0.1:43479")
    assert 'choose "Sign in with HubSpot"' in said[0] and "certificate" not in said[0]


def test_each_crm_is_named_in_its_own_words_a_salesforce_org_and_a_hubspot_account(app):
    said: list[str] = []
    console_hint(app, "http://127.0.0.1:5000", "salesforce", said.append, sandbox_url="https://127.0.0.1:46829")
    console_hint(app, "http://127.0.0.1:5000", "hubspot", said.append, sandbox_url="http://127.0.0.1:43479")
    assert "the simulated org signs you in" in said[0] and "account" not in said[0]
    assert "the simulated account signs you in" in said[1] and "portal" not in said[1]

