"""The strategist: the policy picks an arm (a seam the bandit will take over), the model explains
it and plans the next best action, and code fixes what must not be the model's call: the arm,
the discount cap, the recipient's address and the concrete time in the owner's time zone.
"""

from __future__ import annotations

import hashlib
import math
import random
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from agents.catalogue import StrategyArm, catalogue_by_name
from agents.context import Context
from agents.facts import Vocabulary
from agents.models import Analysis, NextBestAction, Person, Strategy, StrategyOut
from agents.prompts import load_prompt
from agents.providers.gateway import CallResult, Gateway
from agents.providers.offline import register
from agents.safety import check_strategy
from agents.settings import AgentSettings
from agents.untrusted import fence

POLICY_TEMPERATURE = 0.6
"""Softmax temperature of the default policy: lower exploits the heuristic prior harder."""

WORKDAY_START_HOUR = 9
"""Local hour the owner's working day starts (actions are scheduled inside working hours)."""

WORKDAY_LAST_HOUR = 16
"""Last local hour at which a same-day action is still scheduled."""

SCHEDULE_HOUR = 10
"""Local hour of an action scheduled for a later day."""

_SENIORITY = ((3, r"\b(chief|ceo|cfo|cto|coo|cio|cro|president|founder|owner)\b"),
              (2, r"\b(vp|vice president|svp|evp)\b"), (1, r"\b(head|director)\b"))


@dataclass(frozen=True)
class PolicyInput:
    """What a policy sees when it picks an arm."""

    ctx: Context
    analysis: Analysis
    catalogue: tuple[StrategyArm, ...]


@dataclass(frozen=True)
class ArmChoice:
    """A policy's pick, with the propensity the learning loop needs for off-policy evaluation."""

    arm: str
    propensity: float
    probabilities: Mapping[str, float]
    policy: str


ArmPolicy = Callable[[PolicyInput], ArmChoice]
"""A callable that picks an arm; the bandit will be one."""


def heuristic_policy(inp: PolicyInput) -> ArmChoice:
    """Pick an arm by softmax over a heuristic prior, seeded per record and day (reproducible).

    The bandit replaces this callable; the prior only encodes the catalogue's "when" lines.
    """
    f = _features(inp)
    prior = {
        "value_reinforcement": 1.0 + 0.5 * f["signals"],
        "social_proof": 0.8 + (0.6 if f["early"] else 0.0),
        "limited_time_incentive": 0.2 + (1.2 if f["discount"] and f["close_soon"] else 0.0),
        "executive_alignment": 0.3 + (1.2 if f["large"] and f["exec"] else 0.0),
        "risk_reversal": 0.4 + 0.5 * f["risks"] + (1.0 if f["churn_high"] else 0.0),
        "education_nurture": 0.3 + (1.0 if f["low_intent"] else 0.0),
        "re_engagement": 0.2 + (2.0 if f["quiet"] else 0.0),
    }
    names = [a.name for a in inp.catalogue]
    logits = [prior.get(n, 0.5) / POLICY_TEMPERATURE for n in names]
    top = max(logits)
    weights = [math.exp(v - top) for v in logits]
    total = sum(weights)
    probs = {n: round(w / total, 6) for n, w in zip(names, weights, strict=True)}
    r = inp.ctx.record
    seed = hashlib.sha256(f"{r.tenant_id}|{r.crm}|{r.id}|{inp.ctx.now.date()}".encode()).hexdigest()
    arm = random.Random(int(seed[:16], 16)).choices(names, weights=weights)[0]
    return ArmChoice(arm=arm, propensity=probs[arm], probabilities=probs, policy="softmax-heuristic-v1")


def _features(inp: PolicyInput) -> dict[str, Any]:
    ctx, a = inp.ctx, inp.analysis
    deal = ctx.data["deal"]
    conv = ctx.scores.get("conversion") if isinstance(ctx.scores.get("conversion"), Mapping) else {}
    churn = ctx.scores.get("churn") if isinstance(ctx.scores.get("churn"), Mapping) else {}
    price = ctx.scores.get("price") if isinstance(ctx.scores.get("price"), Mapping) else {}
    return {
        "signals": min(len(a.buying_signals), 4), "risks": min(len(a.risk_indicators), 4),
        "quiet": a.engagement_trend in ("declining", "no_activity"),
        "early": (deal.get("age_days") or 0) < 30, "close_soon": 0 <= (deal.get("days_to_close") or 99) <= 30,
        "discount": bool(price.get("best_discount")), "large": (ctx.record.amount or 0) >= 50_000,
        "exec": senior_contact(ctx) is not None, "churn_high": churn.get("band") == "high",
        "low_intent": conv.get("band") == "low",
    }


def seniority(title: str | None) -> int:
    """Rank a job title: 3 C-level/founder, 2 VP, 1 head/director, 0 otherwise."""
    for rank, pattern in _SENIORITY:
        if title and re.search(pattern, title, re.I):
            return rank
    return 0


def senior_contact(ctx: Context) -> Any:
    """Return the most senior contact with a senior title, or None."""
    def title(c: Any) -> str | None:
        return ctx.safe(f"contacts.{c.id}.title", c.title)

    ranked = sorted(ctx.record.contacts, key=lambda c: (-seniority(title(c)), not c.is_primary))
    return ranked[0] if ranked and seniority(title(ranked[0])) > 0 else None


def default_recipient(ctx: Context, arm: StrategyArm) -> Any:
    """The primary contact, or the most senior one when the arm asks for executives; a contact
    who opted out of email is passed over for one who did not (if every contact opted out, the
    primary stays and the decision engine suppresses the message)."""
    opted_out = ctx.record.opted_out_contact_ids
    if arm.recipient == "executive":
        senior = senior_contact(ctx)
        if senior is not None and senior.id not in opted_out:
            return senior
    primary = ctx.record.primary_contact
    if primary is None or primary.id not in opted_out:
        return primary
    return next((c for c in ctx.record.contacts if c.id not in opted_out), primary)


def plan(
    gateway: Gateway, ctx: Context, analysis: Analysis, choice: ArmChoice, settings: AgentSettings,
    vocab: Vocabulary,
) -> tuple[Strategy, NextBestAction, CallResult]:
    """Explain the policy's arm and plan the next best action.

    Returns:
        The strategy, the next best action (discount clamped to the cap) and the call's record.
    """
    arms = catalogue_by_name(settings.catalogue)
    arm = arms[choice.arm]
    recipient = default_recipient(ctx, arm)
    prompt = load_prompt("strategist")
    values = {"arm": arm.name, "arm_description": arm.description, "arm_when": arm.when,
              "max_discount": f"{settings.max_discount:g}",
              "plan": fence({"suggested_recipient": {"contact_id": recipient.id, "name": ctx.contact_name(recipient),
                                                     "title": ctx.safe(f"contacts.{recipient.id}.title",
                                                                       recipient.title)} if recipient else None,
                             "analysis": analysis.model_dump(include={"summary", "engagement_trend",
                                                                      "risk_indicators", "buying_signals"})}),
              "data": fence(ctx.data)}
    data = {"task": "strategy", "ctx": ctx, "arm": arm, "analysis": analysis, "settings": settings,
            "recipient": recipient}
    result = gateway.call_checked(
        prompt.render(values, data), StrategyOut, role="strategist", prompt_version=prompt.version,
        check=lambda out: check_strategy(out, ctx, vocab, arm=arm, max_discount=settings.max_discount,
                                         allowed_promises=settings.allowed_promises))
    out: StrategyOut = result.instance  # type: ignore[assignment]
    strategy = Strategy(arm=arm.name, propensity=choice.propensity, policy=choice.policy,
                        probabilities=dict(choice.probabilities), rationale=out.rationale, generated_by=result.label)
    return strategy, next_best_action(ctx, arm, out, settings), result


def next_best_action(ctx: Context, arm: StrategyArm, out: StrategyOut, settings: AgentSettings) -> NextBestAction:
    """Turn the strategist's plan into a concrete action (time in the owner's zone, capped discount)."""
    owner = ctx.record.owner
    tz_name = (owner.timezone if owner and owner.timezone else None) or "UTC"
    try:
        tz = ZoneInfo(tz_name)
    except (ZoneInfoNotFoundError, ValueError):
        tz_name, tz = "UTC", ZoneInfo("UTC")
    due = schedule(out.timing, ctx.now.astimezone(tz))
    contact = next((c for c in ctx.record.contacts if c.id == out.recipient_contact_id), None)
    discount = None
    if arm.uses_discount and out.discount is not None:
        discount = round(min(max(out.discount, 0.0), settings.max_discount), 4)
    who = ctx.pasted_person(contact) or "the primary contact"
    verb = {"email": "Email", "call": "Call", "meeting": "Propose a meeting with"}[out.channel]
    extra = f", offering {discount:.0%} off" if discount else ""
    return NextBestAction(
        channel=out.channel, timing=out.timing, due_at=due.isoformat(), timezone=tz_name,
        owner=Person(id=owner.id if owner else None, name=ctx.pasted_owner,
                     email=owner.email if owner else None),
        recipient=Person(id=contact.id if contact else None, name=ctx.pasted_person(contact),
                         email=contact.email if contact else None),
        discount=discount,
        summary=f"{verb} {who} ({arm.name.replace('_', ' ')}) on {due.strftime('%a %d %b %H:%M')} {tz_name}{extra}",
    )


def schedule(timing: str, local_now: datetime) -> datetime:
    """Return the local time an action with `timing` is due, inside working hours (Mon-Fri)."""

    def next_workday(d: datetime, n: int) -> datetime:
        while n > 0:
            d += timedelta(days=1)
            if d.weekday() < 5:
                n -= 1
        return d

    at = local_now.replace(second=0, microsecond=0)
    if timing == "today":
        if at.weekday() < 5 and at.hour < WORKDAY_LAST_HOUR:
            soon = at + timedelta(hours=1)
            return max(soon.replace(minute=0 if soon.minute < 30 else 30), at.replace(hour=WORKDAY_START_HOUR, minute=0))
        return next_workday(at, 1).replace(hour=WORKDAY_START_HOUR, minute=30)
    if timing == "next_week":
        days = 7 - at.weekday()
        return (at + timedelta(days=days)).replace(hour=SCHEDULE_HOUR, minute=0)
    n = 2 if timing == "in_2_business_days" else 1
    return next_workday(at, n).replace(hour=SCHEDULE_HOUR, minute=0)


@register(StrategyOut)
def offline_strategy(data: Mapping[str, Any]) -> StrategyOut:
    """Explain the chosen arm from the analysis and scores (the offline template)."""
    ctx: Context = data["ctx"]
    arm: StrategyArm = data["arm"]
    analysis: Analysis = data["analysis"]
    settings: AgentSettings = data["settings"]
    recipient = data["recipient"]
    because = []
    if analysis.buying_signals:
        because.append(f"signal: {analysis.buying_signals[0].label}")
    if analysis.risk_indicators:
        because.append(f"risk: {analysis.risk_indicators[0].label}")
    because.append(f"engagement {analysis.engagement_trend.replace('_', ' ')}")
    rationale = f"{arm.when} Here: {'; '.join(because)}."
    price = ctx.scores.get("price") if isinstance(ctx.scores.get("price"), Mapping) else {}
    discount = None
    if arm.uses_discount and price.get("best_discount"):
        discount = round(min(float(price["best_discount"]), settings.max_discount), 4)
    channel = arm.default_channel
    if channel == "email" and recipient is not None and not recipient.email:
        channel = "call"
    timing = {"rising": "today", "declining": "next_business_day", "no_activity": "next_business_day"}.get(
        analysis.engagement_trend, "in_2_business_days")
    if arm.name == "education_nurture":
        timing = "next_week"
    return StrategyOut(strategy=arm.name, rationale=rationale, channel=channel, timing=timing, discount=discount,
                       recipient_contact_id=recipient.id if recipient else "")
