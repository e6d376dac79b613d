"""What the learning report says about the holdout lift, in words true for the account's holdout setting.

Wave 30's walk read "No holdout outcomes yet" on the demo's report, which runs with HOLDOUT_SHARE_OVERRIDE=0: no
record is ever held out there, so no held-out outcome can come, and "yet" promised one. Pure: the caller says which
share is in effect and where it comes from.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

OVERRIDE_SETTING = "AGENTIC_SALES_HOLDOUT_SHARE_OVERRIDE"
"""The deployment's environment variable (app/config.py HOLDOUT_SHARE_OVERRIDE) that replaces every account's share."""


@dataclass(frozen=True)
class Holdout:
    """The holdout share in effect for the report's records, and where it comes from."""

    share: float
    """The share of records held out of every AI action now (0..1)."""
    overridden: bool = False
    """True: the deployment's override sets `share`, not the account's guardrails."""
    saved: float | None = None
    """The account's own saved share (shown when the override replaces it)."""

    def key(self) -> list[Any]:
        """What a stored report depends on (part of its cache key): a changed override changes the words."""
        return [round(self.share, 6), self.overridden, None if self.saved is None else round(self.saved, 6)]


def _pct(share: float) -> str:
    return f"{share * 100:.0f}%" if share * 100 == round(share * 100) else f"{share * 100:.1f}%"


def _num(v: Any) -> str:
    return f"{v:.4f}" if isinstance(v, float) else str(v)


def holdout_html(lift: Mapping[str, Any] | None, holdout: Holdout | None, *, held: int, records: str) -> str:
    """The report's holdout paragraph.

    Args:
        lift: the summary's `holdout_lift` (None: no held-out and acted-on outcomes to compare).
        holdout: the share in effect; None when the caller does not know it (the words say only what the data does).
        held: decisions held out so far, with or without an outcome.
        records: the records' word ("deals", "opportunities", "leads").
    """
    off = holdout is not None and holdout.share <= 0
    if off and holdout is not None and holdout.overridden:
        saved = (f" the {_pct(holdout.saved)} saved in the guardrails applies once that setting is removed."
                 if holdout.saved else " the share saved in the guardrails applies once that setting is removed.")
        why = (f"Holdout off: this deployment holds out 0% of every account's {records} ({OVERRIDE_SETTING}; the "
               f"demo sets it so that every record gets an action), so none is held out and no lift can be measured "
               f"(the AI's actions against no action);{saved}")
    elif off:
        why = (f"Holdout off: this account's holdout share is 0% (Guardrails), so no {records} are held out and no "
               "lift can be measured (the AI's actions against no action). Set a share above 0 to measure it.")
    else:
        why = ""
    if lift:
        text = (f"Holdout lift: {_num(lift['estimate'])} reward per decision, 95% interval {_num(lift['ci95'][0])} to "
                f"{_num(lift['ci95'][1])} ({lift['treated']} acted on, {lift['holdout']} held out).")
        if why:  # earlier decisions were held out; none is now
            text += f" From earlier decisions. {why.replace('no lift can be measured', 'no new lift can be measured')}"
        return f"<p>{html.escape(text)}</p>"
    if why:
        return f"<p class='holdout-off'>{html.escape(why)}</p>"
    if holdout is None:
        return "<p>No holdout outcomes yet.</p>"
    source = " (set by this deployment)" if holdout.overridden else ""
    text = (f"No holdout outcomes yet: {_pct(holdout.share)} of {records} are held out{source}, {held} so far; the "
            f"lift appears once held-out and acted-on {records} have outcomes.")
    return f"<p>{html.escape(text)}</p>"
