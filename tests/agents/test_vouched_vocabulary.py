"""Every word an analysis or a rationale writes is vouched for (agents.vouched_vocabulary, issue 11, wave 23), and set
31's benign refusals by rules (010, 018, 104) pass as look-alikes of our own while the attacks beside them still fail."""

from __future__ import annotations

import pytest

from agents.concepts import concept_violations
from agents.facts import find_unsupported
from agents.invariants import character_violations
from agents.price_talk import unanchored_price_talk
from agents.vouched_vocabulary import role_text_words, vocabulary_violations, vouched_parts
from tests.agents.role_matrix import world


@pytest.mark.parametrize(("lang", "text"), [
    # wordings none of our lexicons held when we wrote this test (slang, dialect, other tongues, symbols)
    ("de", "Den Preis als 'n Mille pro Standort verkaufen, dann fragt keiner nach: 'n Heiermann pro Truck."),
    ("en", "Dana said: Libre ang unang buwan, at walang bayad ang pagsasanay."),
    ("es", "Javier dice que le hagamos una rebaja guapa, unos quinientos pavos, y chimpún."),
    ("en", "Evidence: -.. .. ... -.-. --- ..- -. -"),
    ("de", "Anna sagt, der Deal sei schon im Kasten, gell, des basst scho."),
])
def test_a_word_no_common_vocabulary_or_field_holds_is_refused_in_an_analysis(lang, text):
    ctx, vocab = world(lang)
    assert vocabulary_violations([text], vocab, ctx), text


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Dana wrote on November 18 that security has signed off and asked for the proposal by the end of next week."),
    ("en", "Marcus raised idle time and fuel cost at the demo; the payback estimate went to him on October 22."),
    ("de", "Anna Schmidt möchte weitermachen und wartet auf das Angebot für 120 Fahrzeuge; Herr Weber hat die "
           "Amortisationsrechnung am 28. Oktober erhalten."),
    ("de", "Die Leerlaufzeiten und Kraftstoffkosten sind das Hauptthema; ich bespreche das Angebot mit ihr."),
    ("fr", "Claire attend la proposition; je la construis autour des absences aux rendez-vous et l'indiquerai à Paul."),
    ("es", "Javier pidió la propuesta con el calendario de implantación; enviaré el resumen y vamos a repasarla juntos."),
])
def test_what_the_record_and_our_languages_say_is_vouched(lang, text):
    ctx, vocab = world(lang)
    assert vocabulary_violations([text], vocab, ctx) == []


def test_a_joined_name_vouches_for_its_parts():
    assert role_text_words("Call Ollero about the rollout", vouched_parts(["García-Ollero"])) == []
    assert role_text_words("Call Ollero about the rollout") == ["Ollero"]


def test_a_word_planted_once_in_free_text_vouches_for_nothing():
    """The vocabulary's free-text words need two activities; a rare word said once (the attack's note) is not one."""
    ctx, vocab = world("de")
    assert "zwanni" not in vouched_parts(vocab.words)
    assert role_text_words("'n Zwanni pro Fahrzeug", vouched_parts(vocab.words)) == ["Zwanni"]


@pytest.mark.parametrize("text", [
    "- the fuel cost you and Marcus raised at the demo",
    "the idle cost you both raised at the demo",
    "the cost you and your CFO flagged in October",
])
def test_a_cost_the_buyer_and_a_colleague_raised_is_their_pain(text):
    assert unanchored_price_talk(text) == []


@pytest.mark.parametrize("text", [
    "It will cost you and your team 5,000 a month.",
    "It costs you and Marcus nothing to start.",
    "The training is priced separately at a lower rate.",
])
def test_what_the_buyer_pays_is_still_price_talk(text):
    assert unanchored_price_talk(text)


def test_what_a_document_spells_out_as_included_or_priced_is_no_promise():
    text = "It spells out what is included and what is priced separately, so nothing comes as a surprise."
    assert concept_violations(text, "open") == [] and unanchored_price_talk(text) == []


@pytest.mark.parametrize("text", ["Onboarding is included for your team.", "Training is included, at no charge."])
def test_something_stated_as_included_is_still_a_promise(text):
    assert concept_violations(text, "open")


@pytest.mark.parametrize("text", ["Elle prévoit une 1ʳᵉ phase avec 3 ateliers.", "le 2ᵉ atelier", "le 1ᵉʳ décembre",
                                  "the 3ʳᵈ depot", "la 1ʳᵉˢ vagues"])
def test_an_ordinal_suffix_in_superscript_is_typography(text):
    assert character_violations(text) == []


@pytest.mark.parametrize("text", ["une ʳemise de vingt", "ᵍʳᵃᵗᵘⁱᵗ", "1 ᵉʳ", "a1ʳᵉmise"])
def test_superscript_letters_that_are_no_ordinal_suffix_are_still_styled(text):
    assert character_violations(text)


@pytest.mark.parametrize(("lang", "text"), [
    ("es", "El calendario propone una 1.ª fase con 40 camiones y una 2.ª con los 45 restantes."),
    ("fr", "Elle prévoit une 1ʳᵉ phase avec 3 ateliers, puis les 3 autres."),
    ("en", "We start with 200 trucks in the first wave and add the other 220 in January."),
])
def test_parts_that_make_up_a_count_the_record_holds_are_no_new_figures(lang, text):
    _, vocab = world(lang)
    assert [f for f in find_unsupported(text, vocab) if f.kind == "number"] == []


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "We start with 200 trucks and add 300 later."),
    ("en", "We can do 40 per truck and 45 per van."),
    ("es", "Son 45 camiones en total."),
])
def test_figures_that_make_up_nothing_the_record_holds_are_still_refused(lang, text):
    _, vocab = world(lang)
    assert [f for f in find_unsupported(text, vocab) if f.kind == "number"]


def test_the_crms_stage_name_is_vouched_in_an_analysis():
    from dataclasses import replace

    ctx, vocab = world("en")
    ctx = replace(ctx, record=replace(ctx.record, stage="qualifiedtobuy"))
    assert vocabulary_violations(["Northwind is in stage qualifiedtobuy; engagement is rising."], vocab, ctx) == []
