"""DESIGN.md's layering rules, checked on every module's imports (including imports inside
functions): a violation names the file, the line and the rule."""

from __future__ import annotations

import ast
import io
import re
import tokenize
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CRMS = sorted(p.name for p in (ROOT / "integrations").iterdir()
              if p.is_dir() and (p / "connector.py").exists())


def imports(package: str) -> list[tuple[str, int, str]]:
    """(file, line, imported module) for every import under a package directory."""
    out = []
    for path in sorted((ROOT / package).rglob("*.py")):
        tree = ast.parse(path.read_text(), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                out += [(str(path.relative_to(ROOT)), node.lineno, a.name) for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                out.append((str(path.relative_to(ROOT)), node.lineno, node.module))
    return out


def offending(package: str, forbidden: tuple[str, ...]) -> list[str]:
    return [f"{f}:{line} imports {mod}" for f, line, mod in imports(package)
            if any(mod == p or mod.startswith(p + ".") for p in forbidden)]


def test_no_product_package_imports_the_tests():
    # What an installed package needs must be in it: tests/ is not shipped, and a product module
    # that reads the harness or fixtures is a build tool in the wrong place.
    for package in ("app", "agents", "scoring", "learning", "integrations", "webhooks"):
        assert offending(package, ("tests",)) == [], package


def test_there_is_at_least_one_connector_to_check():
    assert "hubspot" in CRMS


def test_app_imports_no_crm_package_it_asks_the_registry():
    forbidden = tuple(f"{layer}.{crm}" for layer in ("integrations", "webhooks") for crm in CRMS)
    assert offending("app", forbidden) == []


def test_app_code_never_compares_against_a_crm_name():
    # either side and either comparison: `crm != "salesforce"` branched on a name as much as `==` (wave 23)
    names = "|".join(CRMS)
    pattern = re.compile(r"""[!=]=\s*['"](""" + names + r""")['"]|['"](""" + names + r""")['"]\s*[!=]=""")
    hits = [f"{p.relative_to(ROOT)}:{i}" for p in sorted((ROOT / "app").rglob("*.py"))
            for i, line in enumerate(p.read_text().splitlines(), 1) if pattern.search(line)]
    assert hits == []


def crm_names_in_code(package: str) -> list[str]:
    """Where code (not a string, comment or docstring) under `package` names a CRM: an
    identifier such as `build_hubspot_project`, or an import of any module whose dotted name has a
    CRM in it (the vendor SDK, a CRM's sandbox package). Upper-case setting names
    (`HUBSPOT_CLIENT_ID`) are configuration keys, as `grep hubspot` (case-sensitive) sees it."""
    hits = []
    for path in sorted((ROOT / package).rglob("*.py")):
        rel = str(path.relative_to(ROOT))
        for tok in tokenize.generate_tokens(io.StringIO(path.read_text()).readline):
            if tok.type == tokenize.NAME and any(crm in tok.string for crm in CRMS):
                hits.append(f"{rel}:{tok.start[0]} names {tok.string}")
    return sorted(set(hits))


def test_app_code_names_no_crm_only_configuration_data_and_comments_may():
    assert crm_names_in_code("app") == []


def test_the_crm_name_check_sees_identifiers_and_imports_but_not_strings(tmp_path, monkeypatch):
    fake = tmp_path / "app"
    fake.mkdir()
    (fake / "x.py").write_text('"""hubspot in a docstring."""\nNAMES = {"hubspot": "HubSpot"}  # hubspot\n'
                               "def f():\n    from hubspot import HubSpot\n    return build_hubspot_project\n")
    import sys

    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)
    assert crm_names_in_code("app") == ["app/x.py:4 names hubspot", "app/x.py:5 names build_hubspot_project"]


@pytest.mark.parametrize("package", ["agents", "scoring", "learning"])
def test_the_core_never_imports_flask_or_the_app(package):
    if not (ROOT / package).exists():
        pytest.skip(f"{package}/ is not in this checkout")
    assert offending(package, ("flask", "app", "werkzeug")) == []


def test_integrations_never_import_the_app_agents_or_scoring():
    assert offending("integrations", ("app", "agents", "scoring", "learning")) == []


def test_the_checker_catches_a_violation(tmp_path, monkeypatch):
    fake = tmp_path / "scoring"
    fake.mkdir()
    (fake / "bad.py").write_text("def f():\n    from app.storage import get_db\n")
    import sys

    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)
    assert offending("scoring", ("app",)) == ["scoring/bad.py:2 imports app.storage"]
