"""Pydantic models: what each agent asks the LLM for (`*Out`) and what a run returns.

The `*Out` models are the schemas sent to vendors, so every field is required (nullable where
optional) and carries a description the model reads. Final models add what code, not the model,
decides: `generated_by`, the policy's arm and propensity, the concrete time and recipient.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

OFFLINE_LABEL = "offline-template"
"""The `generated_by` label of everything the offline provider wrote."""

Channel = Literal["email", "call", "meeting"]
Timing = Literal["today", "next_business_day", "in_2_business_days", "next_week"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Evidence(_Strict):
    """One activity an observation rests on, by its context id (`a1` is the most recent)."""

    activity_id: str = Field(description="id of the activity in the context, e.g. 'a3'")
    at: str = Field(description="the activity's date, YYYY-MM-DD, copied from the context")
    note: str = Field(description="what in that activity supports the observation, <= 20 words")


class Signal(_Strict):
    """A risk indicator or buying signal with the evidence it rests on."""

    label: str = Field(description="the signal in a few words")
    evidence: list[Evidence] = Field(description="activities it rests on; empty only for score-based signals")


class AnalysisOut(_Strict):
    """The analyst's answer: what is going on with this customer."""

    summary: str = Field(description="two or three sentences for the sales rep")
    engagement_trend: Literal["rising", "steady", "declining", "no_activity"]
    engagement_evidence: list[Evidence]
    risk_indicators: list[Signal]
    buying_signals: list[Signal]


class StrategyOut(_Strict):
    """The strategist's answer for the arm the policy chose."""

    strategy: str = Field(description="the strategy name given in the task, unchanged")
    rationale: str = Field(description="why this strategy fits, citing signals; <= 60 words")
    channel: Channel
    timing: Timing
    discount: float | None = Field(description="fraction 0..1, only if the strategy uses one and within the cap")
    recipient_contact_id: str = Field(description="id of one of the record's contacts")


class DraftOut(_Strict):
    """The writer's answer: one message (or call script) for one of the record's contacts."""

    to_contact_id: str = Field(description="id of one of the record's contacts")
    subject: str = Field(description="subject line; for a call, the call's purpose")
    body: str = Field(description="the email body, or the call script")


class Analysis(AnalysisOut):
    """The analyst's output as shown on the card."""

    limitations: list[str] = Field(default_factory=list, description="inputs the agents could not use")
    escalations: list[str] = Field(default_factory=list,
                                   description="anger, cancellation or legal asks found in code; the owner handles these")
    generated_by: str = OFFLINE_LABEL


class Strategy(BaseModel):
    """The chosen arm: the policy picked it (with `propensity`), the strategist explained it."""

    arm: str
    propensity: float
    policy: str
    probabilities: dict[str, float]
    rationale: str
    generated_by: str = OFFLINE_LABEL


class Person(BaseModel):
    """Someone on our side or theirs, as written back to the CRM."""

    id: str | None = None
    name: str | None = None
    email: str | None = None


class NextBestAction(BaseModel):
    """What to do next: channel, when (in the owner's time zone), who, and any discount."""

    channel: Channel
    timing: Timing
    due_at: str = Field(description="ISO-8601 in the owner's time zone")
    timezone: str
    owner: Person
    recipient: Person
    discount: float | None = Field(description="fraction, never above the tenant's cap")
    summary: str


class Recipient(BaseModel):
    """The draft's addressee: always one of the record's contacts."""

    contact_id: str
    name: str | None
    email: str | None


class Draft(BaseModel):
    """A message for the rep to review and send; `owner_brief` is for the owner only (escalations)."""

    to: Recipient
    channel: Channel
    kind: Literal["email", "call_script", "owner_brief"]
    subject: str
    body: str
    language: str
    tone: str
    generated_by: str = OFFLINE_LABEL


class Check(BaseModel):
    """One automatic draft-quality check."""

    name: str
    passed: bool
    detail: str = ""


class Fallback(BaseModel):
    """Why a role's output came from somewhere other than its configured provider (audited)."""

    role: str
    reason: str


class AgentRun(BaseModel):
    """Everything one run of analyst -> strategist -> writer produced, ready for the card."""

    record: dict[str, Any]
    analysis: Analysis
    strategy: Strategy
    next_best_action: NextBestAction
    draft: Draft
    checks: list[Check]
    checks_passed: bool
    usage: list[dict[str, Any]]
    fallbacks: list[Fallback]
    limitations: list[str]
    generated_by: str
    cost_usd: float
    escalations: list[str] = Field(default_factory=list)

    def card(self) -> dict[str, Any]:
        """Return the agents' part of the card payload (DESIGN.md, Card payload)."""
        dumped = self.model_dump(mode="json")
        return {k: dumped[k] for k in ("analysis", "strategy", "next_best_action", "draft", "generated_by")}

    def output_fields(self) -> dict[str, str]:
        """Return the CRM output fields the agents own (`ai_strategy`, `ai_next_best_action`, `ai_summary`)."""
        return {"ai_strategy": self.strategy.arm, "ai_next_best_action": self.next_best_action.summary,
                "ai_summary": self.analysis.summary}

    def audit_entries(self) -> list[dict[str, Any]]:
        """Return one audit row per LLM call (usage and cost) and per fallback or repair (the reason)."""
        rows: list[dict[str, Any]] = [{"kind": "llm_call", **u} for u in self.usage]
        rows += [{"kind": "llm_fallback", "role": f.role, "reason": f.reason} for f in self.fallbacks]
        return rows
