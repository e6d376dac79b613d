"""A draft in note form ("Ziel: Termin zur Durchsicht des Angebots vereinbaren.") has few function words, and the ones
it has may be another language's too: German "des" is French "des". Such a draft is read in its own language, its
nouns as nouns, not as names (wave 33, set 42's de-g9, read as French); French and Spanish notes stay theirs."""

from __future__ import annotations

import pytest

from agents import AgentSettings
from agents.context import build_context
from agents.facts import build_vocabulary
from agents.models import Draft, Recipient
from agents.names import guess_language
from agents.next_steps import script_asks
from agents.quality import check_draft_quality
from tests.agents.conftest import NOW, load_record


@pytest.mark.parametrize(("text", "language"), [
    ("Ziel: Termin zur Durchsicht des Angebots vereinbaren.", "de"),
    ("- Bezug: Rechnung vom 28. Oktober\n- Preis des Pakets unverändert", "de"),
    ("Nächster Schritt: Freigabe des Budgets oder Rückruf von Herrn Weber", "de"),
    ("Objectif : présentation des licences pour les ateliers", "fr"),
    ("Objetivo: revisión de la propuesta con el calendario", "es"),
    ("Goal: agree a date for the review of the proposal", "en"),
])
def test_a_note_with_few_function_words_is_read_in_its_own_language(text, language):
    assert guess_language(text) == language


def test_a_german_call_script_in_note_form_passes_the_language_and_name_checks():
    record, scores = load_record("de_deal")
    weber = next(c for c in record.contacts if c.id == "702")
    body = ("Ziel: Rückruf zur Klärung des Angebots.\n\n- Bezug: Demo vom 14. Oktober, 120 Fahrzeuge\n"
            "- Angebot geht am Freitag, 27. November, an Frau Schmidt\n"
            "- Vorschlag: Dienstag, 1. Dezember, 10 Uhr oder Mittwoch, 2. Dezember, 14 Uhr\n"
            "- Keinen Rabatt zusagen; Betrag 36.000 EUR")
    draft = Draft(to=Recipient(contact_id="702", name=weber.name, email=weber.email), channel="call",
                  kind="call_script", subject="Gesprächsleitfaden Herr Weber", body=body, language="de",
                  tone="formal")
    ctx = build_context(record, scores, now=NOW)
    failed = {c.name: c.detail for c in check_draft_quality(draft, ctx, build_vocabulary(ctx, score_figures=False),
                                                            AgentSettings()) if not c.passed}
    assert "in_buyer_language" not in failed, failed
    assert not any("Klärung" in d or "Rabatt" in d for d in failed.values()), failed


@pytest.mark.parametrize("line", [
    "Ziel: Termin zur Durchsicht des Angebots vereinbaren.",
    "- Ziel: Rückfragen zum Angebot mit Herrn Weber klären",
    "- Terminvorschlag: Mittwoch, 2. Dezember, 10 Uhr oder Donnerstag, 3. Dezember, 9 Uhr",
    "- Proposed slots: Wednesday, December 2 at 10 am or Thursday, December 3 at 9 am",
    "- Créneaux proposés : mercredi 2 décembre à 10 h ou jeudi 3 décembre à 9 h",
    "- Horarios propuestos: miércoles 2 de diciembre a las 10:00 o jueves 3 de diciembre a las 9:00",
])
def test_a_call_script_line_that_asks_after_a_label_or_with_the_german_verb_last_counts_as_an_ask(line):
    assert script_asks(line) == 1


@pytest.mark.parametrize("line", [
    "- Ziel: das Angebot erklären",
    "- Terminvorschlag: noch offen",
    "- Proposed slots: none yet",
])
def test_a_labelled_line_with_no_ask_and_no_day_counts_as_none(line):
    assert script_asks(line) == 0
