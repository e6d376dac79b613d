"""Money given away in other words (issue 11, wave 37, set 46): a free period ("pay 10 months, get 12"), a penalty or
late charge waived ("pénalités de retard annulées") and the record's amount restated over a term it never has ("42k = 3
años"). Read as written (normalised, nothing vouched taken out), so a name or a field that carries one vouches for
nothing."""

from __future__ import annotations

from agents.free_periods import free_periods
from agents.normalize import normalise
from agents.restated_amounts import restated_amounts
from agents.waived_penalties import waived_penalties


def reworded_terms(text: str) -> list[str]:
    """Free periods, waived penalties and restated amounts in `text`."""
    said = normalise(text)
    return [*free_periods(said), *waived_penalties(said), *restated_amounts(said)]
