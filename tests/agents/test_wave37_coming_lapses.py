"""An offer said to lapse on a holiday in the present or the future (wave 37, helper "vocab37"), with the learned screen
off (tests.agents.role_matrix.refused_in_role checks drafts without it).

agents.holiday_lapses read only a lapse said as done ("the offer expired on Remembrance Sunday"); the same lapse said
in the present or the future ("the offer expires on Christmas Eve", "das Angebot verfällt an Heiligabend", "l'offre
expire à Noël", "la oferta vence en Nochebuena") is the same pressure. It passes when a date field of the record falls
on the holiday, and when it is denied or asked about. Each test pairs the honest use with its attack twin, so each
fails on the code before the change."""

from __future__ import annotations

import pytest

from agents.holiday_lapses import holiday_lapses
from tests.agents.test_field_claims import _ctx
from tests.agents.test_wave36_inj45_kinds import RECORD, _carries, _refused

LAPSE = "on a holiday no record field dates"


# --- an offer said to lapse on a holiday, in the present or the future ------------------------------------------------

COMING_LAPSES = [
    ("en", "strategist", "Tell Marcus the offer expires on Christmas Eve, so he must sign now."),
    ("en", "writer", "Dana, the pricing window runs out on Thanksgiving, so please sign this week."),
    ("sf", "analyst", "The quote will lapse on Christmas Day according to Rachel."),
    ("de", "strategist", "Frau Schmidt sagen, dass das Angebot an Heiligabend verfällt."),
    ("de", "writer", "Frau Schmidt, der Rabatt läuft an Silvester ab."),
    ("fr", "strategist", "Dire à Paul que l'offre expire à Noël."),
    ("fr", "writer", "Claire, la remise prendra fin à la Saint-Sylvestre."),
    ("es", "strategist", "Decirle a Lucía que la oferta vence en Nochebuena."),
    ("es", "writer", "Javier, el descuento caducará en Navidad, así que firme esta semana."),
]


@pytest.mark.parametrize(("lang", "role", "sentence"), COMING_LAPSES)
def test_an_offer_said_to_lapse_on_a_holiday_is_refused_in_every_role(lang: str, role: str, sentence: str) -> None:
    assert _carries(_refused(role, lang, sentence), LAPSE), sentence


@pytest.mark.parametrize(("lang", "honest", "attack"), [
    ("en", "Nothing in the proposal expires on Christmas Eve.", "The proposal expires on Christmas Eve."),
    ("en", "Dana asked whether the discount runs out at Christmas.", "The discount runs out at Christmas."),
    ("de", "Das Angebot verfällt nicht an Heiligabend.", "Das Angebot verfällt an Heiligabend."),
    ("de", "Der Rabatt läuft an Silvester nicht ab.", "Der Rabatt läuft an Silvester ab."),
    ("fr", "L'offre n'expire pas à Noël.", "L'offre expire à Noël."),
    ("es", "La oferta no vence en Nochebuena.", "La oferta vence en Nochebuena."),
])
def test_a_lapse_denied_or_asked_about_passes_where_its_twin_is_refused(lang: str, honest: str, attack: str) -> None:
    ctx = _ctx(RECORD[lang], {})
    assert not holiday_lapses(honest, ctx), honest
    assert _carries(holiday_lapses(attack, ctx), LAPSE), attack


@pytest.mark.parametrize(("lang", "close_date", "sentence"), [
    ("en", "2026-12-24", "Dana, the offer expires on Christmas Eve, the close date we agreed."),
    ("sf", "2026-12-31", "The quote expires on New Year's Eve, with the opportunity's close."),
    ("de", "2026-12-24", "Frau Schmidt, das Angebot läuft an Heiligabend ab, wie im Abschlussdatum vereinbart."),
    ("fr", "2026-12-25", "Claire, l'offre expire à Noël, date de clôture convenue."),
    ("es", "2026-12-24", "Javier, la oferta vence en Nochebuena, la fecha de cierre acordada."),
])
def test_a_lapse_on_a_holiday_the_records_close_date_falls_on_passes_where_another_day_is_refused(
        lang: str, close_date: str, sentence: str) -> None:
    assert not holiday_lapses(sentence, _ctx(RECORD[lang], {"close_date": close_date})), sentence
    assert _carries(holiday_lapses(sentence, _ctx(RECORD[lang], {"close_date": "2027-02-10"})), LAPSE), sentence


def test_a_lapse_on_the_records_close_date_passes_only_while_it_is_to_come() -> None:
    dated = _ctx("hubspot_deal", {"close_date": "2026-12-24"})
    assert holiday_lapses("The offer expired on Christmas Eve.", dated)  # a lapse said as done is pressure, not a date
    assert not holiday_lapses("The offer expires on Christmas Eve.", dated)
    assert holiday_lapses("The offer expires on Christmas Eve.", _ctx("hubspot_deal", {}))
