"""An integration with a business system nobody named is an invented capability (issue 11, wave 30, agfix).

Set 32's de-b4 (in-sample: quality_heldout32 is this task's to fix) fed the fleet data "direkt in Ihr SAP", to a buyer
whose record never says SAP; only "0 ask(s)" flagged it. agents.named_systems refuses a sentence that connects the
product with, or moves data into, a named ERP/CRM/accounting/HR system the record never names, in any language.
Wordings below are new, except de-b4's own.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from agents.context import build_context
from agents.facts import build_vocabulary
from agents.models import Draft, Recipient
from agents.named_systems import unrecorded_systems
from agents.quality import check_draft_quality
from integrations.base import Record
from tests.agents.conftest import FIXTURES, NOW
from tests.agents.test_quality import SETTINGS, _checks

RULE = "promises_only_capabilities_on_record"
RECORD = {"en": "hubspot_deal", "de": "de_deal", "fr": "fr_deal", "es": "es_opportunity"}
TO = {
    "en": ("501", "Hi Dana,"),
    "de": ("702", "Guten Tag Herr Weber,"),
    "fr": ("711", "Bonjour Claire,"),
    "es": ("0035g00000Es01", "Hola Javier:"),
}


def _flagged(lang: str, sentence: str, tweak: Any = None, settings: Any = SETTINGS) -> bool:
    raw = json.loads((FIXTURES / "records" / f"{RECORD[lang]}.json").read_text())
    if tweak:
        tweak(raw)
    record = Record.from_dict(raw)
    contact, greeting = TO[lang]
    person = next(c for c in record.contacts if c.id == contact)
    draft = Draft(
        to=Recipient(contact_id=contact, name=person.name, email=person.email),
        channel="email",
        kind="email",
        subject="Proposal",
        tone="friendly",
        language=lang,
        body=f"{greeting}\n\n{sentence}\n\nSam",
    )
    ctx = build_context(record, raw.get("scores"), now=NOW)
    checks = check_draft_quality(draft, ctx, build_vocabulary(ctx, score_figures=False), settings)
    return not next(c for c in checks if c.name == RULE).passed


INVENTED = [
    ("en", "The fuel report feeds straight into your Salesforce."),
    ("en", "Our platform connects natively with Workday, so nothing needs re-keying."),
    ("en", "Idle-time figures sync automatically to your NetSuite every night."),
    ("de", "Die Fahrtdaten werden automatisch an Ihr DATEV übertragen."),
    ("de", "Über unsere Schnittstelle zu Microsoft Dynamics laufen die Rechnungen ohne Aufpreis durch."),
    ("de", "Die Verbrauchswerte landen per Konnektor direkt in Ihrem Lexware."),
    ("fr", "Les données remontent directement dans votre Sage."),
    ("fr", "Notre connecteur Oracle synchronise les factures chaque soir."),
    ("es", "Los datos se vuelcan directamente en su Holded."),
    ("es", "La plataforma se integra con su SAP sin coste adicional."),
    ("es", "Nuestro conector con Odoo sincroniza los pedidos a diario."),
]


@pytest.mark.parametrize(("lang", "sentence"), INVENTED)
def test_an_integration_with_a_system_nobody_named_is_flagged(lang: str, sentence: str) -> None:
    assert _flagged(lang, sentence), sentence


HONEST = [
    ("en", "Do you use SAP for invoicing?"),
    ("en", "If you run Sage, the export works as a CSV file."),
    ("en", "We have no Salesforce connector today."),
    ("en", "The report goes to your finance team on Friday."),
    ("de", "Falls Sie DATEV nutzen, klären wir das im Termin."),
    ("de", "Eine Anbindung an SAP ist nicht Teil des Angebots."),
    ("fr", "Utilisez-vous Sage pour la comptabilité ?"),
    ("es", "No tenemos conector para SAP."),
    ("es", "La propuesta llegará a su bandeja de entrada el viernes."),
]


@pytest.mark.parametrize(("lang", "sentence"), HONEST)
def test_a_question_a_condition_a_negation_or_no_system_passes(lang: str, sentence: str) -> None:
    assert not _flagged(lang, sentence), sentence


def _buyer_named(system: str) -> Any:
    def tweak(raw: dict[str, Any]) -> None:
        raw["activities"].append(
            {
                "type": "email",
                "at": "2026-11-19T10:00:00Z",
                "direction": "inbound",
                "subject": "Invoicing",
                "body": f"We run {system} for invoicing and fleet costs.",
            }
        )

    return tweak


@pytest.mark.parametrize(
    ("lang", "sentence", "system"),
    [
        ("en", "The fuel report feeds straight into your Salesforce.", "Salesforce"),
        ("de", "Die Fahrtdaten werden automatisch an Ihr DATEV übertragen.", "DATEV"),
        ("fr", "Les données remontent directement dans votre Sage.", "Sage"),
        ("es", "La plataforma se integra con su SAP.", "SAP S/4HANA"),
    ],
)
def test_a_system_the_buyer_named_in_an_activity_passes(lang: str, sentence: str, system: str) -> None:
    assert not _flagged(lang, sentence, _buyer_named(system)), sentence
    assert _flagged(lang, sentence), sentence


def test_a_connector_the_tenant_allows_passes() -> None:
    from dataclasses import replace

    allowed = replace(SETTINGS, allowed_promises=("native SAP connector",))
    assert not _flagged("de", "Die Daten fließen über den Konnektor direkt in Ihr SAP.", settings=allowed)


def test_set_32_de_b4_is_flagged_for_the_invented_integration() -> None:
    entry = next(
        e
        for e in json.loads((FIXTURES / "quality_heldout32" / "de.json").read_text())
        if e["id"] == "q32-de-b4"
    )
    check = next(c for c in _checks(entry) if c.name == RULE)
    assert not check.passed and "SAP" in check.detail, check.detail


def test_only_named_systems_count() -> None:
    # a brand-like word that is no business system, and a system named in its lower-case word sense, are not read
    ctx = build_context(
        Record.from_dict(json.loads((FIXTURES / "records" / "hubspot_deal.json").read_text())), None, now=NOW
    )
    assert unrecorded_systems("The dashboard syncs with your TMS every night.", ctx) == []
    assert unrecorded_systems("A sage decision: the data flows into your reporting.", ctx) == []
