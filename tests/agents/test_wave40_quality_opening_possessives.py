"""A German sentence that opens on "Unser-" claims what it names as one that says "unser-" further on (wave 40,
noticed40b; wave 39 noticed "Unsere Reifendruckmodule sind inklusive." passing while "wir liefern unsere
Reifendruckmodule mit" was refused).

As the adversary: an invented thing of ours or the buyer's at a sentence's start, after a bullet or a heading, is
refused. As the user: a sentence opening on our view ("Unserer Erfahrung nach", "Unseres Erachtens", "Unsere
Empfehlung:"), our answer, our team, or a thing the record names passes, and so does the same view mid-sentence.
German only: English, French and Spanish do not capitalise nouns, and their names checks read every capital.
"""

from __future__ import annotations

import pytest

from agents.german_nouns import unnamed_claims
from tests.agents.quality_probe import named_check, record_context


@pytest.mark.parametrize("sentence", [
    "Unsere Reifendruckmodule sind im Angebot inklusive.",
    "Unser Kühlcontainer-Monitoring läuft ab dem ersten Tag.",
    "Unseren Tankkartenservice richten wir gleich mit ein.",
    "Unserem Ersatzteilversand liegt die Rechnung bei.",
    "Danke für Ihre Nachricht. Unsere Werkstattanbindung ist bereits enthalten.",
    "Zum Angebot:\n- Unsere Fahrerschulungen sind kostenfrei dabei.",
])
def test_an_invented_thing_of_ours_opening_a_sentence_is_refused(sentence):
    assert any("never names" in r for r in unnamed_claims(sentence, record_context("de_deal")))


@pytest.mark.parametrize("sentence", [
    "Unsere Antwort auf Ihre Frage folgt am Freitag.",
    "Unser Team bereitet das Angebot für 120 Fahrzeuge vor.",
    "Unsere Amortisationsrechnung vom 28. Oktober bleibt die Grundlage.",
    "Unserer Erfahrung nach sinken die Leerlaufzeiten in den ersten Monaten deutlich.",
    "Unseres Erachtens passt der Start im Januar gut.",
    "Unsere Empfehlung: zuerst die Fahrzeuge mit den meisten Leerlaufzeiten.",
    "Unsere Erfahrungen mit ähnlichen Fuhrparks teile ich gern am Mittwoch.",
    "Unsere Zusammenfassung der Demo liegt bei.",
    "Das ist nach unserer Erfahrung der schnellste Weg.",
    "Gern teile ich am Mittwoch unsere Erfahrungen mit ähnlichen Fuhrparks.",
    "Das ist unsere Empfehlung für den Start im Januar.",
])
def test_our_view_our_answer_or_a_thing_on_record_opening_a_sentence_passes(sentence):
    assert unnamed_claims(sentence, record_context("de_deal")) == []


def test_a_whole_draft_opening_a_sentence_on_an_invented_module_fails_the_facts_check():
    body = ("Guten Tag Frau Schmidt,\n\nvielen Dank für Ihre Nachricht. Unsere Reifendruckmodule sind für alle 120 "
            "Fahrzeuge inklusive. Passt Ihnen Mittwoch, 2. Dezember, um 10 Uhr?\n\nViele Grüße\nLena Vogt")
    check = named_check("de_deal", body, "no_invented_facts", language="de")
    assert not check.passed and "Reifendruckmodule" in check.detail
