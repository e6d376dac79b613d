"""An admin command against a database it cannot reach says so in one line that names DATABASE_URL
(its password hidden) and exits non-zero: `costs show` and `backfill` answered with a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import TEST_SECRET_KEY, TEST_TOKEN_KEY

ROOT = Path(__file__).resolve().parents[2]
UNREACHABLE = "postgresql://revops:s3cret-pw@127.0.0.1:1/agentic"
"""Port 1 on loopback: refused at once, nothing listens there."""


def agentic_sales(*args: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("AGENTIC_SALES_") and k not in ("DATABASE_URL", "REDIS_URL")}
    env.update({"DATABASE_URL": UNREACHABLE, "AGENTIC_SALES_TOKEN_KEY": TEST_TOKEN_KEY,
                "AGENTIC_SALES_SECRET_KEY": TEST_SECRET_KEY, "HOME": str(tmp_path), "PYTHONPATH": str(ROOT)})
    return subprocess.run([sys.executable, "-m", "app", *args], capture_output=True, text=True, env=env,
                          cwd="/", timeout=120)


@pytest.mark.parametrize("args", [
    ("tenants", "list"),
    ("settings", "show", "--tenant", "hubspot-1"),
    ("mappings", "show", "--tenant", "hubspot-1"),
    ("costs", "show", "--tenant", "hubspot-1"),
    ("privacy", "purge", "--tenant", "hubspot-1"),
    ("backfill", "--tenant", "hubspot-1"),
], ids=lambda a: " ".join(a[:2]))
def test_an_unreachable_database_is_one_line_naming_database_url_without_its_password(args, tmp_path):
    r = agentic_sales(*args, tmp_path=tmp_path)

    assert r.returncode != 0
    assert "Traceback" not in r.stderr, r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    assert "DATABASE_URL" in lines[0] and "127.0.0.1:1" in lines[0]
    assert "s3cret-pw" not in r.stderr and r.stdout == ""
