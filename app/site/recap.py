"""The demo's summary and training results as sentences a newcomer can read (pure functions)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

CRM_NAMES = {"hubspot": "HubSpot", "salesforce": "Salesforce"}
"""Display names of the CRMs the demo can emulate (configuration data, not an import)."""

METRIC_NAMES = {"auc": "AUC", "roc_auc": "AUC", "gini": "Gini", "rmse": "RMSE", "brier": "Brier score"}


def _seconds(ms: Any) -> str:
    return f"{ms / 1000:.1f} s" if isinstance(ms, int | float) else "–"


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n:,} {word if n == 1 else plural or word + 's'}"


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def training_sentences(results: Mapping[str, Any], account: str = "account") -> list[str]:
    """A few sentences: what was trained (metric), what was refused or not trained and why, what failed.

    `account` is what the CRM calls the install (the connector's account_word: a Salesforce "org")."""
    trained: list[str] = []
    kept: list[str] = []
    skipped: list[str] = []
    failed: list[str] = []
    refused: list[str] = []
    for task, r in results.items():
        name = task.replace("_", " ")
        r = r if isinstance(r, Mapping) else {}
        history = r.get("not_enough_history")
        if isinstance(history, Mapping):
            skipped.append(f"{name} (needs {history.get('need')} examples, has {history.get('have')})")
        elif r.get("error"):
            failed.append(f"{name} ({str(r['error']).splitlines()[0][:120]})")
        elif not r.get("promoted") and r.get("champion") is None and str(r.get("reason", "")).startswith("refused"):
            refused.append(name)
        else:
            metric = METRIC_NAMES.get(str(r.get("metric")), str(r.get("metric") or "score"))
            value, found = r.get("challenger"), r.get("gate")
            gate: Mapping[str, Any] = found if isinstance(found, Mapping) else {}
            shown = f"{metric} {value:.2f}" if isinstance(value, int | float) else metric
            if "cross-validation" in str(gate.get("on", "")) and isinstance(gate.get("auc"), int | float):
                # Too small a holdout to judge (churn on a young account): the gate decided on the folds,
                # so that is the figure to show, not the tiny holdout's.
                shown = f"{metric} {gate['auc']:.2f}, cross-validated"
            (trained if r.get("promoted") else kept).append(f"{name} ({shown})")
    out = []
    if trained:
        out.append(f"Trained the {_join(trained)} model{'s' if len(trained) > 1 else ''} from the {account}'s history.")
    if kept:
        out.append(f"Kept the current {_join(kept)} model{'s' if len(kept) > 1 else ''}: the new one was not better.")
    if refused:
        out.append(f"Not shown: the {_join(refused)} model{'s' if len(refused) > 1 else ''} did not beat a simple "
                   "baseline on held-out history.")
    if skipped:
        out.append(f"Not trained yet: {_join(skipped)}.")
    if failed:
        out.append(f"Training failed for {_join(failed)}.")
    return out


def summary_sentences(summary: Mapping[str, Any], deal_words: tuple[str, str] = ("deal", "deals")) -> list[str]:
    """What the demo did, from its summary (DESIGN.md "Demo summary"), in a few sentences; `deal_words`: what the
    CRM calls a deal, one and many ("You edited 2 opportunities in the Salesforce sandbox")."""
    crm = CRM_NAMES.get(str(summary.get("crm")), str(summary.get("crm") or "CRM"))
    enriched, changed = int(summary.get("records_enriched") or 0), int(summary.get("records_changed") or 0)
    latency = summary.get("latency_ms") or {}
    lines = [
        f"You edited {_plural(changed, *deal_words)} in the {crm} sandbox ({_plural(int(summary.get('changes_sent') or 0), 'change')}); "
        f"{enriched} of {changed} were scored, given a next best action and a draft, and written back.",
        f"From a signed webhook to the write-back took {_seconds(latency.get('p50'))} for half of them "
        f"and at most {_seconds(latency.get('p95'))} for 95%.",
        f"The app wrote {_plural(int(summary.get('fields_written') or 0), 'field')}, "
        f"{_plural(int(summary.get('tasks_written') or 0), 'task')} and {_plural(int(summary.get('notes_written') or 0), 'note')} "
        f"to {crm}",
    ]
    handled = []
    if summary.get("token_refreshes"):
        handled.append(_plural(int(summary["token_refreshes"]), "token refresh", "token refreshes"))
    if summary.get("rate_limited_retries"):
        handled.append(_plural(int(summary["rate_limited_retries"]), "rate-limit wait"))
    if summary.get("events_deduped"):
        handled.append(_plural(int(summary["events_deduped"]), "duplicate delivery", "duplicate deliveries"))
    errors = int(summary.get("errors") or 0)
    tail = "with no errors" if errors == 0 else f"with {_plural(errors, 'error')} (see the log)"
    lines[-1] += f", handling {_join(handled)}, {tail}." if handled else f", {tail}."
    return lines
