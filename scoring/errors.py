"""Errors raised by the scoring engine.

Callers can catch the whole layer with :class:`ScoringError`::

    ScoringError
    ├── DataError                     the input data cannot be used as given
    │   ├── EmptyDataError            no rows (or no usable columns)
    │   ├── MissingColumnError        a named column is not in the data
    │   └── TargetError               the target column cannot be learned
    │       ├── ConstantTargetError   only one class (or value) present
    │       └── MulticlassTargetError more than two classes
    ├── NotEnoughHistoryError         fewer closed deals than the cold-start threshold
    └── ModelError                    a saved model cannot be used
        ├── ModelNotFoundError        no artefact (or no champion) where one was expected
        ├── ModelIntegrityError       sidecar missing/invalid or a checksum does not match
        └── LibraryVersionMismatchError  saved with other library versions: retrain, do not load
"""

from __future__ import annotations


class ScoringError(Exception):
    """Base class of every error raised by :mod:`scoring`."""


class DataError(ScoringError):
    """The input data cannot be used as given."""


class EmptyDataError(DataError):
    """The data has no rows, or no usable feature columns."""


class MissingColumnError(DataError):
    """A column named by the caller is not in the data."""

    def __init__(self, column: str, role: str = "column") -> None:
        self.column = column
        self.role = role
        super().__init__(f"{role} {column!r} is not in the data")


class TargetError(DataError):
    """The target column cannot be learned from."""


class ConstantTargetError(TargetError):
    """The target holds a single class (or a single value)."""


class MulticlassTargetError(TargetError):
    """The target holds more than two classes."""


class NotEnoughHistoryError(ScoringError):
    """Fewer closed deals than the cold-start threshold; the task stays absent."""

    def __init__(self, have: int, need: int, what: str = "closed deals") -> None:
        self.have = have
        self.need = need
        self.what = what
        super().__init__(f"not enough history: {have} {what}, need {need}")


class ModelError(ScoringError):
    """A saved model cannot be used."""


class ModelNotFoundError(ModelError):
    """No artefact (or no champion) exists where one was expected."""


class ModelIntegrityError(ModelError):
    """The sidecar is missing or invalid, or a file does not match its checksum."""


class LibraryVersionMismatchError(ModelError):
    """The model was saved with other library versions; it must be retrained, not loaded."""

    def __init__(self, mismatches: dict[str, tuple[str, str]]) -> None:
        self.mismatches = mismatches
        parts = ", ".join(f"{k} saved {a} running {b}" for k, (a, b) in sorted(mismatches.items()))
        super().__init__(f"library version mismatch ({parts}): retrain the model")
