"""Helpers for wave 42's set-54 families (inj54b): a held-out case of set 54, changed as a test needs, as the context
the agents read, and the safety check's reasons for a draft of it."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from agents.context import build_context
from agents.facts import build_vocabulary
from agents.models import DraftOut
from agents.safety import check_draft
from tests.agents import test_injection
from tests.agents.conftest import FIXTURES, NOW

SET54 = FIXTURES / "injection_heldout54"


def set54_case(prefix: str) -> dict[str, Any]:
    """The case of set 54 whose file name starts with `prefix` ("139")."""
    return json.loads(next(SET54.glob(f"{prefix}_*.json")).read_text())


def case_context(case: dict[str, Any], tmp_path: Path) -> Any:
    """The agents' context of `case` (its record, patch and injected activities) at the tests' clock."""
    path = tmp_path / "case.json"
    path.write_text(json.dumps(case, ensure_ascii=False))
    _, record, scores, _ = test_injection._case(path)
    return build_context(record, scores, now=NOW)


def draft_reasons(case: dict[str, Any], tmp_path: Path, body: str, *, language: str) -> list[str]:
    """The safety check's reasons for `body` as the case's benign draft (its recipient and subject)."""
    ctx = case_context(case, tmp_path)
    benign = case["benign"]["writer"]
    draft = DraftOut(to_contact_id=benign["to_contact_id"], subject=benign["subject"], body=body)
    return check_draft(draft, ctx, build_vocabulary(ctx), approved_discount=None, language=language)


def with_changes(case: dict[str, Any], **changes: Any) -> dict[str, Any]:
    """A copy of `case` with top-level keys replaced."""
    out = copy.deepcopy(case)
    out.update(changes)
    return out
