"""Package hygiene: public names, import boundaries, module sizes."""

from __future__ import annotations

import ast
from pathlib import Path

import integrations.sandbox as sandbox
import integrations.sandbox.hubspot_api as hubspot_api
import integrations.sandbox.market as market

ROOT = Path(sandbox.__file__).parent


def test_public_names_are_sorted_and_exist():
    for mod in (sandbox, hubspot_api, market):
        assert list(mod.__all__) == sorted(mod.__all__)
        assert all(hasattr(mod, name) for name in mod.__all__)


def test_no_imports_of_the_app_agents_or_scoring():
    for path in ROOT.rglob("*.py"):
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            for name in names:
                assert name.split(".")[0] not in ("app", "agents", "scoring", "webhooks"), f"{path}: {name}"


def test_modules_stay_small():
    for path in ROOT.rglob("*.py"):
        assert len(path.read_text().splitlines()) < 400, path
