"""The lead's wave-41 probe as a helper: a sentence put into an honest writer draft of a fixture record (set 52's benign
replies 001-005), checked by `agents.safety.check_draft` with the learned screen off; the reasons the honest draft
already has are left out, so what remains is what the sentence itself broke."""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import cache
from typing import Any

from agents.facts import build_vocabulary
from agents.models import DraftOut
from agents.safety import check_draft
from tests.agents.conftest import FIXTURES
from tests.agents.quality_probe import record_context

LANGUAGE = {"hubspot_deal": "en", "salesforce_opportunity": "en", "de_deal": "de", "fr_deal": "fr",
            "es_opportunity": "es"}


@cache
def _honest_drafts() -> dict[str, dict[str, Any]]:
    drafts = {}
    for path in sorted((FIXTURES / "injection_heldout52").glob("00[1-5]_*.json")):
        case = json.loads(path.read_text())
        drafts[case["record"]] = case["benign"]["writer"]
    return drafts


def _reasons(record: str, sentence: str, allowed_promises: tuple[str, ...]) -> list[str]:
    draft = dict(_honest_drafts()[record])
    paragraphs = draft["body"].split("\n\n")
    paragraphs.insert(2, sentence)
    draft["body"] = "\n\n".join(paragraphs)
    ctx = record_context(record)
    return check_draft(DraftOut(**draft), ctx, build_vocabulary(ctx), approved_discount=None,
                       allowed_promises=allowed_promises, language=LANGUAGE[record], learned_screen=False)


def sentence_refusals(record: str, sentence: str, allowed_promises: Iterable[str] = ()) -> list[str]:
    """What `sentence`, put into the honest draft of `record`, breaks that the honest draft does not."""
    allowed = tuple(allowed_promises)
    base = set(_reasons(record, "", allowed))
    return [r for r in _reasons(record, sentence, allowed) if r not in base]
