"""A date field's event put on another day (issue 11, wave 29, agfix): "the go-live stays on 15 March" when the
record's "go_live_date" holds 1 February, "Vertragsbeginn am 1. April" when "Contract start" is 01/03/2027.

The field's name says what it dates ("go_live_date" -> go live, "Contract_Start__c" -> contract start); a sentence
that names it with a day, and not the field's day, states the record wrong. A change asked or proposed ("could we bring
the go-live forward to 15 January?") states nothing, and a name as generic as "start" alone is not read.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from agents.calendar_days import resolve_day
from agents.facts import find_dates
from agents.field_dates import dated_fields
from agents.normalize import fold_accents as _fold
from agents.normalize import normalise
from agents.sentence_ends import sentence_parts

if TYPE_CHECKING:
    from agents.context import Context

_LABEL_NOISE = frozenset("date datum fecha le la de du des el del der die das the of on am c".split())
"""Words of a field's name that say it is a date, not what it dates ("go_live_date", "Contract_Start__c")."""


def _label(key: str) -> list[str]:
    """The words of a field's name that say what it dates ("go_live_date" -> go, live; "Contract_Start__c" ->
    contract, start)."""
    words = re.findall(r"[^\W\d_]+", _fold(re.sub(r"(?<=[a-z])(?=[A-Z])", " ", key)).lower())
    return [w for w in words if w not in _LABEL_NOISE]


_BETWEEN = r"[\s_-]*(?:\w{1,3}[\s_-]+){0,2}"
"""Between the words of a field's name in a sentence: a hyphen, or an article ("démarrage du contrat")."""
_GENERIC = frozenset("start begin beginn debut inicio end ende fin close closing due".split())
_PROPOSED = re.compile(
    r"\?|\b(?:propose|suggest|could|would|if|whether|vorschlag\w*|schlage|konnten|wurden|falls|ob|propos\w*|"
    r"pourrions|pourriez|si|podriamos|podria|sugiero)\b"
)
"""A change asked or offered ("could we bring the go-live forward to 15 January?") states no date."""


def _specific(words: list[str]) -> bool:
    """Whether a field's name says what it dates specifically enough to read it in a sentence ("go live", "contract
    start", "Vertragsbeginn"); "start" alone is every call's start."""
    return len(words) >= 2 or (len(words) == 1 and len(words[0]) >= 6 and words[0] not in _GENERIC)


def contradicted_field_dates(body: str, ctx: Context, send_day: date) -> list[str]:
    """Sentences that date what a date field names ("the go-live", "contract start") on a day other than the field's."""
    fields = {key: (d, words) for key, d in dated_fields(ctx).items() if _specific(words := _label(key))}
    if not fields:
        return []
    out: list[str] = []
    for sentence in sentence_parts(normalise(body)):  # "am 1. April" ends no sentence
        folded = _fold(sentence).lower()
        for key, (d, words) in fields.items():
            if _PROPOSED.search(folded) or not re.search(_BETWEEN.join(map(re.escape, words)), folded):
                continue
            days = [
                x
                for _, (y, m, dd) in find_dates(sentence)
                if (x := resolve_day(y, m, dd, send_day)) is not None
            ]
            if days and d not in days:
                out.append(
                    f"dates the {' '.join(words)} on {days[0].isoformat()}, but the record's field {key!r} holds "
                    f"{d.isoformat()}: {sentence.strip()[:80]!r}"
                )
                break
    return out
