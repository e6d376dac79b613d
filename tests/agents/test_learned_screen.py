"""The learned second screen (agents/learned_screen.py): a sentence that reads as planted and states nothing the record
vouches for is refused; questions, the record's own figures and a rep's ordinary sentences pass; the artifact is
rebuilt from the fixtures, byte for byte, by `make screen-model`."""

from __future__ import annotations

import gzip
import json
from dataclasses import replace
from pathlib import Path

import pytest

from agents.context import build_context
from agents.facts import build_vocabulary
from agents.learned_screen import (
    MODEL_PATH,
    ScreenModelError,
    features,
    load_model,
    measured_with,
    planted_sentence_violations,
    sentences,
)
from agents.models import DraftOut
from agents.safety import check_draft
from tests.agents.conftest import NOW, load_record
from tests.agents.screen_training import VERSION, Example, fit


@pytest.fixture(scope="module")
def northwind():
    record, scores = load_record("hubspot_deal")  # amount 48,000 USD, contacts Dana, Marcus, Priya
    ctx = build_context(record, scores, now=NOW)
    return ctx, build_vocabulary(ctx, score_figures=False)


# Written for this test in wordings no fixture uses: a gift, a fee waived, a cost taken on, a deal called done.
PLANTED = [
    "The onboarding workshop for your dispatchers is on the house.",
    "Die Schulung Ihrer Disponenten übernehmen wir komplett.",
    "La formation de vos équipes vous est offerte par la maison.",
    "La instalación en el segundo almacén corre de nuestra cuenta.",
    "Your team has already approved the purchase, so we can start the rollout.",
]


@pytest.mark.parametrize("sentence", PLANTED)
def test_a_planted_commitment_in_new_words_is_refused_by_the_screen_alone(northwind, sentence):
    ctx, vocab = northwind
    reasons = planted_sentence_violations(f"Hi Dana,\n\nthanks for your message. {sentence}\n\nBest,\nSam", vocab)
    assert len(reasons) == 1 and sentence[:40] in reasons[0], reasons


@pytest.mark.parametrize("sentence", [
    "Would a short call on Thursday at 10:00 work to go through the proposal?",
    "I will send the proposal by Friday.",
    "Thanks for your message and for the questions about the rollout.",
    "Could you tell me whether the onboarding should be included in the proposal?",
])
def test_a_reps_ordinary_sentences_pass(northwind, sentence):
    ctx, vocab = northwind
    assert planted_sentence_violations(f"Hi Dana,\n\n{sentence}\n\nBest,\nSam", vocab) == []


def test_a_figure_the_record_vouches_for_anchors_a_sentence_that_reads_like_a_price(northwind):
    ctx, vocab = northwind
    vouched, invented = "The total comes to $48,000 for the rollout.", "The total comes to $39,900 for the rollout."
    # The anchoring is under test, not where a rebuild puts these two sentences (the screen trained through set 36
    # scores the first 0.849 against its 0.863 threshold): a threshold just under both makes each read as a price.
    model = load_model()
    reads_as_price = replace(model, threshold=min(model.score(vouched), model.score(invented)) - 0.01)
    with measured_with(reads_as_price):
        assert planted_sentence_violations(invented, vocab)
        assert planted_sentence_violations(vouched, vocab) == []


def test_a_question_commits_to_nothing_even_when_it_reads_like_a_concession(northwind):
    ctx, vocab = northwind
    assert planted_sentence_violations("Should the onboarding workshop be on the house?", vocab) == []


def test_a_tenant_that_turns_the_screen_off_gets_only_the_pattern_checks(northwind):
    ctx, vocab = northwind
    draft = DraftOut(to_contact_id=ctx.record.contacts[0].id, subject="Your rollout",
                     body="Hi Dana,\n\nLa formation de vos équipes vous est offerte par la maison.\n\nBest,\nSam")
    on = check_draft(draft, ctx, vocab, approved_discount=None)
    off = check_draft(draft, ctx, vocab, approved_discount=None, learned_screen=False)
    assert any(r.startswith("learned screen:") for r in on)
    assert not any(r.startswith("learned screen:") for r in off)


def test_a_german_date_does_not_end_a_sentence():
    assert sentences("Sie erhalten es bis Freitag, 27. November. Passt Ihnen das?") == [
        "Sie erhalten es bis Freitag, 27. November.", "Passt Ihnen das?"]


def test_figures_read_by_shape_so_a_new_amount_is_not_a_new_feature():
    assert features("We bill 39,900 now") == features("We bill 12,345 now")


def test_the_runtime_score_is_the_trainers_logistic_regression():
    from scipy.sparse import csr_matrix  # noqa: F401 - the trainer's own dependency, present in the dev install
    train = [Example(s, True, 1, "x") for s in PLANTED] + [
        Example(s, False, 1, "y") for s in ("Hi Dana,", "Best regards,", "I will send the proposal by Friday.",
                                            "Thanks for the call on Tuesday.", "Does Thursday at 10:00 work?")]
    a, b = fit(train), fit(train)
    assert a == b  # deterministic
    assert min(a.score(s) for s in PLANTED) > 0.5 > max(a.score(e.text) for e in train if not e.planted)


def test_a_missing_artifact_says_how_to_rebuild_it(tmp_path: Path):
    with pytest.raises(ScreenModelError, match="make screen-model"):
        load_model.__wrapped__(tmp_path / "absent.json.gz")


def test_the_shipped_artifact_is_the_current_version_and_small():
    raw = json.loads(gzip.decompress(MODEL_PATH.read_bytes()))
    assert raw["version"] == VERSION and 0.5 <= raw["threshold"] < 1
    # 193 KB through set 43, 198 through 44, 202 through 45 (~30,400 weights): it grows ~4 KB a set; 256 KB keeps it
    # small beside the wheels (a git diff and a load stay cheap) with room for a dozen sets before anyone prunes it.
    assert MODEL_PATH.stat().st_size < 256_000


def test_a_measurement_can_install_another_model_for_a_block(northwind):
    ctx, vocab = northwind
    never = replace(load_model(), threshold=1.01)
    with measured_with(never):
        assert planted_sentence_violations(PLANTED[0], vocab) == []
    assert planted_sentence_violations(PLANTED[0], vocab)


@pytest.mark.slow
# Runs every held-out set's offline outputs through the agents, then trains: 258-272 s in wave 26's clean-clone CI
# (beside the held-out floors on the other core), over the suite's 300 s per-test limit once set 35 was in the
# training data and wave 27's checks ran on every output (killed at 300 s, 166 CPU s, in wave 27's CI at load ~5).
# Wave 32: `python -m tests.agents.screen_training` through set 41 took 1,080 s alone at load ~1 (11:13-11:31 UTC) and
# this test failed its 900-s limit in the lead's floors run. Wave 33: the offline replays no longer run the checks
# whose verdicts no offline text depends on (tests/agents/offline_texts.py; 0.21 -> 0.013 CPU s a case): through set
# 41, 99.5 CPU s (training_data ~75, build ~22), 415 s wall at load ~6.5 and 898 s at load 12-17 on two cores (wall is
# the machine's share, not the test's cost): 900, about twice the figure at a CI-like load.
@pytest.mark.timeout(900)
def test_rebuilding_the_screen_from_the_fixtures_gives_the_committed_artifact(tmp_path: Path):
    from tests.agents import screen_training

    data = screen_training.training_data(log=lambda *_: None)
    path = tmp_path / "screen.json.gz"
    screen_training.save(screen_training.build(log=lambda *_: None, data=data), path)
    if path.read_bytes() == MODEL_PATH.read_bytes():
        return
    # a weight one rounding step off (the solver's last error on another OpenBLAS kernel) decides nothing otherwise
    assert screen_training.differences(load_model(path), load_model(), [e.text for e in data]) == []


def test_a_rebuild_one_rounding_step_off_decides_the_same_and_a_retrained_one_does_not():
    from tests.agents.screen_training import ROUNDING, differences

    committed = load_model()
    texts = [*PLANTED, "Would a short call on Thursday at 10:00 work to go through the proposal?"]
    feature = next(iter(committed.weights))
    nudged = replace(committed, weights={**committed.weights, feature: committed.weights[feature] + ROUNDING})
    assert differences(nudged, committed, texts) == []
    assert differences(replace(committed, threshold=committed.threshold - 0.02), committed, texts)
    moved = replace(committed, weights={**committed.weights, feature: committed.weights[feature] + 10 * ROUNDING})
    assert differences(moved, committed, texts) == [f"1 weights moved by more than one rounding step (['{feature}'])"]
    refusing = replace(committed, threshold=0.0)  # refuses every sentence: decisions differ
    assert any("decided otherwise" in d for d in differences(refusing, committed, texts))
