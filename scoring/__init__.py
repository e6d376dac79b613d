"""The scoring engine: features, calibrated and explained models per task, registry, report.

Never imports Flask. The pipeline calls :func:`score_batch` (or :func:`score_record`) with the tenant's champions
(:meth:`ModelRegistry.load_champions`); the CLI trains and predicts on CSV files.
"""

from ._columns import COLUMN_TYPES, coerce_binary_target, infer_column_types
from ._encoder import TabularEncoder, UnseenCategoryWarning
from .errors import (
    ConstantTargetError,
    DataError,
    EmptyDataError,
    LibraryVersionMismatchError,
    MissingColumnError,
    ModelError,
    ModelIntegrityError,
    ModelNotFoundError,
    MulticlassTargetError,
    NotEnoughHistoryError,
    ScoringError,
    TargetError,
)
from .features import record_features
from .models import ChurnClassifier, ClvModel, ConversionClassifier, PriceModel
from .registry import TASKS, LoadedModel, ModelRegistry, load_model, save_model
from .scores import band, predict_table, score_1_99, score_batch, score_record
from .train import normalise_transactions, retrain_tenant, train_clv, train_from_records, train_table

__all__ = [
    "COLUMN_TYPES",
    "ChurnClassifier",
    "ClvModel",
    "ConstantTargetError",
    "ConversionClassifier",
    "DataError",
    "EmptyDataError",
    "LibraryVersionMismatchError",
    "LoadedModel",
    "MissingColumnError",
    "ModelError",
    "ModelIntegrityError",
    "ModelNotFoundError",
    "ModelRegistry",
    "MulticlassTargetError",
    "NotEnoughHistoryError",
    "PriceModel",
    "ScoringError",
    "TASKS",
    "TabularEncoder",
    "TargetError",
    "UnseenCategoryWarning",
    "band",
    "coerce_binary_target",
    "infer_column_types",
    "load_model",
    "normalise_transactions",
    "predict_table",
    "record_features",
    "retrain_tenant",
    "save_model",
    "score_1_99",
    "score_batch",
    "score_record",
    "train_clv",
    "train_from_records",
    "train_table",
]
