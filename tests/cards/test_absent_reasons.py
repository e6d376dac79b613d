"""A score the card cannot show says why: too little history, a model that did not beat a baseline, a failure."""

from __future__ import annotations

from app.cards.view import absent_text
from app.pipeline.tenant import training_reason


def test_a_refused_model_tells_the_rep_it_did_not_beat_a_baseline():
    result = {"promoted": False, "reason": "refused: ranks the holdout's customers no better than chance"}
    reason = training_reason(result)
    assert reason == {"refused": "ranks the holdout's customers no better than chance"}
    # In the rep's words since wave 31 (it said "did not beat a simple baseline").
    assert "no better than a simple rule of thumb" in absent_text("clv", {"no_model": True, **reason})


def test_too_little_history_still_says_how_much_is_needed():
    reason = training_reason({"not_enough_history": {"have": 38, "need": 50}})
    assert absent_text("clv", {"no_model": True, **reason}).startswith("needs 50")


def test_a_training_error_points_to_the_model_report_and_a_promoted_model_gives_no_reason():
    assert "training failed" in absent_text("churn", {"no_model": True, **training_reason({"error": "DataError: x"})})
    assert training_reason({"promoted": True, "reason": "no champion yet"}) is None
    assert training_reason(None) is None
