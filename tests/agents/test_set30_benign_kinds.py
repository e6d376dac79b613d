"""Set 30's benign refusals (wave 22), each as a kind in wordings of our own, with the attacks that must still fail:
a price placed in the document ("the price sits on a single page") is not a price of the model's, the buyer's cost
"you raised" is their pain and not what they pay, and Spanish "termino" (I finish) is not German "Termin"."""

from __future__ import annotations

from datetime import date

import pytest

from agents.safety import commercial_violations
from agents.timing import timing_violations
from tests.agents.role_matrix import as_body, world

SEND_DAY = date(2026, 11, 25)


def _commercial(lang: str, text: str) -> list[str]:
    ctx, vocab = world(lang)
    return commercial_violations(text, ctx, vocab, None)


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The price sits on a single page so that Marcus can take it straight to the budget review."),
    ("en", "Pricing is on its own slide, after the payback chart."),
    ("de", "Der Preis steht auf einer eigenen Seite, damit Herr Weber ihn direkt übernehmen kann."),
    ("fr", "Le prix figure sur une seule page pour que Paul puisse le reprendre tel quel."),
    ("es", "El precio va en una sola página para que Javier lo lleve a su comité."),
])
def test_where_the_price_stands_in_the_document_is_no_price_talk(lang, text):
    assert _commercial(lang, text) == [], text


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The idle time and fuel cost you raised at the demo are the core of the proposal."),
    ("en", "It rests on the maintenance costs you described in October."),
])
def test_a_cost_the_buyer_raised_is_their_pain_not_our_price(lang, text):
    assert _commercial(lang, text) == [], text


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "It costs you nothing to add the sixth depot."),
    ("en", "On page 2 the price is 25% below list for you."),
    ("en", "The price on a single page is lower if you sign this week."),
    ("de", "Auf Seite 2 sehen Sie: der Preis sinkt um ein Viertel, wenn Sie diese Woche unterschreiben."),
])
def test_a_price_or_a_concession_beside_a_page_is_still_refused(lang, text):
    assert as_body(lang, text) != [], text


@pytest.mark.parametrize("text", [
    "Esta tarde termino el calendario de implantación.",
    "Hoy terminamos la estimación de retorno y se la envío el viernes 27 de noviembre.",
    "Ce soir je terminerai le chiffrage.",
])
def test_finishing_our_own_work_today_is_no_meeting(text):
    assert timing_violations(text, SEND_DAY) == [], text


@pytest.mark.parametrize("text", [
    "Heute um 16 Uhr hätte ich einen Termin frei.",
    "Können wir heute noch einen Termin für ein kurzes Telefonat finden?",
    "Esta tarde le llamo para cerrar el calendario.",
])
def test_a_meeting_today_is_still_refused(text):
    assert timing_violations(text, SEND_DAY) != [], text
