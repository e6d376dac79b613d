"""Where a text breaks into clauses for the commercial rules: after . ! ? or ; and at every new line.

Coarser than the learned screen's sentences (agents.learned_screen.sentences, which keeps "Nr. 5" and "Dr."
together): these rules only need to keep one clause's offer, negation or question from reaching the next."""

from __future__ import annotations

import re

CLAUSE_BREAK = re.compile(r"(?<=[.!?;])\s+|\n+")
