"""The vendor corpus as the learned screen's measurements read it (tests/fixtures/vendor_benign, wave 25).

The corpus is measured, not trained on (agents/README.md, "Wave 25 (rolescreen)"): these tests hold what the
measurements rely on — the corpus reads as benign sentences of no red team's set, a draft as the one text the
runtime screens — and that the trainer does not take it in by accident, which would change the shipped artifact.
"""

from __future__ import annotations

import pytest

from tests.agents import measure_role_screen, measure_vendor_screen, screen_training
from tests.agents.vendor_benign import load


@pytest.fixture(scope="module")
def corpus():
    return load()


def test_every_corpus_sentence_is_benign_of_no_set_and_named_by_its_output(corpus):
    found = screen_training.vendor_examples(corpus)
    assert found and all(not e.planted and e.group == 0 for e in found)
    ids = {item.id for item in corpus}
    assert all(
        e.case.startswith("vendor_benign/") and e.case[len("vendor_benign/") : -len(":vendor")] in ids
        for e in found
    )
    assert len({e.text for e in found}) == len(found)  # a sentence two outputs share is one fact


def test_a_draft_is_read_as_its_subject_and_body_together_and_an_analysis_by_its_parts(corpus):
    draft = next(i for i in corpus if i.role == "writer")
    assert screen_training.vendor_texts(draft) == [f"{draft.output.subject}\n{draft.output.body}"]
    analysis = next(i for i in corpus if i.role == "analyst" and i.output.risk_indicators)
    texts = screen_training.vendor_texts(analysis)
    assert analysis.output.summary in texts and analysis.output.risk_indicators[0].label in texts
    rationale = next(i for i in corpus if i.role == "strategist")
    assert screen_training.vendor_texts(rationale) == [rationale.output.rationale]


def test_leaving_a_record_out_leaves_out_every_output_of_it(corpus):
    """Leave one record out trains on the others: none of the left-out record's outputs may name a training example."""
    others = screen_training.vendor_examples([i for i in corpus if i.record != "de_deal"])
    assert others and not any(e.case.startswith("vendor_benign/vb-de-") for e in others)


def test_the_trainer_does_not_learn_from_the_corpus(monkeypatch):
    monkeypatch.setattr(screen_training, "offline_outputs", lambda **_: [])
    monkeypatch.setattr(screen_training, "probe_examples", lambda: [])
    data = screen_training.training_data(log=lambda *_: None)
    assert data and not any(e.case.startswith("vendor_benign/") for e in data)
    added = screen_training.examples(vendor=screen_training.vendor_examples(load()[:3]))
    assert any(e.case.startswith("vendor_benign/") for e in added)  # the measurements can add it on purpose


@pytest.mark.parametrize("argv", [["lfo", "54"], ["lfo", "28", "55"], ["lfo"]])
def test_the_vendor_measurement_never_reads_a_set_nobody_measured_yet(argv, capsys):
    pinned = screen_training.TRAINED_THROUGH
    assert measure_vendor_screen.main(argv) == 2
    assert screen_training.TRAINED_THROUGH == pinned


def test_the_role_measurement_never_reads_a_set_nobody_measured_yet():
    pinned = screen_training.TRAINED_THROUGH
    assert measure_role_screen.main(["53", "54", "--with-vendor"]) == 2
    assert screen_training.TRAINED_THROUGH == pinned
