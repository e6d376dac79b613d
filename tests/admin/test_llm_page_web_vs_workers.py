"""The LLM page's "Configured" column says whose configuration it is: the web process's own `LLM_<ROLE>` defaults
and provider settings are shown beside what each worker reported, a difference is called out, and with no report
the table says it is only the web process's view."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.admin.conftest import ADMIN_TOKEN, set_installer
from tests.admin.test_llm_page_reads_the_workers import KEY, llm_page, role_row
from tests.conftest import install_tenant, redis_url

A = "hubspot-101"


@pytest.fixture
def web(app_factory):
    """The web process: jobs on separate (RQ) workers, its own writer default `anthropic:claude-sonnet-4`, and the
    OpenAI key in its environment."""
    app = app_factory(ADMIN_TOKEN=ADMIN_TOKEN, REDIS_URL=redis_url() or "redis://127.0.0.1:1/0", START_WORKER=False,
                      OPENAI_API_KEY=KEY, LLM_WRITER="anthropic:claude-sonnet-4")
    install_tenant(app, "101")
    set_installer(app, A, "ann@a.example")
    return app


def worker(app_factory, name: str, *, environ: dict[str, str], **config) -> None:
    from app.worker_report import report

    report(app_factory(START_WORKER=False, OPENAI_API_KEY=None, **config), name, datetime.now(UTC), environ=environ)


def test_with_no_report_the_configured_column_is_labelled_as_the_web_processs_view(web):
    page = llm_page(web)
    assert 'id="no-workers"' in page and 'id="web-view-only"' in page
    assert "Configured (this web process)" in page
    assert "its own <code>LLM_&lt;ROLE&gt;</code> defaults and provider settings (openai)" in page
    assert "<code>anthropic:claude-sonnet-4</code></td><td>deployment default</td>" in role_row(page, "writer")
    assert KEY not in page


def test_a_worker_with_another_default_is_shown_beside_the_web_processs_and_the_difference_named(web, app_factory):
    worker(app_factory, "host-a:11", environ={"OPENAI_API_KEY": KEY}, LLM_WRITER="openai:gpt-4o")
    page = llm_page(web)
    writer = role_row(page, "writer")
    cells = writer.split("<td>")
    configured_on_workers, web_sees, runs = cells[2], cells[3], cells[4]
    assert "<code>openai:gpt-4o</code> (deployment default)" in configured_on_workers and "the one worker" \
        in configured_on_workers
    assert "<code>anthropic:claude-sonnet-4</code> (deployment default)" in web_sees and "differs" in web_sees
    assert "openai:gpt-4o" in runs  # what runs is the worker's, not the web process's anthropic default
    assert 'id="web-differs"' in page
    differs = page.split('id="web-differs"', 1)[1].split("</p>", 1)[0].replace("\n", " ")
    assert "the writer is <code>anthropic:claude-sonnet-4</code> (deployment default) here but " \
           "<code>openai:gpt-4o</code> (deployment default) on host-a:11." in differs
    assert "this web process openai; host-a:11: openai." in page.replace("\n", " ")
    assert "The workers' own, as they reported: host-a:11: analyst <code>offline:template-v1</code>, strategist " \
           "<code>offline:template-v1</code>, writer <code>openai:gpt-4o</code>." in page
    assert KEY not in page


def test_workers_configured_like_the_web_process_raise_no_difference(web, app_factory):
    for name in ("host-a:11", "host-b:22"):
        worker(app_factory, name, environ={}, LLM_WRITER="anthropic:claude-sonnet-4")
    page = llm_page(web)
    assert 'id="web-differs"' not in page and "differs" not in role_row(page, "writer")
    assert "(all 2 workers)" in role_row(page, "writer").split("<td>")[2]
    # the same configuration, another environment: no key for anthropic anywhere, openai on the web process only
    assert "this web process openai; host-a:11, host-b:22: none." in page.replace("\n", " ")
    assert "host-a:11, host-b:22: analyst <code>offline:template-v1</code>" in page  # one line for alike workers


def test_the_tenants_own_setting_applies_everywhere_so_the_web_and_workers_agree(web, app_factory):
    from app import settings as service

    service.update(web, A, {"llm_roles.writer": "openai:gpt-4o"}, author="test")
    worker(app_factory, "host-a:11", environ={"OPENAI_API_KEY": KEY}, LLM_WRITER="offline:template")
    page = llm_page(web)
    writer = role_row(page, "writer")
    assert "<code>openai:gpt-4o</code> (this account&#39;s setting)" in writer.split("<td>")[2]
    assert "differs" not in writer and 'id="web-differs"' not in page


def test_two_workers_configured_differently_are_each_named(web, app_factory):
    worker(app_factory, "host-a:11", environ={}, LLM_WRITER="anthropic:claude-sonnet-4")
    worker(app_factory, "host-b:22", environ={"OPENAI_API_KEY": KEY}, LLM_WRITER="openai:gpt-4o")
    page = llm_page(web)
    configured = role_row(page, "writer").split("<td>")[2]
    assert "<code>anthropic:claude-sonnet-4</code> (deployment default) <span class=\"muted\">(host-a:11)" \
        in configured
    assert "<code>openai:gpt-4o</code> (deployment default) <span class=\"muted\">(host-b:22)" in configured
    differs = page.split('id="web-differs"', 1)[1].split("</p>", 1)[0]
    assert "host-b:22" in differs and "host-a:11" not in differs  # the one configured as the web process is not


def test_with_the_in_process_worker_the_web_process_is_the_worker_and_no_comparison_is_made(app_factory):
    app = app_factory(ADMIN_TOKEN=ADMIN_TOKEN, LLM_WRITER="anthropic:claude-sonnet-4")
    install_tenant(app, "101")
    set_installer(app, A, "ann@a.example")
    page = llm_page(app)
    assert 'id="runs-here"' in page and 'id="web-differs"' not in page and 'id="web-view-only"' not in page
    assert "Deployment defaults per role: analyst" in page
