"""A draft's subject line cut to the tenant's limit without writing half a name (wave 20, langbenign)."""

from __future__ import annotations


def clip_subject(subject: str, limit: int) -> str:
    """`subject` cut to `limit` characters between words, before a quoted name it cannot hold whole, without a dangling
    separator: a cut inside a word wrote a name the record does not have ("... zum Projekt „Dateninte" for a German
    deal's long name). A first word longer than the limit is cut where it must be."""
    if len(subject) <= limit:
        return subject
    head = subject[: limit + 1].rsplit(" ", 1)[0] if " " in subject[:limit] else subject[:limit]
    for opening, closing in (("„", "“"), ("«", "»")):
        if head.count(opening) > head.count(closing):  # half a quoted name is not the deal's name either
            head = head[: head.rindex(opening)]
    return head[:limit].rstrip(" ,;:–—-„“«»\"'")
