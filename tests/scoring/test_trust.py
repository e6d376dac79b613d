"""Scores a revenue team can trust: no label leaks, explicit positive class, honest promotion,
snapshots and durations instead of absolute time, faithful factors, safe model files."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace

import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import roc_auc_score

import scoring
from scoring import ModelRegistry, NotEnoughHistoryError, load_model, save_model, score_batch, score_record
from scoring._columns import coerce_binary_target
from scoring.errors import ModelIntegrityError, TargetError
from scoring.features import record_features
from scoring.models._calibration import ProbabilityCalibrator
from scoring.train import records_to_frame, train_from_records, train_table

from .data import crm_records, deals


def _loaded(task, model, meta):
    return scoring.LoadedModel(task=task, model=model, metadata=meta | {"version": f"{task}-v1"}, path=None)


# -- positive class ---------------------------------------------------------------------------
@pytest.mark.parametrize(("values", "positive"), [
    (["1", "0"], "1"), (["TRUE", "false"], "TRUE"), (["Yes", "no"], "Yes"), (["won", "Lost"], "won"),
    ([1.0, 0.0], "1.0"),
])
def test_unambiguous_label_pairs_pick_their_positive_class_automatically(values, positive):
    y, info = coerce_binary_target(pd.Series(values * 3), "t")
    assert str(info["positive_class"]) == positive and y.tolist() == [1, 0] * 3 and info["positive_rate"] == 0.5


@pytest.mark.parametrize("values", [["Converted", "Not converted"], ["2", "1"], ["Active", "Cancelled"]])
def test_any_other_pair_of_labels_needs_an_explicit_positive_class(values):
    with pytest.raises(TargetError, match="--positive"):
        coerce_binary_target(pd.Series(values * 3), "t")


def test_converted_without_positive_exits_2_and_with_it_predicts_p_converted(tmp_path, run):
    frame = deals(200, seed=3)
    frame["outcome"] = np.where(frame.pop("won") == "yes", "Converted", "Not converted")
    path = tmp_path / "d.csv"
    frame.to_csv(path, index=False)
    args = ("model", "train", "--task", "churn", "--data", str(path), "--target", "outcome", "--id-column",
            "deal_id", "--fast", "--out", str(tmp_path / "m"))
    res = run(*args)
    assert res.exit_code == 2 and res.stdout == ""
    assert res.stderr.count("\n") == 1 and "--positive" in res.stderr and "'Converted'" in res.stderr
    res = run(*args, "--positive", "Converted")
    assert res.exit_code == 0, res.stderr
    doc = json.loads(res.stdout)
    rate = float((frame["outcome"] == "Converted").mean())
    assert doc["positive_class"] == "Converted" and doc["positive_rate"] == pytest.approx(rate, abs=1e-6)
    assert "predicting outcome = 'Converted'" in res.stderr
    model = load_model(tmp_path / "m")
    p = model.model.predict_proba(frame.drop(columns=["outcome", "deal_id"]))[:, 1]
    converted = (frame["outcome"] == "Converted").to_numpy()
    # P(Converted), not P(Not converted): an inverted class would rank them the other way (AUC < 0.4).
    assert roc_auc_score(converted, p) > 0.6 and p[converted].mean() > p[~converted].mean()


# -- leaks -----------------------------------------------------------------------------------
def test_a_target_copied_into_another_column_is_dropped_and_named(tmp_path, run):
    frame = deals(240, seed=5)
    frame["status_copy"] = np.where(frame["won"] == "yes", "closed-yes", "closed-no")
    frame["won_flag_numeric"] = (frame["won"] == "yes").astype(int) * 3 + 1
    path = tmp_path / "d.csv"
    frame.to_csv(path, index=False)
    res = run("model", "train", "--task", "churn", "--data", str(path), "--target", "won", "--id-column",
              "deal_id", "--fast", "--out", str(tmp_path / "m"))
    assert res.exit_code == 0, res.stderr
    doc = json.loads(res.stdout)
    assert {d["column"] for d in doc["leakage"]} == {"status_copy", "won_flag_numeric"}
    assert {"status_copy", "won_flag_numeric"} <= set(doc["dropped_columns"])
    assert "dropped column 'status_copy'" in res.stderr
    assert doc["metrics"]["holdout"]["roc_auc"] < 0.95


def test_a_mapped_churn_field_never_becomes_a_feature_and_churn_trains_without_leaking():
    records = crm_records(200, seed=6)
    # The tenant maps the churn flag AND a churn date the CRM fills when a customer leaves.
    records = [replace(r, extra=dict(r.extra) | {"cancel_reason": "price" if r.extra["churned"] == "yes" else None})
               for r in records]
    mapping = {"targets": {"churn": "churned"}, "labels": {"churned": "Churned?"}}
    feats = record_features(records[0], mapping)
    assert "churned" not in feats and "discount" not in feats
    model, meta, _ = train_from_records(records, "churn", mapping=mapping, fast=True)
    assert [d["column"] for d in meta["leakage"]] == ["cancel_reason"]
    assert meta["metrics"]["holdout"]["roc_auc"] < 0.95
    assert "churned" not in meta["feature_schema"] and "cancel_reason" not in meta["feature_schema"]


def test_a_thirty_row_csv_is_refused_with_the_count():
    with pytest.raises(NotEnoughHistoryError, match="30 labelled rows, need 50"):
        train_table("churn", deals(30, seed=1), "won", id_column="deal_id", fast=True)


# -- snapshots and durations ---------------------------------------------------------------
def test_closed_deals_are_described_mid_life_and_labelled_with_their_outcome():
    records = crm_records(40, seed=7)
    frame, target, _ = records_to_frame(records, "conversion")
    assert 2 * len(records) <= len(frame) <= 4 * len(records)  # three rows per deal on average
    counts = frame["__group__"].value_counts()
    first = next(r for r in records if counts.get(r.id, 0) >= 2)
    rows = frame[frame["__group__"] == first.id]
    total = sum(1 for a in first.activities if a.type == "meeting")
    assert rows["meetings_90d"].is_monotonic_increasing and rows["meetings_90d"].iloc[-1] <= total
    assert rows["days_open"].iloc[0] < rows["days_open"].iloc[-1]
    assert rows[target].nunique() == 1 and "days_to_close" not in frame.columns


def test_a_deal_open_three_times_as_long_gives_about_three_times_the_rows():
    """Training rows weight deals as an open pipeline does: by how long each stays open."""
    records = crm_records(300, seed=9)
    short = [replace(r, close_date=_days_after(r.created_at, 20)) for r in records[:150]]
    long = [replace(r, close_date=_days_after(r.created_at, 60)) for r in records[150:]]
    frame, _, _ = records_to_frame(short + long, "conversion")
    per_group = frame["__group__"].value_counts()
    n_short = per_group.reindex([r.id for r in short]).fillna(0).sum()
    n_long = per_group.reindex([r.id for r in long]).fillna(0).sum()
    assert 2.5 < n_long / n_short < 3.5, (n_short, n_long)
    again, _, _ = records_to_frame(short + long, "conversion")
    assert again["days_open"].tolist() == frame["days_open"].tolist()  # the grid's phase is per deal, fixed


def test_no_snapshot_describes_a_deal_at_or_after_its_close():
    records = crm_records(60, seed=10)
    frame, _, _ = records_to_frame(records, "conversion")
    life = {r.id: (pd.Timestamp(r.close_date, tz="UTC") - pd.Timestamp(r.created_at, tz="UTC")).total_seconds() / 86400
            for r in records}
    assert (frame["days_open"] < frame["__group__"].map(life)).all()


def test_price_rows_describe_each_closed_deal_once_as_of_its_close():
    records = crm_records(60, seed=10)
    frame, _, discount = records_to_frame(records, "price")
    assert discount == "discount" and frame["__group__"].is_unique and len(frame) == len(records)
    life = {r.id: (pd.Timestamp(r.close_date, tz="UTC") - pd.Timestamp(r.created_at, tz="UTC")).total_seconds() / 86400
            for r in records}
    assert np.allclose(frame["days_open"], frame["__group__"].map(life))


def _days_after(created: str, days: int) -> str:
    from datetime import datetime, timedelta

    return (datetime.fromisoformat(created.replace("Z", "+00:00")) + timedelta(days=days)).date().isoformat()


def test_moving_every_date_three_years_later_changes_no_feature():
    from datetime import datetime

    a = crm_records(20, seed=8)
    b = crm_records(20, seed=8, shift_days=3 * 365)
    for ra, rb in zip(a, b, strict=True):
        fa = record_features(ra, as_of=datetime.fromisoformat(ra.close_date))
        fb = record_features(rb, as_of=datetime.fromisoformat(rb.close_date))
        assert json.dumps(fa, sort_keys=True, default=str) == json.dumps(fb, sort_keys=True, default=str)


def test_rollups_and_absolute_dates_from_the_crm_never_become_features():
    record = replace(crm_records(1, seed=9)[0], extra={
        "page_views": 500, "num_notes": 40, "stage_probability": 0.9, "last_contacted_at": "2025-07-03T10:00:00Z",
        "deal_type": "newbusiness", "description": "x" * 200, "renewal_date": "2023-01-10"})
    feats = record_features(record, as_of=pd.Timestamp("2023-03-01", tz="UTC").to_pydatetime())
    assert {"page_views", "num_notes", "stage_probability", "description"}.isdisjoint(feats)
    assert feats["deal_type"] == "newbusiness"
    assert feats["days_since_renewal_date"] == pytest.approx(50)


def test_no_discount_given_means_zero_discount():
    frame = deals(200, seed=10)
    frame.loc[frame.index[::2], "discount"] = np.nan
    model, meta, _ = train_table("price", frame, "won", id_column="deal_id", discount_column="discount", fast=True)
    assert model.encoder_.specs_ is not None
    assert "discount=__missing__" not in list(model.encoder_.feature_names_out_)


# -- promotion -----------------------------------------------------------------------------
def _shuffled(records, seed=0):
    """The same book with the churn labels shuffled across records (a deliberately worse model)."""
    rng = np.random.default_rng(seed)
    labels = [r.extra["churned"] for r in records]
    rng.shuffle(labels)
    return [replace(r, extra=dict(r.extra) | {"churned": c}) for r, c in zip(records, labels, strict=True)]


def test_a_shuffled_label_challenger_is_never_promoted(tmp_path):
    registry = ModelRegistry(tmp_path / "reg")
    records = crm_records(150, seed=11)
    first = scoring.retrain_tenant(records, "t1", registry, tasks=["churn"], fast=True)["churn"]
    assert first["promoted"], first
    worse = scoring.retrain_tenant(_shuffled(records), "t1", registry, tasks=["churn"], fast=True)["churn"]
    assert worse["promoted"] is False, worse
    alone = scoring.retrain_tenant(_shuffled(records), "t2", registry, tasks=["churn"], fast=True)["churn"]
    assert alone["promoted"] is False and alone["reason"].startswith("refused"), alone  # not even as the first


def test_an_equal_challenger_on_the_same_holdout_is_not_promoted(tmp_path):
    registry = ModelRegistry(tmp_path)
    records = crm_records(150, seed=12)
    scoring.retrain_tenant(records, "t1", registry, tasks=["churn"], fast=True)
    again = scoring.retrain_tenant(records, "t1", registry, tasks=["churn"], fast=True)["churn"]
    assert again["promoted"] is False and again["basis"].startswith("same time-based holdout")
    assert again["comparison"]["share_better"] < 0.9


def test_a_calibrator_can_never_invert_the_ranking():
    rng = np.random.default_rng(0)
    p = rng.uniform(size=300)
    y = (rng.uniform(size=300) < 1 - p).astype(int)  # raw scores ranked backwards
    cal = ProbabilityCalibrator("sigmoid").fit(p, y)
    out = cal.transform(np.sort(p))
    assert np.all(np.diff(out) >= -1e-12)
    again = ProbabilityCalibrator.from_dict(cal.to_dict()).transform(np.sort(p))
    assert np.allclose(out, again)


# -- batch scoring and factors -------------------------------------------------------------
@pytest.fixture(scope="module")
def crm_models():
    records = crm_records(80, seed=13)
    models = {}
    for task in ("conversion", "churn", "price"):
        model, meta, _ = train_from_records(records, task, fast=True)
        models[task] = _loaded(task, model, meta)
    models["clv"] = {"not_enough_history": {"have": 3, "need": 50}}
    return models


def test_score_batch_gives_each_record_what_score_record_gives(crm_models):
    open_deals = [replace(r, stage_kind="open") for r in crm_records(6, seed=14)]
    batch = score_batch(open_deals, crm_models)
    assert list(batch) == [r.id for r in open_deals]
    for r in open_deals:
        assert batch[r.id] == score_record(r, crm_models)
    assert batch[open_deals[0].id]["absent"] == {"clv": {"not_enough_history": {"have": 3, "need": 50}}}


def test_each_factor_moves_the_shown_probability_its_way_when_set_to_its_reference(crm_models):
    open_deals = [replace(r, stage_kind="open") for r in crm_records(12, seed=15)]
    checked = 0
    for task in ("conversion", "churn"):
        model = crm_models[task].model
        enc = model.encoder_
        for r in open_deals:
            entry = score_record(r, crm_models)[task]
            z = enc.transform_one(record_features(r))
            p = float(model.proba_encoded(z[None, :])[0])
            assert p == pytest.approx(entry["probability"], abs=1e-6)
            for factor in entry["factors"]:
                moved = z.copy()
                idx = enc.groups_[factor["feature"]]
                moved[idx] = enc.baseline_[idx]
                delta = p - float(model.proba_encoded(moved[None, :])[0])
                assert np.sign(delta) == (1 if factor["direction"] == "+" else -1), (task, factor)
                checked += 1
    assert checked > 20


def test_factor_labels_come_from_the_crm_property_labels(crm_models):
    record = replace(crm_records(1, seed=16)[0], stage_kind="open")
    labels = {"created_at": "Create date", "amount": "Amount (EUR)", "industry": "Sector"}
    entry = score_record(record, crm_models, {"labels": labels})["conversion"]
    shown = " | ".join(f["label"] for f in entry["factors"])
    for feature, expected in (("days_open", "Days since Create date"), ("amount", "Amount (EUR)"),
                              ("company_industry", "Sector")):
        if any(f["feature"] == feature for f in entry["factors"]):
            assert expected in shown


def test_no_card_shows_a_field_the_deal_does_not_have_as_a_driver(crm_models):
    # Deals without a meeting have no "days since last meeting": the card once said
    # "Days since last meeting: missing ↓" (the "Bg p alive: missing ↑" class).
    open_deals = [replace(r, stage_kind="open") for r in crm_records(30, seed=21)]
    without_meeting = [r for r in open_deals if not r.activities]
    assert without_meeting  # the case is exercised
    batch = score_batch(open_deals, crm_models)
    shown = 0
    for r in open_deals:
        feats = record_features(r)
        for task in ("conversion", "churn", "price"):
            for factor in batch[r.id][task]["factors"]:
                assert "missing" not in factor["label"], (task, factor)
                value = feats.get(factor["feature"], 0.0 if factor["feature"] == "discount" else None)
                assert value is not None and value == value, (task, factor)  # not None, not NaN
                shown += 1
    assert shown > 50


def test_factor_values_read_as_a_rep_reads_them():
    from scoring.explain import top_factors

    names = ["days_since_last_email", "days_open", "company_industry", "days_since_last_meeting", "owner", "amount"]
    values = {"days_since_last_email": 2.07, "days_open": 44.9, "company_industry": "MARKETING_AND_ADVERTISING",
              "days_since_last_meeting": float("nan"), "owner": "Dana Reyes", "amount": 51400.0}
    factors = top_factors(np.array([0.3, -0.2, 0.1, -0.5, 0.05, -0.01]), names, values)
    labels = {f["feature"]: f["label"] for f in factors}
    assert labels["days_since_last_email"] == "Days since last email: 2 ↑"
    assert labels["days_open"] == "Days open: 45 ↓"
    assert labels["company_industry"] == "Industry: Marketing and advertising ↑"
    assert labels["owner"].startswith("Deal owner: Dana Reyes")
    assert "days_since_last_meeting" not in labels  # the strongest impact, but no value on this deal
    assert [f["direction"] for f in factors] == ["+", "+", "+", "-", "-"]


def test_the_owner_factor_names_the_owner_not_the_crm_user_id(crm_models, monkeypatch):
    from integrations.base import Owner
    from scoring import scores

    captured = []
    real = scores.top_factors

    def spy(impacts, names, values, labels=None, k=3):
        captured.append(dict(values))
        return real(impacts, names, values, labels, k)

    monkeypatch.setattr(scores, "top_factors", spy)
    record = replace(crm_records(1, seed=22)[0], stage_kind="open", owner=Owner(id="32100005", name="Dana Reyes"))
    score_record(record, crm_models)
    assert captured and all(v.get("owner") == "Dana Reyes" for v in captured)


def test_clv_factors_are_plain_words_with_values():
    from scoring.models.clv import CONTRIBUTIONS as FEATURES

    from .data import transactions

    tx = transactions(150).rename(columns={"cust": "customer", "when": "date", "spend": "amount"})
    tx["date"] = pd.to_datetime(tx["date"])
    model, meta, _ = scoring.train_clv(tx, pd.Timestamp("2024-06-30"), 180)
    loaded = _loaded("clv", model, meta)
    from integrations.base import ClosedWonDeal, History, Record

    history = History(closed_won_deals=tuple(ClosedWonDeal(date=d.date().isoformat(), amount=float(a))
                                             for d, a in tx[tx["customer"] == "C0001"][["date", "amount"]].values))
    record = Record(crm="hubspot", tenant_id="t", object_type="deal", id="1", stage_kind="open", history=history)
    entry = score_record(record, {"clv": loaded}, as_of=pd.Timestamp("2024-06-30", tz="UTC").to_pydatetime())["clv"]
    assert entry["factors"]
    for factor in entry["factors"]:
        assert factor["feature"] in FEATURES
        assert "missing" not in factor["label"] and "Bg " not in factor["label"] and "_" not in factor["label"]


# -- model files ---------------------------------------------------------------------------
@pytest.fixture(scope="module")
def artefact(tmp_path_factory):
    model, meta, holdout = train_table("conversion", deals(200, seed=17), "won", id_column="deal_id", fast=True)
    return save_model(model, tmp_path_factory.mktemp("a") / "conv", meta, holdout)


def test_a_patch_upgrade_of_a_library_still_loads(artefact, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(artefact, copy)
    meta = json.loads((copy / "metadata.json").read_text())
    major, minor, *_ = meta["library_versions"]["scikit-learn"].split(".")
    meta["library_versions"]["scikit-learn"] = f"{major}.{minor}.99"
    (copy / "metadata.json").write_text(json.dumps(meta))
    assert load_model(copy).task == "conversion"
    meta["library_versions"]["scikit-learn"] = f"{major}.{int(minor) + 1}.0"
    (copy / "metadata.json").write_text(json.dumps(meta))
    with pytest.raises(scoring.LibraryVersionMismatchError):
        load_model(copy)


def test_a_model_file_naming_builtins_eval_is_refused(artefact, tmp_path):
    import skops.io as sio

    from scoring.registry import sha256_of

    copy = tmp_path / "evil"
    shutil.copytree(artefact, copy)
    sio.dump({"payload": eval}, copy / "model.skops")
    meta = json.loads((copy / "metadata.json").read_text())
    meta["checksums"]["model.skops"] = sha256_of(copy / "model.skops")  # an attacker can recompute these
    (copy / "metadata.json").write_text(json.dumps(meta))
    with pytest.raises(ModelIntegrityError, match="builtins.eval"):
        load_model(copy)


def test_the_allow_list_covers_every_type_our_models_save(tmp_path):
    import skops.io as sio

    from scoring.models.conversion import ConversionClassifier
    from scoring.registry import TRUSTED_TYPES

    frame = deals(200, seed=18)
    y = (frame.pop("won") == "yes").astype(int)
    X = frame.drop(columns=["deal_id", "created"])
    blended = ConversionClassifier(blend_min_gain=-1.0, blend_weights=(0.0, 0.5), cv=3, max_iter=20,
                                   gb_max_iter=10, random_state=0).fit(X, y)
    assert blended.blend_weight_ > 0 or blended.lr_weight_ > 0
    save_model(blended, tmp_path / "b", {"task": "conversion"})
    found = set(sio.get_untrusted_types(file=tmp_path / "b" / "model.skops"))
    for task in ("churn", "price"):
        model, meta, _ = train_table(task, deals(120, seed=19), "won", id_column="deal_id", fast=True,
                                     discount_column="discount" if task == "price" else None)
        save_model(model, tmp_path / task, meta)  # boosters go to xgboost JSON, the rest to skops
        found |= set(sio.get_untrusted_types(file=tmp_path / task / "model.skops"))
    assert found <= TRUSTED_TYPES, found - TRUSTED_TYPES


def test_clv_scored_for_a_batch_in_one_call_equals_each_account_scored_alone():
    from integrations.base import ClosedWonDeal, History, Record

    from .data import transactions

    tx = transactions(150).rename(columns={"cust": "customer", "when": "date", "spend": "amount"})
    tx["date"] = pd.to_datetime(tx["date"])
    model, meta, _ = scoring.train_clv(tx, pd.Timestamp("2024-06-30"), 180)
    models = {"clv": _loaded("clv", model, meta)}
    as_of = pd.Timestamp("2024-06-30", tz="UTC").to_pydatetime()
    records = []
    for i, cust in enumerate(sorted(tx["customer"].unique())[:8]):
        rows = tx[tx["customer"] == cust][["date", "amount"]].values
        history = History(closed_won_deals=tuple(ClosedWonDeal(date=d.date().isoformat(), amount=float(a))
                                                 for d, a in rows))
        records.append(Record(crm="hubspot", tenant_id="t", object_type="deal", id=str(i), stage_kind="open",
                              history=history))
    # A prospect (no purchase yet, scored as if this deal is won) and an account with nothing at all.
    records.append(Record(crm="hubspot", tenant_id="t", object_type="deal", id="p", stage_kind="open", amount=9000.0))
    records.append(Record(crm="hubspot", tenant_id="t", object_type="deal", id="n", stage_kind="open"))
    batch = score_batch(records, models, as_of=as_of)
    for r in records:
        assert batch[r.id] == score_record(r, models, as_of=as_of)
    assert batch["p"]["clv"]["basis"] == "if this deal is won (no purchase yet)"
    assert batch["n"]["absent"]["clv"] == {"no_purchase_history": {}}
    assert len({batch[r.id]["clv"]["value"] for r in records[:8]}) > 1


def test_clv_of_an_account_in_another_currency_is_scored_on_amounts_converted_to_the_corporate_one():
    from integrations.base import ClosedWonDeal, History, Record
    from integrations.money import RATES_KEY, RateTable

    from .data import transactions

    tx = transactions(150).rename(columns={"cust": "customer", "when": "date", "spend": "amount"})
    tx["date"] = pd.to_datetime(tx["date"])
    model, meta, _ = scoring.train_clv(tx, pd.Timestamp("2024-06-30"), 180)
    models = {"clv": _loaded("clv", model, meta)}
    as_of = pd.Timestamp("2024-06-30", tz="UTC").to_pydatetime()
    cust = sorted(tx["customer"].unique())[0]
    rows = [(d.date().isoformat(), float(a)) for d, a in tx[tx["customer"] == cust][["date", "amount"]].values]
    rates = {RATES_KEY: RateTable("USD", {"EUR": 0.5}).to_dict()}
    in_usd = Record(crm="salesforce", tenant_id="t", object_type="deal", id="u", currency="USD", extra=rates,
                    history=History(closed_won_deals=tuple(ClosedWonDeal(d, a, "USD") for d, a in rows)))
    in_eur = Record(crm="salesforce", tenant_id="t", object_type="deal", id="e", currency="EUR", extra=rates,
                    history=History(closed_won_deals=tuple(ClosedWonDeal(d, a * 0.5, "EUR") for d, a in rows)))
    no_rate = Record(crm="salesforce", tenant_id="t", object_type="deal", id="j", currency="JPY", extra=rates,
                     history=History(closed_won_deals=tuple(ClosedWonDeal(d, a, "JPY") for d, a in rows)))
    batch = score_batch([in_usd, in_eur, no_rate], models, as_of=as_of)
    assert batch["e"]["clv"]["currency"] == batch["u"]["clv"]["currency"] == "USD"
    assert batch["e"]["clv"]["value"] == pytest.approx(batch["u"]["clv"]["value"])
    assert batch["j"]["absent"]["clv"] == {"no_purchase_history": {}}  # nothing it could convert
