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


def test_control_commands_talk_to_a_running_sandbox(sandbox):
    from click.testing import CliRunner

    from app.cli.sandbox import sandbox as group

    runner = CliRunner()
    out = runner.invoke(group, ["advance", "--url", sandbox.url, "--days", "1"])
    assert out.exit_code == 0 and json.loads(out.output)["events"]
    out = runner.invoke(group, ["rep-changes", "--url", sandbox.url, "--count", "2"])
    assert out.exit_code == 0 and len(json.loads(out.output)["changes"]) == 2
    out = runner.invoke(group, ["stats", "--url", "http://127.0.0.1:9"])
    assert out.exit_code == 1
