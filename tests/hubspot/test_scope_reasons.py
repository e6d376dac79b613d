"""Why each OAuth scope is asked for: the install-health page and docs/admin.md say the same thing, scope by scope.

The console's permissions table shows each connector's `ScopeSpec.why`; an admin reading it beside the
admin guide must find the same reason for the same scope, and a reason that says what this scope is for.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from integrations.hubspot import connector as hubspot
from integrations.salesforce import connector as salesforce

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "admin.md"


def guide_table(section: str) -> dict[str, str]:
    """{scope: why} from the scope table under the guide's `## <section>` heading."""
    text = GUIDE.read_text(encoding="utf-8")
    body = text.split(f"## {section}", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| `([^`]+)` \| (?:yes|optional) \| (.+?) \| .+? \|$", body, flags=re.MULTILINE)
    return dict(rows)


@pytest.mark.parametrize("section, specs", [
    ("Install into a HubSpot portal", hubspot.SCOPES),
    ("Install into a Salesforce org", salesforce.SCOPES),
])
def test_the_console_and_the_admin_guide_give_the_same_reason_for_every_scope(section, specs):
    table = guide_table(section)
    assert set(table) == {s.name for s in specs}
    for spec in specs:
        assert spec.why == table[spec.name], spec.name


def test_no_two_hubspot_scopes_share_a_reason():
    reasons = [s.why for s in hubspot.SCOPES]
    assert all(reasons) and len(set(reasons)) == len(reasons)
