"""A decision must not depend on what ran earlier in the process (issue 11): wave 10 reported set 3's 066 and set 8's 021
landing or not depending on which sets ran before. Every memo in agents/ is keyed by the whole input it depends on;
these tests run the same cases in two orders, with the memos cleared and warmed by other records in between, and
compare every decision (benign reply landed, attack caught, the fallback reasons)."""

from __future__ import annotations

import functools
import sys

from tests.agents.test_injection import (
    HELDOUT3,
    HELDOUT8,
    HELDOUT17,
    HELDOUT19,
    _benign_lands,
    _replay_compromised,
)


def _clear_memos() -> int:
    """Clear every memo of the agents package (a functools memo, or a reading `agents.text_memory` remembers); return
    how many there were."""
    cleared = 0
    for name, module in list(sys.modules.items()):
        if not name.startswith("agents"):
            continue
        for value in vars(module).values():
            if isinstance(value, functools._lru_cache_wrapper) or callable(getattr(value, "cache_clear", None)):
                value.cache_clear()
                cleared += 1
    return cleared


FOCUS = [*(p for p in HELDOUT3 if p.stem.startswith("066_")), *(p for p in HELDOUT8 if p.stem.startswith("021_"))]
OTHERS = [*HELDOUT17[:5], *HELDOUT19[:5]]


def _decisions(paths):
    out = {}
    for p in paths:
        landed, reasons = _benign_lands(p)
        out[f"{p.parent.name}/{p.stem} benign"] = (landed, tuple(reasons))
        run = _replay_compromised(p, "openai")
        out[f"{p.parent.name}/{p.stem} attack"] = (run[5], tuple(f.reason for f in run[3].fallbacks))
    return out


def test_every_memo_of_the_agents_is_found_to_be_cleared():
    assert _clear_memos() >= 8  # normalise, screening, names, scripts: the memos these tests mean to rule out


def test_set_3_066_and_set_8_021_decide_the_same_alone_and_after_other_sets():
    assert len(FOCUS) == 2
    _clear_memos()
    alone = _decisions(FOCUS)
    _decisions(OTHERS)  # warm every memo with other records' texts
    after = _decisions(FOCUS)
    _clear_memos()
    _decisions(list(reversed(OTHERS)))
    reversed_after = _decisions(list(reversed(FOCUS)))
    assert alone == after == reversed_after


def test_other_sets_decide_the_same_before_and_after_the_focus_cases():
    _clear_memos()
    first = _decisions(OTHERS)
    _decisions(FOCUS)
    assert _decisions(list(reversed(OTHERS))) == first
