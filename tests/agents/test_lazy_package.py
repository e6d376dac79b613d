"""`agents` loads its public names on first use (wave 22): a process that only needs the settings
schema, an error type or the catalogue (every CLI command, the web app) no longer compiles every
check's tables, and a process that runs the agents still loads every check."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def loaded_after(code: str) -> set[str]:
    """The `agents` modules a fresh interpreter holds after running `code` (this checkout's code:
    PYTHONPATH, not the virtualenv's editable install, which may point at another checkout)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "OMP_NUM_THREADS": "1"}
    probe = code + "\nimport json, sys\nprint(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] == 'agents')))"
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120, check=True)
    return set(json.loads(done.stdout.splitlines()[-1]))


def test_the_settings_schema_and_an_error_type_load_no_check():
    loaded = loaded_after("import app.settings.schema\nfrom agents.errors import ConfigurationError")
    assert {"agents.run", "agents.safety", "agents.quality", "agents.analyst", "agents.writer"}.isdisjoint(loaded)
    assert "agents.catalogue" in loaded  # what the schema does use


def test_the_pipeline_loads_every_module_the_eager_package_loaded():
    # What `import agents` loaded before wave 22 is what touching every public name loads now; the
    # pipeline's own imports (app/pipeline/batch.py) must hold all of it, so no check goes missing.
    eager = loaded_after("import agents\nfor name in agents.__all__: getattr(agents, name)")
    assert {"agents.run", "agents.safety", "agents.quality", "agents.writer"} <= eager
    assert eager - loaded_after("import app.pipeline.batch") == set()


def test_an_unknown_name_is_an_attribute_error_naming_it():
    import agents

    try:
        agents.no_such_name  # noqa: B018
    except AttributeError as e:
        assert "no_such_name" in str(e)
    else:
        raise AssertionError("agents.no_such_name did not raise")
