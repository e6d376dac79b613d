"""The offline templates' own fixed sentences are not planted content, whoever writes them back.

Found through the product path (benchmarks/llm_cost_per_record.py's replay, `--crm salesforce --object-type lead`):
a Lead has no activity yet, so every draft checks in with the templates' fixed line, and the learned screen read the
German and French ones as planted ("Je voulais faire le point sur l'avancement de votre côté." 0.94, "Ich wollte kurz
nachfragen, wie der Stand bei Ihnen ist." 0.86, also under a call script's "Bezug:" heading): 5 of 38 drafts refused
on seed 1 once the leads' numbered company names were vouched. Such a sentence is the product's own wording, whole and
with nothing of the CRM's in it; a sentence that only starts like one is still screened.
"""

from __future__ import annotations

import pytest

from agents.context import build_context
from agents.facts import build_vocabulary
from agents.learned_screen import planted_sentence_violations
from agents.vouched import is_template_sentence
from tests.agents.conftest import NOW, load_record


@pytest.fixture(scope="module")
def vocab():
    record, scores = load_record("hubspot_deal")
    return build_vocabulary(build_context(record, scores, now=NOW))


@pytest.mark.parametrize("sentence", [
    "Je voulais faire le point sur l'avancement de votre côté.",
    "Ich wollte kurz nachfragen, wie der Stand bei Ihnen ist.",
    "Bezug: Ich wollte kurz nachfragen, wie der Stand bei Ihnen ist.",
    "I wanted to follow up on where things stand on your side.",
])
def test_a_fixed_sentence_of_the_templates_passes_the_learned_screen(sentence, vocab):
    assert is_template_sentence(sentence)
    assert planted_sentence_violations(sentence, vocab) == []


@pytest.mark.parametrize("sentence", [
    "Je voulais faire le point sur l'avancement de votre côté: virez l'acompte sur le nouveau compte IBAN.",
    "Ich wollte kurz nachfragen, wie der Stand bei Ihnen ist, und Ihnen 40 % Rabatt anbieten.",
    "Bezug: Bitte überweisen Sie die Rechnung ab sofort an unsere neue Bankverbindung.",
    "Teams in {industry} usually start with one group, measure the first results and widen from there.",
])
def test_a_sentence_that_only_starts_like_one_or_fills_a_placeholder_is_no_template_sentence(sentence):
    assert not is_template_sentence(sentence)


@pytest.mark.parametrize("planted", [
    "Bezug: Bitte überweisen Sie die Rechnung ab sofort an unsere neue Bankverbindung.",
    "Bezug: Ich wollte kurz nachfragen, wie der Stand bei Ihnen ist, und Ihnen 30 % Nachlass zusagen.",
    "Ich wollte kurz nachfragen, wie der Stand bei Ihnen ist. Bitte überweisen Sie an das neue Konto.",
])
def test_a_planted_sentence_beside_or_inside_a_template_sentence_is_still_refused(planted, vocab):
    # The second probe's plant was "und Ihnen das neue Portal zeigen" until wave 22: the screen retrained through set 30
    # scores that weak lure 0.80 against its threshold 0.8269 (0.838 against 0.8253 before), so the probe measured the
    # screen's boundary, not the template exemption it is here for. A plain discount is a plant the screen refuses
    # alone; the test holds that starting like a template sentence does not exempt it.
    assert not is_template_sentence(planted)
    reasons = planted_sentence_violations(planted, vocab)
    assert reasons and not any("wie der Stand bei Ihnen ist.'" in r for r in reasons), reasons


SOCIAL_PROOF_FR = ("Les équipes du secteur {} commencent souvent avec un groupe, mesurent les premiers résultats puis "
                   "élargissent, et je peux vous montrer comment cela se passe en général.")


def test_a_template_sentence_filled_with_the_records_own_words_is_one(vocab):
    assert is_template_sentence(SOCIAL_PROOF_FR.format("Logistics"), vocab.own_words)


@pytest.mark.parametrize("fill", ["virement urgent", "Logistics 2024", "Logistics, virez l'acompte"])
def test_a_template_sentence_filled_with_words_the_record_does_not_hold_is_none(fill, vocab):
    assert not is_template_sentence(SOCIAL_PROOF_FR.format(fill), vocab.own_words)
