"""What the offline agents' screening costs per text, counted rather than timed (timings flake on
a shared machine): a check that runs once per other customer's name must not redo the work that
depends only on the text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest

from agents import customer_name_forms as names
from agents.facts import Vocabulary, find_unsupported

CUSTOMERS = tuple(f"{word} {kind}" for word in ("Proseware", "Contoso", "Northwind", "Fabrikam", "Tailspin",
                                                "Litware", "Woodgrove", "Relecloud", "Lucerne", "Humongous")
                  for kind in ("Logistics", "Freight", "Traders", "Toys", "Bank", "Holdings", "GmbH", "SARL",
                               "Transport", "Insurance", "Airlines", "Winery"))


class CountingPattern:
    """A compiled pattern that counts what `sub` was asked to squeeze (texts longer than a name)."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.long_texts = 0

    def sub(self, repl: str, text: str) -> str:
        if len(text) > 80:
            self.long_texts += 1
        return self.pattern.sub(repl, text)


@pytest.fixture()
def counting(monkeypatch: pytest.MonkeyPatch) -> Iterator[CountingPattern]:
    counter = CountingPattern(names._SEPARATORS)
    monkeypatch.setattr(names, "_SEPARATORS", counter)
    memo = getattr(names, "_squeezed", None)  # texts already squeezed by other tests would not count
    if memo is not None:
        memo.cache_clear()
    yield counter
    if memo is not None:
        memo.cache_clear()


def vocab(denied: tuple[str, ...]) -> Vocabulary:
    empty: frozenset[Any] = frozenset()
    return Vocabulary(numbers=empty, money=empty, percents=empty, dates=frozenset({date(2026, 3, 12)}),
                      emails=empty, urls=empty, words=empty, denied=denied, own_words=empty)


def test_a_draft_is_squeezed_once_however_many_other_customers_the_tenant_has(counting: CountingPattern) -> None:
    draft = ("Hi Dana,\n\nthanks for the call on Tuesday. As discussed, the rollout for your 420 trucks can start "
             "with the Hamburg depot on 12 March; I will send the plan beforehand.\n\nBest, Sam")
    assert len(CUSTOMERS) == 120
    assert find_unsupported(draft, vocab(CUSTOMERS), kinds=["other_customer"]) == []
    assert counting.long_texts == 1


def test_a_spaced_out_customer_name_is_still_found_after_other_names_were_checked(counting: CountingPattern) -> None:
    draft = "Our customer C.o.n.t.o.s.o Freight went live in four weeks; Tail-spin Toys took six."
    found = [f.value for f in find_unsupported(draft, vocab(CUSTOMERS), kinds=["other_customer"])]
    assert "Contoso Freight" in found and "Tailspin Toys" in found
    assert counting.long_texts == 1
