"""The admin guide covers every setting the app reads and every scope it asks for, and is linked."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from app import config
from integrations.hubspot.connector import SCOPES as HUBSPOT_SCOPES
from integrations.salesforce.connector import SCOPES as SALESFORCE_SCOPES

ROOT = Path(__file__).resolve().parents[2]
GUIDE = (ROOT / "docs" / "admin.md").read_text(encoding="utf-8")


def environment_names() -> list[str]:
    """Every environment variable app/config.py reads: the well-known names as they are, and the
    prefixed spelling of every setting of the Config class (load() reads PREFIX_<NAME> for each)."""
    # A well-known name (DATABASE_URL) is documented as it is; its prefixed spelling also works.
    prefixed = [f"{config.PREFIX}_{name}" for name in dir(config.Config)
                if name.isupper() and name not in config.WELL_KNOWN]
    literal = re.findall(r"environ(?:\.get)?\(\s*\"([A-Z][A-Z0-9_]+)\"", (ROOT / "app" / "config.py").read_text())
    return sorted({*config.WELL_KNOWN, *prefixed, *literal})


@pytest.mark.parametrize("name", environment_names())
def test_every_variable_the_config_reads_is_in_the_admin_guide(name):
    assert re.search(rf"`{name}`|{name}[,` ]", GUIDE), f"docs/admin.md does not document {name}"


def test_the_guide_tells_admins_about_the_admin_token_and_the_manual_card_step():
    assert "AGENTIC_SALES_ADMIN_TOKEN" in GUIDE and "/admin/login" in GUIDE
    assert "by hand" in GUIDE and "Add cards" in GUIDE and "Lightning App Builder" in GUIDE


def test_every_scope_the_app_asks_for_has_a_row_saying_why():
    manifest = json.loads((ROOT / "manifests" / "hubspot" / "app-hsmeta.json").read_text())["config"]["auth"]
    asked = {*manifest["requiredScopes"], *manifest["optionalScopes"], *(s.name for s in HUBSPOT_SCOPES),
             *(s.name for s in SALESFORCE_SCOPES)}
    rows = dict(re.findall(r"^\| `([a-z_.-]+)` \| (yes|optional) \|", GUIDE, flags=re.MULTILINE))
    assert asked <= set(rows), f"scopes without a row: {sorted(asked - set(rows))}"
    optional = {*manifest["optionalScopes"], *(s.name for s in (*HUBSPOT_SCOPES, *SALESFORCE_SCOPES) if not s.required)}
    assert {name for name, req in rows.items() if req == "optional"} == optional


def test_the_readme_links_the_admin_guide():
    assert "docs/admin.md" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_guide_is_for_admins_not_the_engineering_log():
    """The app serves this guide to a customer's admin (/admin/docs/admin.md); until wave 28 its last 460
    lines were the waves' walk logs ("Found and left (for whoever owns them)", worktree paths). Those live
    in docs/admin-walks.md."""
    assert not re.search(r"^#+ Wave \d", GUIDE, flags=re.MULTILINE)
    assert "/work/" not in GUIDE and "for whoever owns them" not in GUIDE
    walks = (ROOT / "docs" / "admin-walks.md").read_text(encoding="utf-8")
    assert re.search(r"^## Wave 22 — a new user's walk", walks, flags=re.MULTILINE)
    # the guide still has every section an admin reads
    for heading in ("## Install into a HubSpot portal", "## Install into a Salesforce org", "## Model cards",
                    "## Hosting", "## Configuration reference"):
        assert heading in GUIDE
