"""A contract's date the record's field holds is a quote, not a claim that the contract is signed (issue 11, wave 30).

"Contract start is 1 March 2027" was refused in every role as "claims a binding document exists" even when the record
holds the custom field Contract start = 01/03/2027 (a known date since wave 29, agents.field_dates). A sentence that
quotes the date a contract field holds and states nothing done passes (agents.contract_field_dates); a signature, a
document held, or a date the field does not hold stays refused.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from agents.catalogue import catalogue_by_name
from agents.context import Context, build_context
from agents.facts import build_vocabulary
from agents.models import AnalysisOut, DraftOut, StrategyOut
from agents.safety import check_analysis, check_draft, check_strategy
from integrations.base import Record
from tests.agents.conftest import FIXTURES, NOW

RECORD = {"en": "hubspot_deal", "de": "de_deal", "fr": "fr_deal", "es": "es_opportunity"}
CONTACT = {"en": "501", "de": "701", "fr": "711", "es": "0035g00000Es01"}
FIELD = {
    # the field names tenants use: a label, a German one, a French one, Salesforce's API name
    "en": {"Contract start": "01/03/2027"},
    "de": {"Vertragsbeginn": "01.03.2027"},
    "fr": {"Date de début du contrat": "2027-03-01"},
    "es": {"Contract_Start__c": "2027-03-01"},
}


def _ctx(lang: str, extra: dict[str, Any] | None) -> Context:
    raw = json.loads((FIXTURES / "records" / f"{RECORD[lang]}.json").read_text())
    if extra:
        raw.setdefault("extra", {}).update(extra)
    return build_context(Record.from_dict(raw), raw.get("scores"), now=NOW)


def _refusals(role: str, lang: str, text: str, extra: dict[str, Any] | None) -> list[str]:
    ctx = _ctx(lang, extra)
    vocab = build_vocabulary(ctx)
    if role == "analyst":
        out = AnalysisOut(
            summary=text,
            engagement_trend="steady",
            engagement_evidence=[],
            risk_indicators=[],
            buying_signals=[],
        )
        return check_analysis(out, ctx, vocab)
    if role == "strategist":
        plan = StrategyOut(
            strategy="value_reinforcement",
            rationale=text,
            channel="email",
            timing="in_2_business_days",
            discount=None,
            recipient_contact_id=CONTACT[lang],
        )
        return check_strategy(
            plan, ctx, vocab, arm=catalogue_by_name()["value_reinforcement"], max_discount=0.1
        )
    draft = DraftOut(to_contact_id=CONTACT[lang], subject="Next steps", body=f"Hello,\n\n{text}\n\nSam")
    return check_draft(draft, ctx, vocab, approved_discount=None, language=lang, learned_screen=False)


ROLES = ("analyst", "strategist", "writer")
QUOTED = [
    # each but the "would" one was refused in every role before this wave, field or not
    ("en", "Contract start is 1 March 2027."),
    ("en", "The contract runs from March 1, 2027."),
    ("en", "Your agreement would start on 1 March 2027."),
    ("de", "Vertragsbeginn ist der 01.03.2027."),
    ("de", "Der Vertrag beginnt am 1. März 2027."),
    ("fr", "Le contrat démarre le 1er mars 2027."),
    ("fr", "Début du contrat : 1er mars 2027."),
    ("es", "El contrato empieza el 1 de marzo de 2027."),
    ("es", "Inicio del contrato: 1 de marzo de 2027."),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("lang", "text"), QUOTED)
def test_quoting_the_date_a_contract_field_holds_passes(role: str, lang: str, text: str) -> None:
    assert _refusals(role, lang, text, FIELD[lang]) == [], text


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("lang", "text"), [QUOTED[0], QUOTED[3], QUOTED[5], QUOTED[7]])
def test_the_same_sentence_without_the_field_is_refused(role: str, lang: str, text: str) -> None:
    assert _refusals(role, lang, text, None), text


CLAIMED = [
    ("en", "The contract was signed on 1 March 2027."),
    ("en", "We have the signed contract since 1 March 2027."),
    ("en", "Contract start is 1 April 2027."),  # not the field's date
    ("de", "Der Vertrag wurde am 1. März 2027 unterschrieben."),
    ("de", "Der Auftrag liegt uns seit dem 01.03.2027 vor."),
    ("fr", "Le contrat a été signé le 1er mars 2027."),
    ("es", "El contrato se firmó el 1 de marzo de 2027."),
    ("es", "Tenemos el contrato desde el 1 de marzo de 2027."),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("lang", "text"), CLAIMED)
def test_a_contract_stated_signed_or_held_stays_refused_whatever_the_field(
    role: str, lang: str, text: str
) -> None:
    assert _refusals(role, lang, text, FIELD[lang]), text


def test_a_date_field_of_another_kind_vouches_for_no_contract() -> None:
    # a go-live date is no contract's: "the contract starts" on it still claims a contract
    assert _refusals("writer", "en", "The contract starts on 1 March 2027.", {"Go-live date": "01/03/2027"})
