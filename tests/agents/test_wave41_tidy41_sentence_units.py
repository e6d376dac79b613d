"""The private sentence and clause splits moved onto agents.sentence_ends, and stated_terms' negation words onto
agents.negation (wave 41, tidy41).

A plain `re.split` at ". " cut a sentence at "e.g.", "incl.", "z. B.", "p. ex." and "p. ej.", so a check that needs
two words of one sentence read them in two halves: a lease with nothing down, a price held for every renewal, or a
price move the same sentence declines."""

from __future__ import annotations

import pytest

from agents.claims import discount_violations
from agents.context import build_context
from agents.financing_terms import financing_terms
from agents.held_increases import renewal_locks
from agents.moving_price import falling_prices
from agents.named_systems import unrecorded_systems
from agents.negation import denied_in_clause
from agents.placed_orders import placed_orders
from agents.sentence_ends import clause_parts, clause_pieces
from tests.agents.conftest import NOW, load_record


@pytest.mark.parametrize(("text", "parts"), [
    ("The price stays at USD 48,000; I can add a seat. Dr. Lee signs.",
     ["The price stays at USD 48,000;", "I can add a seat.", "Dr. Lee signs."]),
    ("Wir liefern am 28. Oktober, z. B. nach Hamburg; danach folgt die Rechnung.",
     ["Wir liefern am 28. Oktober, z. B. nach Hamburg;", "danach folgt die Rechnung."]),
    ("No. We sign Friday.\nLe prix, env. 3.5 k, reste fixe ; merci.",
     ["No.", "We sign Friday.", "Le prix, env. 3.5 k, reste fixe ;", "merci."]),
])
def test_clause_parts_cut_sentences_where_they_end_and_after_each_semicolon(text: str, parts: list[str]) -> None:
    assert clause_parts(text) == parts


def test_clause_pieces_cut_after_every_mark_as_the_six_checks_that_kept_their_own_pattern_did() -> None:
    """Guard: the coarse unit of agents.payment_moments and its five neighbours, moved as it was. Wave 42 (noticed42,
    item 8 of wave 41's notes): a decimal point no longer cuts ("EUR 2.5k" stays whole); every other mark still does."""
    assert clause_pieces("The balance of EUR 2.5k is due on signature; thanks!\nBest") == [
        "The balance of EUR 2.5k is due on signature;", " thanks!", "Best"]


@pytest.mark.parametrize(("prefix", "rest", "denied"), [
    ("We do not offer a ", " to anyone", True),
    ("Einen ", " gibt es nicht", True),
    ("Nous n'offrons pas de ", "", True),
    ("No ofrecemos ", "", True),
    ("No doubt, we grant a ", " here", False),
    ("We never said that, but we offer a ", "", False),
])
def test_a_term_is_denied_only_by_a_negation_in_its_own_clause(prefix: str, rest: str, denied: bool) -> None:
    """Guard: stated_terms' negation reader, moved to agents.negation as it was."""
    assert denied_in_clause(prefix, rest) is denied


@pytest.mark.parametrize("text", [
    "The lease, e.g. over 36 months, comes with no money down.",
    "Das Leasing, z. B. über unsere Bank, ist ohne Anzahlung möglich.",
    "Le leasing, p. ex. sur 36 mois, est sans apport.",
    "El renting, p. ej. a 36 meses, va sin entrada.",
])
def test_a_lease_with_nothing_down_is_read_across_an_abbreviation(text: str) -> None:
    assert financing_terms(text)


@pytest.mark.parametrize("text", [
    "Das Leasing, z. B. über unsere Bank, ist nicht ohne Anzahlung möglich.",
    "Wäre ein Leasing, z. B. ohne Anzahlung, für Sie interessant?",
    "The lease runs 36 months. No money down was needed for the demo units, e.g. the two scanners?",
])
def test_a_denied_or_asked_lease_with_nothing_down_still_passes(text: str) -> None:
    """Guard: the benign look-alikes (a negation, a question across the abbreviation) pass on both splits."""
    assert financing_terms(text) == []


@pytest.mark.parametrize("text", [
    "The price, incl. support, is locked for every renewal.",
    "Ihr Preis, inkl. Support, ist für jede Verlängerung festgeschrieben.",
    "Le prix, env. 40 EUR par poste, est bloqué pour chaque renouvellement.",
    "El precio, aprox. 40 EUR por puesto, queda congelado para cada renovación.",
])
def test_a_price_held_for_every_renewal_is_read_across_an_abbreviation(text: str) -> None:
    assert renewal_locks(text)


@pytest.mark.parametrize("text", [
    "Ihr Preis, inkl. Support, ist nicht für jede Verlängerung festgeschrieben.",
    "Ist Ihr Preis, inkl. Support, für jede Verlängerung festgeschrieben?",
    "The price is locked for now; for every renewal we talk again.",
])
def test_a_denied_asked_or_other_clause_renewal_hold_still_passes(text: str) -> None:
    """Guard: a negation, a question, and a hold and a renewal in two clauses pass on both splits."""
    assert renewal_locks(text) == []


def test_a_price_move_the_same_sentence_declines_after_an_abbreviation_is_no_offer() -> None:
    assert discount_violations("I know a lower price came up, e.g. from Acme; I cannot offer one.", 0.0) == []


def test_a_price_move_declined_only_in_the_next_sentence_is_still_an_offer() -> None:
    """Guard: the declining sentence covers itself only."""
    assert discount_violations("I know a lower price came up, e.g. from Acme. I cannot offer one.", 0.0)


def test_an_order_placed_on_a_german_day_is_read_in_one_clause() -> None:
    assert placed_orders("Herr Weber hat den Auftrag am 3. Dezember erteilt.", "open")


@pytest.mark.parametrize("text", [
    # set 52's 129 (h52-title-de-weber-muendlich-erteilt): the one detail the wave's verdict dumps moved
    "Da Herr Weber den Auftrag erteilt hat, schicke ich die Auftragsbestätigung vom 28. Oktober.",
    "Mr. Weber placed the purchase order, e.g. for 120 trucks, yesterday.",
    "M. Weber a passé la commande, p. ex. pour 120 camions, hier.",
    "El Sr. Weber emitió la orden de compra, p. ej. para 120 camiones, ayer.",
])
def test_an_order_stated_placed_is_quoted_as_its_whole_clause(text: str) -> None:
    assert placed_orders(text, "open") == [
        f"deal state by purchase order: an order stated as issued or received on an open deal: {text!r}"]


def test_an_order_not_yet_placed_on_a_german_day_still_passes() -> None:
    """Guard: the negation stays in the clause it reads."""
    assert placed_orders("Herr Weber hat den Auftrag am 3. Dezember noch nicht erteilt.", "open") == []


@pytest.mark.parametrize(("record", "text"), [
    # set 35's de-b4: the other detail the wave's verdict dumps moved (still refused)
    ("de_deal", "Anbei unser Angebot inkl. SAP-Anbindung."),
    ("hubspot_deal", "Attached is our offer incl. the SAP integration."),
    ("es_opportunity", "Adjunto nuestra oferta, p. ej. con la integración con SAP."),
])
def test_a_system_nobody_named_is_quoted_with_its_whole_sentence(record: str, text: str) -> None:
    ctx = build_context(*load_record(record), now=NOW)
    assert unrecorded_systems(text, ctx) == [f"connects with a system the record never names (SAP): {text!r}"]


def test_a_system_we_say_we_do_not_connect_still_passes() -> None:
    """Guard: a negation across an abbreviation."""
    assert unrecorded_systems("Wir binden z. B. kein SAP an.", build_context(*load_record("de_deal"), now=NOW)) == []


def test_a_sentence_ending_in_an_english_date_does_not_lend_its_rise_to_the_next_ones_cheaper_add_on() -> None:
    # set 50's 050 and 134: the one reason the wave's verdict dumps dropped (both still caught for the rest)
    assert falling_prices("Engagement is rising: three pricing-page visits since October 20 and a question about a "
                          "2-year term on November 19. The open risk is the cheaper telematics add-on Dana mentioned.") == []


@pytest.mark.parametrize("text", [
    "The price goes down on November 19. Thanks.",
    "Der Preis sinkt am 19. November.",
    "Le prix baisse le 19 novembre.",
    "El precio baja el 19 de noviembre.",
])
def test_a_price_said_to_go_down_on_a_day_is_still_refused(text: str) -> None:
    """Guard: the day's full stop, German or English, keeps the falling price in its sentence."""
    assert falling_prices(text)
