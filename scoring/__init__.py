"""The scoring engine: features, calibrated and explained models per task, registry, report.

Never imports Flask. The pipeline calls :func:`score_batch` (or :func:`score_record`) with the tenant's champions
(:meth:`ModelRegistry.load_champions`); the CLI trains and predicts on CSV files.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from integrations.lazy_names import lazy_names

if TYPE_CHECKING:
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

_HOMES: dict[str, str] = {
    "COLUMN_TYPES": "._columns",
    "coerce_binary_target": "._columns",
    "infer_column_types": "._columns",
    "TabularEncoder": "._encoder",
    "UnseenCategoryWarning": "._encoder",
    "ConstantTargetError": ".errors",
    "DataError": ".errors",
    "EmptyDataError": ".errors",
    "LibraryVersionMismatchError": ".errors",
    "MissingColumnError": ".errors",
    "ModelError": ".errors",
    "ModelIntegrityError": ".errors",
    "ModelNotFoundError": ".errors",
    "MulticlassTargetError": ".errors",
    "NotEnoughHistoryError": ".errors",
    "ScoringError": ".errors",
    "TargetError": ".errors",
    "record_features": ".features",
    "ChurnClassifier": ".models",
    "ClvModel": ".models",
    "ConversionClassifier": ".models",
    "PriceModel": ".models",
    "TASKS": ".registry",
    "LoadedModel": ".registry",
    "ModelRegistry": ".registry",
    "load_model": ".registry",
    "save_model": ".registry",
    "band": ".scores",
    "predict_table": ".scores",
    "score_1_99": ".scores",
    "score_batch": ".scores",
    "score_record": ".scores",
    "normalise_transactions": ".train",
    "retrain_tenant": ".train",
    "train_clv": ".train",
    "train_from_records": ".train",
    "train_table": ".train",
}
"""Where each public name lives. The package resolves them on first use (PEP 562) so that importing one light
submodule (`scoring.features`, `scoring.errors`) does not load scikit-learn, skops, XGBoost and pandas: about a CPU
second that every `agentic-sales` command and web worker paid at start-up whether or not it scored anything."""


_SUBMODULES = frozenset(home.lstrip(".") for home in _HOMES.values())
"""The submodules the package used to import eagerly: `scoring.registry` after a bare `import scoring` still works."""


__getattr__, __dir__ = lazy_names(__name__, _HOMES, __all__, _SUBMODULES)
