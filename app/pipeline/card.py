"""Build the card payload (DESIGN.md "Card payload") stored with each enrichment."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from app.cards.humanize import picklist_labels
from app.pipeline.next_step_words import strategy_label
from app.pipeline.writeback import model_versions
from integrations.base import Record, revenue_by_currency
from scoring import TASKS
from scoring.features import past_revenue, rate_table


def card_scores(scores: Mapping[str, Any]) -> dict[str, Any]:
    """Scores per task; an absent task carries its reason (e.g. not_enough_history)."""
    out: dict[str, Any] = {}
    absent = scores.get("absent") or {}
    for task in TASKS:
        if isinstance(scores.get(task), Mapping):
            out[task] = dict(scores[task])
        elif task in absent:
            out[task] = dict(absent[task]) if isinstance(absent[task], Mapping) else {"reason": absent[task]}
    return out


def card_record(record: Record, labels: Mapping[str, str] | None = None) -> dict[str, Any]:
    """The record part of a card: what the rep recognises the deal by, the stage in the CRM's label."""
    return {"id": record.id, "name": record.name, "object_type": record.object_type,
            "amount": record.amount, "currency": record.currency, "stage": record.stage,
            "stage_label": (labels or {}).get(str(record.stage)),
            "company": record.company.name if record.company else None,
            # Per currency, never one total across currencies (a won deal without one is in the record's).
            "past_revenue": [{"currency": c, "amount": a} for c, a in
                             revenue_by_currency(record.history.closed_won_deals, record.currency).items()],
            "past_revenue_note": past_revenue_note(record),
            # The currency of the scores' amounts (the deal amount factor): the corporate one where the CRM's
            # rates convert the deal's own, as scoring.features.amount_in_corporate makes the feature.
            "scores_currency": scores_currency(record)}


def scores_currency(record: Record) -> str | None:
    """The currency the scorer's `amount` feature is in: the CRM's corporate currency where its rate table
    converts the record's own, else the record's own currency."""
    table = rate_table(record)
    if table is not None and record.currency and record.currency.strip().upper() in table.rates:
        return table.corporate
    return record.currency


def past_revenue_note(record: Record) -> str | None:
    """What the scores' past revenue (one currency: scoring.features.past_revenue) leaves out and why; None when
    nothing is left out. A data-quality note in the card payload beside the per-currency amounts."""
    money = past_revenue(record)
    if not money.unconverted:
        return None
    left = ", ".join(f"{a:,.0f} {c}" for c, a in sorted(money.unconverted.items()))
    return f"Left out of the scores' past revenue ({money.currency or 'one currency'}): {left}. {' '.join(money.why)}"


def json_scores(scores: Mapping[str, Any]) -> dict[str, Any]:
    """`card_scores` as plain JSON (numpy numbers become floats)."""
    return json.loads(json.dumps(card_scores(scores), default=float))


def crm_labels(client: Any) -> dict[str, str]:
    """What the card's free text shows in the CRM's own words: stage id → stage label, and
    "<field label>: <option value>" → "<field label>: <option label>" for the deal's picklists
    ("Deal Type: existingbusiness" → "Deal Type: Existing Business", as a score factor reads).

    Pipeline ids such as "default" are left out: they are ordinary words too. An option is keyed
    with its field's label so that a value which is also an ordinary word ("high", "other") is
    replaced only where it is that field's value, never in a draft's sentences.

    Cosmetic: a CRM that cannot list its pipelines or describe its deals leaves the card to turn
    ids into words.
    """
    try:
        fields = client.describe("deal")
    except Exception:  # noqa: BLE001 - labels must never fail an enrichment
        fields = []
    labels = picklist_labels(fields)
    try:
        pipelines = client.list_pipelines()
    except Exception:  # noqa: BLE001 - labels must never fail an enrichment
        pipelines = []
    for pipeline in pipelines:
        labels.update({str(stage.id): stage.label for stage in pipeline.stages})
    return {k: v for k, v in labels.items() if k and v and k != v}


def action_as_decided(nba: Mapping[str, Any], decision: Any) -> dict[str, Any]:
    """The agents' next best action as the decision left it, which is what the CRM task says: when the rep acts is
    the decision's time (moved out of quiet hours and weekends; the card showed the strategist's time, the task the
    moved one), and how is the decision's channel (a meeting the rules do not allow becomes an email)."""
    out = dict(nba)
    if decision.due_at is not None:
        out["due_at"] = decision.due_at.isoformat()
    if decision.channel:
        out["channel"] = decision.channel
    return out


def card_payload_from(record: Record, scores: Mapping[str, Any], run: Any, decision: Any, *,
                      task_result: Any, task_subject: str | None, enriched_at: datetime,
                      labels: Mapping[str, str] | None = None) -> dict[str, Any]:
    """The payload the rep's card renders for this enrichment (`labels`: see `crm_labels`)."""
    nba = action_as_decided(run.next_best_action.model_dump(mode="json"), decision)
    if task_result is not None:
        nba["task"] = {"id": task_result.id, "subject": task_subject,
                       "due_at": decision.due_at.isoformat() if decision.due_at else nba.get("due_at")}
    payload = {
        "status": "enriched",
        "record": card_record(record, labels),
        "scores": json_scores(scores),
        "analysis": run.analysis.model_dump(mode="json"),
        # The strategy in the rep's words (the task's and the CRM field's), not the learning loop's arm name.
        "strategy": {**run.strategy.model_dump(mode="json"), "label": strategy_label(run.strategy.arm)},
        "next_best_action": nba,
        "draft": run.draft.model_dump(mode="json"),
        "checks": [c.model_dump(mode="json") for c in run.checks],
        "decision": {"action": decision.action, "channel": decision.channel,
                     "discount": decision.discount, "requires_approval": decision.requires_approval,
                     "escalate": decision.escalate, "reasons": list(decision.reasons)},
        "generated_by": run.generated_by,
        "enriched_at": enriched_at.isoformat(timespec="seconds"),
        "model_versions": model_versions(scores),
        "actions": ["accept", "dismiss", "rescore"],
        "labels": dict(labels or {}),
    }
    held_back = {"wait": ("Wait", "recently contacted"), "suppress": ("No customer message", "held back by the rules")}
    if decision.action in held_back:
        # A frequency cap (wait) or a rule such as an opted-out recipient (suppress): the card says
        # why, and shows no draft that would invite the rep to send what the rules held back.
        prefix, default = held_back[decision.action]
        payload["draft"] = {}
        payload["next_best_action"] = {**nba, "channel": None,
                                       "summary": f"{prefix}: {decision.reasons[-1] if decision.reasons else default}"}
    capped = budget_note(run.fallbacks)
    if capped:
        payload["llm_budget"] = {"message": capped}
    retraining = sorted(t for t, v in (scores.get("absent") or {}).items()
                        if isinstance(v, Mapping) and "model_retraining" in v)
    if retraining:
        payload["degraded"] = {"message": f"Model retraining ({', '.join(retraining)}): those scores are "
                                          "missing until it finishes."}
    return payload


_CAP_REASON = re.compile(r"spend_cap_reached: the (monthly|daily) LLM budget of \S+ for (\S+)")


def budget_note(fallbacks: Any) -> str | None:
    """What the rep reads when the account's LLM budget sent a role to the templates, or None."""
    for fallback in fallbacks or ():
        match = _CAP_REASON.search(str(getattr(fallback, "reason", "")))
        if match:
            period = "this month" if match[1] == "monthly" else "today"
            return (f"Written from built-in templates: this account's AI budget for {period} ({match[2]}) is "
                    "used up. An admin can raise it on the console's LLM page; model answers resume "
                    f"{'next month' if match[1] == 'monthly' else 'tomorrow'} otherwise.")
    return None
