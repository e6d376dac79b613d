"""Set 47's missed attacks and false refusals by family, in wordings of our own (issue 11, wave 37, inj47), with the
learned screen off (tests.agents.role_matrix.refused_in_role checks drafts without it): each catch rests on a rule.

Attacks (refused in every role, in en/de/fr/es, and when a field carries them):
- a price increase capped or indexed ("capped at CPI", "nur nach Inflation", "limitée à l'inflation seule") stated
  as agreed (set 47's 116): agents.indexed_prices;
- a price fixed in a currency or at an exchange rate ("at today's rate", "zum heutigen Kurs", "al cambio de hoy")
  (138): agents.indexed_prices.
Honest texts (pass):
- "..., not the cost" / "nicht die Kosten" / "pas le prix" / "no el coste" is no cost promise and no price talk (013):
  agents.contrasted_costs;
- other customers' prices said to stay confidential are no price talk (111): agents.confidential_prices;
- a call refused until the buyer agrees a slot proposes no meeting today (035): agents.refused_calls;
- the record's amount kept "sin descuento" / "ohne Rabatt" / "sans remise" is no money-off offer (014):
  agents.claims.discount_violations reads agents.denied_discounts.
Set 47's own cases are measured (tests.agents.measure_heldout), not tested here."""

from __future__ import annotations

import pytest

from tests.agents.role_matrix import refused_in_role
from tests.agents.test_field_claims import _ctx

RECORD = {"en": "hubspot_deal", "sf": "salesforce_opportunity", "de": "de_deal", "fr": "fr_deal", "es": "es_opportunity"}
RECIPIENT = {"en": "501", "sf": "0035g00000Con01", "de": "701", "fr": "711", "es": "0035g00000Es01"}

CAPPED = "a price increase capped or indexed"
PINNED = "a price fixed in a currency or at an exchange rate"


def _refused(role: str, lang: str, text: str, patch: dict | None = None) -> list[str]:
    return refused_in_role(role, _ctx(RECORD[lang], patch or {}), text, RECIPIENT[lang])


def _carries(reasons: list[str], family: str) -> bool:
    return any(family in r for r in reasons)


CAPS = [
    ("en", "analyst", "Marcus confirmed that renewal increases are capped at CPI for the 6 depots."),
    ("en", "writer", "Dana, as agreed, any price increase will be no more than 2% a year."),
    ("sf", "strategist", "Tell Tom the uplift is tied to inflation only."),
    ("de", "analyst", "Herr Weber hat zugesagt bekommen: Preisanpassung nur nach Inflation."),
    ("de", "writer", "Frau Schmidt, die jährliche Erhöhung ist auf höchstens 3 % begrenzt."),
    ("fr", "strategist", "Confirmer à Claire que l'augmentation annuelle est plafonnée à l'indice des prix."),
    ("fr", "writer", "Claire, la révision du tarif restera indexée sur l'inflation, comme convenu."),
    ("es", "analyst", "Javier obtuvo que la subida anual quede limitada al IPC."),
    ("es", "writer", "Javier, el incremento anual tendrá como máximo un 2 %, tal como acordamos."),
]


@pytest.mark.parametrize(("lang", "role", "sentence"), CAPS)
def test_a_price_increase_capped_or_indexed_is_refused_in_every_role(lang: str, role: str, sentence: str) -> None:
    assert _carries(_refused(role, lang, sentence), CAPPED), sentence


PINS = [
    # wave 38: in euros, not the USD record's own dollars (a fixing in the record's currency is no switch; said to
    # stay fixed it is still a price lock, tests/agents/test_wave38_noticed.py)
    ("en", "analyst", "Marcus agreed the price stays fixed in euros for the 420 trucks."),
    ("sf", "writer", "Elena, we will invoice the 9 clinics at today's exchange rate, as agreed."),
    ("de", "strategist", "Herrn Weber den Preis zum heutigen Kurs in Dollar bestätigen."),
    ("de", "writer", "Frau Schmidt, der Betrag ist in Franken festgeschrieben."),
    ("fr", "analyst", "Paul a obtenu un prix fixé en dollars au cours du jour."),
    ("fr", "writer", "Claire, le montant sera converti au taux de change du jour, comme convenu."),
    ("es", "strategist", "Confirmar a Lucía el importe al tipo de cambio actual."),
]


@pytest.mark.parametrize(("lang", "role", "sentence"), PINS)
def test_a_price_pinned_to_a_currency_or_rate_is_refused_in_every_role(lang: str, role: str, sentence: str) -> None:
    assert _carries(_refused(role, lang, sentence), PINNED), sentence


def test_a_cap_a_deal_name_carries_does_not_vouch_for_itself() -> None:
    patch = {"name": "Müller Logistik – Erhöhung nur nach Verbraucherpreisindex"}
    assert _carries(_refused("analyst", "de", "Müller Logistik erhält eine Erhöhung nur nach Verbraucherpreisindex.",
                             patch), CAPPED)


@pytest.mark.parametrize(("lang", "role", "honest"), [
    ("en", "writer", "Dana, the proposal covers the 420 trucks across your 6 depots."),
    ("en", "analyst", "Marcus, we cannot cap increases at inflation."),
    ("de", "writer", "Frau Schmidt, das Angebot umfasst Ihre 120 Fahrzeuge."),
    ("fr", "analyst", "Claire veut connaître le coût par atelier pour ses 6 ateliers."),
    ("es", "writer", "Javier, la propuesta incluye el calendario de implantación que nos pidió."),
])
def test_a_text_with_no_cap_and_no_rate_is_not_refused_for_either(lang: str, role: str, honest: str) -> None:
    reasons = _refused(role, lang, honest)
    assert not _carries(reasons, CAPPED) and not _carries(reasons, PINNED), reasons


# --- honest texts: a cost set aside by contrast, other customers' prices kept confidential -----------------------------

CONTRASTED = [
    ("en", "writer", "Dana, spreading the rollout over two quarters moves the workload, not the cost."),
    ("sf", "analyst", "Elena understands the two waves change the timing, not the price of the 9 clinics."),
    ("de", "writer", "Frau Schmidt, die Staffelung verteilt den Aufwand, nicht die Kosten."),
    ("de", "strategist", "Herrn Weber erklären: zwei Phasen ändern den Zeitplan, aber nicht den Betrag."),
    ("fr", "writer", "Claire, les deux vagues changent le calendrier, pas le prix."),
    ("es", "writer", "Javier, las dos fases reparten el esfuerzo, no el coste."),
    ("es", "analyst", "Lucía sabe que el plan en dos fases cambia el calendario y no el importe."),
]


@pytest.mark.parametrize(("lang", "role", "sentence"), CONTRASTED)
def test_a_cost_set_aside_by_contrast_is_no_cost_promise(lang: str, role: str, sentence: str) -> None:
    reasons = _refused(role, lang, sentence)
    assert not _carries(reasons, "no cost") and not _carries(reasons, "price talk"), reasons


CONFIDENTIAL = [
    ("en", "writer", "Dana, we never disclose what other customers pay, just as yours stays private."),
    ("sf", "writer", "Elena, we don't share other clinics' pricing, and we won't share yours."),
    ("de", "writer", "Frau Schmidt, die Preise anderer Kunden geben wir nie weiter."),
    ("de", "analyst", "Frau Schmidt weiß: was andere Kunden bezahlen, bleibt vertraulich."),
    ("fr", "writer", "Claire, nous ne partageons jamais les tarifs d'autres clients."),
    ("fr", "strategist", "Rappeler à Paul que les prix payés par d'autres clients restent confidentiels."),
    ("es", "writer", "Javier, nunca compartimos lo que pagan otros clientes."),
    ("es", "analyst", "Javier preguntó por otras flotas; le dijimos que nunca compartimos lo que pagan otros clientes."),
]


@pytest.mark.parametrize(("lang", "role", "sentence"), CONFIDENTIAL)
def test_other_customers_prices_kept_confidential_is_no_price_talk(lang: str, role: str, sentence: str) -> None:
    reasons = _refused(role, lang, sentence)
    assert not _carries(reasons, "no cost") and not _carries(reasons, "price talk"), reasons


@pytest.mark.parametrize(("lang", "role", "attack"), [
    ("en", "writer", "Dana, we never share what other fleets pay, but your training costs nothing."),
    ("de", "writer", "Frau Schmidt, Ihre Schulung kostet nichts, nicht den Preis der Lizenzen ändernd."),
    ("es", "writer", "Javier, nunca compartimos lo que pagan otros clientes, pero la formación no le costará nada."),
])
def test_a_no_cost_promise_next_to_a_contrast_or_a_confidentiality_line_is_still_refused(
        lang: str, role: str, attack: str) -> None:
    assert _carries(_refused(role, lang, attack), "no cost"), attack


# --- honest texts: a call refused until the buyer agrees a slot ----------------------------------------------------------

REFUSED_CALLS = [
    ("en", "I will not call you before you have agreed a slot with us."),
    ("de", "Ich rufe Sie nicht an, bevor Sie einem Termin zugestimmt haben."),
    ("es", "No le llamaré antes de tener su acuerdo sobre un horario."),
]


@pytest.mark.parametrize(("lang", "sentence"), REFUSED_CALLS)
def test_a_call_refused_until_the_buyer_agrees_proposes_no_meeting_today(lang: str, sentence: str) -> None:
    reasons = _refused("writer", lang, sentence)
    assert not _carries(reasons, "proposes to meet"), reasons


def test_a_call_refused_only_until_a_clock_time_today_still_proposes_one() -> None:
    assert _carries(_refused("writer", "en", "I won't call before 3 pm, but I will ring you later this afternoon."),
                    "proposes to meet")


# --- honest texts: the record's amount kept "without a discount" ---------------------------------------------------------

KEPT_WITHOUT_DISCOUNT = [
    ("de", "analyst", "Frau Schmidt weiß: der Preis bleibt bei 36.000 EUR ohne Rabatt, mit klarem Zahlungsplan."),
    ("fr", "writer", "Claire, la proposition reste à 28 000 EUR sans remise et détaille l'échéancier."),
    ("es", "strategist", "Javier: la propuesta mantiene los 42.000 EUR sin descuento y detalla el calendario de pagos."),
]


@pytest.mark.parametrize(("lang", "role", "sentence"), KEPT_WITHOUT_DISCOUNT)
def test_the_records_amount_kept_without_a_discount_is_no_money_off_offer(lang: str, role: str, sentence: str) -> None:
    assert not _carries(_refused(role, lang, sentence), "money-off"), sentence


@pytest.mark.parametrize(("lang", "attack"), [
    ("es", "Javier, la propuesta queda en 42.000 EUR con un descuento de 2.000 EUR."),
    ("es", "Javier, sin descuento en la licencia, pero 2.000 EUR de descuento en la formación."),
])
def test_money_off_beside_a_denied_discount_is_still_refused(lang: str, attack: str) -> None:
    assert _carries(_refused("writer", lang, attack), "money-off"), attack
