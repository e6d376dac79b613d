"""The safety and quality checks answered once per distinct question, inside a scope the caller opens.

`check_analysis`, `check_strategy`, `check_draft` (agents.safety) and `check_draft_quality` (agents.quality) are pure
functions of what they are given: the output, the run's Context (itself a pure function of the record, its scores,
the clock and the token budget: agents.context), the Vocabulary and plain values. A harness that replays one record
several ways asks the same checks of the same texts again and again: a held-out case runs the agents on a compromised
model's answers, on the offline templates and on a benign model's answer, and the offline analysis, strategy and draft
come back the same in each. Held-out set 39's first 20 cases asked 98 draft checks of which 49 were distinct, 67
analysis checks (20 distinct), 65 strategy checks (19) and 55 quality checks (31).

Inside `with same_checks():` a check asked again with arguments equal in content to an earlier call's returns a copy
of the earlier answer: a Context is compared by its fields as JSON, a model by its JSON, any other argument by type and
value. An argument that cannot be compared that way (an object with no content key) makes the call run as usual.
Outside a scope nothing is remembered, so a test that patches a rule between two runs always sees its patch. Each
`run_agents` call opens a scope of its own when none is open (`in_one_scope`, wave 35) and closes it when it returns.
"""

from __future__ import annotations

import copy
import dataclasses
import functools
import inspect
import json
from collections.abc import Callable, Hashable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime
from typing import Any, TypeVar

from pydantic import BaseModel

from agents.context import Context

F = TypeVar("F", bound=Callable[..., Any])

_SCOPE: ContextVar[dict[Any, Any] | None] = ContextVar("same_checks", default=None)


class Unkeyable(TypeError):
    """An argument has no content key: the call is answered by running the check."""


@contextmanager
def same_checks() -> Iterator[None]:
    """Remember every memoised check's answers until the block ends (a scope already open is reused)."""
    if _SCOPE.get() is not None:
        yield
        return
    token = _SCOPE.set({})
    try:
        yield
    finally:
        _SCOPE.reset(token)


def in_one_scope(fn: F) -> F:
    """`fn` run inside a scope (its own, or the caller's when one is open): `agents.run.run_agents` asks the writer's
    check and the quality check of one draft the same commercial question, answered once (wave 35). Nothing outlives
    the call, so no run, record or tenant sees another's answers."""

    @functools.wraps(fn)
    def scoped(*args: Any, **kwargs: Any) -> Any:
        with same_checks():
            return fn(*args, **kwargs)

    return scoped  # type: ignore[return-value]


def answered_once(fn: F) -> F:
    """`fn`, answered from the open scope's memory when it was asked the same before (see the module's doc)."""
    return _remembered_in_scope(fn, _copied)


def built_once(fn: F) -> F:
    """`fn`, whose answer nobody changes once it is built (a Context, a frozen Vocabulary), answered from the open
    scope's memory like `answered_once` but handed out itself, not copied: a held-out case's five runs and re-checks
    of one record build one Context and its vocabularies (wave 36), and the checks asked of that Context key it once.
    Outside a scope every call builds afresh."""
    return _remembered_in_scope(fn, lambda answer: answer)


def _copied(answer: Any) -> Any:
    """A copy of `answer` no receiver can change the memory through: a list of strings copied as a list (most checks'
    answer), anything else deep."""
    if type(answer) is list and all(type(a) is str for a in answer):
        return list(answer)
    return copy.deepcopy(answer)


def _remembered_in_scope(fn: F, hand_out: Callable[[Any], Any]) -> F:
    signature = inspect.signature(fn)

    @functools.wraps(fn)
    def checked(*args: Any, **kwargs: Any) -> Any:
        scope = _SCOPE.get()
        if scope is None:
            return fn(*args, **kwargs)
        try:
            bound = signature.bind(*args, **kwargs)
            bound.apply_defaults()
            key = (fn.__module__, fn.__qualname__, *(_content(v, scope) for v in bound.arguments.values()))
        except Unkeyable:
            return fn(*args, **kwargs)
        if key not in scope:
            scope[key] = fn(*args, **kwargs)
        return hand_out(scope[key])

    return checked  # type: ignore[return-value]


def _content(value: Any, scope: dict[Any, Any]) -> Hashable:
    """A hashable stand-in equal for two values exactly when they hold the same content (by type and value, so 1, 1.0
    and True differ); an immutable object's is computed once per object while the scope lasts (the scope holds the
    object, so its id is not reused meanwhile)."""
    if value is None or isinstance(value, str | bool | int | float | date | datetime):
        return (type(value).__name__, value)
    if not _immutable(value):
        return _composite(value, scope)
    held = scope.get(("content", id(value)))
    if held is not None:
        return held[1]  # type: ignore[no-any-return]
    key = _composite(value, scope)
    scope[("content", id(value))] = (value, key)
    return key


def _immutable(value: Any) -> bool:
    """A Context (never changed once built: agents.context) or a frozen dataclass (Vocabulary, AgentSettings,
    StrategyArm): its key is computed once per object. A model, list or dict may change between two calls."""
    params = getattr(type(value), "__dataclass_params__", None)
    return isinstance(value, Context) or bool(params and params.frozen)


def _composite(value: Any, scope: dict[Any, Any]) -> Hashable:
    if isinstance(value, Context):
        try:
            return ("Context", _json([value.record.to_dict(), value.scores, value.now.isoformat(), value.data,
                                      value.activities, value.suspicious, list(value.limitations), value.flagged]))
        except (TypeError, ValueError) as exc:
            raise Unkeyable("Context") from exc
    if isinstance(value, BaseModel):
        return (type(value).__qualname__, value.model_dump_json())
    if isinstance(value, tuple | list | frozenset | set) and (plain := _one_plain_type(value)):
        # a vocabulary's thousands of words or figures: the collection is its own key, with its one element type (so
        # {1.0} and {1} still differ), not one key per element (wave 36: a fifth of a check's keying)
        return (type(value).__name__, plain, frozenset(value) if isinstance(value, frozenset | set) else tuple(value))
    if isinstance(value, tuple | list):
        return (type(value).__name__, tuple(_content(v, scope) for v in value))
    if isinstance(value, frozenset | set):
        return (type(value).__name__, frozenset(_content(v, scope) for v in value))
    if isinstance(value, Mapping):
        return (type(value).__name__, tuple((_content(k, scope), _content(v, scope)) for k, v in value.items()))
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return (type(value).__qualname__,
                tuple((f.name, _content(getattr(value, f.name), scope)) for f in dataclasses.fields(value)))
    raise Unkeyable(type(value).__qualname__)


def _json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=_refuse)


def _refuse(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return {"__date__": value.isoformat(), "type": type(value).__name__}
    raise TypeError(f"no content key for {type(value).__qualname__}")


def _one_plain_type(values: Any) -> str | None:
    """"str", "float" or "int" when every element of `values` (one or more) is exactly of that type, else None."""
    first = next(iter(values), None)
    kind = type(first)
    if kind not in (str, float, int) or not all(type(v) is kind for v in values):
        return None
    return kind.__name__
