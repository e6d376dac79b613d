"""A score factor ("Days since last meeting: 41 ↓") in the card's language when that is not English.

The scorer writes each factor's label once, in English or in the tenant's CRM labels (scoring.explain.label_for), with
the record's value after ": ". The card re-says our own words (scoring.features.FEATURE_LABELS, "Days since <CRM
field>") from the catalogue and formats the value by locale; a label from the CRM's own field is the CRM's word (a
German portal's labels are German) and stays as it is. English factors keep app/cards/view.py's own rules.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from app.cards import catalogue
from app.cards.catalogue import text
from app.cards.humanize import prose, words
from scoring.features import FEATURE_LABELS

_WINDOW = re.compile(r"^(emails_in|emails_out|calls|meetings)_(\d+)d$")
_NUMBER = re.compile(r"-?[\d,]+(\.\d+)?")
_DAYS_SINCE = "Days since "


def feature_name(feature: str, name: str, lang: str) -> str:
    """The factor's name in `lang` when it is our English label of `feature`, else `name` (the CRM's own label)."""
    english = FEATURE_LABELS.get(feature)
    if english and name == english:
        window = _WINDOW.match(feature)
        if window:
            return text(lang, f"feature.{window[1]}_window", days=window[2])
        if catalogue.has(lang, f"feature.{feature}"):
            return text(lang, f"feature.{feature}")
    if name.startswith(_DAYS_SINCE) and len(name) > len(_DAYS_SINCE):
        return text(lang, "factor.days_since", field=name[len(_DAYS_SINCE):])
    return name


def value_text(value: str, lang: str) -> str:
    """A plain number written by the scorer ("1,234", "0.5") in the language's form; anything else unchanged."""
    if not _NUMBER.fullmatch(value):
        return value
    plain = float(value.replace(",", ""))
    decimals = len(value.partition(".")[2])
    return catalogue.number(plain, lang, decimals)


def factor_view(factor: Mapping[str, Any], labels: Mapping[str, str], currency: str | None = None, *,
                lead: bool = False, past: Any = None, scores_currency: str | None = None,
                lang: str = "de") -> dict[str, str]:
    """One factor as app/cards/view.py's factor_view makes it, in `lang` (de, fr, es)."""
    from app.cards import view  # view.py dispatches here for other languages: import it late, not in a cycle

    down = factor.get("direction") == "-"
    said = prose(factor.get("label") or words(factor.get("feature")), labels, lang)
    feature = str(factor.get("feature"))
    name, sep, value = said.rpartition(": ")
    if not sep:
        return {"marker": "▼" if down else "▲", "direction": "down" if down else "up", "text": said}
    name = feature_name(feature, name, lang)
    if lead and feature in view.LEAD_FIELD_LABELS:
        name = text(lang, "factor.lead_owner")
    coded = {"has_exec_contact": "value.exec", "top_title_level": "value.title", "title_seniority": "value.title"}
    amount = _NUMBER.fullmatch(value)
    if value == "missing":
        value = text(lang, "factor.none_recorded")
    elif feature in coded and value.isdigit() and catalogue.has(lang, f"{coded[feature]}.{int(value)}"):
        value = text(lang, f"{coded[feature]}.{int(value)}")
    elif amount and feature == "closed_won_sum" and (per_currency := view.past_revenue_text(past, lang)):
        value = per_currency
    elif amount and feature in view.MONEY_FEATURES:
        shown_in = (scores_currency or currency) if feature == "amount" else currency
        value = catalogue.money(float(value.replace(",", "")), shown_in, lang)
    elif amount and feature in view.COMPANY_CURRENCY_FEATURES:
        value = text(lang, "factor.company_currency", value=value_text(value, lang))
    else:
        value = value_text(value, lang)
    return {"marker": "▼" if down else "▲", "direction": "down" if down else "up", "text": f"{name}: {value}"}
