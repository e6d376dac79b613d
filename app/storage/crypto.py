"""Encryption of CRM tokens at rest with Fernet keys from AGENTIC_SALES_TOKEN_KEY.

A comma-separated list of keys rotates them: the first encrypts, all of them decrypt.
"""

from __future__ import annotations

from cryptography.fernet import Fernet, InvalidToken, MultiFernet


class TokenKeyError(Exception):
    """AGENTIC_SALES_TOKEN_KEY is missing or not a Fernet key, or a token cannot be decrypted."""


def generate_key() -> str:
    """Return a new Fernet key (URL-safe base64 of 32 random bytes)."""
    return Fernet.generate_key().decode()


class TokenCipher:
    """Encrypt and decrypt tokens; build it once per app from the configured key list."""

    def __init__(self, keys: str) -> None:
        parts = [k.strip() for k in (keys or "").split(",") if k.strip()]
        if not parts:
            raise TokenKeyError("AGENTIC_SALES_TOKEN_KEY is not set; run `agentic-sales keys generate`")
        try:
            self._fernet = MultiFernet([Fernet(k.encode()) for k in parts])
        except (ValueError, TypeError) as exc:
            raise TokenKeyError(
                "AGENTIC_SALES_TOKEN_KEY is not a Fernet key (URL-safe base64 of 32 bytes); "
                "run `agentic-sales keys generate`"
            ) from exc

    def encrypt(self, plaintext: str | None) -> str | None:
        if plaintext is None:
            return None
        return self._fernet.encrypt(plaintext.encode()).decode()

    def decrypt(self, ciphertext: str | None) -> str | None:
        if ciphertext is None:
            return None
        try:
            return self._fernet.decrypt(ciphertext.encode()).decode()
        except InvalidToken as exc:
            raise TokenKeyError(
                "a stored token cannot be decrypted with AGENTIC_SALES_TOKEN_KEY (was the key rotated "
                "without keeping the old one in the list?)"
            ) from exc
