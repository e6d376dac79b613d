"""A well-known organisation whose name opens with the same ordinary word as another customer's ("Die Deutsche Bahn
streikt" beside the tenant's Deutsche Fleet GmbH; issue 11, wave 38's note on noticed38's other-customer check).

The other-customer check reads a customer's first word alone as its name when the word is distinctive
(agents.customer_name_forms): "Deutsche hat 20 % gespart" names Deutsche Fleet GmbH, and must. But an ordinary first
word (an adjective such as "Deutsche", "General", "United", "British", a noun such as "Crédit", "Banco") also opens
the names of organisations every reader knows, and a text that mentions the railway's strike or the post's delivery
names those, not the customer. The check's rule stays: a customer is named by its distinctive part. Read with this
list, the first word is no part of the customer where it opens one of these names; anywhere else it still is, and a
customer whose own name opens with such a name ("Deutsche Bahn Logistik") is named by it as before.

A short list of public names, not a dictionary: a lookalike the list does not hold ("Deutsche Team") stays the
customer, the safe side.
"""

from __future__ import annotations

import functools
import re

WELL_KNOWN = (
    # de
    "Deutsche Bahn", "Deutsche Telekom", "Deutsche Post", "Deutsche Bank", "Deutsche Börse", "Deutsche Lufthansa",
    "Deutsche Welle", "Deutsche Bundesbank", "Deutsche Rentenversicherung", "Deutsche Presse-Agentur",
    # en
    "General Electric", "General Motors", "General Mills", "United Airlines", "United Nations",
    "United Parcel Service", "British Airways", "British Telecom", "British Gas", "American Express",
    "American Airlines", "Royal Mail", "National Grid",
    # fr
    "Société Générale", "Crédit Agricole", "Crédit Mutuel", "Caisse d'Epargne", "La Poste",
    # es
    "Banco Santander", "Banco Sabadell", "Correos Express", "Renfe Cercanías",
)


@functools.lru_cache(maxsize=4096)
def _pattern(name: str) -> re.Pattern[str] | None:
    """The well-known names that share `name`'s first word without being its own opening (or it theirs)."""
    low = name.lower()
    first = low.split()[0] if low.split() else ""
    others = [w for w in WELL_KNOWN if w.lower().split()[0] == first
              and not low.startswith(w.lower()) and not w.lower().startswith(low)]
    if not others:
        return None
    return re.compile(r"\b(?:" + "|".join(map(re.escape, others)) + r")\b")


def without_well_known(name: str, text: str) -> str:
    """`text` with the well-known organisations that share the customer `name`'s first word blanked out (same length,
    so offsets hold): what is left names the customer or does not."""
    pattern = _pattern(name)
    if pattern is None or pattern.search(text) is None:
        return text
    return pattern.sub(lambda m: " " * len(m.group(0)), text)
