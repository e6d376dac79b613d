"""`model train-from-crm` opens the database before it loads the scoring libraries.

Wave 40 measured the model commands on an unreachable database at ~3.0 CPU s against ~1.15 for the other commands:
the error wrapper imported pandas (to name two of its exceptions) and scikit-learn (to name one warning) before
any command ran, and train-from-crm imported the scoring engine and the pipeline's models before the tenant check.
"""

from __future__ import annotations

from tests.platform.test_start_up_imports import UNREACHABLE, loaded_by


def test_a_train_from_crm_the_database_cannot_answer_fails_before_loading_pandas_or_the_scoring_engine(tmp_path):
    run, loaded = loaded_by("model", "train-from-crm", "--tenant", "hubspot-62515", "--task", "churn",
                            tmp_path=tmp_path, database_url=UNREACHABLE)

    assert run.returncode == 2 and "127.0.0.1:1" in run.stderr, run.stderr
    assert loaded == [], f"`model train-from-crm` imported {loaded} before the database answered"
