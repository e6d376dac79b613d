"""Settings forms built from the settings schema (one pydantic model): which input each setting
gets, and how a submitted form becomes the changes to store. Pure: no request, no database."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal, get_args, get_origin

from pydantic import BaseModel

Kind = Literal["select", "checkboxes", "number", "integer", "checkbox", "text", "roles"]


@dataclass(frozen=True)
class FieldView:
    """One setting as a form control."""

    key: str
    kind: Kind
    label: str
    help: str
    value: Any
    choices: tuple[str, ...] = ()
    nullable: bool = False
    low: float | None = None
    high: float | None = None
    allowed: str = ""
    """What the field accepts and what leaving it empty means, in the form's words ("0 to 50",
    "0 to 1,000,000,000,000, or leave empty for never"); "" where the control itself says it."""
    overridden: str = ""
    """Why the saved value does not apply (the deployment replaces it for every account), or "" when it does."""

    @property
    def shown(self) -> str:
        """The value as the input shows it: "" for unset, 100000 not 100000.0 (a number input takes no
        thousands separators)."""
        if self.value is None:
            return ""
        if isinstance(self.value, float) and self.value.is_integer():
            return str(int(self.value))
        return str(self.value)

    @property
    def attr_low(self) -> str:
        return _attr_number(self.low)

    @property
    def attr_high(self) -> str:
        return _attr_number(self.high)


def _attr_number(x: float | None) -> str:
    return "" if x is None else (str(int(x)) if float(x).is_integer() else repr(float(x)))


def _parts(annotation: Any) -> list[Any]:
    args = get_args(annotation)
    if get_origin(annotation) is Literal or not args:
        return [annotation]
    return [p for a in args for p in _parts(a)] if get_origin(annotation) is not list else [annotation]


def _literal_choices(annotation: Any) -> tuple[str, ...]:
    for part in _parts(annotation):
        if get_origin(part) is Literal:
            return tuple(str(a) for a in get_args(part))
        if get_origin(part) is list:
            inner = get_args(part)[0]
            if get_origin(inner) is Literal:
                return tuple(str(a) for a in get_args(inner))
    return ()


def _bounds(field: Any) -> tuple[float | None, float | None]:
    low = high = None
    for m in field.metadata:
        low = getattr(m, "ge", None) if getattr(m, "ge", None) is not None else low
        high = getattr(m, "le", None) if getattr(m, "le", None) is not None else high
    return low, high


_WORDS = {"llm": "LLM", "pii": "PII", "usd": "(USD)", "min": "minimum", "timezone": "time zone",
          "allowlist": "allow list"}
"""Words a key spells in lower case or abbreviates that people write otherwise (`monthly_spend_cap_usd`:
"Monthly spend cap (USD)", not "Monthly spend cap usd"; `min_closed_deals`: "Minimum closed deals")."""

_LABELS = {
    "opt_out_field": "Opt-out field",
    "card_hidden_scores": "Scores hidden on the card",
    "lead_closed_statuses": "Closed lead statuses",
}
"""Keys whose words, read in order, are not English ("Opt out field", "Card hidden scores")."""


def label_of(key: str) -> str:
    """The form label of a setting key: its words, the first capitalised, acronyms as written."""
    if key in _LABELS:
        return _LABELS[key]
    words = [_WORDS.get(w, w) for w in key.split("_")]
    return " ".join(words)[:1].upper() + " ".join(words)[1:]


def field_views(model: type[BaseModel], current: BaseModel, keys: Sequence[str]) -> list[FieldView]:
    """Form controls for `keys` (in that order; keys the schema lacks are skipped)."""
    out = []
    for key in keys:
        field = model.model_fields.get(key)
        if field is None:
            continue
        ann = field.annotation
        parts = _parts(ann)
        nullable = type(None) in parts
        value = getattr(current, key)
        label = label_of(key)
        help_text = field.description or ""
        low, high = _bounds(field)
        choices = _literal_choices(ann)
        is_list = any(get_origin(p) is list for p in parts)
        kind: Kind
        if key == "llm_roles":
            kind = "roles"
        elif choices and is_list:
            kind = "checkboxes"
        elif choices:
            kind = "select"
        elif bool in parts:
            kind = "checkbox"
        elif int in parts and float not in parts:
            kind = "integer"
        elif float in parts or int in parts:
            kind = "number"
        else:
            kind = "text"
        out.append(FieldView(key, kind, label, help_text, value, choices, nullable, low, high,
                             _allowed(model, key, kind)))
    return out


def _allowed(model: type[BaseModel], key: str, kind: Kind) -> str:
    """The help's first sentence for a number or a nullable setting of the settings schema."""
    from app.settings.schema import TenantSettingsModel, allowed_text, when_empty

    if model is not TenantSettingsModel:
        return ""
    if kind in ("number", "integer"):
        return allowed_text(key, form=True)
    unset = when_empty(key, form=True)
    return unset[len(", or "):][:1].upper() + unset[len(", or ") + 1:] if unset else ""


class FormError(ValueError):
    """A form value that is not even of the right shape (not a number); names the setting."""

    def __init__(self, key: str, value: str, expected: str) -> None:
        super().__init__(f"{key}={value} is not {expected}")
        self.key = key


def changes_from_form(views: Sequence[FieldView], form: Any, roles: Sequence[str] = ()) -> dict[str, Any]:
    """The settings a submitted form changes ({key: new value}; dotted keys for roles).

    `form` is a MultiDict-like mapping (`getlist` for checkboxes). Unchanged settings are left out,
    so a form never rewrites what it did not touch.

    Raises:
        FormError: a number field holds text that is not a number.
    """
    changes: dict[str, Any] = {}
    for v in views:
        if v.kind == "checkboxes":
            if v.nullable and form.get(f"{v.key}.__null__"):
                new: Any = None
            else:
                new = [c for c in v.choices if c in form.getlist(v.key)]
        elif v.kind == "checkbox":
            new = bool(form.get(v.key))
        elif v.kind in ("number", "integer"):
            raw = str(form.get(v.key, "")).strip()
            if raw == "" and v.nullable:
                new = None
            else:
                try:
                    number = float(raw)
                except ValueError:
                    raise FormError(v.key, raw, "a number") from None
                if not math.isfinite(number):
                    raise FormError(v.key, raw, "a finite number")
                # A whole number stays whole (the schema makes it a float where it needs one), so a refusal
                # quotes "-5" as typed, not "-5.0".
                new = int(number) if number.is_integer() else number
        elif v.kind == "roles":
            current = dict(v.value or {})
            for role in roles:
                raw = str(form.get(f"{v.key}.{role}", "")).strip()
                if raw != current.get(role, ""):
                    changes[f"{v.key}.{role}"] = raw or None
            continue
        else:
            raw = str(form.get(v.key, "")).strip()
            new = None if raw == "" and v.nullable else raw
        if new != v.value:
            changes[v.key] = new
    return changes
