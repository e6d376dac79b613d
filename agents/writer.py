"""The writer: one draft (email or call script) for the chosen strategy and channel.

The model writes subject and body and names the recipient by contact id; code resolves the
address from the record (the model never sees or writes it) and re-checks every fact.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from agents.catalogue import StrategyArm, catalogue_by_name
from agents.context import Context
from agents.facts import Vocabulary
from agents.models import Analysis, Draft, DraftOut, NextBestAction, Recipient, Strategy
from agents.prompts import load_prompt
from agents.providers.gateway import CallResult, Gateway
from agents.providers.offline import register
from agents.safety import check_draft
from agents.settings import AgentSettings
from agents.untrusted import fence

OFFLINE_LANGUAGE = "en"
"""The language the offline templates are written in."""

CALL_SCRIPT_FACTOR = 1.5
"""Call scripts may be this many times longer than an email body."""


def write(
    gateway: Gateway, ctx: Context, analysis: Analysis, strategy: Strategy, nba: NextBestAction,
    settings: AgentSettings, vocab: Vocabulary,
) -> tuple[Draft, CallResult]:
    """Write the draft for the next best action.

    Returns:
        The draft (recipient resolved from the record) and the call's record.
    """
    arm = catalogue_by_name(settings.catalogue)[strategy.arm]
    kind = "call_script" if nba.channel == "call" else "email"
    recipient = next((c for c in ctx.record.contacts if c.id == nba.recipient.id), ctx.record.primary_contact)
    owner_name = ctx.record.owner.name if ctx.record.owner and ctx.record.owner.name else "the deal owner"
    discount_rule = (f"you may offer exactly {nba.discount:.0%} off and nothing more." if nba.discount
                     else "offer no discount or price change.")
    factor = CALL_SCRIPT_FACTOR if kind == "call_script" else 1.0
    values = {
        "kind": kind.replace("_", " "), "language": settings.language, "tone": settings.tone,
        "channel": nba.channel, "min_words": str(settings.draft_min_words),
        "max_words": str(int(settings.draft_max_words * factor)), "subject_max": str(settings.subject_max_chars),
        "discount_rule": discount_rule, "recipient_id": recipient.id if recipient else "none",
        "owner_name": owner_name, "arm": arm.name, "arm_description": arm.description,
        "plan": fence({"next_best_action": nba.summary, "recipient": {
            "contact_id": recipient.id if recipient else None, "name": recipient.name if recipient else None,
            "title": recipient.title if recipient else None},
            "analysis": analysis.model_dump(include={"summary", "risk_indicators", "buying_signals"})}),
        "data": fence(ctx.data),
    }
    data = {"task": "draft", "ctx": ctx, "arm": arm, "nba": nba, "settings": settings, "analysis": analysis,
            "recipient": recipient, "kind": kind}
    result = gateway.call_checked(
        load_prompt("writer").render(values, data), DraftOut, role="writer",
        prompt_version=load_prompt("writer").version,
        check=lambda out: check_draft(out, ctx, vocab, approved_discount=nba.discount,
                                      allowed_promises=settings.allowed_promises))
    out: DraftOut = result.instance  # type: ignore[assignment]
    to = next((c for c in ctx.record.contacts if c.id == out.to_contact_id), None)
    draft = Draft(
        to=Recipient(contact_id=to.id if to else out.to_contact_id, name=to.name if to else None,
                     email=to.email if to else None),
        channel=nba.channel, kind=kind, subject=out.subject.strip(), body=out.body.strip(),
        # The offline templates are English; say so rather than label English text as another language.
        language=settings.language if result.provider != "offline" else OFFLINE_LANGUAGE,
        tone=settings.tone, generated_by=result.label)
    return draft, result


def short_deal_name(name: str | None, company: str) -> str:
    """Return the deal's name without a leading company name ("the Fleet Analytics rollout")."""
    if not name:
        return "this project"
    rest = name[len(company):].lstrip(" -–—:|/") if company and name.lower().startswith(company.lower()) else name
    return f"the {rest}" if rest and rest != name else (rest or name)


def _month_day(d: date) -> str:
    return f"{d.strftime('%B')} {d.day}"


def _reference(ctx: Context, analysis: Analysis) -> str:
    """One sentence that points at something real: an activity, else a score factor, else the stage."""
    acts = sorted((a for a in ctx.activities.values() if not a.get("withheld") and a.get("at")),
                  key=lambda a: int(a["id"][1:]))  # a1 = most recent
    talks = [a for a in acts if a["type"] in ("meeting", "call")
             or (a["type"] == "email" and a.get("direction") == "inbound")]
    views = [a for a in acts if a["type"] == "page_view"]
    for a in (talks or views)[:1]:
        when = _month_day(date.fromisoformat(a["at"]))
        topic = re.sub(r"^((re|fwd?|aw):\s*)+", "", (a["subject"] or "").strip(), flags=re.I).rstrip(".")[:70]
        if a["type"] == "page_view":
            # CRMs report visits as counts ("13 page views"); only a named page is worth naming.
            where = "pricing page" if "pricing" in f"{topic} {a.get('text') or ''}".lower() else "site"
            return f"I noticed your team was back on our {where} on {when}."
        what = "your email" if a["type"] == "email" else f"the {a['type']}"
        return f"Thanks for {what} on {when} about \"{topic}\"." if topic else f"Thanks for {what} on {when}."
    factors = [f for s in ctx.scores.values() if isinstance(s, Mapping) for f in s.get("factors") or []]
    if factors:
        return f"One thing that stood out on our side: {(factors[0].get('label') or '').lower()}."
    # Stage values are CRM ids ("appointmentscheduled"), not words to put in front of a customer.
    return "I wanted to follow up on where things stand on your side."


_ARM_LINES = {
    "value_reinforcement": "The reason we started talking was the outcome {company} wants from {deal}, and "
                           "{signal}",
    "social_proof": "Teams in {industry} usually start with one group, measure the first results and widen "
                    "from there, and I can walk you through how that tends to go.",
    "limited_time_incentive": "{incentive}",
    "executive_alignment": "Given the scope of {deal}, a short conversation between you and our leadership "
                           "would make sure the plan fits what {company} needs this year.",
    "risk_reversal": "To make the decision easier, we could start with a scoped pilot and agree on clear "
                     "success criteria with your team up front.",
    "education_nurture": "No pressure on timing: I can share a short overview of how teams approach this, "
                         "so {company} can move at its own pace.",
    "re_engagement": "It has been a little while since we last spoke, so I wanted to check whether {deal} is "
                     "still a priority for {company}.",
}

_CTA = {
    "email": "Would a 20-minute call on {day} work to go through it?",
    "meeting": "Could we find 30 minutes on {day} for that conversation?",
    "call": "Would {day} work for a 20-minute follow-up?",
}


@register(DraftOut)
def offline_draft(data: Mapping[str, Any]) -> DraftOut:
    """Write the draft from the real inputs (the offline template)."""
    ctx: Context = data["ctx"]
    arm: StrategyArm = data["arm"]
    nba: NextBestAction = data["nba"]
    settings: AgentSettings = data["settings"]
    recipient = data["recipient"]
    r = ctx.record
    company = r.company.name if r.company and r.company.name else "your team"
    first = (recipient.name or "there").split()[0] if recipient else "there"
    owner = r.owner.name if r.owner and r.owner.name else ""
    deal = short_deal_name(r.name, company)
    close = datetime.fromisoformat(r.close_date).date() if r.close_date and len(r.close_date) >= 10 else None
    if nba.discount:
        incentive = (f"If {company} can confirm by {_month_day(close)}, I can offer {nba.discount:.0%} off {deal}."
                     if close else f"I can offer {nba.discount:.0%} off {deal} if {company} confirms this month.")
    else:
        incentive = (f"With your target date of {_month_day(close)} coming up, confirming soon keeps "
                     f"onboarding for {company} on that timeline." if close else
                     f"Confirming soon keeps onboarding for {company} on the timeline we discussed.")
    industry = (r.company.industry if r.company and r.company.industry else "your industry").lower()
    analysis: Analysis = data["analysis"]
    pricing = any("pricing" in sig.label.lower() for sig in analysis.buying_signals)
    signal = ("your team's recent visits to our pricing page suggest it is still high on the list."
              if pricing else "everything we have seen so far points the same way.")
    line = _ARM_LINES.get(arm.name, _ARM_LINES["value_reinforcement"]).format(
        company=company, deal=deal, industry=industry, incentive=incentive, signal=signal)
    day = datetime.fromisoformat(nba.due_at).strftime("%A")
    cta = _CTA[nba.channel].format(day=day)
    reference = _reference(ctx, data["analysis"])
    formal = settings.tone == "formal"
    greet = f"Dear {recipient.name}," if formal and recipient and recipient.name else f"Hi {first},"
    sign = f"Kind regards,\n{owner or 'Your account team'}" if formal else \
        f"Best,\n{owner.split()[0] if owner else 'Your account team'}"
    if data["kind"] == "call_script":
        body = (f"Opening: {greet.rstrip(',')}, this is {owner or 'your account team'}, calling about {deal}.\n"
                f"Reference: {reference}\nPoint: {line}\n"
                f"Ask: {cta}\nIf voicemail: leave your name, mention {deal}, and say you will follow up by email.")
        subject = f"Call {first} at {company}: {arm.name.replace('_', ' ')}"
    else:
        body = f"{greet}\n\n{reference} {line}\n\n{cta}\n\n{sign}"
        subject = f"{company}: next step on {deal}"
    return DraftOut(to_contact_id=recipient.id if recipient else "", subject=subject[: settings.subject_max_chars],
                    body=body)
