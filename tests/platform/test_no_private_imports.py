"""Tests reach the product through its public names: a test importing a module's `_private` helper pins that helper's
name and shape, so the module cannot be changed without breaking tests that say nothing about what a user sees.

A private name may be imported only by the module's own tests: a test file named `test_<module>...py`, where
<module> is the last public part of the imported module's path (tests/sandbox/test_market*.py for
integrations.sandbox.market). Everything else uses the public name or the public API. Helpers shared between test
files (tests.*) are not the product and are not checked here.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRODUCT_PACKAGES = frozenset({"app", "agents", "integrations", "scoring", "learning", "webhooks", "benchmarks",
                              "tools", "wsgi"})

STILL_PRIVATE = frozenset({
    # agents/ is being changed by another helper in wave 31 (issue 11): made public there next, not under its feet.
    ("tests/agents/measure_role_screen.py", "agents.learned_screen", "_CONDITION"),
    ("tests/agents/measure_role_screen.py", "agents.learned_screen", "_QUESTION"),
    ("tests/agents/test_output_invariants.py", "agents.analyst", "_label"),
    ("tests/agents/test_spelled_amounts.py", "agents.claims", "_SPELLED_MONEY"),
    ("tests/agents/test_spelled_amounts.py", "agents.claims", "_SPELLED_MONEY_UNIT"),
    ("tests/agents/test_wave8_kinds.py", "agents.analyst", "_label"),
    ("tests/llm/summarise_capture.py", "agents.echo", "_words"),
    ("tests/llm/test_real_model.py", "agents.echo", "_words"),
})
"""Imports of private names that predate this test (wave 31), each to be made public: the list only shrinks."""


def is_private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def private_imports(path: Path) -> list[tuple[str, str, str, int]]:
    """(test file, module, private name, line) of each private name a test file imports from the product, other than
    its own module's."""
    found = []
    rel = path.relative_to(ROOT).as_posix()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), rel)):
        if not isinstance(node, ast.ImportFrom) or node.level or not node.module:
            continue
        parts = node.module.split(".")
        if parts[0] not in PRODUCT_PACKAGES:
            continue
        public = [p for p in parts if not is_private(p)]
        if path.stem.startswith(f"test_{public[-1]}"):
            continue  # the module's own tests
        found += [(rel, node.module, alias.name, node.lineno) for alias in node.names if is_private(alias.name)]
    return found


def test_no_test_imports_a_private_name_of_another_module_than_its_own():
    found = [f for path in sorted((ROOT / "tests").rglob("*.py")) for f in private_imports(path)]
    new = [f"{rel}:{line}: from {module} import {name}" for rel, module, name, line in found
           if (rel, module, name) not in STILL_PRIVATE]
    assert not new, "make these names public in their module, or test through its public API:\n" + "\n".join(new)


def test_the_list_of_private_imports_still_allowed_only_names_ones_that_exist():
    found = {(rel, module, name) for path in sorted((ROOT / "tests").rglob("*.py"))
             for rel, module, name, _line in private_imports(path)}
    gone = sorted(STILL_PRIVATE - found)
    assert not gone, f"made public or no longer imported: remove them from STILL_PRIVATE: {gone}"


def test_the_check_finds_a_private_import_and_spares_the_modules_own_tests(tmp_path, monkeypatch):
    tests = tmp_path / "tests"
    tests.mkdir()
    (tests / "test_other.py").write_text("from app.sync import _unexplained\nfrom app.sync import reconcile\n")
    (tests / "test_sync_reasons.py").write_text("from app.sync import _unexplained\n")
    (tests / "test_helpers.py").write_text("from tests.agents.test_quality import _checks\n")
    monkeypatch.setattr(__import__(__name__, fromlist=["ROOT"]), "ROOT", tmp_path)
    assert private_imports(tests / "test_other.py") == [("tests/test_other.py", "app.sync", "_unexplained", 1)]
    assert private_imports(tests / "test_sync_reasons.py") == []
    assert private_imports(tests / "test_helpers.py") == []
