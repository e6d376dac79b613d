"""pytest-xdist's `--dist loadgroup` made to group again, and a test naming no group run with its module.

loadgroup sends the tests of one `xdist_group` to one worker by reading the group from a suffix of each test's node id
("tests/x.py::test_a@market-salesforce-0"), which xdist 3.8 writes into `item._nodeid`. pytest 9.2 derives `nodeid`
from `item._id` and no longer reads `_nodeid`, so the suffix never appeared and loadgroup handed out every test alone:
the vendor replay's Lead and Opportunity cases of one Salesforce org went to both workers and trained the org twice,
and under `make test-embedded -n 2` a module's module-scoped demo was built on each worker that got one of its tests
(found in wave 36: a module fixture built twice under `-n 2 --dist loadgroup`, tests/test_xdist_groups.py).

Here, before xdist's own hook: a test naming no group gets its module's (loadscope's rule), and every test's node id
gets the suffix xdist would have written. Without loadgroup nothing changes (loadscope and no-xdist runs).

Loaded by tests/conftest.py (`pytest_plugins`); `-p tests.xdist_groups` loads it alone (tests/test_xdist_groups.py).
"""

from __future__ import annotations

import pytest


def module_group(item: pytest.Item) -> str:
    """The group of a test that names none: its module's file, as loadscope would scope it."""
    return item.nodeid.split("::", 1)[0]


def group_of(item: pytest.Item) -> str:
    """The test's group as xdist names it: its `xdist_group` marks' names, sorted and joined by "_"."""
    names = {str(mark.args[0] if mark.args else mark.kwargs.get("name", "default"))
             for mark in item.iter_markers("xdist_group")}
    return "_".join(sorted(names))


def grouped(config: pytest.Config) -> bool:
    """Whether this run distributes by group: the controller's `--dist`, or a worker's `loadgroup` (its `dist` is
    "no")."""
    return config.getoption("dist", None) == "loadgroup" or bool(getattr(config.option, "loadgroup", False))


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if not grouped(config):
        return
    for item in items:
        if item.get_closest_marker("xdist_group") is None:
            item.add_marker(pytest.mark.xdist_group(module_group(item)))
        suffix = f"@{group_of(item)}"
        if not item.nodeid.endswith(suffix):
            # The id xdist's scheduler reads the group from; pytest keeps an item's id in `_id` (a NodeId whose
            # parse of a string keeps that string as it is).
            item._id = type(item.id).parse(item.nodeid + suffix)  # type: ignore[attr-defined]
