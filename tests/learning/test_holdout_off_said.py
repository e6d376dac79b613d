"""The learning report says why there is no holdout lift when no record can be held out.

Wave 30's walk read "No holdout outcomes yet" on the demo's learning report: the demo runs with
HOLDOUT_SHARE_OVERRIDE=0, so no deal is ever held out and no outcome of a held-out deal can come. "Yet" promised one.
The report now says what is true: the holdout is off (by the deployment's override, or by the account's own share of
0), so no lift can be measured; and while a share is on, how much is held out.
"""

from __future__ import annotations

from app import settings
from tests.admin.conftest import ADMIN_TOKEN, crm_session, set_installer
from tests.admin.test_learning_report_cache import report_of, settled
from tests.conftest import install_tenant
from tests.learning.logged import log_decisions

A = "hubspot-101"


def report(app) -> str:
    client = crm_session(app.test_client(), A, "ann@a.example")
    return report_of(settled(client, f"/admin/t/{A}/learning"))


def installed(app_factory, **config):
    app = app_factory(ADMIN_TOKEN=ADMIN_TOKEN, **config)
    install_tenant(app, "101")
    set_installer(app, A, "ann@a.example")
    return app


def test_a_deployment_that_overrides_the_holdout_to_zero_is_said_not_promised_outcomes(app_factory):
    app = installed(app_factory, HOLDOUT_SHARE_OVERRIDE=0.0)
    settings.update(app, A, {"holdout_share": 0.2}, author="ops@a.example")  # saved, but not in effect
    log_decisions(app, A, n=12)
    text = report(app)
    assert "12 decisions, 12 with an outcome (12 acted on, 0 held out)" in text
    assert "No holdout outcomes yet" not in text
    assert "Holdout off" in text and "AGENTIC_SALES_HOLDOUT_SHARE_OVERRIDE" in text
    assert "no lift can be measured" in text
    assert "the 20% saved in the guardrails applies once that setting is removed" in text


def test_an_account_whose_own_holdout_share_is_zero_reads_that_it_is_its_setting(app_factory):
    app = installed(app_factory, HOLDOUT_SHARE_OVERRIDE=None)
    settings.update(app, A, {"holdout_share": 0.0}, author="ops@a.example")
    log_decisions(app, A, n=6, outcomes=False)
    text = report(app)
    assert "Holdout off" in text and "holdout share is 0%" in text and "no lift can be measured" in text
    assert "OVERRIDE" not in text and "No holdout outcomes yet" not in text


def test_with_a_share_on_the_report_says_how_much_is_held_out_while_it_waits(app_factory):
    app = installed(app_factory, HOLDOUT_SHARE_OVERRIDE=None)
    settings.update(app, A, {"holdout_share": 0.1}, author="ops@a.example")
    log_decisions(app, A, n=6, outcomes=False)
    text = report(app)
    assert "No holdout outcomes yet" in text and "10% of deals are held out" in text
    assert "Holdout off" not in text


def test_a_report_stored_before_the_override_changed_is_not_shown_as_current(app_factory):
    app = installed(app_factory, HOLDOUT_SHARE_OVERRIDE=None)
    settings.update(app, A, {"holdout_share": 0.1}, author="ops@a.example")
    log_decisions(app, A, n=6, outcomes=False)
    assert "10% of deals are held out" in report(app)
    app.config["HOLDOUT_SHARE_OVERRIDE"] = 0.0  # the deployment restarted with the override
    from app.admin.learning_report import refresh

    with app.app_context():
        refresh(app, A)
    text = report(app)
    assert "Holdout off" in text and "10% of deals are held out" not in text
