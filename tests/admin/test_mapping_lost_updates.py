"""Two people on the field-mappings page at once: the second save must not undo the first.

Wave 30's second audit found the settings form posting every control and comparing it with the CURRENT values, so
a stale page silently put back what someone else had changed (e84eba0f). The mappings form posts every feature's
field the same way: Ann and Bob open the deal mappings, Bob maps the deal type to a custom property and saves, Ann
maps the amount and saves; her page still held the old deal-type field, and saving it put the default back.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from werkzeug.datastructures import MultiDict

from app import settings as service
from integrations.base import FieldSpec
from tests.admin.conftest import crm_session

A = "hubspot-101"
PAGE = f"/admin/t/{A}/mappings"
INPUT = re.compile(r'<input name="(map\.[a-z_]+)" id="[^"]*" value="([^"]*)"')
HIDDEN = re.compile(r'<input type="hidden" name="([a-z_]+)" value="([^"]*)"')

PORTAL = [
    FieldSpec("dealname", "Deal Name", "string"),
    FieldSpec("amount", "Amount", "number"),
    FieldSpec("amount_in_home_currency", "Amount in company currency", "number"),
    FieldSpec("dealtype", "Deal Type", "enumeration", options=("newbusiness", "existingbusiness")),
    FieldSpec("contract_tier", "Contract tier", "enumeration", options=("gold", "silver")),
    FieldSpec("hs_priority", "Priority", "enumeration", options=("low", "medium", "high")),
    FieldSpec("closedate", "Close Date", "datetime"),
    FieldSpec("createdate", "Create Date", "datetime"),
    FieldSpec("description", "Description", "string"),
]


class _Portal:
    """The CRM's describe() for this portal: the mapping checks need real field types, not the network."""

    def describe(self, object_type: str) -> list[FieldSpec]:
        return PORTAL


@pytest.fixture
def portal(console, monkeypatch):
    """The portal's fields, and Bob of revenue ops beside Ann (the installing admin)."""
    import app.tenants
    from app.admin.access import grant
    from app.storage import get_db

    monkeypatch.setattr(app.tenants, "client_for", lambda *a, **k: _Portal())
    with get_db(console).session() as s:
        grant(s, A, "bob@a.example", "revops", by="ann@a.example", crm="hubspot")


def opened(client: Any) -> MultiDict:
    """What the browser submits from the page as it was when opened: every input, hidden ones included."""
    resp = client.get(PAGE)
    assert resp.status_code == 200
    html = resp.get_data(as_text=True)
    form = re.search(r'<form method="post" id="mapping-form".*?</form>', html, re.DOTALL)
    assert form, "no mapping form on the page"
    return MultiDict(HIDDEN.findall(form[0]) + INPUT.findall(form[0]))


def save(client: Any, form: MultiDict, **fields: str) -> Any:
    data = form.copy()
    for canonical, crm_field in fields.items():
        data.setlist(f"map.{canonical}", [crm_field])
    data["action"] = "save"
    return client.post(PAGE, data=data)


def mapped(console: Any) -> dict[str, str]:
    return {c: e.crm_field for c, e in service.mappings(console, A, "deal").items()}


def test_saving_a_mappings_page_opened_before_anothers_save_keeps_their_mapping(console, portal):
    ann = crm_session(console.test_client(), A, "ann@a.example")
    bob = crm_session(console.test_client(), A, "bob@a.example")
    ann_page, bob_page = opened(ann), opened(bob)
    assert save(bob, bob_page, deal_type="contract_tier").status_code == 303
    resp = save(ann, ann_page, amount="amount_in_home_currency")
    assert resp.status_code == 303, resp.get_data(as_text=True)[:800]
    now = mapped(console)
    assert (now["deal_type"], now["amount"]) == ("contract_tier", "amount_in_home_currency")
    last, *_ = service.history(console, A)
    assert last.author == "ann@a.example" and set(last.changes) == {"deal.amount"}


def test_a_feature_someone_else_remapped_that_i_remapped_too_is_refused_naming_it_its_field_and_them(
    console, portal
):
    ann = crm_session(console.test_client(), A, "ann@a.example")
    bob = crm_session(console.test_client(), A, "bob@a.example")
    ann_page, bob_page = opened(ann), opened(bob)
    assert save(bob, bob_page, deal_type="contract_tier").status_code == 303
    resp = save(ann, ann_page, deal_type="hs_priority", amount="amount_in_home_currency")
    html = resp.get_data(as_text=True)
    assert resp.status_code == 409, html[:800]
    alert = re.search(r'id="form-error">(.*?)</p>', html, re.DOTALL)
    assert alert, html[:800]
    assert "deal_type" in alert[1] and "contract_tier" in alert[1] and "bob@a.example" in alert[1]
    assert "nothing was saved" in alert[1].lower()
    assert mapped(console)["deal_type"] == "contract_tier" and mapped(console)["amount"] == "amount"
    # The refused page shows the mapping as it is now, so that saving it again is a decision on Bob's field.
    assert 'name="map.deal_type" id="map-deal_type" value="contract_tier"' in html


def test_a_change_made_by_an_undo_since_the_page_was_opened_is_kept_too(console, portal):
    service.set_mappings(
        console, A, "deal", {"deal_type": "contract_tier"}, author="bob@a.example", describe=lambda ot: PORTAL
    )
    ann = crm_session(console.test_client(), A, "ann@a.example")
    ann_page = opened(ann)
    service.undo(console, A, author="cli:carol")  # deal_type back to dealtype
    resp = save(ann, ann_page, amount="amount_in_home_currency")
    assert resp.status_code == 303, resp.get_data(as_text=True)[:800]
    assert mapped(console)["deal_type"] == "dealtype"
    assert mapped(console)["amount"] == "amount_in_home_currency"


def test_the_same_field_chosen_by_both_people_is_no_clash(console, portal):
    ann = crm_session(console.test_client(), A, "ann@a.example")
    bob = crm_session(console.test_client(), A, "bob@a.example")
    ann_page, bob_page = opened(ann), opened(bob)
    assert save(bob, bob_page, deal_type="contract_tier").status_code == 303
    resp = save(ann, ann_page, deal_type="contract_tier")
    assert resp.status_code == 303 and "unchanged=1" in resp.headers["Location"]
    assert mapped(console)["deal_type"] == "contract_tier"


def test_a_mappings_save_with_nobody_elses_change_in_between_is_saved_as_before(console, portal):
    ann = crm_session(console.test_client(), A, "ann@a.example")
    resp = save(ann, opened(ann), deal_type="contract_tier", amount="amount_in_home_currency")
    assert resp.status_code == 303
    assert (mapped(console)["deal_type"], mapped(console)["amount"]) == (
        "contract_tier",
        "amount_in_home_currency",
    )


def test_a_settings_change_in_between_does_not_make_a_mapping_save_clash(console, portal):
    ann = crm_session(console.test_client(), A, "ann@a.example")
    ann_page = opened(ann)
    service.update(console, A, {"discount_cap": 0.3}, author="cli:bob")
    resp = save(ann, ann_page, deal_type="contract_tier")
    assert resp.status_code == 303, resp.get_data(as_text=True)[:800]
    assert mapped(console)["deal_type"] == "contract_tier"
    assert service.get(console, A).settings.discount_cap == 0.3


def test_a_script_posting_without_the_version_is_compared_with_the_current_mapping(console, portal):
    service.set_mappings(
        console, A, "deal", {"deal_type": "contract_tier"}, author="bob@a.example", describe=lambda ot: PORTAL
    )
    ann = crm_session(console.test_client(), A, "ann@a.example")
    form = MultiDict((k, v) for k, v in opened(ann).items(multi=True) if k.startswith(("csrf", "object")))
    assert save(ann, form, amount="amount_in_home_currency").status_code == 303
    assert (mapped(console)["deal_type"], mapped(console)["amount"]) == (
        "contract_tier",
        "amount_in_home_currency",
    )


@pytest.mark.parametrize("raw", ["abc", "999", "-1"])
def test_a_version_that_was_never_stored_is_refused_with_a_reload_hint(console, portal, raw):
    ann = crm_session(console.test_client(), A, "ann@a.example")
    form = opened(ann)
    form["base_version"] = raw
    resp = save(ann, form, amount="amount_in_home_currency")
    html = resp.get_data(as_text=True)
    assert resp.status_code == 400 and "reload the page" in html, html[:800]
    assert mapped(console)["amount"] == "amount"
