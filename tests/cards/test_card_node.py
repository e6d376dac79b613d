"""Run the React card's own checks (tsc, vitest) from pytest, and type-check the built project's copy.

Skipped only when Node.js is not installed. Installs the locked dependencies with
`npm ci --prefer-offline` (npm cache first) when node_modules is missing or older than the lock.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from integrations.hubspot.manifests import CARD_DIR, CARD_SOURCE_DIR, build_hubspot_project

NPM_TIMEOUT_SECONDS = 600
CHECK_TIMEOUT_SECONDS = 300

pytestmark = pytest.mark.skipif(
    not (shutil.which("node") and shutil.which("npm") and shutil.which("npx")),
    reason="Node.js (node, npm, npx) is not installed",
)


def _run(
    args: list[str], cwd: Path, timeout: int = CHECK_TIMEOUT_SECONDS
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CI": "1", "NO_COLOR": "1", "FORCE_COLOR": "0"}
    return subprocess.run(
        args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )


@pytest.fixture(scope="module")
def card_dir() -> Path:
    modules = CARD_SOURCE_DIR / "node_modules"
    marker = modules / ".package-lock.json"
    lock = CARD_SOURCE_DIR / "package-lock.json"
    if not marker.is_file() or lock.stat().st_mtime > marker.stat().st_mtime:
        done = _run(
            ["npm", "ci", "--prefer-offline", "--no-audit", "--no-fund"], CARD_SOURCE_DIR, NPM_TIMEOUT_SECONDS
        )
        assert done.returncode == 0, f"npm ci failed:\n{done.stdout}\n{done.stderr}"
    return CARD_SOURCE_DIR


def test_card_typechecks(card_dir: Path) -> None:
    done = _run(["npx", "--no-install", "tsc", "--noEmit"], card_dir)
    assert done.returncode == 0, done.stdout + done.stderr


def test_card_component_tests_pass(card_dir: Path) -> None:
    done = _run(["npx", "--no-install", "vitest", "run"], card_dir)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "passed" in done.stdout


def test_built_card_typechecks_with_generated_config(card_dir: Path, tmp_path: Path) -> None:
    project = build_hubspot_project("https://sales.example.com", tmp_path / "hubspot")
    built = project / CARD_DIR
    (built / "node_modules").symlink_to(card_dir / "node_modules", target_is_directory=True)
    done = _run(["npx", "--no-install", "tsc", "--noEmit"], built)
    assert done.returncode == 0, done.stdout + done.stderr
