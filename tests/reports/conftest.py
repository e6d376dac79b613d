"""One trained classification model shared by the model-card tests (training is the slow part)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from scoring import save_model, train_table

from .data import driven_deals


@pytest.fixture(scope="session")
def conversion(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, pd.DataFrame]:
    """A classification model with a stated positive class and a time-based holdout.

    Trained as ``churn`` (gradient boosting): the card code is the same for every classification
    task, and the conversion blend takes 30-50 s to train on a loaded 2-core machine.
    """
    frame = driven_deals()
    model, meta, holdout = train_table("churn", frame, "outcome", id_column="deal_id", positive="Converted",
                                       time_column="closed_at", fast=True)
    return save_model(model, tmp_path_factory.mktemp("conv") / "m", meta, holdout), frame
