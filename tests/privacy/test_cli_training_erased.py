"""`model train-from-crm` stages its challenger where the uninstall finds it.

It staged under the model store's shared `staging/` (the scheduled retraining stages under
`<store>/<tenant>/staging/`), so every run left a model trained on the tenant's deals, with its
holdout predictions and figures, that the uninstall's "every directory named after the tenant"
never reached: the admin guide's "model artefacts ... erased" was not true for it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from app.cli.scoring import model
from app.pipeline.tenant import model_dir
from app.tenants.uninstall import uninstall
from tests.conftest import install_tenant


def _records(tmp_path: Path) -> str:
    from tests.scoring.data import crm_records

    path = tmp_path / "records.jsonl"
    path.write_text("".join(json.dumps(r.to_dict()) + "\n" for r in crm_records(200, seed=1)))
    return str(path)


def _train(tenant: str, records: str, registry: Path, *extra: str) -> Any:
    return CliRunner().invoke(
        model,
        [
            "train-from-crm",
            "--tenant",
            tenant,
            "--task",
            "churn",
            "--records",
            records,
            "--registry",
            str(registry),
            *extra,
        ],
        catch_exceptions=False,
    )


def _files(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()}


def test_after_uninstall_no_file_that_train_from_crm_wrote_for_the_tenant_remains(
    app: Any, tmp_path: Path
) -> None:
    tid = install_tenant(app, "73911")
    other = install_tenant(app, "55555")
    store = model_dir(app)
    records = _records(tmp_path)
    for tenant in (tid, other, tid):  # a second run of the tenant's, which promotes nothing new
        res = _train(tenant, records, store)
        assert res.exit_code == 0, res.stderr
    assert _files(store) and all(f.split("/")[0] in (tid, other) for f in _files(store)), sorted(
        _files(store)
    )
    others_files = {f for f in _files(store) if f.startswith(other + "/")}
    uninstall(tid, app, revoke=False)
    assert _files(store) == others_files


@pytest.mark.parametrize("tenant", ["..", ".", "../elsewhere", "a/b", "hubspot-1\\..", "", "x" * 129])
def test_a_tenant_id_that_is_not_one_path_component_is_refused_naming_the_option(
    tmp_path: Path, tenant: str
) -> None:
    res = _train(tenant, _records(tmp_path), tmp_path / "store" / "models")
    assert res.exit_code == 2
    assert res.stderr.startswith("error: --tenant=") and res.stderr.count("\n") == 1
    assert not (tmp_path / "store").exists()


@pytest.mark.parametrize("tenant", ["hubspot-62515", "salesforce-00D5g000004ABCDEAW", "t1", "acme_eu.2"])
def test_tenant_ids_of_every_shape_the_app_makes_train_and_stage_under_their_own_directory(
    tmp_path: Path, tenant: str
) -> None:
    store = tmp_path / "models"
    res = _train(tenant, _records(tmp_path), store)
    assert res.exit_code == 0, res.stderr
    doc = json.loads(res.stdout)
    # Without --out the staged copy is removed once the registry has promoted or refused it (wave 31): what
    # stays is the registry's own copy, named by `version`, and it too is under the tenant's directory.
    assert doc["model"] is None and doc["version"]
    assert [p for p in (store / tenant).rglob(doc["version"]) if p.is_dir()], sorted(_files(store))
    assert not any((store / tenant / "staging").glob("*"))
    assert {f.split("/")[0] for f in _files(store)} == {tenant}


def _leftover(store: Path, name: str = "churn-20261125T163012123456Z-1a2b3c") -> Path:
    """A challenger an earlier version of train-from-crm left in the store's shared staging folder."""
    left = store / "staging" / name
    left.mkdir(parents=True)
    (left / "model.joblib").write_bytes(b"a model trained on one tenant's deals")
    (left / "holdout.csv").write_text("deal,probability\n1,0.4\n")
    return left


def test_challengers_left_in_the_old_shared_staging_folder_are_deleted_by_the_next_train_from_crm(
    app: Any, tmp_path: Path
) -> None:
    tid = install_tenant(app, "73911")
    store = model_dir(app)
    _leftover(store)
    _leftover(store, "conversion-20261120T090000Z-00ff00")  # a version name without microseconds
    records = _records(tmp_path)
    for _run in range(2):  # the second run finds nothing left and does not fail
        res = _train(tid, records, store)
        assert res.exit_code == 0, res.stderr
        assert not (store / "staging").exists(), sorted(_files(store))


def test_a_tenant_named_staging_keeps_its_models_when_the_old_shared_folder_is_cleaned(
    tmp_path: Path,
) -> None:
    store = tmp_path / "models"
    records = _records(tmp_path)
    res = _train("staging", records, store)
    assert res.exit_code == 0, res.stderr
    own = _files(store)
    assert own and all(f.startswith("staging/churn/") or f.startswith("staging/staging/") for f in own), own
    _leftover(store)
    (store / "staging" / "notes-of-the-admin").mkdir()  # not a staged version: not ours to delete
    res = _train("other-tenant", records, store)
    assert res.exit_code == 0, res.stderr
    assert own <= _files(store)
    assert (store / "staging" / "notes-of-the-admin").is_dir()
    assert not (store / "staging" / "churn-20261125T163012123456Z-1a2b3c").exists()


def test_a_symlinked_shared_staging_folder_is_not_followed(tmp_path: Path) -> None:
    from app.pipeline.shared_staging import remove_shared_staging

    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "churn-20261125T163012123456Z-1a2b3c").mkdir(parents=True)
    store = tmp_path / "models"
    store.mkdir()
    (store / "staging").symlink_to(elsewhere)
    assert remove_shared_staging(store) == []
    assert (elsewhere / "churn-20261125T163012123456Z-1a2b3c").is_dir()


def test_the_scheduled_retraining_also_deletes_the_old_shared_staging_leftovers(app: Any) -> None:
    from app.pipeline.training import train_tenant

    tid = install_tenant(app, "73911")
    store = model_dir(app)
    _leftover(store)
    results = train_tenant(app, tid, tasks=("churn",), records=[])
    assert "churn" in results
    assert not (store / "staging").exists()
