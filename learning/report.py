"""The learning report and export: decisions, propensities, outcomes and rewards of one tenant.

Pure over rows (dicts with the `EXPORT_COLUMNS`); the app reads them from its tables and the
simulation writes the same rows, so one report serves both. `summarise` computes the numbers
(off-policy estimates per arm and per candidate policy, holdout lift); `render_html` draws them
(cumulative reward by policy, arm shares over time, OPE with intervals, lift) with matplotlib
into a self-contained HTML page.
"""

from __future__ import annotations

import base64
import csv
import html
import io
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

import numpy as np

from learning.holdout import HOLDOUT_ARM
from learning.holdout_words import Holdout, holdout_html
from learning.ope import LoggedData, adjusted_difference_interval, arm_values, difference_interval, evaluate

EXPORT_COLUMNS = ("decision_id", "tenant_id", "deal_id", "decided_at", "policy", "arm", "propensity",
                  "holdout", "segment", "band", "engagement", "baseline", "outcome_kind", "outcome_at", "reward",
                  "allowed_arms", "feedback", "dismiss_reason", "object_type", "amount_weight", "probabilities")
"""Columns of `learning export` (one row per logged decision; outcome and reward empty until known;
`object_type` is the decided record's kind, `deal` or `lead` (a Salesforce Lead: its `won` is a
conversion, not a deal's amount-weighted win, and `deal_id` is the lead's id);
`allowed_arms` lists, separated by ';', the arms the policy could choose for that decision;
`feedback` is the rep's verdict on the card (accept / dismiss, empty without one) and
`dismiss_reason` the reason given with a dismiss; `amount_weight` is what a win of the deal was worth
in the reward (known when decided; empty without an amount); `probabilities` is every allowed arm's
probability under the logging policy when it decided, as `arm=p` separated by ';' (since wave 23:
what adaptively weighted AIPW needs; older exports have no such column and report by SNDR))."""


METHOD_NAMES = {"aw_aipw": "adaptively weighted AIPW", "sndr": "self-normalised doubly robust",
                "dr": "doubly robust"}
"""How the report names each estimator (`summarise`'s `method`)."""


def write_csv(rows: Iterable[Mapping[str, Any]], out: io.TextIOBase | Any) -> int:
    """Write rows as CSV with the export columns; return the number of rows."""
    w = csv.DictWriter(out, fieldnames=EXPORT_COLUMNS, extrasaction="ignore")
    w.writeheader()
    n = 0
    for r in rows:
        w.writerow({k: _cell(r.get(k)) for k in EXPORT_COLUMNS})
        n += 1
    return n


def read_csv(path: str) -> list[dict[str, Any]]:
    """Read an export back (types restored: propensity, reward, baseline floats; holdout bool)."""
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        missing = [c for c in ("decision_id", "arm", "propensity", "reward") if c not in (reader.fieldnames or [])]
        if missing:
            raise ValueError(f"{path} is not a learning export: missing column(s) {', '.join(missing)}")
        return [_typed(r) for r in reader]


def _cell(v: Any) -> Any:
    if v is None:
        return ""
    if isinstance(v, datetime):
        return v.isoformat()
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, list | tuple):
        return ";".join(str(x) for x in v)
    if isinstance(v, Mapping):
        return ";".join(f"{k}={float(p)!r}" for k, p in v.items())
    return v


def _typed(r: Mapping[str, str]) -> dict[str, Any]:
    out: dict[str, Any] = dict(r)
    for k in ("propensity", "reward", "baseline", "amount_weight"):
        out[k] = float(r[k]) if r.get(k) not in (None, "") else None
    out["holdout"] = str(r.get("holdout", "")).lower() in ("true", "1", "yes")
    out["probabilities"] = _probabilities(r.get("probabilities"))
    return out


def _probabilities(raw: Any) -> dict[str, float] | None:
    """A row's probability of every arm: a mapping, or the export's `arm=p;arm=p` text; None when
    the row has none (an export written before wave 23) or it does not parse."""
    items: list[tuple[Any, Any]]
    if isinstance(raw, Mapping):
        items = list(raw.items())
    elif isinstance(raw, str) and raw.strip():
        parts = [part.split("=", 1) for part in raw.split(";") if part]
        if any(len(it) != 2 for it in parts):
            return None
        items = [(it[0], it[1]) for it in parts]
    else:
        return None
    try:
        return {str(k): float(v) for k, v in items}
    except (TypeError, ValueError):
        return None


def _day(decided_at: Any) -> int | None:
    """The decision's day (its UTC date as a day number), None when it has no readable time."""
    try:
        at = decided_at if isinstance(decided_at, datetime) else datetime.fromisoformat(str(decided_at))
    except ValueError:
        return None
    if at.tzinfo is not None:
        at = at.astimezone(UTC)
    return at.date().toordinal()


def _context(r: Mapping[str, Any]) -> str:
    return f"{r.get('segment')}|{r.get('band')}|{r.get('engagement')}"


def feedback_summary(rows: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """What reps said on the cards: accepts, dismisses, and dismiss reasons overall and by arm."""
    reasons: dict[str, int] = {}
    by_arm: dict[str, dict[str, int]] = {}
    accepted = dismissed = 0
    for r in rows:
        verdict = r.get("feedback") or None
        if verdict == "accept":
            accepted += 1
        elif verdict == "dismiss":
            dismissed += 1
            reason = str(r.get("dismiss_reason") or "none given")
            reasons[reason] = reasons.get(reason, 0) + 1
            arm = by_arm.setdefault(str(r.get("arm")), {})
            arm[reason] = arm.get(reason, 0) + 1
    return {"accepted": accepted, "dismissed": dismissed,
            "dismiss_reasons": dict(sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0]))),
            "dismiss_reasons_by_arm": {a: dict(sorted(v.items())) for a, v in sorted(by_arm.items())}}


def summarise(rows: Sequence[Mapping[str, Any]], *, resamples: int | None = None,
              seed: int = 0) -> dict[str, Any]:
    """Off-policy estimates and holdout lift from a tenant's rows (decisions with a known reward)."""
    known = [r for r in rows if r.get("reward") is not None]
    acted = [r for r in known if not r.get("holdout") and r.get("arm") not in (None, "", HOLDOUT_ARM)
             and (r.get("propensity") or 0) > 0]
    held = [r for r in known if r.get("holdout")]
    arms = sorted({str(r["arm"]) for r in acted})
    out: dict[str, Any] = {"decisions": len(rows), "with_outcome": len(known), "acted": len(acted),
                           "holdout": len(held), "arms": arms, "ope": [], "policies": [], "holdout_lift": None,
                           "estimator": None, "feedback": feedback_summary(rows)}
    if acted:
        names_of = [_names(r.get("allowed_arms")) for r in acted]
        probs_of = [_probabilities(r.get("probabilities")) for r in acted]
        # every arm a decision could have taken, chosen or not (the simulation evaluates those too)
        arms = sorted(({str(r["arm"]) for r in acted} | {a for ns in names_of for a in ns}
                       | {a for p in probs_of if p for a in p}) - {HOLDOUT_ARM})
        out["arms"] = arms
        data = LoggedData.from_rows([{**r, "context": _context(r)} for r in acted], arms)
        n, k = len(data), len(arms)
        # Where the export says which arms were allowed, "always a" is evaluated on the decisions
        # where a could be chosen (elsewhere its propensity was 0 and no estimator can see it),
        # and uniform is uniform over each decision's allowed arms.
        allowed = np.ones((n, k), dtype=bool)
        for i, names in enumerate(names_of):
            if names:
                allowed[i] = [a in names for a in arms]
        method, why, probabilities, day = _estimator(acted, probs_of, arms)
        out["estimator"] = {"method": method, "why": why}
        for e in arm_values(data, allowed, probabilities=probabilities, day=day, resamples=resamples, seed=seed):
            out["ope"].append(e)
        uniform = allowed / np.maximum(allowed.sum(axis=1, keepdims=True), 1)
        by = {e.method: e for e in evaluate(data, {"uniform": uniform}, resamples=resamples, seed=seed)}
        out["policies"].append({"policy": "uniform_random", "method": "sndr", "estimate": by["sndr"].estimate,
                                "ci95": list(by["sndr"].ci95), "ips": by["ips"].estimate,
                                "ips_ci95": list(by["ips"].ci95), "snips": by["snips"].estimate,
                                "snips_ci95": list(by["snips"].ci95)})
        if out["ope"]:
            best = max(out["ope"], key=lambda e: e["estimate"])
            out["policies"].append({"policy": f"always {best['arm']}", **{k_: best[k_] for k_ in (
                "method", "estimate", "ci95", "ips", "ips_ci95", "snips", "snips_ci95")}})
        out["policies"].append({"policy": "logged (as run)", "estimate": float(data.rewards.mean()), "ci95": None})
    if acted and held:
        y_t, y_c = np.array([r["reward"] for r in acted]), np.array([r["reward"] for r in held])
        if all(r.get("baseline") is not None for r in [*acted, *held]):
            # CUPED with the conversion probability logged before the decision (see ope).
            est, ci = adjusted_difference_interval(y_t, np.array([r["baseline"] for r in acted]), y_c,
                                                   np.array([r["baseline"] for r in held]), resamples=resamples,
                                                   seed=seed)
        else:
            est, ci = difference_interval(y_t, y_c, resamples=resamples, seed=seed)
        out["holdout_lift"] = {"estimate": est, "ci95": list(ci), "treated": len(acted), "holdout": len(held)}
    return out


def _names(raw: Any) -> list[str]:
    return [str(x) for x in raw] if isinstance(raw, list | tuple) else [x for x in str(raw or "").split(";") if x]


def _estimator(acted: Sequence[Mapping[str, Any]], probs_of: Sequence[dict[str, float] | None], arms: Sequence[str]
               ) -> tuple[str, str, np.ndarray | None, np.ndarray | None]:
    """Which estimator the data allow, why, and AW-AIPW's inputs (every arm's probability per
    decision and its day) when they do."""
    missing = sum(p is None for p in probs_of)
    if missing:
        return ("sndr", f"self-normalised doubly robust (SNDR): {missing} of {len(acted)} decisions with an outcome "
                        "were logged without every arm's probability (exports before wave 23 carry only the chosen "
                        "arm's), which adaptively weighted AIPW needs", None, None)
    days = [_day(r.get("decided_at")) for r in acted]
    undated = sum(d is None for d in days)
    off = sum(not (p or {}).get(str(r["arm"]), 0.0) > 0 for r, p in zip(acted, probs_of, strict=True))
    if undated or off:
        return ("sndr", f"self-normalised doubly robust (SNDR): {undated} decisions without a readable time and "
                        f"{off} whose logged probabilities give their own arm none", None, None)
    if len(set(days)) < 2:
        return ("sndr", f"self-normalised doubly robust (SNDR): all {len(acted)} decisions with an outcome were made "
                        "on one day, and adaptively weighted AIPW's reward model learns from earlier days only "
                        "(it would have none)", None, None)
    probabilities = np.array([[(p or {}).get(a, 0.0) for a in arms] for p in probs_of])
    return ("aw_aipw", "adaptively weighted AIPW (the simulation's estimator since wave 22): every decision logged "
                       "every arm's probability, so each arm's interval accounts for the bandit adapting to outcomes",
            probabilities, np.array(days, dtype=int))


def _png(fig: Any) -> str:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=90, bbox_inches="tight")
    return base64.b64encode(buf.getvalue()).decode()


DEAL_OUTCOME = "been won, lost or moved a stage"
"""What has to happen to a deal for its decision to have an outcome (a lead's: converted or closed)."""


def render_html(rows: Sequence[Mapping[str, Any]], summary: Mapping[str, Any], *, title: str, records: str = "deals",
                outcome: str = DEAL_OUTCOME, holdout: Holdout | None = None) -> str:
    """A self-contained HTML page with the four plots and the numbers behind them (`records`, `outcome`: see
    `render_body`)."""
    return (f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{html.escape(title)}</title>"
            "<style>body{font-family:sans-serif;max-width:960px;margin:2em auto}td,th{padding:2px 8px}"
            "img{display:block;margin:1em 0}</style></head><body>"
            f"<h1>{html.escape(title)}</h1>{render_body(rows, summary, records=records, outcome=outcome, holdout=holdout)}"
            "</body></html>")


def _chosen(entry: Mapping[str, Any]) -> str:
    """'3 of 36': how often an arm was chosen where it was allowed (a policy row: empty). An arm
    chosen a handful of times is estimated mostly by the reward model, whatever its interval says."""
    return "" if entry.get("chosen") is None else f"{entry['chosen']} of {entry.get('n', '?')}"


def render_body(rows: Sequence[Mapping[str, Any]], summary: Mapping[str, Any], *, records: str = "deals",
                outcome: str = DEAL_OUTCOME, holdout: Holdout | None = None) -> str:
    """The report's content without a page around it (the console shows it in its own page):
    the numbers, then the plots, every value escaped; the images are matplotlib's PNGs.

    `records` and `outcome` say whose decisions these are in the CRM's words ("opportunities" in Salesforce, "leads"
    for a Lead report, whose outcome is a conversion, not a win): the report is read by that CRM's admins.
    `holdout` is the share in effect (learning.holdout_words): with it, an empty lift says whether one can come."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    images: list[tuple[str, str]] = []
    known = sorted((r for r in rows if r.get("reward") is not None), key=lambda r: str(r.get("decided_at")))
    # With no outcome yet there is nothing to draw: an empty chart with an empty legend (and
    # matplotlib's "No artists with labels" warning on stderr) told a new tenant nothing.
    if known:
        fig, ax = plt.subplots(figsize=(7, 3.2))
        groups: dict[str, list[float]] = {}
        for r in known:
            groups.setdefault("holdout (no action)" if r.get("holdout") else str(r.get("policy") or "?"), []).append(
                float(r["reward"]))
        for name, values in groups.items():
            # Running mean, so groups of different sizes (the holdout is ~10%) compare on one scale.
            ax.plot(np.linspace(0, 1, len(values)), np.cumsum(values) / np.arange(1, len(values) + 1),
                    label=f"{name} ({len(values)})")
        ax.set_xlabel("share of the group's decisions with a known outcome (in decision order)")
        ax.set_ylabel("cumulative reward per decision")
        ax.set_title("Cumulative reward by policy (running mean)")
        ax.legend(fontsize=8)
        images.append((ax.get_title(), _png(fig)))
        plt.close(fig)

    acted = [r for r in rows if not r.get("holdout") and r.get("arm") not in (None, "", HOLDOUT_ARM)]
    weeks = sorted({str(r.get("decided_at"))[:10] for r in acted})
    if acted:
        by_week: dict[str, dict[str, int]] = {}
        for r in acted:
            day = datetime.fromisoformat(str(r["decided_at"])[:10])
            wk = f"{day.isocalendar().year}-W{day.isocalendar().week:02d}"
            by_week.setdefault(wk, {}).setdefault(str(r["arm"]), 0)
            by_week[wk][str(r["arm"])] += 1
        weeks = sorted(by_week)
        arms = sorted({a for w in by_week.values() for a in w})
        shares = np.array([[by_week[w].get(a, 0) / max(sum(by_week[w].values()), 1) for w in weeks] for a in arms])
        fig, ax = plt.subplots(figsize=(7, 3.2))
        # Stacked bars, not an area: an area over a single week has no width and drew nothing (every
        # report of a tenant's first week was blank there).
        bottom = np.zeros(len(weeks))
        for arm, row in zip(arms, shares, strict=True):
            ax.bar(range(len(weeks)), row, bottom=bottom, label=arm, width=0.9)
            bottom += row
        ax.set_xticks(range(len(weeks)))
        ax.set_xticklabels(weeks, rotation=90, fontsize=6)
        ax.set_ylabel("share of decisions")
        ax.set_title("Arm shares by week")
        ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1, 1))
        images.append((ax.get_title(), _png(fig)))
        plt.close(fig)

    ope = list(summary.get("ope") or []) + [p for p in summary.get("policies") or [] if p.get("ci95")]
    if ope:
        fig, ax = plt.subplots(figsize=(7, 3.2))
        names = [e.get("arm") or e.get("policy") for e in ope]
        est = np.array([e["estimate"] for e in ope])
        lo = np.array([e["ci95"][0] for e in ope])
        hi = np.array([e["ci95"][1] for e in ope])
        ax.errorbar(range(len(ope)), est, yerr=[est - lo, hi - est], fmt="o", capsize=3,
                    label=f"{METHOD_NAMES.get(str(ope[0].get('method')), 'estimate')}, 95%")
        ax.plot(range(len(ope)), [e["ips"] for e in ope], "x", label="IPS")
        ax.plot(range(len(ope)), [e["snips"] for e in ope], "+", label="SNIPS")
        ax.set_xticks(range(len(ope)))
        ax.set_xticklabels(names, rotation=30, ha="right", fontsize=7)
        ax.set_ylabel("estimated mean reward per decision")
        ax.set_title("Off-policy estimates")
        ax.legend(fontsize=7)
        images.append((ax.get_title(), _png(fig)))
        plt.close(fig)

    lift = summary.get("holdout_lift")
    if lift:
        fig, ax = plt.subplots(figsize=(4, 2.6))
        ax.errorbar([0], [lift["estimate"]], yerr=[[lift["estimate"] - lift["ci95"][0]],
                                                   [lift["ci95"][1] - lift["estimate"]]], fmt="o", capsize=4)
        ax.axhline(0, color="grey", lw=0.8)
        ax.set_xticks([0])
        ax.set_xticklabels(["AI actions vs holdout"])
        ax.set_ylabel("reward per decision")
        ax.set_title("Holdout lift, 95% interval")
        images.append((ax.get_title(), _png(fig)))
        plt.close(fig)

    def fmt(v: Any) -> str:
        return f"{v:.4f}" if isinstance(v, float) else html.escape(str(v))

    rows_html = "".join(
        f"<tr><td>{html.escape(str(e.get('arm') or e.get('policy')))}</td><td>{fmt(e['estimate'])}</td>"
        f"<td>{fmt(e['ci95'][0]) if e.get('ci95') else ''} – {fmt(e['ci95'][1]) if e.get('ci95') else ''}</td>"
        f"<td>{html.escape(METHOD_NAMES.get(str(e.get('method')), 'mean of the logged rewards'))}</td>"
        f"<td>{_chosen(e)}</td>"
        f"<td>{fmt(e.get('ips', ''))}</td><td>{fmt(e.get('snips', ''))}</td></tr>"
        for e in [*(summary.get("ope") or []), *(summary.get("policies") or [])])
    lift_html = holdout_html(lift, holdout, held=sum(1 for r in rows if r.get("holdout")), records=records)
    fb = summary.get("feedback") or {}
    reasons_html = "".join(f"<tr><td>{html.escape(str(k))}</td><td>{v}</td></tr>"
                           for k, v in (fb.get("dismiss_reasons") or {}).items())
    feedback_html = (f"<h2>Reps' feedback</h2><p>{fb.get('accepted', 0)} suggestions accepted, "
                     f"{fb.get('dismissed', 0)} dismissed.</p>"
                     + (f"<table><tr><th>dismiss reason</th><th>count</th></tr>{reasons_html}</table>"
                        if reasons_html else ""))
    chosen_by = summary.get("estimator") or {}
    ope_html = (f"<p class='estimator'>Estimated by {html.escape(str(chosen_by.get('why') or ''))}.</p>"
                "<table><tr><th>arm / policy</th><th>estimate</th><th>95% interval</th><th>estimator</th>"
                "<th>chosen (of the decisions where it was allowed)</th><th>IPS</th>"
                f"<th>SNIPS</th></tr>{rows_html}</table>" if rows_html else
                "<p>No off-policy estimates yet: they need decisions whose outcome has arrived.</p>")
    if not known:
        ope_html += (f"<p class='no-outcomes'>No outcomes yet: none of these decisions' {html.escape(records)} has "
                     f"{html.escape(outcome)} since it was decided, so there is no reward to chart. The cumulative "
                     "reward and the estimates appear once outcomes arrive.</p>")
    imgs = "".join(f'<img alt="{html.escape(alt)}" src="data:image/png;base64,{b}">' for alt, b in images)
    return (f"<p>{summary['decisions']} decisions, {summary['with_outcome']} with an "
            f"outcome ({summary['acted']} acted on, {summary['holdout']} held out).</p>{lift_html}"
            f"{ope_html}{feedback_html}{imgs}")
