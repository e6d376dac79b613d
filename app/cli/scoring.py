"""`agentic-sales model ...` and `agentic-sales clv ...`: train, predict, report and promote models.

Results go to stdout as one JSON document; logs, warnings and progress to stderr. Errors are one
line naming the column or problem, with a non-zero exit code and never a traceback.
"""

from __future__ import annotations

import functools
import json
import os
import re
import shutil
import sys
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn

import click

from app.connectors import DEFAULT_REGISTRY


def connector_names() -> list[str]:
    """Registered connectors, the default (first) one first."""
    return list(json.loads(DEFAULT_REGISTRY.read_text()))

EXIT_DATA = 2
"""Exit code of a data or usage problem (bad file, column, target)."""

EXIT_MODEL = 3
"""Exit code of a model problem (not an artefact, checksum, library mismatch) or a missing service."""


def _one_line_warnings() -> None:
    def fmt(message, category, filename, lineno, line=None):  # noqa: ARG001 - warnings API
        return f"warning: {message}\n"

    warnings.formatwarning = fmt


def _echo_warnings(caught: list[warnings.WarningMessage]) -> None:
    """Show our data warnings (unseen categories, no holdout) on stderr, once each, one line each."""
    # scikit-learn's ConvergenceWarning is left out; a command that never loaded scikit-learn cannot have met one.
    sklearn_errors = sys.modules.get("sklearn.exceptions")
    not_ours = (sklearn_errors.ConvergenceWarning,) if sklearn_errors is not None else ()
    seen: set[str] = set()
    for w in caught:
        text = " ".join(str(w.message).split())
        if issubclass(w.category, UserWarning) and not issubclass(w.category, not_ours) and text not in seen:
            seen.add(text)
            click.echo(f"warning: {text}", err=True)


def _fail(message: str, code: int) -> NoReturn:
    click.echo(f"error: {' '.join(str(message).split())}", err=True)
    sys.exit(code)


def _check_out(path: str) -> None:
    """Refuse an output file whose folder does not exist, before any work, as `learning report` does
    ("error: FileNotFoundError: [Errno 2] ..." after the cards were built named no next step)."""
    if not Path(path).expanduser().resolve().parent.is_dir():
        _fail(f"cannot write {path}: no folder {Path(path).parent}", EXIT_DATA)


def handle_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """Turn expected failures into one stderr line and a non-zero exit code."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from sqlalchemy.exc import SQLAlchemyError

        from scoring.errors import DataError, ModelError, NotEnoughHistoryError, ScoringError

        _one_line_warnings()
        try:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                try:
                    return func(*args, **kwargs)
                finally:
                    _echo_warnings(caught)
        except (DataError, NotEnoughHistoryError) as exc:
            _fail(str(exc), EXIT_DATA)
        except ModelError as exc:
            _fail(str(exc), EXIT_MODEL)
        except ScoringError as exc:
            _fail(str(exc), EXIT_DATA)
        except _pandas_error("EmptyDataError"):
            _fail("the file is empty", EXIT_DATA)
        except _pandas_error("ParserError") as exc:
            _fail(f"the file is not a readable CSV ({exc})", EXIT_DATA)
        except (ValueError, KeyError, TypeError, OSError, UnicodeDecodeError) as exc:
            _fail(f"{type(exc).__name__}: {exc}", EXIT_DATA)
        except SQLAlchemyError as exc:
            # A database without the app's tables (not upgraded) or out of reach: which one and the next
            # step, in one line; it printed the driver's SQL and parameters over ten lines.
            from app.cli.target import command_database_error

            _fail(command_database_error(exc), EXIT_DATA)

    return wrapper


def _pandas_error(name: str) -> tuple[type[BaseException], ...]:
    """pandas' exception `name` when a command has loaded pandas, else nothing to catch: only pandas raises it.
    Importing pandas to name its errors cost every model command ~1 CPU s before it opened the database."""
    pandas = sys.modules.get("pandas")
    return (getattr(pandas.errors, name),) if pandas is not None else ()


def _read_csv(path: str):
    import pandas as pd

    from scoring.errors import DataError, EmptyDataError

    try:
        sep = _separator(path)
        frame = pd.read_csv(path, low_memory=False, sep=sep)
        if sep == ";":
            frame = _decimal_commas(frame)
    except UnicodeDecodeError as exc:
        # The codec's own message names neither the file nor the fix (UTF-16 "Unicode Text" exports).
        raise DataError(f"{path} is not UTF-8 text (byte 0x{exc.object[exc.start]:02x} at offset {exc.start}): "
                        "save it as CSV UTF-8") from exc
    if frame.shape[0] == 0:
        raise EmptyDataError(f"{path}: no data rows")
    return frame


def _separator(path: str) -> str:
    """`;` for the CSV that Excel writes where the decimal mark is a comma (German, French, Spanish
    locales): read with commas, its header was one column and the target 'not in the data'."""
    with open(path, encoding="utf-8", errors="replace", newline="") as fh:
        header = fh.readline()
    return ";" if header.count(";") > header.count(",") else ","


def _decimal_commas(frame: Any) -> Any:
    """Columns whose every value is a number written with a decimal comma ("1234,5") become numbers."""
    import pandas as pd

    for column in frame.select_dtypes(include="object").columns:
        values = frame[column].dropna().astype(str).str.strip()
        if len(values) and values.str.fullmatch(r"-?\d+(,\d+)?").all():
            frame[column] = pd.to_numeric(frame[column].astype(str).str.replace(",", ".", regex=False),
                                          errors="coerce")
    return frame


def _emit(result: dict[str, Any]) -> None:
    click.echo(json.dumps(result, default=_json_default, allow_nan=False))


def _json_default(value: Any) -> Any:
    import numpy as np

    if isinstance(value, np.generic):
        return value.item()
    return str(value)


def _clean(obj: Any) -> Any:
    """NaN → None so stdout is strict JSON."""
    if isinstance(obj, dict):
        return {k: _clean(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [_clean(v) for v in obj]
    if isinstance(obj, float) and obj != obj:
        return None
    return obj


_SAFE_TENANT = re.compile(r"[A-Za-z0-9_.-]{1,128}")
"""A tenant id that is one path component (the model registry's own rule for its directories)."""


def _registry_root(registry: str | None) -> Path:
    if registry:
        return Path(registry)
    data_dir = os.environ.get("AGENTIC_SALES_DATA_DIR") or os.path.expanduser("~/.agentic-sales")
    return Path(data_dir) / "models"


@click.group("model")
def model() -> None:
    """Train, predict with, report on and promote scoring models (conversion, churn, price)."""


@model.command("train")
@click.option("--task", type=click.Choice(["conversion", "churn", "price"]), required=True)
@click.option("--data", "data", type=click.Path(exists=True, dir_okay=False), required=True, help="Training CSV.")
@click.option("--target", required=True, help="Binary target column.")
@click.option("--positive", default=None,
              help="The target value to predict (needed unless the values are 1/0, true/false, yes/no or won/lost).")
@click.option("--id-column", default=None, help="Id column: not a feature, echoed by predict.")
@click.option("--time-column", default=None,
              help="When each row's outcome was known: the latest rows become the holdout (not a feature).")
@click.option("--group-column", default=None,
              help="Rows that describe one entity (e.g. several snapshots of a deal share its deal id): kept on one "
                   "side of every split and resampled together when the model is compared (not a feature).")
@click.option("--discount-column", default=None, help="Discount column (task price).")
@click.option("--max-discount", type=click.FloatRange(0, 1), default=None, help="Cap of the recommended discount.")
@click.option("--out", type=click.Path(file_okay=False), required=True, help="Artefact directory to write.")
@click.option("--random-state", type=int, default=None)
@click.option("--fast", is_flag=True, help="Fewer iterations (smoke runs).")
@handle_errors
def train_cmd(task, data, target, positive, id_column, time_column, group_column, discount_column, max_discount, out,
              random_state, fast) -> None:
    """Train a model on a CSV and write the artefact to --out."""
    from scoring import defaults, save_model, train_table

    if task == "price" and not discount_column:
        raise click.UsageError("--discount-column is required for --task price")
    model_, meta, holdout = train_table(
        task, _read_csv(data), target, id_column=id_column, discount_column=discount_column,
        max_discount=defaults.MAX_DISCOUNT if max_discount is None else max_discount, positive=positive,
        time_column=time_column, group_column=group_column,
        random_state=defaults.RANDOM_STATE if random_state is None else random_state, fast=fast, progress=True,
    )
    path = save_model(model_, out, meta, holdout)
    saved = json.loads((path / "metadata.json").read_text())
    info = saved["target_info"]
    click.echo(f"predicting {target} = {info['positive_class']!r} (rate {info['positive_rate']:.1%})", err=True)
    for leak in saved["leakage"]:
        click.echo(f"warning: dropped column {leak['column']!r}: {leak['reason']}", err=True)
    _emit(_clean({"task": task, "model": str(path), "version": saved["version"],
                  "positive_class": info["positive_class"], "positive_rate": info["positive_rate"],
                  "metrics": saved["metrics"], "promotion_gate": saved["promotion_gate"],
                  "served_model": saved.get("served_model"),
                  "features": saved["feature_schema"], "dropped_columns": saved["dropped_columns"],
                  "leakage": saved["leakage"]}))


@model.command("predict")
@click.option("--model", "model_dir", type=click.Path(exists=True, file_okay=False), required=True)
@click.option("--data", "data", type=click.Path(exists=True, dir_okay=False), required=True)
@click.option("--out", type=click.Path(dir_okay=False), required=True, help="Predictions CSV to write.")
@handle_errors
def predict_cmd(model_dir, data, out) -> None:
    """Predict every row of a CSV (the target column is not needed)."""
    _check_out(out)
    from scoring import load_model, predict_table
    from scoring.errors import DataError, MissingColumnError

    loaded = load_model(model_dir)
    if loaded.task == "clv":
        raise DataError("this is a CLV model: use `agentic-sales clv predict`")
    frame = _read_csv(data)
    meta = loaded.metadata
    id_column = meta.get("id_column")
    if id_column and id_column not in frame.columns:
        raise MissingColumnError(id_column, "id column")
    features = frame.drop(columns=[c for c in (meta.get("target"), id_column) if c and c in frame.columns])
    preds = predict_table(loaded, features)
    if id_column:
        preds.insert(0, id_column, frame[id_column].to_numpy())
    from app.cli.csv_cells import without_formulas  # pandas: imported when a command runs

    without_formulas(preds).to_csv(out, index=False)
    _emit({"task": loaded.task, "model_version": loaded.version, "rows": int(len(preds)), "out": str(out)})


@model.command("report")
@click.option("--tenant", default=None, help="The tenant whose champions to report on (found in the model store).")
@click.option("--task", default=None, help="conversion, churn, clv or price (default: all four).")
@click.option("--model", "model_dir", type=click.Path(exists=True, file_okay=False), default=None,
              help="An artefact directory instead of a tenant's champion.")
@click.option("--out", type=click.Path(dir_okay=False), required=True, help="HTML file to write.")
@handle_errors
def report_cmd(tenant, task, model_dir, out) -> None:
    """Write model cards as one self-contained HTML page: holdout, metrics, calibration, gain, factors.

    With --tenant the tenant's champions are found in the model store (the app's configuration,
    e.g. AGENTIC_SALES_DATA_DIR); a task without a model exits 2 with the reason.
    """
    from scoring import TASKS, load_model
    from scoring.report import render_report, report_page

    _check_out(out)
    if (tenant is None) == (model_dir is None):
        _fail("give either --tenant T (the tenant's champions) or --model DIR (one artefact)", EXIT_DATA)
    if task is not None and task not in TASKS:
        _fail(f"unknown task {task!r}; expected one of {', '.join(TASKS)}", EXIT_DATA)
    if model_dir is not None:
        loaded = load_model(model_dir)
        Path(out).write_text(render_report(loaded), encoding="utf-8")
        _emit({"task": loaded.task, "model_version": loaded.version, "out": str(out)})
        return
    cards = _tenant_cards(tenant, (task,) if task else None)
    present = [c for c in cards if c.present]
    if not present:
        reasons = "; ".join(f"{c.task}: {c.absent_reason}" for c in cards)
        _fail(f"tenant {tenant!r} has no model to report on ({reasons})", EXIT_DATA)
    Path(out).write_text(report_page(cards, f"Model cards: {tenant}"), encoding="utf-8")
    _emit(_clean({"tenant": tenant, "out": str(out), "cards": [c.to_dict() for c in cards]}))


def _tenant_cards(tenant: str, tasks: tuple[str, ...] | None) -> list[Any]:
    """The tenant's model cards through the app (database for labels and reasons, model store)."""
    overrides: dict[str, Any] = {"START_WORKER": False}  # a report reads; it must not start processing jobs
    data_dir = os.environ.get("AGENTIC_SALES_DATA_DIR")
    try:
        from app import create_app
        from app.demo import demo_config

        if data_dir and not os.environ.get("DATABASE_URL"):
            # A demo's data directory: its database and secrets, as the settings commands read it. Not
            # app.cli.target.command_app: that brings the schema up, and a report on a mistyped directory
            # must say where it looked instead of answering from a new empty database.
            overrides.update(demo_config(Path(data_dir).expanduser()))
            overrides["START_WORKER"] = False

        app = create_app(overrides)
    except Exception as exc:  # any configuration failure: one line, never a traceback
        _fail(f"cannot open the app's database ({' '.join(str(exc).split())[:200]}); "
              "set AGENTIC_SALES_DATA_DIR or DATABASE_URL", EXIT_DATA)
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import SQLAlchemyError

    from app.cli.target import database_error
    from app.reports import UnknownTenantError, model_cards

    with app.app_context():
        try:
            return model_cards(app, tenant, tasks)
        except UnknownTenantError as exc:
            _fail(str(exc), EXIT_DATA)
        except SQLAlchemyError as exc:
            if os.environ.get("DATABASE_URL"):  # the deployment's server: unreachable, or its schema behind
                _fail(database_error(app.config["DATABASE_URL"], exc), EXIT_DATA)
            # No tables: a data dir the app never used (a mistyped AGENTIC_SALES_DATA_DIR, most often).
            where = make_url(app.config["DATABASE_URL"]).render_as_string(hide_password=True)
            cause = type(getattr(exc, "orig", None) or exc).__name__
            _fail(f"cannot read tenants from {where} ({cause}); point "
                  "AGENTIC_SALES_DATA_DIR or DATABASE_URL at the app's database (after `agentic-sales demo`, "
                  "its data directory), or run `agentic-sales db upgrade`", EXIT_DATA)


@model.command("promote")
@click.option("--model", "model_dir", type=click.Path(exists=True, file_okay=False), required=True)
@click.option("--tenant", required=True)
@click.option("--registry", default=None, help="Registry root (default: $AGENTIC_SALES_DATA_DIR/models).")
@click.option("--holdout", type=click.Path(exists=True, dir_okay=False), default=None,
              help="CSV with the target: champion and challenger are compared on it (and, for a model trained with "
                   "--group-column, that column: one entity's rows are resampled together).")
@handle_errors
def promote_cmd(model_dir, tenant, registry, holdout) -> None:
    """Make the model the tenant's champion if it beats the current one on a holdout."""
    from scoring import ModelRegistry, load_model
    from scoring.registry import holdout_from_frame, holdout_groups_from_frame

    rows = groups = None
    if holdout is not None:
        challenger = load_model(model_dir)
        frame = _read_csv(holdout)
        groups = holdout_groups_from_frame(challenger, frame)
        rows = holdout_from_frame(challenger, frame, challenger.metadata.get("target"))
    _emit(_clean(ModelRegistry(_registry_root(registry)).promote(tenant, model_dir, holdout=rows,
                                                                 holdout_groups=groups)))


@model.command("train-from-crm")
@click.option("--tenant", required=True)
@click.option("--task", type=click.Choice(["conversion", "churn", "clv", "price", "lead_conversion"]), required=True,
              help="lead_conversion: on the CRM's closed leads (Salesforce Leads).")
@click.option("--crm", type=click.Choice(connector_names()), default=None,
              help="The tenant's CRM (default: the tenant's own; another is refused).")
@click.option("--records", type=click.Path(exists=True, dir_okay=False), default=None,
              help="JSON-lines file of canonical records, instead of reading the tenant's CRM.")
@click.option("--out", type=click.Path(file_okay=False), default=None,
              help="Keep the trained artefact in this directory (default: staged, then removed once promoted or "
                   "refused; the registry keeps a promoted one).")
@click.option("--registry", default=None, help="Registry root (default: the app's model directory).")
@click.option("--min-closed", type=int, default=None, help="Cold-start threshold (default 50).")
@click.option("--positive", default=None,
              help="The churn field's value meaning 'churned' (needed unless 1/0, true/false, yes/no).")
@handle_errors
def train_from_crm_cmd(tenant, task, crm, records, out, registry, min_closed, positive) -> None:
    """Train a task from the tenant's CRM history and promote it if better than the champion."""
    if not _SAFE_TENANT.fullmatch(tenant) or tenant in (".", ".."):
        # The tenant names the directory the challenger is staged in; '..' or 'a/b' would stage it elsewhere.
        _fail(f"--tenant={tenant!r} is not a tenant id (letters, digits, '_', '.', '-')", EXIT_DATA)
    mapping: dict[str, Any] = {}
    if records is not None:
        from integrations.base import Record

        with open(records, encoding="utf-8") as fh:
            recs = [Record.from_dict(json.loads(line)) for line in fh if line.strip()]
        root = _registry_root(registry)
    else:
        recs, mapping, root = _crm_history(tenant, crm, registry)
    # The scoring libraries after the history is read: a database or CRM that cannot answer is said without them.
    from scoring import ModelRegistry, defaults, save_model, train_from_records
    from scoring.registry import new_version

    if positive is not None:
        mapping = dict(mapping) | {"positive": {**(mapping.get("positive") or {}), task: positive}}
    common: dict[str, Any] = {}
    model_, meta, holdout = train_from_records(
        recs, task, mapping=mapping, min_closed=defaults.MIN_CLOSED_DEALS if min_closed is None else min_closed,
        holdout_out=common)
    # Staged under the tenant's own directory, as the scheduled retraining stages: the uninstall erases every
    # directory named after the tenant, and a challenger staged in the store's shared staging/ outlived it.
    target = Path(out) if out else root / tenant / "staging" / new_version(task)
    from app.pipeline.shared_staging import remove_shared_staging

    remove_shared_staging(root)
    path = save_model(model_, target, meta, holdout)
    try:
        result = ModelRegistry(root).promote(tenant, path, holdout=(common["X"], common["y"]) if common else None,
                                             holdout_groups=common.get("groups"))
    finally:
        if not out:
            # The registry keeps its own copy of a promoted model (named by `version`); the staged one, a model
            # and its holdout predictions (the tenant's data), was left behind by every run without --out.
            shutil.rmtree(path, ignore_errors=True)
    info = meta.get("target_info") or {}
    if info:
        click.echo(f"predicting {task} = {info['positive_class']!r} (rate {info['positive_rate']:.1%})", err=True)
    _emit(_clean(result | {"model": str(path) if out else None, "records": len(recs), "positive_class": info.get("positive_class"),
                           "positive_rate": info.get("positive_rate"), "leakage": meta.get("leakage", [])}))


def _crm_history(tenant: str, crm: str | None, registry: str | None) -> tuple[list[Any], dict[str, Any], Path]:
    """Every deal of the tenant's CRM as canonical Records, its field mapping, and the registry root.

    Needs the app (tenant database, stored CRM tokens, the adapter): the deployment's, or a demo's
    data directory (AGENTIC_SALES_DATA_DIR) as the other admin commands read it; fails with one line
    otherwise. `crm` defaults to the tenant's own and may not name another.
    """
    try:
        from app.cli.target import command_app, require_tenant
        from app.settings import UnknownTenantError
        from app.storage import get_db
        from app.storage.models import Tenant

        app = command_app()
    except Exception as exc:  # any import or configuration failure means: no app here
        _fail(f"train-from-crm needs the app database and the tenant's CRM connection ({exc}); "
              "or pass --records FILE.jsonl of canonical records", EXIT_MODEL)
    try:
        require_tenant(app, tenant)
    except UnknownTenantError as exc:
        _fail(str(exc), EXIT_DATA)
    with get_db(app).session() as s:
        row = s.get(Tenant, tenant)
        own = row.crm if row is not None else ""
    if crm is not None and crm != own:
        # Another CRM's field mapping on this tenant's records would train a wrong model without a word.
        _fail(f"tenant {tenant!r} is a {own} tenant, not {crm}: leave out --crm, or name its own", EXIT_DATA)
    crm = own
    from app.pipeline import tenant as tenant_inputs  # the scoring models: once the tenant is found

    with app.app_context():
        try:
            from app.pipeline.training import history_records

            # Bulk read: a few dozen API calls for the whole portal, not ~10 per deal.
            recs = history_records(app, tenant)
            mapping = tenant_inputs.scoring_mapping(app, tenant, crm)
        except Exception as exc:  # CRM/DB errors of other layers: report, never a traceback
            reason = " ".join(str(exc).split())[:200]  # SQL errors carry the whole statement
            _fail(f"could not read the history of tenant {tenant!r} from {crm}: {type(exc).__name__}: {reason}",
                  EXIT_MODEL)
        root = Path(registry) if registry else tenant_inputs.model_dir(app)
    return recs, mapping, root


@click.group("clv")
def clv() -> None:
    """Customer lifetime value from a transaction log."""


@clv.command("train")
@click.option("--transactions", type=click.Path(exists=True, dir_okay=False), required=True)
@click.option("--customer-column", required=True)
@click.option("--date-column", required=True)
@click.option("--amount-column", required=True)
@click.option("--cutoff", type=click.DateTime(["%Y-%m-%d"]), required=True)
@click.option("--horizon-days", type=click.IntRange(1), required=True)
@click.option("--out", type=click.Path(file_okay=False), required=True)
@click.option("--random-state", type=int, default=None)
@handle_errors
def clv_train_cmd(transactions, customer_column, date_column, amount_column, cutoff, horizon_days, out,
                  random_state) -> None:
    """Train on transactions up to --cutoff to predict value in the --horizon-days after it."""
    from scoring import defaults, normalise_transactions, save_model, train_clv

    columns = {"customer": customer_column, "date": date_column, "amount": amount_column}
    tx = normalise_transactions(_read_csv(transactions), customer_column, date_column, amount_column)
    model_, meta, holdout = train_clv(tx, cutoff, horizon_days, columns=columns,
                                      random_state=defaults.RANDOM_STATE if random_state is None else random_state)
    path = save_model(model_, out, meta, holdout)
    saved = json.loads((path / "metadata.json").read_text())
    _emit(_clean({"task": "clv", "model": str(path), "version": saved["version"], "metrics": saved["metrics"],
                  "training_customers": saved["training_customers"], "label_days": saved["label_days"]}))


@clv.command("predict")
@click.option("--model", "model_dir", type=click.Path(exists=True, file_okay=False), required=True)
@click.option("--transactions", type=click.Path(exists=True, dir_okay=False), required=True)
@click.option("--cutoff", type=click.DateTime(["%Y-%m-%d"]), required=True)
@click.option("--customer-column", default=None)
@click.option("--date-column", default=None)
@click.option("--amount-column", default=None)
@click.option("--out", type=click.Path(dir_okay=False), required=True)
@handle_errors
def clv_predict_cmd(model_dir, transactions, cutoff, customer_column, date_column, amount_column, out) -> None:
    """Predict value over the model's horizon after --cutoff for every customer seen by then."""
    _check_out(out)
    from scoring import load_model, normalise_transactions
    from scoring.errors import DataError

    loaded = load_model(model_dir)
    if loaded.task != "clv":
        raise DataError(f"this is a {loaded.task} model: use `agentic-sales model predict`")
    cols = loaded.metadata.get("columns") or {}
    tx = normalise_transactions(_read_csv(transactions), str(customer_column or cols.get("customer")),
                                str(date_column or cols.get("date")), str(amount_column or cols.get("amount")))
    preds = loaded.model.predict(tx, cutoff)
    from app.cli.csv_cells import without_formulas  # pandas: imported when a command runs

    without_formulas(preds).to_csv(out, index=False)
    _emit({"task": "clv", "model_version": loaded.version, "rows": int(len(preds)), "out": str(out),
           "horizon_days": loaded.metadata.get("horizon_days")})


commands = [model, clv]
