"""The decision engine: what the app may actually do with the agents' proposal (STYLE rule 19).

A pure function of frozen inputs, no I/O and no clock: the model proposes, `decide` applies the
tenant's policy. Rules, in the order they apply:

1. a closed deal (won or lost) gets nothing; anger, cancellation or a legal ask in the buyer's
   latest messages goes to the owner (no customer draft);
2. the recipient must be one of the record's contacts, and must not have opted out; a record the
   seller already contacted `contact_frequency_cap` times in the last week gets no new customer
   message: the action is `wait`, a task for the owner that says why and when the next one is fine;
3. a channel the tenant disallows becomes email (or nothing, if email is disallowed too);
4. a discount is clamped to the cap; above the approval threshold a human must approve it;
5. big deals, high churn risk and drafts that failed their checks go to a human;
6. nothing is due in quiet hours or at the weekend (in the owner's time zone);
7. autonomy decides the action: `suggest` (default) only suggests, `approve` holds for approval,
   `auto` sends only an email that needs no approval or escalation.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Literal

from agents.settings import CONTACT_FREQUENCY_CAP, CONTACT_FREQUENCY_WINDOW_DAYS
from integrations.base import Record
from integrations.money import RATES_KEY, CurrencyError, RateTable, convert

Autonomy = Literal["suggest", "approve", "auto"]
Action = Literal["suppress", "escalate", "wait", "hold_for_approval", "suggest", "send"]

TOUCH_TYPES = frozenset({"email", "call"})
"""Activity types that count as the seller contacting the buyer (when their direction is outbound)."""


@dataclass(frozen=True)
class Policy:
    """The tenant's guardrails."""

    autonomy: Autonomy = "suggest"
    max_discount: float = 0.10
    approval_discount_over: float = 0.05
    escalate_amount_over: float | None = 100_000.0
    escalate_churn_over: float | None = 0.8
    opted_out_contact_ids: frozenset[str] = frozenset()
    opted_out_emails: frozenset[str] = frozenset()
    quiet_hours: tuple[int, int] | None = (20, 8)
    allowed_channels: frozenset[str] = frozenset({"email", "call", "meeting"})
    auto_channels: frozenset[str] = frozenset({"email"})
    contact_frequency_cap: int = CONTACT_FREQUENCY_CAP
    contact_frequency_days: int = CONTACT_FREQUENCY_WINDOW_DAYS


@dataclass(frozen=True)
class LlmResult:
    """The agents' proposal, reduced to what the policy rules on."""

    arm: str
    channel: str
    due_at: datetime
    recipient_contact_id: str | None
    discount: float | None = None
    checks_passed: bool = True
    generated_by: str = "offline-template"
    fallback_reasons: tuple[str, ...] = ()
    escalations: tuple[str, ...] = ()

    @classmethod
    def from_run(cls, run: Any) -> LlmResult:
        """Build from an agents.models.AgentRun."""
        nba = run.next_best_action
        return cls(arm=run.strategy.arm, channel=nba.channel, due_at=datetime.fromisoformat(nba.due_at),
                   recipient_contact_id=run.draft.to.contact_id, discount=nba.discount,
                   checks_passed=run.checks_passed, generated_by=run.generated_by,
                   fallback_reasons=tuple(f.reason for f in run.fallbacks),
                   escalations=tuple(getattr(run, "escalations", ()) or ()))


@dataclass(frozen=True)
class Decision:
    """What the app will do, and every rule that shaped it."""

    action: Action
    channel: str | None
    due_at: datetime | None
    discount: float | None
    requires_approval: bool
    escalate: bool
    reasons: tuple[str, ...] = field(default_factory=tuple)


def decide(record: Record, scores: Mapping[str, Any] | None, llm_result: LlmResult, policy: Policy) -> Decision:
    """Apply the tenant's policy to the agents' proposal.

    Args:
        record: the canonical record (contacts, stage, amount, opt-out flags in `extra`).
        scores: Scores of DESIGN.md (churn probability is used), possibly empty.
        llm_result: the proposal.
        policy: the tenant's guardrails.

    Returns:
        The decision; `reasons` lists each rule that applied.
    """
    reasons: list[str] = []

    def stop(why: str) -> Decision:
        return Decision("suppress", None, None, None, False, False, (*reasons, why))

    if record.stage_kind in ("won", "lost"):
        return stop(f"deal is closed ({record.stage_kind})")
    if llm_result.escalations:
        # Anger, cancellation or a legal ask: the owner answers personally; nothing goes to the customer.
        return Decision("escalate", None, llm_result.due_at, None, True, True,
                        (*reasons, *(f"escalated to the owner: {e}" for e in llm_result.escalations)))
    contact = next((c for c in record.contacts if c.id == llm_result.recipient_contact_id), None)
    if contact is None:
        return stop("recipient is not one of the record's contacts")
    if (contact.id in policy.opted_out_contact_ids or contact.id in record.opted_out_contact_ids
            or (contact.email or "").lower() in {e.lower() for e in policy.opted_out_emails}
            or record.extra.get("do_not_contact") is True):
        return stop(f"recipient {contact.id} opted out")
    touches = recent_touches(record, llm_result.due_at, policy.contact_frequency_days)
    if policy.contact_frequency_cap > 0 and len(touches) >= policy.contact_frequency_cap:
        # Another message now would be pestering: the owner gets a task saying why, the buyer nothing.
        next_ok = min(touches) + timedelta(days=policy.contact_frequency_days)
        if next_ok.tzinfo is not None and llm_result.due_at.tzinfo is not None:
            next_ok = next_ok.astimezone(llm_result.due_at.tzinfo)  # the owner's zone, as every other due time
        # The owner's task falls due when the wait ends, but never in quiet hours or on a weekend (the oldest touch
        # leaving the window at 02:01 on a Sunday made a task due then, wave 22's walk through the demo).
        task_due = _outside_quiet_hours(next_ok, policy.quiet_hours, [])
        return Decision("wait", None, task_due, None, False, False, (*reasons,
                        f"contacted {len(touches)} times in the last {policy.contact_frequency_days} days "
                        f"(cap {policy.contact_frequency_cap}): no new customer message before "
                        f"{next_ok:%a} {next_ok.day} {next_ok:%b}"))
    channel = llm_result.channel
    if channel not in policy.allowed_channels:
        if "email" not in policy.allowed_channels:
            return stop(f"channel {channel} not allowed and email is not either")
        reasons.append(f"channel {channel} not allowed; using email")
        channel = "email"
    discount = llm_result.discount
    requires_approval = False
    if discount is not None and discount > policy.max_discount:
        reasons.append(f"discount {discount:.0%} capped at {policy.max_discount:.0%}")
        discount = policy.max_discount
    if discount is not None and discount > policy.approval_discount_over:
        requires_approval = True
        reasons.append(f"discount {discount:.0%} above {policy.approval_discount_over:.0%} needs approval")
    escalate = False
    if policy.escalate_amount_over is not None and record.amount:
        compared, said = amount_for_threshold(record)
        if compared > policy.escalate_amount_over:
            escalate = True
            unit = f"{said} " if said else ""
            reasons.append(f"amount {_money(record.amount, record.currency)}{_converted(record, compared, said)} "
                           f"above {unit}{policy.escalate_amount_over:,.0f}: human review")
    churn = (scores or {}).get("churn")
    churn_p = churn.get("probability") if isinstance(churn, Mapping) else None
    if policy.escalate_churn_over is not None and isinstance(churn_p, int | float) \
            and churn_p > policy.escalate_churn_over:
        escalate = True
        reasons.append(f"churn risk {churn_p:.0%} above {policy.escalate_churn_over:.0%}: human review")
    if not llm_result.checks_passed:
        requires_approval = True
        reasons.append("draft failed a quality check: needs approval")
    due = _outside_quiet_hours(llm_result.due_at, policy.quiet_hours, reasons)
    if escalate:
        action: Action = "escalate"
    elif policy.autonomy == "suggest":
        action = "suggest"
    elif policy.autonomy == "auto" and not requires_approval and channel in policy.auto_channels:
        action = "send"
    else:
        action = "hold_for_approval"
    return Decision(action, channel, due, discount, requires_approval, escalate, tuple(reasons))


def _outside_quiet_hours(due: datetime, quiet: tuple[int, int] | None, reasons: list[str]) -> datetime:
    """Move `due` (in the owner's zone) out of quiet hours and weekends."""
    moved = due
    if quiet is not None:
        start, end = quiet
        h = moved.hour
        in_quiet = (start <= h or h < end) if start > end else (start <= h < end)
        if in_quiet:
            day = moved if h < end else moved + timedelta(days=1)
            moved = day.replace(hour=end, minute=0, second=0, microsecond=0)
    while moved.weekday() >= 5:
        moved = (moved + timedelta(days=1)).replace(hour=quiet[1] if quiet else moved.hour, minute=0)
    if moved != due:
        reasons.append(f"moved out of quiet hours/weekend to {moved.isoformat()}")
    return moved


def recent_touches(record: Record, until: datetime, days: int) -> list[datetime]:
    """When the seller contacted the buyer (outbound emails and calls) in the `days` before `until`."""
    out = []
    for a in record.activities:
        if a.type not in TOUCH_TYPES or a.direction != "outbound" or not a.at:
            continue
        try:
            at = datetime.fromisoformat(a.at.replace("Z", "+00:00"))
        except ValueError:
            continue
        at = at if at.tzinfo else at.replace(tzinfo=until.tzinfo)
        if until - timedelta(days=days) < at <= until:
            out.append(at)
    return out


def amount_for_threshold(record: Record) -> tuple[float, str | None]:
    """The deal's amount in the currency a money threshold is set in, and that currency's code.

    The corporate currency when the record carries its account's rate table (Salesforce's
    currencies, or the tenant's exchange rates setting on HubSpot) and the table converts the
    deal's currency: a 300,000 threshold must not escalate a JPY 300,000 deal, nor pass a GBP
    294,275 one in a USD account. Without a table, or without a rate for the deal's currency, the
    deal's own amount and currency (the documented fallback: nothing is guessed).
    """
    amount = float(record.amount or 0)
    try:
        table = RateTable.from_dict(record.extra.get(RATES_KEY))
        if table is not None and record.currency:
            return convert(amount, record.currency, table), table.corporate
    except CurrencyError:
        pass
    return amount, record.currency


def _money(amount: float, currency: str | None) -> str:
    return f"{currency} {amount:,.0f}" if currency else f"{amount:,.0f}"


def _converted(record: Record, compared: float, said: str | None) -> str:
    if said and record.currency and said != record.currency:
        return f" ({said} {compared:,.0f})"
    return ""
