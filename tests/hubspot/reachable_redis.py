"""The Redis the limiter tests may use: REDIS_URL, else the CI's server (db 2); None when none answers."""

from __future__ import annotations

import os


def reachable_redis_url() -> str | None:
    url = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6390/2"
    try:
        import redis

        redis.Redis.from_url(url, socket_connect_timeout=0.3).ping()
    except Exception:
        return None
    return url
