"""Response headers every answer carries, whatever blueprint made it (a security review's scan).

No page of the app is meant to sit in a frame (the CRM cards are the CRMs' own components that
fetch JSON), so framing is refused (clickjacking of the sign-in form, the console's forms, the
card preview); no response is MIME-sniffed; the referrer never carries a path or query (an OAuth
callback's code and state) to another origin; an https deployment asks browsers for https only.
"""

from __future__ import annotations

from typing import Any

from flask import Flask

HSTS_SECONDS = 180 * 24 * 3600
"""How long a browser keeps to https for this host once it has seen the header (180 days)."""


def init_app(app: Flask) -> None:
    """Add the headers to every response of `app` (a view's own value wins)."""
    https = str(app.config.get("PUBLIC_URL") or "").lower().startswith("https://")

    @app.after_request
    def _headers(resp: Any) -> Any:
        h = resp.headers
        h.setdefault("X-Frame-Options", "DENY")
        h.setdefault("Content-Security-Policy", "frame-ancestors 'none'")
        h.setdefault("X-Content-Type-Options", "nosniff")
        h.setdefault("Referrer-Policy", "same-origin")
        if https:
            h.setdefault("Strict-Transport-Security", f"max-age={HSTS_SECONDS}")
        return resp
