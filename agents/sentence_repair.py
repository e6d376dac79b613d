"""Repair a model's draft by removing the one sentence the safety checks refused (wave 20, issue 11).

A small model's draft is often good but for one sentence: an invented date, a line copied from the buyer's email.
Asking it to repair the whole draft mostly returns the same text again (the captured repairs of
tests/fixtures/llm_real are the first answer, unchanged, in 15 of 17 cases), so the gateway first tries, without a
model call, the draft with one of its sentences removed. It is kept only when every safety rule passes on what is
left, and the caller's quality checks too (greeting, reference, one call to action, length, sign-off): a draft
whose refused sentence carried its substance is not a draft any more. What was removed and why is recorded in the
run's fallbacks ("repaired after: removed the sentence ..."), so the audit log says what the model got wrong.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from agents.models import DraftOut

MAX_SENTENCES = 40
"""Drafts with more sentences are not tried (each try re-runs every safety rule, ~6 ms)."""

_PIECES = re.compile(r"[^.!?\n]+(?:[.!?]+[\"'»”)]*|\n+|$)\s*")
"""A body's sentences with the space after each, so that what is left keeps its own line breaks."""


def without_one_sentence(
    draft: DraftOut, violations: list[str], check: Callable[[DraftOut], list[str]],
    good: Callable[[DraftOut], bool] = lambda _d: True,
) -> tuple[DraftOut, str] | None:
    """Return the draft with one body sentence removed and why, when that alone makes it pass, else None.

    Args:
        draft: the model's answer that broke `violations`.
        violations: what the safety checks refused in it.
        check: the safety checks (the same function that found `violations`).
        good: the quality checks the repaired draft must also pass.

    Returns:
        (repaired draft, "removed the sentence '...' (reasons)") or None. The first sentence (the greeting) and the
        last (the sign-off) are never removed: without them it is not the same kind of draft.
    """
    pieces = [m.group(0) for m in _PIECES.finditer(draft.body) if m.group(0).strip()]
    if not violations or len(pieces) < 4 or len(pieces) > MAX_SENTENCES:
        return None
    for i in range(1, len(pieces) - 1):
        gap = re.sub(r"[^\n]", "", pieces[i])  # the removed sentence's line breaks stay: paragraphs keep their shape
        body = re.sub(r"[ \t]+\n", "\n", "".join([*pieces[:i], gap, *pieces[i + 1:]])).strip()
        body = re.sub(r"\n{3,}", "\n\n", body)
        candidate = draft.model_copy(update={"body": body})
        if not check(candidate) and good(candidate):
            sentence = " ".join(pieces[i].split())
            return candidate, f"removed the sentence {sentence!r} ({'; '.join(violations)})"
    return None
