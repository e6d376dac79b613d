"""A partner status, a voucher or a flat price put to the buyer as a question (issue 11, wave 41, offers41).

Wave 39 decided (agents.offered_questions) that a question put as a proposal offers as surely as a statement; wave
40's agents.stated_terms skipped every question, so "Would a flat fee per depot make the budget review easier?" passed
the flat-price rule while the concept rules refused "Would a free month help?". One policy now: the proposal frames
of agents.offered_questions, in en/de/fr/es, make a question a statement for partner_status, vouchers and flat_prices.
A question about the buyer's own situation, a proposal that names the buyer's own thing ("use your vouchers from the
fair") and a question the buyer put, reported, still state nothing.

Tested as the adversary (every frame family in the four languages, the negative modal, "if you like, I can ...") and as
the user (questions about the buyer, the buyer's own vouchers, reported asks, a frame with no term).
"""

from __future__ import annotations

import pytest

from tests.agents.wave40_set52_cases import refusals

RECORD = {"en": "hubspot_deal", "de": "de_deal", "fr": "fr_deal", "es": "es_opportunity"}
_RULES = ("(a voucher)", "(a flat price or no limit)", "a partner status or tier")


def _ours(lang: str, text: str) -> list[str]:
    return [r for r in refusals(RECORD[lang], text, internal=False) if any(rule in r for rule in _RULES)]


@pytest.mark.parametrize("lang, text", [
    ("en", "Would a flat fee per depot make the budget review easier?"),
    ("en", "How about a flat rate for all 6 depots?"),
    ("en", "What if we made it unlimited users?"),
    ("en", "Shall we add training vouchers for your drivers?"),
    ("en", "Could we offer you gold partner status for the pilot?"),
    ("en", "Can we give you a flat fee instead?"),
    ("en", "Wouldn't a flat fee be simpler for your budget review?"),
    ("en", "If you like, I can add fuel vouchers for the drivers?"),
    ("de", "Wie wäre es mit einem Pauschalpreis für alle Standorte?"),
    ("de", "Sollen wir Ihnen Tankgutscheine für die Fahrer beilegen?"),
    ("de", "Möchten Sie den Premium-Partnerstatus für das erste Jahr?"),
    ("de", "Würde ein Pauschalpreis die Budgetplanung erleichtern?"),
    ("fr", "Et si nous passions à un prix forfaitaire pour les 6 ateliers ?"),
    ("fr", "Que diriez-vous de bons de formation pour vos chefs d'atelier ?"),
    ("fr", "Un statut de partenaire privilégié vous aiderait-il ?"),
    ("es", "¿Y si le ofrecemos una tarifa plana por ruta?"),
    ("es", "¿Le interesaría el estatus de socio preferente?"),
    ("es", "¿Qué tal vales de formación para los conductores?"),
    ("de", "Wäre ein Pauschalpreis nicht einfacher?"),
    ("fr", "Un forfait tout compris ne serait-il pas plus simple ?"),
    ("es", "¿No sería más sencilla una tarifa plana?"),
])
def test_a_term_put_as_a_proposal_question_is_refused_in_every_language(lang, text):
    assert _ours(lang, text)


@pytest.mark.parametrize("lang, text", [
    ("en", "If you like, I can add training vouchers for the drivers."),
    ("de", "Wenn Sie möchten, lege ich Tankgutscheine für die Fahrer bei."),
    ("fr", "Si vous voulez, je peux ajouter des bons de formation."),
    ("es", "Si quiere, le incluyo vales de formación para los conductores."),
])
def test_an_offer_after_if_you_like_said_as_a_statement_stays_refused(lang, text):
    """Guard: a statement was read before and still is."""
    assert _ours(lang, text)


@pytest.mark.parametrize("lang, text", [
    ("en", "Are you a certified partner?"),
    ("de", "Haben Sie noch Gutscheine von der Messe?"),
    ("fr", "Avez-vous déjà un forfait illimité ?"),
    ("es", "¿Tienen ya una tarifa plana con su proveedor actual?"),
    ("en", "Is your current contract a flat rate?"),
    ("en", "Does your current provider give you unlimited users?"),
    ("de", "Sind Sie bereits Premium-Partner bei Ihrem Lieferanten?"),
    ("en", "Dana asked: would a flat fee help?"),
    ("en", "Would you like to use your vouchers from the fair?"),
    ("de", "Möchten Sie Ihre Gutscheine von der Messe einlösen?"),
    ("fr", "Voulez-vous utiliser vos bons d'achat du salon ?"),
    ("es", "¿Quiere que usemos sus vales de compra de la feria?"),
    ("fr", "Et si vous nous disiez combien de véhicules vous comptez ?"),
    ("en", "Would a call on Thursday help?"),
    ("en", "Would it help if we did not charge a flat fee but priced each truck?"),
    ("de", "Einen Pauschalpreis bieten wir nicht an; wäre das ein Problem?"),
    ("de", "Wäre es nicht einfacher, wenn Sie uns Ihre Flottenliste schicken?"),
    ("de", "Ist Ihr Pauschaltarif beim jetzigen Anbieter nicht einfacher?"),
    ("es", "No ofrecemos tarifa plana; ¿sería más sencillo por camión?"),
    ("en", "Would you like to keep your gold partner status?"),
])
def test_a_question_about_the_buyer_or_their_own_things_passes(lang, text):
    """Guard: these passed before the proposal reading and must keep passing with it."""
    assert not _ours(lang, text)


@pytest.mark.parametrize("lang, text", [
    ("es", "Javier preguntó si una tarifa plana le ayudaría."),
    ("en", "Dana asked whether a flat fee per depot would be possible."),
    ("de", "Herr Weber fragte, ob ein Pauschalpreis möglich wäre."),
    ("fr", "Claire a demandé si un forfait illimité était possible."),
])
def test_a_buyers_question_reported_as_a_statement_passes(lang, text):
    assert not _ours(lang, text)


@pytest.mark.parametrize("lang, text", [
    ("en", "Dana asked whether a flat fee per depot is possible, which we confirmed."),
    ("de", "Herr Weber fragte, ob ein Pauschalpreis möglich ist; das haben wir zugesagt."),
])
def test_a_reported_ask_the_sentence_grants_stays_refused(lang, text):
    """Guard: refused before (a statement), and the reported-ask reading must not let the grant through."""
    assert _ours(lang, text)
