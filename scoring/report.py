"""Model cards as self-contained HTML: a fragment per card (the console) and a whole page (the CLI).

Charts are SVG data URIs (see :mod:`scoring.card_figures`), so a fragment needs no other file.
Everything shown was measured on this tenant's model's holdout; nothing is borrowed from the
simulated market.
"""

from __future__ import annotations

import base64
import html
from collections.abc import Iterable

from .model_card import ModelCard, build_card
from .registry import LoadedModel

CAPTIONS = {
    "importance": "Factors by importance: the mean change of the shown probability when the factor is set to its "
                  "typical value, over the holdout rows.",
    "importance_clv": "Factors by importance: the mean contribution of each factor to the predicted value, over the "
                      "customers as of the training cutoff.",
    "calibration": "Calibration: of the holdout records given about 30%, about 30% should turn out positive; "
                   "points on the diagonal are calibrated.",
    "gain": "Gain: how many of the positives the highest scores find first.",
    "price": "Win chance over discount for the average holdout deal; the dot is the recommended discount.",
    "deciles": "Deciles: mean predicted and actual spend of holdout customers, by predicted value.",
}
"""Caption of each chart."""

CHART_KINDS = {"importance": "Bar chart", "calibration": "Line chart", "gain": "Line chart", "price": "Line chart",
               "deciles": "Bar chart"}
"""What each chart is, for its short text alternative (the numbers are in the table that follows it)."""

STYLE = (".model-card{border:1px solid #d0d7de;border-radius:6px;padding:1em 1.2em;margin:1em 0;overflow-wrap:anywhere}"
         ".model-card figure{display:inline-block;margin:.5em 1em .5em 0;max-width:min(30em,100%);vertical-align:top}"
         ".model-card img{max-width:100%;height:auto}.model-card table{border-collapse:collapse}"
         ".model-card td,.model-card th{padding:.2em .6em;text-align:left;border-bottom:1px solid #eee}"
         ".model-card .absent-reason{color:#8a4b00}.model-card summary{cursor:pointer}")
"""CSS of the cards (the console may use its own)."""


UNITS = {"conversion": "deals", "price": "deals", "churn": "customers", "clv": "customers", "lead_conversion": "leads"}
"""What one holdout or training entity is, per task."""


def _e(value: object) -> str:
    return html.escape(str(value))


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.1%}"


def _fmt(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:.3f}"


def holdout_sentence(card: ModelCard) -> str:
    """The holdout a card's numbers were measured on, in one sentence."""
    h = card.holdout
    if card.task == "clv":
        window = (f"their actual spend from {h['date_from']} to {h['date_to']}, against the value predicted from "
                  "their purchases before it" if h.get("date_from") else "their actual later spend")
        how = (f"each predicted by a model fitted without it, in {h.get('folds')}-fold cross-validation"
               if h.get("split") == "cross-validated" else "a random share, kept out of training")
        return f"Measured on {h.get('rows')} held-out customers ({how}): {window}."
    unit = h.get("unit") or UNITS.get(card.task, "records")
    what = f"{h.get('groups')} {unit}"
    if h.get("rows") and h.get("groups") and h["rows"] != h["groups"]:
        what += f" ({h['rows']} snapshots of them)"
    when = (f" whose outcome became known from {h['date_from']} to {h['date_to']}" if h.get("date_from")
            else " (dates not recorded)")
    split = {"time": "the latest ones, kept out of training", "random": "a random share, kept out of training"}.get(
        str(h.get("split")), "kept out of training")
    text = f"Measured on a holdout of {what}{when}: {split}."
    if card.positive_class is not None and h.get("positives") is not None:
        text += (f" Positive class: {card.positive_class!r}, {h['positives']} of {h.get('rows')} holdout rows"
                 f" ({_pct(h.get('positive_rate'))}).")
    return text


def training_sentence(card: ModelCard) -> str:
    """The data volume a card's model learned from."""
    t = card.training
    unit = card.holdout.get("unit") or UNITS.get(card.task, "records")
    text = f"Trained on {t.get('groups', t.get('rows'))} {unit}"
    if t.get("rows") and t.get("groups") and t["rows"] != t["groups"]:
        text += f" ({t['rows']} {'purchases' if card.task == 'clv' else 'rows'})"
    if t.get("date_from"):
        text += f" from {t['date_from']} to {t['date_to']}"
    return text + "; the model in use was then refitted on every row, the holdout included."


def _metrics_table(card: ModelCard) -> str:
    if not card.metrics:
        return ""
    refs = card.task != "clv"
    head = "<tr><th scope='col'>Holdout metric</th><th scope='col'>This model</th>" + (
        "<th scope='col'>Logistic regression</th><th scope='col'>Prior rate</th>" if refs else "") + "</tr>"
    rows = "".join(
        f"<tr data-metric='{_e(m.name)}'><th scope='row'>{_e(m.label)}</th><td>{_fmt(m.value)}</td>"
        + (f"<td>{_fmt(m.logistic_regression)}</td><td>{_fmt(m.prior_rate)}</td>" if refs else "") + "</tr>"
        for m in card.metrics)
    return f"<table class='metrics'><thead>{head}</thead><tbody>{rows}</tbody></table>"


def _data_rows(name: str, card: ModelCard) -> tuple[list[str], list[list[str]]]:
    """The numbers a chart draws, as (column headers, rows): its text equivalent (WCAG 1.1.1)."""
    pct = "{:.0%}".format
    if name == "importance":
        return ["Factor", "Importance"], [[str(f["label"]), _fmt(f.get("importance"))] for f in card.factors]
    if name == "calibration":
        return (["Predicted (mean)", "Observed", "Rows"],
                [[pct(c["predicted"]), pct(c["observed"]), str(int(c["rows"]))] for c in card.calibration])
    if name == "gain":
        return (["Top share of scores", "Share of positives found", "Positive rate", "Lift"],
                [[pct(g["share"]), pct(g["gain"]), pct(g["rate"]), f"{g['lift']:.1f}"] for g in card.gain])
    if name == "price" and card.price_curve:
        pc = card.price_curve
        return (["Discount", "Chance to win"],
                [[pct(d), pct(p)] for d, p in zip(pc.get("grid") or [], pc.get("p_win") or [], strict=False)])
    if name == "deciles":
        return (["Decile (1 = highest predicted)", "Mean predicted", "Mean actual", "Customers"],
                [[str(d["decile"]), _fmt(d["predicted"]), _fmt(d["actual"]), str(int(d["rows"]))] for d in card.deciles])
    return [], []


def _data_table(name: str, card: ModelCard) -> str:
    head, rows = _data_rows(name, card)
    if not rows:
        return ""
    ths = "".join(f"<th scope='col'>{_e(h)}</th>" for h in head)
    trs = "".join("<tr>" + "".join(f"<td>{_e(v)}</td>" for v in row) + "</tr>" for row in rows)
    return (f"<details><summary>The chart's data as a table</summary>"
            f"<table class='chart-data'><thead><tr>{ths}</tr></thead><tbody>{trs}</tbody></table></details>")


def _figure(name: str, svg: str, card: ModelCard) -> str:
    # A short alternative that names the chart and says where its numbers are; the caption says
    # what it means (not read twice); the table holds the numbers a screen reader cannot see.
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    caption = CAPTIONS.get(f"{name}_{card.task}") or CAPTIONS.get(name, name)
    table = _data_table(name, card)
    title = caption.split(":")[0] if ":" in caption else name.capitalize()
    alt = f"{CHART_KINDS.get(name, 'Chart')}: {title}" + ("; its numbers are in the table below." if table else ".")
    return (f"<figure data-figure='{_e(name)}'><img alt='{_e(alt)}' src='data:image/svg+xml;base64,{data}'>"
            f"<figcaption>{_e(caption)}</figcaption>{table}</figure>")


def card_html(card: ModelCard) -> str:
    """One card as an HTML fragment (``<section class="model-card">``), self-contained."""
    parts = [f"<section class='model-card' data-task='{_e(card.task)}'><h2>{_e(card.title)}</h2>"]
    if not card.present:
        parts.append(f"<p class='absent-reason'>{_e(card.absent_reason)}</p></section>")
        return "".join(parts)
    parts.append(f"<p class='predicts'>Predicts: {_e(card.predicts)}. Version <code>{_e(card.version)}</code>,"
                 f" trained {_e(card.created_at)}.</p>")
    parts.append(f"<p class='holdout'>{_e(holdout_sentence(card))}</p>")
    parts.append(f"<p class='training'>{_e(training_sentence(card))}</p>")
    parts.append(_metrics_table(card))
    if card.gain and card.holdout.get("positive_rate"):
        top = card.gain[0]
        parts.append(f"<p class='lift'>The top {top['share']:.0%} of scores hold {top['gain']:.0%} of the positives: "
                     f"a rate of {top['rate']:.0%} against {card.holdout['positive_rate']:.0%} overall "
                     f"(lift {top['lift']:.1f}).</p>")
    if card.price_curve:
        pc = card.price_curve
        spread = pc.get("per_deal_best") or {}
        parts.append(
            f"<p class='recommended' data-best-discount='{pc['best_discount']}'>Recommended discount for the "
            f"average holdout deal: {pc['best_discount']:.0%} (chance to win {pc['p_win_at_best']:.0%}). Per deal: "
            f"median {_pct(spread.get('median'))}, 90th percentile {_pct(spread.get('p90'))}, no discount for "
            f"{_pct(spread.get('share_at_zero'))} of deals.</p>")
    if card.factors:
        items = "".join(f"<li data-feature='{_e(f['feature'])}'>{_e(f['label'])}</li>" for f in card.factors)
        parts.append(f"<h3>What drives the score</h3><ol class='factors'>{items}</ol>")
    parts.extend(_figure(name, svg, card) for name, svg in card.figures.items())
    if card.notes:
        parts.append("<ul class='notes'>" + "".join(f"<li>{_e(n)}</li>" for n in card.notes) + "</ul>")
    parts.append("</section>")
    return "".join(parts)


def report_page(cards: Iterable[ModelCard], title: str) -> str:
    """A whole HTML page of cards (what ``agentic-sales model report`` writes)."""
    body = "\n".join(card_html(c) for c in cards)
    return ("<!doctype html><html lang='en'><head><meta charset='utf-8'>"
            "<meta name='viewport' content='width=device-width, initial-scale=1'>"
            f"<title>{_e(title)}</title><style>body{{font-family:sans-serif;max-width:64em;margin:2em auto;padding:0 1em}}"
            f"{STYLE}</style></head><body><main><h1>{_e(title)}</h1>\n{body}\n</main></body></html>")


def render_report(loaded: LoadedModel) -> str:
    """The HTML page of one artefact (``model report --model DIR``), labels as stored."""
    return report_page([build_card(loaded)], f"Model report: {loaded.task} ({loaded.version})")
