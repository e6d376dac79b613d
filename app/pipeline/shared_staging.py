"""Leftovers of the model store's old shared staging folder, `<store>/staging/<version>/`.

Until wave 29 `model train-from-crm` staged each challenger there (it now stages under
`<store>/<tenant>/staging/`, where the tenant's uninstall finds it): every earlier run left a model
trained on one tenant's deals, with its holdout predictions, that no uninstall ever erases. The next
training run (the CLI's or the scheduled one) removes them.

Only entries named like a staged version (`churn-20261125T163012123456Z-1a2b3c`) go: a tenant whose id
is `staging` keeps its task folders (`churn/`, its own `staging/`) in that same directory.
"""

from __future__ import annotations

import logging
import re
import shutil
from pathlib import Path

from scoring.registry import TASKS

log = logging.getLogger(__name__)

SHARED = "staging"
VERSION_NAME = re.compile(rf"(?:{'|'.join(TASKS)})-\d{{8}}T\d{{6,12}}Z-[0-9a-f]{{6}}")
"""A name `scoring.registry.new_version` gives (with or without the microseconds older versions lacked)."""


def remove_shared_staging(root: Path) -> list[str]:
    """Delete the staged versions left in `<root>/staging/`, then the folder if nothing else is in it.

    Returns the names removed (none on every later run). A symlinked folder or entry is left alone:
    the store never makes one, and following it could delete what is not the store's.
    """
    shared = Path(root) / SHARED
    if shared.is_symlink() or not shared.is_dir():
        return []
    removed = []
    for entry in sorted(shared.iterdir()):
        if entry.is_symlink() or not entry.is_dir() or not VERSION_NAME.fullmatch(entry.name):
            continue
        shutil.rmtree(entry, ignore_errors=True)
        if not entry.exists():
            removed.append(entry.name)
    try:
        shared.rmdir()  # only when empty: a tenant named "staging" keeps its folder
    except OSError:
        pass
    if removed:
        log.info(
            "removed %d challenger(s) left in the model store's old shared staging folder %s",
            len(removed),
            shared,
        )
    return removed
