"""What a submitted field-mappings form changes, told apart from what others saved since the page was opened.

The form posts every feature's field. Compared with the CURRENT mapping, a field left as the page showed it
would put back whatever another person saved meanwhile (another tab, the CLI, an undo): wave 30's audit found
this on the settings form (e84eba0f) and the mappings page had it too. So the page carries the settings
version it was rendered from (`base_version`), a change is what differs from the mapping the page SHOWED,
it is applied on top of the current mapping, and a feature both people remapped is refused, naming it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from flask import Flask

from app import settings as service


class StaleFormError(ValueError):
    """The form names a version these mappings never had (a hand-edited or truncated form)."""

    def __init__(self, raw: str) -> None:
        super().__init__(
            f"base_version {raw!r} is not a version of these mappings: reload the page and make "
            "the change again"
        )


@dataclass(frozen=True)
class MappingClash:
    """Features the person remapped that someone else remapped too since the page was opened."""

    object_type: str
    features: tuple[str, ...]
    base: int
    now: int
    current: Mapping[str, Any]
    authors: tuple[str, ...]

    @property
    def message(self) -> str:
        shown = ", ".join(f"{c} (now {self.current[c].crm_field})" for c in self.features)
        who = ", ".join(self.authors) or "someone"
        return (
            f"{who} changed {shown} after you opened this page (version {self.base}, now {self.now}); "
            "nothing was saved: the page now shows the current fields, change them again and save"
        )


def draft_from_form(shown: Mapping[str, Any], form: Any) -> dict[str, str]:
    """{canonical: crm_field} for every feature whose field the form changes from `shown` ("" restores the
    default)."""
    draft = {}
    for canonical, entry in shown.items():
        raw = str(form.get(f"map.{canonical}", entry.crm_field)).strip()
        if raw != entry.crm_field:
            draft[canonical] = raw
    return draft


def draft_since_opened(
    app: Flask,
    tenant: str,
    object_type: str,
    current: Mapping[str, Any],
    form: Any,
) -> tuple[dict[str, str], MappingClash | None]:
    """The form's changes (to apply on the current mapping) and the clash, if any.

    A form without `base_version` (a script) is compared with the current mapping, as before.

    Raises:
        StaleFormError: `base_version` is not a stored version.
    """
    raw = str(form.get("base_version") or "").strip()
    if not raw:
        return draft_from_form(current, form), None
    now = service.get(app, tenant).version
    shown = service.mappings_at(app, tenant, object_type, int(raw)) if raw.isdigit() else None
    if shown is None:
        raise StaleFormError(raw)
    if int(raw) == now:
        return draft_from_form(current, form), None
    # A feature the page did not show (added since) cannot have been changed on it.
    seen = {c: shown.get(c, e) for c, e in current.items()}
    draft = draft_from_form(seen, form)
    # Already what this person chose (both picked the same field): nothing to do, nothing lost.
    draft = {c: f for c, f in draft.items() if f != _field_or_default(current[c], f)}
    clashing = tuple(sorted(c for c in draft if current[c].crm_field != seen[c].crm_field))
    if not clashing:
        return draft, None
    keys = {f"{object_type}.{c}" for c in clashing}
    authors = tuple(
        sorted(
            {
                v.author
                for v in service.history(app, tenant, limit=100)
                if v.version > int(raw) and keys & set(v.changes)
            }
        )
    )
    return draft, MappingClash(object_type, clashing, int(raw), now, current, authors)


def _field_or_default(entry: Any, typed: str) -> str:
    """The field a typed value compares with: "" asks for the default, which is what a default entry holds."""
    return "" if typed == "" and entry.source == "default" else str(entry.crm_field)
