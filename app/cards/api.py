"""The card backend: `GET /api/cards/<crm>`, `POST .../feedback`, `.../task-done`, `.../rescore`.

Every request is verified by the CRM's connector (HubSpot: v3 signature over the full public URL, hubspot.fetch
signs it with the app's client secret); the portal, hence the tenant, is read only after that
check and only from the signed request. The endpoints are idempotent: HubSpot retries once on a
connection failure or a 5xx.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from flask import Blueprint, current_app, jsonify, request
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.audit import write_audit
from app.cards.actions import CardActionError, complete_task, record_feedback
from app.cards.catalogue import card_language, language_of, ui_texts
from app.cards.payload import canonical_object_type, card_payload, latest_enrichment, tenant_language
from app.cards.view import card_view
from app.connectors import deal_words_of, get_connector
from app.dispatch import get_dispatcher
from app.dispatch.leases import RecordKey
from app.inbox import installed_tenant
from app.pipeline.crm import crm_client
from app.storage import get_db
from app.storage.models import MAX_ROW_ID, Enrichment, Tenant

bp = Blueprint("cards_api", __name__, url_prefix="/api/cards")
log = logging.getLogger(__name__)


class CardRequestError(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


@bp.errorhandler(CardRequestError)
@bp.errorhandler(CardActionError)
def _card_error(exc: CardRequestError | CardActionError) -> Any:
    return jsonify({"error": exc.code, "message": exc.message}), exc.status


def _verified(crm: str) -> tuple[str, dict[str, Any]]:
    """Verify the request with the CRM's connector; return (tenant_id, request fields) from the
    signed request only (the connector reads the account from what the CRM signed)."""
    body = request.get_data()
    try:
        connector = get_connector(crm)
    except LookupError:
        raise CardRequestError(404, "unknown_crm", f"No CRM connector named {crm}.") from None
    try:
        tenant_id = connector.verify_card_request(request, config=current_app.config)
    except PermissionError as exc:
        code = str(exc).split(":", 1)[0]
        log.warning("card request refused: %s", exc)
        if code in ("portal_ambiguous", "portal_missing"):
            raise CardRequestError(400, code, str(exc).split(": ", 1)[-1]) from None
        raise CardRequestError(401, "invalid_signature", f"The request is not signed by {crm}.") from None
    fields: dict[str, Any] = dict(request.args.items())
    if body:
        try:
            parsed = json.loads(body)
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise CardRequestError(400, "bad_json", "The request body is not JSON.") from None
        if not isinstance(parsed, dict):
            raise CardRequestError(400, "bad_json", "The request body must be a JSON object.")
        fields.update({k: v for k, v in parsed.items() if k != "portalId"})
    with get_db().session() as s:
        tenant = s.get(Tenant, tenant_id)
        if tenant is None or installed_tenant(s, tenant.crm, tenant.external_id) is None:
            raise CardRequestError(404, "not_installed", "The app is not installed in this CRM account.")
        return tenant.id, fields


def _record_ref(fields: dict[str, Any]) -> tuple[str, str]:
    object_type = canonical_object_type(
        str(fields.get("objectType") or fields.get("associatedObjectType") or "")
    )
    object_id = str(fields.get("objectId") or fields.get("associatedObjectId") or "").strip()
    if object_type is None:
        raise CardRequestError(400, "bad_object_type", "objectType must be a deal, lead, contact or company.")
    if not object_id.isalnum() or len(object_id) > 64:  # CRM ids: digits, or 15/18 letters and digits
        raise CardRequestError(400, "bad_object_id", "objectId must be a CRM record id.")
    return object_type, object_id


@bp.get("/<crm>")
def get_card(crm: str) -> Any:
    """The card payload for the record the card is shown on."""
    tenant_id, fields = _verified(crm)
    object_type, object_id = _record_ref(fields)
    with get_db().session() as s:
        payload = card_payload(s, tenant_id, object_type, object_id, deal_word=deal_words_of(crm)[0])
        default = tenant_language(s, tenant_id)
    return jsonify(spoken(payload, object_type, default))


def spoken(payload: dict[str, Any], object_type: str | None, default: str = "en") -> dict[str, Any]:
    """The payload with what the card shows already said in the record's language (app/cards/catalogue.py):
    `language`, `view` (app/cards/view.py card_view, which the HubSpot card and the Salesforce LWC render as given)
    and `ui` (the card's fixed words: buttons, titles, notices; ``{crm}`` is the front-end's to fill). A record
    never enriched (or enriched before the card spoke other languages, with no draft) speaks the tenant's `language`
    setting (`default`)."""
    draft = payload.get("draft") if isinstance(payload.get("draft"), dict) else {}
    known = payload.get("language") or (draft or {}).get("language")
    lang = card_language(payload) if known else language_of(default)
    return {**payload, "language": lang, "view": card_view(payload, object_type=object_type, lang=lang),
            "ui": ui_texts(lang)}


def _enrichment(s: Any, tenant_id: str, object_type: str, object_id: str, wanted: Any) -> Enrichment:
    """The enrichment the card shows (the one it names, else the latest) of this record."""
    enrichment = latest_enrichment(s, tenant_id, object_type, object_id)
    if wanted is not None and (enrichment is None or str(wanted) != str(enrichment.id)):
        enrichment = (
            s.execute(select(Enrichment).where(Enrichment.tenant_id == tenant_id, Enrichment.id == int(wanted)))
            .scalars().first()
            if str(wanted).isdigit() and int(wanted) <= MAX_ROW_ID else None
        )
    if enrichment is None or enrichment.record_id != object_id:
        raise CardRequestError(404, "not_enriched", "There is no enrichment of this record to act on.")
    return enrichment


@contextmanager
def _card_action(crm: str) -> Iterator[tuple[Session, str, dict[str, Any], Enrichment]]:
    """What a card action opens with: the verified request (tenant, fields), its record, and the enrichment the card
    shows, in one session that the action's writes join."""
    tenant_id, fields = _verified(crm)
    object_type, object_id = _record_ref(fields)
    with get_db().session() as s:
        yield s, tenant_id, fields, _enrichment(s, tenant_id, object_type, object_id, fields.get("enrichment_id"))


@bp.post("/<crm>/feedback")
def post_feedback(crm: str) -> Any:
    """Record a rep's accept, or dismiss with a reason, of an enrichment (once per enrichment)."""
    with _card_action(crm) as (s, _tenant_id, fields, enrichment):
        result = record_feedback(s, enrichment, str(fields.get("action") or ""),
                                 reason=fields.get("reason"), user_id=request.args.get("userId"))
    return jsonify(result.as_dict())


@bp.post("/<crm>/task-done")
def post_task_done(crm: str) -> Any:
    """Mark the enrichment's app task done in the CRM (once; a repeat answers as a duplicate)."""
    with _card_action(crm) as (s, tenant_id, _fields, enrichment):
        result = complete_task(s, enrichment, crm=crm, user_id=request.args.get("userId"),
                               client_for=lambda: crm_client(current_app, tenant_id, crm))
    return jsonify(result.as_dict())


@bp.post("/<crm>/rescore")
def post_rescore(crm: str) -> Any:
    """Enqueue a job for the record now (coalesces with a job already waiting)."""
    tenant_id, fields = _verified(crm)
    object_type, object_id = _record_ref(fields)
    if object_type != "deal":
        raise CardRequestError(
            400, "bad_object_type", "Only deals are scored; open the deal's card to re-score."
        )
    key = RecordKey(tenant_id, crm, object_type, object_id)
    jobs = get_dispatcher().schedule([key], delay=0.0)
    with get_db().session() as s:
        write_audit(
            s,
            "rescore.requested",
            tenant_id=tenant_id,
            object_type=object_type,
            record_id=object_id,
            job_id=jobs[0] if jobs else None,
            detail={"coalesced": not jobs},
        )
    return jsonify({"status": "pending", "queued": bool(jobs)}), 202
