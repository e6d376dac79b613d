"""Turn a card payload (DESIGN.md "Card payload") into the plain values the HTML template shows.

The rules mirror `ui_extensions/hubspot/format.ts`, so the preview page and the HubSpot card say the
same thing about the same payload. Pure functions: no Flask, no clock, no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

SCORE_ORDER = ("conversion", "churn", "clv", "price")
SCORE_LABELS = {
    "conversion": "Conversion",
    "churn": "Churn risk",
    "clv": "Customer lifetime value",
    "price": "Best discount",
}
TOP_FACTORS = 3
"""How many factors each score shows (strongest |impact| first)."""

TIMING_LABELS = {
    "today": "Today",
    "next_business_day": "Next business day",
    "in_2_business_days": "In 2 business days",
    "next_week": "Next week",
}
STATUS_TAGS = {
    "enriched": ("Up to date", "success"),
    "pending": ("Scoring…", "info"),
    "stale": ("Out of date", "warning"),
    "not_enriched": ("Not scored yet", "default"),
    "error": ("Unavailable", "danger"),
}
RETRAINING = "model_retraining"
"""Error code the backend uses while a tenant's models are being retrained (503)."""


def _mapping(value: Any) -> Mapping[str, Any] | None:
    """The value if it is a mapping (the backend sends ``{}`` for parts it does not have)."""
    return value if isinstance(value, Mapping) else None


_ISO = re.compile(r"^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::[\d.]+)?(Z|[+-]00:?00)?")


def percent(fraction: Any) -> str:
    """Format a fraction 0..1 as a whole percentage ("8%"); "–" when absent."""
    if not isinstance(fraction, int | float):
        return "–"
    return f"{fraction * 100:.0f}%"


def money(value: Any, currency: str | None = "USD") -> str:
    """Format an amount without decimals ("$48,000", "48,000 EUR"); "–" when absent."""
    if not isinstance(value, int | float):
        return "–"
    rounded = f"{round(value):,}"
    return f"${rounded}" if (currency or "USD") == "USD" else f"{rounded} {currency}"


def when(iso: Any) -> str:
    """Format an ISO-8601 time as "2026-11-25 15:04" (with " UTC" when the offset is zero)."""
    if not isinstance(iso, str) or not iso:
        return ""
    match = _ISO.match(iso)
    if not match:
        return iso
    return f"{match[1]} {match[2]} UTC" if match[3] else f"{match[1]} {match[2]}"


def title_case(name: Any) -> str:
    """Turn an identifier into a label: ``executive_alignment`` -> ``Executive alignment``."""
    if not isinstance(name, str) or not name:
        return ""
    words = name.replace("_", " ")
    return words[:1].upper() + words[1:]


def person_text(person: Any, fallback: str = "–") -> str:
    """A person or plain address as "Name <email>", the name, the email or the id."""
    if isinstance(person, str) and person:
        return person
    if not isinstance(person, Mapping):
        return fallback
    name, email = person.get("name"), person.get("email")
    if name and email:
        return f"{name} <{email}>"
    return str(name or email or person.get("id") or person.get("contact_id") or fallback)


def owner_text(owner: Any) -> str:
    """The owner's name (or email, or id); "Unassigned" when there is none."""
    if isinstance(owner, Mapping):
        return str(owner.get("name") or owner.get("email") or owner.get("id") or "Unassigned")
    return person_text(owner, "Unassigned")


def band_variant(key: str, band: Any) -> str:
    """Colour of a band tag: for churn a high band is bad news, for the others good news."""
    if band not in ("low", "medium", "high"):
        return "default"
    good, bad = ("low", "high") if key == "churn" else ("high", "low")
    return "success" if band == good else "danger" if band == bad else "warning"


def headline(key: str, score: Mapping[str, Any]) -> str:
    """The big number: 1–99 for conversion/churn, money for CLV, a percentage for price."""
    if key == "clv":
        return money(score.get("value"), score.get("currency"))
    if key == "price":
        return percent(score.get("best_discount"))
    if isinstance(score.get("score_1_99"), int | float):
        return str(score["score_1_99"])
    return percent(score.get("probability"))


def detail(key: str, score: Mapping[str, Any]) -> str:
    """The line under the big number."""
    if key == "price":
        best = score.get("best_discount")
        point = next((p for p in score.get("curve") or [] if len(p) == 2 and p[0] == best), None)
        return (
            f"win probability {percent(point[1])} at this discount"
            if point
            else "discount with the best expected value"
        )
    if key == "clv":
        return f"{score['score_1_99']}/99 vs. peers" if score.get("score_1_99") is not None else ""
    return f"probability {percent(score['probability'])}" if score.get("probability") is not None else ""


def factor_view(factor: Mapping[str, Any]) -> dict[str, str]:
    """One factor as an arrow and its label."""
    down = factor.get("direction") == "-"
    return {
        "text": f"{'▼' if down else '▲'} {factor.get('label') or factor.get('feature', '')}",
        "direction": "down" if down else "up",
    }


def top_factors(score: Mapping[str, Any], n: int = TOP_FACTORS) -> list[dict[str, str]]:
    """The n factors with the largest |impact|, strongest first."""
    factors = [f for f in score.get("factors") or [] if isinstance(f, Mapping)]
    factors.sort(key=lambda f: abs(f.get("impact") or 0), reverse=True)
    return [factor_view(f) for f in factors[:n]]


def resolve_score(scores: Mapping[str, Any], key: str) -> Mapping[str, Any] | None:
    """A task's score, or its `not_enough_history` reason wherever the payload put it."""
    score = _mapping(scores.get(key))
    if score:
        return score
    return _mapping((_mapping(scores.get("missing")) or {}).get(key)) or None


def unavailable_reason(score: Mapping[str, Any]) -> str:
    """Why a score entry carries no number (``{"reason": ...}``, ``{"no_model": {}}``, ...)."""
    if score.get("reason"):
        return str(score["reason"])
    if RETRAINING in score:
        return "model retraining"
    return "no trained model yet" if "no_model" in score else "no score"


def score_views(scores: Any) -> list[dict[str, Any]]:
    """Every present score (or reason for its absence), in card order."""
    if not isinstance(scores, Mapping):
        return []
    views = []
    for key in SCORE_ORDER:
        score = resolve_score(scores, key)
        if score is None:
            continue
        has_number = any(
            isinstance(score.get(k), int | float)
            for k in ("probability", "value", "best_discount", "score_1_99")
        )
        view: dict[str, Any] = {
            "key": key,
            "label": SCORE_LABELS[key],
            "missing": score.get("not_enough_history"),
            "unavailable": None if has_number else unavailable_reason(score),
        }
        if not view["missing"] and not view["unavailable"]:
            view.update(
                headline=headline(key, score),
                detail=detail(key, score),
                band=score.get("band"),
                band_variant=band_variant(key, score.get("band")),
                factors=top_factors(score),
                model_version=score.get("model_version"),
            )
        views.append(view)
    return views


def _labels(signals: Any) -> str:
    out = [
        s if isinstance(s, str) else s.get("label", "") for s in signals or [] if isinstance(s, str | Mapping)
    ]
    return "; ".join(x for x in out if x)


def timing_text(nba: Mapping[str, Any]) -> str:
    """Say when: ``Next business day · 2026-11-26 09:30 America/New_York``."""
    timing = nba.get("timing")
    label = TIMING_LABELS.get(timing, timing) if isinstance(timing, str) else ""
    due = when(nba.get("due_at"))
    at = f"{due} {nba['timezone']}" if due and nba.get("timezone") and not due.endswith("UTC") else due
    return " · ".join(x for x in (label, at) if x) or "–"


def error_of(payload: Mapping[str, Any]) -> dict[str, Any] | None:
    """The error to show instead of the card, or None (a payload with a known status)."""
    if payload.get("status") in ("enriched", "pending", "stale", "not_enriched") and "error" not in payload:
        return None
    code = str(payload.get("error") or "bad_payload")
    message = payload.get("message") or (
        "Scores are being retrained. Try again in a few minutes."
        if code == RETRAINING
        else "The card payload has no status."
        if code == "bad_payload"
        else "Could not load AI insights."
    )
    return {"code": code, "message": str(message), "retraining": code == RETRAINING}


def _nba_view(nba: Mapping[str, Any], task: Mapping[str, Any] | None) -> dict[str, Any]:
    text = nba.get("summary") or nba.get("action") or nba.get("text") or (task or {}).get("subject")
    discount = nba.get("discount")
    return {
        "text": text or "",
        "channel": nba.get("channel") or "–",
        "timing": timing_text(nba),
        "owner": owner_text(nba.get("owner")),
        "recipient": person_text(nba["recipient"]) if nba.get("recipient") else None,
        "discount": percent(discount) if isinstance(discount, int | float) else None,
    }


def _draft_view(draft: Mapping[str, Any], generated_by: Any) -> dict[str, Any]:
    return {
        "heading": "Call script" if draft.get("kind") == "call_script" else "Draft email",
        "to": person_text(draft["to"]) if draft.get("to") else None,
        "subject": draft.get("subject") or "",
        "body": draft.get("body") or "",
        "generated_by": draft.get("generated_by") or generated_by,
    }


def card_view(payload: Mapping[str, Any], *, object_type: str | None = None) -> dict[str, Any]:
    """Build everything the template shows from one card payload.

    Args:
        payload: the card payload, or an error body ``{"error": code, "message": text}``.
        object_type: the type of the record the page is about (to say "showing the related deal").

    Returns:
        A dict of strings, lists and small dicts; absent parts are None.
    """
    error = error_of(payload)
    status = "error" if error else payload["status"]
    label, variant = STATUS_TAGS[status]
    record = _mapping(payload.get("record")) or {}
    nba = _mapping(payload.get("next_best_action"))
    task = _mapping((nba or {}).get("task")) or _mapping(payload.get("task"))
    draft = _mapping(payload.get("draft"))
    strategy = _mapping(payload.get("strategy"))
    analysis = _mapping(payload.get("analysis"))
    degraded = _mapping(payload.get("degraded"))
    rec_type = record.get("object_type")
    related = None
    if rec_type and object_type and rec_type != object_type:
        related = f"Showing the related {rec_type}: {record.get('name') or record.get('id')}"
    return {
        "status": status,
        "status_label": label,
        "status_variant": variant,
        "error": error,
        "degraded": (degraded.get("message") or "Some scores may be missing until retraining finishes.")
        if degraded
        else None,
        "record": {"id": record.get("id"), "name": record.get("name")},
        "related": related,
        "enriched_at": when(payload.get("enriched_at")),
        "scores": score_views(payload.get("scores")),
        "strategy": {
            "name": strategy.get("label") or title_case(strategy.get("arm") or strategy.get("name")),
            "rationale": strategy.get("rationale") or "",
        }
        if strategy
        else None,
        "analysis": {
            "summary": analysis.get("summary") or "",
            "risks": _labels(analysis.get("risk_indicators")),
            "signals": _labels(analysis.get("buying_signals")),
        }
        if analysis
        else None,
        "nba": _nba_view(nba, task) if nba else None,
        "task": {"subject": task["subject"], "due": when(task.get("due_at"))}
        if task and task.get("subject")
        else None,
        "draft": _draft_view(draft, payload.get("generated_by")) if draft else None,
        "actions": list(payload.get("actions") or ["accept", "dismiss", "rescore"]),
    }
