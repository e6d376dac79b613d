"""Pure functions deciding what to write back: output fields, the task, the note.

Compare-before-write lives here too: a field set equal to the last one written (ignoring the
enrichment timestamp) is not written again, so re-processing an unchanged record writes nothing.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from app.cards import reason_words
from app.cards.catalogue import text
from app.cards.view import DUE_WORDS, action_title, draft_kind
from app.pipeline.next_step_words import next_step_text, strategy_words
from integrations.base import Record, TaskSpec
from integrations.money import RATES_KEY

VOLATILE_FIELDS = ("ai_enriched_at",)
"""Fields that change on every run and so never by themselves justify a write."""

TEXT_LIMIT = 1000
"""Characters kept of free-text output fields (HubSpot allows far more; the card shows the rest)."""


TASK_BODY_LIMIT = 8000
"""Characters kept of the task body (summary, why and the whole draft; HubSpot allows far more)."""


def output_fields(scores: Mapping[str, Any], run: Any, decision: Any, *, now: datetime,
                  language: str | None = None) -> dict[str, str]:
    """The DESIGN.md output fields for one enrichment, as HubSpot property strings (`language`: the record's, for
    `ai_next_best_action`; by default the draft's)."""
    out: dict[str, str] = {}
    conv = scores.get("conversion") if isinstance(scores.get("conversion"), Mapping) else None
    if conv:
        out["ai_conversion_score"] = str(conv["score_1_99"])
        out["ai_conversion_probability"] = f"{float(conv['probability']):.4f}"
    churn = scores.get("churn") if isinstance(scores.get("churn"), Mapping) else None
    if churn and churn.get("probability") is not None:
        out["ai_churn_risk"] = f"{float(churn['probability']):.4f}"
    clv = scores.get("clv") if isinstance(scores.get("clv"), Mapping) else None
    if clv and clv.get("value") is not None:
        out["ai_clv"] = f"{float(clv['value']):.2f}"
    discount = decision.discount if decision is not None and decision.discount is not None else None
    price = scores.get("price") if isinstance(scores.get("price"), Mapping) else None
    if discount is None and price and price.get("best_discount") is not None:
        discount = float(price["best_discount"])
    if discount is not None:
        out["ai_best_discount"] = f"{float(discount):.4f}"
    if run is not None:
        out["ai_strategy"] = run.strategy.arm
        out["ai_next_best_action"] = next_step_field(run, decision, language)[:TEXT_LIMIT]
        out["ai_summary"] = (run.analysis.summary or "")[:TEXT_LIMIT]
    versions = model_versions(scores)
    if versions:
        out["ai_model_version"] = ";".join(f"{k}:{v}" for k, v in sorted(versions.items()))[:250]
    out["ai_enriched_at"] = str(int(now.timestamp() * 1000))
    return out


def record_language(record: Record, default: str, contact_id: str | None = None) -> str:
    """The language the record's buyers write (the writer's rule, agents.phrases.buyer_language): the contact's own
    (`contact_id`, the action's recipient, else the primary one), else the company country's, else the tenant's
    default. An escalated record's draft is the owner's brief, in English: its language is not the record's."""
    from agents.phrases import buyer_language

    contact = (next((c for c in record.contacts if c.id == contact_id), None)
               or next((c for c in record.contacts if c.is_primary), None) or next(iter(record.contacts), None))
    country = record.company.country if record.company else None
    return buyer_language(getattr(contact, "language", None), country, default)


def next_step_field(run: Any, decision: Any, language: str | None = None) -> str:
    """The next best action as decided (channel, time, discount, approval), in words in the record's language
    (`language`, else the draft's; app/pipeline/next_step_words.py). Without a decision, the agents' own action."""
    nba = run.next_best_action
    recipient = getattr(nba, "recipient", None)
    decided = decision is not None
    return next_step_text(
        channel=(decision.channel if decided and decision.channel else nba.channel),
        who=getattr(recipient, "name", None),
        due_at=decision.due_at if decided and decision.due_at is not None else nba.due_at,
        timezone=nba.timezone, discount=decision.discount if decided else nba.discount, arm=run.strategy.arm,
        action=decision.action if decided else "suggest",
        requires_approval=bool(decided and decision.requires_approval), escalate=bool(decided and decision.escalate),
        language=language or getattr(run.draft, "language", None))


def fields_without_time(fields: Mapping[str, str]) -> dict[str, str]:
    """Output fields without the volatile ones (what a note's content hash covers)."""
    return {k: v for k, v in fields.items() if k not in VOLATILE_FIELDS}


def model_versions(scores: Mapping[str, Any]) -> dict[str, str]:
    """task → model version of the scores that were computed (a lead's conversion under the task that
    computed it, ``lead_conversion``, so the CRM field never passes the lead model off as the deal's)."""
    return {str(entry.get("task") or task): str(entry["model_version"]) for task, entry in scores.items()
            if isinstance(entry, Mapping) and entry.get("model_version")}


def changed_fields(new: Mapping[str, str], last: Mapping[str, str] | None) -> dict[str, str]:
    """The fields to write: all of `new` if anything but the volatile ones changed, else none."""
    if last is not None:
        stable_new = {k: v for k, v in new.items() if k not in VOLATILE_FIELDS}
        stable_last = {k: v for k, v in last.items() if k not in VOLATILE_FIELDS}
        if stable_new == stable_last:
            return {}
    return dict(new)


def task_spec(record: Record, run: Any, decision: Any) -> TaskSpec:
    """The one open app task: the next best action, assigned to the deal's owner."""
    nba = run.next_best_action
    channel = (decision.channel if decision is not None and decision.channel else nba.channel) or "email"
    who = nba.recipient.name or "the buyer"
    # The card's words for the same action (a rep reads both): a meeting's task is sending the invitation, at the
    # task's due time; "Meet X" read as the meeting itself, which the invitation proposes for a later day.
    # In the record's language, as the card shows it (the draft's; an owner's brief is English): a German rep's task.
    lang = getattr(run.draft, "language", None) if getattr(run.draft, "kind", None) != "owner_brief" else "en"
    lang = lang if lang in ("de", "fr", "es") else "en"
    subject = f"{action_title(channel, who, lang)}: {strategy_words(run.strategy.arm, lang)}"
    # The frame around the draft in the card's words (app/cards/messages); the agents' own sentences as written.
    lines = [nba.summary, "", text(lang, "task.why", why=run.strategy.rationale)]
    if decision is not None and decision.reasons:
        said = "; ".join(decision.reasons) if lang == "en" else "; ".join(
            reason_words.stop_text(r, lang) or reason_words.reason_text(r, lang) for r in decision.reasons)
        lines += ["", text(lang, "task.guardrails", reasons=said)]
    # In `suggest` mode a discount above the approval threshold keeps the action "suggest" with requires_approval:
    # wave 30's walk found its task saying "Send the email below when this task is due" over an 8% offer that the
    # card said needs a manager's approval (the threshold was 2%).
    held = _needs_a_human(decision)
    if held:
        lines += ["", text(lang, "task.needs_approval")]
    if decision is not None and decision.action == "wait":
        # Contact frequency cap: the task says why and when; no draft to send.
        return TaskSpec(subject=text(lang, "task.wait_subject", who=who)[:200],
                        body="\n".join([*lines, "", text(lang, "task.no_message")])[:TASK_BODY_LIMIT],
                        due_at=decision.due_at, owner_id=record.owner.id if record.owner else None,
                        priority="LOW", task_type="TODO")
    # The draft itself, so a rep who never opens the card still has the work in the task.
    # Headed as the card heads it (one table for both): a meeting's draft is its invitation, not "an email".
    heading = draft_kind({"kind": run.draft.kind, "channel": run.draft.channel}, lang)[0]
    if channel in DUE_WORDS and not held:
        lines += ["", text(lang, "task.send_when_due")]
    to = run.draft.to.name if run.draft.to is not None and run.draft.to.name else None
    # The owner's brief is to the owner: "Note for you (not for the customer) to <the owner>" said it twice.
    lines += ["", text(lang, "task.draft_to", heading=heading, to=to) if to and run.draft.kind != "owner_brief"
              else text(lang, "task.draft", heading=heading)]
    if run.draft.subject:
        lines += [text(lang, "draft.subject_line", subject=run.draft.subject)]
    lines += ["", run.draft.body.strip()]
    due = decision.due_at if decision is not None and decision.due_at is not None else None
    return TaskSpec(
        subject=subject[:200],
        body="\n".join(lines)[:TASK_BODY_LIMIT],
        due_at=due,
        owner_id=record.owner.id if record.owner else None,
        priority="HIGH" if decision is not None and decision.escalate else "MEDIUM",
        task_type={"email": "EMAIL", "call": "CALL"}.get(channel, "TODO"),
    )


def _needs_a_human(decision: Any) -> bool:
    """Whether a person must approve the action before it reaches the customer (the card's approval line)."""
    return decision is not None and (decision.action in ("escalate", "hold_for_approval")
                                     or bool(decision.requires_approval) or bool(decision.escalate))


def note_text(record: Record, scores: Mapping[str, Any], run: Any, decision: Any) -> str:
    """A short note for the record's timeline: scores with their reasons, strategy, action."""
    # The marker lets the adapter leave our own notes out of the record's activity (no echo).
    parts = [f"{TaskSpec.marker} Agentic sales: {record.name or record.id}"]
    conv = scores.get("conversion")
    if isinstance(conv, Mapping):
        top = ", ".join(f"{f.get('label') or f['feature']} {f['direction']}" for f in conv.get("factors", [])[:3])
        parts.append(f"Conversion score {conv['score_1_99']}/99 ({conv['band']}). Top factors: {top or 'n/a'}.")
    for task, reason in (scores.get("absent") or {}).items():
        parts.append(f"{task.title()}: not scored ({', '.join(reason) if isinstance(reason, Mapping) else reason}).")
    if run is not None:
        parts.append(f"Strategy: {run.strategy.arm.replace('_', ' ')}. {run.strategy.rationale}")
        parts.append(f"Next best action: {run.next_best_action.summary}")
        parts.append(f"Generated by {run.generated_by}.")
    if decision is not None:
        parts.append(f"Decision: {decision.action}" + (f" ({'; '.join(decision.reasons)})" if decision.reasons else ""))
    return "\n".join(parts)


def record_fingerprint(record: Any) -> str:
    """The content fingerprint of a canonical Record: what the CRM says about the record, without
    our own task (so our writes never look like a rep's edit). Stored as Enrichment.input_hash."""
    d = record.to_dict() | {"app_task": None}
    # The CRM's conversion rates travel with the record for scoring, but a daily rate update is not a rep's
    # edit: left out, else every echo of our own write after a rate change would look like one.
    d["extra"] = {k: v for k, v in (d.get("extra") or {}).items() if k != RATES_KEY}
    # A won deal's currency (wave 25) is left out while unknown, so records read as before hash as before: else
    # the first re-sync after the upgrade would take every enriched record for a rep's edit.
    won = d.get("history", {}).get("closed_won_deals") or []
    d["history"] = {**d.get("history", {}), "closed_won_deals": [
        {k: v for k, v in w.items() if k != "currency" or v is not None} for w in won]}
    return content_hash(d)


def content_hash(*parts: Any) -> str:
    """A stable hash of what a note says (without timestamps), to add a note only on change."""
    blob = json.dumps(parts, sort_keys=True, default=str).encode()
    return hashlib.sha256(blob).hexdigest()
