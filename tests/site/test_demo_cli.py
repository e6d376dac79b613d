"""`agentic-sales demo`: JSON on stdout, a few sentences on stderr, one URL or one snapshot path.

The fast tests drive the CLI with a stand-in for the Demo (same methods, same progress calls) so
the command's own output is checked; the slow one runs the real `demo --once` in a subprocess and
holds it to the issue's budget (stderr < 2 KB when redirected to a file).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parents[2]
URL = re.compile(r"https?://\S+")


class StandInDemo:
    """What the CLI needs from app.demo.Demo, with the progress the real one reports."""

    def __init__(self, opts, progress) -> None:
        self.opt, self.say = opts, progress
        self.app = type("App", (), {"config": {}, "extensions": {}})()
        self.url, self.backfilled, self.changed = "http://127.0.0.1:5999", 40, {str(i): 0.0 for i in range(15)}
        self.sandbox_url = "http://127.0.0.1:5998"

    def start(self) -> None:
        self.say("Started the app and a simulated HubSpot account (market seed 7).")

    def install(self) -> None:
        self.say("Installed the app in account 62515 through OAuth; 10 output fields created.")

    def train(self) -> None:
        self.say("Trained the conversion (AUC 0.72) model from the account's history.")

    def backfill(self) -> None:
        self.say("Scoring the 40 open deals already in the account.")

    def deal_words(self) -> tuple[str, str]:
        return ("deal", "deals")

    def backfilled_kinds(self) -> str:
        return "40 open deals"

    def drain(self, tick) -> None:
        for done in range(41):
            tick(done, 40)

    def arm(self) -> None:
        pass

    def counters(self) -> dict:
        return {}

    def change(self, n: int) -> None:
        self.say(f"Edited 15 deals as a rep would ({n} changes); signed webhooks are flowing.")

    def wait(self, tick) -> dict:
        for done in range(16):
            tick(done, 15)
        return {}

    def summary(self, latencies, counted=None) -> dict:
        return {"crm": "hubspot", "changes_sent": 30, "records_changed": 15, "records_enriched": 15,
                "records_backfilled": 40, "fields_written": 120, "tasks_written": 15, "notes_written": 27,
                "token_refreshes": 3, "rate_limited_retries": 0, "errors": 0, "latency_ms": {"p50": 9000, "p95": 20000}}

    def stop(self, wait: float | None = None) -> None:
        pass


class NoLlm:
    """The demo's --llm setup, left at the offline default."""

    def arm(self, run) -> None:
        pass

    def summary(self, run) -> dict:
        return {}

    def stop(self, wait: float | None = None) -> None:
        pass


@pytest.fixture
def cli(monkeypatch, tmp_path):
    import app.demo
    import app.demo_llm
    import app.site.snapshot

    monkeypatch.setattr(app.demo_llm, "prepare_from_cli", lambda changes: (NoLlm(), changes))
    monkeypatch.setattr(app.demo, "Demo", StandInDemo)
    snapshot = tmp_path / "snapshot" / "index.html"
    monkeypatch.setattr(app.site.snapshot, "write_snapshot", lambda *a, **k: snapshot)
    from app.cli.demo import demo as command

    return command, snapshot


def test_demo_once_prints_the_summary_on_stdout_and_the_snapshot_path_not_a_url(cli, tmp_path) -> None:
    group, snapshot = cli
    result = CliRunner().invoke(group, ["--once", "--data-dir", str(tmp_path)])
    assert result.exit_code == 0, result.stderr
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    assert summary["snapshot"] == str(snapshot) and summary["records_enriched"] == 15
    assert not URL.search(result.stderr)
    assert result.stderr.strip().splitlines()[-1] == f"Every card, browsable offline: {snapshot}"
    assert "\r" not in result.stderr and "{" not in result.stderr
    assert len(result.stderr.encode()) < 2048


def test_demo_without_once_prints_exactly_one_url_the_index(cli, tmp_path, monkeypatch) -> None:
    group, _ = cli
    import app.cli.demo as demo_cli

    def interrupt() -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(demo_cli, "serve_until_interrupted", interrupt)
    result = CliRunner().invoke(group, ["--data-dir", str(tmp_path)])
    assert URL.findall(result.stderr) == ["http://127.0.0.1:5999/"]
    assert json.loads(result.stdout.strip().splitlines()[-1])["records_enriched"] == 15


@pytest.mark.slow
@pytest.mark.timeout(900)  # a whole demo run; minutes on a busy 2-core machine
def test_a_real_demo_once_keeps_stderr_under_2_kb_and_leaves_a_snapshot(tmp_path) -> None:
    err = tmp_path / "stderr.txt"
    with err.open("w") as stderr:
        done = subprocess.run([sys.executable, "-m", "app", "demo", "--once", "--data-dir", str(tmp_path / "data")],
                              cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=subprocess.PIPE,
                              stderr=stderr, text=True, timeout=900, check=False)
    assert done.returncode == 0, err.read_text()[-2000:]
    summary = json.loads(done.stdout.strip().splitlines()[-1])
    assert err.stat().st_size < 2048, err.read_text()
    index = Path(summary["snapshot"])
    assert index.is_file() and len(list((index.parent / "cards").glob("*.html"))) >= summary["records_enriched"]
