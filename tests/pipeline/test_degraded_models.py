"""A champion saved with other library versions: the card says "model retraining", a retrain is
requested for that tenant, and the other scores still come."""

from __future__ import annotations

import json
import shutil

from sqlalchemy import select

from app.storage import get_db
from app.storage.models import Enrichment
from scoring import save_model, train_table
from tests.conftest import install_tenant
from tests.fakes import FakeCrm
from tests.pipeline.test_pipeline_on_fake_crm import run_change, sample_record
from tests.scoring.data import deals


def test_a_model_from_other_library_versions_degrades_the_card_and_requests_a_retrain(app_factory, tmp_path):
    app = app_factory(JOB_FUNCTION="app.pipeline.batch.process_batch", MODEL_DIR=str(tmp_path / "models"))
    tid = install_tenant(app, "62515")
    crm = FakeCrm([sample_record(tid)])
    app.extensions["crm_factory"] = lambda tenant_id, name: crm
    model, meta, holdout = train_table("churn", deals(200, seed=4), "won", id_column="deal_id", fast=True)
    artefact = save_model(model, tmp_path / "artefact", meta, holdout)
    sidecar = json.loads((artefact / "metadata.json").read_text())
    sidecar["library_versions"]["xgboost"] = "0.0.1"
    (artefact / "metadata.json").write_text(json.dumps(sidecar))
    task_dir = tmp_path / "models" / tid / "churn"
    shutil.copytree(artefact, task_dir / "versions" / sidecar["version"])
    (task_dir / "champion.json").write_text(json.dumps({"version": sidecar["version"]}))

    run_change(app, 1)

    with get_db(app).session() as s:
        card = s.execute(select(Enrichment.card)).scalar_one()
    assert "model_retraining" in card["scores"]["churn"]
    assert "retraining" in card["degraded"]["message"].lower()
    assert ("hubspot-62515", "churn") in app.extensions["retrain_requests"]
    assert crm.fields["8807"]["ai_strategy"]  # the rest of the pipeline still ran
