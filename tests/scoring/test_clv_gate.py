"""A CLV model is promoted only when it ranks customers better than chance."""

from __future__ import annotations


def test_a_clv_model_that_ranks_no_better_than_chance_fails_its_gate():
    from scoring.train import clv_gate

    assert clv_gate({"normalized_gini": 0.31})["passed"]
    refused = clv_gate({"normalized_gini": -0.08})
    assert not refused["passed"] and "no better than chance" in refused["reasons"][0]
    assert not clv_gate({"normalized_gini": float("nan")})["passed"]
