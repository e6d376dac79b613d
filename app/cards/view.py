"""Turn a card payload (DESIGN.md "Card payload") into the plain values the card shows.

Layout, action first: the next best action and its draft (with copy / compose / task-done), then
the chance to close with its top reasons, then Accept / Dismiss, then a collapsed "details" part
(the other scores or why they are absent, the analysis, the strategy's rationale, model info).
The React card (`ui_extensions/hubspot/`) builds the same structure with the same testIds from
the same payload. Pure functions: no Flask, no clock, no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from app.cards import catalogue, factor_words, reason_words
from app.cards.catalogue import text
from app.cards.humanize import (
    ago,
    date_text,
    due_text,
    half_up,
    model_text,
    money,
    percent,
    prose,
    words,
    writer_text,
)

DETAIL_SCORES = ("churn", "clv", "price")
"""Scores shown in the collapsed details, in this order (conversion leads the card)."""

HISTORY_UNITS = {
    "conversion": "closed deals",
    "lead_conversion": "closed leads",
    "churn": "customers with a known renewal or churn",
    "clv": "closed customers",
    "price": "closed deals",
}
"""What a task's training history counts, for "needs 50 closed customers, this account has 44"."""

TOP_FACTORS = 3
"""How many reasons the chance to close shows (strongest |impact| first)."""

DISMISS_REASONS = (
    ("not_relevant", "Not relevant to this deal"),  # "this lead" on a Lead's card: dismiss_reasons()
    ("wrong_timing", "Wrong timing"),
    ("wrong_contact", "Wrong contact"),
    ("already_done", "Already done"),
    ("draft_quality", "Draft not usable"),
    ("other", "Other"),
)
"""Reasons a rep can give for dismissing a suggestion (value, label); the learning report groups by value."""


def dismiss_reasons(object_type: str | None, deal_word: str = "deal", lang: str = "en") -> list[dict[str, str]]:
    """The dismiss reasons as a card offers them for a record of this type: a Lead is not a deal, and a deal is the
    CRM's word for one (`deal_word`: "opportunity" on a Salesforce card), in the card's language."""
    noun = "lead" if object_type == "lead" else deal_word
    out = []
    for value, english in DISMISS_REASONS:
        key = f"dismiss.{value}.{noun}" if value == "not_relevant" else f"dismiss.{value}"
        if catalogue.has(lang, key):
            label = text(lang, key)
        elif value == "not_relevant" and lang == "en":
            label = english.replace("this deal", f"this {noun}")  # a CRM's own word the catalogue does not know
        else:
            label = text(lang, "dismiss.not_relevant.deal")
        out.append({"value": value, "label": label})
    return out


LEAD_FIELD_LABELS = {"owner": "Lead owner", "owner_id": "Lead owner"}
"""A Lead's own word for a feature the scorer labels with the Opportunity field's label (the
feature mapping is the deal's): a factor "Opportunity owner: Emma Taylor" on a Lead's card reads
"Lead owner: Emma Taylor", as Salesforce labels Lead.OwnerId."""

STATUS_TAGS = {
    "enriched": ("Up to date", "success"),
    "pending": ("Scoring…", "info"),
    "stale": ("Out of date", "warning"),
    "not_enriched": ("Not scored yet", "default"),
    "error": ("Unavailable", "danger"),
}
RETRAINING = "model_retraining"
NOT_FOUND = "not_in_crm"
"""The error code of a card for an id the CRM does not have (a mistyped address): nothing to score or act on."""
"""Error code the backend uses while a tenant's models are being retrained (503)."""

CHANNEL_VERBS = {"email": "Email", "call": "Call", "linkedin": "Message"}
"""The verb of an action on a channel (a meeting's is `action_title`'s "Invite ... to a meeting")."""

MONEY_FEATURES = frozenset({"amount", "closed_won_sum"})
"""Factors whose value is an amount ("Amount: 48,000 EUR"); past revenue is written per currency (`past_revenue_text`)."""

COMPANY_CURRENCY_FEATURES = frozenset({"company_annual_revenue"})
"""Factors in the CRM account's company currency, which no call of ours reads (HubSpot's `companyCurrency`,
Salesforce's corporate or Account currency): said so, never given the deal's currency."""


def past_revenue_text(past: Any, lang: str = "en") -> str | None:
    """Past revenue won as the card writes it: one amount in its currency, or one amount per currency ("$80,300
    and 12,000 EUR (mixed currencies, not added up)"): no CRM gives us rates, so currencies are never summed."""
    rows = [(p.get("currency"), p["amount"]) for p in past or [] if isinstance(p, Mapping) and _number(p.get("amount"))]
    if not rows:
        return None
    texts = [money(a, c, lang) if c else text(lang, "money.no_currency", amount=catalogue.number(a, lang))
             for c, a in rows]
    if len(texts) == 1:
        return texts[0]
    return text(lang, "money.mixed", amounts=", ".join(texts[:-1]), last=texts[-1])


def record_currencies(record: Mapping[str, Any]) -> set[str]:
    """The currencies of a record's amount and its past revenue: a lifetime value learnt from amounts in two of
    them is in neither (it is shown without a currency, and the tile says why)."""
    found = {p.get("currency") for p in record.get("past_revenue") or [] if isinstance(p, Mapping)}
    return {c for c in {*found, record.get("currency")} if isinstance(c, str) and c}

_TITLE_LEVEL_WORDS = ("below director", "director", "VP or head of", "C-level, president or founder")
VALUE_WORDS: dict[str, tuple[str, ...]] = {
    "has_exec_contact": ("none on the deal", "yes"),
    "top_title_level": _TITLE_LEVEL_WORDS,
    "title_seniority": _TITLE_LEVEL_WORDS,
}
"""Features whose value is a code, in words (feature -> words of 0, 1, ...): "Executive contact: 0"
read as a count and "Most senior contact: 3" as a number (scoring.features TITLE_LEVELS: 3 is C-level)."""


def _mapping(value: Any) -> Mapping[str, Any]:
    """The value if it is a mapping, else an empty one (the backend sends ``{}`` for absent parts)."""
    return value if isinstance(value, Mapping) else {}


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def person_name(person: Any) -> str:
    """A person's name, else email, else ""."""
    if isinstance(person, str):
        return person
    p = _mapping(person)
    return str(p.get("name") or p.get("email") or "")


def factor_view(factor: Mapping[str, Any], labels: Mapping[str, str],
                currency: str | None = None, *, lead: bool = False, past: Any = None,
                scores_currency: str | None = None, lang: str = "en") -> dict[str, str]:
    """One factor: one direction marker and a label without the scorer's own arrow; an amount
    with the deal's currency (the deal amount in `scores_currency`, the payload's `record.scores_currency`, where
    the scorer converted it to the corporate one), past revenue per currency (`past`: the payload's
    `record.past_revenue`); on a Lead, the Lead's own field words (LEAD_FIELD_LABELS)."""
    if catalogue.language_of(lang) != "en":
        return factor_words.factor_view(factor, labels, currency, lead=lead, past=past,
                                        scores_currency=scores_currency, lang=lang)
    down = factor.get("direction") == "-"
    text = prose(factor.get("label") or words(factor.get("feature")), labels)
    text = text.replace(": missing", ": none recorded")
    name, sep, value = text.rpartition(": ")
    if lead and sep and (own := LEAD_FIELD_LABELS.get(str(factor.get("feature")))):
        name, text = own, f"{own}: {value}"
    coded = VALUE_WORDS.get(str(factor.get("feature")))
    if sep and coded and value.isdigit() and int(value) < len(coded):
        text = f"{name}: {coded[int(value)]}"
    amount = sep and re.fullmatch(r"-?[\d,]+(\.\d+)?", value)
    if amount and factor.get("feature") == "closed_won_sum" and (per_currency := past_revenue_text(past)):
        text = f"{name}: {per_currency}"
    elif amount and factor.get("feature") in MONEY_FEATURES:
        shown_in = (scores_currency or currency) if factor.get("feature") == "amount" else currency
        text = f"{name}: {money(float(value.replace(',', '')), shown_in)}"
    elif amount and factor.get("feature") in COMPANY_CURRENCY_FEATURES:
        text = f"{name}: {value} (company currency)"
    return {"marker": "▼" if down else "▲", "direction": "down" if down else "up", "text": text}


def top_factors(score: Mapping[str, Any], labels: Mapping[str, str], n: int = TOP_FACTORS,
                currency: str | None = None, *, lead: bool = False, past: Any = None,
                scores_currency: str | None = None, lang: str = "en") -> list[dict[str, str]]:
    """The n factors with the largest |impact|, strongest first, one line per distinct text."""
    factors = [f for f in score.get("factors") or [] if isinstance(f, Mapping)]
    factors.sort(key=lambda f: abs(f.get("impact") or 0), reverse=True)
    out: list[dict[str, str]] = []
    for f in factors:
        view = factor_view(f, labels, currency, lead=lead, past=past, scores_currency=scores_currency, lang=lang)
        if view["text"] and all(v["text"] != view["text"] for v in out):
            out.append(view)
        if len(out) == n:
            break
    return out


def absent_text(key: str, score: Mapping[str, Any], lang: str = "en") -> str | None:
    """Why a task has no number, in a sentence; None when it has one."""
    if any(_number(score.get(k)) for k in ("probability", "value", "best_discount", "score_1_99")):
        return None
    history = _mapping(score.get("not_enough_history"))
    if history:
        unit = history.get("unit")
        # A stored unit in the card's English words is said in the card's language (app/cards/messages).
        english = {v: k for k, v in HISTORY_UNITS.items()}
        if not unit or unit in english:
            unit = text(lang, f"history.{english.get(unit, key) if unit else key}") \
                if catalogue.has(lang, f"history.{english.get(unit, key) if unit else key}") \
                else text(lang, "history.records")
        return text(lang, "absent.needs", need=history.get("need"), unit=unit, have=history.get("have"))
    if RETRAINING in score:
        return text(lang, "absent.retraining")
    if score.get("refused"):
        return text(lang, "absent.refused")
    if score.get("training_error"):
        return text(lang, "absent.training_error")
    if score.get("reason"):
        return prose(score["reason"], lang=lang)
    if "no_model" in score:
        return text(lang, "absent.no_model")
    if "no_purchase_history" in score:
        return text(lang, "absent.no_purchases")
    return text(lang, "absent.not_scored")


def headline(key: str, score: Mapping[str, Any], currencies: set[str] | None = None, lang: str = "en") -> str:
    """The one big number of a score (a lifetime value in the record's one currency, none when it has several)."""
    if key == "clv":
        value: Any = score.get("value")
        if _number(value) and not score.get("currency") and len(currencies or ()) > 1:
            return catalogue.number(value, lang)
        return money(value, score.get("currency") or next(iter(currencies or ()), None), lang)
    if key == "price":
        best = score.get("best_discount")
        return text(lang, "headline.no_discount") if best == 0 else percent(best, lang)
    if _number(score.get("probability")):
        return percent(score["probability"], lang)
    return text(lang, "headline.of_99", score=score.get("score_1_99"))


def price_detail(score: Mapping[str, Any], today: Any = None, lang: str = "en") -> str:
    """What the recommended discount does to the chance to close, from today's chance (`today`: the conversion
    probability, when there is one). The price model's own level of the chance is not shown: beside today's from the
    conversion model it read as a second, contradicting chance to close (wave 30: "Chance to close 49%" above "Win
    chance 25%; a discount would not change it")."""
    curve = [p for p in score.get("curve") or [] if isinstance(p, list | tuple) and len(p) == 2]
    best = score.get("best_discount")
    point = next((p for p in curve if p[0] == best), None)
    if point is None:
        return text(lang, "price.best_revenue")
    if len({round(p[1], 3) for p in curve}) == 1:
        return text(lang, "price.no_change")
    zero = next((p for p in curve if p[0] == 0), None)
    if not best or zero is None:
        return text(lang, "price.not_enough")
    points = half_up((point[1] - zero[1]) * 100)
    if points < 1:
        return text(lang, "price.under_one", pct=percent(best, lang))
    if _number(today):
        return text(lang, "price.with_today", chance=percent(min(today + points / 100, 0.99), lang),
                    pct=percent(best, lang), today=percent(today, lang), points=points)
    return text(lang, "price.raises", pct=percent(best, lang), points=points)


def detail(key: str, score: Mapping[str, Any], currencies: set[str] | None = None, today: Any = None,
           lang: str = "en") -> str:
    """The line under the big number (never the same number again); `today`: the chance to close, for the discount's."""
    if key == "price":
        return price_detail(score, today, lang)
    if key == "conversion":
        return text(lang, "detail.today")
    if key == "clv":
        rank = text(lang, "clv.rank", pct=catalogue.percent_of(score["score_1_99"], lang)) \
            if _number(score.get("score_1_99")) else ""
        mixed = not score.get("currency") and len(currencies or ()) > 1
        names = sorted(currencies or ())
        listed = " and ".join(names) if lang == "en" or len(names) < 2 else text(
            lang, "list.and", items=", ".join(names[:-1]), last=names[-1])
        return "; ".join(x for x in (rank, text(lang, "clv.mixed", currencies=listed) if mixed else "") if x)
    return ""


def score_view(key: str, score: Mapping[str, Any], labels: Mapping[str, str],
               currency: str | None = None, record: Mapping[str, Any] | None = None,
               today: Any = None, lang: str = "en") -> dict[str, Any] | None:
    """One score tile, or None when the tenant does not use the task (`record`: the payload's, for the
    currencies of past revenue and lifetime value; `today`: the chance to close, for the discount's tile)."""
    record = record or {"currency": currency}
    if "not_used" in score:
        return None
    view: dict[str, Any] = {"key": key, "label": text(lang, f"score.{key}"), "absent": absent_text(key, score, lang)}
    if view["absent"] is None:
        band = score.get("band")
        band_key = f"band.{'conversion' if key == 'lead_conversion' else key}.{band}"
        view.update(
            headline=headline(key, score, record_currencies(record), lang),
            detail=detail(key, score, record_currencies(record), today, lang),
            band=text(lang, band_key) if isinstance(band, str) and catalogue.has(lang, band_key) else None,
            band_variant=band_variant(key, band),
            factors=top_factors(score, labels, currency=currency, lead=key == "lead_conversion",
                                past=record.get("past_revenue"), scores_currency=record.get("scores_currency"),
                                lang=lang)
            if key in ("conversion", "lead_conversion") else [],
        )
    return view


def band_variant(key: str, band: Any) -> str:
    """Colour of a band tag: for churn a high band is bad news, for the others good news."""
    if band not in ("low", "medium", "high"):
        return "default"
    good, bad = ("low", "high") if key == "churn" else ("high", "low")
    return "success" if band == good else "danger" if band == bad else "warning"


def resolve_score(scores: Mapping[str, Any], key: str) -> Mapping[str, Any] | None:
    """A task's score, or the reason it is absent wherever the payload put it."""
    score = _mapping(scores.get(key))
    if score:
        return score
    return _mapping(_mapping(scores.get("missing")).get(key)) or _mapping(_mapping(scores.get("absent")).get(key)) or None


def error_of(payload: Mapping[str, Any], lang: str = "en") -> dict[str, Any] | None:
    """The error to show instead of the card, or None (a payload with a known status)."""
    if payload.get("status") in ("enriched", "pending", "stale", "not_enriched") and "error" not in payload:
        return None
    code = str(payload.get("error") or "bad_payload")
    message = payload.get("message") or text(
        lang, "error.retraining" if code == RETRAINING else "error.bad_payload" if code == "bad_payload"
        else "error.generic")
    return {"code": code, "message": str(message), "retraining": code == RETRAINING, "not_found": code == NOT_FOUND}


DUE_WORDS = {"meeting": "send the invitation"}
"""What falls due at the action's due time when it is not the action itself: a meeting's due time is when the rep
sends the invitation; the meeting's own slots are the draft's, a business day later ("Meet Amelia Jensen · Mon 7 Dec,
10:00 AM" above a draft proposing Tuesday read as two meetings)."""


def action_title(channel: str, who: str, lang: str = "en") -> str:
    """What the rep does, in the words the card's action and the CRM task both use: "Email Elijah Martinez",
    "Invite Amelia Jensen to a meeting"; "" without a channel or a person."""
    if not channel or not who:
        return ""
    if channel in ("meeting", *CHANNEL_VERBS):
        return text(lang, f"action.{channel}", who=who)
    return f"{words(channel)} {who}"


def action_view(payload: Mapping[str, Any], now: datetime, labels: Mapping[str, str],
                lang: str = "en") -> dict[str, Any] | None:
    """The next best action as a title ("Email Elijah Martinez") and one line of when and how."""
    nba = _mapping(payload.get("next_best_action"))
    if not nba:
        return None
    channel = str(nba["channel"]) if isinstance(nba.get("channel"), str) else ""
    who = person_name(nba.get("recipient"))
    summary = nba.get("summary") or nba.get("action") or nba.get("text")
    if lang != "en" and not action_title(channel, who):
        summary = reason_words.held_back_summary(payload, lang) or summary
    title = action_title(channel, who, lang) or prose(summary, labels, lang)
    strategy = _mapping(payload.get("strategy"))
    due = due_text(nba.get("due_at"), now, nba.get("timezone"), lang)
    if due and who and channel in DUE_WORDS:
        due = text(lang, "action.due_meeting", due=due) if lang != "en" else f"{DUE_WORDS[channel]} {due}"
    discount = nba["discount"] if _number(nba.get("discount")) else 0
    meta = [
        due[:1].upper() + due[1:] if due else "",
        text(lang, "action.offer", pct=percent(discount, lang)) if discount > 0 else "",
        reason_words.strategy_name(strategy, lang),
    ]
    decision = _mapping(payload.get("decision"))
    approval = bool(decision.get("requires_approval") or decision.get("escalate"))
    why = "; ".join(approval_reasons(decision, lang))
    return {
        "title": title,
        "meta": " · ".join(m for m in meta if m),
        "approval": (text(lang, "action.approval_why", why=why) if why else text(lang, "action.approval"))
        if approval else None,
    }


APPROVAL_SUFFIXES = (": human review", ": needs approval", " needs approval")
"""How agents/decision.py ends a reason that sends the action to a human (the rest of its reasons, a channel
swapped or a due time moved, are not why a manager must look)."""


def approval_reasons(decision: Mapping[str, Any], lang: str = "en") -> list[str]:
    """Why the action waits for a manager, in the decision's own words ("amount 515,500 above 100,000").

    The card said only "Needs a manager's approval" on a $6,200 deal: the rep could not tell that the churn risk,
    not the deal, was the reason (a newcomer's walk, wave 26)."""
    out = []
    for reason in decision.get("reasons") or []:
        if isinstance(reason, str):
            cut = next((reason[: -len(end)].strip() for end in APPROVAL_SUFFIXES if reason.endswith(end)), "")
            if cut:
                out.append(cut if lang == "en" else reason_words.reason_text(cut, lang))
    return out


OWNER_NOTE = "Note for you (not for the customer)"
"""What the card and the task call the owner's brief of an escalated record (wave 31: it was offered as an e-mail)."""

DRAFT_KINDS = {
    # (heading, copy button, is an e-mail the CRM's composer can send)
    "call_script": ("Call script", "Copy script", False),
    "meeting": ("Meeting invitation (email)", "Copy invitation", True),
    "linkedin": ("Draft LinkedIn message", "Copy message", False),
    "email": ("Draft email", "Copy email", True),
    # An escalated record's brief for its owner (agents.writer.owner_brief): never an e-mail to the customer.
    "owner_brief": (OWNER_NOTE, "Copy note", False),
}
"""What the card calls a draft: the writer writes a call script for a call and an e-mail for every
other channel (a meeting's is the invitation), so the kind decides first, then the channel."""


def draft_kind(draft: Mapping[str, Any], lang: str = "en") -> tuple[str, str, bool]:
    """(heading, copy button's label, is an e-mail) of a draft, in `lang`."""
    if draft.get("kind") in ("call_script", "owner_brief"):
        kind = str(draft["kind"])
    else:
        kind = str(draft.get("channel") or "email")
        kind = kind if kind in DRAFT_KINDS else "email"
    return text(lang, f"draft.heading.{kind}"), text(lang, f"draft.copy.{kind}"), DRAFT_KINDS[kind][2]


def draft_view(payload: Mapping[str, Any], labels: Mapping[str, str], lang: str = "en") -> dict[str, Any] | None:
    """The draft with what the copy button puts on the clipboard (subject, blank line, body)."""
    draft = _mapping(payload.get("draft"))
    if not draft or not (draft.get("body") or draft.get("subject")):
        return None
    subject = prose(draft.get("subject"), labels)
    body = prose(draft.get("body"), labels)
    heading, copy_label, email = draft_kind(draft, lang)
    return {
        "heading": heading,
        "copy_label": copy_label,
        "to": person_name(draft.get("to")) or None,
        "to_email": _mapping(draft.get("to")).get("email") or None,
        "subject": subject,
        "body": body,
        "copy_text": f"{text(lang, 'draft.subject_line', subject=subject)}\n\n{body}" if subject else body,
        "email": email,
    }


def task_view(payload: Mapping[str, Any], now: datetime, lang: str = "en") -> dict[str, Any] | None:
    nba = _mapping(payload.get("next_best_action"))
    task = _mapping(nba.get("task")) or _mapping(payload.get("task"))
    if not task.get("subject"):
        return None
    due = due_text(task.get("due_at"), now, nba.get("timezone"), lang)
    return {"id": task.get("id"), "subject": task["subject"], "due": due, "done": bool(_mapping(payload.get("feedback")).get("task_done"))}


def outcome_view(payload: Mapping[str, Any], labels: Mapping[str, str], lang: str = "en") -> dict[str, Any] | None:
    """What happened to the deal (or Salesforce Lead) since (the outcome stage's `outcome`): won
    and lost close the card."""
    outcome = _mapping(payload.get("outcome"))
    kind = outcome.get("kind")
    if kind not in ("won", "lost", "stage_advanced", "stalled"):
        return None
    on = date_text(outcome.get("at"), lang)
    record = _mapping(payload.get("record"))
    amount = money(outcome.get("amount"), record.get("currency"), lang) if _number(outcome.get("amount")) else ""
    stage = outcome.get("stage")
    stage_text = (labels.get(str(stage)) or words(stage)) if stage else ""
    if (outcome.get("object_type") or record.get("object_type")) == "lead":
        # A Lead's `won` is its conversion and its `lost` a closing status, not a deal's win or loss.
        status = str(labels.get(str(stage)) or stage or "")  # a Lead Status value is its own label
        said = text(lang, "outcome.converted", date=on) if kind == "won" else " · ".join(
            x for x in (text(lang, "outcome.closed_unconverted", date=on), status) if x)
        return {"kind": kind, "text": said, "variant": "success" if kind == "won" else "danger",
                "closed": kind in ("won", "lost")}
    said = {
        "won": " · ".join(x for x in (text(lang, "outcome.won", date=on), amount) if x),
        "lost": text(lang, "outcome.lost", date=on),
        "stage_advanced": text(lang, "outcome.moved", stage=stage_text or text(lang, "outcome.next_stage"), date=on),
        "stalled": text(lang, "outcome.stalled", date=on),
    }[kind]
    variant = {"won": "success", "lost": "danger", "stage_advanced": "info", "stalled": "warning"}[kind]
    return {"kind": kind, "text": said, "variant": variant, "closed": kind in ("won", "lost")}


def no_action_text(payload: Mapping[str, Any], labels: Mapping[str, str], lang: str = "en") -> str | None:
    """Why the app took no action on this deal (holdout, or no strategy allowed), if so."""
    why = _mapping(_mapping(payload.get("strategy")).get("why"))
    if why.get("mode") not in ("holdout", "no_allowed_strategy"):
        return None
    return reason_words.why_text(why, payload, labels, lang) or None


def details_view(payload: Mapping[str, Any], labels: Mapping[str, str], lang: str = "en") -> dict[str, Any]:
    scores = _mapping(payload.get("scores"))
    record = _mapping(payload.get("record"))
    currency = record.get("currency")
    today = _mapping(resolve_score(scores, "conversion")).get("probability")
    if record.get("object_type") == "lead":
        today = None  # a lead's conversion is the lead model's (will it convert?), not a deal's chance to close
    tiles = [v for k in DETAIL_SCORES
             if (s := resolve_score(scores, k)) and (v := score_view(k, s, labels, currency, record, today, lang))]
    if _mapping(payload.get("record")).get("object_type") == "lead":
        for tile in tiles:
            if tile["key"] == "clv" and tile["absent"] == text(lang, "absent.no_purchases"):
                tile["absent"] = text(lang, "absent.lead_no_purchases")
    analysis = _mapping(payload.get("analysis"))

    def signal_texts(items: Any) -> list[str]:
        out: list[str] = []
        for item in items or []:
            label = item if isinstance(item, str) else _mapping(item).get("label")
            # Score factors are already shown as the reasons under the chance to close.
            if isinstance(label, str) and label and not label.startswith("Score factor"):
                said = prose(label, labels, lang)
                if said not in out:
                    out.append(said)
        return out

    strategy = _mapping(payload.get("strategy"))
    model_lines = [reason_words.budget_text(payload, lang)
                   or writer_text(payload.get("generated_by") or _mapping(payload.get("draft")).get("generated_by"), lang)]
    versions = _mapping(payload.get("model_versions")) or {
        k: _mapping(v).get("model_version") for k, v in scores.items() if _mapping(v).get("model_version")
    }
    model_lines += [model_text(k, v, lang) for k, v in sorted(versions.items())]
    return {
        "scores": tiles,
        "summary": prose(analysis.get("summary"), labels, lang),
        "risks": signal_texts(analysis.get("risk_indicators")),
        "signals": signal_texts(analysis.get("buying_signals")),
        "strategy": (words(strategy.get("label") or strategy.get("arm") or strategy.get("name")) if lang == "en"
                     else reason_words.strategy_name(strategy, lang)) or None,
        "rationale": prose(strategy.get("rationale"), labels, lang),
        # Why the learning loop chose this strategy (or held the deal out): app/pipeline/strategy.py.
        "why": reason_words.why_text(_mapping(strategy.get("why")), payload, labels, lang) or None,
        "model": [line for line in model_lines if line],
    }


def card_view(payload: Mapping[str, Any], *, object_type: str | None = None,
              now: datetime | None = None, lang: str | None = None) -> dict[str, Any]:
    """Build everything the card shows from one card payload.

    Args:
        payload: the card payload, or an error body ``{"error": code, "message": text}``.
        object_type: the type of the record the page is about (to say "showing the related deal").
        now: the reader's current time (relative dates); defaults to the current UTC time.
        lang: the card's language (en, de, fr, es); default the record's (catalogue.card_language).

    Returns:
        A dict of strings, lists and small dicts; absent parts are None.
    """
    now = now or datetime.now(UTC)
    lang = catalogue.language_of(lang or catalogue.card_language(payload))
    error = error_of(payload, lang)
    status = "error" if error else str(payload["status"])
    label, variant = (text(lang, "status.not_found"), "danger") if error and error["not_found"] else (
        text(lang, f"status.{status}"), STATUS_TAGS[status][1])
    record = _mapping(payload.get("record"))
    labels = {str(k): str(v) for k, v in _mapping(payload.get("labels")).items()}
    rec_type = record.get("object_type")
    related = None
    if rec_type and object_type and rec_type != object_type:
        name = record.get("name") or record.get("id")
        related = (text(lang, f"card.related.{rec_type}", name=name) if rec_type in ("deal", "lead")
                   else text(lang, "card.related.other", type=rec_type, name=name))
    degraded = _mapping(payload.get("degraded"))
    conversion = resolve_score(_mapping(payload.get("scores")), "conversion")
    actions = list(payload.get("actions") or ["accept", "dismiss", "rescore"])
    reasons = payload.get("dismiss_reasons") or dismiss_reasons(rec_type, lang=lang)
    if lang != "en":
        reasons = reason_words.dismiss_labels(reasons, rec_type, lang)
    updated = ago(payload.get("enriched_at"), now, lang)
    outcome = outcome_view(payload, labels, lang)
    closed = bool(outcome and outcome["closed"])
    return {
        "status": status,
        "status_label": label,
        "status_variant": variant,
        "error": error,
        "degraded": reason_words.degraded_text(degraded, lang) if degraded else None,
        "record": {"id": record.get("id"), "name": record.get("name"), "object_type": rec_type},
        "related": related,
        "updated": text(lang, "card.updated", ago=updated) if updated else "",
        "outcome": outcome,
        # A closed deal gets no suggestion and no chance to close: the outcome says it all.
        "action": None if closed else action_view(payload, now, labels, lang),
        # A deal the learning loop held out (control group) or could not act on says so.
        "no_action": None if closed else no_action_text(payload, labels, lang),
        "draft": None if closed else draft_view(payload, labels, lang),
        "task": None if closed else task_view(payload, now, lang),
        "conversion": score_view("lead_conversion" if rec_type == "lead" else "conversion", conversion, labels,
                                 record.get("currency"), record, lang=lang)
        if conversion and not closed else None,
        "details": details_view(payload, labels, lang),
        "actions": [a for a in actions if not closed or a == "rescore"],
        "dismiss_reasons": [dict(r) for r in reasons if isinstance(r, Mapping)],
        "feedback": _mapping(payload.get("feedback")).get("action"),
        "feedback_reason": _mapping(payload.get("feedback")).get("reason"),
    }
