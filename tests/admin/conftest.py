"""Console fixtures: apps with an admin token, tenants, and sessions as sign-in leaves them."""

from __future__ import annotations

import re
import time
from typing import Any

import pytest

from tests.cards.browser import CHROMIUM, LAUNCH_ARGS, require_chromium
from tests.conftest import install_tenant

ADMIN_TOKEN = "op-" + "k7Qz" * 8
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


@pytest.fixture
def console(app_factory: Any) -> Any:
    """An app with two installed HubSpot tenants (A: 101, B: 202), A installed by ann@a.example."""
    application = app_factory(ADMIN_TOKEN=ADMIN_TOKEN)
    install_tenant(application, "101")
    install_tenant(application, "202")
    set_installer(application, "hubspot-101", "ann@a.example")
    set_installer(application, "hubspot-202", "bob@b.example")
    return application


def set_installer(application: Any, tenant_id: str, user: str) -> None:
    from sqlalchemy import update

    from app.storage import get_db
    from app.storage.models import Installation

    with get_db(application).session() as s:
        s.execute(update(Installation).where(Installation.tenant_id == tenant_id).values(installed_by=user))


def crm_session(client: Any, tenant_id: str, user: str, *, at: float | None = None) -> Any:
    """The session `finish_signin` writes after the CRM vouched for `user` of `tenant_id`."""
    with client.session_transaction() as sess:
        sess.clear()
        sess["console"] = {"method": "crm", "crm": "hubspot", "tenant": tenant_id, "user": user,
                           "at": int(at if at is not None else time.time())}
    return client


def operator_session(client: Any) -> Any:
    page = client.get("/admin/login").get_data(as_text=True)
    token = CSRF.search(page)
    assert token, "the sign-in page carries no CSRF token"
    resp = client.post("/admin/login", data={"csrf_token": token.group(1), "token": ADMIN_TOKEN,
                                              "next": "/admin/"})
    assert resp.status_code == 302, resp.get_data(as_text=True)
    return client


def csrf_of(client: Any, path: str) -> str:
    page = client.get(path)
    assert page.status_code == 200, (path, page.status_code)
    match = CSRF.search(page.get_data(as_text=True))
    assert match, f"{path} has no form with a CSRF token"
    return match.group(1)


@pytest.fixture(scope="module")
def browser() -> Any:
    """One headless Chromium per module for the console's browser journeys (skipped where chromium is absent)."""
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield b
        b.close()


@pytest.fixture
def computed(monkeypatch) -> list[int]:
    """Counts the learning report's computations (learning.report.summarise, the seconds-long part)."""
    import learning.report

    calls: list[int] = []
    real = learning.report.summarise

    def counting(rows: Any, **kw: Any) -> Any:
        calls.append(len(rows))
        return real(rows, **kw)

    monkeypatch.setattr(learning.report, "summarise", counting)
    return calls


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> Any:
    """The console served on loopback with the app installed, one per browser-test module (tests/admin/live.py);
    a module that starts before the install (test_journeys_in_browser.py) defines its own."""
    from tests.admin.live import live_console

    require_chromium()
    with live_console(tmp_path_factory.mktemp(request.module.__name__.rsplit(".", 1)[-1])) as handle:
        handle.install()
        yield handle


@pytest.fixture(scope="module")
def admin_page(live: Any, browser: Any) -> Any:
    """A desktop-sized browser page signed in to `live` as the operator."""
    from tests.admin.live import signed_in_desktop

    with signed_in_desktop(browser, live.url) as page:
        yield page
