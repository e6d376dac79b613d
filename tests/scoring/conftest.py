"""Fixtures of the scoring tests: small generated CSVs and a CLI runner for the scoring commands."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from .data import deals, transactions


@pytest.fixture
def csvs(tmp_path: Path) -> dict[str, Path]:
    """Training, test (no target, unseen categories) and transaction CSVs."""
    train = deals(240, seed=1)
    test = deals(30, seed=2, with_target=False)
    test.loc[:4, "industry"] = "aerospace"  # unseen at training: a warning, not an error
    paths = {"train": tmp_path / "train.csv", "test": tmp_path / "test.csv", "tx": tmp_path / "tx.csv"}
    train.to_csv(paths["train"], index=False)
    test.to_csv(paths["test"], index=False)
    transactions(120).to_csv(paths["tx"], index=False)
    return paths


@pytest.fixture
def run():
    """Invoke a scoring command group; returns click's Result (stdout and stderr apart)."""
    from app.cli.scoring import clv, model

    runner = CliRunner()

    def invoke(*args: str):
        group = {"model": model, "clv": clv}[args[0]]
        return runner.invoke(group, list(args[1:]), catch_exceptions=False)

    return invoke
