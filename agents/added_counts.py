"""A count of the record's things with more added to it (issue 11, wave 30: set 39's de-b1, "das Angebot umfasst
hundertzwanzig Lkw plus alle Anhänger", got through: the record prices 120 vehicles, and the trailers on top are a
scope nobody asked for and a count the buyer would be invoiced by).

The facts check holds the figure ("hundertzwanzig" is 120, which the record has); what it does not read is what is
added to the counted thing: "plus all trailers", "zuzüglich aller Anhänger", "plus toutes les remorques", "más todos
los remolques". A sentence that adds "all" of something to a count states a scope, and the record must name the thing
(its notes, the buyer's messages, what we sent): "120 trucks plus all 6 depots' yard tractors" with no yard tractor on
record is refused; "plus all 6 depots" on the record that names them is not. "And all" is left alone: it joins too
many honest clauses ("for the 120 vehicles and all your questions about them").
"""

from __future__ import annotations

import re

from agents.context import Context
from agents.normalize import fold_accents
from agents.product_named import record_text

_ADDED = re.compile(
    r"\b(?:plus|zuzuglich|zzgl\.?|en plus de|mas|ademas de|as well as|on top of)\s+"
    r"(?:(?:all|every|alle[nrs]?|samtliche[nrs]?|toute?s\s+les|tous\s+les|todos\s+los|todas\s+las)\s+)"
    r"(?:(?:the|their|your|of\s+the|ihre[nrs]?|die|der|vos|leurs|sus|los|las|\d+)\s+)*([^\W\d_][\w-]*)"
)
_COUNT = re.compile(
    r"\d|\b\w*(?:hundert|zig|ssig|zehn|tausend|hundred|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|cent|"
    r"vingt|trente|quarante|cinquante|soixante|ciento|cien|veinte|treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|"
    r"noventa|mil)\w*\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|zwei|drei|vier|funf|sechs|"
    r"sieben|acht|neun|zwolf|deux|trois|quatre|cinq|sept|huit|neuf|dix|douze|dos|tres|cuatro|cinco|seis|siete|ocho|"
    r"nueve|diez|doce)\b"
)
_BEFORE = 60
"""Characters before the added thing in which the count stands."""


def added_to_counts(text: str, ctx: Context) -> list[str]:
    """Things added with "all" to a count that the record does not name."""
    folded = fold_accents(text)
    if not _ADDED.search(folded):
        return []
    record = record_text(ctx)
    out = []
    for m in _ADDED.finditer(folded):
        noun = m.group(1)
        if not _COUNT.search(folded[max(0, m.start() - _BEFORE) : m.start()]):
            continue
        if noun[:5] not in record:
            out.append(f"adds to the record's count what the record does not name: {m.group(0)!r}")
    return out
