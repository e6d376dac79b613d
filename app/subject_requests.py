"""A data subject's requests, by e-mail address: access (everything we hold) and erasure.

The admin answers them with `agentic-sales privacy export|erase --tenant T --email x@y`
(app/cli/privacy.py). The person is found in what we stored: the drafts addressed to them (which
name their CRM id and name), the change payloads that carried their address, and any other column
that holds the address. Erasure runs the same eraser as a CRM privacy deletion
(app/pipeline/privacy.py) for every CRM id found, then scrubs the address from whatever is left.
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from typing import Any

from flask import Flask
from sqlalchemy import JSON, String, Text, select

from app.audit import write_audit
from app.pipeline.privacy import erase_person, needle_pattern, person_ref, scrub_tenant
from app.storage import get_db
from app.storage.models import TENANT_TABLES, Enrichment, InboxEvent, RecordLink

_EMAIL = re.compile(r"[^@\s]{1,64}@[^@\s]{1,255}\.[^@\s.]{2,63}")


class SubjectRequestError(ValueError):
    """A request that cannot be run as given (the message names the field)."""


def check_email(email: str) -> str:
    """The address, trimmed and lower-cased; SubjectRequestError if it is not one."""
    value = (email or "").strip().lower()
    if not _EMAIL.fullmatch(value):
        raise SubjectRequestError(f"--email: {email!r} is not an e-mail address (name@domain.tld)")
    return value


def find_person_ids(app: Flask, tenant_id: str, email: str) -> dict[tuple[str, str], str]:
    """{(object_type, CRM id): full name or ""} of the tenant's people stored with this address."""
    email = check_email(email)
    found: dict[tuple[str, str], str] = {}
    with get_db(app).session() as s:
        for object_type, record_id, draft, card in s.execute(select(
                Enrichment.object_type, Enrichment.record_id, Enrichment.draft, Enrichment.card)
                .where(Enrichment.tenant_id == tenant_id)).all():
            for d in (draft, (card or {}).get("draft")):
                to = (d or {}).get("to") if isinstance(d, dict) else None
                if isinstance(to, dict) and str(to.get("email") or "").strip().lower() == email and to.get("contact_id"):
                    pid = str(to["contact_id"])
                    kind = object_type if object_type != "deal" and record_id == pid else "contact"
                    found[(kind, pid)] = str(to.get("name") or "")
        for object_type, record_id, props in s.execute(select(
                InboxEvent.object_type, InboxEvent.record_id, InboxEvent.properties)
                .where(InboxEvent.tenant_id == tenant_id, InboxEvent.object_type != "deal")).all():
            if any(str(v).strip().lower() == email for v in (props or {}).values()):
                found.setdefault((object_type, record_id), "")
    return found


def export_subject(app: Flask, tenant_id: str, email: str) -> dict[str, Any]:
    """Everything the tenant's tables hold about the person: each row naming their address or
    name, or keyed by their CRM id, whole, per table."""
    email = check_email(email)
    people = find_person_ids(app, tenant_id, email)
    # Whole addresses and names only: another person's p17@x.com is not this person's p7@x.com.
    pattern = needle_pattern([email, *people.values()])
    ids = {pid for _, pid in people}
    rows: dict[str, list[dict[str, Any]]] = {}
    with get_db(app).session() as s:
        for model in TENANT_TABLES:
            table = model.__table__
            text_cols = [c.key for c in table.columns if isinstance(c.type, JSON | String | Text)]
            for row in s.execute(select(table).where(table.c.tenant_id == tenant_id)).mappings():
                keyed = (model is RecordLink and row["object_id"] in ids) or (
                    model in (InboxEvent, Enrichment) and row["record_id"] in ids and row["object_type"] != "deal")
                text = " ".join(json.dumps(row[c], ensure_ascii=False, default=str) if not isinstance(row[c], str)
                                else row[c] for c in text_cols if row[c] is not None)
                if keyed or (pattern is not None and pattern.search(text)):
                    rows.setdefault(model.__tablename__, []).append({k: _plain(v) for k, v in row.items()})
    return {"tenant": tenant_id, "email": email,
            "people": [{"object_type": t, "id": i, "name": n} for (t, i), n in sorted(people.items())],
            "rows": rows, "counts": {t: len(r) for t, r in rows.items()}}


def erase_subject(app: Flask, tenant_id: str, email: str) -> dict[str, Any]:
    """Erase the person with this address: every CRM id of theirs we hold, then the address
    wherever it is left. Idempotent: a second run finds no one and changes nothing."""
    email = check_email(email)
    people = find_person_ids(app, tenant_id, email)
    removed: dict[str, int] = {}
    for (object_type, pid), name in sorted(people.items()):
        for place, n in erase_person(app, tenant_id, object_type, pid, identifiers=[email, name]).items():
            removed[place] = removed.get(place, 0) + n
    with get_db(app).session() as s:
        for place, n in scrub_tenant(s, tenant_id, [email]).items():
            removed[place] = removed.get(place, 0) + n
        removed = {k: v for k, v in removed.items() if v}
        write_audit(s, "privacy.erase_request", tenant_id=tenant_id,
                    detail={"email_ref": person_ref(tenant_id, "email", email), "people": len(people),
                            "removed": removed})
    return {"tenant": tenant_id, "email": email, "people_found": len(people), "removed": removed,
            "erased": bool(people or removed)}


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime) else value
