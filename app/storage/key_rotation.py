"""Re-encrypt every stored CRM token with the first AGENTIC_SALES_TOKEN_KEY (`agentic-sales keys rotate`).

A comma list of token keys rotates them: the first encrypts, all decrypt. But a token is encrypted
again only when the app writes it, and a grant that is not refreshed (a quiet Salesforce org renews its
session only on a 401; a HubSpot refresh token never changes) keeps the old key's ciphertext for good:
the docs said "keep old token keys in the list" and nothing told the operator when an old key could
leave it (the wave-31 docs walk). This pass re-encrypts each one now and says what it found, so the
old key can be dropped once it reports every token current.

Each row is written by compare-and-set on its old ciphertext: a token a worker refreshed meanwhile is
left as that worker wrote it and counted as `changed_meanwhile` (run the command again). Idempotent: a
token the first key alone decrypts is left untouched.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.storage import rowcount
from app.storage.crypto import TokenKeyError
from app.storage.models import Installation

COLUMNS = ("access_token_enc", "refresh_token_enc")


@dataclass
class RotationReport:
    """What one pass found: counts of tokens, and the tenants whose tokens no listed key opens."""

    installations: int = 0
    reencrypted: int = 0
    already_current: int = 0
    changed_meanwhile: int = 0
    unreadable: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"installations": self.installations, "reencrypted": self.reencrypted,
                "already_current": self.already_current, "changed_meanwhile": self.changed_meanwhile,
                "unreadable": sorted(set(self.unreadable)),
                "old_keys_needed": bool(self.changed_meanwhile or self.unreadable)}


def ciphers(keys: str) -> tuple[Fernet, MultiFernet]:
    """The first key alone (what encrypts) and the whole list (what decrypts)."""
    parts = [k.strip() for k in (keys or "").split(",") if k.strip()]
    if not parts:
        raise TokenKeyError("AGENTIC_SALES_TOKEN_KEY is not set; run `agentic-sales keys generate`")
    try:
        fernets = [Fernet(k.encode()) for k in parts]
    except (ValueError, TypeError) as exc:
        raise TokenKeyError("AGENTIC_SALES_TOKEN_KEY is not a Fernet key (URL-safe base64 of 32 bytes); "
                            "run `agentic-sales keys generate`") from exc
    return fernets[0], MultiFernet(fernets)


def rotate_tokens(session: Session, keys: str) -> RotationReport:
    """Re-encrypt every installation's tokens with the first key of `keys` (see the module's docstring)."""
    first, every = ciphers(keys)
    report = RotationReport()
    rows = session.execute(select(Installation.id, Installation.tenant_id, *(getattr(Installation, c) for c in COLUMNS))
                           ).all()
    for row in rows:
        report.installations += 1
        for column in COLUMNS:
            old = getattr(row, column)
            if old is None:
                continue
            try:
                first.decrypt(old.encode())
                report.already_current += 1
                continue
            except InvalidToken:
                pass
            try:
                new = every.rotate(old.encode()).decode()
            except InvalidToken:
                report.unreadable.append(row.tenant_id)
                continue
            done = session.execute(update(Installation)
                                   .where(Installation.id == row.id, getattr(Installation, column) == old)
                                   .values({column: new}))
            if rowcount(done) == 1:
                report.reencrypted += 1
            else:
                report.changed_meanwhile += 1
    return report


__all__ = ["RotationReport", "ciphers", "rotate_tokens"]
