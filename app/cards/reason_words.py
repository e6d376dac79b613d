"""What the pipeline stored in English words, said again in the card's language (de, fr, es).

The pipeline stores a few sentences with each enrichment: the guardrails' reasons (agents/decision.py, a pure engine
whose reasons are the audit log's), why the learning loop chose the strategy (app/pipeline/strategy.py, with the
numbers behind it), a held-back action's summary, the LLM budget's and retraining's notes. An English card shows them
as stored; another language rebuilds each from its numbers or from the fixed shape the code wrote it in. A sentence of
a shape this module does not know is shown as stored, never guessed at.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from app.cards import catalogue
from app.cards.catalogue import percent, text
from app.cards.humanize import MONTHS, WEEKDAYS, prose, words

# The module, not its names: next_step_words imports app.cards.humanize, whose package imports this module, so a
# program that imports next_step_words first (tests/pipeline/test_next_best_action_field_words.py alone) finds it
# half-built here; its names are read when a card is worded.
from app.pipeline import next_step_words

_REASONS = (
    (re.compile(r"^discount (\d+)% above (\d+)%$"), "reason.discount_over"),
    (re.compile(r"^churn risk (\d+)% above (\d+)%$"), "reason.churn_over"),
    (re.compile(r"^amount (.+) above (.+)$"), "reason.amount_over"),
    (re.compile(r"^draft failed a quality check$"), "reason.draft_check"),
)
"""The reasons agents/decision.py gives for sending an action to a manager, as approval_reasons cuts them."""

_CONTACTED = re.compile(r"^contacted (\d+) times in the last (\d+) days \(cap (\d+)\): no new customer message before "
                        r"(\w{3}) (\d{1,2}) (\w{3})$")
_STOPPED = (
    (re.compile(r"^recipient \S+ opted out$"), "reason.opted_out"),
    (re.compile(r"^recipient is not one of the record's contacts$"), "reason.not_a_contact"),
    (re.compile(r"^deal is closed \((won|lost)\)$"), "reason.closed"),
)
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+")
_BUDGET = re.compile(r"AI budget for (this month|today) \((.+?)\) is used up")
_RETRAINING = re.compile(r"^Model retraining \((.+?)\): those scores are missing until it finishes\.$")


def _numbers(said: str, lang: str) -> str:
    """English-grouped numbers ("515,500") in the language's form ("515.500")."""
    return _GROUPED.sub(lambda m: catalogue.number(int(m[0].replace(",", "")), lang), said)


def reason_text(reason: str, lang: str) -> str:
    """One approval reason ("discount 8% above 2%") in `lang`; unchanged when its shape is unknown."""
    for pattern, key in _REASONS:
        match = pattern.match(reason)
        if not match:
            continue
        if key == "reason.amount_over":
            return text(lang, key, amount=_numbers(match[1], lang), limit=_numbers(match[2], lang))
        if match.groups():
            return text(lang, key, pct=catalogue.percent_of(int(match[1]), lang),
                        limit=catalogue.percent_of(int(match[2]), lang))
        return text(lang, key)
    return reason


def _short_date(weekday: str, day: str, month: str, lang: str) -> str | None:
    if weekday not in WEEKDAYS or month not in MONTHS:
        return None
    return text(lang, "date.day_month", weekday=text(lang, "date.weekdays").split(" ")[WEEKDAYS.index(weekday)],
                day=int(day), month=text(lang, "date.months").split(" ")[MONTHS.index(month)])


def stop_text(reason: str, lang: str) -> str | None:
    """Why an action was held back (a contact cap, an opt-out, ...) in `lang`; None for an unknown shape."""
    match = _CONTACTED.match(reason)
    if match and (date := _short_date(match[4], match[5], match[6], lang)):
        return text(lang, "reason.contacted", times=match[1], days=match[2], cap=match[3], date=date)
    return next((text(lang, key) for pattern, key in _STOPPED if pattern.match(reason)), None)


def held_back_summary(payload: Mapping[str, Any], lang: str) -> str | None:
    """A waiting or suppressed action's line ("Wait: contacted 3 times ...") in `lang`, or None."""
    decision = payload.get("decision") if isinstance(payload.get("decision"), Mapping) else {}
    action = (decision or {}).get("action")
    if action not in ("wait", "suppress"):
        return None
    reasons = [r for r in (decision or {}).get("reasons") or [] if isinstance(r, str)]
    why = stop_text(reasons[-1], lang) if reasons else text(lang, f"action.{action}_default")
    return text(lang, f"action.{action}", why=why) if why else None


def strategy_name(strategy: Mapping[str, Any], lang: str) -> str:
    """The strategy as the card names it: the app's words for a default arm in `lang`, "No AI action" for a record
    that got none, a tenant's own strategy by its name."""
    arm = str(strategy.get("arm") or strategy.get("name") or "")
    if lang == "en":
        return str(strategy.get("label") or words(arm))
    why = strategy.get("why") if isinstance(strategy.get("why"), Mapping) else {}
    if (why or {}).get("mode") == "holdout":
        return text(lang, "strategy.holdout")
    if (why or {}).get("mode") == "no_allowed_strategy" or arm == "none":
        return text(lang, "strategy.none")
    if arm in next_step_words.ARM_WORDS["en"]:
        said = next_step_words.strategy_words(arm, lang)
        return said[:1].upper() + said[1:]
    return str(strategy.get("label") or words(arm))


def why_text(why: Mapping[str, Any], payload: Mapping[str, Any], labels: Mapping[str, str], lang: str) -> str:
    """Why the learning loop chose this strategy (or held the record out), in `lang`, from the numbers stored with
    it (app/pipeline/strategy.py why); the stored English text when those are missing (an older payload)."""
    stored = prose(why.get("text"), labels, lang)
    if lang == "en" or not why:
        return stored
    record = payload.get("record") if isinstance(payload.get("record"), Mapping) else {}
    noun = "lead" if (record or {}).get("object_type") == "lead" else "deal"
    mode, share = why.get("mode"), why.get("share")
    if mode == "holdout":
        return text(lang, f"why.holdout.{noun}")
    if mode == "no_allowed_strategy":
        return text(lang, "why.no_strategy")
    strategy = payload.get("strategy") if isinstance(payload.get("strategy"), Mapping) else {}
    if mode == "heuristic" and isinstance(share, int | float):
        return text(lang, f"why.heuristic.{noun}", strategy=strategy_name(strategy or {}, lang),
                    share=percent(share, lang))
    numbers = [why.get(k) for k in ("share", "outcomes", "estimate", "sd")]
    if mode not in ("best_so_far", "exploring") or not all(isinstance(v, int | float) for v in numbers):
        return stored
    share, outcomes, estimate, sd = (float(v) for v in numbers if isinstance(v, int | float))
    segment = str(why.get("segment") or "other")
    segment = segment if segment in ("smb", "mid", "ent") else "other"
    lead = text(lang, f"why.{'best' if mode == 'best_so_far' else 'exploring'}.{noun}", share=percent(share, lang))
    if not outcomes:
        described = text(lang, "why.untried", kind=text(lang, f"why.kind.{segment}.{noun}"))
    else:
        described = text(lang, f"why.tried.{'better' if estimate >= 0 else 'worse'}.{noun}", n=int(outcomes),
                         kinds=text(lang, f"why.kinds.{segment}.{noun}"), points=f"{abs(estimate) * 100:.0f}",
                         range=f"{2 * sd * 100:.0f}")
    return f"{lead} {described}"


def budget_text(payload: Mapping[str, Any], lang: str) -> str | None:
    """The LLM budget's note (app/pipeline/card.py budget_note) in `lang`, or None without one."""
    budget = payload.get("llm_budget") if isinstance(payload.get("llm_budget"), Mapping) else {}
    message = (budget or {}).get("message")
    if not isinstance(message, str) or not message:
        return None
    match = _BUDGET.search(message)
    if lang == "en" or not match:
        return message
    return text(lang, f"budget.{'month' if match[1] == 'this month' else 'day'}", amount=match[2])


def degraded_text(degraded: Mapping[str, Any], lang: str) -> str:
    """The retraining note of a card whose models are being retrained, in `lang`."""
    message = degraded.get("message")
    if not isinstance(message, str) or not message:
        return text(lang, "card.degraded")
    match = _RETRAINING.match(message)
    if lang == "en" or not match:
        return message
    tasks = [text(lang, f"model.name.{t}") if catalogue.has(lang, f"model.name.{t}") else t
             for t in match[1].split(", ")]
    return text(lang, "degraded.retraining", tasks=", ".join(tasks))


def dismiss_labels(reasons: Any, object_type: str | None, lang: str) -> list[dict[str, str]]:
    """The payload's dismiss reasons (values and English labels) with labels in `lang`."""
    out = []
    for reason in reasons or []:
        if not isinstance(reason, Mapping):
            continue
        value, label = str(reason.get("value")), str(reason.get("label") or "")
        if value == "not_relevant":
            noun = "lead" if object_type == "lead" else label.rsplit(" ", 1)[-1].lower()
            key = f"dismiss.not_relevant.{noun}" if catalogue.has(lang, f"dismiss.not_relevant.{noun}") \
                else "dismiss.not_relevant.deal"
        else:
            key = f"dismiss.{value}"
        out.append({"value": value, "label": text(lang, key) if catalogue.has(lang, key) else label})
    return out
