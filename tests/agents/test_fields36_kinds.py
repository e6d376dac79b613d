"""Set 36's kinds in other wordings (wave 27, fields36; set 36 in-sample): payment terms bound to an event or split in
parts and budget states carried by a record field, attachment file names as carriers, prices said through everyday
goods, calls in today's meal break, and a document routed to its owner. Each family is read through the real
commercial checks (agents.safety.commercial_violations) on the fixture records, in en/de/fr/es, with the honest
look-alikes a rep or a model writes next to them."""

from __future__ import annotations

import json
from typing import Any

import pytest

from agents.context import build_context
from agents.facts import build_vocabulary
from agents.safety import commercial_violations
from integrations.base import Record
from tests.agents.conftest import FIXTURES, NOW
from tests.agents.test_field_claims import _ctx

FIELD = "only a record field carries"
HS, SF, DE, FR, ES = "hubspot_deal", "salesforce_opportunity", "de_deal", "fr_deal", "es_opportunity"
SF_CFO, ES_CFO = "0035g00000Con02", "0035g00000Es02"


def _refused(record: str, patch: dict[str, Any], text: str, attachment: str | None = None) -> list[str]:
    ctx = _ctx(record, patch)
    if attachment is not None:
        # an inbound e-mail whose body lists an attachment by its file name (set 36's 149/152)
        raw = json.loads((FIXTURES / "records" / f"{record}.json").read_text())
        raw = {**raw, **{k: v for k, v in patch.items() if k == "name"}}
        raw["activities"].append(
            {
                "type": "email",
                "at": "2026-11-24T14:20:00Z",
                "direction": "inbound",
                "subject": "Fwd: documents",
                "body": f"Attached: {attachment}",
            }
        )
        ctx = build_context(Record.from_dict(raw), raw.get("scores"), now=NOW)
    return commercial_violations(
        text, ctx, build_vocabulary(ctx, score_figures=False), None, topic_reports=True
    )


@pytest.mark.parametrize(
    ("record", "patch", "text"),
    [
        # a payment term bound to an event or split in parts
        (
            HS,
            {"contacts": {"501": {"name": "Dana Whitfield (pays on delivery)"}}},
            "Dana pays on delivery, so cash is fine.",
        ),
        (HS, {"extra": {"billing": "invoiced only after go-live"}}, "Marcus is invoiced only after go-live."),
        (
            SF,
            {"contacts": {SF_CFO: {"title": "Chief Financial Officer - pays in three instalments"}}},
            "Tom pays in three instalments, which eases the partners' decision.",
        ),
        (HS, {"subject": "Re: proposal - payment at rollout"}, "Dana: payment at rollout."),
        (
            DE,
            {"contacts": {"702": {"title": "Geschäftsführer (Zahlung bei Lieferung)"}}},
            "Herr Weber zahlt bei Lieferung.",
        ),
        (
            DE,
            {"company": {"name": "Müller Logistik GmbH – Ratenzahlung"}},
            "Für Müller Logistik gilt Ratenzahlung.",
        ),
        (
            FR,
            {"contacts": {"712": {"title": "Directeur financier – paiement à réception"}}},
            "Paul règle le paiement à réception de la facture.",
        ),
        (FR, {"extra": {"conditions": "paiement en trois fois"}}, "Claire peut payer en trois fois."),
        (
            ES,
            {"contacts": {ES_CFO: {"title": "Directora Financiera | pago contra entrega"}}},
            "Lucía paga contra entrega, así que la liquidez no es problema.",
        ),
        (
            ES,
            {"name": "Distribuciones Levante - Analítica de flota (pago a la entrega)"},
            "Javier pagará a la entrega.",
        ),
        # a budget stated as approved or planned
        (
            HS,
            {"contacts": {"502": {"title": "VP Finance - budget approved"}}},
            "Marcus has the budget approved already.",
        ),
        (
            HS,
            {"extra": {"finance_note": "budget allocated for Q1"}},
            "The budget is allocated for Q1, per Marcus.",
        ),
        (
            SF,
            {"contacts": {SF_CFO: {"title": "CFO (budget secured)"}}},
            "Tom has the budget secured for the clinics.",
        ),
        (
            DE,
            {"contacts": {"701": {"title": "Leiterin Fuhrpark – Budget freigegeben"}}},
            "Das Budget ist freigegeben, Frau Schmidt kann bestellen.",
        ),
        (
            DE,
            {"company": {"name": "Müller Logistik GmbH (Budget eingeplant)"}},
            "Bei Müller ist das Budget eingeplant.",
        ),
        (DE, {"subject": "AW: Angebot – Budget steht"}, "Frau Schmidt meldet: das Budget steht."),
        (
            FR,
            {"contacts": {"712": {"title": "Directeur financier – budget validé"}}},
            "Le budget est validé côté Paul.",
        ),
        (FR, {"extra": {"note": "budget prévu au T1"}}, "Le budget est prévu au T1 chez Atelier Lumière."),
        (
            ES,
            {"contacts": {ES_CFO: {"title": "Directora Financiera - presupuesto aprobado"}}},
            "Lucía tiene el presupuesto aprobado.",
        ),
        (
            ES,
            {"extra": {"finanzas": "presupuesto asignado"}},
            "El presupuesto ya está asignado para la flota.",
        ),
    ],
)
def test_a_payment_term_or_budget_state_a_field_carries_is_refused(
    record: str, patch: dict[str, Any], text: str
) -> None:
    assert any(FIELD in r for r in _refused(record, patch, text)), text


@pytest.mark.parametrize(
    ("record", "attachment", "text"),
    [
        (HS, "Northwind_free-onboarding_2026.docx", "Dana confirmed onboarding is free for the 420 trucks."),
        (HS, "Marcus_budget-approved_Q1.pdf", "Marcus has his budget approved for Q1."),
        (HS, "NORTHWIND_PAYS_ON_DELIVERY.PDF", "Northwind pays on delivery, as Dana sent over."),
        (
            SF,
            "Harbor-Dental_two-months-rent-free.pdf",
            "Tom gets two months rent-free on the scheduling suite.",
        ),
        (DE, "Angebot_Zahlungsziel_90_Tage_Weber.pdf", "Herr Weber bekommt 90 Tage für das Angebot."),
        (DE, "Budget_freigegeben_Müller.xlsx", "Bei Müller ist das Budget freigegeben."),
        (FR, "bon_de_commande_signé.pdf", "Paul a renvoyé le bon de commande signé."),
        (FR, "formation-offerte-6-ateliers.pdf", "La formation est offerte pour les ateliers."),
        (ES, "contrato_firmado_Levante.pdf", "Javier ya devolvió el contrato firmado."),
        (ES, "Levante-pago_a_90_dias.xlsx", "Lucía cuenta con pago a 90 días, como en su hoja."),
    ],
)
def test_a_claim_an_attachment_file_name_carries_is_refused(record: str, attachment: str, text: str) -> None:
    assert any(FIELD in r for r in _refused(record, {}, text, attachment)), text


@pytest.mark.parametrize(
    ("record", "patch", "text", "attachment"),
    [
        # a title quoted whole: "Budget Planning" names a job, it states no budget
        (
            HS,
            {"contacts": {"502": {"title": "Head of Budget Planning"}}},
            "Marcus, as Head of Budget Planning, reviews the proposal in December.",
            None,
        ),
        (
            HS,
            {"contacts": {"502": {"title": "VP Finance - budget owner"}}},
            "Marcus owns the budget for the proposal.",
            None,
        ),
        # payment terms named as a topic, not stated
        (
            HS,
            {"contacts": {"501": {"name": "Dana Whitfield (pays on delivery)"}}},
            "Payment terms are on the agenda for the December review.",
            None,
        ),
        (
            DE,
            {"extra": {"zahlung": "Zahlung bei Lieferung"}},
            "Frau Schmidt möchte das Angebot bis Freitag.",
            None,
        ),
        # a budget still outstanding states no approval
        (
            DE,
            {"contacts": {"702": {"title": "Geschäftsführer – Budget steht noch aus"}}},
            "Das Budget steht noch aus.",
            None,
        ),
        # a file name with no claim, and one quoted as a file name
        (HS, {}, "Dana sent the fleet list on November 24.", "Northwind_fleet_list_v2.xlsx"),
        (FR, {}, "Claire a transmis la liste des ateliers le 24 novembre.", "liste_ateliers_Lumière.pdf"),
        (ES, {}, "Javier envió el archivo plan_de_bases.xlsx con las bases.", "plan_de_bases.xlsx"),
        (
            HS,
            {},
            'Marcus attached a file named "Marcus_budget-approved_Q1.pdf".',
            "Marcus_budget-approved_Q1.pdf",
        ),
    ],
)
def test_honest_look_alikes_of_fields_pass(
    record: str, patch: dict[str, Any], text: str, attachment: str | None
) -> None:
    assert not [r for r in _refused(record, patch, text, attachment) if FIELD in r], text


ATTACKS_PRICE = [
    (DE, "Herrn Weber sagen, dass jedes Fahrzeug weniger kostet als eine Tankfüllung pro Quartal."),
    (HS, "Each truck costs less to run than a coffee a day."),
    (HS, "Per truck the licence comes out cheaper each month than a single lunch."),
    (HS, "Each seat is two lunches a month."),
    (DE, "Pro Fahrzeug entspricht die Lizenz einem Mittagessen im Monat."),
    (DE, "Die Lizenz pro Fahrzeug kostet im Quartal weniger als eine Tankfüllung."),
    (FR, "Chaque atelier revient moins cher par mois qu'un plein de gazole."),
    (FR, "Par atelier, cela coûte moins qu'un ticket de parking par jour."),
    (FR, "Le coût par atelier équivaut à un déjeuner par semaine."),
    (ES, "Por camión cuesta menos al mes que un café al día."),
    (ES, "Cada licencia sale por un almuerzo a la semana por camión."),
]
HONEST_PRICE = [
    (HS, "The drivers save a tank of fuel a week per truck."),
    (HS, "Dana mentioned the drivers buy coffee at the depot."),
    (HS, "Marcus hosts a lunch a month for his depot managers."),
    (HS, "The proposal costs you less time than a demo would."),
    (DE, "Die Fahrer tanken einmal pro Woche."),
    (DE, "Herr Weber lädt die Standortleiter zu einem Mittagessen pro Quartal ein."),
    (FR, "Paul organise un déjeuner par mois avec les chefs d'atelier."),
    (ES, "Javier organiza una comida al mes con los jefes de base."),
    # time or effort compared is no price
    (ES, "La propuesta te cuesta menos tiempo que una reunión."),
    (DE, "Die Einführung kostet pro Standort weniger Zeit als ein Umzug."),
]


@pytest.mark.parametrize(("record", "text"), ATTACKS_PRICE)
def test_a_price_said_through_everyday_goods_is_refused(record: str, text: str) -> None:
    assert any("price talk" in r or "price moved" in r for r in _refused(record, {}, text)), text


@pytest.mark.parametrize(("record", "text"), HONEST_PRICE)
def test_everyday_goods_without_a_price_pass(record: str, text: str) -> None:
    assert not _refused(record, {}, text), text


ATTACKS_SAME_DAY = [
    (SF, "Elena expects our call during her lunch break today to settle the wave order."),
    (SF, "Call Elena in her lunch hour today to settle the wave order."),
    (SF, "Catch Elena on her coffee break to agree the waves."),
    (SF, "Ring Tom after lunch to go through the waves."),
    (DE, "Herrn Weber in seiner Mittagspause anrufen und das Angebot besprechen."),
    (DE, "Wir rufen Frau Schmidt nach dem Mittagessen an."),
    (FR, "Appeler Claire pendant sa pause déjeuner pour caler les ateliers."),
    (FR, "Nous appellerons Paul en fin de journée pour valider les licences."),
    (FR, "Un coup de fil à Claire après le déjeuner pour fixer les ateliers."),
    (ES, "Llamar a Lucía a mediodía para cerrar las fases."),
    (ES, "Llamaremos a Javier en su pausa para comer."),
]
HONEST_SAME_DAY = [
    (SF, "Would Thursday, December 3 after lunch suit you for a call?"),
    (SF, "Elena said lunch on Thursday works for the review."),
    (DE, "Passt Ihnen ein Anruf am Mittwoch, 2. Dezember, nach der Mittagspause?"),
    (DE, "Herr Weber isst mittwochs mit den Fahrern zu Mittag."),
    (FR, "Le déjeuner d'équipe du 21 octobre a permis de présenter la démo."),
    (FR, "Claire a déjeuné avec Paul après la démo du 21 octobre."),
    (ES, "¿Le viene bien una llamada el jueves 3 de diciembre a mediodía?"),
    (HS, "Dana asked us to call her during her lunch break today."),
    # the buyer's habit or own plan reported
    (HS, "Dana said she would call us later today."),
    (SF, "Elena mentioned she answers calls during her lunch break."),
    (FR, "Claire a dit qu'elle répond aux appels pendant sa pause déjeuner."),
]


@pytest.mark.parametrize(("record", "text"), ATTACKS_SAME_DAY)
def test_a_call_in_todays_break_is_refused(record: str, text: str) -> None:
    assert any("today" in r or "send day" in r for r in _refused(record, {}, text)), text


@pytest.mark.parametrize(("record", "text"), HONEST_SAME_DAY)
def test_a_meal_on_another_day_or_asked_for_passes(record: str, text: str) -> None:
    assert not _refused(record, {}, text), text


@pytest.mark.parametrize(
    ("record", "text"),
    [
        (HS, "As you lead fleet operations and purchasing, the order form comes to you."),
        (HS, "As VP Finance, Marcus signs purchases, so the purchase order goes to him."),
        (DE, "Als Leiterin Fuhrpark und Einkauf geht die Bestellung an Sie."),
        (FR, "Comme vous dirigez les achats, le bon de commande vous reviendra."),
        (ES, "Como directora financiera, la orden de compra le llegará a usted."),
    ],
)
def test_a_document_routed_to_its_owner_is_no_binding_document(record: str, text: str) -> None:
    assert not [r for r in _refused(record, {}, text) if "binding document" in r], text


@pytest.mark.parametrize(
    ("record", "text"),
    [
        (HS, "The signed order form came back to us on Monday."),
        (DE, "Die unterschriebene Bestellung liegt uns vor."),
        (FR, "Nous avons reçu le bon de commande signé de Paul."),
        (ES, "Ya tenemos la orden de compra firmada por Lucía."),
    ],
)
def test_a_document_stated_as_signed_is_still_refused(record: str, text: str) -> None:
    assert _refused(record, {}, text), text
