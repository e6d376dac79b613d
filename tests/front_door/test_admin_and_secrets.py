"""Nobody let in: no credential in a URL, no forged session, no weak secret, one-line config errors."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from cryptography.fernet import Fernet

from app.config import ConfigError, load, validate_for_production

STRONG = "k3Yq9-ZpV7x_Lm2Rt8Wn4Bc6Hd1Jf5Gs0Ae"
TOKEN_KEY = Fernet.generate_key().decode()
CRM = {"HUBSPOT_CLIENT_ID": "id", "HUBSPOT_CLIENT_SECRET": "shh"}


def prod(**over):
    cfg = {"SECRET_KEY": STRONG, "TOKEN_KEY": TOKEN_KEY, **CRM,
           "DATABASE_URL": "postgresql+psycopg://u@h/db", **over}
    return {k: v for k, v in cfg.items() if v is not None}


@pytest.mark.parametrize("key", ["changeme", "secret", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "short-but-random-9x"])
def test_web_refuses_a_weak_secret_key(key):
    with pytest.raises(ConfigError, match="SECRET_KEY"):
        validate_for_production(prod(SECRET_KEY=key), role="web")


def test_a_strong_configuration_passes():
    validate_for_production(prod(), role="web")
    validate_for_production(prod(SECRET_KEY=None), role="worker")


def test_a_process_without_crm_credentials_refuses_to_start():
    with pytest.raises(ConfigError, match="HUBSPOT_CLIENT_ID/HUBSPOT_CLIENT_SECRET"):
        validate_for_production(prod(HUBSPOT_CLIENT_SECRET=None), role="worker")


def test_a_bad_token_key_is_named():
    with pytest.raises(ConfigError, match="TOKEN_KEY key #2 is not a Fernet key"):
        validate_for_production(prod(TOKEN_KEY=TOKEN_KEY + ",nope"), role="web")


def test_sandbox_mode_is_refused_on_postgresql_even_in_a_demo_like_setup():
    with pytest.raises(ConfigError, match="SANDBOX_MODE"):
        validate_for_production(prod(SANDBOX_MODE=True, SECRET_KEY=None), role="web")


@pytest.mark.parametrize("env, named", [
    ({"AGENTIC_SALES_LEASE_SECONDS": "soon"}, "AGENTIC_SALES_LEASE_SECONDS"),
    ({"AGENTIC_SALES_RECONCILE_ENABLED": "perhaps"}, "AGENTIC_SALES_RECONCILE_ENABLED"),
    ({"DATABASE_URL": "not a url"}, "DATABASE_URL"),
    ({"DATABASE_URL": "mysql://u@h/db"}, "DATABASE_URL"),
    # Tunables whose default lives in app/defaults only (not on Config): checked at start-up all the same.
    ({"AGENTIC_SALES_SCHEDULER_LEASE_SECONDS": "30s"}, "AGENTIC_SALES_SCHEDULER_LEASE_SECONDS"),
    ({"AGENTIC_SALES_REVOKED_GRACE_SECONDS": "7d"}, "AGENTIC_SALES_REVOKED_GRACE_SECONDS"),
    ({"AGENTIC_SALES_CRM_READ_TIMEOUT_SECONDS": "half a minute"}, "AGENTIC_SALES_CRM_READ_TIMEOUT_SECONDS"),
    ({"AGENTIC_SALES_OUTCOME_ATTRIBUTION_DAYS": "180.5"}, "AGENTIC_SALES_OUTCOME_ATTRIBUTION_DAYS"),
])
def test_a_bad_setting_is_a_config_error_naming_it(tmp_path, env, named):
    with pytest.raises(ConfigError, match=named):
        load(None, environ={"AGENTIC_SALES_DATA_DIR": str(tmp_path), **env})


def test_a_tunable_documented_only_in_defaults_is_read_as_its_number(tmp_path):
    cfg = load(None, environ={"AGENTIC_SALES_DATA_DIR": str(tmp_path), "AGENTIC_SALES_SCHEDULER_LEASE_SECONDS": "45",
                              "AGENTIC_SALES_REVOKED_GRACE_SECONDS": "3600"})
    assert cfg["SCHEDULER_LEASE_SECONDS"] == 45.0 and cfg["REVOKED_GRACE_SECONDS"] == 3600
    empty = load(None, environ={"AGENTIC_SALES_DATA_DIR": str(tmp_path), "AGENTIC_SALES_CRM_READ_TIMEOUT_SECONDS": ""})
    assert "CRM_READ_TIMEOUT_SECONDS" not in empty  # empty means the default, as before


def run_cli(args, env, tmp_path):
    base = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "AGENTIC_SALES_DATA_DIR": str(tmp_path)}
    return subprocess.run([sys.executable, "-m", "app", *args], env={**base, **env}, capture_output=True,
                          text=True, timeout=120)


def test_serve_with_secret_key_changeme_exits_2_with_one_line(tmp_path):
    r = run_cli(["serve", "--port", "0"], {"AGENTIC_SALES_SECRET_KEY": "changeme",
                                           "AGENTIC_SALES_TOKEN_KEY": TOKEN_KEY, **CRM}, tmp_path)
    assert r.returncode == 2
    lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and "SECRET_KEY" in lines[0], r.stderr


def test_a_bad_tunable_is_one_line_not_a_traceback(tmp_path):
    r = run_cli(["db", "upgrade"], {"AGENTIC_SALES_LEASE_SECONDS": "soon"}, tmp_path)
    assert r.returncode == 2
    assert "Traceback" not in r.stderr and "AGENTIC_SALES_LEASE_SECONDS" in r.stderr


def test_a_forged_admin_session_flag_grants_nothing(app):
    app.config["ADMIN_TOKEN"] = "admin-test-token"
    client = app.test_client()
    with client.session_transaction() as sess:
        sess["admin"] = True  # what an old build, or a cookie forged with a leaked weak key, would carry
    assert client.post("/oauth/hubspot/uninstall", json={"tenant_id": "x"}).status_code in (401, 403)


def test_admin_signs_in_through_a_csrf_checked_form(app):
    app.config["ADMIN_TOKEN"] = "admin-test-token"
    client = app.test_client()
    page = client.get("/admin/login?next=/healthz").data.decode()
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    assert client.post("/admin/login", data={"token": "admin-test-token"}).status_code == 400  # no CSRF
    assert client.post("/admin/login", data={"token": "wrong", "csrf_token": csrf}).status_code == 401
    r = client.post("/admin/login", data={"token": "admin-test-token", "csrf_token": csrf, "next": "//evil.example"})
    assert r.status_code == 302 and r.headers["Location"] == "/"
    with client.session_transaction() as sess:
        assert sess["admin"]["method"] == "token"


def test_session_cookies_are_secure_httponly_and_lax(app_factory):
    application = app_factory(PUBLIC_URL="https://sales.example.com", SESSION_COOKIE_SECURE=None)
    cfg = load({"PUBLIC_URL": "https://sales.example.com", "DATA_DIR": application.config["DATA_DIR"]}, environ={})
    assert cfg["SESSION_COOKIE_SECURE"] is True
    assert application.config["SESSION_COOKIE_HTTPONLY"] is True
    assert application.config["SESSION_COOKIE_SAMESITE"] == "Lax"
    client = application.test_client()
    r = client.get("/admin/login")
    cookie = r.headers.get("Set-Cookie", "")
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_an_older_deployments_backfill_setting_name_still_turns_the_install_backfill_off(tmp_path):
    old_env = {"AGENTIC_SALES_DATA_DIR": str(tmp_path), "AGENTIC_SALES_HUBSPOT_BACKFILL_ON_INSTALL": "false"}
    assert load(None, old_env)["BACKFILL_ON_INSTALL"] is False
    assert "HUBSPOT_BACKFILL_ON_INSTALL" not in load(None, old_env)
    assert load(None, {"AGENTIC_SALES_DATA_DIR": str(tmp_path)})["BACKFILL_ON_INSTALL"] is True


@pytest.mark.parametrize("command", [["serve", "--port", "0"], ["worker", "--burst"]])
def test_a_malformed_token_key_stops_serve_and_worker_with_one_line_naming_it(tmp_path, command):
    r = run_cli(command, {"AGENTIC_SALES_SECRET_KEY": STRONG, "AGENTIC_SALES_TOKEN_KEY": "not-a-fernet-key",
                          **CRM}, tmp_path)
    assert r.returncode == 2, r.stderr
    lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and "AGENTIC_SALES_TOKEN_KEY" in lines[0] and "Traceback" not in r.stderr, r.stderr


UNUSABLE_LLM_SETTINGS = [
    ("AGENTIC_SALES_LLM_TEMPERATURE", "warm", "AGENTIC_SALES_LLM_TEMPERATURE='warm' is not a number"),
    ("AGENTIC_SALES_LLM_TIMEOUT_WRITER", "-5", "AGENTIC_SALES_LLM_TIMEOUT_WRITER='-5' must be between 0 and 3600"),
    ("AGENTIC_SALES_LLM_RUN_DEADLINE_SECONDS", "soon", "AGENTIC_SALES_LLM_RUN_DEADLINE_SECONDS='soon' is not a number"),
]

VENDORS_IT_CANNOT_CALL = [
    ({"AGENTIC_SALES_LLM_WRITER": "openai:gpt-4o-mini"},
     "AGENTIC_SALES_LLM_WRITER='openai:gpt-4o-mini' uses openai, but OPENAI_API_KEY is not set"),
    ({"AGENTIC_SALES_LLM_ANALYST": "anthropic:claude-haiku-4-5,openai:gpt-4o-mini", "OPENAI_API_KEY": "sk-x"},
     "AGENTIC_SALES_LLM_ANALYST='anthropic:claude-haiku-4-5,openai:gpt-4o-mini' uses anthropic, "
     "but ANTHROPIC_API_KEY is not set"),
    ({"AGENTIC_SALES_LLM_STRATEGIST": "openai_compatible"},
     "AGENTIC_SALES_LLM_STRATEGIST='openai_compatible' uses openai_compatible, but OPENAI_BASE_URL is not set"),
    ({"AGENTIC_SALES_LLM_WRITER": "gpt4:turbo"}, "AGENTIC_SALES_LLM_WRITER='gpt4:turbo': unknown LLM provider 'gpt4'"),
]


def serve_refusal(env, tmp_path):
    """The one stderr line `agentic-sales serve` exits 2 with, for these settings (a real process)."""
    r = run_cli(["serve", "--port", "0"], {"AGENTIC_SALES_SECRET_KEY": STRONG,
                                           "AGENTIC_SALES_TOKEN_KEY": Fernet.generate_key().decode(),
                                           **CRM, **env}, tmp_path)
    assert r.returncode == 2, r.stderr
    lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, r.stderr
    return lines[0]


def web_start_refusal(env, tmp_path, monkeypatch):
    """What serve's start-up check (the configuration read from this environment, then `check_secrets` for the web
    role) refuses, in this process: each setting's own words, without a Python start per setting."""
    from agents.providers.resolve import VENDOR_NEEDS
    from app.cli.server import check_secrets

    for name in VENDOR_NEEDS.values():  # the check also reads the process's environment, as `run_cli` gives it
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        if not name.startswith("AGENTIC_SALES_"):
            monkeypatch.setenv(name, value)
    cfg = load(None, environ={"AGENTIC_SALES_SECRET_KEY": STRONG, "AGENTIC_SALES_TOKEN_KEY": TOKEN_KEY,
                              "AGENTIC_SALES_DATA_DIR": str(tmp_path), **CRM, **env})
    with pytest.raises(ConfigError) as refused:
        check_secrets(cfg, role="web")
    return str(refused.value)


def test_an_unusable_llm_setting_stops_serve_with_one_line_naming_it(tmp_path):
    name, value, words = UNUSABLE_LLM_SETTINGS[0]

    assert serve_refusal({name: value}, tmp_path) == f"error: {words}"


@pytest.mark.parametrize(("name", "value", "words"), UNUSABLE_LLM_SETTINGS)
def test_each_unusable_llm_setting_is_refused_at_the_web_start_in_its_own_words(tmp_path, monkeypatch, name, value,
                                                                               words):
    assert web_start_refusal({name: value}, tmp_path, monkeypatch) == words


def test_a_role_given_a_vendor_it_cannot_call_stops_serve_instead_of_running_offline_unnoticed(tmp_path):
    env, words = VENDORS_IT_CANNOT_CALL[0]

    assert serve_refusal(env, tmp_path).startswith(f"error: {words}")


@pytest.mark.parametrize(("env", "words"), VENDORS_IT_CANNOT_CALL)
def test_each_role_given_a_vendor_it_cannot_call_is_refused_at_the_web_start(tmp_path, monkeypatch, env, words):
    assert web_start_refusal(env, tmp_path, monkeypatch).startswith(words)


def test_a_role_whose_vendor_key_is_set_passes_the_start_up_check(monkeypatch):
    from app.cli.server import check_agent_settings

    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    check_agent_settings({"AGENTIC_SALES_LLM_WRITER": "openai:gpt-4o-mini", "OPENAI_API_KEY": "sk-x"})
    check_agent_settings({"LLM_WRITER": "openai_compatible:auto", "OPENAI_BASE_URL": "http://127.0.0.1:9/v1"})
    with pytest.raises(ConfigError, match="OPENAI_API_KEY is not set"):
        check_agent_settings({"LLM_WRITER": "openai:gpt-4o-mini"})
