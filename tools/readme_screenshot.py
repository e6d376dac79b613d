"""Regenerate the README's opening: a screenshot of a real card and the demo's terminal transcript.

    make screenshot          # = python tools/readme_screenshot.py

Runs `agentic-sales demo --once` (embedded defaults, seed 7) into a scratch data directory,
photographs the card of the first deal the demo edited from the run's static snapshot in
Debian's chromium at HubSpot's sidebar width (400 px, details collapsed), writes docs/card.png
and rewrites the transcript block between the README's markers from the run's stderr.
Prints {"png", "bytes", "card", "transcript_lines", "demo_stderr_bytes"} as JSON on stdout.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PNG = ROOT / "docs" / "card.png"
README = ROOT / "README.md"
START, END = "<!-- demo-transcript:start -->", "<!-- demo-transcript:end -->"
CHROMIUM = "/usr/bin/chromium"
PROGRESS = re.compile(r"^[\w ]+: \d+/\d+ \w+$")
"""Progress lines ("enriching the edited deals: 8/15 deals"): bars on a terminal, left out here."""


def run_demo(data_dir: Path) -> tuple[dict, list[str], int]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "app", "demo", "--once", "--data-dir", str(data_dir)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=900, check=False)
    if done.returncode != 0:
        sys.exit(f"error: the demo failed (exit {done.returncode}): {done.stderr.strip().splitlines()[-1:]}")
    summary = json.loads(done.stdout.strip().splitlines()[-1])
    return summary, done.stderr.splitlines(), len(done.stderr.encode())


def photograph(card: Path, out: Path) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 400, "height": 1000}, device_scale_factor=1)
        page.goto(card.as_uri())
        page.get_by_test_id("card").screenshot(path=str(out))
        browser.close()


def transcript(stderr: list[str], snapshot: str) -> list[str]:
    lines = [line for line in stderr if line.strip() and not PROGRESS.match(line)]
    lines = [line.replace(snapshot, "~/.agentic-sales/demo/snapshot/index.html") for line in lines]
    return ["$ agentic-sales demo --once", *lines]


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="agentic-sales-screenshot-") as tmp:
        summary, stderr, stderr_bytes = run_demo(Path(tmp))
        snapshot = Path(summary["snapshot"])
        card = next((snapshot.parent / "cards").glob(f"*-{summary['record_ids'][0]}.html"))
        PNG.parent.mkdir(parents=True, exist_ok=True)
        photograph(card, PNG)
        lines = transcript(stderr, summary["snapshot"])
    text = README.read_text()
    block = f"{START}\n```text\n" + "\n".join(lines) + f"\n```\n{END}"
    if START in text and END in text:
        text = re.sub(re.escape(START) + ".*?" + re.escape(END), lambda _: block, text, flags=re.S)
        README.write_text(text)
    print(json.dumps({"png": str(PNG.relative_to(ROOT)), "bytes": PNG.stat().st_size, "card": card.name,
                      "transcript_lines": len(lines), "demo_stderr_bytes": stderr_bytes}))


if __name__ == "__main__":
    main()
