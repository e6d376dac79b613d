"""Code re-checks every model output: the model proposes, these rules dispose.

Each check returns the list of rules an output broke (empty = safe). A failing output is repaired
once, then replaced by the offline one with the reasons logged (agents.run). The rules:

- drafts state only facts from the inputs (agents.facts): numbers, amounts, percentages, dates,
  names; no email address or link that is not the record's own; no other customer's name;
- the recipient is one of the record's contacts;
- no discount above the approved one (never above the tenant's cap), no promise outside policy;
- the strategy is the arm the policy chose, its discount within the cap and only for an arm
  that uses one;
- evidence cites activities that exist, with their real dates.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from agents.catalogue import StrategyArm
from agents.context import Context
from agents.facts import Vocabulary, find_unsupported
from agents.models import AnalysisOut, DraftOut, Evidence, StrategyOut

DISCOUNT_WORDS = r"(?:off|discount\w*|reduction|rebate|credit|savings?|cheaper|lower price|price cut)"
_PCT_DISCOUNT = re.compile(
    rf"(\d+(?:\.\d+)?)\s?(?:%|percent|per cent)\s*{DISCOUNT_WORDS}|"
    rf"{DISCOUNT_WORDS}\s+(?:of|by|at)?\s*(?:up to\s+)?(\d+(?:\.\d+)?)\s?(?:%|percent|per cent)", re.I)
_MONEY_OFF = re.compile(rf"[$€£]\s?\d[\d,]*(?:\.\d+)?\s?k?\s*{DISCOUNT_WORDS}", re.I)

PROMISE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple((n, re.compile(p, re.I)) for n, p in (
    ("free extra", r"\bfree\b(?:\s+of charge)?(?!dom)(?:\s+\w+){0,3}\s+(?:months?|trial|seats?|licen[cs]es?|"
                   r"upgrade|onboarding|implementation|support|year|access|add-?ons?)|\bat no (?:extra )?(?:cost|charge)\b|"
                   r"\bfor free\b|\bfree of charge\b|\bcomplimentary\b"),
    ("guarantee", r"\bguarantee[ds]?\b|\bmoney[- ]back\b|\brisk[- ]free\b"),
    ("refund", r"\brefund\w*\b"),
    ("waiver", r"\bwaiv(?:e|ed|ing)\b"),
    ("price lock", r"\bprice (?:lock|freeze|protection)\b|\block(?:ed)?[- ]in (?:the |your |this )?(?:price|rate)\b"),
    ("lifetime", r"\blifetime (?:discount|deal|access|licen[cs]e|pricing)\b"),
    ("unlimited", r"\bunlimited\b"),
    ("price match", r"\b(?:price[- ]match|match (?:any|their|the competitor'?s?|a competitor'?s?) (?:price|offer|quote))\b"),
))
"""Promises a draft may not make unless the tenant allows the phrase (`allowed_promises`)."""

FACT_KINDS_ANALYSIS = ("email", "url", "money", "other_customer")
"""Fact kinds checked in analysis and strategy text (internal, so names and numbers are looser)."""


def check_draft(
    draft: DraftOut, ctx: Context, vocab: Vocabulary, *, approved_discount: float | None,
    allowed_promises: Iterable[str] = (),
) -> list[str]:
    """Return the rules a draft broke.

    Args:
        draft: the writer's answer.
        ctx: the run's context (the record's contacts).
        vocab: facts the draft may state.
        approved_discount: the discount the strategist and policy approved (fraction), or None.
        allowed_promises: phrases the tenant allows although they read as promises.
    """
    reasons: list[str] = []
    ids = {c.id for c in ctx.record.contacts}
    if draft.to_contact_id not in ids:
        reasons.append(f"recipient {draft.to_contact_id!r} is not one of the record's contacts")
    text = f"{draft.subject}\n{draft.body}"
    if "[[" in text or "]]" in text:
        reasons.append("a redaction placeholder ([[...]]) was left in or invented")
    reasons += [f"unsupported fact: {f}" for f in find_unsupported(text, vocab)]
    reasons += discount_and_promise_violations(text, approved_discount, allowed_promises)
    return list(dict.fromkeys(reasons))  # a fact repeated in subject and body is one violation


def discount_and_promise_violations(
    text: str, approved_discount: float | None, allowed_promises: Iterable[str] = ()
) -> list[str]:
    """Return discounts above the approved one and promises outside policy found in `text`."""
    reasons: list[str] = []
    allowed = (approved_discount or 0.0) * 100
    for m in _PCT_DISCOUNT.finditer(text):
        pct = float(m.group(1) or m.group(2))
        if pct > allowed + 1e-6:
            reasons.append(f"discount of {pct:g}% offered; policy approves {allowed:g}%")
    if _MONEY_OFF.search(text):
        reasons.append("a money-off offer is not something the policy approved")
    low = text.lower()
    permitted = [p.lower() for p in allowed_promises]
    for name, pattern in PROMISE_PATTERNS:
        for m in pattern.finditer(text):
            if not any(p in low and m.group(0).lower() in p for p in permitted):
                reasons.append(f"promise outside policy ({name}): {m.group(0)!r}")
                break
    return reasons


def check_analysis(out: AnalysisOut, ctx: Context, vocab: Vocabulary) -> list[str]:
    """Return the rules an analysis broke: evidence must exist; no foreign contacts or data."""
    reasons: list[str] = []
    evidence: list[Evidence] = list(out.engagement_evidence)
    for sig in [*out.risk_indicators, *out.buying_signals]:
        evidence += sig.evidence
    for ev in evidence:
        act = ctx.activities.get(ev.activity_id)
        if act is None:
            reasons.append(f"evidence cites unknown activity {ev.activity_id!r}")
        elif act["at"] and ev.at[:10] != act["at"]:
            reasons.append(f"evidence {ev.activity_id} dated {ev.at!r}; the activity is dated {act['at']}")
    texts = [out.summary, *(s.label for s in [*out.risk_indicators, *out.buying_signals]),
             *(e.note for e in evidence)]
    reasons += [f"unsupported fact: {f}" for f in find_unsupported("\n".join(texts), vocab,
                                                                     kinds=FACT_KINDS_ANALYSIS)]
    return reasons


def check_strategy(
    out: StrategyOut, ctx: Context, vocab: Vocabulary, *, arm: StrategyArm, max_discount: float
) -> list[str]:
    """Return the rules a strategy broke: arm unchanged, discount within policy, real recipient."""
    reasons: list[str] = []
    if out.strategy != arm.name:
        reasons.append(f"strategy changed from the policy's {arm.name!r} to {out.strategy!r}")
    if out.discount is not None:
        if not arm.uses_discount:
            reasons.append(f"{arm.name} does not use a discount; {out.discount:g} proposed")
        elif not 0 <= out.discount <= max_discount + 1e-9:
            reasons.append(f"discount {out.discount:g} is outside 0..{max_discount:g}")
    if out.recipient_contact_id not in {c.id for c in ctx.record.contacts}:
        reasons.append(f"recipient {out.recipient_contact_id!r} is not one of the record's contacts")
    reasons += [f"unsupported fact: {f}" for f in find_unsupported(out.rationale, vocab, kinds=FACT_KINDS_ANALYSIS)]
    reasons += discount_and_promise_violations(out.rationale, out.discount if arm.uses_discount else None)
    return reasons
