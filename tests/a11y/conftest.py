"""One chromium for every accessibility test of a session, and axe-core's script read once."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.a11y.audit import axe_source
from tests.cards.browser import CHROMIUM, LAUNCH_ARGS, require_chromium


@pytest.fixture(scope="session")
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
