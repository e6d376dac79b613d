"""`agentic-sales sandbox serve` starts with no environment, seeded and answering within 30 s."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import requests


def test_serve_starts_clean_and_prints_its_url(tmp_path: Path):
    exe = shutil.which("agentic-sales", path=str(Path(sys.executable).parent)) or "agentic-sales"
    env = {"PATH": os.environ.get("PATH", ""), "HOME": str(tmp_path)}  # nothing else: no secrets, no DB
    started = time.monotonic()
    proc = subprocess.Popen([exe, "sandbox", "serve", "--port", "0", "--seed", "3", "--private-app-token", "pat-cli"],
                            cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()
        info = json.loads(line)
        r = requests.get(f"{info['url']}/crm/v3/objects/deals?limit=1", timeout=10,
                         headers={"Authorization": "Bearer pat-cli"})
        assert r.status_code == 200 and r.json()["results"]
        assert time.monotonic() - started < 30
        assert info["hub_ids"] == [62515]
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=10)
    assert "seeding market" in err  # logs on stderr, the result alone on stdout
