"""Trained demo markets shared by the vendor replay's tests (tests/pipeline/test_vendor_replay_is_not_refused.py).

Starting, installing and training a demo market costs ~50 CPU s (`train_tenant`); a replay only reads it. Several
cases replay on the same market (a Salesforce org's Leads and its Opportunities): each case names its market with
:meth:`Market.mark`, an `xdist_group` mark, so that under `--dist loadgroup` one worker runs them all, and
:class:`TrainedMarkets` trains that market on its first replay and stops it after its last case on this process ran.
Until wave 36 loadgroup grouped nothing on pytest 9.2 (xdist 3.8 writes the group into `item._nodeid`, which pytest
no longer reads): each case went to whichever worker was free, and an org whose two cases landed on both workers was
trained on each; tests/xdist_groups.py writes the group where pytest reads it.

Measured 2026-12-06 (`AGENTIC_SALES_CRM_READ_TIMEOUT_SECONDS=900 python -m pytest -m slow
tests/pipeline/test_vendor_replay_is_not_refused.py -k "salesforces_records and (lead-0 or deal-0)" -p no:randomly
--durations=30 --timeout=1800`, one process, the commit before and this one side by side at load 11-15 on 2 cores):
the Opportunity case after the Lead case on seed 0's org spent 136.2 CPU s / 544 s wall training its own market, 22.0
CPU s / 119 s replaying on the shared one; the pair 266.3 -> 151.9 CPU s (user + sys, children included), 1,296 ->
895 s wall. Six cases share a market, so about 6 x 114 CPU s less for the whole replay.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from contextlib import ExitStack
from dataclasses import dataclass
from typing import Any

import pytest

from benchmarks.llm_cost_per_record import trained_demo


@dataclass(frozen=True)
class Market:
    """A demo market: its seed, CRM (the demo's default when None) and buyers' language (the default market when
    None), with `deals` open deals."""

    seed: int
    crm: str | None = None
    language: str | None = None
    deals: int = 60

    @property
    def mark(self) -> pytest.MarkDecorator:
        """The `xdist_group` mark of the cases replayed on this market (the market rides along for the fixture)."""
        name = f"market-{self.crm or 'default'}-{self.seed}-{self.language or 'default'}-{self.deals}"
        return pytest.mark.xdist_group(name, market=self)

    @staticmethod
    def of(item: pytest.Item) -> Market | None:
        """The market a collected case replays on (its :attr:`mark`), None for a case without one."""
        mark = item.get_closest_marker("xdist_group")
        market = mark.kwargs.get("market") if mark is not None else None
        return market if isinstance(market, Market) else None


class MarketNotNamed(LookupError):
    """A case asked for a trained market without naming one."""


class TrainedMarkets:
    """Each market trained once, on the first replay asking for it, and stopped after the last of the cases that
    named it (`uses`, counted over the cases this process collected); :meth:`close` stops what is left (a case
    deselected by -x or failed before its replay)."""

    def __init__(self, uses: Iterable[Market]) -> None:
        self.left: Counter[Market] = Counter(uses)
        self.live: dict[Market, tuple[ExitStack, Any]] = {}

    def demo(self, market: Market) -> Any:
        """The market's trained demo (benchmarks.llm_cost_per_record.trained_demo), trained now if no case has yet."""
        if market not in self.live:
            stack = ExitStack()
            demo = stack.enter_context(trained_demo(market.deals, market.seed, market.crm, market.language))
            self.live[market] = (stack, demo)
        return self.live[market][1]

    def done(self, market: Market) -> None:
        """One case on `market` has finished: after the last, its demo is stopped."""
        self.left[market] -= 1
        if self.left[market] <= 0 and market in self.live:
            self.live.pop(market)[0].close()

    def close(self) -> None:
        while self.live:
            _market, (stack, _demo) = self.live.popitem()
            stack.close()
