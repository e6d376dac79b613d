"""The fetch's batch reads parse HubSpot's JSON themselves (integrations/hubspot/reads.py): the
dicts must be exactly those the SDK's models gave through `to_dict()`, on the sandbox's own
answers for deals, companies, contacts, every engagement type and every association type."""

from __future__ import annotations

import time

import pytest
from hubspot.crm.associations.v4 import (
    BatchInputPublicFetchAssociationsBatchRequest,
    PublicFetchAssociationsBatchRequest,
)
from hubspot.crm.objects import BatchReadInputSimplePublicObjectId, SimplePublicObjectId

from integrations.hubspot import HubSpotClient, reads
from integrations.hubspot.fetch import ENGAGEMENT_PROPERTIES, ENGAGEMENT_TYPES
from integrations.hubspot.metadata import MetadataCache
from integrations.hubspot.oauth import OAuthClient, TokenSet
from integrations.limits import Lane, RateLimiter
from integrations.sandbox import run_in_thread

pytestmark = pytest.mark.timeout(180)


@pytest.fixture(scope="module")
def sandbox():
    handle = run_in_thread(seed=9, webhook_url="http://127.0.0.1:9/none", webhooks_enabled=False,
                           n_companies=30, n_owners=4, n_open_deals=120, n_closed_deals=60)
    handle.configure(rate_limit=10_000, rate_window_ms=10_000)
    yield handle
    handle.stop()


@pytest.fixture
def session(sandbox):
    tok = sandbox.token()
    tokens = TokenSet(tok["access_token"], tok["refresh_token"], expires_at=time.time() + tok["expires_in"],
                      hub_id=str(tok["hub_id"]))
    client = HubSpotClient.connect(
        tokens, tenant_id="t-raw", base_url=sandbox.url,
        oauth=OAuthClient(sandbox.client_id, sandbox.client_secret, base_url=sandbox.url),
        limiter=RateLimiter("memory://", lanes={"default": Lane(10_000, 10), "search": Lane(5, 1)}),
        metadata=MetadataCache())
    return client.session


def sdk_batch_read(session, object_type, ids, properties, history=()):
    body = BatchReadInputSimplePublicObjectId(inputs=[SimplePublicObjectId(id=i) for i in ids],
                                              properties=list(properties), properties_with_history=list(history))
    return [reads.object_dict(o) for o in session.call(session.apis.batch.read, object_type, body).results or ()]


def sdk_associations(session, to_type, ids):
    body = BatchInputPublicFetchAssociationsBatchRequest(inputs=[PublicFetchAssociationsBatchRequest(id=i) for i in ids])
    out = {i: [] for i in ids}
    for item in session.call(session.apis.association_batch.get_page, "deals", to_type, body).results or ():
        d = item.to_dict()
        out.setdefault(str(d["_from"]["id"]), []).extend(
            {"id": str(t["to_object_id"]), "types": list(t.get("association_types") or ())} for t in d.get("to") or ())
    return out


def test_raw_batch_reads_and_association_reads_equal_what_the_sdk_models_gave(sandbox, session):
    deals = sorted((str(d) for d in sandbox.control("GET", "truth/deals")["deals"]), key=int)[:100]
    props = ["dealname", "amount", "dealstage", "pipeline", "closedate", "createdate", "hubspot_owner_id",
             "description", "hs_lastmodifieddate", "no_such_property"]
    raw = reads.batch_read(session, "deals", deals, props, history=["dealstage", "amount"])
    assert raw == sdk_batch_read(session, "deals", deals, props, history=["dealstage", "amount"])
    assert len(raw) == len(deals) and any(r["history"].get("dealstage") for r in raw)
    seen = 0
    for to in ("companies", "contacts", *ENGAGEMENT_TYPES):
        links = reads.association_batch(session, "deals", to, deals)
        assert links == sdk_associations(session, to, deals), to
        linked = sorted({a["id"] for lst in links.values() for a in lst}, key=int)[:100]
        seen += len(linked)
        if not linked:
            continue
        props_of = {"companies": ["name", "industry", "numberofemployees", "country"],
                    "contacts": ["firstname", "lastname", "jobtitle", "email", "hs_analytics_num_page_views"]}
        wanted = props_of.get(to, list(ENGAGEMENT_PROPERTIES))
        history = ["hs_analytics_num_page_views"] if to == "contacts" else []
        assert reads.batch_read(session, to, linked, wanted, history=history) == \
            sdk_batch_read(session, to, linked, wanted, history=history), to
    assert seen > 100  # the comparison saw real rows of every kind, not empty answers
