"""The preview page and the React card build the same view from the same payload.

`ui_extensions/hubspot/tests/fixtures/views/<payload>.json` holds what app/cards/view.py makes of
each fixture payload at a fixed time; this test keeps those files equal to the Python view and
`ui_extensions/hubspot/tests/view.test.ts` checks that view.ts makes exactly the same (keys in
snake_case). Regenerate after a deliberate change with AGENTIC_SALES_UPDATE_CARD_VIEWS=1.
"""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.cards.view import card_view

ROOT = Path(__file__).resolve().parents[2]
VIEWS = ROOT / "ui_extensions/hubspot/tests/fixtures/views"
NOW = datetime(2026, 12, 1, 16, 0, tzinfo=UTC)
"""The reader's clock for every view (view.test.ts uses the same instant)."""

PAYLOADS = sorted([*(ROOT / "tests/fixtures/hubspot/cards").glob("demo_deal_*.json"),
                   *(ROOT / "ui_extensions/hubspot/tests/fixtures").glob("payload_*.json")])


def python_view(path: Path) -> dict:
    view = card_view(json.loads(path.read_text()), object_type="deal", now=NOW)
    view.pop("record")  # the page's title; the React card reads the record from HubSpot's context
    return json.loads(json.dumps(view))


@pytest.mark.parametrize("path", PAYLOADS, ids=lambda p: p.stem)
def test_the_committed_view_is_what_the_python_card_shows(path: Path) -> None:
    expected = VIEWS / f"{path.stem}.json"
    view = python_view(path)
    if os.environ.get("AGENTIC_SALES_UPDATE_CARD_VIEWS") == "1":
        VIEWS.mkdir(parents=True, exist_ok=True)
        expected.write_text(json.dumps(view, indent=1, sort_keys=True, ensure_ascii=False) + "\n")
    assert expected.is_file(), f"{expected} is missing: run with AGENTIC_SALES_UPDATE_CARD_VIEWS=1"
    assert json.loads(expected.read_text()) == view
