"""What a demo leaves in its data directory for the CLI: enough to act on the demo's account while it runs."""

from __future__ import annotations

import json
import stat

from app.demo import DEMO_DATABASE, DEMO_SANDBOX_FILE, demo_config, demo_secrets, record_sandbox


def test_a_sandbox_that_mints_its_app_credentials_per_run_leaves_them_for_the_cli(tmp_path):
    """A CLI command refreshing the org's token needs the run's client secret, not only its id."""
    demo_secrets(tmp_path, "salesforce")
    (tmp_path / DEMO_DATABASE).touch()
    record_sandbox(tmp_path, "salesforce", "https://127.0.0.1:46829", {
        "SALESFORCE_CLIENT_ID": "3MVG9demo.abc", "SALESFORCE_CLIENT_SECRET": "run-secret",
        "SALESFORCE_LOGIN_URL": "https://127.0.0.1:46829", "SALESFORCE_CA_BUNDLE": "/tmp/ca.pem"})
    cfg = demo_config(tmp_path)
    assert cfg["SALESFORCE_CLIENT_ID"] == "3MVG9demo.abc" and cfg["SALESFORCE_CLIENT_SECRET"] == "run-secret"
    assert cfg["SALESFORCE_LOGIN_URL"] == "https://127.0.0.1:46829"
    mode = stat.S_IMODE((tmp_path / DEMO_SANDBOX_FILE).stat().st_mode)
    assert mode == 0o600  # a secret in it: readable by its owner only, as secrets.json is


def test_the_sandbox_file_keeps_only_plain_values(tmp_path):
    record_sandbox(tmp_path, "hubspot", "http://127.0.0.1:1", {"HUBSPOT_API_BASE": "http://127.0.0.1:1",
                                                               "OBJECT": object(), "RETRIES": 2})
    saved = json.loads((tmp_path / DEMO_SANDBOX_FILE).read_text())
    assert saved["config"] == {"HUBSPOT_API_BASE": "http://127.0.0.1:1", "RETRIES": 2}
