"""An approval the buyer reported, repeated by the person who gave it (set 33's good drafts, wave 24b).

The record's e-mail says "security signed off on our side"; a rep thanks Dana "for getting Priya's sign-off so
quickly" (Priya is the IT Security Lead) or writes to Priya "Dana let me know you have signed off". agents.approvals
matched the approval's topic words ("security") and found none in those clauses: the clause names a person, not a
thing. Such a clause is vouched when it says nothing about WHAT was approved, and either the person it names holds a
title that names a recorded approval's topic, or somebody of the record reported it to us ("Dana let me know") and
the record does hold an approval. A clause that adds what was approved ("Priya's sign-off on the 2-year price")
keeps its own topic, which must match the record's as before."""

from __future__ import annotations

import re
from collections.abc import Iterable

from agents.context import Context

_FILLER = frozenset("gett got quic fast soon prom swif much thro".split())
"""Stems of how an approval came, not of what it is about ("for getting Priya's sign-off so quickly")."""
_WORD = re.compile(r"[^\W\d_]{4,}")


def _stems(text: str) -> set[str]:
    return {w.lower()[:4] for w in _WORD.findall(text)}


def vouched_by_person(clause: str, topic: set[str], known: Iterable[set[str]], reported: bool, ctx: Context) -> bool:
    """Whether an approval clause (its `topic` already stripped of approval and reporting words) repeats an approval
    the record holds through the person who gave or reported it. `reported` says the sentence had a reporter
    ("Dana let me know"); `known` are the topics of the approvals the record's activities state."""
    known = [t for t in known if t]
    if not known:
        return False
    titles: dict[str, set[str]] = {}
    for c in ctx.record.contacts:
        first = (ctx.contact_name(c) or c.name or "").split()
        if first:
            titles[first[0].lower()[:4]] = _stems(c.title or "")
    if topic - set(titles) - _FILLER:
        return False  # the clause says what was approved: agents.approvals matched that against the record already
    named = {w.lower()[:4] for w in re.findall(r"\b[A-ZÄÖÜÁÉÍÓÚ][\w]+", clause)} & set(titles)
    if any(titles[n] & t for n in named for t in known):
        return True
    # "Dana let me know you have signed off": no one named in the clause, and a person of the record told us
    return reported and not named
