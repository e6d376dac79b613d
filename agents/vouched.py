"""What the record vouches for verbatim, read as such by the checks that read words rather than facts.

Found through the product path (tests/agents/test_record_vouched_words.py): the offline templates' own answers, replayed
as a vendor's on the demo's deals, were refused for a rep called Pierre (the learned screen read the bare signature as
planted), a contact called Lucas (Chilean slang for money) and an analysis quoting its own score factor ("Amount:
541,000 ↓" as price talk, "Days since last deal won: 256 ↑" as a claim that the deal is won).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from agents.names import _words
from agents.normalize import normalise

if TYPE_CHECKING:
    from agents.context import Context
    from agents.facts import Vocabulary

_FIGURE_LABEL = re.compile(r"[^\W\d][^:\n]{0,60}: -?\d[\d,.]*(?: ?%)? ?[↑↓]?")
"""A factor label whose value is a figure (the scoring engine formats it from a number). One whose value is a category
("Industry: <text> ↑") repeats CRM text and is not vouched verbatim."""

_CATEGORY_LABEL = re.compile(r"[^\W\d][^:\n]{0,60}: ([^:\n]{1,80}?) ?[↑↓]")
_CAPITALISED_WORD = re.compile(r"\b[^\W\d_a-z][^\W\d_]+\b")


def factor_labels(ctx: Context) -> tuple[str, ...]:
    """`figure_labels` of the run's scores, categories checked against the record's screened structured fields (its
    name, company, industry, country, owner, contacts and their titles: never the catalogue's or settings' words)."""
    r = ctx.record
    fields = [ctx.safe("name", r.name), ctx.company_name, ctx.safe("owner.name", r.owner.name) if r.owner else None]
    if r.company:
        fields += [ctx.safe("company.industry", r.company.industry), ctx.safe("company.country", r.company.country)]
    fields += [x for c in r.contacts for x in (ctx.contact_name(c), ctx.safe(f"contacts.{c.id}.title", c.title))]
    return figure_labels(ctx.scores, fields)


def figure_labels(scores: Mapping[str, Any], trusted: Iterable[str | None] = ()) -> tuple[str, ...]:
    """The factor labels of the scores the agents were given that the record vouches for verbatim, longest first (a
    label that contains another is replaced whole): a figure-valued one, or one whose category ("Industry: Hospital
    health care ↓") is made of words the record's screened structured fields hold (`trusted`)."""
    words = {w.lower() for t in trusted if t for w in _words(normalise(t))}
    labels = {(f.get("label") or "").strip() for s in scores.values() if isinstance(s, dict)
              for f in s.get("factors") or [] if isinstance(f, dict)}

    def vouched(label: str) -> bool:
        if _FIGURE_LABEL.fullmatch(label):
            return True
        m = _CATEGORY_LABEL.fullmatch(label)
        value = [w.lower() for w in _words(normalise(m.group(1)))] if m else []
        return bool(value) and all(w in words for w in value)

    return tuple(sorted((x for x in labels if vouched(x)), key=len, reverse=True))


def record_names(ctx: Context) -> frozenset[str]:
    """Lower-cased words of the names the record holds in structured fields, screened: its owner (the rep who signs),
    its contacts and its company."""
    r = ctx.record
    names = (ctx.safe("owner.name", r.owner.name) if r.owner else None, *(ctx.contact_name(c) for c in r.contacts),
             ctx.company_name)
    return frozenset(w.lower() for n in names if n for w in _words(normalise(n)) if len(w) > 1)


def without_vouched(text: str, vocab: Vocabulary) -> str:
    """`text` with what the record vouches for verbatim taken out: each figure-valued score factor label becomes
    "score factor", and each capitalised word of a name on the record (its people, its company) becomes "Name". So
    "Hi Lucas," is a greeting and "Days since last deal won: 256 ↑" a score. Lower-case words stay: "te sale por dos
    lucas" still talks money."""
    for phrase in vocab.vouched_phrases:
        if phrase in text:
            text = text.replace(phrase, "score factor")
    if vocab.names:
        text = _CAPITALISED_WORD.sub(lambda m: "Name" if m.group(0).lower() in vocab.names else m.group(0), text)
    return text
