"""Dates the record's custom fields hold (issue 11, wave 29, agfix; agents.field_dates, agents.field_date_claims).

A go-live or a contract start kept in a custom property was no known date: a draft confirming it was refused as a date
"not in the inputs" or "agreed but not in the record", and a draft putting the go-live on another day was compared
with nothing. The field's date is now known like the close date, in the formats records carry it (ISO, HubSpot epoch
milliseconds, d.m.Y, d/m/Y), and a sentence dating what the field names on another day is refused."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest

from agents.agreed_dates import agreed_dates
from agents.context import Context, build_context
from agents.facts import Vocabulary, build_vocabulary
from agents.field_date_claims import contradicted_field_dates
from agents.field_dates import _field_date, field_dates
from agents.moved_events import unvouched_reschedules
from integrations.base import Record
from tests.agents import role_matrix
from tests.agents.conftest import FIXTURES, NOW
from tests.agents.role_matrix import role_cases as _cases

FEB_1 = date(2027, 2, 1)
RECORD = {"en": "hubspot_deal", "de": "de_deal", "fr": "fr_deal", "es": "es_opportunity"}


def _ctx(lang: str, extra: dict[str, Any]) -> Context:
    raw: dict[str, Any] = json.loads((FIXTURES / "records" / f"{RECORD[lang]}.json").read_text())
    raw["extra"] = {**raw.get("extra", {}), **extra}
    return build_context(Record.from_dict(raw), raw.get("scores"), now=NOW)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2027-02-01", FEB_1),
        ("2027-02-01T00:00:00Z", FEB_1),
        ("2027-02-01T09:30:00.000+01:00", FEB_1),
        (1801440000000, FEB_1),  # HubSpot date property: midnight UTC in epoch milliseconds
        ("1801440000000", FEB_1),
        ("01.02.2027", FEB_1),
        ("1.2.2027", FEB_1),
        ("01/02/2027", FEB_1),  # day first, as the records write it
        ("02/13/2027", date(2027, 2, 13)),  # can only be month first
        (" 2027-02-01 ", FEB_1),
    ],
)
def test_a_whole_value_that_is_a_date_is_read_in_every_format_records_use(value: Any, expected: date) -> None:
    assert _field_date(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        "01/02/2027 (tentative, per Anna)",
        "go-live 2027-02-01",
        "1801440000001",  # no whole minute: an id, not a timestamp
        "12345678901234",
        True,
        "2027",
        "31.02.2027",
        "1899-02-01",
        ["2026-11-01T00:00:00Z", "2026-12-18"],  # a history list, not a date
    ],
)
def test_a_value_that_is_not_wholly_a_date_gives_none(value: Any) -> None:
    assert _field_date(value) is None


def test_field_dates_reads_every_custom_field_that_is_a_date() -> None:
    ctx = _ctx("en", {"go_live_date": 1801440000000, "Contract_Start__c": "01.03.2027", "notes": "call Anna"})
    assert field_dates(ctx) >= {FEB_1, date(2027, 3, 1)}


AGREED = [
    ("en", {"go_live_date": "2027-02-01"}, "Thank you for confirming the go-live on 1 February 2027."),
    (
        "de",
        {"Go-Live-Datum": "01.02.2027"},
        "Schön, dass wir den Start am 1. Februar 2027 festhalten konnten.",
    ),
    (
        "fr",
        {"Date de mise en service": "01/02/2027"},
        "Comme convenu, la mise en service est fixée au 1er février 2027.",
    ),
    (
        "es",
        {"Fecha_de_arranque__c": 1801440000000},
        "Como acordamos, el arranque será el 1 de febrero de 2027.",
    ),
]


@pytest.mark.parametrize(("lang", "extra", "sentence"), AGREED)
def test_a_project_day_the_field_holds_may_be_stated_as_agreed(
    lang: str, extra: dict[str, Any], sentence: str
) -> None:
    assert agreed_dates(sentence, _ctx(lang, {}), NOW.date()), (
        "refused without the field (the test fails before)"
    )
    assert agreed_dates(sentence, _ctx(lang, extra), NOW.date()) == []


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("en", "Marcus moved the go-live to 1 February 2027."),
        ("de", "Frau Schmidt hat den Start auf den 1. Februar 2027 verschoben."),
        ("fr", "Paul a reporté la mise en service au 1er février 2027."),
        ("es", "Javier aplazó el arranque al 1 de febrero de 2027."),
    ],
)
def test_an_event_moved_to_the_day_a_field_holds_is_vouched(lang: str, sentence: str) -> None:
    assert unvouched_reschedules(sentence, _ctx(lang, {}), NOW.date())
    assert unvouched_reschedules(sentence, _ctx(lang, {"go_live_date": "2027-02-01"}), NOW.date()) == []


CONTRADICTED = [
    ("en", {"go_live_date": "2027-02-01"}, "The go-live stays on 15 March 2027."),
    ("en", {"go_live_date": 1801440000000}, "Go-live is set for March 15, 2027, as Dana confirmed."),
    ("en", {"Contract_Start__c": "2027-03-01"}, "Contract start moves to 1 April 2027 per Marcus."),
    (
        "en",
        {"kickoff_date": "01/02/2027"},
        "We will hold the kickoff on 8 February 2027 with the depot leads.",
    ),
    ("de", {"Vertragsbeginn": "01.03.2027"}, "Der Vertragsbeginn ist am 1. April 2027."),
    ("de", {"Inbetriebnahme": "2027-02-01"}, "Die Inbetriebnahme erfolgt am 15. März 2027."),
    ("fr", {"Date de mise en service": "01/02/2027"}, "La mise en service est prévue le 15 mars 2027."),
    ("fr", {"demarrage_contrat": "2027-03-01"}, "Le démarrage du contrat aura lieu le 1er avril 2027."),
    ("es", {"Fecha_de_arranque__c": "2027-02-01"}, "El arranque está previsto para el 15 de marzo de 2027."),
    ("es", {"inicio_contrato": "01/03/2027"}, "El inicio del contrato será el 1 de abril de 2027."),
]


@pytest.mark.parametrize(("lang", "extra", "sentence"), CONTRADICTED)
def test_a_day_other_than_the_fields_is_refused(lang: str, extra: dict[str, Any], sentence: str) -> None:
    assert contradicted_field_dates(sentence, _ctx(lang, extra), NOW.date()), sentence


HONEST = [
    ("en", {"go_live_date": "2027-02-01"}, "The go-live is planned for 1 February 2027."),
    ("en", {"go_live_date": "2027-02-01"}, "Could we bring the go-live forward to 15 January 2027?"),
    ("en", {"go_live_date": "2027-02-01"}, "The proposal reaches you on Friday, 27 November."),
    (
        "en",
        {"start_date": "2027-02-01"},
        "We can start the call at 10:00 on 3 December.",
    ),  # "start" alone is generic
    ("en", {"go_live_date": "2027-02-01"}, "The go-live moved from 15 January to 1 February 2027."),
    ("de", {"Vertragsbeginn": "01.03.2027"}, "Der Vertragsbeginn am 1. März 2027 bleibt."),
    (
        "fr",
        {"Date de mise en service": "01/02/2027"},
        "Pourrions-nous avancer la mise en service au 15 janvier 2027 ?",
    ),
    (
        "es",
        {"Fecha_de_arranque__c": "2027-02-01"},
        "El arranque será el 1 de febrero de 2027, como está previsto.",
    ),
]


@pytest.mark.parametrize(("lang", "extra", "sentence"), HONEST)
def test_the_fields_own_day_a_question_or_another_event_passes(
    lang: str, extra: dict[str, Any], sentence: str
) -> None:
    assert contradicted_field_dates(sentence, _ctx(lang, extra), NOW.date()) == [], sentence


QUOTED: dict[str, tuple[dict[str, Any], list[str]]] = {
    "en": (
        {"go_live_date": 1801440000000},
        [
            "The go-live is planned for 1 February 2027.",
            "Dana's team goes live on February 1, 2027, as planned.",
        ],
    ),
    "de": ({"Go-Live-Datum": "01.02.2027"}, ["Der Go-Live ist für den 1. Februar 2027 geplant."]),
    "fr": ({"Date de mise en service": "01/02/2027"}, ["La mise en service est prévue le 1er février 2027."]),
    "es": (
        {"Fecha_de_arranque__c": "2027-02-01"},
        ["El arranque está previsto para el 1 de febrero de 2027."],
    ),
}


@pytest.mark.parametrize(
    ("role", "lang", "text"), _cases({lang: texts for lang, (_, texts) in QUOTED.items()})
)
def test_the_date_a_field_holds_may_be_quoted_in_every_role(
    monkeypatch: pytest.MonkeyPatch, role: str, lang: str, text: str
) -> None:
    def world(language: str) -> tuple[Context, Vocabulary]:
        ctx = _ctx(language, QUOTED[language][0])
        return ctx, build_vocabulary(ctx, other_customers=list(role_matrix.OTHER_CUSTOMERS))

    assert any("not in the inputs" in r for r in role_matrix.ROLES[role](lang, text)), (
        "refused before (fails before)"
    )
    monkeypatch.setattr(role_matrix, "world", world)
    assert role_matrix.ROLES[role](lang, text) == [], text
