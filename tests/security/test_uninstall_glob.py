"""An uninstall names one tenant: a tenant id with glob characters (`hubspot-*`, `hubspot-1?`) must
not erase the files of every tenant it matches. The erasure of per-tenant directories searched the
data directory and model store with the tenant id as a glob pattern, before checking the tenant
existed: `{"tenant": "hubspot-*"}` answered 404 "no tenant" after deleting every HubSpot tenant's
models and files."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.admin.conftest import ADMIN_TOKEN
from tests.conftest import install_tenant


@pytest.mark.parametrize("pattern", ["hubspot-*", "hubspot-10?", "*", "hubspot-[0-9]*", "**"])
def test_a_tenant_id_with_glob_characters_erases_no_other_tenants_files(app_factory, pattern):
    from app.pipeline.tenant import model_dir

    app = app_factory(ADMIN_TOKEN=ADMIN_TOKEN)
    kept = []
    for portal in ("101", "102"):
        install_tenant(app, portal)
        for root in (Path(model_dir(app)), Path(app.config["DATA_DIR"])):
            artefact = root / f"hubspot-{portal}" / "conversion" / "model.json"
            artefact.parent.mkdir(parents=True, exist_ok=True)
            artefact.write_text("{}")
            kept.append(artefact)
    resp = app.test_client().post("/oauth/hubspot/uninstall", json={"tenant": pattern},
                                  headers={"X-Admin-Token": ADMIN_TOKEN})
    assert resp.status_code == 404 and resp.get_json()["error"] == "unknown_tenant"
    assert [p for p in kept if not p.exists()] == []


def test_uninstalling_one_tenant_keeps_the_files_of_another(app_factory):
    from app.pipeline.tenant import model_dir

    app = app_factory(ADMIN_TOKEN=ADMIN_TOKEN)
    for portal in ("101", "1011"):
        install_tenant(app, portal)
        artefact = Path(model_dir(app)) / f"hubspot-{portal}" / "m.json"
        artefact.parent.mkdir(parents=True, exist_ok=True)
        artefact.write_text("{}")
    resp = app.test_client().post("/oauth/hubspot/uninstall", json={"tenant": "hubspot-101"},
                                  headers={"X-Admin-Token": ADMIN_TOKEN})
    assert resp.status_code == 200
    assert not (Path(model_dir(app)) / "hubspot-101").exists()
    assert (Path(model_dir(app)) / "hubspot-1011" / "m.json").exists()
