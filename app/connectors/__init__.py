"""The connector registry: CRM name → Connector, from configuration data (DESIGN.md, Layout).

The app never imports a CRM package itself; it asks this registry by name. Adding a CRM adds one
entry to the CONNECTORS setting (`name → "module:attribute"`) and nothing else in app/.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from flask import Flask, current_app
from werkzeug.utils import import_string

from integrations.base import Connector


class UnknownConnectorError(LookupError):
    """No connector is registered under that name; the message lists the known ones."""


_lock = threading.Lock()


DEFAULT_REGISTRY = Path(__file__).with_name("connectors.json")
"""The shipped registry (configuration data): name → "module:attribute" of its Connector."""


def registry(app: Flask | None = None) -> Mapping[str, str]:
    """The configured name → "module:attribute" table (CONNECTORS, else connectors.json)."""
    a = app or current_app
    configured = a.config.get("CONNECTORS")
    if isinstance(configured, str):  # from the environment: JSON
        configured = json.loads(configured)
    if configured:
        return dict(configured)
    return dict(json.loads(DEFAULT_REGISTRY.read_text()))


def names(app: Flask | None = None) -> list[str]:
    """Names of the registered connectors, sorted."""
    return sorted(registry(app))


def get_connector(name: str, app: Flask | None = None) -> Connector:
    """The connector registered as `name` (imported once per process).

    Raises:
        UnknownConnectorError: `name` is not registered.
    """
    a: Any = app or current_app._get_current_object()  # type: ignore[attr-defined]
    table = registry(a)
    if name not in table:
        raise UnknownConnectorError(f"no CRM connector named {name!r}; registered: {', '.join(sorted(table)) or 'none'}")
    cache: dict[str, Connector] = a.extensions.setdefault("connectors", {})
    with _lock:
        if name not in cache:
            cache[name] = import_string(table[name].replace(":", "."))
        return cache[name]


def label_of(name: str, app: Flask | None = None) -> str | None:
    """The connector's name for people ("Salesforce"), or None for a name no connector has."""
    try:
        return str(getattr(get_connector(name, app), "label", "")) or None
    except UnknownConnectorError:
        return None


def deal_words_of(name: str | None, app: Flask | None = None) -> tuple[str, str]:
    """What the CRM calls a deal, one and many (`deal_words` on the connector): ("opportunity", "opportunities")
    for Salesforce; ("deal", "deals") for HubSpot, for a connector that does not say, and for no or mixed CRMs."""
    try:
        words = getattr(get_connector(name, app), "deal_words", None) if name else None
    except UnknownConnectorError:
        words = None
    return (str(words[0]), str(words[1])) if words and len(words) == 2 else ("deal", "deals")


def account_word_of(name: str | None, app: Flask | None = None) -> str:
    """What the CRM calls an install (`account_word` on the connector): "org" for Salesforce, else "account"."""
    try:
        return str(getattr(get_connector(name, app), "account_word", "") or "account") if name else "account"
    except UnknownConnectorError:
        return "account"


def object_labels(name: str | None, app: Flask | None = None) -> dict[str, str]:
    """The app's record types ("deal", "company") by the CRM's own names where its connector gives them
    (`object_labels`: Salesforce's "Opportunity", "Account"); {} for a connector that does not."""
    try:
        labels = getattr(get_connector(name, app), "object_labels", None) if name else None
    except UnknownConnectorError:
        labels = None
    return {str(k): str(v) for k, v in (labels or {}).items()}


def deal_noun(deal_words: tuple[str, str]) -> dict[str, str]:
    """The CRM's word for a deal, one and many, in the cases pages use ({{ deal.one }}, {{ noun.Many }})."""
    one, many = deal_words
    return {"one": one, "many": many, "One": one.capitalize(), "Many": many.capitalize()}


def index_deal_words(crms: set[str], app: Flask | None = None) -> tuple[str, str]:
    """The deal words of a page listing records of `crms`: the one CRM's, or ("deal", "deals") for none or several."""
    return deal_words_of(next(iter(crms)) if len(crms) == 1 else None, app)


def blueprint_modules(app: Flask) -> list[str]:
    """Modules of the registered connectors' webhook receivers (the factory imports them)."""
    return [get_connector(n, app).blueprint for n in names(app)]


def enriched_object_types(name: str, app: Flask | None = None) -> tuple[str, ...]:
    """Canonical object types the pipeline enriches for this CRM ("deal" first); a connector that
    does not say enriches deals only.

    Raises:
        UnknownConnectorError: `name` is not registered.
    """
    declared = tuple(getattr(get_connector(name, app), "enriched_object_types", None) or ())
    return ("deal", *(t for t in declared if t != "deal"))
