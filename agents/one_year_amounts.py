"""An amount tied to one year, then another term offered beside it (issue 11, wave 39: set 50's en-g2, "the proposal
shows the one-year price of USD 48,000 and, on a separate page, what a 2-year term would look like").

agents.restated_amounts reads a term of several years within a few words after the record's amount as the amount
spread over those years. When the text has already tied the amount to one year ("the one-year price of", "der
Jahrespreis von", "le prix annuel de", "el precio anual de", "48,000 a year", "28 000 EUR par an") and the longer
term comes after "and / und / et / y", the longer term is a second option the buyer asked about, not the amount's.
"The same", "also", "covers" and the like between them still carry the amount over ("USD 48,000 a year and the same
for a 2-year term"), and a term before the amount is read as before.
"""

from __future__ import annotations

from agents.period_words import compiled

_ONE_YEAR = (
    r"(?:one-year|1-year|12-month|twelve-month|annual|yearly|jahres|einjährig\w*|jährlich\w*|annuel\w*|d['’]un\s+an|"
    r"anual\w*|de\s+un\s+año)"
)
_TIED_BEFORE = compiled(rf"(?<!\w){_ONE_YEAR}\w*(?:\s+\w+){{0,2}}\s*$")
"""The amount named as the yearly one: "the one-year price of ", "Jahrespreis von ", "prix annuel de "."""
_TIED_AFTER = compiled(
    r"^\s*(?:(?:a|per|pro|im|par|al|por|each|every|cada)\s+(?:year|jahr|an|año)\b|"
    r"(?:annually|jährlich|annuels?|anuales?)\b|/\s*(?:year|yr|jahr|an|año)\b)"
)
"""The amount said per year right after it: "48,000 a year", "28 000 EUR par an", "42.000 EUR al año"."""
_AND = compiled(r"^\s*(?:(?:a|per|pro|im|par|al|por|each|every|cada)\s+\w+\s*|\w+ly\s*)?,?\s*(?:and|und|et|y)\b")
_CARRIED = compiled(
    r"\b(?:same|also|too|as\s+well|covers?|applies|holds|gleich\w*|auch|ebenso|gilt|même\w*|aussi|vaut|"
    r"mismo|misma|también|igual|vale|cubre)\b|="
)


def other_term_beside(before: str, after: str) -> bool:
    """True when the amount between `before` and `after` is the yearly one and `after` (up to the longer term) moves
    on to another option with "and"."""
    if not (_TIED_BEFORE.search(before) or _TIED_AFTER.match(after)):
        return False
    joined = _AND.match(after)
    return joined is not None and not _CARRIED.search(after[joined.end():])
