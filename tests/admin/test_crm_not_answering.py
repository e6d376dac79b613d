"""An admin whose CRM stops answering: the console says so in words, and the install health stops saying "Connected".

Wave 30's walk stopped the demo's HubSpot sandbox, then started a re-sync: the run's page read "It failed:
CrmUnavailable: [hubspot] ConnectionError: HTTPConnectionPool(host='127.0.0.1', port=41135): Max retries exceeded
...", the mappings page printed the same text, and the health page's connection box still read "Connected".
"""

from __future__ import annotations

import html
import re

import pytest

from app.admin.crm_trouble import crm_failure, unreachable
from integrations.errors import CrmAuthExpired, CrmForbidden, CrmRateLimited, CrmRejected, CrmUnavailable
from tests.admin.test_signin_and_install_page import follow_crm
from tests.hubspot import sandbox_helpers as sb

pytestmark = pytest.mark.timeout(180)

RAW = ("HTTPConnectionPool", "Max retries", "NewConnectionError", "CrmUnavailable:", "Traceback")


@pytest.fixture
def sandbox():
    handle = sb.start(n_open_deals=3, n_closed_deals=6, n_companies=4, seed=5)
    yield handle
    handle.stop()


def text_of(page: str) -> str:
    return html.unescape(_text_of(page))


def _text_of(markup: str) -> str:
    return re.sub(
        r"\s+", " ", re.sub(r"<[^>]+>", " ", re.sub(r"<script.*?</script>", "", markup, flags=re.S))
    )


def start_resync(app, client, tid: str) -> str:
    health = client.get(f"/admin/t/{tid}/").get_data(as_text=True)
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', health).group(1)
    resp = client.post(f"/admin/t/{tid}/actions/resync", data={"csrf_token": csrf})
    assert resp.status_code == 303
    app.extensions["console_runs"][int(resp.location.rsplit("/", 1)[1])].join(60)
    return text_of(client.get(resp.location).get_data(as_text=True))


def connection_box(client, tid: str) -> str:
    health = client.get(f"/admin/t/{tid}/").get_data(as_text=True)
    return text_of(health.split('id="token"')[1].split('<div class="box"')[0])


def test_a_stopped_crm_is_said_plainly_on_the_run_the_health_page_and_the_mappings(app_factory, sandbox):
    # Every retry of the stopped sandbox is still made, without its back-off (36 s of sleeping over six reads).
    app = app_factory(**sb.app_config(sandbox, BACKFILL_ON_INSTALL=False, CRM_RETRY_SCALE=0.0))
    client = app.test_client()
    follow_crm(client, "/oauth/hubspot/install")  # the installer is signed in (admin)
    tid = f"hubspot-{sandbox.hub_id}"
    assert "Listing finished" in start_resync(app, client, tid)
    assert "Connected" in connection_box(client, tid)

    where = sandbox.url
    sandbox.stop()
    run = start_resync(app, client, tid)
    assert f"It failed: HubSpot did not answer at {where} (nothing answered); nothing was changed." in run, (
        run
    )
    assert "status page" in run and not any(raw in run for raw in RAW), run
    box = connection_box(client, tid)
    assert "Not answering" in box and "Connected" not in box and "could not reach HubSpot" in box, box
    errors = text_of(
        client.get(f"/admin/t/{tid}/").get_data(as_text=True).split('id="errors"')[1].split("</table>")[0]
    )
    assert "HubSpot did not answer" in errors and not any(raw in errors for raw in RAW), errors
    mappings = text_of(client.get(f"/admin/t/{tid}/mappings").get_data(as_text=True))
    assert "fields could not be read: HubSpot did not answer" in mappings, mappings[:1500]
    assert not any(raw in mappings for raw in RAW)
    page = client.get(f"/admin/t/{tid}/mappings").get_data(as_text=True)
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    refused = text_of(
        client.post(
            f"/admin/t/{tid}/mappings",
            data={"csrf_token": csrf, "object": "deal", "map.deal_type": "hs_priority", "action": "preview"},
        ).get_data(as_text=True)
    )
    # said once, as what was refused (it was printed twice, the second time with no word of what failed)
    assert refused.count("HubSpot did not answer") == 1, refused[:2000]
    said = refused.split("HubSpot did not answer")[0][-120:]
    assert "Not previewed: the CRM's deal fields could not be read:" in said, said


def test_the_connection_box_returns_to_connected_once_the_crm_answers_again(app_factory, sandbox):
    from app.audit import write_audit
    from app.storage import get_db

    app = app_factory(**sb.app_config(sandbox, BACKFILL_ON_INSTALL=False))
    client = app.test_client()
    follow_crm(client, "/oauth/hubspot/install")
    tid = f"hubspot-{sandbox.hub_id}"
    with get_db(app).session() as s:  # a failed run while the CRM was away, then a later run that got through
        write_audit(
            s,
            "console.sync_failed",
            tenant_id=tid,
            detail={
                "run": 1,
                "kind": "resync",
                "error": "x",
                "message": "HubSpot did not answer.",
                "crm_unreachable": True,
            },
        )
    assert "Not answering" in connection_box(client, tid)
    assert "Listing finished" in start_resync(app, client, tid)
    assert "Connected" in connection_box(client, tid)


def test_a_refusal_is_not_called_an_outage(app_factory, sandbox):
    """A run that failed for another reason (the CRM answered, with a refusal) leaves the box to the token."""
    from app.audit import write_audit
    from app.storage import get_db

    app = app_factory(**sb.app_config(sandbox, BACKFILL_ON_INSTALL=False))
    client = app.test_client()
    follow_crm(client, "/oauth/hubspot/install")
    tid = f"hubspot-{sandbox.hub_id}"
    with get_db(app).session() as s:
        write_audit(
            s,
            "console.sync_failed",
            tenant_id=tid,
            detail={"run": 1, "kind": "resync", "error": "CrmForbidden: ...", "crm_unreachable": False},
        )
    assert "Connected" in connection_box(client, tid)


@pytest.mark.parametrize(
    "exc, words",
    [
        (
            CrmUnavailable(
                "[hubspot] ConnectionError: HTTPConnectionPool(...): Failed to establish a new connection"
            ),
            "did not answer at https://api.example (nothing answered)",
        ),
        (
            CrmUnavailable("[salesforce] ReadTimeout: Read timed out. (read timeout=60)"),
            "did not answer at https://api.example (timed out)",
        ),
        (ConnectionRefusedError(111, "Connection refused"), "did not answer at https://api.example"),
        (
            CrmUnavailable("[hubspot] 503 Service Unavailable", status=503),
            "answered with a server error (HTTP 503)",
        ),
        (CrmAuthExpired("BAD_REFRESH_TOKEN", status=400), "install the app again"),
        (
            CrmForbidden("missing scope crm.objects.deals.read", status=403),
            "missing scope crm.objects.deals.read",
        ),
        (CrmRateLimited("too many", status=429), "slow down"),
    ],
)
def test_each_kind_of_crm_failure_reads_as_what_to_do(exc, words):
    said = crm_failure(exc, crm_label="HubSpot", where="https://api.example")
    assert said.startswith("HubSpot ") and words in said, said
    assert not any(raw in said for raw in RAW)


def test_only_no_answer_counts_as_unreachable():
    assert unreachable(CrmUnavailable("[hubspot] ConnectionError: Connection refused"))
    assert unreachable(TimeoutError("timed out"))
    # answers, even unwelcome ones, are not an outage: the CRM is there
    assert not unreachable(CrmUnavailable("502 Bad Gateway", status=502))
    assert not unreachable(
        CrmRejected("Property 'x' does not exist: Connection refused in its label", status=400)
    )
    assert not unreachable(ValueError("bad mapping"))


def test_the_demo_names_its_stopped_sandbox():
    said = crm_failure(CrmUnavailable("Connection refused"), crm_label="Salesforce", where=None, sandbox=True)
    assert said == (
        "Salesforce did not answer (nothing answered): the demo's simulated Salesforce is not running. "
        "Start `agentic-sales demo` again; nothing was changed."
    )
