"""Access grants of a Salesforce org name a person by the 18-character case-safe User id: two Users whose
15-character ids differ only in case are two people, and a grant reaches the person whichever form or case
the admin typed. Grants stored lower-cased before wave 24 are carried over by migration 0010."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, select, text

from app.storage import migrate
from tests.admin.conftest import crm_session, csrf_of, set_installer

SF = "salesforce-00D5g000004ABCDEAW"
# Two Users of one org whose 15-character ids differ only in the case of the last letter.
CARL_15, DANA_15 = "005000000000aBc", "005000000000aBC"
CARL, DANA = "005000000000aBcAAI", "005000000000aBCAAY"  # chunk 3 "00aBc": bit 3 (I); "00aBC": 3+4 (Y)
OWNER = "0050W00000002bJQAQ"


@pytest.fixture
def sf_console(console):
    from app.storage import get_cipher, get_db
    from app.storage.models import Installation, Tenant

    with get_db(console).session() as s:
        s.add(Tenant(id=SF, crm="salesforce", external_id="00D5g000004ABCDEAW", name="Acme"))
        s.flush()
        s.add(Installation(tenant_id=SF, crm="salesforce", access_token_enc=get_cipher(console).encrypt("a"),
                           refresh_token_enc=get_cipher(console).encrypt("r"), scopes=["api"]))
    set_installer(console, SF, OWNER)
    return console


def sf_session(client, user):
    crm_session(client, SF, user)
    with client.session_transaction() as sess:
        sess["console"] = {**sess["console"], "crm": "salesforce"}
    return client


def role_shown(client) -> str:
    html = client.get(f"/admin/t/{SF}/").get_data(as_text=True)
    return html.split('<span id="role">', 1)[1].split("<", 1)[0]


def test_the_ids_used_here_are_the_18_character_forms_salesforce_computes():
    from integrations.salesforce.ids import to_18

    assert (to_18(CARL_15), to_18(DANA_15)) == (CARL, DANA)


def test_a_grant_to_one_of_two_users_whose_15_character_ids_differ_only_in_case_reaches_that_user_only(sf_console):
    admin = sf_session(sf_console.test_client(), OWNER)
    csrf = csrf_of(admin, f"/admin/t/{SF}/access")
    resp = admin.post(f"/admin/t/{SF}/access", data={"csrf_token": csrf, "user": CARL_15, "role": "revops"})
    assert resp.status_code in (200, 302, 303), resp.get_data(as_text=True)
    # Sign-in names Users by their 18-character id (the identity URL's last part).
    assert role_shown(sf_session(sf_console.test_client(), CARL)) == "revops"
    assert role_shown(sf_session(sf_console.test_client(), DANA)) == "viewer"


@pytest.mark.parametrize("typed", [CARL_15, CARL, CARL.lower(), CARL.upper(), f"  {CARL}  "])
def test_the_admin_may_type_the_user_id_in_either_form_and_any_case_of_the_18(sf_console, typed):
    from app.admin.access import grant, grants
    from app.storage import get_db

    with get_db(sf_console).session() as s:
        grant(s, SF, typed, "admin", by=OWNER, crm="salesforce")
    with get_db(sf_console).session() as s:
        assert [(g.user, g.role) for g in grants(s, SF)] == [(CARL, "admin")]


def test_a_15_character_id_typed_in_another_case_is_another_user_and_not_merged(sf_console):
    from app.admin.access import grant, grants
    from app.storage import get_db

    with get_db(sf_console).session() as s:
        grant(s, SF, CARL_15, "revops", by=OWNER, crm="salesforce")
        grant(s, SF, DANA_15, "viewer", by=OWNER, crm="salesforce")
    with get_db(sf_console).session() as s:
        assert sorted((g.user, g.role) for g in grants(s, SF)) == sorted([(CARL, "revops"), (DANA, "viewer")])


def test_an_18_character_id_with_an_impossible_suffix_is_refused_naming_the_value(sf_console):
    from app.admin.access import GrantError, grant
    from app.storage import get_db

    with get_db(sf_console).session() as s, pytest.raises(GrantError, match="0050000000000009ZZ"):
        grant(s, SF, "0050000000000009ZZ", "viewer", by=OWNER, crm="salesforce")


def test_the_installer_is_admin_whatever_case_the_stored_id_has(sf_console):
    set_installer(sf_console, SF, OWNER.lower())  # as wave 23 stored nothing, but a hand-edited row might
    assert role_shown(sf_session(sf_console.test_client(), OWNER)) == "admin"


def test_e_mails_still_compare_case_insensitively_in_a_hubspot_account(console):
    from app.admin.access import grant, grants
    from app.storage import get_db

    with get_db(console).session() as s:
        grant(s, "hubspot-101", "Carl@A.Example", "revops", by="ann@a.example", crm="hubspot")
    with get_db(console).session() as s:
        assert [g.user for g in grants(s, "hubspot-101")] == ["carl@a.example"]
    client = crm_session(console.test_client(), "hubspot-101", "CARL@a.example")
    assert '<span id="role">revops</span>' in client.get("/admin/t/hubspot-101/").get_data(as_text=True)


def test_a_lower_cased_15_character_grant_from_before_can_still_be_removed(sf_console):
    from app.admin.access import grant, grants
    from app.storage import get_db
    from app.storage.models import ConsoleGrant

    with get_db(sf_console).session() as s:
        s.add(ConsoleGrant(tenant_id=SF, user=CARL_15.lower(), role="viewer", granted_by="x"))
    with get_db(sf_console).session() as s:
        grant(s, SF, CARL_15.lower(), "none", by=OWNER, crm="salesforce")
    with get_db(sf_console).session() as s:
        assert grants(s, SF) == []


def test_the_access_page_marks_a_lower_cased_15_character_grant_as_matching_no_sign_in(sf_console):
    from app.storage import get_db
    from app.storage.models import ConsoleGrant

    with get_db(sf_console).session() as s:
        s.add(ConsoleGrant(tenant_id=SF, user=CARL_15.lower(), role="viewer", granted_by=OWNER))
        s.add(ConsoleGrant(tenant_id=SF, user=DANA, role="viewer", granted_by=OWNER))
    html = sf_session(sf_console.test_client(), OWNER).get(f"/admin/t/{SF}/access").get_data(as_text=True)
    rows = html.split('<table id="grants">', 1)[1].split("</table>", 1)[0].split("<tr>")
    old = next(r for r in rows if CARL_15.lower() in r)
    new = next(r for r in rows if DANA in r)
    assert "matches no sign-in" in old and "matches no sign-in" not in new


def test_migration_0010_restores_the_case_of_lower_cased_18_character_grants_and_leaves_the_rest(tmp_path):
    url = f"sqlite:///{tmp_path / 'm.db'}"
    migrate.upgrade(url, "0009_llm_budget")
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO tenants (id, crm, external_id, status, created_at, settings_version) "
                          "VALUES ('t1', 'salesforce', 'x', 'active', CURRENT_TIMESTAMP, 0)"))
        for user in (CARL.lower(), DANA.lower(), CARL_15.lower(), "ann@a.example", "005000000000009zz"):
            conn.execute(text("INSERT INTO console_grants (tenant_id, user, role, granted_by, granted_at) "
                              "VALUES ('t1', :u, 'viewer', 'x', CURRENT_TIMESTAMP)"), {"u": user})
    migrate.upgrade(url)
    with engine.connect() as conn:
        users = sorted(conn.execute(text("SELECT user FROM console_grants")).scalars())
        installs = conn.execute(select(text("installed_by_name")).select_from(text("installations"))).all()
    engine.dispose()
    assert users == sorted([CARL, DANA, CARL_15.lower(), "ann@a.example", "005000000000009zz"])
    assert installs == []
