"""Spend periods and the worst-case cost of one vendor attempt, for caps enforced before the bill.

A tenant's LLM budget is a monthly and an optional daily cap, counted in the tenant's own time
zone (a Berlin team's December starts at 23:00 UTC on 30 November). Before every vendor attempt
the gateway reserves the attempt's worst case (the prompt at a conservative characters-per-token
ratio plus the role's whole completion cap) against every capped period; the ledger grants it
only if it fits, atomically across workers, and afterwards replaces the reservation with what
the vendor billed. So several workers racing for the last cents cannot together pass the cap.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from agents.errors import ConfigurationError
from agents.providers.base import Message, PriceTable
from agents.settings import SPEND_WARNING_SHARE

RESERVE_CHARS_PER_TOKEN = 3.0
"""Characters per token assumed when reserving a prompt's cost: fewer than the ~4 of English prose
because prompts carry indented JSON (measured ~3.1 on a Qwen tokenizer, agents/settings.py), so
the reservation errs high and the cap is not passed by an underestimate."""


@dataclass(frozen=True)
class Period:
    """One capped spend period of a tenant.

    Attributes:
        key: `YYYY-MM` (month) or `YYYY-MM-DD` (day), in the tenant's time zone.
        start: first instant of the period, UTC.
        end: first instant after it, UTC.
        cap_usd: most USD the tenant may spend on vendor calls in it; None counts without a cap.
        warn_usd: spend at which the admin is warned (None without a cap).
    """

    key: str
    start: datetime
    end: datetime
    cap_usd: float | None
    warn_usd: float | None

    @property
    def kind(self) -> str:
        """`monthly` or `daily`."""
        return "monthly" if len(self.key) == 7 else "daily"


def zone(name: str) -> ZoneInfo:
    """The IANA time zone `name`.

    Raises:
        ConfigurationError: not a time zone this machine knows.
    """
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigurationError(f"budget_timezone={name!r} is not an IANA time zone (e.g. Europe/Berlin)") from None


def month_bounds(now: datetime, tz: str) -> tuple[str, datetime, datetime]:
    """(`YYYY-MM`, start, end) of the month holding `now` in `tz`; start and end in UTC."""
    local = now.astimezone(zone(tz))
    start = local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    nxt = start.replace(year=start.year + (start.month == 12), month=start.month % 12 + 1)
    return start.strftime("%Y-%m"), start.astimezone(UTC), nxt.astimezone(UTC)


def day_bounds(now: datetime, tz: str) -> tuple[str, datetime, datetime]:
    """(`YYYY-MM-DD`, start, end) of the day holding `now` in `tz`; start and end in UTC."""
    z = zone(tz)
    local = now.astimezone(z)
    start = local.replace(hour=0, minute=0, second=0, microsecond=0)
    # Adding a day in local wall time keeps 23- and 25-hour days (DST changes) right.
    nxt = (start.replace(tzinfo=None) + timedelta(days=1)).replace(tzinfo=z)
    return start.strftime("%Y-%m-%d"), start.astimezone(UTC), nxt.astimezone(UTC)


def spend_periods(now: datetime, *, tz: str, monthly_cap_usd: float | None, daily_cap_usd: float | None,
                  warn_share: float = SPEND_WARNING_SHARE) -> tuple[Period, ...]:
    """The periods a call at `now` counts against: always its month (capped or not, so the
    month-to-date figure exists), and its day when a daily cap is set."""
    key, start, end = month_bounds(now, tz)
    out = [Period(key, start, end, monthly_cap_usd, None if monthly_cap_usd is None else monthly_cap_usd * warn_share)]
    if daily_cap_usd is not None:
        key, start, end = day_bounds(now, tz)
        out.append(Period(key, start, end, daily_cap_usd, daily_cap_usd * warn_share))
    return tuple(out)


def attempt_reserve_usd(prices: PriceTable, provider: str, model: str, messages: Sequence[Message],
                        schema_chars: int, max_output_tokens: int) -> float:
    """The most one attempt can cost: the prompt and schema at RESERVE_CHARS_PER_TOKEN plus the
    whole completion cap, at the table's price."""
    chars = sum(len(m.content) for m in messages) + schema_chars
    return prices.cost(provider, model, math.ceil(chars / RESERVE_CHARS_PER_TOKEN), max_output_tokens)


def usd(x: float) -> str:
    """Dollars for a message: cents above $1, else six decimals (small trial caps)."""
    return f"${x:,.2f}" if x >= 1 else f"${x:.6f}"
