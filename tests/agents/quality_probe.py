"""One quality check of one draft on a fixture record, by the check's name: what the in-sample kind tests of the
quality sets ask ("does `stated_step` pass this body written to Dana?"). Waves 27 and 28 had each written it again."""

from __future__ import annotations

import json
from typing import Any

from tests.agents.conftest import FIXTURES, NOW, load_record
from tests.agents.test_quality import _checks

RECIPIENT = {
    "hubspot_deal": "501",
    "salesforce_opportunity": "0035g00000Con01",
    "de_deal": "701",
    "fr_deal": "711",
    "es_opportunity": "0035g00000Es01",
}
"""The buyer each fixture record's drafts go to unless a test names another contact."""


def record_context(record: str) -> Any:
    """The agents' context of a fixture record at the tests' clock."""
    from agents.context import build_context

    rec, scores = load_record(record)
    return build_context(rec, scores, now=NOW)


def named_check(record: str, body: str, name: str, *, subject: str = "Next steps", kind: str = "email",
                contact: str | None = None, language: str = "en") -> Any:
    """The result of the quality check called `name` on a draft of `body` to the record's buyer (or `contact`)."""
    entry = {"record": record, "language": language,
             "draft": {"to_contact_id": contact or RECIPIENT[record], "subject": subject, "body": body, "kind": kind}}
    return next(c for c in _checks(entry) if c.name == name)


def heldout_draft(entry_id: str) -> dict:
    """One draft of a held-out quality set, by its id ("q46-de-b2", "qh-en-b3")."""
    number = entry_id.split("-")[0].removeprefix("q").removeprefix("h")
    folder = "quality_heldout" if entry_id.startswith("qh-") else f"quality_heldout{number}"
    lang = entry_id.split("-")[1]
    return next(e for e in json.loads((FIXTURES / folder / f"{lang}.json").read_text()) if e["id"] == entry_id)


def failed_checks(entry_id: str) -> set[str]:
    """The names of the quality checks a held-out draft fails."""
    return {c.name for c in _checks(heldout_draft(entry_id)) if not c.passed}
