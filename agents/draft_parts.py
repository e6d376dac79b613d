"""The offline template's sentences for one draft, in the draft's language, built only from screened structured values
(the deal's name, the latest conversation, the buyer's question, the strategy's line, the slots): the template joins
them, and the small-model prompt lists them as the facts it may use (agents.writer).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from agents.catalogue import StrategyArm
from agents.context import Context, company_name_shaped, name_shaped
from agents.models import Analysis, NextBestAction
from agents.moments import sender_of
from agents.phrases import phrase
from agents.settings import AgentSettings
from agents.slot_text import format_day, format_slots

if TYPE_CHECKING:
    from agents.writer import DraftPlan  # the writer imports this module

_PICKLIST_API_VALUE = re.compile(r"[A-Z]+(?:_[A-Z]+)+")
"""A picklist's API value as Salesforce Leads and HubSpot companies carry it ("HOSPITAL_HEALTH_CARE"), not its label."""


def short_deal_name(name: str | None, company: str) -> str:
    """Return the deal's name without a leading company name ("Fleet Analytics rollout")."""
    if not name:
        return ""
    core = re.sub(
        r"[,.]?\s+(inc|ltd|llc|gmbh|corp|co|plc|sa|ag|bv|sas|sarl|sl|srl|kg|se)\.?$",
        "",
        company or "",
        flags=re.I,
    )
    for prefix in (company, core):
        if prefix and name.lower().startswith(prefix.lower()):
            return name[len(prefix) :].lstrip(" -–—:|/") or name
    return name


def _deal_phrase(ctx: Context, lang: str) -> str:
    if ctx.record.object_type == "lead":
        return phrase(lang, "deal_none")  # a Lead's name is the person's ("Nora Harris"): no project to name
    company = ctx.company_name or ""
    short = short_deal_name(ctx.safe("name", ctx.record.name), company)
    # A deal name is the rep's label, but a figure in it ("$40k upsell") is not for the buyer, nor a lowercase remark
    # ("2x1 en licencias"): only a name every word of which is a name's word is pasted.
    if (
        not short
        or re.search(r"\d|https?:|www\.|@|[(\[{‹⟨<«]", short)
        or not name_shaped(short)
        or not company_name_shaped(short)
    ):
        return phrase(lang, "deal_none")
    return phrase(lang, "deal", name=short)


def _pct(value: float, lang: str) -> str:
    n = f"{value * 100:.0f}"
    return f"{n}%" if lang == "en" else f"{n} %"


def _reference(ctx: Context, dp: DraftPlan, recipient: Any) -> str:
    """One sentence that points at something real, thanking the person who actually did it."""
    lang = dp.language
    acts = sorted(
        (a for a in ctx.activities.values() if not a.get("withheld") and a.get("at")),
        key=lambda a: int(a["id"][1:]),
    )  # a1 = most recent
    talks = [
        a
        for a in acts
        if a["type"] in ("meeting", "call") or (a["type"] == "email" and a.get("direction") == "inbound")
    ]
    views = [a for a in acts if a["type"] == "page_view"]
    for a in (talks or views)[:1]:
        when = format_day(date.fromisoformat(a["at"]), lang)
        if a["type"] == "page_view":
            # CRMs report visits as counts ("13 page views"); only a named page is worth naming.
            pricing = "pricing" in f"{a['subject']} {a.get('text') or ''}".lower()
            return phrase(lang, "visit_pricing" if pricing else "visit_site", date=when)
        if a["type"] in ("meeting", "call"):
            return phrase(lang, f"thanks_{a['type']}", date=when)
        sender_id = dp.ask.sender_contact_id if dp.ask and dp.ask.activity_id == a["id"] else None
        sender_id = sender_id or sender_of(ctx, a)
        sender = next((c for c in ctx.record.contacts if c.id == sender_id), None)
        if sender is not None and recipient is not None and sender.id == recipient.id:
            return phrase(lang, "thanks_you", date=when)
        # a colleague's e-mail is the buyer's side's, said as such: "Thanks for James's email" thanked Noah Wright for
        # what James did (the demo's card 71000002028, wave 24)
        return phrase(lang, "thanks_team", date=when)
    # nothing from the buyer: our own latest e-mail is still real and dated (wave 22: "where things stand" named nothing)
    sent = [a for a in acts if a["type"] == "email" and a.get("direction") == "outbound"]
    return (
        phrase(lang, "follow_sent", date=format_day(date.fromisoformat(sent[0]["at"]), lang))
        if sent
        else phrase(lang, "follow")
    )


RECENT_CONTACT_DAYS = 14
"""A conversation this recent means the re-engagement template must not say "it has been a while"."""


def _recent_contact(ctx: Context, days: int | None = RECENT_CONTACT_DAYS) -> bool:
    """A conversation (meeting, call, the buyer's e-mail) within `days`; `days=None`: ever."""
    return any(
        a["days_ago"] is not None
        and (days is None or a["days_ago"] <= days)
        and not a.get("withheld")
        and (a["type"] in ("meeting", "call") or a.get("direction") == "inbound")
        for a in ctx.activities.values()
    )


def _answer(dp: DraftPlan) -> str:
    """The opening sentence that answers the buyer's latest question (empty when there is none)."""
    if dp.ask is None:
        return ""
    lang = dp.language
    topics = [t for t in dp.ask.topics if t != "meeting"]
    if not topics and "meeting" in dp.ask.topics:
        return phrase(lang, "answer_meeting")
    if not topics:
        return phrase(lang, "answer_generic", day=format_day(dp.answer_by, lang))
    return phrase(
        lang, "answer", topic=phrase(lang, f"topic.{topics[0]}"), day=format_day(dp.answer_by, lang)
    )


@dataclass(frozen=True)
class DraftParts:
    """The offline template's sentences for one draft, in the draft's language, built only from screened
    structured values: the template joins them, and the small-model prompt lists them as the facts it may use."""

    greet: str
    reference: str
    answer: str
    line: str
    cta: str
    sign: str
    subject: str
    call_subject: str
    opening: str
    voicemail: str


def draft_parts(data: Mapping[str, Any]) -> DraftParts:
    """Compose the template's sentences from the writer's structured inputs (`data` of `write`)."""
    ctx: Context = data["ctx"]
    arm: StrategyArm = data["arm"]
    nba: NextBestAction = data["nba"]
    settings: AgentSettings = data["settings"]
    dp: DraftPlan = data["plan"]
    recipient = data["recipient"]
    lang = dp.language
    r = ctx.record
    company = ctx.pasted_company or phrase(lang, "your_team")
    first = ((ctx.pasted_person(recipient) or "").split() or [""])[0]
    owner = ctx.pasted_owner or ""
    deal = _deal_phrase(ctx, lang)
    deadline = format_day(dp.deadline, lang) if dp.deadline else None
    if nba.discount:
        key = "incentive_date" if deadline else "incentive"
        incentive = phrase(
            lang, key, company=company, deadline=deadline or "", pct=_pct(nba.discount, lang), deal=deal
        )
    else:
        incentive = phrase(
            lang, "timeline_date" if deadline else "timeline", company=company, deadline=deadline or ""
        )
    industry = ctx.safe("company.industry", r.company.industry if r.company else None)
    # An industry is a CRM picklist value ("Logistics", "Transportation & Warehousing"); anything else is a remark.
    if industry and (
        len(industry.split()) > 3 or re.search(r"\d", industry) or not company_name_shaped(industry)
    ):
        industry = None
    if industry and _PICKLIST_API_VALUE.fullmatch(industry):
        industry = industry.replace(
            "_", " "
        ).capitalize()  # the API value of a picklist ("COMPUTER_SOFTWARE")
    industry = industry.lower() if industry and lang == "en" else industry
    analysis: Analysis = data["analysis"]
    pricing = any("pricing" in sig.label.lower() for sig in analysis.buying_signals)
    signal = phrase(lang, "signal_pricing" if pricing else "signal_none")
    key = arm.name if arm.name in P_ARMS else "value_reinforcement"
    if key == "social_proof" and not industry:
        key = "social_proof_any"
    if key == "re_engagement" and (_recent_contact(ctx) or not _recent_contact(ctx, days=None)):
        key = (
            "re_engagement_recent"  # "it has been a while" would contradict a call last week, or no call ever
        )
    line = (
        incentive
        if arm.name == "limited_time_incentive"
        else phrase(lang, key, company=company, deal=deal, industry=industry, signal=signal)
    )
    slot1, slot2 = format_slots(dp.slots, lang)
    cta = phrase(lang, "cta_meeting" if nba.channel == "meeting" else "cta_call", slot1=slot1, slot2=slot2)
    formal = settings.tone == "formal"
    full = ctx.pasted_person(recipient) or first
    greet = (
        phrase(lang, "greet_formal", name=full)
        if formal and full
        else phrase(lang, "greet", first=first)
        if first
        else phrase(lang, "greet", first="").replace(" ,", ",").replace(" :", ":")
    )
    signer = owner if formal else (owner.split()[0] if owner else "")
    topic = next((t for t in (dp.ask.topics if dp.ask else ()) if t != "meeting"), None)
    return DraftParts(
        greet=greet,
        reference=_reference(ctx, dp, recipient),
        answer=_answer(dp),
        line=line,
        cta=cta,
        sign=phrase(lang, "sign_formal" if formal else "sign", owner=signer or phrase(lang, "team")),
        subject=(
            phrase(lang, "subject_answer", company=company, topic=phrase(lang, f"topic.{topic}"))
            if topic
            else phrase(lang, "subject", company=company, deal=deal)
        ),
        call_subject=phrase(lang, "call_subject", first=first or company, company=company),
        opening=f"{greet.rstrip(',:')}, {phrase(lang, 'calling', owner=owner or phrase(lang, 'team'), deal=deal)}",
        voicemail=phrase(lang, "voicemail_text", deal=deal),
    )


P_ARMS = (
    "value_reinforcement",
    "social_proof",
    "executive_alignment",
    "risk_reversal",
    "education_nurture",
    "re_engagement",
)
"""Arms with their own sentence in agents.phrases (limited_time_incentive uses the incentive line)."""
