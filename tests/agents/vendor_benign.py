"""Load the outside corpus of honest vendor-model outputs (tests/fixtures/vendor_benign/, issue 11).

Each file `<record>.<role>.json` holds a list of entries `{"id", "language", "style", "output"}` for one of the five
record fixtures and one LLM role. The corpus was written without reading the checks, so it measures how often they
refuse honest output; this module only parses it and never runs a check.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel

from agents.models import AnalysisOut, DraftOut, StrategyOut

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "vendor_benign"
RECORDS = Path(__file__).resolve().parents[1] / "fixtures" / "records"
Role = Literal["analyst", "strategist", "writer"]
SCHEMAS: dict[str, type[BaseModel]] = {"analyst": AnalysisOut, "strategist": StrategyOut, "writer": DraftOut}
ENTRY_KEYS = {"id", "language", "style", "output"}


class CorpusFormatError(ValueError):
    """A corpus file does not follow the layout in tests/fixtures/vendor_benign/README.md."""


@dataclass(frozen=True)
class VendorBenign:
    """One honest output: which record and role it answers, its language, and the parsed schema instance."""

    id: str
    record: str
    role: Role
    language: str
    style: str
    output: BaseModel


def _split(path: Path) -> tuple[str, Role]:
    record, _, role = path.stem.rpartition(".")
    if role not in SCHEMAS or not record:
        raise CorpusFormatError(f"{path.name}: name it <record>.<analyst|strategist|writer>.json")
    if not (RECORDS / f"{record}.json").is_file():
        raise CorpusFormatError(f"{path.name}: no record fixture tests/fixtures/records/{record}.json")
    return record, role  # type: ignore[return-value]


def load_file(path: Path) -> list[VendorBenign]:
    """Parse one corpus file; raise CorpusFormatError (or pydantic's ValidationError) on a malformed entry."""
    record, role = _split(path)
    entries = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(entries, list) or not entries:
        raise CorpusFormatError(f"{path.name}: expected a non-empty JSON list of entries")
    out = []
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict) or set(entry) != ENTRY_KEYS:
            raise CorpusFormatError(f"{path.name}[{i}]: keys must be {sorted(ENTRY_KEYS)}")
        output = SCHEMAS[role].model_validate(entry["output"])
        out.append(VendorBenign(entry["id"], record, role, entry["language"], entry["style"], output))
    return out


def load() -> list[VendorBenign]:
    """Every honest output of the corpus, file by file in name order."""
    return [item for path in sorted(CORPUS.glob("*.json")) for item in load_file(path)]
