"""The writer: one draft (email or call script) for the chosen strategy and channel.

The model writes subject and body and names the recipient by contact id; code resolves the
address from the record (the model never sees or writes it) and re-checks every fact.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from agents.catalogue import catalogue_by_name
from agents.context import Context, as_date
from agents.draft_parts import DraftParts, draft_parts
from agents.facts import Vocabulary
from agents.models import Analysis, Draft, DraftOut, NextBestAction, Recipient, Strategy
from agents.moments import Ask, latest_ask
from agents.phrases import buyer_language, phrase
from agents.prompts import load_prompt
from agents.providers.gateway import CallResult, Gateway
from agents.providers.offline import register
from agents.safety import check_draft
from agents.settings import AgentSettings
from agents.slot_text import format_slot
from agents.subject_line import clip_subject
from agents.timing import deadline_date, proposed_slots, recipient_timezone
from agents.untrusted import fence

LANGUAGE_NAMES = {"en": "English", "de": "German", "fr": "French", "es": "Spanish"}
"""Names of the draft languages, as the writer prompt says them."""

CALL_SCRIPT_FACTOR = 1.5
"""Call scripts may be this many times longer than an email body."""


@dataclass(frozen=True)
class DraftPlan:
    """What code decides about a draft before anyone writes it (the model and the template alike).

    Attributes:
        language: the buyer's language (agents.phrases.buyer_language).
        send_at: when the message goes out (the next best action's due time, owner's zone).
        recipient_tz: the recipient's IANA zone, where meeting slots are expressed.
        slots: two meeting times in the recipient's zone, business hours, after the send day.
        ask: the latest inbound question to answer first, or None.
        answer_by: the day the answer is promised for (next business day after sending).
        deadline: the close date when it is far enough ahead to offer as a deadline, else None.
    """

    language: str
    send_at: datetime
    recipient_tz: str
    slots: tuple[datetime, ...]
    ask: Ask | None
    answer_by: date
    deadline: date | None

    @property
    def send_day(self) -> date:
        return self.send_at.date()

    def dates(self) -> list[date]:
        """Every date the draft may state because code decided it."""
        return [self.send_day, self.answer_by, *(s.date() for s in self.slots),
                *([self.deadline] if self.deadline else [])]


def plan_draft(ctx: Context, nba: NextBestAction, settings: AgentSettings) -> DraftPlan:
    """Decide the draft's language, meeting slots, the question to answer and the usable deadline."""
    recipient = next((c for c in ctx.record.contacts if c.id == nba.recipient.id), ctx.record.primary_contact)
    country = ctx.safe("company.country", ctx.record.company.country if ctx.record.company else None)
    language = buyer_language(recipient.language if recipient else None, country, settings.language)
    send_at = datetime.fromisoformat(nba.due_at)
    tz = recipient_timezone(recipient.timezone if recipient else None, country, nba.timezone)
    ask = latest_ask(ctx)
    slots = tuple(proposed_slots(send_at, tz, same_day=bool(ask and ask.same_day), country=country))
    answer_by = next(d for d in (send_at.date() + timedelta(days=n) for n in range(1, 5)) if d.weekday() < 5)
    close = as_date(ctx.record.close_date)
    return DraftPlan(language=language, send_at=send_at, recipient_tz=tz, slots=slots, ask=ask,
                     answer_by=answer_by, deadline=deadline_date(close, send_at.date()))


def write(
    gateway: Gateway, ctx: Context, analysis: Analysis, strategy: Strategy, nba: NextBestAction,
    settings: AgentSettings, vocab: Vocabulary, draft_plan: DraftPlan | None = None,
) -> tuple[Draft, CallResult]:
    """Write the draft for the next best action.

    Returns:
        The draft (recipient resolved from the record) and the call's record.
    """
    dp = draft_plan or plan_draft(ctx, nba, settings)
    arm = catalogue_by_name(settings.catalogue)[strategy.arm]
    kind = "call_script" if nba.channel == "call" else "email"
    recipient = next((c for c in ctx.record.contacts if c.id == nba.recipient.id), ctx.record.primary_contact)
    owner_name = (ctx.safe("owner.name", ctx.record.owner.name) if ctx.record.owner else None) or "the deal owner"
    discount_rule = (f"you may offer exactly {nba.discount:.0%} off and nothing more." if nba.discount
                     else "offer no discount or price change.")
    factor = CALL_SCRIPT_FACTOR if kind == "call_script" else 1.0
    slots = " or ".join(format_slot(s, "en") for s in dp.slots)
    values = {
        "kind": kind.replace("_", " "), "language": dp.language, "language_name": LANGUAGE_NAMES[dp.language],
        "tone": settings.tone,
        "channel": nba.channel, "min_words": str(settings.draft_min_words),
        "max_words": str(int(settings.draft_max_words * factor)), "subject_max": str(settings.subject_max_chars),
        "discount_rule": discount_rule, "recipient_id": recipient.id if recipient else "none",
        "owner_name": owner_name, "arm": arm.name, "arm_description": arm.description,
        "ask_rule": (f"First answer the buyer's latest question (activity {dp.ask.activity_id}, about "
                     f"{', '.join(dp.ask.topics) or 'see the email'}), before anything else." if dp.ask
                     else "There is no open question from the buyer; do not invent one."),
        "thanks_rule": _thanks_rule(ctx, dp, recipient),
        "slots_rule": (f"If you propose a meeting, offer exactly these times in the recipient's time zone "
                       f"({dp.recipient_tz}): {slots}." if dp.slots else ""),
        "send_day": dp.send_day.isoformat(),
        "deadline_rule": (f"The only deadline you may name is {dp.deadline.isoformat()}." if dp.deadline
                          else "Name no deadline."),
        "links": ", ".join(settings.link_allowlist) or "none (write no links)",
        "plan": fence({"next_best_action": nba.summary, "recipient": {
            "contact_id": recipient.id if recipient else None, "name": ctx.contact_name(recipient),
            "title": ctx.safe(f"contacts.{recipient.id}.title", recipient.title) if recipient else None},
            "analysis": analysis.model_dump(include={"summary", "risk_indicators", "buying_signals"})}),
        "data": fence(ctx.data),
    }
    data = {"task": "draft", "ctx": ctx, "arm": arm, "nba": nba, "settings": settings, "analysis": analysis,
            "recipient": recipient, "kind": kind, "plan": dp}
    prompt = load_prompt(settings.writer_prompt)
    if settings.writer_prompt != "writer":
        values.update(_small_model_values(ctx, recipient, draft_parts(data), kind))
    result = gateway.call_checked(
        prompt.render(values, data), DraftOut, role="writer", prompt_version=prompt.version,
        check=lambda out: check_draft(out, ctx, vocab, approved_discount=nba.discount,
                                      allowed_promises=settings.allowed_promises, send_day=dp.send_day, language=dp.language,
                                      asked_same_day=bool(dp.ask and dp.ask.same_day),
                                      learned_screen=settings.learned_screen))
    out: DraftOut = result.instance  # type: ignore[assignment]
    to = next((c for c in ctx.record.contacts if c.id == out.to_contact_id), None)
    draft = Draft(
        to=Recipient(contact_id=to.id if to else out.to_contact_id, name=ctx.pasted_person(to),
                     email=to.email if to else None),
        channel=nba.channel, kind=kind, subject=out.subject.strip(), body=out.body.strip(),
        language=dp.language, tone=settings.tone, generated_by=result.label)
    return draft, result


def _small_model_values(ctx: Context, recipient: Any, parts: DraftParts, kind: str) -> dict[str, str]:
    """What the small-model prompt adds: the template's sentences, in the draft's language, as the facts to use.

    A 0.5B model given the full rules and the record wrote English to French and Spanish buyers, put the strategy's
    name in the subject and copied the buyer's own email (wave 20's captures, tests/fixtures/llm_real); sentences
    already in the buyer's language, built only from screened structured values, give it the language, the facts
    and the order.
    """
    if kind == "call_script":
        lines = [parts.opening, " ".join(x for x in (parts.reference, parts.answer) if x), parts.line, parts.cta,
                 parts.voicemail]
        subject = parts.call_subject
    else:
        lines = [parts.greet, parts.reference, parts.answer, parts.line, parts.cta]
        subject = parts.subject
    numbered = [f"{n}. {line}" for n, line in enumerate((x for x in lines if x), start=1)]
    first = ((ctx.pasted_person(recipient) or "").split() or [""])[0]
    sign = parts.sign.replace("\n", " / ")
    facts = [f"- Start with: {parts.greet}" if kind != "call_script" else f"- Open with: {parts.opening}",
             f"- Something real to mention: {parts.reference}",
             *([f"- Answer their question first: {parts.answer}"] if parts.answer else []),
             f"- The point to make: {parts.line}", f"- The one request (keep its times exactly): {parts.cta}",
             f"- A subject like: {subject}", f"- End with: {sign}"]
    # v4: the sign-off as the last numbered line, on one line (v3's "Last line: Best, / Sam" came back as written,
    # label and slash included)
    signed = [*numbered, f"{len(numbered) + 1}. {parts.sign.replace(chr(10), ' ')}"] if kind != "call_script" \
        else numbered
    return {"parts": "\n".join(numbered), "lines": "\n".join(signed), "subject": subject, "sign": sign,
            "facts": "\n".join(facts),
            "first_name": first or "the customer", "company": ctx.pasted_company or "their company"}


def _thanks_rule(ctx: Context, dp: DraftPlan, recipient: Any) -> str:
    if dp.ask is None:
        return "Thank the recipient only for something they did themselves."
    sender = next((c for c in ctx.record.contacts if c.id == dp.ask.sender_contact_id), None)
    if sender is None:
        return "The latest email's sender is unknown: thank 'your team', not the recipient personally."
    if recipient is not None and sender.id == recipient.id:
        return "The latest email came from the recipient: thank them for it."
    return (f"The latest email came from contact {sender.id}, not the recipient: do not thank the recipient for it; "
            "thank 'your team' for it, or refer to it without thanks.")


@register(DraftOut)
def offline_draft(data: Mapping[str, Any]) -> DraftOut:
    """Write the draft from screened, structured inputs only (the offline template)."""
    settings: AgentSettings = data["settings"]
    recipient = data["recipient"]
    lang = data["plan"].language
    p = draft_parts(data)
    if data["kind"] == "call_script":
        body = (f"{phrase(lang, 'opening')}: {p.opening}\n"
                f"{phrase(lang, 'reference')}: {' '.join(x for x in (p.reference, p.answer) if x)}\n"
                f"{phrase(lang, 'point')}: {p.line}\n{phrase(lang, 'ask')}: {p.cta}\n"
                f"{phrase(lang, 'voicemail')}: {p.voicemail}")
        subject = p.call_subject
    else:
        opening = f"{p.reference} {p.answer}" if p.answer else p.reference
        body = f"{p.greet}\n\n{opening} {p.line}\n\n{p.cta}\n\n{p.sign}"
        subject = p.subject
    return DraftOut(to_contact_id=recipient.id if recipient else "",
                    subject=clip_subject(subject, settings.subject_max_chars), body=body)


def owner_brief(ctx: Context, nba: NextBestAction, escalations: list[str]) -> Draft:
    """The owner's brief for an escalated record: why, and what not to send (never customer-facing)."""
    owner = ctx.record.owner
    who = ctx.pasted_person(next((c for c in ctx.record.contacts if c.id == nba.recipient.id), None)) or "the buyer"
    advice = {"negative": f"call or write to {who} yourself today and acknowledge what went wrong before "
                          "proposing anything new.",
              "cancellation": f"talk to {who} yourself about their reasons before anything else is sent; no "
                              "offer or discount goes out until you have.",
              "legal": f"bring in your legal or compliance contact and answer {who} yourself; do not send "
                       "contract or data-protection statements from a template."}
    lines = ["This record needs you personally; no customer email was drafted.", "",
             *(f"- {e}" for e in escalations), "",
             *(f"Suggested: {text}" for key, text in advice.items() if any(e.startswith(key) for e in escalations))]
    return Draft(to=Recipient(contact_id=f"owner:{owner.id}" if owner else "owner",
                              name=ctx.pasted_owner,
                              email=owner.email if owner else None),
                 channel="email", kind="owner_brief", subject="Escalated: needs the owner's personal reply",
                 body="\n".join(lines), language="en", tone="formal", generated_by="code")
