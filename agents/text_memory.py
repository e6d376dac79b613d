"""A pure reading of a text remembered per process, each caller handed its own copy (wave 36: CI's CPU).

A held-out set replays one base record under many injected activities: the offline outputs of a record are the same
texts case after case, and each case asks the same readings of them (the facts a draft states, the language of its
sentences, the dates it names). `agents.same_checks` answers a check once per Context, and each case's Context
differs; the readings below depend on nothing of the Context, only on their arguments, so they are remembered keyed on
those (held-out set 44: `find_unsupported` 1,020 calls on 733 distinct arguments, a field's segments 9,585 on 30).

Only a function of its arguments alone may be remembered: nothing it reads may change while the process lives (the
committed language profiles are read once per process). A call with an argument that cannot be a key (a list, a
dict) is answered afresh.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])


def remembered(maxsize: int) -> Callable[[F], F]:
    """`fn` answered from memory when asked with equal arguments (by type and value, so 1 and 1.0 differ); a list or
    set answer is kept frozen and handed back as a new list or set, so no caller can change the next one's."""

    def decorate(fn: F) -> F:
        @functools.lru_cache(maxsize=maxsize, typed=True)
        def kept(*args: Any, **kwargs: Any) -> tuple[type, Any]:
            answer = fn(*args, **kwargs)
            if isinstance(answer, list):
                return list, tuple(answer)
            if isinstance(answer, set):
                return set, frozenset(answer)
            if isinstance(answer, dict):
                raise TypeError(f"{fn.__qualname__} answers a dict, which `remembered` cannot hand out unchanged")
            return type(answer), answer

        @functools.wraps(fn)
        def recall(*args: Any, **kwargs: Any) -> Any:
            try:
                hash((args, *kwargs.items()))
            except TypeError:
                return fn(*args, **kwargs)
            kind, answer = kept(*args, **kwargs)
            return list(answer) if kind is list else set(answer) if kind is set else answer

        recall.cache_clear = kept.cache_clear  # type: ignore[attr-defined]
        recall.cache_info = kept.cache_info  # type: ignore[attr-defined]
        return recall  # type: ignore[return-value]

    return decorate


TEXT_MEMORY = 4096
"""Distinct arguments remembered per reading (least recently used out): a few hundred outputs of a few hundred
characters per set, so each reading holds a few MB at most."""
