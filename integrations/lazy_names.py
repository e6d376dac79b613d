"""A package's public names imported on first use (PEP 562), written once for the packages that start-up pays for.

Wave 39 made `scoring`, `integrations.sandbox` and `integrations.sandbox.salesforce_api` resolve their names lazily:
every `agentic-sales` command imported them at start-up (scikit-learn, XGBoost, the sandboxes' servers) whether or not
it used them. Each package had its own copy of the same `__getattr__`; this is that function, once. It lives in the
bottom layer so that `scoring` (which may import `integrations`, never `app`) can use it too.

    __getattr__, __dir__ = lazy_names(__name__, _HOMES, __all__)
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Collection, Mapping
from typing import Any


def lazy_names(package: str, homes: Mapping[str, str], exported: Collection[str],
               submodules: Collection[str] = ()) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """The `__getattr__` and `__dir__` of `package`: a name of `homes` is imported from its submodule (relative to the
    package) on first use and kept in the package's namespace, so later lookups skip the function; a name in
    `submodules` is that submodule itself (what `import package` used to import eagerly)."""

    def getattr_(name: str) -> Any:
        if name in submodules:
            return importlib.import_module(f".{name}", package)
        home = homes.get(name)
        if home is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(home, package), name)
        vars(sys.modules[package])[name] = value
        return value

    def dir_() -> list[str]:
        return sorted(set(vars(sys.modules[package])) | set(exported))

    return getattr_, dir_
