"""The guardrails page says when the deployment replaces the holdout share the account saves.

Wave 30's walk set "Holdout share" to 0.5 on the demo's console, read "Saved as version 4. Workers use it from their
next job", backfilled every open deal, and none was held out: the demo runs with HOLDOUT_SHARE_OVERRIDE=0 (so every
deal gets an action) and the page never said the saved value does not apply.
"""

from __future__ import annotations

import re

import pytest

from app import settings
from tests.admin.conftest import ADMIN_TOKEN, operator_session
from tests.conftest import install_tenant

A = "hubspot-101"


def holdout_field(client) -> str:
    page = client.get(f"/admin/t/{A}/guardrails").get_data(as_text=True)
    return page.split('id="field-holdout_share"')[1].split('<div class="field"')[0]


@pytest.mark.parametrize("override, share", [(0.0, "0 (0%)"), (0.2, "0.2 (20%)")])
def test_an_overridden_holdout_share_is_said_beside_the_field_and_read_with_it(app_factory, override, share):
    app = app_factory(ADMIN_TOKEN=ADMIN_TOKEN, HOLDOUT_SHARE_OVERRIDE=override)
    install_tenant(app, "101")
    settings.update(app, A, {"holdout_share": 0.5}, author="ops@a.example")
    field = holdout_field(operator_session(app.test_client()))
    note = re.search(r'<p class="warn" id="overridden-holdout_share">(.*?)</p>', field)
    assert note and f"this deployment holds out {share} of the records of every account" in note.group(1), (
        field
    )
    assert "AGENTIC_SALES_HOLDOUT_SHARE_OVERRIDE" in note.group(1)
    assert 'aria-describedby="overridden-holdout_share help-holdout_share"' in field  # read with the field
    assert 'value="0.5"' in field  # the account's own value is still what the form shows and saves


def test_a_deployment_without_an_override_says_nothing_more(app_factory):
    app = app_factory(ADMIN_TOKEN=ADMIN_TOKEN, HOLDOUT_SHARE_OVERRIDE=None)
    install_tenant(app, "101")
    client = operator_session(app.test_client())
    field = holdout_field(client)
    assert "overridden-" not in field and 'aria-describedby="help-holdout_share"' in field
    page = client.get(f"/admin/t/{A}/guardrails").get_data(as_text=True)
    assert "overridden-" not in page  # no other setting is marked either
