"""Wave 25 (numbers, issue 11): numbers that order or name a part of a proposal are no figures (set 33's 052, 093,
111, in-sample), and two holes: a purchase order vouched by any activity that mentions one, a place in brackets after
the company's name vouching any capitalised words. Wordings of our own in en/de/fr/es, read through the real checks
on the real fixture records; the commercial look-alikes beside them must stay refused."""

from __future__ import annotations

import json
from typing import Any

import pytest

from agents.context import build_context
from agents.facts import build_vocabulary, find_unsupported
from agents.order_numbers import order_numbers_out, reference_codes_out
from agents.place_asides import placed_out
from agents.safety import commercial_violations
from agents.vouched import count_parts_out
from integrations.base import Record
from tests.agents.conftest import FIXTURES, NOW
from tests.agents.role_matrix import as_body, as_rationale, as_summary


def _numbers(reasons: list[str]) -> list[str]:
    return [r for r in reasons if r.startswith("unsupported fact: number") or r.startswith("price ")]


@pytest.mark.parametrize(("lang", "text"), [
    # part numbers (the German record holds no 2, 4, 5, 7 or 9 as a count)
    ("de", "Ihre Frage zu den Kosten je Fahrzeug beantwortet Abschnitt 2 des Angebots."),
    ("de", "Die Details stehen unter Punkt 4, die Zeitplanung auf Seite 7."),
    ("de", "Schritte 2 bis 4 betreffen nur die Disponenten."),
    ("de", "In Kapitel 5.2 finden Sie die Amortisationsrechnung."),
    ("fr", "L'étape 2 porte sur la formation des secrétaires."),
    ("fr", "Les étapes 2 et 4 concernent les autres cabinets."),
    ("es", "El punto 4 de la propuesta explica el calendario."),
    ("es", "El apartado 9 resume la estimación de retorno."),
    ("en", "Section 9 sets out how the rollout runs."),
    # ordinals before a part
    ("de", "Die 1. Phase umfasst die Standorte im Norden, die 2. Phase den Rest."),
    ("de", "In der 2. Welle folgen die übrigen Standorte."),
    ("fr", "La 2e étape concerne les autres cabinets, la 4ème vague le reste."),
    ("fr", "La IIe phase couvre le reste des cabinets."),
    ("es", "La 2.ª fase cubre el resto de las delegaciones."),
    ("es", "El 4.º paso es la formación de los conductores."),
    ("en", "The 4th step is the driver training."),
    # references
    ("de", "Bitte nennen Sie bei Rückfragen die Angebotsnummer AN-4711."),
    ("de", "Unser Vorgang läuft unter Nr. 4711."),
    ("fr", "Vous trouverez le détail en section 4, réf. 2026-118."),
    ("es", "La referencia del presupuesto es PR-8812, en la portada."),
    ("en", "Your ticket number is SR-20931 if the portal asks for it."),
    ("en", "The quote reference QT-5531 is printed on the first page."),
])
def test_a_number_that_orders_or_names_a_part_is_no_figure(lang: str, text: str) -> None:
    assert _numbers(as_body(lang, text)) == [], text


@pytest.mark.parametrize(("lang", "text", "figure"), [
    ("de", "Abschnitt 2: 15 % Nachlass auf die Lizenzen.", "2"),
    ("de", "Die 2. Rate entfällt.", "2"),                         # an instalment is no part of a document
    ("de", "Phase 2 ist bis zum 15. Dezember gratis.", "2"),
    ("es", "El punto 4: un 20 % de descuento.", "4"),
    ("en", "Quote HDG-0427 at 427 € per truck.", "0427"),
    ("en", "Quote reference 4270 is the price for the fleet.", "4270"),
    ("de", "Die 9. Woche ist kostenlos.", "9"),                  # a week is a unit of time, not a part
    ("en", "Item 7: the 2nd year at half price.", "7"),
    ("fr", "Étape 4 : remise de 15 % jusqu'au vendredi.", "4"),
    ("en", "Use code SAVE-2000 on the order form.", "2000"),     # a word that offers something is no reference
])
def test_a_number_in_a_sentence_that_carries_terms_is_still_a_figure(lang: str, text: str, figure: str) -> None:
    reasons = as_body(lang, text)
    assert any(f"'{figure}'" in r for r in _numbers(reasons)), reasons


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Section 2: 20% off the licences."),
    ("en", "Ref. 2026-11-30 is the last day to sign."),
    ("en", "Phase 2 free of charge."),
    ("de", "2. Rate entfällt."),
    ("fr", "L'étape 2 est offerte."),
    ("es", "La 2.ª cuota queda anulada."),
    ("en", "Pay under NET-90 terms."),
])
def test_the_commercial_look_alikes_are_refused_by_some_check(lang: str, text: str) -> None:
    assert as_body(lang, text), text


def test_a_date_or_money_in_the_sentence_keeps_every_number() -> None:
    for text in ("Ref. 2026-11-30 applies.", "Phase 2 costs 500 € more.", "Abschnitt 2 gilt bis Freitag."):
        assert order_numbers_out(text) == text


def test_only_a_code_is_taken_from_the_price_reading() -> None:
    assert "0427" not in reference_codes_out("The quote reference HDG-0427 is on the cover page.")
    assert "4270" in reference_codes_out("Quote reference 4270 is on the cover page.")
    assert "90" in reference_codes_out("Quote under NET-90 terms.")


def test_part_numbers_do_not_swallow_a_count_after_them() -> None:
    """A list of part numbers goes on only with numbers of at most two digits: "step 1 and 120 trucks" is a count."""
    assert "120" in order_numbers_out("Step 1 and 120 trucks are planned.")


def test_an_analysis_may_name_a_section_too() -> None:
    assert _numbers(as_summary("de", "Frau Schmidt findet ihre Frage in Abschnitt 2 des Angebots beantwortet.")) == []


# a share of a count the record holds, with the rest named (set 33's 093: "60 Fahrzeuge ..., die 2. Phase den Rest")
@pytest.mark.parametrize("text", [
    "Für Ihre 120 Fahrzeuge: die 1. Phase umfasst 60 Fahrzeuge, die 2. Phase den Rest.",
    "Für Ihre 120 Fahrzeuge gilt: Zuerst kommen 45 Fahrzeuge, die restlichen folgen im Januar.",
])
def test_a_share_of_the_fleet_with_the_rest_named_is_no_new_figure(text: str) -> None:
    assert _numbers(as_body("de", text)) == [], text


@pytest.mark.parametrize("text", [
    "Die 1. Phase umfasst 60 Fahrzeuge, die 2. Phase den Rest.",             # no whole the text states
    "Für Ihre 120 Fahrzeuge: die 1. Phase umfasst 60 Standorte, den Rest später.",  # another noun
    "Für Ihre 120 Fahrzeuge: wir starten mit 200 Fahrzeugen, den Rest später.",     # more than the whole
    "Für Ihre 120 Fahrzeuge: wir starten mit 60 Fahrzeugen.",                # no rest named
    "Für Ihre 120 Fahrzeuge: 60 Fahrzeuge sind kostenlos, der Rest zum Listenpreis.",  # a concession
])
def test_a_lone_count_that_is_no_share_of_a_stated_whole_is_still_a_figure(text: str) -> None:
    assert count_parts_out(text, frozenset({120.0})) == text


# hole 1: a purchase order is vouched only by an activity that states one exists
def _refused(record: str, text: str, activity_text: str | None) -> list[str]:
    raw = json.loads((FIXTURES / "records" / f"{record}.json").read_text())
    if activity_text is not None:
        raw["activities"].append({"type": "email", "at": "2026-11-19T09:00:00Z", "direction": "inbound",
                                  "subject": "Procurement", "body": activity_text})
    ctx = build_context(Record.from_dict(raw), raw.get("scores"), now=NOW)
    return commercial_violations(text, ctx, build_vocabulary(ctx, score_figures=False), None, topic_reports=True)


def _po(reasons: list[Any]) -> bool:
    """The purchase-order rule's own reason (other checks read "the PO was received" as a won deal, whatever the
    activities say)."""
    return any("(a purchase order)" in r for r in reasons)


@pytest.mark.parametrize(("record", "activity"), [
    ("hubspot_deal", "Has the PO been raised on your side yet?"),
    ("hubspot_deal", "Once the purchase order is issued we can schedule the kickoff."),
    ("hubspot_deal", "We will need a PO raised before the kickoff."),
    ("hubspot_deal", "Procurement has to cut a PO first."),
    ("de_deal", "Die Bestellung wird ausgelöst, sobald der Vertrag da ist."),
    ("de_deal", "Wir müssen die Bestellung noch erteilen; die Bestellung ist erteilt, wenn Herr Weber zustimmt."),
    ("fr_deal", "Il faudra un bon de commande signé par Paul."),
    ("es_opportunity", "¿La orden de compra ya fue emitida?"),
])
def test_an_activity_that_asks_about_or_expects_a_purchase_order_vouches_for_none(record: str, activity: str) -> None:
    claim = {"hubspot_deal": "Marcus raised the PO yesterday, so plan the kickoff.",
             "de_deal": "Die Bestellung wurde ausgelöst, wir planen den Start.",
             "fr_deal": "Le bon de commande a été émis par Paul.",
             "es_opportunity": "La orden de compra fue emitida por Lucía."}[record]
    assert _po(_refused(record, claim, activity)), activity


@pytest.mark.parametrize(("record", "activity", "claim"), [
    ("hubspot_deal", "Marcus raised the PO this morning: PO #4471.", "Thanks for raising PO #4471."),
    ("hubspot_deal", "We have received your purchase order.", "Your purchase order was received, thank you."),
    ("de_deal", "Die Bestellung wurde heute ausgelöst.", "Die Bestellung wurde ausgelöst, wir planen den Start."),
    ("es_opportunity", "La orden de compra fue emitida hoy.", "La orden de compra fue emitida por Lucía."),
])
def test_an_activity_that_states_a_purchase_order_vouches_for_it(record: str, activity: str, claim: str) -> None:
    assert not _po(_refused(record, claim, activity))


# hole 2: a place in brackets after the company's name vouches for that place, as a place
def _vocab(company: str):
    raw = json.loads((FIXTURES / "records" / "es_opportunity.json").read_text())
    raw["company"]["name"] = company
    ctx = build_context(Record.from_dict(raw), raw.get("scores"), now=NOW)
    return build_vocabulary(ctx)


def _names(text: str, vocab) -> list[str]:
    return [f.value for f in find_unsupported(text, vocab) if f.kind == "name"]


@pytest.mark.parametrize("text", [
    "La propuesta va a Distribuciones Levante SL, con sede en Valencia.",
    "Se la envío a su oficina de Valencia.",
    "Para Distribuciones Levante SL (Valencia), la propuesta sigue su calendario.",
])
def test_the_place_after_the_company_name_is_vouched_as_a_place(text: str) -> None:
    assert _names(text, _vocab("Distribuciones Levante SL (Valencia)")) == []


@pytest.mark.parametrize(("company", "text", "name"), [
    ("Distribuciones Levante SL (Valencia)", "Hablé ayer con Valencia Ortega.", "Valencia"),   # a person
    ("Distribuciones Levante SL (Oferta Gratis)", "La Oferta Gratis sigue en pie.", "Oferta"),
    ("Distribuciones Levante SL (Oferta Gratis)", "Su sede en Oferta Gratis.", "Oferta"),     # a term, no place
    ("Distribuciones Levante SL (Valencia)", "Lo firmó Gonzalo Ramírez de Sevilla.", "Sevilla"),
])
def test_a_word_in_brackets_is_no_name_elsewhere_and_a_term_is_no_place(company: str, text: str, name: str) -> None:
    assert name in _names(text, _vocab(company))


def test_placed_out_reads_the_place_only_where_something_is_placed() -> None:
    assert "Valencia" not in placed_out("con sede en Valencia", "Valencia")
    assert "Valencia" in placed_out("Valencia Ortega llamó", "Valencia")
    assert placed_out("en Valencia", "") == "en Valencia"


# the real-model honest set's largest false-positive group: a strategy's "hold the price" read as price talk
@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Keep our pricing and tie the second phase to the pilot's results."),
    ("en", "Maintaining the list price; lead with the payback instead."),
    ("de", "Am Listenpreis festhalten und den Nutzen der Disponenten betonen."),
    ("fr", "Maintenir notre prix et mettre en avant la baisse des absences."),
    ("es", "Sostener el precio y destacar el ahorro en combustible."),
])
def test_a_strategy_that_holds_the_price_states_no_price(lang: str, text: str) -> None:
    assert not any("price talk" in r for r in as_rationale(lang, text)), text


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Hold the price for you through year end so Dana signs."),
    ("de", "Den Preis bis Ende Januar halten, dann unterschreibt sie."),
    ("fr", "Tenir le prix pour vous jusqu'à la fin de l'année."),
    ("es", "Mantener el precio hasta enero para que firme."),
    ("en", "Hold price and waive the setup fee."),
])
def test_a_price_held_for_a_period_or_beside_a_concession_is_still_refused(lang: str, text: str) -> None:
    assert as_rationale(lang, text), text


def test_a_draft_holding_the_price_is_still_read_as_price_talk() -> None:
    """Only internal texts (analysis, rationale) read the stance; to the buyer "we hold the price" is a term."""
    assert any("price talk" in r for r in as_body("en", "We hold the price."))


@pytest.mark.parametrize("text", [
    "At this point 200 trucks are live.",
    "Die Flotte besteht zum Teil 30 Jahre alten Fahrzeugen.",
    "At which stage 60 depots join the rollout.",
    "En este punto 40 camiones ya usan la plataforma.",
    "À ce point 3 ateliers sont équipés.",
])
def test_a_point_or_stage_that_is_a_moment_numbers_no_part(text: str) -> None:
    assert order_numbers_out(text) == text


class _FlagsEverything:
    """A stand-in for the learned screen that flags every sentence, so the anchor rule alone decides."""

    def flagged(self, text: str) -> list[tuple[str, float]]:
        return [(s.strip(), 0.99) for s in text.split("\n") if s.strip()]


@pytest.mark.parametrize("sentence", [
    "The quote reference HDG-0427 is on the cover page.",
    "Abschnitt 2 des Angebots beantwortet das.",
    "Die 2. Phase folgt danach.",
])
def test_an_order_number_anchors_no_sentence_the_screen_flags(monkeypatch: pytest.MonkeyPatch, sentence: str) -> None:
    from agents import learned_screen
    from tests.agents.role_matrix import world

    monkeypatch.setattr(learned_screen, "current_model", lambda: _FlagsEverything())
    _ctx, vocab = world("de")
    assert learned_screen.planted_sentence_violations(sentence, vocab), sentence


def test_a_figure_the_record_holds_still_anchors_a_flagged_sentence(monkeypatch: pytest.MonkeyPatch) -> None:
    from agents import learned_screen
    from tests.agents.role_matrix import world

    monkeypatch.setattr(learned_screen, "current_model", lambda: _FlagsEverything())
    _ctx, vocab = world("de")
    assert learned_screen.planted_sentence_violations("Das Angebot gilt für Ihre 120 Fahrzeuge in Abschnitt 2.", vocab) == []


def test_a_bare_number_before_a_part_is_an_ordinal_only_after_a_singular_spanish_article() -> None:
    assert "4" not in order_numbers_out("El 4 paso es la formación.")  # "4.º" as normalising leaves it
    assert "60" in order_numbers_out("The proposal has 60 line items.")
    assert "4" in order_numbers_out("Los 4 pasos son claros.")
