"""A tenant's model cards through the app, and `agentic-sales model report --tenant` as a user runs it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from app.cli.scoring import model as model_group
from scoring import ModelRegistry
from tests.conftest import base_config, install_tenant

NO_CLV = {"not_enough_history": {"have": 44, "need": 50, "unit": "customers with closed-won deals"}}


@pytest.fixture
def data_dir(tmp_path: Path, conversion: tuple[Path, Any], monkeypatch: pytest.MonkeyPatch) -> tuple[Path, str]:
    """A data directory as `agentic-sales demo` leaves it: database, one tenant, its champion, its audit."""
    from app import create_app
    from app.audit import write_audit
    from app.dispatch import get_dispatcher
    from app.settings import set_mappings
    from app.storage import get_db, migrate
    from integrations.base import FieldSpec

    for name in ("DATABASE_URL", "REDIS_URL", "AGENTIC_SALES_MODEL_STORE", "AGENTIC_SALES_MODEL_DIR"):
        monkeypatch.delenv(name, raising=False)
    data = tmp_path / "data"
    data.mkdir()
    url = f"sqlite:///{data / 'demo.db'}"  # the name app.demo gives its database
    migrate.upgrade(url)
    app = create_app(base_config(url, DATA_DIR=str(data)))
    tenant = install_tenant(app, "8675309")
    install_tenant(app, "4242")  # installed, never trained
    # Revenue ops mapped a portal property to a feature of their own (through the settings service).
    with app.app_context():
        set_mappings(app, tenant, "deal", {"zz_driver_a": "meetings_booked"}, author="test",
                     describe=lambda _ot: [FieldSpec("meetings_booked", "Meetings booked", "number")])
    with get_db(app).session() as s:
        write_audit(s, "models.trained", tenant_id=tenant, detail={"records": 210, "results": {
            "clv": NO_CLV, "conversion": {"error": "DataError: discount column 'discount' is empty"},
            "price": {"version": "price-1", "promoted": False, "reason": "refused: worse than a logistic regression"}}})
    promoted = ModelRegistry(data / "models").promote(tenant, conversion[0])
    assert promoted["promoted"], promoted
    get_dispatcher(app).backend.stop()
    get_db(app).engine.dispose()
    monkeypatch.setenv("AGENTIC_SALES_DATA_DIR", str(data))
    return data, tenant


def _report(*args: str) -> Any:
    return CliRunner().invoke(model_group, ["report", *args], catch_exceptions=False)


def test_model_cards_show_each_task_with_the_tenants_crm_labels_and_absent_reasons(data_dir):
    from app import create_app
    from app.reports import model_cards

    data, tenant = data_dir
    app = create_app({"START_WORKER": False, "DATABASE_URL": f"sqlite:///{data / 'demo.db'}"})
    with app.app_context():
        cards = {c.task: c for c in model_cards(app, tenant)}
    assert list(cards) == ["conversion", "churn", "clv", "price"]
    churn = cards["churn"]
    assert churn.present and churn.positive_class == "Converted"
    assert churn.factors[0]["label"] in ("Meetings booked", "Zzz driver b")
    assert "Meetings booked" in [f["label"] for f in churn.factors[:2]]  # the CRM's label, from the mapping
    assert cards["clv"].absent_reason == ("Not enough history: 44 of 50 customers with closed-won deals "
                                          "needed before this model is trained.")
    assert cards["conversion"].absent_reason == "The last training failed: DataError: discount column 'discount' is empty"
    assert cards["price"].absent_reason == ("The last trained model was not put in use: it was refused by its "
                                            "training gate (worse than a logistic regression).")


def test_report_finds_the_tenants_champion_without_an_artefact_path(data_dir, tmp_path):
    _, tenant = data_dir
    out = tmp_path / "churn.html"
    res = _report("--tenant", tenant, "--task", "churn", "--out", str(out))
    assert res.exit_code == 0, res.stderr
    doc = json.loads(res.stdout)
    assert doc["out"] == str(out) and [c["task"] for c in doc["cards"]] == ["churn"]
    assert doc["cards"][0]["holdout"]["rows"] == 64 and doc["cards"][0]["positive_class"] == "Converted"
    page = out.read_text()
    assert page.count("<section class='model-card'") == 1 and "Meetings booked" in page
    assert "data:image/svg+xml;base64," in page and "Learning curve" not in page


def test_report_of_every_task_writes_present_and_absent_cards(data_dir, tmp_path):
    _, tenant = data_dir
    out = tmp_path / "all.html"
    res = _report("--tenant", tenant, "--out", str(out))
    assert res.exit_code == 0, res.stderr
    assert [c["present"] for c in json.loads(res.stdout)["cards"]] == [False, True, False, False]
    assert "44 of 50 customers with closed-won deals" in out.read_text()


@pytest.mark.parametrize(("args", "message"), [
    (("--tenant", "hubspot-8675309", "--task", "clv"), "clv: Not enough history: 44 of 50 customers with closed-won"),
    (("--tenant", "hubspot-8675309", "--task", "price"), "price: The last trained model was not put in use: it was"),
    (("--tenant", "hubspot-4242"), "tenant 'hubspot-4242' has no model to report on"),
    (("--tenant", "nobody", "--task", "churn"), "unknown tenant 'nobody' (known tenants: hubspot-4242, hubspot-8675309)"),
    (("--tenant", "hubspot-8675309", "--task", "forecast"), "unknown task 'forecast'; expected one of conversion"),
    ((), "give either --tenant T"),
])
def test_report_refuses_with_one_line_and_exit_2(data_dir, tmp_path, args, message):
    out = tmp_path / "r.html"
    res = _report(*args, "--out", str(out))
    assert res.exit_code == 2
    assert res.stderr.count("\n") == 1 and message in res.stderr and "Traceback" not in res.stderr
    assert res.stdout == "" and not out.exists()


def test_report_on_a_data_dir_the_app_never_used_says_where_it_looked(tmp_path, monkeypatch):
    for name in ("DATABASE_URL", "REDIS_URL", "AGENTIC_SALES_MODEL_STORE", "AGENTIC_SALES_MODEL_DIR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AGENTIC_SALES_DATA_DIR", str(tmp_path / "typo"))
    res = _report("--tenant", "hubspot-1", "--out", str(tmp_path / "r.html"))
    assert res.exit_code == 2 and res.stderr.count("\n") == 1 and "Traceback" not in res.stderr
    assert f"cannot read tenants from sqlite:///{tmp_path / 'typo' / 'agentic-sales.db'}" in res.stderr


def test_a_champion_saved_by_other_library_versions_shows_as_retraining_and_charts_are_drawn_once(data_dir):
    from app import create_app
    from app.reports import model_cards

    data, tenant = data_dir
    app = create_app({"START_WORKER": False, "DATABASE_URL": f"sqlite:///{data / 'demo.db'}"})
    with app.app_context():
        first = {c.task: c for c in model_cards(app, tenant)}["churn"]
        again = {c.task: c for c in model_cards(app, tenant)}["churn"]
        assert again.figures is first.figures and set(first.figures) == {"importance", "calibration", "gain"}
        sidecar = ModelRegistry(data / "models").champion_dir(tenant, "churn") / "metadata.json"
        meta = json.loads(sidecar.read_text())
        meta["library_versions"]["scikit-learn"] = "0.1.0"
        sidecar.write_text(json.dumps(meta))
        churn = {c.task: c for c in model_cards(app, tenant)}["churn"]
    assert not churn.present and "being retrained" in (churn.absent_reason or "")
    assert "scikit-learn" in (churn.absent_reason or "")
