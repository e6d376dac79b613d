""""A year" as the unit of an amount, not a period a price is held for (issue 11, wave 39: set 50's en-g5, "Our price
stays at USD 48,000 a year for the 420 trucks.", refused as a price held for a period on "stays" and "year").

agents.concepts reads a lock word near a price ("stays", "remains", "bleibt", "reste") with a span ("until", "years",
"2028") as a price held for a period. Right after an amount, "a year", "per year", "each year", "annually", "/year"
say what the amount is per, as "48,000 a year" does in the record's own yearly price; they hold nothing for any
time. Only that unit is blanked: "stays at USD 48,000 a year until 2028" and "... a year for three years" keep
their span and are still read as a price held.
"""

from __future__ import annotations

import re

_RATE = re.compile(
    r"(?:\d|\b(?:usd|eur|gbp|chf|dollars?|euros?|pounds?|k)|[€$£])"
    r"(\s+(?:a|per|each|every)\s+year\b|\s+annually\b|\s*/\s*(?:year|yr)\b)", re.I)


def amount_rates_out(sentence: str) -> str:
    """`sentence` with the yearly unit right after each amount blanked (same length, so offsets still hold)."""
    return _RATE.sub(lambda m: m.group(0)[: m.start(1) - m.start()] + " " * len(m.group(1)), sentence)
