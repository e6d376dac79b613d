"""docs/contributing.md is followed step by step by people new to the code: every path, every
`file.py::name` and every `make` target it names must exist, or the recipe sends them nowhere."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "contributing.md"
TOPS = ("app", "agents", "scoring", "learning", "integrations", "webhooks", "tests", "docs", "tools",
        "benchmarks", "manifests", "ui_extensions", ".ci")

PATH = re.compile(r"`((?:" + "|".join(re.escape(t) for t in TOPS) + r")/[\w./<>-]*?)(?:::(\w+))?`")
"""A backticked repository path, optionally `::name` (a top-level def, class or assignment)."""
MAKE = re.compile(r"`make ([a-z][\w-]*)")
PYTEST_ID = re.compile(r'"(tests/[\w/]+\.py)::(test_\w+)"')


def named_paths(text: str) -> list[tuple[str, str | None]]:
    return [(m.group(1).rstrip("/."), m.group(2)) for m in PATH.finditer(text) if "<" not in m.group(1)]


def top_level_names(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.parse(path.read_text()).body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            names |= {t.id for t in node.targets if isinstance(t, ast.Name)}
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
    return names


def test_the_guide_names_many_files_so_the_checks_below_check_something():
    assert len(named_paths(DOC.read_text())) > 60


def test_every_path_the_guide_names_exists():
    missing = sorted({p for p, _ in named_paths(DOC.read_text())
                      if not (ROOT / p).exists() and "0010_" not in p})  # the example a recipe creates
    assert missing == [], f"docs/contributing.md names paths that do not exist: {missing}"


def test_every_file_py_name_the_guide_names_is_defined_there():
    missing = [f"{p}::{name}" for p, name in named_paths(DOC.read_text())
               if name and (not (ROOT / p).is_file() or name not in top_level_names(ROOT / p))]
    assert missing == []


def test_every_make_target_the_guide_names_is_in_the_makefile():
    makefile = (ROOT / "Makefile").read_text()
    targets = set(re.findall(r"^([a-z][\w-]*):", makefile, re.M))
    named = set(MAKE.findall(DOC.read_text()))
    assert named and named - targets == set()


def test_the_single_test_example_names_a_real_test():
    found = PYTEST_ID.findall(DOC.read_text())
    assert found
    for path, name in found:
        assert name in top_level_names(ROOT / path), f"{path}::{name}"


def test_the_readme_links_the_guide():
    assert "docs/contributing.md" in (ROOT / "README.md").read_text()


@pytest.mark.parametrize("text, expected", [
    ("see `app/retention.py::purge_expired` and `tests/`", [("app/retention.py", "purge_expired"), ("tests", None)]),
    ("`webhooks/<crm>/receiver.py` is a pattern", []),
    ("`make demo` is not a path, nor `README.md`", []),
])
def test_the_path_reader_sees_paths_and_names_and_skips_patterns(text, expected):
    assert named_paths(text) == expected
