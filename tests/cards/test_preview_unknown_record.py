"""A card preview of an id the CRM does not have says so (404, no buttons); a record the CRM has but the
app never scored still offers "Score now"."""

from __future__ import annotations

import pytest
from sqlalchemy import update

from app.storage import get_db
from app.storage.models import Tenant
from integrations.errors import CrmNotFound, CrmUnavailable
from tests.fakes import FakeCrm
from tests.pipeline.test_card_api import enriched  # noqa: F401 - the fixture: one enriched deal
from tests.pipeline.test_pipeline_on_fake_crm import sample_record

BUTTONS = ('data-testid="btn-', "Score now", "Re-score", 'data-testid="only-in-crm"')


def test_an_unknown_id_is_a_404_naming_the_record_kind_and_crm_with_no_buttons(enriched) -> None:  # noqa: F811
    # Wave 29: a mistyped id in the address showed "Not scored yet" and offered "Score now" on a deal nobody has.
    app, _, _ = enriched
    app.config["SANDBOX_MODE"] = True
    r = app.test_client().get("/card/preview/hubspot/62515/deal/99999")
    html = r.data.decode()
    assert r.status_code == 404
    assert "No such deal in HubSpot: check the id" in html and 'data-testid="state-not-found"' in html
    assert not any(b in html for b in BUTTONS), [b for b in BUTTONS if b in html]
    assert "Couldn't load AI insights" not in html and "Not scored yet" not in html
    assert 'data-testid="status">Not found<' in html


def test_on_salesforce_it_names_an_opportunity_or_a_lead(enriched) -> None:  # noqa: F811
    app, tid, _ = enriched
    app.config["SANDBOX_MODE"] = True
    with get_db(app).session() as s:
        s.execute(update(Tenant).values(crm="salesforce"))
    client = app.test_client()
    deal = client.get("/card/preview/salesforce/62515/deal/006000000000001")
    assert deal.status_code == 404 and "No such opportunity in Salesforce: check the id" in deal.data.decode()
    lead = client.get("/card/preview/salesforce/62515/lead/00Q000000000001")
    assert lead.status_code == 404 and "No such lead in Salesforce: check the id" in lead.data.decode()


def test_a_record_the_crm_has_but_the_app_never_scored_still_offers_score_now(enriched) -> None:  # noqa: F811
    app, tid, _ = enriched
    app.config["SANDBOX_MODE"] = True
    crm = FakeCrm([sample_record(tid), sample_record(tid, "4242")])
    app.extensions["crm_factory"] = lambda tenant_id, name: crm
    r = app.test_client().get("/card/preview/hubspot/62515/deal/4242")
    html = r.data.decode()
    assert r.status_code == 200 and "Not scored yet" in html and "Score now" in html
    assert "No such" not in html


@pytest.mark.parametrize(
    "error", [CrmUnavailable("HubSpot is down", status=503, crm="hubspot"), OSError("refused")]
)
def test_a_crm_that_cannot_answer_leaves_the_not_scored_card_as_it_was(enriched, error) -> None:  # noqa: F811
    # Only the CRM's own "not found" proves a wrong id: an outage must not tell the rep the record does not exist.
    app, _, _ = enriched
    app.config["SANDBOX_MODE"] = True

    class Down(FakeCrm):
        def get_record(self, object_type: str, id: str):  # noqa: ANN201 - the fake's
            raise error

    app.extensions["crm_factory"] = lambda tenant_id, name: Down()
    r = app.test_client().get("/card/preview/hubspot/62515/deal/99999")
    assert r.status_code == 200 and "Score now" in r.data.decode() and "No such" not in r.data.decode()


def test_an_enriched_record_is_shown_without_asking_the_crm(enriched) -> None:  # noqa: F811
    app, _, _ = enriched
    app.config["SANDBOX_MODE"] = True

    class Gone(FakeCrm):
        def get_record(self, object_type: str, id: str):  # noqa: ANN201 - the fake's
            raise CrmNotFound(f"{object_type} {id} not found", status=404, crm="hubspot")

    app.extensions["crm_factory"] = lambda tenant_id, name: Gone()
    r = app.test_client().get("/card/preview/hubspot/62515/deal/8807")
    assert r.status_code == 200 and "Northwind" in r.data.decode()
