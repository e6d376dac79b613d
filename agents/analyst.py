"""The analyst: engagement trend, risk indicators and buying signals, each with its evidence.

`analyse` asks the role's provider (through the gateway) and re-checks the answer in code; the
offline builder below computes the same output from the activity and scores directly.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any

from agents.context import Context, company_name_shaped
from agents.facts import Vocabulary
from agents.models import OFFLINE_LABEL, Analysis, AnalysisOut, Evidence, Signal
from agents.moments import sender_of
from agents.prompts import load_prompt
from agents.providers.gateway import CallResult, Gateway
from agents.providers.offline import register
from agents.safety import check_analysis
from agents.untrusted import fence
from integrations.base import revenue_by_currency
from integrations.money import RATES_KEY, CurrencyError, RateTable, split_sum

RECENT_DAYS = 14
"""Days that count as recent engagement."""

BASELINE_DAYS = 42
"""Engagement between RECENT_DAYS and this many days ago is the baseline of the trend."""

QUIET_DAYS = 14
"""Days without anything from the customer after which silence is a risk."""

STALLED_DAYS = 30
"""Days in one stage after which the deal counts as stalled."""

WEIGHT = {"meeting": 3.0, "call": 2.0, "page_view": 1.0, "note": 0.5, "task": 0.0}
"""Engagement weight per activity type; emails weigh 2 inbound and 0.5 outbound."""

RISK_WORDS = re.compile(r"\b(competitor|alternative|budget (?:freeze|cut)|too expensive|cheaper|on hold|"
                        r"postpone\w*|delay\w*|push(?:ed)? (?:back|out)|not a priority|concern\w*)\b", re.I)
BUYING_WORDS = re.compile(r"\b(proposal|contract|security review|procurement|legal review|pilot|rollout|"
                          r"next steps?|signed?|budget (?:approved|confirmed)|timeline|seats|order form|"
                          r"implementation|pricing)\b", re.I)


def _stage_name(stage: str | None) -> str | None:
    """A stage's name without what is appended to it ("Proposal/Price Quote - partners rubber-stamped"): the template
    names the stage, it does not repeat free text a CRM admin or an attacker put after it. What is left is named only
    when it is a pipeline id ("presentationscheduled") or a stage label every word of which is capitalised
    ("Proposal/Price Quote", "Id. Decision Makers"); anything else is free text and the summary says "its current
    stage"."""
    name = re.split(r"\s+[-–—:|]\s+|\s*[(\[]", stage, maxsplit=1)[0].strip() if stage else ""
    if re.fullmatch(r"[^\W\d_]+", name) or (name and len(name.split()) <= 4 and not re.search(r"\d", name)
                                             and company_name_shaped(name.replace("/", " "))):
        return name
    return None


SALESFORCE_LEAD_STATUSES = frozenset({"Open - Not Contacted", "Working - Contacted", "Closed - Converted",
                                      "Closed - Not Converted"})
"""Salesforce's own Lead Status values, named whole: their " - " is part of the value, not free text after it."""


def _where(ctx: Context, company: str) -> str:
    """Where the record stands, as its CRM's user says it: a deal is in a stage; a Salesforce Lead has a Status
    ("Lead status: Open - Not Contacted"), never a stage."""
    raw = ctx.safe("stage", ctx.record.stage)
    if ctx.record.object_type == "lead":
        name = raw if raw in SALESFORCE_LEAD_STATUSES else _stage_name(raw)
        return f"{company} (Lead status: {name})" if name else f"{company} (lead)"
    name = _stage_name(raw)
    return f"{company} is in {f'stage {name}' if name else 'its current stage'}"


def engagement_trend(acts: list[dict[str, Any]], customer: list[dict[str, Any]]) -> tuple[str, float, float]:
    """The engagement trend, and the customer's weighted activity in the last RECENT_DAYS and per RECENT_DAYS before.

    Whether engagement rises, and whether the customer went silent, is judged on what the customer did (meetings,
    calls, page views, their e-mails): counting a rep's own e-mails and notes called a deal silent for 145 days
    "rising" after one outbound e-mail and a note (wave 24's demo, Sterling Industries). A fall in all the deal's
    activity, the rep's included, is still a decline, as before.
    """
    dated = [a for a in acts if a["days_ago"] is not None]
    mine = [a for a in customer if a["days_ago"] is not None]

    def windows(items: list[dict[str, Any]]) -> tuple[float, float]:
        recent = sum(_weight(a) for a in items if a["days_ago"] <= RECENT_DAYS)
        return recent, sum(_weight(a) for a in items if RECENT_DAYS < a["days_ago"] <= BASELINE_DAYS) / 2

    recent, base = windows(mine)
    all_recent, all_base = windows(dated)
    if not dated:
        return "no_activity", recent, base
    if recent > base * 1.3 + 0.5:
        return "rising", recent, base
    if all_recent < all_base * 0.7 or not mine or min(a["days_ago"] for a in mine) > BASELINE_DAYS:
        return "declining", recent, base
    return "steady", recent, base


def trend_violations(out: AnalysisOut, ctx: Context) -> list[str]:
    """A model's trend that the record's activity contradicts: "rising" with nothing from the customer lately."""
    if out.engagement_trend != "rising":
        return []
    days = [a["days_ago"] for a in _customer(ctx) if a["days_ago"] is not None]
    if days and min(days) <= RECENT_DAYS:
        return []
    last = f"the customer's last activity was {min(days)} days ago" if days else "nothing from the customer is dated"
    return [f"engagement trend 'rising' but {last} (rising needs customer activity in the last {RECENT_DAYS} days)"]


def factor_label(f: Mapping[str, Any], ctx: Context) -> str:
    """A score factor's label with its amount's currency, the scorer's words kept verbatim (the checks vouch for
    them whole): "Amount: 48,000 ↑ (EUR)"; past revenue won in several currencies is never one figure ("Past revenue
    won in USD and EUR (mixed currencies, not one total)"). The scorer's "Past revenue won: 80,300" reached the card's
    analysis with no currency, summed across currencies (wave 24's walk)."""
    label = str(f.get("label") or f.get("feature"))
    if not re.search(r":\s*-?[\d,]+(?:\.\d+)?\s*[↑↓]?\s*$", label):
        return label
    per = revenue_by_currency(ctx.record.history.closed_won_deals, ctx.record.currency)
    table = _rate_table(ctx.record) if f.get("feature") == "closed_won_sum" else None
    if table is not None:
        # The scorer's figure is in the corporate currency where the CRM's rates convert every won deal
        # (scoring.features.past_revenue); with one left out it is no total of them all.
        if not split_sum(per.items(), table=table, default=ctx.record.currency).unconverted:
            return f"{label} ({table.corporate})"
        return f"{label.split(':')[0]} in {' and '.join(c for c in per if c)} (mixed currencies, not one total)"
    if f.get("feature") == "amount" and (own := _rate_table(ctx.record)) is not None and ctx.record.currency and (
        ctx.record.currency.strip().upper() in own.rates
    ):
        # The scorer's deal amount is in the corporate currency where the CRM's rates convert it
        # (scoring.features.amount_in_corporate), not in the deal's own.
        return f"{label} ({own.corporate})"
    currencies = [ctx.record.currency] if f.get("feature") == "amount" else list(
        per) if f.get("feature") == "closed_won_sum" else []
    if len(currencies) > 1:
        known = " and ".join(c for c in currencies if c)
        return f"{label.split(':')[0]} in {known} (mixed currencies, not one total)"
    return f"{label} ({currencies[0]})" if currencies and currencies[0] else label


def _rate_table(record: Any) -> RateTable | None:
    """The CRM's rate table on the record (integrations/money.py); None when absent or malformed."""
    try:
        return RateTable.from_dict((record.extra or {}).get(RATES_KEY))
    except CurrencyError:
        return None


def _customer(ctx: Context) -> list[dict[str, Any]]:
    """The customer's own dated activities, most recent first (a1 is the most recent)."""
    acts = sorted(ctx.activities.values(), key=lambda a: int(a["id"][1:]))
    return [a for a in acts if a["days_ago"] is not None and _customer_side(a) and not a.get("withheld")]


def analyse(
    gateway: Gateway, ctx: Context, vocab: Vocabulary, allowed_promises: tuple[str, ...] = ()
) -> tuple[Analysis, CallResult]:
    """Run the analyst for one record.

    Args:
        gateway: routes the call to the analyst's provider chain.
        ctx: the record's context.
        vocab: facts outputs may state (for the safety re-check).
        allowed_promises: the tenant's (AgentSettings), read by the re-check as the writer's check reads them.

    Returns:
        The analysis (with `limitations` and `generated_by`) and the call's record.
    """
    prompt = load_prompt("analyst")
    values = {"today": ctx.data["today"], "limitations": "; ".join(ctx.limitations) or "none",
              "data": fence(ctx.data)}
    messages = prompt.render(values, {"task": "analysis", "ctx": ctx})
    result = gateway.call_checked(messages, AnalysisOut, role="analyst", prompt_version=prompt.version,
                                  check=lambda out: check_analysis(out, ctx, vocab, allowed_promises) + trend_violations(out, ctx))
    out: AnalysisOut = result.instance  # type: ignore[assignment]
    analysis = Analysis(**out.model_dump(), limitations=list(ctx.limitations), generated_by=result.label)
    return analysis, result


def _ev(a: Mapping[str, Any], note: str) -> Evidence:
    return Evidence(activity_id=a["id"], at=a["at"] or "", note=note)


def _weight(a: Mapping[str, Any]) -> float:
    if a["type"] == "email":
        return 2.0 if a.get("direction") == "inbound" else 0.5
    return WEIGHT.get(a["type"], 0.5)


def engagement_figures(recent: float, base: float) -> str:
    """The trend's figures with their unit (wave 32: "weighted 4 in the last 14 days" named no unit): the customer's
    activity points, a meeting counting 3, a call or their e-mail 2, a page view 1."""
    return (f"{recent:g} activity points from the customer in the last {RECENT_DAYS} days vs {base:g} per "
            f"{RECENT_DAYS} days before; a meeting counts 3, a call or their e-mail 2, a page view 1")


def _customer_side(a: Mapping[str, Any]) -> bool:
    return a["type"] in ("meeting", "call", "page_view") or a.get("direction") == "inbound"


def _label(a: Mapping[str, Any], ctx: Context | None = None) -> str:
    """Name an activity by its structured facts: what it was, which way, on which day, from whom.

    Never a quote of its subject or body (wave 18): every offline-unsafe case of sets 25 and 26 was an inbound
    subject quoted here ("RE: Propuesta – equipos a portes pagados"), and a description cannot carry a claim however
    the subject is worded. The sender is named only when code finds the contact who signed the e-mail and the
    contact's name is shaped like a person's (`Context.pasted_person`).
    """
    kind = {"email": f"{a.get('direction') or 'logged'} email", "page_view": "page view"}.get(
        a["type"], a["type"].replace("_", " "))
    when = f" on {_day(a['at'])}" if a.get("at") else ""
    who = ""
    if ctx is not None and a.get("direction") == "inbound" and not a.get("withheld"):
        sender = next((c for c in ctx.record.contacts if c.id == sender_of(ctx, a)), None)
        name = ctx.pasted_person(sender) if sender is not None else None
        who = f" from {name}" if name else ""
    return f"{kind}{who}{when}"


def _word(m: re.Match[str]) -> str:
    """The list's own word for a match: "postpone" for "postponedqz3vx", so nothing glued to it is repeated."""
    word = m.group(0).lower()
    stem = next((s for s in ("postpone", "delay", "concern", "push", "sign") if word.startswith(s)), None)
    return stem or " ".join(word.split())


def _day(iso: str) -> str:
    d = date.fromisoformat(iso[:10])
    return f"{d.day} {d.strftime('%B')}"


@register(AnalysisOut)
def offline_analysis(data: Mapping[str, Any]) -> AnalysisOut:
    """Compute the analysis from activity, stage and scores (the offline template)."""
    ctx: Context = data["ctx"]
    acts = sorted(ctx.activities.values(), key=lambda a: int(a["id"][1:]))  # a1 = most recent
    customer = _customer(ctx)
    trend, recent, base = engagement_trend(acts, customer)
    engagement = [_ev(a, _label(a, ctx)) for a in customer[:3]]
    risks = _risks(ctx, acts, customer)
    signals = _buying(ctx, acts, customer)
    company = ctx.pasted_company or ("This lead" if ctx.record.object_type == "lead" else "This account")
    parts = [f"{_where(ctx, company)}; engagement is {trend.replace('_', ' ')} ({engagement_figures(recent, base)})."]
    if risks:
        parts.append(f"Main risk: {risks[0].label}.")
    if signals:
        parts.append(f"Strongest signal: {signals[0].label}.")
    conv = ctx.scores.get("conversion")
    if isinstance(conv, Mapping) and "score_1_99" in conv:
        parts.append(f"Conversion score {conv['score_1_99']} of 99 ({conv.get('band', 'n/a')}).")
    elif not any(isinstance(ctx.scores.get(t), Mapping) for t in ("conversion", "churn", "clv", "price")):
        parts.append("No scores were available, so this rests on activity alone.")
    return AnalysisOut(summary=" ".join(parts), engagement_trend=trend, engagement_evidence=engagement,
                       risk_indicators=risks, buying_signals=signals)


def _risks(ctx: Context, acts: list[dict[str, Any]], customer: list[dict[str, Any]]) -> list[Signal]:
    risks: list[Signal] = []
    deal = ctx.data["deal"]
    if not customer:
        risks.append(Signal(label="Nothing from the customer on record", evidence=[]))
    elif customer[0]["days_ago"] > QUIET_DAYS:
        a = customer[0]
        risks.append(Signal(label=f"No customer activity for {a['days_ago']} days", evidence=[_ev(a, "last customer activity")]))
    if deal.get("days_to_close") is not None and deal["days_to_close"] < 0:
        risks.append(Signal(label=f"Close date passed {-deal['days_to_close']} days ago", evidence=[]))
    if deal.get("days_in_stage") is not None and deal["days_in_stage"] > STALLED_DAYS:
        risks.append(Signal(label=f"In the current stage for {deal['days_in_stage']} days", evidence=[]))
    for a in acts:
        m = None if a.get("withheld") else RISK_WORDS.search(f"{a['subject']} {a['text']}")
        if m and len(risks) < 5:
            risks.append(Signal(label=f"Mentions '{_word(m)}'", evidence=[_ev(a, _label(a, ctx))]))
    for aid in sorted(ctx.suspicious, key=lambda x: int(x[1:]))[:2]:
        a = ctx.activities[aid]
        risks.append(Signal(label="CRM text addressed instructions to an AI (withheld)",
                            evidence=[_ev(a, "withheld as untrusted instructions")]))
    churn = ctx.scores.get("churn")
    if isinstance(churn, Mapping) and churn.get("band") == "high":
        risks.append(Signal(label=f"Churn risk scored high ({churn.get('score_1_99', 'n/a')})", evidence=[]))
    conv = ctx.scores.get("conversion")
    if isinstance(conv, Mapping):
        for f in [f for f in conv.get("factors") or [] if f.get("direction") == "-"][:2]:
            risks.append(Signal(label=f"Score factor: {factor_label(f, ctx)}", evidence=[]))
    return risks


def _buying(ctx: Context, acts: list[dict[str, Any]], customer: list[dict[str, Any]]) -> list[Signal]:
    signals: list[Signal] = []
    pricing = [a for a in customer if a["type"] == "page_view" and "pricing" in f"{a['subject']} {a['text']}".lower()]
    if pricing:
        signals.append(Signal(label=f"Viewed the pricing page {len(pricing)} time(s)",
                              evidence=[_ev(a, _label(a, ctx)) for a in pricing[:3]]))
    meetings = [a for a in customer if a["type"] in ("meeting", "call")]
    if meetings:
        signals.append(Signal(label=f"{meetings[0]['type'].capitalize()} held on {_day(meetings[0]['at'])}",
                              evidence=[_ev(meetings[0], _label(meetings[0], ctx))]))
    inbound = [a for a in customer if a["type"] == "email"]
    if inbound and inbound[0]["days_ago"] <= RECENT_DAYS * 2:
        signals.append(Signal(label="Recent reply by email", evidence=[_ev(inbound[0], _label(inbound[0], ctx))]))
    for a in customer:
        m = None if a.get("withheld") else BUYING_WORDS.search(f"{a['subject']} {a['text']}")
        if m and a["type"] != "page_view" and len(signals) < 5:
            signals.append(Signal(label=f"Talks about '{_word(m)}'", evidence=[_ev(a, _label(a, ctx))]))
    conv = ctx.scores.get("conversion")
    if isinstance(conv, Mapping):
        for f in [f for f in conv.get("factors") or [] if f.get("direction") == "+"][:2]:
            signals.append(Signal(label=f"Score factor: {factor_label(f, ctx)}", evidence=[]))
    return signals


__all__ = ["OFFLINE_LABEL", "analyse", "engagement_trend", "offline_analysis", "trend_violations"]
