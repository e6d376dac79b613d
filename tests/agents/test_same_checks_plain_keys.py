"""agents.same_checks keys a collection of one plain element type (a vocabulary's words or figures) by the collection
itself (wave 36): two collections are one question exactly when they hold the same elements of the same type, as when
each element was keyed on its own."""

from __future__ import annotations

from typing import Any

import pytest

from agents.same_checks import _content, answered_once, same_checks

asked: list[Any] = []


@answered_once
def _rule(values: Any) -> list[str]:
    asked.append(values)
    return [repr(sorted(values, key=repr))]


APART = [
    (frozenset({1.0, 2.0}), frozenset({1, 2})),  # equal in value, not in type
    (frozenset({"dana", "marcus"}), frozenset({"dana", "marcus", "whitfield"})),
    (("dana", "marcus"), ["dana", "marcus"]),  # a tuple and a list of the same words
    (("dana", "marcus"), ("marcus", "dana")),  # a tuple's order is its content
    (frozenset({"1"}), frozenset({1})),
    (frozenset({1.0}), frozenset({True})),
]


def _shown(value) -> str:
    """A stable id: a set's repr follows the process's string hashing, and two xdist workers must collect one name."""
    if isinstance(value, (set, frozenset)):
        return f"{type(value).__name__}({sorted(value, key=repr)!r})"
    return repr(value)


@pytest.mark.parametrize(("one", "other"), APART, ids=[f"{_shown(a)} vs {_shown(b)}" for a, b in APART])
def test_two_collections_differing_in_an_element_type_order_or_kind_are_asked_apart(one, other):
    asked.clear()
    with same_checks():
        _rule(one)
        _rule(other)
    assert asked == [one, other]


def test_two_equal_collections_of_words_are_one_question_and_keyed_as_one_object_not_per_word():
    asked.clear()
    words = frozenset(f"word{i}" for i in range(1000))
    with same_checks():
        _rule(words)
        _rule(frozenset(sorted(words)))
        scope: dict[Any, Any] = {}
        key = _content(words, scope)
    assert len(asked) == 1
    assert key == ("frozenset", "str", words)  # the collection is its own key: no thousand element keys built
