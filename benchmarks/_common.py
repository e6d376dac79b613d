"""Helpers shared by the scoring benchmarks: results directory and JSON writing."""

from __future__ import annotations

import json
import platform
import time
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).parent / "results"


def write_result(name: str, payload: dict[str, Any]) -> Path:
    """Write ``results/<name>.json`` with the machine and the time of the run."""
    import numpy
    import sklearn
    import xgboost

    RESULTS.mkdir(exist_ok=True)
    payload = {
        "benchmark": name,
        "measured_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "machine": {"python": platform.python_version(), "processor": platform.machine(),
                    "scikit-learn": sklearn.__version__, "xgboost": xgboost.__version__, "numpy": numpy.__version__},
        **payload,
    }
    path = RESULTS / f"{name}.json"
    path.write_text(json.dumps(payload, indent=2, default=float))
    return path


def no_arguments(doc: str | None) -> None:
    """Answer `--help` with the module's docstring and refuse any argument, before a benchmark runs.

    Benchmarks without options used to ignore `--help`, run for minutes and overwrite their result.
    """
    import argparse

    argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter).parse_args()
