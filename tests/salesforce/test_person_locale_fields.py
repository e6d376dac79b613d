"""A Salesforce person's language and time zone, from the custom fields the org's admin maps.

Salesforce's Contact and Lead have no standard language or time zone field: an admin adds their own (here
Preferred_Language__c, a picklist, and Time_Zone__c, a text field, in the sandbox org's Setup) and maps them in the
app's field mappings (`language`, `timezone` on the contact and lead objects), checked against the org's describe.
Then a contact whose language is "es" gets a Spanish draft, through the product path: the rep's edit posts the
package's signed callout to the app over HTTP, the contact change re-schedules its Opportunity, the pipeline reads
it through simple-salesforce and the writer writes in Spanish. A zone that names nothing ("Mars/Olympus") is ignored
and logged; a mapped field the org has since deleted is dropped and the read goes on.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

import pytest
import requests
from sqlalchemy import func, select
from werkzeug.serving import make_server

from app.dispatch import get_dispatcher
from app.dispatch.leases import RecordKey
from app.settings.mappings import MappingError, set_mappings
from app.storage import get_cipher, get_db
from app.storage.models import Enrichment, InboxEvent, Installation, Tenant
from integrations.salesforce.connector import CONNECTOR
from integrations.salesforce.oauth import parse_token_response
from integrations.sandbox.salesforce_api import SalesforceSandboxHandle
from integrations.sandbox.serving import SHUTDOWN_POLL_SECONDS
from tests.run_jobs import run_until
from tests.salesforce.conftest import ORGS, sf_config

pytestmark = pytest.mark.timeout(240)

ORG = ORGS[0]
LANGUAGES = ("en", "de", "fr", "es", "it")


def ensure_field(sfsb: SalesforceSandboxHandle, sobject: str, name: str, type_: str = "string",
                 picklist: tuple[str, ...] = ()) -> None:
    """Add a custom field to the org as its admin does (once per module: the org outlives a test)."""
    try:
        sfsb.add_custom_field(sobject, name, type_, picklist=picklist, org_id=ORG)
    except requests.HTTPError as exc:
        assert "already has" in exc.response.text, exc.response.text


@pytest.fixture(scope="module")
def admin_fields(sfsb: SalesforceSandboxHandle) -> None:
    for sobject in ("Contact", "Lead"):
        ensure_field(sfsb, sobject, "Preferred_Language__c", "picklist", LANGUAGES)
        ensure_field(sfsb, sobject, "Time_Zone__c")
    ensure_field(sfsb, "Contact", "Do_Not_Call__c", "boolean")


def mapped(*rows: tuple[str, str, str]) -> dict[str, Any]:
    """An installation's settings as the app hands them to the connector (app/tenants)."""
    return {"field_mappings": list(rows)}


def an_open_opportunity_with_contacts(sfsb: SalesforceSandboxHandle, skip: int = 0) -> tuple[str, list[str]]:
    roles = sfsb.store("OpportunityContactRole", org_id=ORG)
    opps = [o for o in sfsb.store("Opportunity", org_id=ORG) if not o["IsClosed"]]
    found = [(o["Id"], sorted({r["ContactId"] for r in roles if r["OpportunityId"] == o["Id"]})) for o in opps]
    return [f for f in found if f[1]][skip]


def test_the_orgs_describe_lists_a_custom_field_once_the_admin_adds_it(sfsb, make_client, admin_fields):
    fields = {f.name: f for f in make_client(ORG).describe("contact")}
    assert fields["Preferred_Language__c"].type == "picklist" and fields["Preferred_Language__c"].options == LANGUAGES
    assert fields["Time_Zone__c"].type == "string" and fields["Time_Zone__c"].group == "custom"
    assert "Preferred_Language__c" not in {f.name for f in make_client(ORGS[1]).describe("contact")}  # one org's Setup
    with pytest.raises(requests.HTTPError, match="400"):
        sfsb.add_custom_field("Contact", "Preferred Language", org_id=ORG)  # Setup makes API names, not labels


def test_a_mapped_language_and_zone_reach_an_opportunitys_contacts_and_a_lead(sfsb, make_client, admin_fields):
    opp, contacts = an_open_opportunity_with_contacts(sfsb)
    lead = next(r["Id"] for r in sfsb.store("Lead", org_id=ORG) if not r.get("IsConverted"))
    for c in contacts:
        sfsb.ui_change("Contact", c, {"Preferred_Language__c": "es", "Time_Zone__c": "America/Mexico_City"}, org_id=ORG)
    sfsb.ui_change("Lead", lead, {"Preferred_Language__c": "de", "Time_Zone__c": "Europe/Vienna"}, org_id=ORG)
    client = make_client(ORG, settings=mapped(("contact", "language", "Preferred_Language__c"),
                                              ("contact", "timezone", "Time_Zone__c"),
                                              ("lead", "language", "Preferred_Language__c"),
                                              ("lead", "timezone", "Time_Zone__c")))
    record = client.get_records("deal", [opp])[opp]
    assert {(c.id, c.language, c.timezone) for c in record.contacts} == {
        (c, "es", "America/Mexico_City") for c in contacts}
    [person] = client.get_records("lead", [lead])[lead].contacts
    assert (person.language, person.timezone) == ("de", "Europe/Vienna")
    unmapped = make_client(ORG).get_records("deal", [opp])[opp]  # nothing mapped: Salesforce has no such field
    assert {(c.language, c.timezone) for c in unmapped.contacts} == {(None, None)}


def test_a_garbage_zone_is_ignored_and_logged_and_the_rest_of_the_contact_still_reads(sfsb, make_client, admin_fields,
                                                                                      caplog):
    opp, contacts = an_open_opportunity_with_contacts(sfsb, skip=1)
    sfsb.ui_change("Contact", contacts[0], {"Time_Zone__c": "Mars/Olympus", "Preferred_Language__c": "fr"}, org_id=ORG)
    client = make_client(ORG, settings=mapped(("contact", "language", "Preferred_Language__c"),
                                              ("contact", "timezone", "Time_Zone__c")))
    with caplog.at_level(logging.WARNING, logger="integrations.contact_locale"):
        record = client.get_records("deal", [opp])[opp]
    mine = next(c for c in record.contacts if c.id == contacts[0])
    assert (mine.timezone, mine.language) == (None, "fr") and mine.name
    assert f"contact {contacts[0]}" in caplog.text and "Time_Zone__c 'Mars/Olympus'" in caplog.text


def test_a_mapped_field_the_org_no_longer_has_is_dropped_and_the_read_goes_on(sfsb, make_client, admin_fields, caplog):
    opp, _ = an_open_opportunity_with_contacts(sfsb)
    lead = next(r["Id"] for r in sfsb.store("Lead", org_id=ORG) if not r.get("IsConverted"))
    client = make_client(ORG, settings=mapped(("contact", "timezone", "Deleted_Zone__c"),
                                              ("lead", "language", "Deleted_Language__c")))
    with caplog.at_level(logging.WARNING, logger="integrations.salesforce.client"):
        assert client.get_records("deal", [opp])[opp].contacts
        assert client.get_records("lead", [lead])[lead].contacts
    assert "lacks field Contact.Deleted_Zone__c" in caplog.text and "lacks field Lead.Deleted_Language__c" in caplog.text


# --- the product path: settings, callout, pipeline ---------------------------------------------------------------


@pytest.fixture
def served(app_factory: Any, sfsb: SalesforceSandboxHandle, clean_faults: None, admin_fields: None) -> Any:
    """The app with its pipeline on a real socket, the org installed with a real token, the package's
    callouts pointed at it (what the admin does with the install page's secret)."""
    app = app_factory(**sf_config(sfsb), JOB_FUNCTION="app.pipeline.batch.process_batch")
    server = make_server("127.0.0.1", 0, app, threaded=True)
    url = f"http://127.0.0.1:{server.server_port}"
    app.config["PUBLIC_URL"] = url
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": SHUTDOWN_POLL_SECONDS}, daemon=True).start()
    tok = parse_token_response(sfsb.token(ORG))
    tid = CONNECTOR.tenant_id_for(ORG)
    cipher = get_cipher(app)
    with get_db(app).session() as s:
        s.add(Tenant(id=tid, crm="salesforce", external_id=ORG, name="Sandbox Org 1"))
        s.flush()
        s.add(Installation(tenant_id=tid, crm="salesforce", access_token_enc=cipher.encrypt(tok.access_token),
                           refresh_token_enc=cipher.encrypt(tok.refresh_token), api_base=tok.instance_url,
                           scopes=["api", "refresh_token"]))
    urls = CONNECTOR.webhook_urls(ORG, config=app.config)
    sfsb.endpoints(ORG, callout_url=urls["callout_url"], callout_secret=urls["callout_secret"])
    yield app, tid
    sfsb.endpoints(ORG, callout_url=None, callout_secret=None)
    server.shutdown()


def cards(app: Any, opp: str) -> list[dict[str, Any]]:
    with get_db(app).session() as s:
        return [e.card for e in s.execute(select(Enrichment).where(Enrichment.record_id == opp)
                                          .order_by(Enrichment.id)).scalars()]


def contact_events(app: Any) -> int:
    with get_db(app).session() as s:
        return int(s.scalar(select(func.count()).select_from(InboxEvent).where(InboxEvent.object_type == "contact"))
                   or 0)


def test_the_admins_mapping_is_checked_against_the_orgs_own_fields(served):
    app, tid = served
    with pytest.raises(MappingError, match="'Preferred_Lang__c' does not exist in this org"):
        set_mappings(app, tid, "contact", {"language": "Preferred_Lang__c"}, author="revops@example.com")
    with pytest.raises(MappingError, match="'Do_Not_Call__c' is of type boolean: language needs one text or picklist"):
        set_mappings(app, tid, "contact", {"language": "Do_Not_Call__c"}, author="revops@example.com")
    got = set_mappings(app, tid, "lead", {"language": "Preferred_Language__c", "timezone": "Time_Zone__c"},
                       author="revops@example.com")
    assert (got["language"].crm_field, got["language"].source, got["email"].crm_field) == (
        "Preferred_Language__c", "tenant", "Email")


def test_a_salesforce_contact_with_the_mapped_language_es_gets_a_spanish_draft(served, sfsb):
    app, tid = served
    opp, contacts = an_open_opportunity_with_contacts(sfsb, skip=2)
    for c in contacts:  # the buyer's language is on file, but nothing maps it yet
        sfsb.ui_change("Contact", c, {"Preferred_Language__c": "es"}, org_id=ORG)
    assert sfsb.flush(20)
    get_dispatcher(app).schedule([RecordKey(tid, "salesforce", "deal", opp)])
    run_until(app, lambda: len(cards(app, opp)) == 1)
    assert cards(app, opp)[0]["draft"]["language"] != "es"

    set_mappings(app, tid, "contact", {"language": "Preferred_Language__c"}, author="revops@example.com")
    seen = contact_events(app)
    for c in contacts:  # a rep's edit of the contacts: the package's callout tells the app
        sfsb.ui_change("Contact", c, {"Title": "Directora de compras"}, org_id=ORG)
    assert sfsb.flush(20)
    end = time.time() + 20
    while contact_events(app) < seen + len(contacts) and time.time() < end:
        time.sleep(0.1)
    assert contact_events(app) >= seen + len(contacts), "the contacts' edit sent the app no callout"
    run_until(app, lambda: len(cards(app, opp)) == 2)

    draft = cards(app, opp)[-1]["draft"]
    assert draft["language"] == "es" and draft["to"]["contact_id"] in contacts
    assert "(su hora)" in draft["body"], draft["body"]  # the Spanish template's meeting line


def test_a_sandbox_can_start_with_the_admins_custom_fields_on_every_org():
    from integrations.sandbox.salesforce_api import run_salesforce_sandbox

    fields = (("Contact", "Preferred_Language__c", "picklist", ("en", "es")), ("Lead", "Time_Zone__c", "string", ()))
    with run_salesforce_sandbox(seed=5, org_ids=ORGS, n_companies=3, n_open_deals=2, n_closed_deals=2, n_leads=5,
                                custom_fields=fields) as sb:
        for org in ORGS:
            contact = {f["name"]: f for f in sb.sandbox.orgs[org].org.describe("Contact", "")["fields"]}
            lead = {f["name"] for f in sb.sandbox.orgs[org].org.describe("Lead", "")["fields"]}
            assert [p["value"] for p in contact["Preferred_Language__c"]["picklistValues"]] == ["en", "es"]
            assert "Time_Zone__c" in lead and "Time_Zone__c" not in contact


def test_an_opportunitys_picklist_comes_with_the_label_of_each_active_value(sfsb, make_client):
    kind = {f.name: f for f in make_client(ORG).describe("deal")}["Type"]
    assert kind.options == ("New Customer", "Existing Customer - Upgrade")
    # the org's picklistValues[].label, paired with its value (the sandbox's labels equal their values)
    assert kind.option_labels == (("New Customer", "New Customer"),
                                  ("Existing Customer - Upgrade", "Existing Customer - Upgrade"))
