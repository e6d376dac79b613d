"""Score one real record with a draft field mapping before it is saved.

The record is read through the CRM client twice, once with the tenant's mapping and once with the
draft (the client is what turns CRM properties into the canonical Record), and both are scored
with the tenant's champions through the pipeline's own scoring call. Nothing is written anywhere.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from flask import Flask

from app.admin.crm_trouble import tenant_crm_failure
from app.connectors import deal_words_of, get_connector
from app.tenants import client_for, crm_stats, load_installation, save_tokens
from integrations.base import Record

OBJECT_TYPE = "deal"
"""The object type scored (field mappings of other types feed the deal's record)."""


class PreviewError(Exception):
    """The preview cannot be made (no such record, the CRM refused); the message says which."""


@dataclass(frozen=True)
class Side:
    """One reading of the record: the values of the edited features and its conversion score."""

    values: dict[str, Any]
    scores: dict[str, Any]
    error: str | None = None

    @property
    def conversion(self) -> dict[str, Any]:
        c = self.scores.get("conversion")
        return c if isinstance(c, dict) else {}


@dataclass(frozen=True)
class Preview:
    record_id: str
    record_name: str | None
    current: Side
    draft: Side
    currency: str | None = None
    scores_currency: str | None = None
    """The currency of the scorer's deal amount (app.pipeline.card.scores_currency): the corporate one where the
    CRM's rates convert the deal's."""


def feature_value(record: Record, canonical: str) -> Any:
    """A canonical feature's value on a Record: a core field, the owner, or an extra."""
    if canonical in (record.extra or {}):
        return record.extra[canonical]
    if canonical == "owner_id":
        return record.owner.id if record.owner else None
    return getattr(record, canonical, None)


def draft_rows(current: list[tuple[str, str, str]], object_type: str,
               draft: Mapping[str, str]) -> list[tuple[str, str, str]]:
    """The installation's mapping rows with the draft's features replaced (others kept, in order)."""
    kept = [r for r in current if not (r[0] == object_type and r[1] in draft)]
    return [*kept, *((object_type, canonical, field) for canonical, field in draft.items())]


def preview(app: Flask, tenant_id: str, object_type: str, draft: Mapping[str, str],
            record_id: str | None = None) -> Preview:
    """Read and score one record (the given one, else the first open deal) both ways.

    Raises:
        PreviewError: the record does not exist or the CRM cannot be read.
    """
    from integrations.errors import CrmError

    spec = load_installation(app, tenant_id)
    rows = list(spec.settings.get("field_mappings") or [])
    draft_spec = replace(spec, settings={**spec.settings,
                                         "field_mappings": draft_rows(rows, object_type, draft)})
    connector = get_connector(spec.crm, app)
    one = deal_words_of(spec.crm, app)[0]  # the CRM's word: "opportunity" in Salesforce
    try:
        current_client = client_for(tenant_id, app)
        draft_client = connector.client(draft_spec, config={**app.config, "CRM_STATS": crm_stats(app)},
                                        on_tokens=lambda new: save_tokens(app, tenant_id, new))
        rid = record_id or next(iter(current_client.iter_open_ids(OBJECT_TYPE)), None)
        if not rid:
            raise PreviewError(f"this {getattr(connector, 'account_word', 'account')} has no open {one} to preview with")
        before = current_client.get_records(OBJECT_TYPE, [rid]).get(rid)
        after = draft_client.get_records(OBJECT_TYPE, [rid]).get(rid)
    except CrmError as exc:
        raise PreviewError(f"the CRM could not be read: {tenant_crm_failure(app, tenant_id, exc)}") from exc
    if before is None or after is None:
        raise PreviewError(f"{one} {rid} was not found in {getattr(connector, 'label', 'the CRM')}")
    # The scoring stack (scikit-learn, XGBoost, skops) loads here, on the first preview, not when
    # any CLI command or worker imports the admin pages.
    from app.pipeline import tenant as tenant_inputs

    models = tenant_inputs.champions(app, tenant_id)
    mapping = tenant_inputs.scoring_mapping(app, tenant_id, spec.crm)
    from app.pipeline.card import scores_currency

    return Preview(record_id=rid, record_name=after.name, currency=after.currency,
                   scores_currency=scores_currency(after),
                   current=_side(before, draft, models, mapping), draft=_side(after, draft, models, mapping))


def _side(record: Record, draft: Mapping[str, str], models: Any, mapping: Any) -> Side:
    from app.pipeline.batch import score_all

    scores, failed = score_all([record], models, mapping)
    values = {canonical: feature_value(record, canonical) for canonical in draft}
    if record.id in failed:
        return Side(values=values, scores={}, error=f"{type(failed[record.id]).__name__}: {failed[record.id]}")
    return Side(values=values, scores=dict(scores.get(record.id) or {}))
