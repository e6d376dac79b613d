"""Under `make test`'s `--dist loadscope --no-loadscope-reorder`, the modules that take longest start first.

pytest-xdist hands a worker its next module when two of its tests are left, in the order of the collection; by
default (`--loadscope-reorder`) it first sorts the modules by their number of tests, most first. The costliest modules
of the suite are the process-level ones (RQ workers, CLI subprocesses, sandboxes, browsers) with a few tests each,
so that order started them last, and the run ended on whichever worker drew the last of them while the other one
idled (wave 41, docs/contributing.md). Here the modules of SLOWEST go first, in its order, and every other module
after them in xdist's own order (most tests first): the longest-processing-first rule, whose tail is the cheap modules.

Only xdist's workers reorder (their collection is the one the scheduler reads), and only when reordering by count was
switched off: a run in one process, or under `--dist load`/`loadgroup`, keeps the collection's order.
Loaded by tests/conftest.py (`pytest_plugins`); `-p tests.xdist_order` loads it alone (tests/agents/
test_wave41_suitetime41_xdist_order.py).
"""

from __future__ import annotations

from collections import Counter

import pytest

SLOWEST = (
    "tests/platform/test_rq_workers_end_to_end.py",
    "tests/front_door/test_cli_database_errors.py",
    "tests/pipeline/test_first_training_after_install.py",
    "tests/platform/test_backfill_batches.py",
    "tests/front_door/test_startup_services.py",
    "tests/settings/test_cli.py",
    "tests/privacy/test_cli_training_erased.py",
    "tests/scoring/test_trust.py",
    "tests/scoring/test_served_model.py",
    "tests/scoring/test_cli.py",
    "tests/admin/test_journeys_in_browser.py",
    "tests/scoring/test_promotion_evidence.py",
    "tests/scoring/test_registry_and_scores.py",
    "tests/front_door/test_admin_and_secrets.py",
    "tests/scoring/test_lead_conversion.py",
    "tests/a11y/test_console.py",
    "tests/sandbox/test_market.py",
    "tests/cards/test_card_node.py",
    "tests/admin/test_llm_page_reads_the_workers.py",
)
"""Test files by their wall on one worker, longest first (measured: wave 40's per-file table, this wave's run)."""


def module_of(item: pytest.Item) -> str:
    return item.nodeid.split("::", 1)[0]


def longest_first(modules: list[str], slowest: tuple[str, ...] = SLOWEST) -> list[str]:
    """The modules in the order to start them: those of `slowest` in its order, then the rest by their number of
    tests, most first (xdist's reorder), a tie in the collection's order. `modules` holds one entry per test."""
    tests = Counter(modules)
    first_seen = {m: i for i, m in reversed(list(enumerate(modules)))}
    rank = {m: i for i, m in enumerate(slowest)}
    return sorted(tests, key=lambda m: (rank.get(m, len(rank)), -tests[m], first_seen[m]))


def reordering(config: pytest.Config) -> bool:
    """An xdist worker of a run told not to reorder modules by their number of tests."""
    return getattr(config, "workerinput", None) is not None and config.getoption("loadscopereorder", True) is False


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if not reordering(config):
        return
    order = {m: i for i, m in enumerate(longest_first([module_of(item) for item in items]))}
    items.sort(key=lambda item: order[module_of(item)])  # stable: a module's tests keep their order
