"""Every scoring command on small CSVs, and one-line errors on malformed input."""

from __future__ import annotations

import json
import subprocess
import sys

import pandas as pd
import pytest

TRAIN = ("--target", "won", "--id-column", "deal_id", "--fast")


@pytest.mark.parametrize("task", ["conversion", "churn"])
def test_train_predict_report(task, csvs, tmp_path, run):
    out = tmp_path / "m"
    res = run("model", "train", "--task", task, "--data", str(csvs["train"]), *TRAIN, "--out", str(out))
    assert res.exit_code == 0, res.stderr
    doc = json.loads(res.stdout)
    assert doc["features"] == {"amount": "numeric", "industry": "categorical", "meetings_30d": "numeric",
                               "exec_contact": "boolean", "discount": "numeric"}
    assert "created" in doc["dropped_columns"]  # an absolute date without --time-column: never a feature
    assert doc["positive_class"] == "yes" and 0 < doc["positive_rate"] < 1
    assert 0.5 < doc["metrics"]["holdout"]["roc_auc"] <= 1
    preds = tmp_path / "p.csv"
    res = run("model", "predict", "--model", str(out), "--data", str(csvs["test"]), "--out", str(preds))
    assert res.exit_code == 0, res.stderr
    assert "unseen in training" in res.stderr
    frame = pd.read_csv(preds)
    assert list(frame.columns) == ["deal_id", "prediction", "score_1_99", "top_factors"]
    assert list(frame["deal_id"]) == list(pd.read_csv(csvs["test"])["deal_id"])
    assert frame["prediction"].between(0, 1).all() and frame["score_1_99"].between(1, 99).all()
    factor = json.loads(frame["top_factors"][0])[0]
    assert set(factor) == {"feature", "label", "direction", "impact"}
    report = tmp_path / "r.html"
    res = run("model", "report", "--model", str(out), "--out", str(report))
    assert res.exit_code == 0, res.stderr
    text = report.read_text()
    # importance, calibration, gain; nothing borrowed from the simulated market
    assert text.count("data:image/svg+xml;base64,") == 3 and "Calibration" in text and "Learning curve" not in text


def test_price_train_predict(csvs, tmp_path, run):
    out = tmp_path / "m"
    res = run("model", "train", "--task", "price", "--data", str(csvs["train"]), *TRAIN,
              "--discount-column", "discount", "--max-discount", "0.2", "--out", str(out))
    assert res.exit_code == 0, res.stderr
    preds = tmp_path / "p.csv"
    test = pd.read_csv(csvs["test"]).drop(columns="discount")  # the discount is what we recommend
    test.to_csv(csvs["test"], index=False)
    res = run("model", "predict", "--model", str(out), "--data", str(csvs["test"]), "--out", str(preds))
    assert res.exit_code == 0, res.stderr
    frame = pd.read_csv(preds)
    assert list(frame.columns) == ["deal_id", "prediction", "p_win_at_best", "score_1_99", "top_factors"]
    assert frame["prediction"].between(0, 0.2).all()


def clv_train_and_predict(csvs, tmp_path, run):
    """`clv train` then `clv predict` on the transactions CSV: (model dir, predictions CSV)."""
    out = tmp_path / "clv"
    res = run("clv", "train", "--transactions", str(csvs["tx"]), "--customer-column", "cust", "--date-column",
              "when", "--amount-column", "spend", "--cutoff", "2024-06-30", "--horizon-days", "180", "--out", str(out))
    assert res.exit_code == 0, res.stderr
    preds = tmp_path / "c.csv"
    res = run("clv", "predict", "--model", str(out), "--transactions", str(csvs["tx"]), "--cutoff", "2024-06-30",
              "--out", str(preds))
    assert res.exit_code == 0, res.stderr
    return out, preds


def test_clv_train_predict_report(csvs, tmp_path, run):
    out, preds = clv_train_and_predict(csvs, tmp_path, run)
    frame = pd.read_csv(preds)
    tx = pd.read_csv(csvs["tx"], parse_dates=["when"])
    seen = tx.loc[tx["when"] <= "2024-06-30", "cust"].nunique()
    assert list(frame.columns) == ["customer_id", "prediction"] and len(frame) == seen
    assert (frame["prediction"] >= 0).all()
    res = run("model", "report", "--model", str(out), "--out", str(tmp_path / "r.html"))
    assert res.exit_code == 0 and "Deciles" in (tmp_path / "r.html").read_text()


def test_promote_champion_challenger(csvs, tmp_path, run):
    out = tmp_path / "m"
    run("model", "train", "--task", "churn", "--data", str(csvs["train"]), *TRAIN, "--out", str(out))
    reg = str(tmp_path / "reg")
    first = json.loads(run("model", "promote", "--model", str(out), "--tenant", "t1", "--registry", reg).stdout)
    assert first["promoted"] and first["reason"].startswith("no champion yet")
    again = run("model", "promote", "--model", str(out), "--tenant", "t1", "--registry", reg,
                "--holdout", str(csvs["train"]))
    doc = json.loads(again.stdout)
    assert doc["promoted"] is False and doc["basis"].startswith("same")  # equal is not better


def _write(tmp_path, name, frame_or_text):
    path = tmp_path / name
    if isinstance(frame_or_text, str):
        path.write_text(frame_or_text)
    else:
        frame_or_text.to_csv(path, index=False)
    return str(path)


@pytest.mark.parametrize(
    ("content", "target", "message"),
    [
        ("", "won", "the file is empty"),
        ("a,won\n", "won", "no data rows"),
        ("a,won\n1,yes\n2,no\n", "missing_col", "target 'missing_col' is not in the data"),
        ("a,won\n1,yes\n2,yes\n3,yes\n", "won", "target 'won' is constant"),
        ("a,won\n1,a\n2,b\n3,c\n", "won", "target 'won' has 3 classes"),
    ],
)
def test_malformed_inputs_one_line(content, target, message, tmp_path, run):
    path = _write(tmp_path, "bad.csv", content)
    res = run("model", "train", "--task", "churn", "--data", path, "--target", target, "--out", str(tmp_path / "x"))
    assert res.exit_code != 0
    assert res.stderr.strip().count("\n") == 0 and message in res.stderr
    assert "Traceback" not in res.stderr and res.stdout == ""


def test_missing_id_and_feature_columns(csvs, tmp_path, run):
    out = tmp_path / "m"
    run("model", "train", "--task", "churn", "--data", str(csvs["train"]), *TRAIN, "--out", str(out))
    test = pd.read_csv(csvs["test"]).drop(columns=["meetings_30d"])
    res = run("model", "predict", "--model", str(out), "--data", _write(tmp_path, "t.csv", test),
              "--out", str(tmp_path / "p.csv"))
    assert res.exit_code != 0 and "'meetings_30d' is not in the data" in res.stderr
    res = run("clv", "train", "--transactions", str(csvs["tx"]), "--customer-column", "nope", "--date-column",
              "when", "--amount-column", "spend", "--cutoff", "2024-06-30", "--horizon-days", "90", "--out", str(out))
    assert res.exit_code != 0 and "customer column 'nope'" in res.stderr


def test_predict_refuses_foreign_directory(tmp_path, run, csvs):
    res = run("model", "predict", "--model", str(tmp_path), "--data", str(csvs["test"]), "--out", str(tmp_path / "p"))
    assert res.exit_code != 0 and "not a model artefact" in res.stderr


def test_entry_point_error_is_one_line(tmp_path):
    empty = _write(tmp_path, "empty.csv", "")
    proc = subprocess.run([sys.executable, "-c", "from app.cli import main; main()", "model", "train", "--task",
                           "churn", "--data", empty, "--target", "y", "--out", str(tmp_path / "x")],
                          capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode != 0
    assert proc.stderr.strip() == "error: the file is empty" and proc.stdout == ""


def test_train_from_crm_records_file_and_cold_start(tmp_path, run):
    from .data import crm_records

    lines = [json.dumps(r.to_dict()) for r in crm_records(200, seed=1)]
    path = _write(tmp_path, "records.jsonl", "\n".join(lines) + "\n")
    reg = str(tmp_path / "reg")
    res = run("model", "train-from-crm", "--tenant", "t1", "--task", "churn", "--records", path, "--registry", reg)
    assert res.exit_code == 0, res.stderr
    doc = json.loads(res.stdout)
    assert doc["promoted"] and doc["records"] == 200
    res = run("model", "train-from-crm", "--tenant", "t1", "--task", "conversion", "--records", path,
              "--registry", reg, "--min-closed", "500")
    assert res.exit_code != 0 and res.stderr.strip() == "error: not enough history: 200 closed deals, need 500"


def test_train_from_crm_without_out_leaves_no_staged_copy_behind_whether_promoted_or_not(tmp_path, run):
    # Wave 30 noticed: each run left `<registry>/<tenant>/staging/<version>` (a model and its holdout predictions, a
    # tenant's data) although the registry keeps its own copy of a promoted one; the scheduled retraining removes it.
    from .data import crm_records

    path = _write(tmp_path, "records.jsonl", "\n".join(json.dumps(r.to_dict()) for r in crm_records(200, seed=1)) + "\n")
    reg = tmp_path / "reg"
    for _ in range(2):  # the second is compared with the first's champion and may be refused: either way
        res = run("model", "train-from-crm", "--tenant", "t1", "--task", "churn", "--records", path, "--registry", str(reg))
        assert res.exit_code == 0, res.stderr
        doc = json.loads(res.stdout)
        assert doc["model"] is None and doc["version"], doc
    staging = reg / "t1" / "staging"
    assert not staging.exists() or not any(staging.iterdir()), sorted(p.name for p in staging.iterdir())
    assert (reg / "t1").exists() and any((reg / "t1").rglob("*.json"))  # the champion itself is kept


def test_train_from_crm_with_out_keeps_the_model_where_it_was_asked_to(tmp_path, run):
    from .data import crm_records

    path = _write(tmp_path, "records.jsonl", "\n".join(json.dumps(r.to_dict()) for r in crm_records(200, seed=1)) + "\n")
    out = tmp_path / "mine"
    res = run("model", "train-from-crm", "--tenant", "t1", "--task", "churn", "--records", path,
              "--registry", str(tmp_path / "reg"), "--out", str(out))
    assert res.exit_code == 0, res.stderr
    assert json.loads(res.stdout)["model"] == str(out) and any(out.iterdir())


def test_train_from_crm_trains_lead_conversion_on_closed_leads_and_says_when_there_are_none(tmp_path, run):
    # wave 28's walk: `model report --task` offered lead_conversion, `model train-from-crm --task` did not
    from tests.scoring.test_lead_conversion import lead_records

    from .data import crm_records

    leads, _ = lead_records(100)
    path = _write(tmp_path, "leads.jsonl", "\n".join(json.dumps(r.to_dict()) for r in leads) + "\n")
    res = run("model", "train-from-crm", "--tenant", "t1", "--task", "lead_conversion", "--records", path,
              "--registry", str(tmp_path / "reg"))
    assert res.exit_code == 0, res.stderr
    assert json.loads(res.stdout)["records"] == 100
    deals = _write(tmp_path, "deals.jsonl", "\n".join(json.dumps(r.to_dict()) for r in crm_records(60, seed=1)) + "\n")
    res = run("model", "train-from-crm", "--tenant", "t1", "--task", "lead_conversion", "--records", deals,
              "--registry", str(tmp_path / "reg"))
    assert res.exit_code != 0 and res.stderr.count("\n") == 1 and "lead" in res.stderr, res.stderr


def test_train_from_crm_without_a_connection_is_one_line(tmp_path, run, monkeypatch):
    monkeypatch.setenv("AGENTIC_SALES_DATA_DIR", str(tmp_path))
    res = run("model", "train-from-crm", "--tenant", "nobody", "--task", "conversion", "--registry", str(tmp_path))
    assert res.exit_code != 0
    assert res.stderr.strip().count("\n") == 0 and res.stderr.startswith("error: ")


def test_a_database_without_the_apps_tables_is_one_line_naming_db_upgrade(monkeypatch, capsys):
    # A deployment's DATABASE_URL pointing at a PostgreSQL database never upgraded: train-from-crm printed
    # psycopg's UndefinedTable with the SQL and its parameters over ten lines.
    import pytest
    from sqlalchemy.exc import ProgrammingError

    from app.cli.scoring import handle_errors

    class UndefinedTable(Exception):  # psycopg.errors.UndefinedTable's name is what the hint keys on
        pass

    @handle_errors
    def command() -> None:
        raise ProgrammingError("SELECT tenants.id FROM tenants WHERE tenants.id = %(pk_1)s", {"pk_1": "nobody"},
                               UndefinedTable('relation "tenants" does not exist\nLINE 2: FROM tenants'))

    monkeypatch.setenv("DATABASE_URL", "postgresql://app:secret@db.internal:5432/agentic")
    with pytest.raises(SystemExit) as stop:
        command()
    err = capsys.readouterr().err
    assert stop.value.code != 0 and err.strip().count("\n") == 0, err
    assert err.startswith("error: database error at "), err  # the database the command opened, else DATABASE_URL
    assert 'relation "tenants" does not exist' in err and "agentic-sales db upgrade" in err
    assert "SELECT" not in err and "secret" not in err


def test_a_csv_saved_as_utf16_unicode_text_is_named_with_what_to_save_it_as(tmp_path, run):
    # Excel's "Unicode Text" and some CRM exports write UTF-16; pandas reads UTF-8 (with or without BOM).
    path = tmp_path / "export.csv"
    path.write_text("won,amount\nyes,10\nno,20\n", encoding="utf-16")
    res = run("model", "train", "--task", "churn", "--data", str(path), "--target", "won", "--out", str(tmp_path / "x"))
    assert res.exit_code != 0 and res.stdout == ""
    assert res.stderr.strip().count("\n") == 0 and "Traceback" not in res.stderr
    assert f"{path} is not UTF-8 text" in res.stderr and "CSV UTF-8" in res.stderr


def test_a_csv_from_a_european_excel_with_semicolons_and_decimal_commas_trains_like_the_comma_file(
        csvs, tmp_path, run):
    # Excel in German, French and Spanish locales saves "CSV" with ';' and a decimal comma; read with
    # commas it was one column, and the error said the target was not in the data.
    frame = pd.read_csv(csvs["train"])
    path = tmp_path / "export_de.csv"
    frame.to_csv(path, sep=";", decimal=",", index=False)
    assert ";" in path.read_text().splitlines()[0] and "," in path.read_text()  # decimal commas really written
    runs = {}
    for name, data in (("comma", csvs["train"]), ("semicolon", path)):
        res = run("model", "train", "--task", "churn", "--data", str(data), *TRAIN, "--out", str(tmp_path / name))
        assert res.exit_code == 0, res.stderr
        runs[name] = json.loads(res.stdout)
    assert runs["semicolon"]["features"] == runs["comma"]["features"]
    assert runs["semicolon"]["metrics"]["holdout"]["roc_auc"] == pytest.approx(
        runs["comma"]["metrics"]["holdout"]["roc_auc"], abs=1e-9)


def test_an_output_file_in_a_folder_that_does_not_exist_is_refused_before_any_work_naming_the_folder(
        csvs, tmp_path, run):
    out = tmp_path / "m"
    assert run("model", "train", "--task", "conversion", "--data", str(csvs["train"]), *TRAIN, "--out",
               str(out)).exit_code == 0
    missing = tmp_path / "reports"  # e.g. a typo, or a folder the admin meant to create first
    for args in (("model", "report", "--model", str(out), "--out", str(missing / "cards.html")),
                 ("model", "predict", "--model", str(out), "--data", str(csvs["test"]), "--out",
                  str(missing / "p.csv"))):
        res = run(*args)
        assert res.exit_code == 2
        assert res.stderr.strip() == f"error: cannot write {missing / args[-1].rsplit('/', 1)[-1]}: no folder {missing}"
    assert not missing.exists()
    assert run("model", "report", "--model", str(out), "--out", str(tmp_path / "cards.html")).exit_code == 0


def test_a_model_trained_with_a_group_column_is_compared_on_whole_groups_and_refuses_a_holdout_without_it(
        csvs, tmp_path, run):
    # Three rows per account (think: snapshots of one deal): a row bootstrap would count one account's luck three
    # times over. The column is not a feature; the promotion's holdout must carry it.
    frame = pd.read_csv(csvs["train"])
    frame["account"] = [f"acc-{i // 3}" for i in range(len(frame))]
    grouped = tmp_path / "grouped.csv"
    frame.to_csv(grouped, index=False)
    out = tmp_path / "m"
    res = run("model", "train", "--task", "churn", "--data", str(grouped), *TRAIN, "--group-column", "account",
              "--out", str(out))
    assert res.exit_code == 0, res.stderr
    assert "account" not in json.loads(res.stdout)["features"]
    assert json.loads((out / "metadata.json").read_text())["group_column"] == "account"
    reg = str(tmp_path / "reg")
    assert json.loads(run("model", "promote", "--model", str(out), "--tenant", "t1", "--registry", reg).stdout)[
        "promoted"]
    missing = run("model", "promote", "--model", str(out), "--tenant", "t1", "--registry", reg,
                  "--holdout", str(csvs["train"]))  # the same rows without the account column
    assert missing.exit_code != 0 and "account" in missing.stderr and "group column" in missing.stderr
    again = run("model", "promote", "--model", str(out), "--tenant", "t1", "--registry", reg,
                "--holdout", str(grouped))
    doc = json.loads(again.stdout)
    assert again.exit_code == 0 and doc["promoted"] is False and doc["basis"].startswith("same")


def test_whole_group_resampling_widens_the_promotion_interval_of_repeated_rows():
    import numpy as np

    from scoring.promotion import bootstrap_aucs

    rng = np.random.default_rng(0)
    n = 60
    y = np.repeat(rng.integers(0, 2, n), 4)  # four rows of each of 60 entities share its outcome
    p = np.repeat(rng.random(n), 4) * 0.3 + y * 0.2
    by_rows = bootstrap_aucs(y, {"m": p}, rounds=400)["m"]
    by_groups = bootstrap_aucs(y, {"m": p}, rounds=400, groups=np.repeat(np.arange(n), 4))["m"]
    assert by_groups.std() > 1.5 * by_rows.std()  # ~sqrt(4) = 2 times wider: one entity is one piece of evidence
