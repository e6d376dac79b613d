"""A model card's charts are drawn once for every process: kept in the model store under the champion's version,
the tenant's labels and the drawing code, drawn again only when one of those changes, and drawn in the background
when a training promotes a model; a broken or unwritable store costs a redraw, never the page."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest

from scoring import ModelRegistry
from tests.reports.test_tenant_cards import data_dir  # noqa: F401  (the demo-shaped data directory fixture)


@pytest.fixture
def drawn(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The tasks whose charts were drawn (matplotlib, the seconds-long part)."""
    import importlib

    module = importlib.import_module("app.reports.model_cards")  # the package re-exports the function's name
    calls: list[str] = []
    real = module.card_figures

    def counting(card: Any) -> dict[str, str]:
        calls.append(card.task)
        return real(card)

    monkeypatch.setattr(module, "card_figures", counting)
    return calls


def process(data: Path, **config: Any) -> Any:
    """A new web process on the data directory: nothing shared with the others but the database and the store."""
    from app import create_app

    return create_app({"START_WORKER": False, "DATABASE_URL": f"sqlite:///{data / 'demo.db'}", **config})


def churn_of(app: Any, tenant: str) -> Any:
    from app.reports import model_cards

    with app.app_context():
        return {c.task: c for c in model_cards(app, tenant)}["churn"]


def stored(data: Path, tenant: str) -> list[Path]:
    return sorted((data / "models" / tenant / "card_figures").glob("*.json"))


def test_another_process_reads_the_charts_the_first_one_drew(data_dir, drawn):  # noqa: F811
    data, tenant = data_dir
    first = churn_of(process(data), tenant)
    assert drawn == ["churn"] and len(stored(data, tenant)) == 1
    assert first.version in stored(data, tenant)[0].name
    second = churn_of(process(data), tenant)
    assert drawn == ["churn"]  # read, not drawn
    assert second.figures == first.figures and set(second.figures) == {"importance", "calibration", "gain"}


def test_a_new_champion_other_labels_or_other_drawing_code_draw_again(data_dir, drawn, monkeypatch):  # noqa: F811
    import shutil

    from app import settings
    from app.reports import figure_store
    from integrations.base import FieldSpec

    data, tenant = data_dir
    churn_of(process(data), tenant)
    old = ModelRegistry(data / "models").champion_dir(tenant, "churn")
    assert old is not None
    new = old.with_name("churn-20991231T000000000000Z-abcdef")  # the next training's champion
    shutil.copytree(old, new)
    meta = json.loads((new / "metadata.json").read_text())
    meta["version"] = new.name
    (new / "metadata.json").write_text(json.dumps(meta))
    (old.parents[1] / "champion.json").write_text(json.dumps({"version": new.name}))
    assert churn_of(process(data), tenant).version == new.name
    assert drawn == ["churn", "churn"]
    web = process(data)
    settings.set_mappings(web, tenant, "deal", {"zz_driver_a": "demo_calls"}, author="revops",
                          describe=lambda _ot: [FieldSpec("demo_calls", "Demo calls held", "number")])
    relabelled = churn_of(process(data), tenant)
    assert drawn == ["churn"] * 3
    assert "Demo calls held" in json.dumps(relabelled.figures)
    monkeypatch.setattr(figure_store, "drawing_version", lambda: "an-upgrade")
    churn_of(process(data), tenant)
    assert drawn == ["churn"] * 4 and len(stored(data, tenant)) == 4


def test_a_damaged_chart_file_is_drawn_again_and_replaced(data_dir, drawn):  # noqa: F811
    data, tenant = data_dir
    first = churn_of(process(data), tenant)
    path = stored(data, tenant)[0]
    for damage in ("{\"importance\": ", "[1, 2]", "{\"importance\": 3}"):
        path.write_text(damage)
        again = churn_of(process(data), tenant)
        assert again.figures == first.figures
        assert json.loads(path.read_text()) == first.figures
    assert drawn == ["churn"] * 4


def test_a_store_that_cannot_be_written_still_shows_the_charts(data_dir, drawn, monkeypatch):  # noqa: F811
    from app.reports import figure_store

    data, tenant = data_dir

    def full_disk(*_a: Any, **_k: Any) -> Any:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(figure_store.tempfile, "mkstemp", full_disk)
    card = churn_of(process(data), tenant)
    assert set(card.figures) == {"importance", "calibration", "gain"} and stored(data, tenant) == []


def test_a_promotion_draws_the_new_champions_charts_in_the_background_and_nothing_else_does(data_dir,  # noqa: F811
                                                                                             drawn):
    from app.reports.figure_store import warm_after_training

    data, tenant = data_dir
    web = process(data)
    assert warm_after_training(web, tenant, {"churn": {"promoted": False, "reason": "worse"}}) is False
    assert warm_after_training(web, tenant, {"clv": {"not_enough_history": {"have": 4, "need": 50}}}) is False
    time.sleep(0.2)
    assert drawn == [] and stored(data, tenant) == []
    assert warm_after_training(web, tenant, {"churn": {"promoted": True, "version": "churn-2"}}) is True
    deadline = time.monotonic() + 60
    while not stored(data, tenant):
        assert time.monotonic() < deadline, "the charts were never drawn"
        time.sleep(0.05)
    assert drawn == ["churn"]
    churn_of(process(data), tenant)  # the page's first view afterwards reads them
    assert drawn == ["churn"]


def test_the_scheduled_retraining_asks_for_the_charts_of_what_it_promoted(data_dir, monkeypatch):  # noqa: F811
    import app.pipeline.training
    import app.reports.figure_store
    from app import scheduler

    data, tenant = data_dir
    web = process(data)
    asked: list[tuple[str, Any]] = []
    monkeypatch.setattr(app.pipeline.training, "train_tenant", lambda _app, t: {"churn": {"promoted": True}})
    monkeypatch.setattr(app.reports.figure_store, "warm_after_training", lambda _app, t, r: asked.append((t, r)))
    with web.app_context():
        assert scheduler.run_periodic(tenant, "retrain") == {"tenant": tenant, "tasks": ["churn"]}
    assert asked == [(tenant, {"churn": {"promoted": True}})]
