"""Every demo card in Debian's chromium at 400 px: height budget, draft up top, copy works, no raw values.

The fixtures are card payloads a demo run served (tests/fixtures/hubspot/cards/); the end-to-end
demo test measures every card of a live run the same way (tests/e2e/test_demo_end_to_end.py).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from app.cards import render_card_html
from tests.cards.browser import measure, problems, require_chromium, serve

ROOT = Path(__file__).resolve().parents[2]
DEMO = sorted((ROOT / "tests/fixtures/hubspot/cards").glob("demo_deal_*.json"))
NOW = datetime(2026, 12, 1, 16, 0, tzinfo=UTC)


def test_every_demo_card_fits_the_sidebar_and_copies_its_draft(tmp_path: Path) -> None:
    require_chromium()
    assert len(DEMO) >= 5
    stage_ids = set()
    for path in DEMO:
        payload = json.loads(path.read_text())
        stage_ids.add(payload["record"]["stage"])
        html = render_card_html(payload, title=payload["record"]["name"], object_type="deal", now=NOW)
        (tmp_path / f"{path.stem}.html").write_text(html, encoding="utf-8")
    with serve(tmp_path) as base:
        measured = measure([f"{base}/{p.stem}.html" for p in DEMO])
    report = {m.url.rsplit("/", 1)[-1]: problems(m, stage_ids) for m in measured}
    assert all(not found for found in report.values()), report
    assert all(m.draft_top > 0 for m in measured)
