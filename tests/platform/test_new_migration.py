"""`make migration NAME=...` (tools/new_migration.py) writes the next revision, named like the others
and clean under the project's ruff rules: the template it used before wave 19 failed `make lint`."""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app.storage import migrate

ROOT = Path(__file__).resolve().parents[2]


def load_tool():
    spec = importlib.util.spec_from_file_location("new_migration", ROOT / "tools" / "new_migration.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def migrations(tmp_path, monkeypatch):
    """A copy of the migrations directory the tool writes into, so the repository stays as it is."""
    copy = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS_DIR, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", copy)
    return copy


def test_the_next_revision_is_numbered_after_the_head_and_passes_the_linter(migrations, capsys):
    head = migrate.head_revision()
    number = int(head.split("_", 1)[0]) + 1

    assert load_tool().main(["llm_usage_index"]) == 0

    out = json.loads(capsys.readouterr().out)
    written = migrations / "versions" / f"{number:04d}_llm_usage_index.py"
    assert out["revision"] == f"{number:04d}_llm_usage_index" and out["down_revision"] == head
    assert out["empty"] is True  # the models and the migrations agree
    assert Path(out["path"]) == written and written.exists()
    text = written.read_text()
    assert f"down_revision = {head!r}" in text
    lint = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", str(written)],
                          capture_output=True, text=True, cwd=ROOT)
    assert lint.returncode == 0, lint.stdout


@pytest.mark.parametrize("name", ["Bad-Name", "x", "0010_starts_with_a_digit", ""])
def test_a_name_that_is_not_lower_case_words_is_refused_with_the_usage_and_writes_nothing(name, migrations, capsys):
    before = sorted(p.name for p in (migrations / "versions").iterdir())

    assert load_tool().main([name]) == 2

    assert "usage: make migration NAME=" in capsys.readouterr().err
    assert sorted(p.name for p in (migrations / "versions").iterdir()) == before
