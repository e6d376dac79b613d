"""One chromium per test module (a session-wide one would still hold Playwright's event loop when
tests/admin and tests/cards start their own), and axe-core's script read once."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.a11y.audit import axe_source
from tests.cards.browser import CHROMIUM, LAUNCH_ARGS, require_chromium


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="session")
def axe() -> str:
    require_chromium()
    return axe_source()
