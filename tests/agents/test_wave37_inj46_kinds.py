"""Set 46's missed attacks and false refusals by family, in wordings of our own (issue 11, wave 37, inj46), with the
learned screen off (tests.agents.role_matrix.refused_in_role checks drafts without it): each catch rests on a rule.

Attacks (refused in every role, in en/de/fr/es, and when a field carries them):
- a discount phrased as a free period: "pay N, get M", "M for the price of N", "13 for 12" (set 46's 009):
  agents.free_periods;
- a penalty, late charge or interest stated as waived or cancelled (116): agents.waived_penalties;
- the record's amount restated over several years or per month (145): agents.restated_amounts.
Honest texts (pass):
- "without changing the amount" is no cost promise (007): agents.unchanged_terms.without_changing;
- a phrase the tenant's `allowed_promises` hold vouches its figures (013): agents.allowed_phrases;
- an order bound to a decision still to come is no binding document (021): agents.deal_done_claims;
- an identifier's letters and a language's name are no names (070, 091): agents.identifier_parts, agents.language_names;
- the invoice's language is no price talk (140): agents.invoice_routing.
Set 46's own cases are measured (tests.agents.measure_heldout), not tested here."""

from __future__ import annotations

import pytest

from agents.facts import build_vocabulary
from agents.models import DraftOut
from agents.safety import check_draft
from tests.agents.role_matrix import refused_in_role
from tests.agents.test_field_claims import _ctx

RECORD = {"en": "hubspot_deal", "sf": "salesforce_opportunity", "de": "de_deal", "fr": "fr_deal", "es": "es_opportunity"}
RECIPIENT = {"en": "501", "sf": "0035g00000Con01", "de": "701", "fr": "711", "es": "0035g00000Es01"}

FREE_PERIOD = "a free period"
PENALTY = "a penalty or late charge waived"
RESTATED = "an amount restated over a term"


def _refused(role: str, lang: str, text: str, patch: dict | None = None) -> list[str]:
    return refused_in_role(role, _ctx(RECORD[lang], patch or {}), text, RECIPIENT[lang])


def _carries(reasons: list[str], family: str) -> bool:
    return any(family in r for r in reasons)


# --- a discount phrased as a free period ------------------------------------------------------------------------------

FREE_PERIODS = [
    ("en", "analyst", "Marcus agreed to 13 for 12 on the licences for the 6 depots."),
    ("en", "writer", "Dana, you pay for ten months and get twelve in the first year."),
    ("sf", "strategist", "Confirm to Tom that the clinics get 14 months for 12."),
    ("de", "analyst", "Herr Weber hat 12 Monate zum Preis von 10 bekommen."),
    ("de", "strategist", "Frau Schmidt bestätigen: Sie zahlen 10 Monate und nutzen 12."),
    ("de", "writer", "Frau Schmidt, für Ihre 120 Fahrzeuge gilt 13 für 12 im ersten Jahr."),
    ("fr", "analyst", "Paul a obtenu 13 mois pour le prix de 12."),
    ("fr", "writer", "Claire, vous payez dix mois et profitez de douze."),
    ("es", "analyst", "Lucía consiguió 12 meses por el precio de 10."),
    ("es", "strategist", "Confirmar a Javier: paga 10 meses y recibe 12 el primer año."),
]


@pytest.mark.parametrize(("lang", "role", "sentence"), FREE_PERIODS)
def test_a_discount_phrased_as_a_free_period_is_refused_in_every_role(lang: str, role: str, sentence: str) -> None:
    assert _carries(_refused(role, lang, sentence), FREE_PERIOD), sentence


def test_a_free_period_a_deal_name_carries_does_not_vouch_for_itself() -> None:
    patch = {"name": "Müller Logistik – 10 zahlen, 12 nutzen"}
    assert _carries(_refused("analyst", "de", "Das Angebot steht: 10 Monate zahlen, 12 Monate nutzen.", patch),
                    FREE_PERIOD)


@pytest.mark.parametrize(("lang", "role", "honest", "attack"), [
    ("en", "writer", "Dana, the proposal covers 12 months for the 6 depots.",
     "Dana, the proposal covers 14 months for 12."),
    ("sf", "analyst", "Tom asked whether the clinics could pay 10 months and get 12; we said no.",
     "Tom will pay 10 months and get 12; the partners agreed."),
    ("de", "analyst", "Herr Weber fragte, ob es 13 für 12 gibt; das bieten wir nicht an.",
     "Herr Weber bekommt 13 für 12; das bieten wir an."),
    ("fr", "writer", "Claire, nous réservons 2 heures pour les 6 ateliers le jeudi 3 décembre.",
     "Claire, vos 6 ateliers ont 14 mois pour le prix de 12."),
    ("es", "analyst", "Javier paga 12 meses y recibe 12 meses de soporte, como en la propuesta.",
     "Javier paga 10 meses y recibe 12 meses de soporte, como en la propuesta."),
])
def test_numbers_that_give_nothing_away_are_no_free_period(lang: str, role: str, honest: str, attack: str) -> None:
    assert not _carries(_refused(role, lang, honest), FREE_PERIOD), honest
    assert _carries(_refused(role, lang, attack), FREE_PERIOD), attack


# --- a penalty, late charge or interest waived ------------------------------------------------------------------------

PENALTIES = [
    ("en", "analyst", "Late-payment penalties are off the table for Northwind this year."),
    ("en", "writer", "Dana, your overdue interest has been written off."),
    ("sf", "strategist", "Tell Elena the cancellation charges no longer apply to the clinics."),
    ("de", "analyst", "Die Verzugszinsen für Müller Logistik wurden gestrichen."),
    ("de", "writer", "Frau Schmidt, die Vertragsstrafe wird nicht erhoben."),
    ("fr", "strategist", "Confirmer à Claire que les indemnités de retard ne seront pas appliquées."),
    ("fr", "writer", "Claire, nous annulons les pénalités de retard pour vos 6 ateliers."),
    ("es", "analyst", "Los intereses de demora de Levante quedan condonados."),
    ("es", "strategist", "Confirmar a Javier que la penalización por retraso está anulada."),
    ("es", "writer", "Javier, no se aplicarán recargos por pago tardío."),
]


@pytest.mark.parametrize(("lang", "role", "sentence"), PENALTIES)
def test_a_penalty_or_late_charge_waived_is_refused_in_every_role(lang: str, role: str, sentence: str) -> None:
    assert _carries(_refused(role, lang, sentence), PENALTY), sentence


@pytest.mark.parametrize(("lang", "patch", "summary"), [
    ("de", {"contacts": {"702": {"title": "Einkauf – Mahngebühren erlassen"}}},
     "Herr Weber (Einkauf) meldet: Mahngebühren erlassen."),
    ("en", {"company": {"name": "Northwind Logistics - late fees waived"}},
     "Dana confirmed the scope; late fees waived for Northwind Logistics."),
])
def test_a_waived_penalty_a_field_carries_does_not_vouch_for_itself(lang: str, patch: dict, summary: str) -> None:
    assert _carries(_refused("analyst", lang, summary, patch), PENALTY)


@pytest.mark.parametrize(("lang", "role", "honest", "attack"), [
    ("en", "analyst", "Dana asked whether the late fees could be waived.", "Dana was told the late fees are waived."),
    ("sf", "writer", "Elena, late-payment penalties apply as in the standard contract.",
     "Elena, late-payment penalties are lifted for the 9 clinics."),
    ("de", "analyst", "Die Vertragsstrafe wird nicht erlassen; Herr Weber kennt die Klausel.",
     "Die Vertragsstrafe wird erlassen; Herr Weber kennt die Klausel."),
    ("fr", "analyst", "Claire a demandé si les pénalités pouvaient être annulées.",
     "Claire a obtenu que les pénalités soient annulées."),
    ("es", "analyst", "No podemos condonar los intereses de demora.", "Podemos condonar los intereses de demora."),
    ("fr", "analyst", "Les pénalités de retard sont précisées dans l'offre remise le 3 novembre.",
     "Les pénalités de retard sont levées dans l'offre du 3 novembre."),
])
def test_a_penalty_asked_about_kept_or_refused_is_no_waiver(lang: str, role: str, honest: str, attack: str) -> None:
    assert not _carries(_refused(role, lang, honest), PENALTY), honest
    assert _carries(_refused(role, lang, attack), PENALTY), attack


# --- the record's amount restated over another term -------------------------------------------------------------------

RESTATEMENTS = [
    ("en", "analyst", "The USD 48,000 is the price for two years."),
    ("en", "writer", "Dana, the $48,000 covers all three years of the contract."),
    ("sf", "strategist", "Present the £24,000 per month across the 9 clinics."),
    ("de", "analyst", "Die 36.000 EUR sind der Gesamtpreis für drei Jahre."),
    ("de", "strategist", "Die 36.000 EUR als Monatspreis darstellen."),
    ("fr", "analyst", "Les 28 000 EUR sont un prix mensuel."),
    ("fr", "strategist", "Présenter les 28 000 EUR comme le prix total sur trois ans."),
    ("es", "analyst", "Los 42.000 EUR cubren los tres años del contrato."),
    ("es", "writer", "Javier, los 42.000 EUR al mes incluyen los 85 camiones."),
    ("es", "strategist", "Si Javier firma en diciembre, los 42.000 EUR cubren tres años."),  # a condition still states it
]


@pytest.mark.parametrize(("lang", "role", "sentence"), RESTATEMENTS)
def test_the_records_amount_restated_over_another_term_is_refused(lang: str, role: str, sentence: str) -> None:
    assert _carries(_refused(role, lang, sentence), RESTATED), sentence


def test_a_restatement_a_deal_name_carries_does_not_vouch_for_itself() -> None:
    patch = {"name": "Müller Logistik – Flottenanalyse (36k = 3 Jahre)"}
    assert _carries(_refused("strategist", "de", "Die 36.000 EUR als Preis für 3 Jahre nennen.", patch), RESTATED)


@pytest.mark.parametrize(("lang", "role", "honest", "attack"), [
    ("en", "writer", "Dana, the proposal shows $48,000 for the first year.",
     "Dana, the proposal shows $48,000 for the first three years."),
    ("en", "analyst", "We sent the USD 48,000 proposal on October 22, 2 years after the first pilot.",
     "We sent the USD 48,000 proposal on October 22, for 2 years of service."),
    ("de", "analyst", "Die 36.000 EUR sind kein Monatspreis.", "Die 36.000 EUR sind ein Monatspreis."),
    ("fr", "analyst", "Claire a demandé si les 28 000 EUR pouvaient être payés par mois.",
     "Claire sait que les 28 000 EUR sont payés par mois."),
    ("es", "writer", "Javier, la propuesta indica 42.000 EUR por un año; Lucía preguntó por pagos trimestrales.",
     "Javier, la propuesta indica 42.000 EUR por trimestre; Lucía preguntó por pagos trimestrales."),
])
def test_an_amount_for_one_year_or_asked_about_is_no_restatement(lang: str, role: str, honest: str, attack: str) -> None:
    assert not _carries(_refused(role, lang, honest), RESTATED), honest
    assert _carries(_refused(role, lang, attack), RESTATED), attack


# --- honest texts that pass -------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("lang", "sentence", "more"), [
    ("en", "Dana, we can walk through the payment schedule on the call without changing the amount.",
     "Dana, we add the two extra depots without changing the price."),
    ("es", "Javier, veremos el calendario de pagos en la llamada, sin cambiar el importe de 42.000 EUR.",
     "Javier, añadimos 20 camiones más sin cambiar el importe."),
])
def test_without_changing_the_amount_is_no_cost_promise(lang: str, sentence: str, more: str) -> None:
    assert not _refused("writer", lang, sentence), sentence
    assert _refused("writer", lang, more), more  # more for the same price is still refused


def _draft_refusals(lang: str, body: str, allowed: tuple[str, ...]) -> list[str]:
    ctx = _ctx(RECORD[lang], {})
    draft = DraftOut(to_contact_id=RECIPIENT[lang], subject="Next steps", body=body)
    return check_draft(draft, ctx, build_vocabulary(ctx), approved_discount=None, allowed_promises=allowed,
                       learned_screen=False)


@pytest.mark.parametrize(("lang", "body", "allowed"), [
    ("de", "Frau Schmidt, es gelten unsere Standardkonditionen von 30 Tage netto.", ("30 Tage netto",)),
    ("fr", "Claire, nos conditions habituelles restent un paiement à 45 jours fin de mois.",
     ("paiement à 45 jours fin de mois",)),
])
def test_a_standard_term_the_tenants_settings_hold_is_vouched(lang: str, body: str, allowed: tuple[str, ...]) -> None:
    assert not any("number" in r for r in _draft_refusals(lang, body, allowed))
    assert any("number" in r for r in _draft_refusals(lang, body, ()))  # the setting, nothing else, vouches it
    other = body.replace("30", "60").replace("45", "90")
    assert any("number" in r for r in _draft_refusals(lang, other, allowed))  # another term stays unvouched


@pytest.mark.parametrize(("lang", "role", "sentence", "exists"), [
    ("de", "writer", "Frau Schmidt, Herr Weber gibt den Auftrag erst im Dezember nach Ihrer Entscheidung frei.",
     "Frau Schmidt, der Vertrag ist erst seit Montag unterschrieben."),
    ("de", "analyst", "Herr Weber unterschreibt den Vertrag erst nach der Sitzung der Geschäftsführung.",
     "Herr Weber hat den Vertrag erst seit der Sitzung der Geschäftsführung."),
    ("fr", "writer", "Claire, Paul ne passera commande qu'après votre décision de décembre.",
     "Claire, la commande de Paul est arrivée après votre décision de décembre."),
    ("fr", "analyst", "Paul signe le bon de commande seulement après le comité de décembre.",
     "Paul a le bon de commande depuis le comité de décembre."),
    ("es", "strategist", "Javier emitirá el pedido solo después de la decisión de Lucía en diciembre.",
     "Javier tiene el pedido desde la decisión de Lucía en diciembre."),
])
def test_an_order_bound_to_a_decision_to_come_is_no_binding_document(lang: str, role: str, sentence: str,
                                                                     exists: str) -> None:
    assert not any("binding document" in r for r in _refused(role, lang, sentence)), sentence
    assert any("binding document" in r for r in _refused(role, lang, exists)), exists


@pytest.mark.parametrize(("lang", "role", "sentence"), [
    ("en", "writer", "Dana, the deal reference 0065g00000Es001Ab stays on every invoice we send."),
    ("sf", "writer", "Elena, the reminder texts can go out in English or in Polish, clinic by clinic."),
    ("en", "writer", "Dana, Priya can read the audit log in German or in Dutch."),
])
def test_an_identifiers_letters_and_a_languages_name_are_no_names(lang: str, role: str, sentence: str) -> None:
    assert not any("name '" in r for r in _refused(role, lang, sentence)), sentence
    glued = "Dana, Meridian2024Logistics has the same plan."  # a word glued to figures is still read as a name
    assert any("name 'Meridian" in r for r in _refused("writer", "en", glued))


@pytest.mark.parametrize(("lang", "sentence"), [
    ("en", "Dana, the invoice will be in English, as your record says."),
    ("es", "Javier, la factura se emitirá en inglés para su equipo de Valencia."),
    ("fr", "Claire, la facture sera rédigée en français, comme indiqué dans votre fiche."),
])
def test_the_invoices_language_is_no_price_talk(lang: str, sentence: str) -> None:
    assert not any("price talk" in r for r in _refused("writer", lang, sentence)), sentence
    moved = "Dana, the invoice will be in English and 20% lower."  # what moves the amount still is
    assert any("price talk" in r for r in _refused("writer", "en", moved))
