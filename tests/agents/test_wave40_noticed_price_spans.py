"""A per-unit price limited to the first span of the contract is a term the record does not hold (issue 11, wave 40,
helper "noticed40"; look50's per-unit figures vouched "EUR 12 per truck per month for the first year only").

The record's amount over its count is the figure per unit; "for the first year only", "in den ersten 6 Monaten",
"les six premiers mois", "solo el primer año" make it an introductory price, so the figure is refused as money the
record does not hold. As the user: the same figure without a limit passes, and "for the first year" passes on a record
whose term is one year (the first year is the whole contract) but not on a three-year term or an unknown one.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from agents.context import build_context
from agents.price_spans import limits_the_price
from integrations.base import Record
from tests.agents.conftest import FIXTURES, NOW
from tests.agents.role_matrix import refused_in_role

RECORD = {"en": "hubspot_deal", "de": "de_deal", "fr": "fr_deal", "es": "es_opportunity"}
RECIPIENT = {"en": "501", "de": "701", "fr": "711", "es": "0035g00000Es01"}


def _refused(lang: str, text: str, **extra: Any) -> list[str]:
    raw = json.loads((FIXTURES / "records" / f"{RECORD[lang]}.json").read_text())
    raw.setdefault("extra", {}).update(extra)
    return refused_in_role("writer", build_context(Record.from_dict(raw), raw.get("scores"), now=NOW), text,
                           RECIPIENT[lang])


def _names(reasons: list[str], figure: str) -> bool:
    return any(figure in r for r in reasons)


LIMITED = [
    # (language, the figure with no limit, which passes, the limit said after it, the figure's digits)
    ("en", "Dana, the USD 48,000 a year comes to about USD 9.52 per truck a month", " for the first year only.", "9.52"),
    ("en", "Dana, at the quoted total that is USD 114.29 per truck per year", ", for the first year only.", "114.29"),
    ("en", "Dana, the USD 48,000 a year comes to about USD 9.52 per truck a month", " for the first six months.",
     "9.52"),
    ("de", "Frau Schmidt, umgerechnet auf Ihre Flotte sind das 25 EUR pro Fahrzeug und Monat", " in den ersten 6 Monaten.",
     "25 EUR"),
    ("de", "Frau Schmidt, das entspricht 300 EUR je Fahrzeug und Jahr", ", nur im ersten Jahr.", "300 EUR"),
    ("fr", "Claire, la proposition revient à environ 389 EUR par atelier et par mois", " pendant les six premiers mois.",
     "389"),
    ("es", "Javier, son 42.000 € al año para los 85 camiones, unos 494 € por camión y año", ", solo el primer año.",
     "494"),
    ("es", "Javier, el importe equivale a unos 16,67 EUR por empleado y mes", " durante los primeros 3 meses.", "16,67"),
]


@pytest.mark.parametrize(("lang", "figure", "limit", "digits"), LIMITED)
def test_a_per_unit_figure_limited_to_a_first_span_is_refused_and_the_figure_alone_passes(
    lang: str, figure: str, limit: str, digits: str
) -> None:
    assert not _names(_refused(lang, figure + "."), digits), _refused(lang, figure + ".")
    assert _names(_refused(lang, figure + limit), digits), figure + limit


FIRST_YEAR = "Dana, the USD 48,000 a year comes to about USD 9.52 per truck a month for the first year."


def test_the_first_year_passes_on_a_one_year_term_and_is_refused_on_a_longer_or_unknown_one() -> None:
    assert not _names(_refused("en", FIRST_YEAR, contract_term_months=12), "9.52")
    assert not _names(_refused("en", FIRST_YEAR, Laufzeit="1 Jahr"), "9.52")
    assert _names(_refused("en", FIRST_YEAR, contract_term_months=36), "9.52")
    assert _names(_refused("en", FIRST_YEAR), "9.52")


def test_the_first_year_only_is_refused_even_on_a_one_year_term() -> None:
    text = FIRST_YEAR.replace("first year.", "first year only.")
    assert _names(_refused("en", text, contract_term_months=12), "9.52")


@pytest.mark.parametrize(("after", "extra", "limited"), [
    (" for the first year only", {"contract_term_months": 12}, True),
    (" only for the first 12 months", {"contract_term_months": 12}, True),
    (" in year one", {}, True),
    (" la première année", {"duree_contrat_ans": 1}, False),
    (" la première année", {"duree_contrat_ans": 3}, True),
    (" el primer año solamente", {"plazo": "1 año"}, True),
    (", starting in January", {}, False),
    (" for all 420 trucks", {}, False),
])
def test_what_follows_a_price_limits_it_only_when_it_names_a_first_span_the_term_does_not_fill(
    after: str, extra: dict[str, Any], limited: bool
) -> None:
    assert limits_the_price(after, extra) is limited
