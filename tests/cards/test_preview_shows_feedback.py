"""The app's card preview shows what the rep already did on the card: accepted, dismissed (with the reason), task done.

Wave 30's walk: a rep accepted Bright Marketing's suggestion and marked its task done from the HubSpot card (the
sandbox's task went to COMPLETED), yet the preview (and the demo's snapshot, the same template) still offered
"Accept" and "Mark task done" under "Task: ..., due Mon 7 Dec": it ignored the payload's `feedback`, which the React
card reads ("Accepted", "Task done").
"""

from __future__ import annotations

import re

import pytest

from tests.conftest import install_tenant
from tests.fakes import FakeCrm
from tests.pipeline.test_card_api import signed
from tests.pipeline.test_pipeline_on_fake_crm import run_change, sample_record

PREVIEW = "/card/preview/hubspot/62515/deal/8807"
FEEDBACK = "/api/cards/hubspot/feedback?portalId=62515"


@pytest.fixture
def enriched(app_factory):
    app = app_factory(JOB_FUNCTION="app.pipeline.batch.process_batch", SANDBOX_MODE=True)
    tid = install_tenant(app, "62515")
    crm = FakeCrm([sample_record(tid)])
    app.extensions["crm_factory"] = lambda tenant_id, name: crm
    run_change(app, 1)
    return app


def button(html: str, testid: str) -> str:
    found = re.search(rf'data-testid="{testid}"[^>]*>([^<]*)<', html)
    assert found, testid
    return found.group(1)


def test_a_card_nobody_acted_on_offers_every_action(enriched):
    html = enriched.test_client().get(PREVIEW).get_data(as_text=True)
    assert button(html, "btn-accept") == "Accept" and button(html, "btn-dismiss") == "Dismiss"
    assert button(html, "btn-task-done") == "Mark task done"
    assert "Task: " in html and 'data-testid="task-due"' in html and " selected>" not in html


def test_an_accepted_card_with_its_task_done_says_so(enriched):
    client = enriched.test_client()
    ref = {"objectType": "deal", "objectId": "8807"}
    assert signed(client, "POST", FEEDBACK, {**ref, "action": "accept"}).status_code == 200
    assert signed(client, "POST", "/api/cards/hubspot/task-done?portalId=62515", ref).status_code == 200
    html = client.get(PREVIEW).get_data(as_text=True)
    assert button(html, "btn-accept") == "Accepted"
    assert button(html, "btn-task-done") == "Task done"
    assert "Task done: " in html and 'data-testid="task-due"' not in html  # no "due" on a finished task
    assert button(html, "btn-dismiss") == "Dismiss"  # the other verdict was not given


@pytest.mark.parametrize(
    "reason, label", [("wrong_timing", "Wrong timing"), ("wrong_contact", "Wrong contact")]
)
def test_a_dismissed_card_shows_the_reason_the_rep_chose(enriched, reason, label):
    client = enriched.test_client()
    body = {"objectType": "deal", "objectId": "8807", "action": "dismiss", "reason": reason}
    assert signed(client, "POST", FEEDBACK, body).status_code == 200
    html = client.get(PREVIEW).get_data(as_text=True)
    assert button(html, "btn-dismiss") == "Dismissed" and button(html, "btn-accept") == "Accept"
    assert re.findall(r'<option value="(\w+)" selected>([^<]*)<', html) == [(reason, label)]
    assert button(html, "btn-task-done") == "Mark task done"  # dismissing is not doing the task
